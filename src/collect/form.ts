/**
 * Reading a page of the respondent's form: turns the posted fields of the questions shown on the
 * page into answers, and finds what is wrong, per field. Pure: the HTTP layer hands in the body,
 * the renderer words the problems. Field names: `q.KEY` (choice, number, text), `q.KEY.ITEM`
 * (matrix item), `q.KEY.tekst` ("annet, spesifiser").
 *
 * A posted value with a character the store does not keep (NUL and other control characters, see
 * shared/text.ts) is a field error, never an answer. The draft of such a page keeps the value with
 * that character replaced by U+FFFD: PostgreSQL cannot hold NUL, and the visible "�" shows the
 * respondent where it was. Reading the draft again finds the U+FFFD and gives the same error, so
 * the page cannot be submitted until the respondent has removed it. A posted U+FFFD is refused
 * the same way: it almost always marks text garbled on the way, and the cost (a respondent who
 * pastes a real "�" is asked to remove it) is small.
 */
import { type Answer, type AnswerProblem, checkAnswer, optionsOf } from '../questionnaire/answer.ts';
import type { Question } from '../questionnaire/model.ts';
import { hasForbidden, replaceForbidden } from '../shared/text.ts';

export type RawForm = Readonly<Record<string, string | readonly string[]>>;

export type FormProblem =
  | AnswerProblem
  | { readonly code: 'required' }
  | { readonly code: 'specify_missing'; readonly label: string }
  | { readonly code: 'not_a_number' }
  | { readonly code: 'forbidden_character' };

export interface FieldError {
  readonly question: string;
  /** The id of the input the error summary links to. */
  readonly target: string;
  readonly problem: FormProblem;
}

export const fieldName = (q: Question, item?: string): string => (item === undefined ? `q.${q.key}` : `q.${q.key}.${item}`);
export const specifyName = (q: Question): string => `q.${q.key}.tekst`;
/** Element id of an option's input, or of the question's single input. */
export const inputId = (q: Question, item?: string, code?: number): string =>
  ['f', q.key, item, code].filter((p) => p !== undefined).join('-');

function values(raw: RawForm, name: string): string[] {
  const v = raw[name];
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : [...v]).map((s) => s.trim()).filter((s) => s !== '');
}

function firstTarget(q: Question): string {
  if (q.type === 'integer' || q.type === 'text') return inputId(q);
  if (q.type === 'matrix') return inputId(q, q.items[0]?.key, optionsOf(q)[0]?.code);
  return inputId(q, undefined, optionsOf(q)[0]?.code);
}

const unstorable = (s: string): boolean => hasForbidden(s) || s.includes('\uFFFD');

/** The names of the fields the form shows for a question; any other posted field is ignored. */
function fieldsOf(q: Question): string[] {
  if (q.type === 'matrix') return q.items.map((it) => fieldName(q, it.key));
  return optionsOf(q).some((o) => o.specify) ? [fieldName(q), specifyName(q)] : [fieldName(q)];
}

/** The question's posted field holding a character the store refuses. */
function unstorableField(q: Question, raw: RawForm): string | undefined {
  return fieldsOf(q).find((name) => {
    const v = raw[name];
    return v !== undefined && (typeof v === 'string' ? [v] : v).some(unstorable);
  });
}

/** One question's answer from the posted fields; `null` means no answer. */
function readQuestion(q: Question, raw: RawForm): { answer: Answer | null; problem?: FormProblem; target?: string } {
  const bad = unstorableField(q, raw);
  if (bad !== undefined) {
    const item = q.type === 'matrix' ? q.items.find((it) => bad === fieldName(q, it.key)) : undefined;
    const target = bad === specifyName(q) ? `${inputId(q)}-tekst` : item ? inputId(q, item.key, optionsOf(q)[0]?.code) : undefined;
    return { answer: null, problem: { code: 'forbidden_character' }, ...(target ? { target } : {}) };
  }
  if (q.type === 'text') {
    const v = (typeof raw[fieldName(q)] === 'string' ? (raw[fieldName(q)] as string) : '').trim();
    return { answer: v === '' ? null : { kind: 'text', value: v } };
  }
  if (q.type === 'integer') {
    const [v] = values(raw, fieldName(q));
    if (v === undefined) return { answer: null };
    const compact = v.replace(/[\s\u00a0]/g, '');
    if (!/^-?\d+$/.test(compact)) return { answer: null, problem: { code: 'not_a_number' } };
    return { answer: { kind: 'number', value: Number(compact) } };
  }
  if (q.type === 'matrix') {
    const items: Record<string, number> = {};
    for (const item of q.items) {
      const [v] = values(raw, fieldName(q, item.key));
      if (v !== undefined) items[item.key] = Number(v);
    }
    return { answer: Object.keys(items).length === 0 ? null : { kind: 'items', items } };
  }
  const codes = values(raw, fieldName(q)).map(Number);
  const specify = optionsOf(q).find((o) => o.specify);
  const text = specify ? (values(raw, specifyName(q))[0] ?? '') : '';
  if (codes.length === 0) {
    return text === ''
      ? { answer: null }
      : { answer: null, problem: { code: 'specify_without_option' }, target: specify ? inputId(q, undefined, specify.code) : undefined };
  }
  if (specify && codes.includes(specify.code) && text === '') {
    const label = typeof specify.label === 'string' ? specify.label : specify.label.nb;
    return { answer: { kind: 'codes', codes }, problem: { code: 'specify_missing', label }, target: `${inputId(q)}-tekst` };
  }
  return { answer: text === '' ? { kind: 'codes', codes } : { kind: 'codes', codes, text } };
}

export interface ReadSection {
  /** Every question of the page: its answer, or null when left empty. */
  readonly answers: ReadonlyMap<string, Answer | null>;
  readonly errors: readonly FieldError[];
}

export function readSection(questions: readonly Question[], raw: RawForm): ReadSection {
  const answers = new Map<string, Answer | null>();
  const errors: FieldError[] = [];
  for (const q of questions) {
    const read = readQuestion(q, raw);
    let problem = read.problem ?? null;
    if (problem === null && read.answer !== null) problem = checkAnswer(q, read.answer);
    if (problem === null && read.answer === null && q.required) problem = { code: 'required' };
    if (problem !== null) errors.push({ question: q.key, target: read.target ?? firstTarget(q), problem });
    answers.set(q.key, problem === null ? read.answer : null);
  }
  return { answers, errors };
}

/**
 * The posted fields of the given questions (what a draft keeps), with every character the store
 * refuses replaced by U+FFFD. Fields the form does not show are left out.
 */
export function rawFieldsOf(questions: readonly Question[], raw: RawForm): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of questions.flatMap(fieldsOf)) {
    const v = raw[name];
    if (v !== undefined) out[name] = typeof v === 'string' ? replaceForbidden(v) : v.map((x) => replaceForbidden(x));
  }
  return out;
}

/** Form fields showing stored answers (how a page is filled when there is no draft). */
export function answersToRaw(questions: readonly Question[], answers: ReadonlyMap<string, Answer>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const q of questions) {
    const a = answers.get(q.key);
    if (!a) continue;
    if (a.kind === 'text') out[fieldName(q)] = a.value;
    else if (a.kind === 'number') out[fieldName(q)] = String(a.value);
    else if (a.kind === 'items') for (const [item, code] of Object.entries(a.items)) out[fieldName(q, item)] = String(code);
    else {
      out[fieldName(q)] = a.codes.map(String);
      if (a.text !== undefined) out[specifyName(q)] = a.text;
    }
  }
  return out;
}
