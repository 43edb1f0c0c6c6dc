/**
 * SQL for rounds: the round itself, its questionnaires (stored as validated JSON, so a round keeps
 * the exact questionnaire it ran with) and the units taking part per role.
 */
import type { Kysely, Selectable } from 'kysely';
import { insertChunked } from '../store/batch.ts';
import type { Database, RoundTable } from '../store/schema.ts';

type Db = Kysely<Database>;
export type RoundRow = Selectable<RoundTable>;

export async function insertRound(db: Db, row: RoundRow): Promise<void> {
  await db.insertInto('round').values(row).execute();
}

export async function findRound(db: Db, year: number): Promise<RoundRow | undefined> {
  return db.selectFrom('round').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function updateReminderDays(db: Db, year: number, days: string): Promise<void> {
  await db.updateTable('round').set({ reminder_days: days }).where('year', '=', year).execute();
}

export async function updateWindow(db: Db, year: number, opensAt: string, closesAt: string): Promise<void> {
  await db.updateTable('round').set({ opens_at: opensAt, closes_at: closesAt }).where('year', '=', year).execute();
}

export async function listRounds(db: Db): Promise<RoundRow[]> {
  return db.selectFrom('round').selectAll().orderBy('year').execute();
}

export async function insertQuestionnaire(db: Db, roundYear: number, role: string, definition: string): Promise<void> {
  await db.insertInto('questionnaire').values({ round_year: roundYear, role, definition }).execute();
}

export async function listQuestionnaires(db: Db, roundYear: number): Promise<{ role: string; definition: string }[]> {
  return db.selectFrom('questionnaire').select(['role', 'definition']).where('round_year', '=', roundYear).execute();
}

export async function insertRoundUnits(db: Db, roundYear: number, role: string, numbers: readonly string[]): Promise<void> {
  await insertChunked(
    db,
    'round_unit',
    numbers.map((n) => ({ round_year: roundYear, role, unit_number: n })),
  );
}

export async function roundUnitNumbers(db: Db, roundYear: number, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('round_unit')
    .select('unit_number')
    .where('round_year', '=', roundYear)
    .where('role', '=', role)
    .orderBy('unit_number')
    .execute();
  return rows.map((r) => r.unit_number);
}

export async function countRoundUnits(db: Db, roundYear: number): Promise<{ role: string; units: number }[]> {
  const rows = await db
    .selectFrom('round_unit')
    .select((eb) => ['role', eb.fn.countAll<number>().as('units')])
    .where('round_year', '=', roundYear)
    .groupBy('role')
    .execute();
  return rows.map((r) => ({ role: r.role, units: Number(r.units) }));
}

export async function updateQuestionnaire(db: Db, roundYear: number, role: string, definition: string): Promise<number> {
  const r = await db
    .updateTable('questionnaire')
    .set({ definition })
    .where('round_year', '=', roundYear)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertQuestionnaireChange(
  db: Db,
  row: { round_year: number; role: string; at: string; by_user: string; changes: string },
): Promise<void> {
  await db.insertInto('questionnaire_change').values(row).execute();
}

export async function questionnaireChanges(
  db: Db,
  roundYear: number,
  role: string,
): Promise<{ at: string; by_user: string; changes: string }[]> {
  return db
    .selectFrom('questionnaire_change')
    .select(['at', 'by_user', 'changes'])
    .where('round_year', '=', roundYear)
    .where('role', '=', role)
    .orderBy('id')
    .execute();
}

/** Copies a round's letters (invitation and reminder texts) to another round. */
export async function copyMailTemplates(db: Db, fromYear: number, toYear: number, at: string): Promise<void> {
  const letters = await db.selectFrom('mail_template').selectAll().where('round_year', '=', fromYear).execute();
  for (const l of letters)
    await db
      .insertInto('mail_template')
      .values({ ...l, round_year: toYear, updated_at: at })
      .execute();
}
