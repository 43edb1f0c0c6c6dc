/**
 * A grouping as SQL: a CASE expression giving each unit's category index (-1: none), so counts by
 * category come straight from GROUP BY on SQLite and PostgreSQL alike. Cut points and values are
 * numbers from a validated grouping and are inlined as literals (the same expression can then be
 * repeated in GROUP BY without parameter numbering getting in the way).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Grouping } from './grouping.ts';

/** The part of a grouping the SQL needs (the county grouping needs none: it is a column). */
export type CategorySql =
  | { attribute: string; cuts: readonly number[] }
  | { attribute: string; values: readonly (readonly number[])[]; otherwise: boolean };

export function categorySql(g: Grouping): CategorySql | null {
  if (g.kind === 'county') return null;
  if (g.kind === 'cuts') return { attribute: g.attribute, cuts: g.cuts };
  return { attribute: g.attribute, values: g.categories.map((c) => c.values), otherwise: g.otherwise !== undefined };
}

/** CASE on `value` (an attribute value column) giving the category index, -1 when none. */
export function categoryCase(c: CategorySql | undefined | null, value: RawBuilder<unknown>): RawBuilder<number> {
  if (!c) return sql<number>`-1`;
  const lit = (n: number) => sql.lit(n);
  if ('cuts' in c) {
    const whens = c.cuts.map((cut, i) => sql`when ${value} < ${lit(cut)} then ${lit(i)}`);
    return sql<number>`case when ${value} is null then -1 ${sql.join(whens, sql` `)} else ${lit(c.cuts.length)} end`;
  }
  const whens = c.values.map((vals, i) => sql`when ${value} in (${sql.join(vals.map(lit))}) then ${lit(i)}`);
  return sql<number>`case when ${value} is null then -1 ${sql.join(whens, sql` `)} else ${lit(c.otherwise ? c.values.length : -1)} end`;
}
