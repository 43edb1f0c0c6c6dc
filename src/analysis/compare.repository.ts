/**
 * SQL for "compare yourself": the counts of every question of one role in one go, grouped by a
 * unit's category under one grouping (the size classes), so a page needs three GROUP BY queries
 * however many questions the questionnaire has. The national figures are the sum over the
 * categories. Only counts leave the database, never another unit's answer; recodes of "annet"
 * apply as in every other count (see analysis.repository.ts).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { type CategorySql, categoryCase } from '../registry/grouping.sql.ts';
import type { UnitKind } from '../registry/registry.types.ts';
import type { Database } from '../store/schema.ts';
import { activeRecode, recodedCode } from './recode.sql.ts';

type Db = Kysely<Database>;

/** What to count: submitted responses of one round and role from units of one kind, by category (-1: none). */
export interface CompareScope {
  readonly year: number;
  readonly registryYear: number;
  readonly role: string;
  readonly kind: UnitKind;
  /** The grouping whose category each count is split by; null: everything in category -1. */
  readonly by: CategorySql | null;
}

function category(scope: CompareScope): RawBuilder<number> {
  return categoryCase(scope.by, sql`cat.value`);
}

function answers(db: Db, scope: CompareScope) {
  return db
    .selectFrom('response as r')
    .innerJoin('unit as u', (j) => j.onRef('u.number', '=', 'r.unit_number').on('u.year', '=', scope.registryYear))
    .leftJoin('unit_attribute as cat', (j) =>
      j
        .onRef('cat.number', '=', 'r.unit_number')
        .on('cat.year', '=', scope.registryYear)
        .on('cat.attribute', '=', scope.by?.attribute ?? '-'),
    )
    .innerJoin('answer as a', 'a.response_id', 'r.id')
    .where('r.round_year', '=', scope.year)
    .where('r.role', '=', scope.role)
    .where('r.status', '=', 'submitted')
    .where('u.kind', '=', scope.kind);
}

export interface CodeCountRow {
  grp: number;
  question_key: string;
  item_key: string;
  code: number;
  n: number;
}

/** Respondents per category, question, matrix item and chosen code (after recodes). */
export async function codeCounts(db: Db, scope: CompareScope): Promise<CodeCountRow[]> {
  const rows = await answers(db, scope)
    .leftJoin('answer_recode as rc', (j) => j.on(activeRecode('rc', 'a')))
    .where('a.code', 'is not', null)
    .select([
      category(scope).as('grp'),
      'a.question_key as question_key',
      'a.item_key as item_key',
      recodedCode('rc', 'a').as('code'),
      sql<number>`count(distinct r.id)`.as('n'),
    ])
    .groupBy([sql`1`, 'a.question_key', 'a.item_key', sql`4`])
    .execute();
  return rows.map((r) => ({
    grp: Number(r.grp),
    question_key: r.question_key,
    item_key: r.item_key,
    code: Number(r.code),
    n: Number(r.n),
  }));
}

/** Respondents who answered, per category, question and matrix item: the N of each table. */
export async function answeredCounts(
  db: Db,
  scope: CompareScope,
): Promise<{ grp: number; question_key: string; item_key: string; n: number }[]> {
  const rows = await answers(db, scope)
    .select([
      category(scope).as('grp'),
      'a.question_key as question_key',
      'a.item_key as item_key',
      sql<number>`count(distinct r.id)`.as('n'),
    ])
    .groupBy([sql`1`, 'a.question_key', 'a.item_key'])
    .execute();
  return rows.map((r) => ({ grp: Number(r.grp), question_key: r.question_key, item_key: r.item_key, n: Number(r.n) }));
}

/** Respondents per category, integer question and value: the distribution a median and mean come from. */
export async function numberCounts(
  db: Db,
  scope: CompareScope,
  questions: readonly string[],
): Promise<{ grp: number; question_key: string; num: number; n: number }[]> {
  if (questions.length === 0) return [];
  const rows = await answers(db, scope)
    .where('a.question_key', 'in', questions)
    .where('a.num', 'is not', null)
    .select([
      category(scope).as('grp'),
      'a.question_key as question_key',
      sql<number>`a.num`.as('num'),
      sql<number>`count(distinct r.id)`.as('n'),
    ])
    .groupBy([sql`1`, 'a.question_key', 'a.num'])
    .execute();
  return rows.map((r) => ({ grp: Number(r.grp), question_key: r.question_key, num: Number(r.num), n: Number(r.n) }));
}
