/**
 * Conditions as form fields and back. A condition is edited as a list of clause rows combined
 * with "Alle må gjelde" (all) or "Minst én må gjelde" (any): a follow-up row is an earlier
 * question (or a matrix item) and some of its answer codes, an eligibility row a registry
 * attribute, a comparison and a number. One row is a plain condition; an empty row is ignored.
 * Conditions nested deeper than one level (possible in a file) are kept as they are.
 *
 * Fields: `vis.kobling` / `gjelder.kobling` ('alle' | 'minst_en'); follow-up rows
 * `vis.N.sporsmal`, `vis.N.koder` (many) and `vis.N.valgt` (the question whose answers the page
 * shows); eligibility rows `gjelder.N.attributt`, `gjelder.N.op`, `gjelder.N.verdi`.
 */
import { type AnswerCondition, comparisonOps, type RegistryCondition } from '../../questionnaire/model.ts';
import { answerCodes } from '../../questionnaire/validate.ts';
import { type FormContext, many, one, type Problem, type Raw } from './questionnaire.form.ts';

export type ConditionKind = 'vis' | 'gjelder';
export type Join = 'alle' | 'minst_en';
type Op = (typeof comparisonOps)[number];

/** A condition as one level of clauses, or null when it is nested deeper. */
function flatten<T>(c: object, isLeaf: (x: unknown) => x is T): { join: Join; clauses: T[] } | null {
  const o = c as { all?: unknown[]; any?: unknown[] };
  const list = o.all ?? o.any;
  if (list) return list.every(isLeaf) ? { join: o.all ? 'alle' : 'minst_en', clauses: list } : null;
  return isLeaf(c) ? { join: 'alle', clauses: [c] } : null;
}

type AnswerClause = Extract<AnswerCondition, { question: string }>;
type RegistryClause = Extract<RegistryCondition, { attribute: string }>;
const isAnswerClause = (x: unknown): x is AnswerClause => typeof x === 'object' && x !== null && 'question' in x;
const isRegistryClause = (x: unknown): x is RegistryClause => typeof x === 'object' && x !== null && 'attribute' in x;

export const rowCount = (raw: Raw, kind: ConditionKind): number => {
  const field = kind === 'vis' ? 'sporsmal' : 'attributt';
  let n = 0;
  while (raw[`${kind}.${n}.${field}`] !== undefined) n++;
  return n;
};

export function conditionsToForm(raw: Raw, showIf: AnswerCondition | undefined, eligibleIf: RegistryCondition | undefined): void {
  if (showIf) {
    const flat = flatten(showIf, isAnswerClause);
    if (!flat) raw['vis.sammensatt'] = '1';
    else {
      raw['vis.kobling'] = flat.join;
      flat.clauses.forEach((c, i) => {
        const target = c.item ? `${c.question}.${c.item}` : c.question;
        raw[`vis.${i}.sporsmal`] = target;
        raw[`vis.${i}.valgt`] = target;
        raw[`vis.${i}.koder`] = c.codes.map(String);
      });
    }
  }
  if (eligibleIf) {
    const flat = flatten(eligibleIf, isRegistryClause);
    if (!flat) raw['gjelder.sammensatt'] = '1';
    else {
      raw['gjelder.kobling'] = flat.join;
      flat.clauses.forEach((c, i) => {
        raw[`gjelder.${i}.attributt`] = c.attribute;
        raw[`gjelder.${i}.op`] = c.op;
        raw[`gjelder.${i}.verdi`] = String(c.value).replace('.', ',');
      });
    }
  }
}

const rowFields: Record<ConditionKind, readonly string[]> = {
  vis: ['sporsmal', 'koder', 'valgt'],
  gjelder: ['attributt', 'op', 'verdi'],
};

/** The form with an empty row added to a condition. */
export function addRow(raw: Raw, kind: ConditionKind): Raw {
  const out: Raw = { ...raw };
  const n = rowCount(raw, kind);
  // The page always shows one row; a form without any gets that one plus the new one.
  for (let i = n; i < Math.max(n + 1, 2); i++) {
    if (kind === 'vis') out[`vis.${i}.sporsmal`] = '';
    else Object.assign(out, { [`gjelder.${i}.attributt`]: '', [`gjelder.${i}.op`]: '>', [`gjelder.${i}.verdi`]: '' });
  }
  return out;
}

/** The form without row `index` of a condition; the rows after it move up. */
export function removeRow(raw: Raw, kind: ConditionKind, index: number): Raw {
  const out: Raw = {};
  const n = rowCount(raw, kind);
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith(`${kind}.`) || !/^\w+\.\d+\./.test(k)) out[k] = v;
  for (let i = 0, to = 0; i < n; i++) {
    if (i === index) continue;
    for (const f of rowFields[kind]) {
      const v = raw[`${kind}.${i}.${f}`];
      if (v !== undefined) out[`${kind}.${to}.${f}`] = v;
    }
    to++;
  }
  return out;
}

const joinOf = (raw: Raw, kind: ConditionKind): Join => (one(raw, `${kind}.kobling`) === 'minst_en' ? 'minst_en' : 'alle');

function combine<T>(clauses: T[], join: Join): T | { all: T[] } | { any: T[] } | undefined {
  if (clauses.length <= 1) return clauses[0];
  return join === 'alle' ? { all: clauses } : { any: clauses };
}

