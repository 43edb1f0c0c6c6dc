import assert from 'node:assert/strict';
import { openForm } from '../collect/form.service.ts';
import { reissueLink, resolveToken } from '../collect/link.service.ts';
import { getAnswers, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound, roundUnits } from '../round/round.service.ts';
import type { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { importRegistry, planRegistryImport } from './registry.service.ts';

const template = writeMiniTemplate();

// The corrected 2019 file: Fjellbygd got the number 0404, Sjøbygd (0403) is gone, Nyby (0405) is
// new and Lillevik is renamed; the other five units are as they were.
const corrected = miniRegistryCsv
  .replace('0401;Fjellbygd;04;Innlandet;4000;', '0404;Fjellbygd;04;Innlandet;4000;')
  .replace('0403;Sjøbygd;04;Innlandet;12000;3', '0405;Nyby;04;Innlandet;3000;1')
  .replace('0302;Lillevik;', '0302;Lille Vik;');
const moveFjellbygd = { text: 'fra,til\n0401,0404\n', file: 'flytting.csv' };

const answers = new Map<string, Answer>([
  ['rolle', { kind: 'text', value: 'Rektor' }],
  ['samarbeid', { kind: 'codes', codes: [1] }],
]);
const respond = (store: Store, unitNumber: string) =>
  saveResponses(store, 2019, 'skolesjef', [
    {
      unitNumber,
      status: 'submitted',
      answers,
      startedAt: new Date('2020-01-05T10:00:00Z'),
      submittedAt: new Date('2020-01-05T11:00:00Z'),
    },
  ]);

async function addContact(store: Store, unit: string, role: string, email: string): Promise<number> {
  const row = await store.db
    .insertInto('contact')
    .values({
      unit_number: unit,
      role,
      name: `Kontakt ${unit}`,
      email,
      phone: null,
      created_at: '2019-12-01T10:00:00Z',
      created_by: 'test',
      superseded_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Every table a re-import may touch, for "exactly as before". */
async function snapshot(store: Store) {
  const all = async (
    t: 'unit' | 'unit_attribute' | 'round_unit' | 'access_token' | 'response' | 'answer' | 'contact' | 'outbox' | 'followup',
  ) => (await store.db.selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
  return {
    unit: await all('unit'),
    attrs: await all('unit_attribute'),
    roundUnits: await all('round_unit'),
    tokens: await all('access_token'),
    responses: await all('response'),
    answers: await all('answer'),
    contacts: await all('contact'),
    outbox: await all('outbox'),
    followups: await all('followup'),
  };
}

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
  await createRound(store, { year: 2019, template });
}

describeStores('re-importing a registry year that a round uses', (test) => {
  test('shows the changes with counts and lists, and without a confirmation stores nothing', async (store) => {
    await setUp(store);
    const plan = await planRegistryImport(store, 2019, corrected, 'ny.csv');
    assert.deepEqual(plan.rounds, [2019]);
    assert.equal(plan.firstImport, false);
    assert.deepEqual(
      [plan.diff.stored, plan.diff.incoming, plan.diff.added.length, plan.diff.gone.length, plan.diff.changed.length, plan.diff.unchanged],
      [8, 8, 2, 2, 1, 5],
    );
    assert.deepEqual(
      plan.diff.gone.map((u) => `${u.number} ${u.name}`),
      ['0401 Fjellbygd', '0403 Sjøbygd'],
    );
    assert.deepEqual(plan.diff.changed[0]?.fields, [{ field: 'name', before: 'Lillevik', after: 'Lille Vik' }]);
    assert.deepEqual(plan.blocked, [], 'nothing is attached to the gone units yet');

    const before = await snapshot(store);
    const tenRows = miniRegistryCsv.split('\n').slice(0, 3).join('\n');
    for (const file of [corrected, tenRows]) {
      await assert.rejects(importRegistry(store, 2019, file, 'ny.csv'), {
        code: 'conflict',
        message: 'nothing changed: the 2019 registry is used by the round 2019, so a new file needs a confirmation',
      });
    }
    assert.deepEqual(await snapshot(store), before);
    assert.equal((await roundUnits(store, 2019, 'kommunedirektor')).length, 8);
  });

  test('refuses to drop units with links, responses or contacts, naming them, and changes nothing', async (store) => {
    await setUp(store);
    await reissueLink(store, 2019, 'skolesjef', '0401');
    await respond(store, '0401');
    await addContact(store, '0403', 'kommunedirektor', 'sjo@example.no');
    const before = await snapshot(store);
    await assert.rejects(importRegistry(store, 2019, corrected, 'ny.csv', { confirm: true }), (e: AppError) => {
      assert.equal(e.code, 'conflict');
      assert.match(
        e.message,
        /^nothing changed: 2 units that go have links, responses, contacts or mail in rounds on the 2019 registry .*: 0401, 0403$/,
      );
      assert.deepEqual(e.texts('en').slice(1), ['0401 Fjellbygd: 1 link, 1 response (round 2019)', '0403 Sjøbygd: 1 contact (round 2019)']);
      assert.deepEqual(e.texts('nb'), [
        'ingenting er endret: 2 enheter som går ut, har lenker, svar, kontaktpersoner eller e-post i undersøkelser på registeret for 2019 og ingen rad i en fil med flyttinger (fra,til): 0401, 0403',
        '0401 Fjellbygd: 1 lenke, 1 svar (undersøkelsen 2019)',
        '0403 Sjøbygd: 1 kontaktperson (undersøkelsen 2019)',
      ]);
      assert.equal(e.text('nb'), e.texts('nb')[0], 'the units explain the refusal: they are not counted as more problems');
      return true;
    });
    assert.deepEqual(await snapshot(store), before);
  });

  test("moves links, responses, contacts, mail and follow-ups with the mapping, and the moved unit's link opens the same response", async (store) => {
    await setUp(store);
    const link = await reissueLink(store, 2019, 'skolesjef', '0401');
    await respond(store, '0401');
    const responseId = (await store.db.selectFrom('response').select('id').where('unit_number', '=', '0401').executeTakeFirstOrThrow()).id;
    const contactId = await addContact(store, '0401', 'skolesjef', 'fjell@example.no');
    await store.db
      .insertInto('outbox')
      .values({
        send_key: 'invitation:2019:skolesjef:0401',
        round_year: 2019,
        role: 'skolesjef',
        unit_number: '0401',
        kind: 'invitation',
        contact_id: contactId,
        to_address: 'fjell@example.no',
        subject: 'Invitasjon',
        body: 'Hei',
        status: 'sent',
        last_error: null,
        created_at: '2020-01-03T08:00:00Z',
        claimed_until: null,
        sent_at: '2020-01-03T08:01:00Z',
        created_by: 'system',
      })
      .execute();
    await store.db
      .insertInto('followup')
      .values({
        round_year: 2019,
        role: 'skolesjef',
        unit_number: '0401',
        at: '2020-01-10T09:00:00Z',
        by_user: 'test',
        channel: 'phone',
        outcome: 'lovet',
        note: '',
      })
      .execute();

    const r = await importRegistry(store, 2019, corrected, 'ny.csv', { confirm: true, mapping: moveFjellbygd });
    assert.deepEqual(
      r.plan.dropped.map((u) => u.number),
      ['0403'],
    );
    assert.deepEqual(await resolveToken(store, link.token), { year: 2019, role: 'skolesjef', unitNumber: '0404' });
    const ctx = await openForm(store, link.token);
    assert.equal(ctx?.unit.name, 'Fjellbygd');
    assert.equal(ctx?.unit.number, '0404');
    assert.deepEqual(await getAnswers(store, 2019, 'skolesjef', '0404'), answers);
    const moved = await store.db.selectFrom('response').select(['id', 'status']).where('unit_number', '=', '0404').execute();
    assert.deepEqual(moved, [{ id: responseId, status: 'submitted' }]);
    for (const t of ['access_token', 'response', 'outbox', 'followup', 'contact', 'round_unit'] as const) {
      const left = await store.db.selectFrom(t).select('unit_number').where('unit_number', 'in', ['0401', '0403']).execute();
      assert.deepEqual(left, [], `${t} keeps nothing under 0401 or 0403`);
    }
    assert.equal(
      (await store.db.selectFrom('contact').select('unit_number').where('id', '=', contactId).executeTakeFirstOrThrow()).unit_number,
      '0404',
    );
    assert.equal((await store.db.selectFrom('outbox').select('unit_number').executeTakeFirstOrThrow()).unit_number, '0404');
    assert.equal((await store.db.selectFrom('followup').select('unit_number').executeTakeFirstOrThrow()).unit_number, '0404');
    assert.deepEqual(await roundUnits(store, 2019, 'skolesjef'), ['0301', '0302', '0303', '0402', '0404', '0405']);
    assert.deepEqual(await roundUnits(store, 2019, 'kommunedirektor'), [
      '0301',
      '030101',
      '030102',
      '0302',
      '0303',
      '0402',
      '0404',
      '0405',
    ]);
  });

  test('refuses a mapping onto a unit that has its own response in that role, naming both units', async (store) => {
    await setUp(store);
    await respond(store, '0401');
    await respond(store, '0402');
    await reissueLink(store, 2019, 'skolesjef', '0403');
    const before = await snapshot(store);
    const mapping = { text: 'fra,til\n0401,0402\n0403,0405\n', file: 'flytting.csv' };
    await assert.rejects(importRegistry(store, 2019, corrected, 'ny.csv', { confirm: true, mapping }), (e: AppError) => {
      assert.equal(e.message, 'nothing changed: 1 move gives one unit two responses: 0401 → 0402 (own response)');
      assert.deepEqual(e.texts('en').slice(1), ['0401 → 0402: 0402 has its own response as skolesjef in the 2019 round']);
      assert.deepEqual(e.texts('nn'), [
        'ingenting er endra: 1 flytting gir éi eining to svar: 0401 → 0402 (eige svar)',
        '0401 → 0402: 0402 har eige svar som skolesjef i undersøkinga 2019',
      ]);
      return true;
    });
    assert.deepEqual(await snapshot(store), before);
  });

  test('copies the contact of a unit that an earlier round still uses instead of moving it', async (store) => {
    await importRegistry(store, 2018, miniRegistryCsv, 'r2018.csv');
    await createRound(store, { year: 2018, template, registryYear: 2018 });
    await setUp(store);
    const id = await addContact(store, '0401', 'skolesjef', 'fjell@example.no');
    await importRegistry(store, 2019, corrected, 'ny.csv', {
      confirm: true,
      mapping: moveFjellbygd,
      by: 'kari@example.no',
      now: new Date('2020-02-01T10:00:00Z'),
    });
    const rows = await store.db
      .selectFrom('contact')
      .select(['id', 'unit_number', 'email', 'created_by', 'superseded_at'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.id === id, r.unit_number, r.email, r.created_by, r.superseded_at]),
      [
        [true, '0401', 'fjell@example.no', 'test', null],
        [false, '0404', 'fjell@example.no', 'kari@example.no', null],
      ],
    );
    assert.ok((await roundUnits(store, 2018, 'skolesjef')).includes('0401'), 'the 2018 round is on another registry and keeps its units');
  });

  test('a year no round uses is replaced as before, and a first import needs no confirmation', async (store) => {
    const first = await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    assert.equal(first.plan.firstImport, true);
    const again = await importRegistry(store, 2019, corrected, 'ny.csv');
    assert.equal(again.replaced, 8);
    assert.deepEqual([again.plan.diff.added.length, again.plan.diff.gone.length, again.plan.diff.changed.length], [2, 2, 1]);
  });
});
