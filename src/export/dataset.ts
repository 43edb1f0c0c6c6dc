/**
 * The shape of a researcher export: its variables (the codebook) built from a questionnaire and
 * the registry attributes asked for, and one row per response built from its answer rows.
 *
 * Naming: a single choice, scale or integer question is its key; a multiple choice has one 0/1
 * column per option (`KEY_CODE`); a matrix one column per item (`KEY_ITEM`); free text and the
 * text of "annet, spesifiser" go in `KEY_tekst`. Answers are codes; a question not answered
 * (or not asked) is missing. Scale extras ("Vet ikke", "Ikke relevant") are missing codes.
 */

import { optionsOf } from '../questionnaire/answer.ts';
import type { Question, Questionnaire } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { ExportAnswerRow, ExportResponseRow } from './export.repository.ts';

export interface ValueLabel {
  readonly code: number;
  readonly label: string;
}

export interface ExportVariable {
  readonly name: string;
  /** The question text (bokmål), with the item or option for matrix and multiple-choice columns. */
  readonly label: string;
  /** What the codebook calls the variable's type (Norwegian). */
  readonly kind: string;
  readonly type: 'numeric' | 'string';
  readonly values: readonly ValueLabel[];
  /** Codes that are answers but not values on the scale (user-missing in SPSS). */
  readonly missing: readonly number[];
}

export type Cell = string | number | null;
export type ExportRow = ReadonlyMap<string, Cell>;

export const statusCodes: readonly ValueLabel[] = [
  { code: 1, label: 'Sendt inn' },
  { code: 2, label: 'Påbegynt' },
];

const multiValues: readonly ValueLabel[] = [
  { code: 0, label: 'Ikke valgt' },
  { code: 1, label: 'Valgt' },
];

function valuesOf(q: Question): ValueLabel[] {
  return optionsOf(q).map((o) => ({ code: o.code, label: textIn(o.label, 'nb') }));
}

function missingOf(q: Question): number[] {
  const scale = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  return (scale?.extra ?? []).map((o) => o.code);
}

const hasSpecify = (q: Question) => (q.type === 'single' || q.type === 'multi') && q.options.some((o) => o.specify);

/** The variables of an export, in column order; fails on an attribute name that clashes. */
export function exportVariables(qn: Questionnaire, attributes: readonly string[], districts: boolean): ExportVariable[] {
  const vars: ExportVariable[] = [
    {
      name: 'kommunenummer',
      label: districts ? 'Bydelsnummer' : 'Kommunenummer',
      kind: 'tekst',
      type: 'string',
      values: [],
      missing: [],
    },
    { name: 'enhet', label: districts ? 'Bydel' : 'Kommune', kind: 'tekst', type: 'string', values: [], missing: [] },
    { name: 'fylkesnummer', label: 'Fylkesnummer', kind: 'tekst', type: 'string', values: [], missing: [] },
    { name: 'status', label: 'Status for svaret', kind: 'kode', type: 'numeric', values: statusCodes, missing: [] },
  ];
  for (const a of attributes) {
    vars.push({ name: a, label: `Registervariabel: ${a}`, kind: 'tall (register)', type: 'numeric', values: [], missing: [] });
  }
  for (const q of qn.questions) {
    const text = textIn(q.text, 'nb');
    switch (q.type) {
      case 'single':
      case 'scale':
        vars.push({
          name: q.key,
          label: text,
          kind: q.type === 'single' ? 'enkeltvalg' : 'skala',
          type: 'numeric',
          values: valuesOf(q),
          missing: missingOf(q),
        });
        break;
      case 'multi':
        for (const o of q.options) {
          vars.push({
            name: `${q.key}_${o.code}`,
            label: `${text} – ${textIn(o.label, 'nb')}`,
            kind: 'flervalg (0/1)',
            type: 'numeric',
            values: multiValues,
            missing: [],
          });
        }
        break;
      case 'matrix':
        for (const item of q.items) {
          vars.push({
            name: `${q.key}_${item.key}`,
            label: `${text} – ${textIn(item.label, 'nb')}`,
            kind: 'matrise',
            type: 'numeric',
            values: valuesOf(q),
            missing: missingOf(q),
          });
        }
        break;
      case 'integer':
        vars.push({ name: q.key, label: text, kind: 'heltall', type: 'numeric', values: [], missing: [] });
        break;
      case 'text':
        vars.push({ name: `${q.key}_tekst`, label: text, kind: 'tekst', type: 'string', values: [], missing: [] });
        break;
    }
    if (hasSpecify(q)) {
      vars.push({ name: `${q.key}_tekst`, label: `${text} – annet, spesifiser`, kind: 'tekst', type: 'string', values: [], missing: [] });
    }
  }
  const seen = new Set<string>();
  for (const v of vars) {
    if (seen.has(v.name)) throw invalid(msg('export.column_twice', { name: v.name }));
    seen.add(v.name);
  }
  return vars;
}

/** One row: the response's unit, its attributes and its answers (grouped by question). */
export function exportRow(
  qn: Questionnaire,
  response: ExportResponseRow,
  attributes: readonly string[],
  unitAttributes: Readonly<Record<string, number>>,
  answers: readonly ExportAnswerRow[],
): ExportRow {
  const row = new Map<string, Cell>([
    ['kommunenummer', response.unitNumber],
    ['enhet', response.unitName],
    ['fylkesnummer', response.countyNumber],
    ['status', response.status === 'submitted' ? 1 : 2],
  ]);
  for (const a of attributes) row.set(a, unitAttributes[a] ?? null);
  const byQuestion = new Map<string, ExportAnswerRow[]>();
  for (const a of answers) {
    const list = byQuestion.get(a.questionKey) ?? [];
    list.push(a);
    byQuestion.set(a.questionKey, list);
  }
  for (const q of qn.questions) {
    const list = byQuestion.get(q.key) ?? [];
    const first = list[0];
    switch (q.type) {
      case 'single':
      case 'scale':
        row.set(q.key, list.find((a) => a.code !== null)?.code ?? null);
        break;
      case 'multi': {
        const chosen = new Set(list.map((a) => a.code));
        for (const o of q.options) row.set(`${q.key}_${o.code}`, list.length === 0 ? null : chosen.has(o.code) ? 1 : 0);
        break;
      }
      case 'matrix':
        for (const item of q.items) row.set(`${q.key}_${item.key}`, list.find((a) => a.itemKey === item.key)?.code ?? null);
        break;
      case 'integer':
        row.set(q.key, first?.num ?? null);
        break;
      case 'text':
        row.set(`${q.key}_tekst`, first?.text ?? null);
        break;
    }
    if (hasSpecify(q)) row.set(`${q.key}_tekst`, list.find((a) => a.text !== null)?.text ?? null);
  }
  return row;
}

/** `1=Ja; 2=Nei; 9=Vet ikke` */
export function valueList(values: readonly ValueLabel[]): string {
  return values.map((v) => `${v.code}=${v.label}`).join('; ');
}
