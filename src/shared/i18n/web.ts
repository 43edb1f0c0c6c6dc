/**
 * Messages the web itself gives (src/server): an address that names no year, role, section or
 * file, a missing upload, a report not built yet. What the services say comes from their own
 * tables; the pages word everything in bokmål (the survey team's pages) with `text('nb')`.
 */
import type { TextTable } from './types.ts';

export const webTexts = {
  'web.not_a_year': {
    nb: (p: { raw: string }) => `«${p.raw}» er ikke et årstall`,
    nn: (p: { raw: string }) => `«${p.raw}» er ikkje eit årstal`,
    en: (p: { raw: string }) => `"${p.raw}" is not a year`,
  },
  'web.unknown_role': {
    nb: (p: { role: string }) => `ukjent rolle «${p.role}»`,
    nn: (p: { role: string }) => `ukjend rolle «${p.role}»`,
    en: (p: { role: string }) => `unknown role "${p.role}"`,
  },
  /** `role` is empty when the unit takes part in no role. */
  'web.unit_no_questionnaire': {
    nb: (p: { number: string; name: string; role: string; year: number }) =>
      `${p.number} ${p.name} har ikke skjemaet for ${p.role || 'noen rolle'} i ${p.year}`,
    nn: (p: { number: string; name: string; role: string; year: number }) =>
      `${p.number} ${p.name} har ikkje skjemaet for ${p.role || 'nokon rolle'} i ${p.year}`,
    en: (p: { number: string; name: string; role: string; year: number }) =>
      `${p.number} ${p.name} has no questionnaire for ${p.role || 'any role'} in ${p.year}`,
  },
  'web.not_round_unit': {
    nb: (p: { number: string; year: number; role: string }) => `${p.number} er ikke en enhet i undersøkelsen for ${p.year} for ${p.role}`,
    nn: (p: { number: string; year: number; role: string }) => `${p.number} er ikkje ei eining i undersøkinga for ${p.year} for ${p.role}`,
    en: (p: { number: string; year: number; role: string }) => `${p.number} is not a unit of the ${p.year} round for ${p.role}`,
  },
  'web.no_round': {
    nb: () => 'Det finnes ingen undersøkelse ennå: lag en med «Ny undersøkelse» på forsiden',
    nn: () => 'Det finst inga undersøking enno: lag ei med «Ny undersøkelse» på framsida',
    en: () => 'there is no round yet: create one with "kommunepuls round create"',
  },
  'web.no_such_export': {
    nb: () => 'Det finnes ingen slik eksport',
    nn: () => 'Det finst ingen slik eksport',
    en: () => 'no such export',
  },
  'web.report_not_built': {
    nb: (p: { year: number }) => `Rapporten for ${p.year} er ikke bygget ennå`,
    nn: (p: { year: number }) => `Rapporten for ${p.year} er ikkje bygd enno`,
    en: (p: { year: number }) => `the report for ${p.year} has not been built yet`,
  },
  'web.report_no_pdf': {
    nb: (p: { year: number }) => `Det finnes ingen PDF av rapporten for ${p.year} ennå`,
    nn: (p: { year: number }) => `Det finst ingen PDF av rapporten for ${p.year} enno`,
    en: (p: { year: number }) => `there is no PDF of the report for ${p.year} yet`,
  },
  'web.no_section': {
    nb: (p: { key: string }) => `Spørreskjemaet har ingen seksjon ${p.key}.`,
    nn: (p: { key: string }) => `Spørjeskjemaet har ingen seksjon ${p.key}.`,
    en: (p: { key: string }) => `The questionnaire has no section ${p.key}.`,
  },
  'web.no_question': {
    nb: (p: { key: string }) => `Spørreskjemaet har ikke noe spørsmål ${p.key}.`,
    nn: (p: { key: string }) => `Spørjeskjemaet har ikkje noko spørsmål ${p.key}.`,
    en: (p: { key: string }) => `The questionnaire has no question ${p.key}.`,
  },
  'web.choose_question_type': {
    nb: () => 'Velg en spørsmålstype.',
    nn: () => 'Vel ein spørsmålstype.',
    en: () => 'Choose a question type.',
  },
  'web.choose_csv': {
    nb: () => 'Velg en CSV-fil.',
    nn: () => 'Vel ei CSV-fil.',
    en: () => 'Choose a CSV file.',
  },
  'web.choose_yaml': {
    nb: () => 'Velg en YAML- eller JSON-fil.',
    nn: () => 'Vel ei YAML- eller JSON-fil.',
    en: () => 'Choose a YAML or JSON file.',
  },
  'web.no_capture': {
    nb: () => 'Ingen fangede e-poster: denne serveren sender ekte e-post',
    nn: () => 'Ingen fanga e-postar: denne serveren sender ekte e-post',
    en: () => 'no captured mail: this server sends real mail',
  },
  /** A reminder sent by hand from a unit's page could not go. */
  'web.reminder_not_sent': {
    nb: (p: { why: string }) => `Påminnelsen kunne ikke sendes: ${p.why}`,
    nn: (p: { why: string }) => `Påminninga kunne ikkje sendast: ${p.why}`,
    en: (p: { why: string }) => `The reminder could not be sent: ${p.why}`,
  },
  /** A form of the survey team's pages over a stated limit (server/limits.ts fieldLimits). */
  'web.too_many_fields': {
    nb: (p: { count: number; max: number }) => `Skjemaet har ${p.count} felt; høyst ${p.max} er tillatt.`,
    nn: (p: { count: number; max: number }) => `Skjemaet har ${p.count} felt; høgst ${p.max} er tillate.`,
    en: (p: { count: number; max: number }) => `The form has ${p.count} fields; at most ${p.max} are allowed.`,
  },
  'web.field_name_too_long': {
    nb: (p: { length: number; max: number }) => `Et felt har et navn på ${p.length} tegn; høyst ${p.max} er tillatt.`,
    nn: (p: { length: number; max: number }) => `Eit felt har eit namn på ${p.length} teikn; høgst ${p.max} er tillate.`,
    en: (p: { length: number; max: number }) => `A field has a name of ${p.length} characters; at most ${p.max} are allowed.`,
  },
  'web.field_too_long': {
    nb: (p: { field: string; length: number; max: number }) =>
      `Feltet «${p.field}» har ${p.length.toLocaleString('nb-NO')} tegn; høyst ${p.max.toLocaleString('nb-NO')} er tillatt.`,
    nn: (p: { field: string; length: number; max: number }) =>
      `Feltet «${p.field}» har ${p.length.toLocaleString('nb-NO')} teikn; høgst ${p.max.toLocaleString('nb-NO')} er tillate.`,
    en: (p: { field: string; length: number; max: number }) =>
      `The field "${p.field}" has ${p.length} characters; at most ${p.max} are allowed.`,
  },
} satisfies TextTable;
