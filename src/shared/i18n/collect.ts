/**
 * Messages about collecting responses (collect/): the problems of a response import (a CSV with
 * a column per question; each problem is placed at its `csv.location` by `common.at`), answers
 * saved by a service that do not fit their question, and submitting a form with unfinished pages.
 * The English wording is what the CLI has always printed.
 */
import type { TextTable } from './types.ts';

type KeyPart = { key: string };

export const collectTexts = {
  'collect.unknown_column': {
    nb: () => 'ukjent kolonne (ikke et spørsmål i skjemaet)',
    nn: () => 'ukjend kolonne (ikkje eit spørsmål i skjemaet)',
    en: () => 'unknown column (not a question of the questionnaire)',
  },
  'collect.unknown_part': {
    nb: (p: KeyPart & { part: string }) => `ukjent kolonne (${p.key} har ingen del «${p.part}»)`,
    nn: (p: KeyPart & { part: string }) => `ukjend kolonne (${p.key} har ingen del «${p.part}»)`,
    en: (p: KeyPart & { part: string }) => `unknown column (${p.key} has no part "${p.part}")`,
  },
  /** `example` is the column of the first item (`kjennskap.nettsted`). */
  'collect.matrix_needs_items': {
    nb: (p: KeyPart & { example: string }) => `${p.key} er en matrise: lag én kolonne per delspørsmål (${p.example})`,
    nn: (p: KeyPart & { example: string }) => `${p.key} er ei matrise: lag éin kolonne per delspørsmål (${p.example})`,
    en: (p: KeyPart & { example: string }) => `${p.key} is a matrix: give one column per item (${p.example})`,
  },
  'collect.no_such_item': {
    nb: (p: KeyPart & { item: string; items: string }) => `${p.key} har ikke delspørsmålet «${p.item}» (delspørsmålene er ${p.items})`,
    nn: (p: KeyPart & { item: string; items: string }) => `${p.key} har ikkje delspørsmålet «${p.item}» (delspørsmåla er ${p.items})`,
    en: (p: KeyPart & { item: string; items: string }) => `${p.key} has no item "${p.item}" (items: ${p.items})`,
  },
  'collect.not_an_option': {
    nb: (p: KeyPart & { value: string }) => `«${p.value}» er ikke et svaralternativ i ${p.key}`,
    nn: (p: KeyPart & { value: string }) => `«${p.value}» er ikkje eit svaralternativ i ${p.key}`,
    en: (p: KeyPart & { value: string }) => `"${p.value}" is not an option of ${p.key}`,
  },
  'collect.not_a_whole_number': {
    nb: (p: { value: string }) => `«${p.value}» er ikke et helt tall`,
    nn: (p: { value: string }) => `«${p.value}» er ikkje eit heilt tal`,
    en: (p: { value: string }) => `"${p.value}" is not a whole number`,
  },
  'collect.specify_without_answer': {
    nb: (p: KeyPart) => `en spesifisering uten svar på ${p.key}`,
    nn: (p: KeyPart) => `ei spesifisering utan svar på ${p.key}`,
    en: (p: KeyPart) => `a specification without an answer to ${p.key}`,
  },
  'collect.not_a_unit_number': {
    nb: (p: { value: string }) => `«${p.value}» er ikke et kommune- eller bydelsnummer`,
    nn: (p: { value: string }) => `«${p.value}» er ikkje eit kommune- eller bydelsnummer`,
    en: (p: { value: string }) => `"${p.value}" is not a unit number`,
  },
  'collect.unit_twice': {
    nb: (p: { unit: string; line: number }) => `${p.unit} står allerede på linje ${p.line}`,
    nn: (p: { unit: string; line: number }) => `${p.unit} står alt på linje ${p.line}`,
    en: (p: { unit: string; line: number }) => `${p.unit} already appears on line ${p.line}`,
  },
  /** `condition` is the eligibility in words (questionnaire.cond_*). */
  'collect.not_eligible': {
    nb: (p: KeyPart & { unit: string; condition: string; year: number }) =>
      `${p.unit} får ikke spørsmålet ${p.key} (bare enheter med ${p.condition} i registeret for ${p.year})`,
    nn: (p: KeyPart & { unit: string; condition: string; year: number }) =>
      `${p.unit} får ikkje spørsmålet ${p.key} (berre einingar med ${p.condition} i registeret for ${p.year})`,
    en: (p: KeyPart & { unit: string; condition: string; year: number }) =>
      `${p.unit} is not asked ${p.key} (only units with ${p.condition} in the ${p.year} registry)`,
  },
  /** `condition` is the follow-up condition in words (questionnaire.cond_*). */
  'collect.follow_up_not_asked': {
    nb: (p: KeyPart & { condition: string }) => `${p.key} er et oppfølgingsspørsmål som bare stilles når ${p.condition}`,
    nn: (p: KeyPart & { condition: string }) => `${p.key} er eit oppfølgingsspørsmål som berre blir stilt når ${p.condition}`,
    en: (p: KeyPart & { condition: string }) => `${p.key} is a follow-up asked only when ${p.condition}`,
  },
  'collect.no_responses': {
    nb: () => 'filen har en overskriftslinje, men ingen svar',
    nn: () => 'fila har ei overskriftslinje, men ingen svar',
    en: () => 'the file has a header but no responses',
  },
  /** An answer given to a service that does not fit its question: `0301 skolesjef.antall: …`. */
  'collect.answer_problem': {
    nb: (p: KeyPart & { unit: string; role: string; problem: string }) => `${p.unit} ${p.role}.${p.key}: ${p.problem}`,
    nn: (p: KeyPart & { unit: string; role: string; problem: string }) => `${p.unit} ${p.role}.${p.key}: ${p.problem}`,
    en: (p: KeyPart & { unit: string; role: string; problem: string }) => `${p.unit} ${p.role}.${p.key}: ${p.problem}`,
  },
  'collect.submit_unfinished': {
    nb: () => 'noen sider har svar som må rettes før du kan sende inn',
    nn: () => 'nokre sider har svar som må rettast før du kan sende inn',
    en: () => 'some pages have answers that need correcting before you can submit',
  },
} satisfies TextTable;
