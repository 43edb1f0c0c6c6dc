/**
 * The SQL of an analyst's recode, shared by every count and export: an answer row's active
 * (not reverted) recode joins on the same response, question, matrix item and chosen code, and
 * the code that counts is the recode's target when there is one.
 */
import { type RawBuilder, sql } from 'kysely';

/** ON condition joining `rc` (answer_recode) to the answer row `a`: its active recode, if any. */
export function activeRecode(rc: string, a: string): RawBuilder<boolean> {
  const r = (col: string) => sql.ref(`${rc}.${col}`);
  const x = (col: string) => sql.ref(`${a}.${col}`);
  return sql<boolean>`${r('response_id')} = ${x('response_id')} and ${r('question_key')} = ${x('question_key')} and ${r('item_key')} = ${x('item_key')} and ${r('from_code')} = ${x('code')} and ${r('reverted_at')} is null`;
}

/** The code an answer row counts as: the active recode's target, or the code chosen. */
export function recodedCode(rc: string, a: string): RawBuilder<number> {
  return sql<number>`coalesce(${sql.ref(`${rc}.to_code`)}, ${sql.ref(`${a}.code`)})`;
}
