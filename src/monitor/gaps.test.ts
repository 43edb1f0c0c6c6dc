import assert from 'node:assert/strict';
import { representativeness } from '../analysis/representativeness.ts';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { say } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { recordFollowup } from './followup.service.ts';
import { answerGain, largestGaps, representativenessGaps } from './gaps.ts';
import { chaseList } from './monitor.service.ts';

const template = writeMiniTemplate();
// Size classes (storrelse) and centrality (sentralitet) side by side: Under 2 000 ↔ 6, 2 000–4 999 ↔ 5,
// 5 000–9 999 ↔ 4, 20 000–49 999 ↔ 2, over 50 000 ↔ 1, so both groupings have the same gaps.
const registry = [
  'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet',
  '0301;Hovedstad;03;Sentrum;60000;1',
  '0302;Lillevik;03;Sentrum;1000;6',
  '0303;Storvik;03;Sentrum;25000;2',
  '0401;Fjellbygd;04;Innlandet;1500;6',
  '0402;Dalbygd;04;Innlandet;8000;4',
  '0403;Sjøbygd;04;Innlandet;3000;5',
  '030101;Bydel Nord;03;Sentrum;30000;1',
  '030102;Bydel Sør;03;Sentrum;60000;1',
].join('\n');

const at = (s: string) => new Date(s);
const submitted = (unitNumber: string, when: string): ResponseInput => ({
  unitNumber,
  status: 'submitted',
  answers: new Map(),
  startedAt: at('2020-01-05T08:00:00Z'),
  submittedAt: at(when),
});

async function setUp(store: Store) {
  await importRegistry(store, 2019, registry, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', '2020-01-06T10:00:00Z'),
    submitted('0303', '2020-01-07T10:00:00Z'),
    submitted('030101', '2020-01-06T09:00:00Z'),
  ]);
}

const near = (a: number | null | undefined, b: number, what: string) =>
  assert.ok(typeof a === 'number' && Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);

