/**
 * Migration 011 (one answer row per slot) on a store written before it: the slots of multiple
 * choices come from the stored questionnaires, duplicates that concurrent saves left behind are
 * reduced to the last row written, and the unique key holds afterwards.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrate } from './migrations.ts';
import { describeStores } from './testing.ts';

const questionnaire = JSON.stringify({
  role: 'skolesjef',
  questions: [
    { key: 'enig', type: 'single' },
    { key: 'hvem', type: 'multi' },
    { key: 'kjennskap', type: 'matrix' },
  ],
});

describeStores(
  'migration 011: answer slots',
  (test) => {
    test('gives multiple-choice rows their code as slot, keeps the last of duplicated answers and then refuses a second one', async (store) => {
      const db = store.db;
      await sql`insert into round (year, registry_year, template, opens_at, closes_at, created_at) values (2019, 2019, 't', 'a', 'b', 'c')`.execute(
        db,
      );
      await sql`insert into questionnaire (round_year, role, definition) values (2019, 'skolesjef', ${questionnaire})`.execute(db);
      await sql`insert into response (round_year, role, unit_number, status, source, updated_at) values (2019, 'skolesjef', '0301', 'in_progress', 'web', 'x')`.execute(
        db,
      );
      const answer = (question: string, item: string, code: number) =>
        sql`insert into answer (response_id, question_key, item_key, code) values (1, ${question}, ${item}, ${code})`.execute(db);
      // What the old code could leave: "Ja" and then "Nei" to one single choice, a matrix item twice,
      // two options of a multiple choice (fine) and one of them twice.
      await answer('enig', '', 1);
      await answer('enig', '', 2);
      await answer('kjennskap', 'nettsted', 1);
      await answer('kjennskap', 'nettsted', 2);
      await answer('kjennskap', 'statistikk', 1);
      await answer('hvem', '', 1);
      await answer('hvem', '', 3);
      await answer('hvem', '', 3);

      assert.equal((await migrate(db, store.dialect))[0], '011_answer_slot');

      const rows = await db
        .selectFrom('answer')
        .select(['question_key', 'item_key', 'code', 'slot'])
        .orderBy('question_key')
        .orderBy('item_key')
        .orderBy('code')
        .execute();
      assert.deepEqual(rows, [
        { question_key: 'enig', item_key: '', code: 2, slot: 0 },
        { question_key: 'hvem', item_key: '', code: 1, slot: 1 },
        { question_key: 'hvem', item_key: '', code: 3, slot: 3 },
        { question_key: 'kjennskap', item_key: 'nettsted', code: 2, slot: 0 },
        { question_key: 'kjennskap', item_key: 'statistikk', code: 1, slot: 0 },
      ]);
      await assert.rejects(answer('enig', '', 1), /unique|UNIQUE/);
    });
  },
  { migrateUntil: '010_report_build' },
);
