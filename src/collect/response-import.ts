/**
 * Importing responses collected elsewhere (earlier years, paper, another survey service): a CSV
 * with `kommunenummer` and a column per question key. Values are option codes or exact bokmål
 * labels; a multiple choice holds `;`-separated values; a matrix has a `key.item` column per item;
 * "annet, spesifiser" text goes in `key.tekst`; an empty cell is no answer. Every row counts as
 * submitted. Each value is checked against the questionnaire and its routing; one bad cell and
 * nothing is stored.
 */
import { type Answer, answerProblem, optionsOf, toRows } from '../questionnaire/answer.ts';
import { describeAnswerCondition, describeRegistryCondition } from '../questionnaire/describe.ts';
import { type Question, type Role, roleSchema, roles, textIn } from '../questionnaire/model.ts';
import { type Attributes, answerConditionHolds, isEligible } from '../questionnaire/routing.ts';
import { normaliseUnitNumber } from '../registry/registry.csv.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { getRound, roundQuestionnaire, roundUnits } from '../round/round.service.ts';
import { type CsvRow, type CsvTable, location, problemAt, readCsv } from '../shared/csv.ts';
import { invalid, ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { parseInteger } from '../shared/numbers.ts';
import type { Store } from '../store/store.ts';
import { type NewResponse, replaceResponses } from './response.repository.ts';

export const specifySuffix = 'tekst';

type Column =
  | { readonly name: string; readonly kind: 'unit' }
  | { readonly name: string; readonly kind: 'value'; readonly question: Question }
  | { readonly name: string; readonly kind: 'item'; readonly question: Question; readonly item: string }
  | { readonly name: string; readonly kind: 'specify'; readonly question: Question };

function mapColumns(table: CsvTable, questions: readonly Question[], problems: ProblemList): Column[] {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const at = (c: string, what: Message) => problems.add(problemAt(location(table.file, 1, c), what));
  if (!table.header.includes('kommunenummer')) {
    problems.add(problemAt(location(table.file, 1), msg('csv.required_column_missing', { column: 'kommunenummer' })));
  }
  const columns: Column[] = [];
  for (const name of table.header) {
    if (name === 'kommunenummer') {
      columns.push({ name, kind: 'unit' });
      continue;
    }
    const [key = '', sub, ...rest] = name.split('.');
    const q = byKey.get(key);
    if (!q || rest.length > 0) {
      at(name, msg('collect.unknown_column'));
    } else if (sub === undefined) {
      if (q.type === 'matrix') at(name, msg('collect.matrix_needs_items', { key, example: `${key}.${q.items[0]?.key}` }));
      else columns.push({ name, kind: 'value', question: q });
    } else if (q.type === 'matrix') {
      if (q.items.some((i) => i.key === sub)) columns.push({ name, kind: 'item', question: q, item: sub });
      else at(name, msg('collect.no_such_item', { key, item: sub, items: q.items.map((i) => i.key).join(', ') }));
    } else if (sub === specifySuffix && optionsOf(q).some((o) => o.specify)) {
      columns.push({ name, kind: 'specify', question: q });
    } else {
      at(name, msg('collect.unknown_part', { key, part: sub }));
    }
  }
  return columns;
}

/** An option code, or the option whose bokmål label matches exactly (trimmed). */
function codeOf(q: Question, raw: string): number | undefined {
  const options = optionsOf(q);
  const n = parseInteger(raw);
  if (n !== undefined) return options.some((o) => o.code === n) ? n : undefined;
  return options.find((o) => textIn(o.label, 'nb') === raw)?.code;
}

function parseCell(col: Column, raw: string): { answer?: Answer; text?: string; item?: [string, number]; problem?: Message } {
  if (col.kind === 'specify') return { text: raw };
  if (col.kind === 'item') {
    const code = codeOf(col.question, raw);
    return code === undefined
      ? { problem: msg('collect.not_an_option', { key: col.question.key, value: raw }) }
      : { item: [col.item, code] };
  }
  if (col.kind !== 'value') return {};
  const q = col.question;
  switch (q.type) {
    case 'integer': {
      const n = parseInteger(raw);
      return n === undefined ? { problem: msg('collect.not_a_whole_number', { value: raw }) } : { answer: { kind: 'number', value: n } };
    }
    case 'text':
      return { answer: { kind: 'text', value: raw } };
    case 'multi': {
      const parts = raw
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const codes: number[] = [];
      for (const p of parts) {
        const c = codeOf(q, p);
        if (c === undefined) return { problem: msg('collect.not_an_option', { key: q.key, value: p }) };
        codes.push(c);
      }
      return { answer: { kind: 'codes', codes } };
    }
    default: {
      const c = codeOf(q, raw);
      return c === undefined
        ? { problem: msg('collect.not_an_option', { key: q.key, value: raw }) }
        : { answer: { kind: 'codes', codes: [c] } };
    }
  }
}

export interface ResponseImportResult {
  readonly year: number;
  readonly role: Role;
  readonly responses: number;
  readonly answers: number;
  readonly replaced: number;
}

interface RowContext {
  readonly file: string;
  readonly role: Role;
  readonly year: number;
  readonly registryYear: number;
  readonly questions: readonly Question[];
  readonly columns: readonly Column[];
  readonly participating: ReadonlySet<string>;
  readonly attributesOf: ReadonlyMap<string, Attributes>;
  readonly seen: Map<string, number>;
  readonly problems: ProblemList;
}

/** Reads one row's cells into answers by question (matrix items and "annet" text joined in). */
function rowAnswers(row: CsvRow, ctx: RowContext): { answers: Map<string, Answer>; columnOf: Map<string, string> } {
  const at = (c: string, what: Message) => ctx.problems.add(problemAt(location(ctx.file, row.line, c), what));
  const answers = new Map<string, Answer>();
  const columnOf = new Map<string, string>();
  const specifyText = new Map<string, { text: string; column: string }>();
  const matrices = new Map<string, Record<string, number>>();
  for (const col of ctx.columns) {
    const raw = row.cells.get(col.name) ?? '';
    if (col.kind === 'unit' || raw === '') continue;
    const parsed = parseCell(col, raw);
    if (parsed.problem) at(col.name, parsed.problem);
    const key = col.question.key;
    if (!columnOf.has(key)) columnOf.set(key, col.name);
    if (parsed.answer) answers.set(key, parsed.answer);
    if (parsed.item) {
      const items = matrices.get(key) ?? {};
      items[parsed.item[0]] = parsed.item[1];
      matrices.set(key, items);
    }
    if (parsed.text !== undefined) specifyText.set(key, { text: parsed.text, column: col.name });
  }
  for (const [key, items] of matrices) answers.set(key, { kind: 'items', items });
  for (const [key, { text, column }] of specifyText) {
    const a = answers.get(key);
    if (a?.kind !== 'codes') at(column, msg('collect.specify_without_answer', { key }));
    else answers.set(key, { ...a, text });
  }
  return { answers, columnOf };
}

/** Checks one row (unit, values, routing); returns its response, or null when the unit is unusable. */
function checkRow(row: CsvRow, ctx: RowContext, stamp: string): NewResponse | null {
  const at = (c: string, what: Message) => ctx.problems.add(problemAt(location(ctx.file, row.line, c), what));
  const rawUnit = row.cells.get('kommunenummer') ?? '';
  const unit = normaliseUnitNumber(rawUnit);
  if (unit === undefined) {
    at('kommunenummer', msg('collect.not_a_unit_number', { value: rawUnit }));
    return null;
  }
  if (!ctx.participating.has(unit)) {
    at('kommunenummer', msg('round.unit_not_in_round', { unit, role: ctx.role, year: ctx.year }));
    return null;
  }
  const earlier = ctx.seen.get(unit);
  if (earlier !== undefined) at('kommunenummer', msg('collect.unit_twice', { unit, line: earlier }));
  ctx.seen.set(unit, row.line);

  const { answers, columnOf } = rowAnswers(row, ctx);
  // Check each answer and the routing, in questionnaire order.
  const attrs = ctx.attributesOf.get(unit) ?? {};
  const kept = new Map<string, Answer>();
  const rows = [];
  for (const q of ctx.questions) {
    const a = answers.get(q.key);
    if (!a) continue;
    const col = columnOf.get(q.key) ?? q.key;
    const problem = answerProblem(q, a);
    if (problem) {
      at(col, problem);
      continue;
    }
    if (!isEligible(q, attrs) && q.eligibleIf) {
      const condition = describeRegistryCondition(q.eligibleIf);
      at(col, msg('collect.not_eligible', { unit, key: q.key, condition, year: ctx.registryYear }));
      continue;
    }
    if (q.showIf && !answerConditionHolds(q.showIf, kept)) {
      at(col, msg('collect.follow_up_not_asked', { key: q.key, condition: describeAnswerCondition(q.showIf) }));
      continue;
    }
    kept.set(q.key, a);
    rows.push(...toRows(q, a));
  }
  return { unitNumber: unit, status: 'submitted', source: 'import', startedAt: stamp, submittedAt: stamp, answers: rows };
}

const batchSize = 1000;

export async function importResponses(
  store: Store,
  input: { year: number; role: string; text: string | Buffer; file: string },
  now = new Date(),
): Promise<ResponseImportResult> {
  const roleParsed = roleSchema.safeParse(input.role);
  if (!roleParsed.success) throw invalid(msg('questionnaire.unknown_role', { role: input.role, roles: roles.join(', ') }));
  const role = roleParsed.data;
  const round = await getRound(store, input.year);
  const qn = await roundQuestionnaire(store, input.year, role);
  const participating = new Set(await roundUnits(store, input.year, role));
  const attributesOf = new Map((await getRegistry(store, round.registryYear)).map((u) => [u.number, u.attributes as Attributes]));

  const table = readCsv(input.text, input.file);
  const problems = new ProblemList();
  const columns = mapColumns(table, qn.questions, problems);
  problems.throwIfAny();
  if (table.rows.length === 0) problems.add(msg('validation.in_file', { file: table.file, what: msg('collect.no_responses') }));
  problems.throwIfAny();

  const ctx: RowContext = {
    file: table.file,
    role,
    year: input.year,
    registryYear: round.registryYear,
    questions: qn.questions,
    columns,
    participating,
    attributesOf,
    seen: new Map(),
    problems,
  };
  const stamp = now.toISOString();
  // Rows are checked and written in batches inside one transaction, so memory stays bounded;
  // any problem rolls the whole import back.
  return store.db.transaction().execute(async (trx) => {
    let batch: NewResponse[] = [];
    let responses = 0;
    let answers = 0;
    let replaced = 0;
    const flush = async () => {
      if (problems.count === 0 && batch.length > 0) replaced += await replaceResponses(trx, input.year, role, batch, stamp);
      batch = [];
    };
    for (const row of table.rows) {
      const response = checkRow(row, ctx, stamp);
      if (!response) continue;
      responses++;
      answers += response.answers.length;
      batch.push(response);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    problems.throwIfAny();
    return { year: input.year, role, responses, answers, replaced };
  });
}