describeStores('representativeness while collecting', (test) => {
  test("measures Table 1's gaps as the clock stood, and once everything is in exactly as Table 1 does", async (store) => {
    await setUp(store);
    const all = await representativenessGaps(store, 2019);
    const kd = all.roles.find((r) => r.role === 'kommunedirektor' && r.kind === 'kommune');
    assert.equal(kd?.units, 6);
    assert.equal(kd?.respondents, 2);
    const table1 = await representativeness(store, 2019);
    for (const c of kd?.categories ?? []) {
      const row = table1.groupings.find((g) => g.key === c.grouping.key)?.categories.find((x) => x.label === c.label);
      near(c.gapPp, row?.diffPp.kommunedirektor ?? Number.NaN, `${c.grouping.key} ${c.label}`);
    }
    // Under 2 000: 2 of 6 municipalities, none of the 2 respondents.
    near(kd?.categories.find((c) => c.label === 'Under 2 000')?.gapPp, 100 * (0 / 2 - 2 / 6), 'under 2 000');
    // Categories without municipalities (10 000–19 999, centrality 3) and groupings nobody has a value for are no gaps.
    assert.deepEqual(
      kd?.categories.map((c) => `${c.grouping.key}:${c.label}`),
      [
        'storrelse:Under 2 000',
        'storrelse:2 000 - 4 999',
        'storrelse:5 000 - 9 999',
        'storrelse:20 000 - 49 999',
        'storrelse:Over 50 000',
        'sentralitet:1',
        'sentralitet:2',
        'sentralitet:4',
        'sentralitet:5',
        'sentralitet:6',
      ],
    );
    // At midday on 6 January only 0301 (over 50 000, centrality 1) had submitted.
    const midday = await representativenessGaps(store, 2019, at('2020-01-06T12:00:00Z'));
    const early = midday.roles.find((r) => r.role === 'kommunedirektor' && r.kind === 'kommune');
    assert.equal(early?.respondents, 1);
    near(early?.categories.find((c) => c.label === 'Over 50 000')?.gapPp, 100 * (1 - 1 / 6), 'over 50 000 at midday');
    assert.deepEqual(
      largestGaps(early ?? kd ?? assert.fail(), 2).map((c) => `${c.grouping.key}:${c.label}`),
      ['storrelse:Over 50 000', 'sentralitet:1'],
    );
    // The districts against the districts: 030101 (30 000) answered, 030102 (60 000) not.
    const districts = all.roles.find((r) => r.role === 'kommunedirektor' && r.kind === 'bydel');
    assert.deepEqual(
      districts?.categories.map((c) => [c.label, c.units, c.respondents, c.gapPp]),
      [
        ['20 000 - 49 999', 1, 1, 50],
        ['Over 50 000', 1, 0, -50],
        ['1', 2, 1, 0],
      ],
    );
    // A category every unit is in (all districts are centrality 1) never has a gap: not shown as one.
    assert.deepEqual(
      largestGaps(districts ?? assert.fail()).map((c) => c.label),
      ['20 000 - 49 999', 'Over 50 000'],
    );
    // A role nobody has answered yet has shares of nothing: no gaps to show.
    const school = all.roles.find((r) => r.role === 'skolesjef' && r.kind === 'kommune');
    assert.equal(school?.respondents, 0);
    assert.ok(school?.categories.every((c) => c.respondentShare === null && c.gapPp === null));
    assert.deepEqual(largestGaps(school ?? assert.fail()), []);
  });

  test('puts first whose answer shrinks the gaps most, then the larger population, with the reason', async (store) => {
    await setUp(store);
    const kd = await chaseList(store, 2019, { role: 'kommunedirektor' });
    assert.deepEqual(
      kd.map((e) => [e.priority, e.unitNumber]),
      [
        [1, '0401'],
        [2, '0302'],
        [3, '0402'],
        [4, '0403'],
        [1, '030102'],
      ],
    );
    // Sum of squared gaps (pp²) over both groupings, before and after one more answer. Before:
    // −33⅓, −16⅔, −16⅔, +33⅓, +33⅓ per grouping (10 000 × 14/36). After an answer from a unit of the
    // class with 2 units: 0, −16⅔, −16⅔, +16⅔, +16⅔ (10 000 × 4/36); from a class with 1 unit:
    // −33⅓, +16⅔, −16⅔, +16⅔, +16⅔ (10 000 × 8/36). Twice that, for the two groupings.
    near(kd[0]?.gain, 2 * 10000 * (14 / 36 - 4 / 36), '0401');
    near(kd[1]?.gain, kd[0]?.gain ?? 0, '0302 ties with 0401 and has fewer inhabitants');
    near(kd[2]?.gain, 2 * 10000 * (14 / 36 - 8 / 36), '0402');
    assert.deepEqual(
      kd.map((e) => e.population),
      [1500, 1000, 8000, 3000, 60000],
    );
    assert.deepEqual(
      kd[0]?.reasons.map((m) => say(m, 'nb')),
      ['Kommunestørrelse: Under 2 000, underrepresentert med 33,3 pp', 'Sentralitetsklasse: 6, underrepresentert med 33,3 pp'],
    );
    assert.deepEqual(
      kd[4]?.reasons.map((m) => say(m, 'nb')),
      ['Kommunestørrelse: Over 50 000, underrepresentert med 50,0 pp'],
    );
    const gaps = await representativenessGaps(store, 2019);
    const role = gaps.roles.find((r) => r.role === 'kommunedirektor' && r.kind === 'kommune') ?? assert.fail();
    near(answerGain(role, gaps.unitCategories.get('0403')), kd[3]?.gain ?? Number.NaN, 'the list uses the same gain');
    // An answer from an overrepresented unit (a second one over 50 000) would widen the gaps.
    assert.ok(answerGain(role, gaps.unitCategories.get('0301')) < 0);
    // Before anyone answered, the first answer is best from the largest classes.
    const school = await chaseList(store, 2019, { role: 'skolesjef' });
    assert.deepEqual(
      school.slice(0, 2).map((e) => e.unitNumber),
      ['0401', '0302'],
    );
    assert.deepEqual(
      school[0]?.reasons.map((m) => say(m, 'nb')),
      ['ingen svar ennå i denne rollen: store kategorier først'],
    );
    // A filter keeps each unit's place.
    assert.deepEqual(
      (await chaseList(store, 2019, { role: 'kommunedirektor', county: 'Innlandet' })).map((e) => [e.priority, e.unitNumber]),
      [
        [1, '0401'],
        [3, '0402'],
        [4, '0403'],
      ],
    );
  });

  test('lists who had not submitted as the clock stood, with the mails and follow-ups up to then', async (store) => {
    await setUp(store);
    const { id } = await store.db
      .insertInto('contact')
      .values({
        unit_number: '0302',
        role: 'kommunedirektor',
        name: 'Kari',
        email: 'kari@lillevik.kommune.no',
        phone: null,
        created_at: '2020-01-01T00:00:00Z',
        created_by: 'test',
        superseded_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mail = (key: string, kind: 'invitation' | 'reminder', sentAt: string) => ({
      send_key: key,
      round_year: 2019,
      role: 'kommunedirektor',
      unit_number: '0302',
      kind,
      contact_id: id,
      to_address: 'kari@lillevik.kommune.no',
      subject: 's',
      body: 'b',
      status: 'sent' as const,
      last_error: null,
      created_at: sentAt,
      claimed_until: null,
      sent_at: sentAt,
      created_by: 'test',
    });
    await store.db
      .insertInto('outbox')
      .values([mail('a', 'invitation', '2020-01-03T07:00:00Z'), mail('b', 'reminder', '2020-01-10T07:00:00Z')])
      .execute();
    const followup = (outcome: string, when: string) =>
      recordFollowup(store, 2019, '0302', { role: 'kommunedirektor', channel: 'phone', outcome, at: at(when) }, 'Ola');
    await followup('Lovet å svare', '2020-01-05T09:00:00Z');
    await followup('Purret igjen', '2020-01-09T09:00:00Z');
    const then = await chaseList(store, 2019, { role: 'kommunedirektor' }, at('2020-01-06T12:00:00Z'));
    // 0303 submitted on 7 January: at midday on the 6th it had only started.
    const storvik = then.find((e) => e.unitNumber === '0303');
    assert.equal(storvik?.status, 'in_progress');
    assert.equal(storvik?.lastSaved?.toISOString(), '2020-01-05T08:00:00.000Z', 'its later saves are not known then');
    const lillevik = then.find((e) => e.unitNumber === '0302');
    assert.equal(lillevik?.mailsSent, 1);
    assert.equal(lillevik?.lastOutcome, 'Lovet å svare');
    assert.equal(lillevik?.lastContact?.toISOString(), '2020-01-05T09:00:00.000Z');
    const now = await chaseList(store, 2019, { role: 'kommunedirektor' });
    assert.equal(
      now.find((e) => e.unitNumber === '0303'),
      undefined,
    );
    assert.equal(now.find((e) => e.unitNumber === '0302')?.mailsSent, 2);
    assert.equal(now.find((e) => e.unitNumber === '0302')?.lastOutcome, 'Purret igjen');
  });
});
