/**
 * Answers as domain values, their checks against a question, and their long row form for the
 * store (one row per chosen code / matrix item / number / text).
 */
import { type Message, msg } from '../shared/i18n/message.ts';
import { type Language, type Option, type Question, textIn } from './model.ts';

export type Answer =
  /** single choice and scale: one code; multiple choice: one or more; `text` for "annet, spesifiser". */
  | { readonly kind: 'codes'; readonly codes: readonly number[]; readonly text?: string }
  /** matrix: item key → code */
  | { readonly kind: 'items'; readonly items: Readonly<Record<string, number>> }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string };

export type AnswerSet = ReadonlyMap<string, Answer>;

export interface AnswerRow {
  readonly question_key: string;
  readonly item_key: string;
  readonly code: number | null;
  readonly num: number | null;
  readonly text: string | null;
  /** The code for a multiple choice (one row per chosen option), 0 otherwise: the store keeps one row per slot. */
  readonly slot: number;
}

export const defaultTextMax = 4000;

/** The options of a choice, scale or matrix question; scale end labels in the given language. */
export function optionsOf(q: Question, lang: Language = 'nb'): readonly Option[] {
  if (q.type === 'single' || q.type === 'multi') return q.options;
  if (q.type === 'matrix' && q.options) return q.options;
  const scale = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  if (!scale) return [];
  const points: Option[] = [];
  for (let v = scale.min; v <= scale.max; v++) {
    const label =
      v === scale.min ? `${v} – ${textIn(scale.minLabel, lang)}` : v === scale.max ? `${v} – ${textIn(scale.maxLabel, lang)}` : String(v);
    points.push({ code: v, label });
  }
  return [...points, ...(scale.extra ?? [])];
}

/** What can be wrong with an answer; worded from the catalogue (answerProblemMessage) or by the respondent form's own words. */
export type AnswerProblem =
  | { readonly code: 'wrong_kind' }
  | { readonly code: 'none_chosen' }
  | { readonly code: 'one_only' }
  | { readonly code: 'chosen_twice' }
  | { readonly code: 'unknown_code'; readonly value: number; readonly item?: string }
  | { readonly code: 'unknown_item'; readonly item: string }
  | { readonly code: 'exclusive'; readonly label: string }
  | { readonly code: 'specify_without_option' }
  | { readonly code: 'not_integer' }
  | { readonly code: 'below_min'; readonly value: number; readonly min: number }
  | { readonly code: 'above_max'; readonly value: number; readonly max: number }
  | { readonly code: 'too_long'; readonly max: number };

function checkCodes(q: Question, a: Answer): AnswerProblem | null {
  if (a.kind !== 'codes') return { code: 'wrong_kind' };
  const options = optionsOf(q);
  if (a.codes.length === 0) return { code: 'none_chosen' };
  if (q.type !== 'multi' && a.codes.length > 1) return { code: 'one_only' };
  if (new Set(a.codes).size !== a.codes.length) return { code: 'chosen_twice' };
  for (const c of a.codes) if (!options.some((o) => o.code === c)) return { code: 'unknown_code', value: c };
  const exclusive = options.find((o) => o.exclusive && a.codes.includes(o.code));
  if (exclusive && a.codes.length > 1) return { code: 'exclusive', label: textIn(exclusive.label, 'nb') };
  const specify = options.find((o) => o.specify);
  if (a.text !== undefined && (!specify || !a.codes.includes(specify.code))) return { code: 'specify_without_option' };
  if (a.text !== undefined && a.text.length > defaultTextMax) return { code: 'too_long', max: defaultTextMax };
  return null;
}

/** Checks an answer against its question; null when it fits. */
export function checkAnswer(q: Question, a: Answer): AnswerProblem | null {
  switch (q.type) {
    case 'single':
    case 'scale':
    case 'multi':
      return checkCodes(q, a);
    case 'matrix': {
      if (a.kind !== 'items') return { code: 'wrong_kind' };
      const codes = optionsOf(q).map((o) => o.code);
      for (const [item, code] of Object.entries(a.items)) {
        if (!q.items.some((i) => i.key === item)) return { code: 'unknown_item', item };
        if (!codes.includes(code)) return { code: 'unknown_code', value: code, item };
      }
      return null;
    }
    case 'integer': {
      if (a.kind !== 'number' || !Number.isInteger(a.value)) return { code: 'not_integer' };
      if (q.min !== undefined && a.value < q.min) return { code: 'below_min', value: a.value, min: q.min };
      if (q.max !== undefined && a.value > q.max) return { code: 'above_max', value: a.value, max: q.max };
      return null;
    }
    case 'text': {
      if (a.kind !== 'text') return { code: 'wrong_kind' };
      const max = q.maxLength ?? defaultTextMax;
      return a.value.length > max ? { code: 'too_long', max } : null;
    }
  }
}