/** The same condition up to the order of codes and a one-clause all/any. */
function canonical(c: unknown): string {
  const norm = (x: unknown): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    const o = x as Record<string, unknown>;
    for (const k of ['all', 'any'])
      if (Array.isArray(o[k]))
        return (o[k] as unknown[]).length === 1 ? norm((o[k] as unknown[])[0]) : { [k]: (o[k] as unknown[]).map(norm) };
    return Array.isArray(o.codes) ? { ...o, codes: [...(o.codes as number[])].sort((a, b) => a - b) } : o;
  };
  return JSON.stringify(norm(c) ?? null);
}

/** Keeps the stored condition when the form says the same (a save without changes changes nothing). */
const keep = <T>(read: T | undefined, stored: T | undefined): T | undefined =>
  stored !== undefined && canonical(read) === canonical(stored) ? stored : read;

/** "Oppfølgingsspørsmål, vilkår 2: …" (the row's number only when there are several). */
const where = (what: string, n: number, i: number) => (n > 1 ? `${what}, vilkår ${i + 1}` : what);

export interface ShowIfRow {
  readonly target: string;
  readonly codes: readonly string[];
  /** The question whose answers the page offers (after "Velg"). */
  readonly shown: string | undefined;
}

export const showIfRows = (raw: Raw): ShowIfRow[] =>
  Array.from({ length: rowCount(raw, 'vis') }, (_, i) => {
    const shown = raw[`vis.${i}.valgt`];
    return {
      target: one(raw, `vis.${i}.sporsmal`),
      codes: many(raw, `vis.${i}.koder`),
      shown: shown === undefined ? undefined : one(raw, `vis.${i}.valgt`),
    };
  });

export function readShowIf(raw: Raw, ctx: FormContext, problems: Problem[]): AnswerCondition | undefined {
  if (one(raw, 'vis.sammensatt') && ctx.existing?.showIf) return ctx.existing.showIf;
  const rows = showIfRows(raw);
  const clauses: AnswerClause[] = [];
  rows.forEach((row, i) => {
    if (row.target === '') return;
    const label = where('Oppfølgingsspørsmål', rows.length, i);
    const [question = '', item] = row.target.split('.');
    const q = ctx.qn.questions.find((x) => x.key === question);
    if (!q) {
      problems.push({ field: `vis.${i}.sporsmal`, message: `${label}: velg et spørsmål fra listen` });
      return;
    }
    if (row.shown !== undefined && row.shown !== row.target) {
      problems.push({ field: `vis.${i}.sporsmal`, message: `${label}: trykk «Velg» og kryss av for svarene på spørsmålet du valgte` });
      return;
    }
    const allowed = new Set(answerCodes(q));
    const codes = row.codes.map(Number).filter((c) => allowed.has(c));
    if (codes.length === 0) {
      problems.push({ field: `vis.${i}.koder`, message: `${label}: kryss av for minst ett svar som skal vise spørsmålet` });
      return;
    }
    clauses.push({ question, ...(item ? { item } : {}), codes });
  });
  return keep(combine(clauses, joinOf(raw, 'vis')), ctx.existing?.showIf);
}

export interface EligibleIfRow {
  readonly attribute: string;
  readonly op: string;
  readonly value: string;
}

export const eligibleIfRows = (raw: Raw): EligibleIfRow[] =>
  Array.from({ length: rowCount(raw, 'gjelder') }, (_, i) => ({
    attribute: one(raw, `gjelder.${i}.attributt`),
    op: one(raw, `gjelder.${i}.op`) || '>',
    value: one(raw, `gjelder.${i}.verdi`),
  }));

const numberOf = (v: string) => v.replace(/[\s\u00a0]/g, '').replace(',', '.');

export function readEligibleIf(raw: Raw, ctx: FormContext, problems: Problem[]): RegistryCondition | undefined {
  if (one(raw, 'gjelder.sammensatt') && ctx.existing?.eligibleIf) return ctx.existing.eligibleIf;
  const rows = eligibleIfRows(raw);
  const clauses: RegistryClause[] = [];
  rows.forEach((row, i) => {
    if (row.attribute === '' && row.value === '') return;
    const label = where('Hvem får spørsmålet', rows.length, i);
    const before = problems.length;
    if (!/^[a-z][a-z0-9_]*$/.test(row.attribute))
      problems.push({ field: `gjelder.${i}.attributt`, message: `${label}: velg et registertall fra listen` });
    if (!(comparisonOps as readonly string[]).includes(row.op))
      problems.push({ field: `gjelder.${i}.op`, message: `${label}: velg en sammenligning` });
    const value = numberOf(row.value);
    if (!/^-?\d+(\.\d+)?$/.test(value))
      problems.push({
        field: `gjelder.${i}.verdi`,
        message: `${label}: skriv et tall å sammenligne ${row.attribute || 'registertallet'} med, for eksempel 0`,
      });
    if (problems.length === before) clauses.push({ attribute: row.attribute, op: row.op as Op, value: Number(value) });
  });
  return keep(combine(clauses, joinOf(raw, 'gjelder')), ctx.existing?.eligibleIf);
}

/** What a row action asks for: `vis.legg_til`, `gjelder.fjern.2`, … */
export function rowAction(handling: string): { kind: ConditionKind; add: true } | { kind: ConditionKind; remove: number } | null {
  const m = handling.match(/^(vis|gjelder)\.(legg_til|fjern\.(\d+))$/);
  if (!m) return null;
  const kind = m[1] as ConditionKind;
  return m[3] === undefined ? { kind, add: true } : { kind, remove: Number(m[3]) };
}
