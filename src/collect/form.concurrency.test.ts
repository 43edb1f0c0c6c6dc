/**
 * Concurrent saves of one form, as a double click, two tabs or a retry produce them: whatever
 * order they run in, one page's answers win whole (never a mix, never two answers to a single
 * choice), no save fails, and a submit racing a save leaves one consistent response. On
 * PostgreSQL the saves really run at once on the pool's connections; on SQLite they queue.
 */
import assert from 'node:assert/strict';
import { inspect, isDeepStrictEqual } from 'node:util';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { type FormContext, formState, openForm, saveSection, submit } from './form.service.ts';
import { ensureLinks } from './link.service.ts';

const template = writeMiniTemplate();

/** Two whole versions of the "tema" page that contradict each other on every question. */
const pageA = { 'q.samarbeid': '1', 'q.samarbeid_med': ['1', '2'], 'q.har_oversikt': '1', 'q.antall': '5', 'q.utfordring': '1' };
const pageB = { 'q.samarbeid': '2', 'q.har_oversikt': '2', 'q.utfordring': '5', 'q.kjennskap.nettsted': '2' };
const expectedA = { samarbeid: [1], samarbeid_med: [1, 2], har_oversikt: [1], antall: 5, utfordring: [1] };
const expectedB = { samarbeid: [2], har_oversikt: [2], utfordring: [5], kjennskap: { nettsted: 2 } };

async function forms(store: Store): Promise<FormContext[]> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const out: FormContext[] = [];
  for (const link of await ensureLinks(store, 2019)) {
    const ctx = await openForm(store, link.token);
    assert.ok(ctx);
    out.push(ctx);
  }
  return out;
}

/** The stored "tema" answers of a form in a comparable shape. */
async function temaOf(store: Store, ctx: FormContext): Promise<Record<string, unknown>> {
  const answers = (await formState(store, ctx)).answers;
  const out: Record<string, unknown> = {};
  for (const [key, a] of answers) {
    if (a.kind === 'codes') out[key] = [...a.codes].sort();
    else if (a.kind === 'items') out[key] = a.items;
    else out[key] = a.value;
  }
  return out;
}

/** (response, question, item) keys holding more than one row for a question that allows one. */
async function contradictions(store: Store): Promise<number> {
  const rows = await store.db
    .selectFrom('answer')
    .select(['response_id', 'question_key', 'item_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('question_key', '!=', 'samarbeid_med')
    .groupBy(['response_id', 'question_key', 'item_key'])
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  return rows.length;
}

describeStores('concurrent saves of one form', (test) => {
  test('keeps exactly one whole page when contradictory first saves of every form arrive at once', async (store) => {
    const all = await forms(store);
    const results = await Promise.allSettled(
      all.flatMap((ctx) => [saveSection(store, ctx, 'tema', pageA), saveSection(store, ctx, 'tema', pageB)]),
    );
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      [],
      'no save failed',
    );
    assert.equal(await contradictions(store), 0);
    const responses = await store.db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(responses.n), all.length, 'one response per form');
    for (const ctx of all) {
      const got = await temaOf(store, ctx);
      assert.ok(
        isDeepStrictEqual(got, expectedA) || isDeepStrictEqual(got, expectedB),
        `${ctx.role} ${ctx.unit.number}: ${JSON.stringify(got)} is neither page whole`,
      );
    }
  });

  test('keeps one whole page through rounds of simultaneous saves of started forms', async (store) => {
    const all = (await forms(store)).slice(0, 8);
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        all.flatMap((ctx) => [
          saveSection(store, ctx, 'tema', round % 2 ? pageA : pageB),
          saveSection(store, ctx, 'tema', round % 2 ? pageB : pageA),
          saveSection(store, ctx, 'om_deg', { 'q.rolle': `runde ${round}` }),
        ]),
      );
    }
    assert.equal(await contradictions(store), 0);
    for (const ctx of all) {
      const { rolle, ...tema } = await temaOf(store, ctx);
      assert.equal(rolle, 'runde 4');
      assert.ok(
        [expectedA, expectedB].some((e) => isDeepStrictEqual(e, tema)),
        inspect(tema),
      );
    }
  });

  test('leaves one consistent response when a submit and saves of the same form race', async (store) => {
    const all = (await forms(store)).slice(0, 10);
    const results = await Promise.allSettled(
      all.flatMap((ctx) => [
        saveSection(store, ctx, 'tema', pageA),
        submit(store, ctx),
        saveSection(store, ctx, 'om_deg', { 'q.rolle': 'Rådmann' }),
      ]),
    );
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
      [],
    );
    for (const ctx of all) {
      const state = await formState(store, ctx);
      assert.equal(state.status, 'submitted');
      assert.ok(state.submittedAt);
      assert.deepEqual(state.answers.get('rolle'), { kind: 'text', value: 'Rådmann' });
      assert.deepEqual(state.answers.get('samarbeid'), { kind: 'codes', codes: [1] });
    }
    assert.equal(await contradictions(store), 0);
  });

  test('refuses a second answer to a single choice in the store itself', async (store) => {
    const [ctx] = await forms(store);
    assert.ok(ctx);
    await saveSection(store, ctx, 'tema', pageB);
    const row = await store.db.selectFrom('response').select('id').executeTakeFirstOrThrow();
    await assert.rejects(
      store.db
        .insertInto('answer')
        .values({ response_id: row.id, question_key: 'samarbeid', item_key: '', code: 1, num: null, text: null, slot: 0 })
        .execute(),
      /unique|UNIQUE/,
    );
    // A multiple choice holds one row per chosen option, but never the same option twice.
    await saveSection(store, ctx, 'tema', pageA);
    await assert.rejects(
      store.db
        .insertInto('answer')
        .values({ response_id: row.id, question_key: 'samarbeid_med', item_key: '', code: 2, num: null, text: null, slot: 2 })
        .execute(),
      /unique|UNIQUE/,
    );
  });
});
