import assert from 'node:assert/strict';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { recordFollowup } from './followup.service.ts';
import { chaseList, ratesBy, roundStatus, statusJson, submissionsPerDay } from './monitor.service.ts';

const template = writeMiniTemplate();
// 6 municipalities (populations 100+200+…+600 thousand… kept small and round) and 2 districts.
const registry = [
  'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;innvandrere',
  '0301;Hovedstad;03;Sentrum;60000;6000',
  '0302;Lillevik;03;Sentrum;1000;100',
  '0303;Storvik;03;Sentrum;25000;2000',
  '0401;Fjellbygd;04;Innlandet;4000;200',
  '0402;Dalbygd;04;Innlandet;8000;600',
  '0403;Sjøbygd;04;Innlandet;2000;100',
  '030101;Bydel Nord;03;Sentrum;30000;3000',
  '030102;Bydel Sør;03;Sentrum;30000;3000',
].join('\n');

const at = (s: string) => new Date(s);
const response = (unitNumber: string, status: 'in_progress' | 'submitted', submitted?: string): ResponseInput => ({
  unitNumber,
  status,
  answers: new Map(),
  startedAt: at('2020-01-05T08:00:00Z'),
  submittedAt: submitted ? at(submitted) : null,
});

async function setUp(store: Store) {
  await importRegistry(store, 2019, registry, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    response('0301', 'submitted', '2020-01-06T10:00:00Z'),
    response('0303', 'submitted', '2020-01-06T22:30:00Z'), // 23:30 in Oslo: still 6 January
    response('0402', 'in_progress'),
    response('030101', 'submitted', '2020-01-07T09:00:00Z'),
  ]);
  await saveResponses(store, 2019, 'skolesjef', [response('0402', 'submitted', '2020-01-06T23:30:00Z'), response('0303', 'in_progress')]);
  // Two invitations sent, one still queued (queued does not count as invited).
  const contact = await store.db
    .insertInto('contact')
    .values({
      unit_number: '0302',
      role: 'kommunedirektor',
      name: 'Kari',
      email: 'kari@lillevik.kommune.no',
      phone: '+47 912 34 567',
      created_at: '2020-01-01T00:00:00Z',
      created_by: 'test',
      superseded_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mail = (unit: string, status: 'sent' | 'queued', key: string) => ({
    send_key: key,
    round_year: 2019,
    role: 'kommunedirektor',
    unit_number: unit,
    kind: 'invitation' as const,
    contact_id: contact.id,
    to_address: 'x@example.no',
    subject: 's',
    body: 'b',
    status,
    last_error: null,
    created_at: '2020-01-03T07:00:00Z',
    claimed_until: null,
    sent_at: status === 'sent' ? '2020-01-03T07:00:05Z' : null,
    created_by: 'test',
  });
  await store.db
    .insertInto('outbox')
    .values([mail('0301', 'sent', 'a'), mail('0302', 'sent', 'b'), mail('0303', 'queued', 'c')])
    .execute();
}

describeStores('monitoring', (test) => {
  test('counts units, invited, started and submitted per role, with districts apart', async (store) => {
    await setUp(store);
    const s = statusJson(await roundStatus(store, 2019));
    assert.deepEqual(s.roles.kommunedirektor, { units: 6, invited: 2, started: 3, submitted: 2, rate: 2 / 6 });
    assert.deepEqual(s.roles.skolesjef, { units: 6, invited: 0, started: 2, submitted: 1, rate: 1 / 6 });
    assert.deepEqual(s.any_role, { submitted: 3, share: 3 / 6 });
    assert.deepEqual(s.districts.roles.kommunedirektor, { units: 2, invited: 0, started: 1, submitted: 1, rate: 0.5 });
    assert.deepEqual(s.districts.any_role, { submitted: 1, share: 0.5 });
  });

  test('counts a unit whose link went out in a mail sent by hand as invited, as the schedule does', async (store) => {
    await setUp(store);
    // "Send now" writes kind 'manual', and the schedule then sends no invitation of its own.
    const { id } = await store.db.selectFrom('contact').select('id').executeTakeFirstOrThrow();
    const manual = (unit: string, status: 'sent' | 'failed') => ({
      send_key: `manual-${unit}`,
      round_year: 2019,
      role: 'kommunedirektor',
      unit_number: unit,
      kind: 'manual' as const,
      contact_id: id,
      to_address: 'x@example.no',
      subject: 's',
      body: 'b',
      status,
      last_error: status === 'failed' ? '550 no such user' : null,
      created_at: '2020-01-03T07:00:00Z',
      claimed_until: null,
      sent_at: status === 'sent' ? '2020-01-03T07:00:05Z' : null,
      created_by: 'test',
    });
    await store.db
      .insertInto('outbox')
      .values([manual('0401', 'sent'), manual('0402', 'failed')])
      .execute();
    const s = statusJson(await roundStatus(store, 2019));
    assert.equal(s.roles.kommunedirektor?.invited, 3, '0301, 0302 by invitation and 0401 by hand; not 0402, whose mail was rejected');
  });

  test('measures coverage as the share of population and immigrants living in units that submitted', async (store) => {
    await setUp(store);
    const s = statusJson(await roundStatus(store, 2019));
    assert.deepEqual(s.coverage.kommunedirektor, { population_share: 85000 / 100000, immigrant_share: 8000 / 9000 });
    assert.deepEqual(s.coverage.skolesjef, { population_share: 8000 / 100000, immigrant_share: 600 / 9000 });
  });

  test('gives rates by county and by a built-in grouping, municipalities only', async (store) => {
    await setUp(store);
    const county = (await ratesBy(store, 2019, 'fylke')).find((r) => r.role === 'kommunedirektor');
    assert.deepEqual(county?.categories, [
      { label: 'Sentrum', units: 3, submitted: 2, rate: 2 / 3 },
      { label: 'Innlandet', units: 3, submitted: 0, rate: 0 },
    ]);
    const size = (await ratesBy(store, 2019, 'storrelse3')).find((r) => r.role === 'kommunedirektor');
    assert.deepEqual(size?.categories, [
      { label: 'Små (under 5 000)', units: 3, submitted: 0, rate: 0 },
      { label: 'Mellomstore (5 000 - 19 999)', units: 1, submitted: 0, rate: 0 },
      { label: 'Store (20 000 og over)', units: 2, submitted: 2, rate: 1 },
    ]);
  });

  test('counts submissions per day in Oslo time over the whole window', async (store) => {
    await setUp(store);
    const days = await submissionsPerDay(store, 2019);
    assert.equal(days.length, 27);
    assert.equal(days[0]?.day, '2020-01-03');
    assert.deepEqual(days.find((d) => d.day === '2020-01-06')?.counts, { kommunedirektor: 2 });
    assert.deepEqual(days.find((d) => d.day === '2020-01-07')?.counts, { skolesjef: 1, kommunedirektor: 1 });
  });

  test('counts as the clock stood: later submissions as started, later starts and mails not at all', async (store) => {
    await setUp(store);
    // Midday 6 January: 0301 has submitted; 0303 and 030101 submit later, so they are only started.
    const midday = statusJson(await roundStatus(store, 2019, at('2020-01-06T12:00:00Z')));
    assert.deepEqual(midday.roles.kommunedirektor, { units: 6, invited: 2, started: 3, submitted: 1, rate: 1 / 6 });
    assert.deepEqual(midday.roles.skolesjef, { units: 6, invited: 0, started: 2, submitted: 0, rate: 0 });
    assert.deepEqual(midday.any_role, { submitted: 1, share: 1 / 6 });
    assert.deepEqual(midday.coverage.kommunedirektor, { population_share: 60000 / 100000, immigrant_share: 6000 / 9000 });
    assert.deepEqual(midday.districts.roles.kommunedirektor, { units: 2, invited: 0, started: 1, submitted: 0, rate: 0 });
    assert.deepEqual(midday.districts.any_role, { submitted: 0, share: 0 });
    // Before the invitations went out (07:00:05) and before anyone started (5 January).
    const early = statusJson(await roundStatus(store, 2019, at('2020-01-03T07:00:00Z')));
    assert.deepEqual(early.roles.kommunedirektor, { units: 6, invited: 0, started: 0, submitted: 0, rate: 0 });
    // At the last submission's instant everything counts, as without a clock.
    assert.deepEqual(statusJson(await roundStatus(store, 2019, at('2020-01-07T09:00:00Z'))), statusJson(await roundStatus(store, 2019)));
  });

  test('gives rates and submissions per day only up to the clock', async (store) => {
    await setUp(store);
    const now = at('2020-01-06T12:00:00Z');
    const county = (await ratesBy(store, 2019, 'fylke', now)).find((r) => r.role === 'kommunedirektor');
    assert.deepEqual(county?.categories, [
      { label: 'Sentrum', units: 3, submitted: 1, rate: 1 / 3 },
      { label: 'Innlandet', units: 3, submitted: 0, rate: 0 },
    ]);
    const size = (await ratesBy(store, 2019, 'storrelse3', now)).find((r) => r.role === 'kommunedirektor');
    assert.deepEqual(
      size?.categories.map((c) => c.submitted),
      [0, 0, 1],
    );
    const days = await submissionsPerDay(store, 2019, now);
    assert.equal(days.length, 27, 'the whole window is still drawn');
    assert.deepEqual(
      days.filter((d) => Object.keys(d.counts).length > 0),
      [{ day: '2020-01-06', counts: { kommunedirektor: 1 } }],
    );
  });

  test('lists who to chase with mails sent, last follow-up and phone, and filters it', async (store) => {
    await setUp(store);
    await recordFollowup(
      store,
      2019,
      '0302',
      { role: 'kommunedirektor', channel: 'phone', outcome: 'Lovet å svare', at: at('2020-01-10T09:00:00Z') },
      'Ola',
    );
    await recordFollowup(
      store,
      2019,
      '0302',
      { role: 'kommunedirektor', channel: 'email', outcome: 'Purret', at: at('2020-01-12T09:00:00Z') },
      'Ola',
    );
    const kd = await chaseList(store, 2019, { role: 'kommunedirektor' });
    // Ordered by how much an answer would shrink Table 1's gaps (see the chase order test), districts last.
    assert.deepEqual(
      kd.map((e) => [e.unitNumber, e.status]),
      [
        ['0401', 'not_started'],
        ['0403', 'not_started'],
        ['0402', 'in_progress'],
        ['0302', 'not_started'],
        ['030102', 'not_started'],
      ],
    );
    const lillevik = kd.find((e) => e.unitNumber === '0302');
    assert.equal(lillevik?.mailsSent, 1);
    assert.equal(lillevik?.lastOutcome, 'Purret');
    assert.equal(lillevik?.lastContact?.toISOString(), '2020-01-12T09:00:00.000Z');
    assert.equal(lillevik?.phone, '+47 912 34 567');
    assert.deepEqual(
      (await chaseList(store, 2019, { role: 'kommunedirektor', notContacted: true, county: 'Innlandet' })).map((e) => e.unitNumber),
      ['0401', '0403', '0402'],
    );
    assert.deepEqual(
      (await chaseList(store, 2019, { status: 'in_progress' })).map((e) => `${e.role}:${e.unitNumber}`),
      ['kommunedirektor:0402', 'skolesjef:0303'],
    );
  });

  test('refuses a follow-up for a unit outside the round and one without an outcome', async (store) => {
    await setUp(store);
    await assert.rejects(
      recordFollowup(store, 2019, '9999', { role: 'skolesjef', channel: 'phone', outcome: 'x' }, 'Ola'),
      /does not take part/,
    );
    await assert.rejects(recordFollowup(store, 2019, '0302', { role: 'skolesjef', channel: 'phone', outcome: ' ' }, 'Ola'), /outcome/);
  });
});
