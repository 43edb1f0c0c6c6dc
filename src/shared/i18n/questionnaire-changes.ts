/**
 * Messages describing a change between two versions of a questionnaire (questionnaire/diff.ts),
 * shown in the editor's change log and in the CLI, and the warnings about trends across years.
 * The English wording is what the CLI and the stored change logs always had (old log entries
 * are read back into these keys, see questionnaire/change-log.ts).
 */
import type { TextTable } from './types.ts';

type Code = { code: number };
type Key = { key: string };
type QuestionType = 'single' | 'multi' | 'scale' | 'matrix' | 'integer' | 'text';

/** Question types as the survey team's pages name them (the editor uses these too). */
export const typeNb: Record<QuestionType, string> = {
  single: 'Ett svar',
  multi: 'Flere svar mulig',
  scale: 'Skala',
  matrix: 'Matrise',
  integer: 'Tall',
  text: 'Fritekst',
};
const typeNn: Record<QuestionType, string> = {
  single: 'Eitt svar',
  multi: 'Fleire svar moglege',
  scale: 'Skala',
  matrix: 'Matrise',
  integer: 'Tal',
  text: 'Fritekst',
};
const typeIn = (names: Record<QuestionType, string>, t: string) => names[t as QuestionType] ?? t;

export const questionnaireChangeTexts = {
  'questionnaire.change_type': {
    nb: (p: { from: string; to: string }) => `typen er endret fra ${typeIn(typeNb, p.from)} til ${typeIn(typeNb, p.to)}`,
    nn: (p: { from: string; to: string }) => `typen er endra frå ${typeIn(typeNn, p.from)} til ${typeIn(typeNn, p.to)}`,
    en: (p: { from: string; to: string }) => `type ${p.from} → ${p.to}`,
  },
  /** No section: the question moved to the first section. */
  'questionnaire.change_section': {
    nb: (p: { section?: string }) => (p.section === undefined ? 'flyttet til den første seksjonen' : `flyttet til seksjonen ${p.section}`),
    nn: (p: { section?: string }) => (p.section === undefined ? 'flytta til den første seksjonen' : `flytta til seksjonen ${p.section}`),
    en: (p: { section?: string }) => `moved to section ${p.section ?? '(first)'}`,
  },
  'questionnaire.change_required': {
    nb: () => 'er nå obligatorisk',
    nn: () => 'er no obligatorisk',
    en: () => 'now required',
  },
  'questionnaire.change_not_required': {
    nb: () => 'er ikke lenger obligatorisk',
    nn: () => 'er ikkje lenger obligatorisk',
    en: () => 'no longer required',
  },
  'questionnaire.change_show_if': {
    nb: () => 'vilkåret for oppfølgingsspørsmålet er endret',
    nn: () => 'vilkåret for oppfølgingsspørsmålet er endra',
    en: () => 'follow-up condition changed',
  },
  'questionnaire.change_eligible_if': {
    nb: () => 'hvem som får spørsmålet er endret',
    nn: () => 'kven som får spørsmålet, er endra',
    en: () => 'eligibility changed',
  },
  'questionnaire.change_text': {
    nb: () => 'spørsmålsteksten er endret',
    nn: () => 'spørsmålsteksten er endra',
    en: () => 'question text changed',
  },
  'questionnaire.change_help': {
    nb: () => 'hjelpeteksten er endret',
    nn: () => 'hjelpeteksten er endra',
    en: () => 'help text changed',
  },
  'questionnaire.change_short_label': {
    nb: () => 'kortnavnet er endret',
    nn: () => 'kortnamnet er endra',
    en: () => 'short label changed',
  },
  'questionnaire.change_option_removed': {
    nb: (p: Code) => `svaralternativ ${p.code} er fjernet`,
    nn: (p: Code) => `svaralternativ ${p.code} er fjerna`,
    en: (p: Code) => `option ${p.code} removed`,
  },
  'questionnaire.change_option_added': {
    nb: (p: Code) => `svaralternativ ${p.code} er lagt til`,
    nn: (p: Code) => `svaralternativ ${p.code} er lagt til`,
    en: (p: Code) => `option ${p.code} added`,
  },
  'questionnaire.change_option_label': {
    nb: (p: Code) => `teksten til svaralternativ ${p.code} er endret`,
    nn: (p: Code) => `teksten til svaralternativ ${p.code} er endra`,
    en: (p: Code) => `label of option ${p.code} changed`,
  },
  'questionnaire.change_option_behaviour': {
    nb: (p: Code) => `svaralternativ ${p.code} virker annerledes (eksklusivt eller spesifiser)`,
    nn: (p: Code) => `svaralternativ ${p.code} verkar annleis (eksklusivt eller spesifiser)`,
    en: (p: Code) => `option ${p.code} behaves differently`,
  },
  'questionnaire.change_options_order': {
    nb: () => 'svaralternativene har fått ny rekkefølge',
    nn: () => 'svaralternativa har fått ny rekkjefølgje',
    en: () => 'options reordered',
  },
  'questionnaire.change_item_removed': {
    nb: (p: Key) => `delspørsmål ${p.key} er fjernet`,
    nn: (p: Key) => `delspørsmål ${p.key} er fjerna`,
    en: (p: Key) => `item ${p.key} removed`,
  },
  'questionnaire.change_item_added': {
    nb: (p: Key) => `delspørsmål ${p.key} er lagt til`,
    nn: (p: Key) => `delspørsmål ${p.key} er lagt til`,
    en: (p: Key) => `item ${p.key} added`,
  },
  'questionnaire.change_item_label': {
    nb: (p: Key) => `teksten til delspørsmål ${p.key} er endret`,
    nn: (p: Key) => `teksten til delspørsmål ${p.key} er endra`,
    en: (p: Key) => `label of item ${p.key} changed`,
  },
  'questionnaire.change_limits': {
    nb: () => 'grensene er endret',
    nn: () => 'grensene er endra',
    en: () => 'limits changed',
  },
  'questionnaire.change_title': {
    nb: () => 'tittelen er endret',
    nn: () => 'tittelen er endra',
    en: () => 'title changed',
  },
  'questionnaire.change_intro': {
    nb: () => 'innledningen er endret',
    nn: () => 'innleiinga er endra',
    en: () => 'introduction changed',
  },
  'questionnaire.change_section_removed': {
    nb: (p: Key) => `seksjonen ${p.key} er fjernet`,
    nn: (p: Key) => `seksjonen ${p.key} er fjerna`,
    en: (p: Key) => `section ${p.key} removed`,
  },
  'questionnaire.change_section_added': {
    nb: (p: Key) => `seksjonen ${p.key} er lagt til`,
    nn: (p: Key) => `seksjonen ${p.key} er lagd til`,
    en: (p: Key) => `section ${p.key} added`,
  },
  'questionnaire.change_section_texts': {
    nb: (p: Key) => `tekstene i seksjonen ${p.key} er endret`,
    nn: (p: Key) => `tekstane i seksjonen ${p.key} er endra`,
    en: (p: Key) => `section ${p.key} texts changed`,
  },
  'questionnaire.change_sections_order': {
    nb: () => 'seksjonene har fått ny rekkefølge',
    nn: () => 'seksjonane har fått ny rekkjefølgje',
    en: () => 'sections reordered',
  },
  'questionnaire.change_question_removed': {
    nb: (p: Key) => `spørsmålet ${p.key} er slettet`,
    nn: (p: Key) => `spørsmålet ${p.key} er sletta`,
    en: (p: Key) => `question ${p.key} removed`,
  },
  'questionnaire.change_question_added': {
    nb: (p: Key) => `spørsmålet ${p.key} er lagt til`,
    nn: (p: Key) => `spørsmålet ${p.key} er lagt til`,
    en: (p: Key) => `question ${p.key} added`,
  },
  'questionnaire.change_questions_order': {
    nb: () => 'spørsmålene har fått ny rekkefølge',
    nn: () => 'spørsmåla har fått ny rekkjefølgje',
    en: () => 'questions reordered',
  },
  /** An entry of an old change log in a form no longer written (shown as it was stored). */
  'questionnaire.change_unrecognised': {
    nb: (p: { text: string }) => `endring: ${p.text}`,
    nn: (p: { text: string }) => `endring: ${p.text}`,
    en: (p: { text: string }) => p.text,
  },
  /** A change in a list: `samarbeid.options[9] (option 9 added)`. */
  'questionnaire.change_listed': {
    nb: (p: { path: string; what: string }) => `${p.path} (${p.what})`,
    nn: (p: { path: string; what: string }) => `${p.path} (${p.what})`,
    en: (p: { path: string; what: string }) => `${p.path} (${p.what})`,
  },
  /** Two parts of a list separated by `; ` (longer lists are built from pairs). */
  'questionnaire.list_next': {
    nb: (p: { a: string; b: string }) => `${p.a}; ${p.b}`,
    nn: (p: { a: string; b: string }) => `${p.a}; ${p.b}`,
    en: (p: { a: string; b: string }) => `${p.a}; ${p.b}`,
  },

  // --- Trends across years (diff.ts trendWarnings) ---
  'questionnaire.trend_code_moved': {
    nb: (p: { question: string; label: string; code: number; year: number; now: number }) =>
      `${p.question}: «${p.label}» var svaralternativ ${p.code} i ${p.year} og er svaralternativ ${p.now} nå. Kodene bærer svaralternativene mellom årene, så behold ${p.code}.`,
    nn: (p: { question: string; label: string; code: number; year: number; now: number }) =>
      `${p.question}: «${p.label}» var svaralternativ ${p.code} i ${p.year} og er svaralternativ ${p.now} no. Kodane ber svaralternativa mellom åra, så behald ${p.code}.`,
    en: (p: { question: string; label: string; code: number; year: number; now: number }) =>
      `${p.question}: "${p.label}" was option ${p.code} in ${p.year} and is option ${p.now} now; codes carry options across years, so keep ${p.code}`,
  },
  'questionnaire.trend_option_gone': {
    nb: (p: { question: string; label: string; code: number; year: number }) =>
      `${p.question}: svaralternativ ${p.code} («${p.label}») fra ${p.year} finnes ikke lenger; trendene vil utelate det.`,
    nn: (p: { question: string; label: string; code: number; year: number }) =>
      `${p.question}: svaralternativ ${p.code} («${p.label}») frå ${p.year} finst ikkje lenger; trendane vil utelate det.`,
    en: (p: { question: string; label: string; code: number; year: number }) =>
      `${p.question}: option ${p.code} ("${p.label}") of ${p.year} is gone; trends will leave it out`,
  },
} satisfies TextTable;