/** The problem as a catalogue message (the English wording is the CLI's, unchanged). */
export function answerProblemMessage(p: AnswerProblem): Message {
  switch (p.code) {
    case 'wrong_kind':
      return msg('questionnaire.answer_wrong_kind');
    case 'none_chosen':
      return msg('questionnaire.answer_none_chosen');
    case 'one_only':
      return msg('questionnaire.answer_one_only');
    case 'chosen_twice':
      return msg('questionnaire.answer_chosen_twice');
    case 'unknown_code':
      return p.item === undefined
        ? msg('questionnaire.answer_unknown_code', { value: p.value })
        : msg('questionnaire.answer_unknown_item_code', { item: p.item, value: p.value });
    case 'unknown_item':
      return msg('questionnaire.answer_unknown_item', { item: p.item });
    case 'exclusive':
      return msg('questionnaire.answer_exclusive', { label: p.label });
    case 'specify_without_option':
      return msg('questionnaire.answer_specify_without_option');
    case 'not_integer':
      return msg('questionnaire.answer_not_integer');
    case 'below_min':
      return msg('questionnaire.answer_below_min', { value: p.value, min: p.min });
    case 'above_max':
      return msg('questionnaire.answer_above_max', { value: p.value, max: p.max });
    case 'too_long':
      return msg('questionnaire.answer_too_long', { max: p.max });
  }
}

/** Checks an answer against its question; returns the problem as a message, or null. */
export function answerProblem(q: Question, a: Answer): Message | null {
  const p = checkAnswer(q, a);
  return p === null ? null : answerProblemMessage(p);
}

export function toRows(q: Question, a: Answer): AnswerRow[] {
  const row = (item_key: string, code: number | null, num: number | null, text: string | null): AnswerRow => ({
    question_key: q.key,
    item_key,
    code,
    num,
    text,
    slot: q.type === 'multi' && code !== null ? code : 0,
  });
  switch (a.kind) {
    case 'codes': {
      const specify = optionsOf(q).find((o) => o.specify)?.code;
      return a.codes.map((c) => row('', c, null, c === specify && a.text !== undefined ? a.text : null));
    }
    case 'items':
      return Object.entries(a.items).map(([item, code]) => row(item, code, null, null));
    case 'number':
      return [row('', null, a.value, null)];
    case 'text':
      return [row('', null, null, a.value)];
  }
}

/** Rebuilds answers from stored rows (the inverse of toRows for one questionnaire). */
export function fromRows(questions: readonly Question[], rows: readonly AnswerRow[]): Map<string, Answer> {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const grouped = new Map<string, AnswerRow[]>();
  for (const r of rows) {
    const list = grouped.get(r.question_key) ?? [];
    list.push(r);
    grouped.set(r.question_key, list);
  }
  const out = new Map<string, Answer>();
  for (const [key, list] of grouped) {
    const q = byKey.get(key);
    if (!q) continue;
    if (q.type === 'matrix') {
      const items: Record<string, number> = {};
      for (const r of list) if (r.code !== null) items[r.item_key] = r.code;
      out.set(key, { kind: 'items', items });
    } else if (q.type === 'integer') {
      const v = list[0]?.num;
      if (v !== null && v !== undefined) out.set(key, { kind: 'number', value: v });
    } else if (q.type === 'text') {
      const v = list[0]?.text;
      if (v !== null && v !== undefined) out.set(key, { kind: 'text', value: v });
    } else {
      const codes = list.map((r) => r.code).filter((c): c is number => c !== null);
      const text = list.find((r) => r.text !== null)?.text ?? undefined;
      out.set(key, text === undefined ? { kind: 'codes', codes } : { kind: 'codes', codes, text });
    }
  }
  return out;
}
