/**
 * Messages about analysing responses (analysis/): a question that is not there or not of the
 * kind an analysis needs, recoding "annet, spesifiser" answers, trends across years. The English
 * wording is what the CLI has always printed (`--years` and KEY.ITEM name its arguments).
 */
import type { TextTable } from './types.ts';

type Where = { year: number; role: string };
type Question = { question: string };

/** A question type by what it asks for, for "it has no options to count". */
const typeNb: Record<string, string> = { text: 'et fritekstspørsmål', integer: 'et tallspørsmål' };
const typeNn: Record<string, string> = { text: 'eit fritekstspørsmål', integer: 'eit talspørsmål' };

export const analysisTexts = {
  'analysis.not_question_ref': {
    nb: (p: { raw: string }) => `«${p.raw}» er ikke en spørsmålsnøkkel (NØKKEL eller NØKKEL.DELSPØRSMÅL)`,
    nn: (p: { raw: string }) => `«${p.raw}» er ikkje ein spørsmålsnøkkel (NØKKEL eller NØKKEL.DELSPØRSMÅL)`,
    en: (p: { raw: string }) => `"${p.raw}" is not a question key (KEY or KEY.ITEM)`,
  },
  'analysis.matrix_needs_item': {
    nb: (p: Question & { items: string }) => `${p.question} er en matrise: oppgi et delspørsmål som ${p.question}.DELSPØRSMÅL (${p.items})`,
    nn: (p: Question & { items: string }) =>
      `${p.question} er ei matrise: oppgi eit delspørsmål som ${p.question}.DELSPØRSMÅL (${p.items})`,
    en: (p: Question & { items: string }) => `${p.question} is a matrix: name an item as ${p.question}.ITEM (${p.items})`,
  },
  'analysis.not_matrix': {
    nb: (p: Question & { item: string }) => `${p.question} er ikke en matrise og har derfor ikke delspørsmålet «${p.item}»`,
    nn: (p: Question & { item: string }) => `${p.question} er ikkje ei matrise og har difor ikkje delspørsmålet «${p.item}»`,
    en: (p: Question & { item: string }) => `${p.question} is not a matrix, so it has no item "${p.item}"`,
  },
  'analysis.not_scale': {
    nb: (p: Question) => `${p.question} er ikke et skalaspørsmål`,
    nn: (p: Question) => `${p.question} er ikkje eit skalaspørsmål`,
    en: (p: Question) => `${p.question} is not a scale question`,
  },
  'analysis.not_number_question': {
    nb: (p: Question & { role: string }) => `${p.role} «${p.question}» er ikke et tallspørsmål`,
    nn: (p: Question & { role: string }) => `${p.role} «${p.question}» er ikkje eit talspørsmål`,
    en: (p: Question & { role: string }) => `${p.role} "${p.question}" is not a number question`,
  },
  /** `keys` (the questions there are) is given where a list helps. */
  'analysis.no_question': {
    nb: (p: Where & Question & { keys?: string }) =>
      `skjemaet for ${p.role} i ${p.year} har ikke spørsmålet «${p.question}»${p.keys === undefined ? '' : ` (${p.keys})`}`,
    nn: (p: Where & Question & { keys?: string }) =>
      `skjemaet for ${p.role} i ${p.year} har ikkje spørsmålet «${p.question}»${p.keys === undefined ? '' : ` (${p.keys})`}`,
    en: (p: Where & Question & { keys?: string }) =>
      `the ${p.year} ${p.role} questionnaire has no question "${p.question}"${p.keys === undefined ? '' : ` (${p.keys})`}`,
  },
  'analysis.nothing_to_count': {
    nb: (p: Question & { type: string }) => `«${p.question}» er ${typeNb[p.type] ?? p.type}: det har ingen svaralternativer å telle`,
    nn: (p: Question & { type: string }) => `«${p.question}» er ${typeNn[p.type] ?? p.type}: det har ingen svaralternativ å telje`,
    en: (p: Question & { type: string }) => `"${p.question}" is a ${p.type} question: it has no options to count`,
  },
  'analysis.unit_not_asked': {
    nb: (p: Where & { unit: string; name: string }) => `${p.unit} ${p.name} er ikke med i skjemaet for ${p.role} i ${p.year}`,
    nn: (p: Where & { unit: string; name: string }) => `${p.unit} ${p.name} er ikkje med i skjemaet for ${p.role} i ${p.year}`,
    en: (p: Where & { unit: string; name: string }) => `${p.unit} ${p.name} is not asked in the ${p.year} ${p.role} questionnaire`,
  },

  // --- Recoding "annet, spesifiser" answers (recode.ts) ---
  'analysis.no_such_option': {
    nb: (p: Question & { code: number; codes: string }) => `${p.question} har ikke svaralternativ ${p.code} (${p.codes})`,
    nn: (p: Question & { code: number; codes: string }) => `${p.question} har ikkje svaralternativ ${p.code} (${p.codes})`,
    en: (p: Question & { code: number; codes: string }) => `${p.question} has no option ${p.code} (${p.codes})`,
  },
  'analysis.no_response': {
    nb: (p: Where & { unit: string }) => `${p.unit} har ikke noe svar som ${p.role} i ${p.year}`,
    nn: (p: Where & { unit: string }) => `${p.unit} har ikkje noko svar som ${p.role} i ${p.year}`,
    en: (p: Where & { unit: string }) => `${p.unit} has no ${p.role} response in ${p.year}`,
  },
  'analysis.no_specify_text': {
    nb: (p: Question & { unit: string }) => `${p.unit} har ingen «annet, spesifiser»-tekst i ${p.question}`,
    nn: (p: Question & { unit: string }) => `${p.unit} har ingen «anna, spesifiser»-tekst i ${p.question}`,
    en: (p: Question & { unit: string }) => `${p.unit} has no "annet, spesifiser" text for ${p.question}`,
  },
  'analysis.already_option': {
    nb: (p: { code: number }) => `svaret har allerede svaralternativ ${p.code}`,
    nn: (p: { code: number }) => `svaret har alt svaralternativ ${p.code}`,
    en: (p: { code: number }) => `the answer already has option ${p.code}`,
  },
  'analysis.recode_into_specify': {
    nb: (p: { code: number }) => `svaralternativ ${p.code} er selv et «annet»-alternativ; omkod til et fast svaralternativ`,
    nn: (p: { code: number }) => `svaralternativ ${p.code} er sjølv eit «anna»-alternativ; omkod til eit fast svaralternativ`,
    en: (p: { code: number }) => `option ${p.code} is itself an "annet" option; recode into a fixed option`,
  },
  'analysis.no_recode': {
    nb: (p: { id: number }) => `det finnes ingen gjeldende omkoding ${p.id}`,
    nn: (p: { id: number }) => `det finst inga gjeldande omkoding ${p.id}`,
    en: (p: { id: number }) => `no active recode ${p.id}`,
  },

  // --- Trends (trend.ts) ---
  'analysis.years_reversed': {
    nb: (p: { from: number; to: number }) => `--years: ${p.from} kommer etter ${p.to}`,
    nn: (p: { from: number; to: number }) => `--years: ${p.from} kjem etter ${p.to}`,
    en: (p: { from: number; to: number }) => `--years: ${p.from} is after ${p.to}`,
  },
  'analysis.never_asked': {
    nb: (p: Question & { from: number; to: number; role: string }) =>
      `ingen runde fra ${p.from} til ${p.to} stiller ${p.role} spørsmålet «${p.question}»`,
    nn: (p: Question & { from: number; to: number; role: string }) =>
      `ingen runde frå ${p.from} til ${p.to} stiller ${p.role} spørsmålet «${p.question}»`,
    en: (p: Question & { from: number; to: number; role: string }) => `no round from ${p.from} to ${p.to} asks ${p.role} "${p.question}"`,
  },
  'analysis.option_not_every_year': {
    nb: (p: Question & { codes: string; common: string }) =>
      `svaralternativ ${p.codes} i «${p.question}» finnes ikke alle årene (det gjør ${p.common})`,
    nn: (p: Question & { codes: string; common: string }) =>
      `svaralternativ ${p.codes} i «${p.question}» finst ikkje alle åra (det gjer ${p.common})`,
    en: (p: Question & { codes: string; common: string }) =>
      `option ${p.codes} of "${p.question}" does not exist every year (${p.common} do)`,
  },
} satisfies TextTable;
