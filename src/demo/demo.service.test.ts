import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { trend } from '../analysis/trend.ts';
import { listResponses } from '../collect/response.service.ts';
import { roundStatus, submissionsPerDay } from '../monitor/monitor.service.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { getRound, listRounds, roundQuestionnaire } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { demoClockStart, isEmpty, loadDemo } from './demo.service.ts';
import { interpreterGuidelines } from './history.demo.ts';

const referenceDir = path.resolve(process.cwd(), '../shared/reference/geo/2019');
const hasReference = fs.existsSync(path.join(referenceDir, 'kommune.geojson'));

/** Share choosing "Ja" (with or without the register) per year, "Vet ikke" left out. */
const guidelines = (store: Store) => trend(store, 'kommunedirektor', 'tolk_retningslinjer', [1, 2], 2015, 2019);

describeStores('demo', (test) => {
  test("loads the 2019 round with the report's response counts among municipalities", async (store) => {
    assert.equal(await isEmpty(store), true);
    const summary = await loadDemo(store);
    assert.equal(summary.units, 437);
    const municipalities = new Set((await getRegistry(store, 2019)).filter((u) => u.kind === 'kommune').map((u) => u.number));
    const submitted = async (role: 'kommunedirektor' | 'integreringsansvarlig' | 'skolesjef') =>
      (await listResponses(store, 2019, role)).filter((r) => r.status === 'submitted' && municipalities.has(r.unitNumber)).length;
    assert.equal(await submitted('integreringsansvarlig'), 230);
    assert.equal(await submitted('kommunedirektor'), 171);
    assert.equal(await submitted('skolesjef'), 166);
    assert.equal(await isEmpty(store), false);
    // Everyone was invited when the window opened (the demo's history), so no role shows more
    // units started than invited.
    const status = await roundStatus(store, 2019);
    for (const r of Object.values(status.municipalities.roles)) assert.equal(r?.invited, r?.units);

    // Rounds 2015–2019, each on its own registry year; the earlier ones closed, with about half answering.
    const rounds = await listRounds(store);
    assert.deepEqual(
      rounds.map((r) => [r.year, r.registryYear]),
      [2015, 2016, 2017, 2018, 2019].map((y) => [y, y]),
    );
    for (const r of rounds.filter((x) => x.year < 2019)) {
      assert.equal(r.window.opens, `${r.year + 1}-01-03`);
      assert.equal(r.window.closes, `${r.year + 1}-01-29`);
      assert.ok(r.closesAt < new Date(), `${r.year} is closed`);
      assert.equal((await getRegistry(store, r.year)).length, 437);
      const q = await roundQuestionnaire(store, r.year, 'kommunedirektor');
      assert.deepEqual(
        q.questions.map((x) => x.key),
        ['rolle', 'tolk_retningslinjer'],
      );
      const tolk = q.questions[1];
      assert.ok(tolk?.type === 'single');
      assert.deepEqual(
        tolk.options.map((o) => o.code),
        [1, 2, 3],
        'no "Vet ikke" before 2019',
      );
      const answered = (await listResponses(store, r.year, 'kommunedirektor')).filter(
        (x) => x.status === 'submitted' && municipalities.has(x.unitNumber),
      ).length;
      assert.ok(answered > 0.4 * 422 && answered < 0.6 * 422, `${r.year}: ${answered} of 422`);
    }
    const summaryYears = summary.rounds.map((r) => [r.year, r.roles.kommunedirektor?.kommune.submitted]);
    assert.deepEqual(summaryYears.at(-1), [2019, 171]);
    // Shapes for the maps of every registry year.
    assert.deepEqual(summary.maps, { fylke: 18, kommune: 422, bydel: 15 });
    const shapes = await store.db.selectFrom('geometry').select(['registry_year', 'level']).execute();
    for (const year of [2015, 2019]) assert.equal(shapes.filter((g) => g.registry_year === year && g.level === 'kommune').length, 422);

    // Figure 5: five years, "Vet ikke" (2019 only) left out, shares near the targets.
    const t = await guidelines(store);
    assert.deepEqual(
      t.years.map((y) => y.year),
      [2015, 2016, 2017, 2018, 2019],
    );
    assert.deepEqual(t.missingYears, []);
    assert.deepEqual(t.excludedOptions, [{ code: 9, label: 'Vet ikke', years: [2019] }]);
    for (const y of t.years) {
      const shares = interpreterGuidelines[y.year] ?? [];
      const base = shares.filter(([c]) => c !== 9).reduce((s, [, x]) => s + x, 0);
      const target = shares.filter(([c]) => c === 1 || c === 2).reduce((s, [, x]) => s + x, 0) / base;
      assert.ok(Math.abs((y.share ?? 0) - target) < 0.01, `${y.year}: ${y.share} vs ${target}`);
    }
    const share = (year: number) => t.years.find((y) => y.year === year)?.share ?? 0;
    assert.ok(share(2015) < share(2016) && share(2016) < share(2017), 'rising to 2017');
    assert.ok(Math.abs(share(2019) - share(2017)) < 0.03, 'steady since 2017');

    // Contact addresses are all at example.org.
    const emails = (await store.db.selectFrom('contact').select('email').execute()).map((c) => c.email);
    assert.ok(emails.length > 800, `${emails.length} contacts`);
    assert.deepEqual(
      emails.filter((e) => !e.endsWith('@example.org')),
      [],
    );
  });

  test("has nothing started, submitted, updated, sent or created after the demo's clock, and the report's counts by then", async (store) => {
    await loadDemo(store);
    const round = await getRound(store, 2019);
    const clock = demoClockStart(round);
    assert.equal(clock.toISOString(), '2020-01-16T08:00:00.000Z', '16 January 2020, 09:00 in Oslo (README)');
    const latest = (times: readonly (string | null)[]) =>
      times
        .filter((t): t is string => t !== null)
        .sort()
        .at(-1) ?? '';
    const responses = await store.db
      .selectFrom('response')
      .where('round_year', '=', 2019)
      .select(['started_at', 'submitted_at', 'updated_at'])
      .execute();
    const stamps = responses.flatMap((r) => [r.started_at, r.submitted_at, r.updated_at]);
    assert.ok(latest(stamps) <= clock.toISOString(), `a 2019 response at ${latest(stamps)}`);
    const first = stamps.filter((t): t is string => t !== null).sort()[0] ?? '';
    assert.ok(first >= round.opensAt.toISOString(), `a 2019 response at ${first}, before the window`);
    const mails = await store.db.selectFrom('outbox').where('round_year', '=', 2019).select(['created_at', 'sent_at']).execute();
    assert.ok(mails.length > 0);
    assert.ok(latest(mails.flatMap((m) => [m.created_at, m.sent_at])) <= clock.toISOString(), 'a mail after the clock');
    const contacts = await store.db.selectFrom('contact').select('created_at').execute();
    assert.ok(latest(contacts.map((c) => c.created_at)) <= clock.toISOString(), 'a contact after the clock');
    for (const r of await listRounds(store)) assert.ok(r.createdAt < r.opensAt, `round ${r.year} made after its window opened`);

    // The monitor on the demo's clock sees every 2019 answer: the report's counts, no day after the clock.
    const status = await roundStatus(store, 2019, clock);
    assert.deepEqual(Object.fromEntries(Object.entries(status.municipalities.roles).map(([role, r]) => [role, r?.submitted])), {
      kommunedirektor: 171,
      integreringsansvarlig: 230,
      skolesjef: 166,
    });
    const days = await submissionsPerDay(store, 2019);
    assert.deepEqual(await submissionsPerDay(store, 2019, clock), days);
    const answered = days.filter((d) => Object.keys(d.counts).length > 0).map((d) => d.day);
    assert.ok((answered.at(-1) ?? '') <= '2020-01-16', `submissions on ${answered.at(-1)}`);
    assert.ok(answered.length >= 10, `submissions spread over ${answered.length} days`);
  });

  test('reset replaces the store contents with the same demo', async (store) => {
    const first = await loadDemo(store);
    const firstTrend = await guidelines(store);
    const again = await loadDemo(store, { reset: true });
    assert.deepEqual(again, first);
    assert.deepEqual(await guidelines(store), firstTrend);
    const other = await loadDemo(store, { reset: true, seed: 7 });
    assert.notDeepEqual(await guidelines(store), firstTrend, 'another seed, other responses');
    assert.equal(other.rounds.length, 5);
  });
});

const referenceTest = 'with a reference division, runs the same rounds on the real 422 municipalities';
if (!hasReference) {
  describe('demo on a reference division', () => {
    it(referenceTest, { skip: `no reference division at ${referenceDir} (../shared/reference is absent)` }, () => {});
  });
} else {
  describeStores('demo on a reference division', (test) => {
    test(referenceTest, async (store) => {
      const summary = await loadDemo(store, { registry: referenceDir });
      const units = await getRegistry(store, 2019);
      const municipalities = units.filter((u) => u.kind === 'kommune');
      assert.equal(municipalities.length, 422);
      assert.equal(new Set(municipalities.map((u) => u.countyNumber)).size, 18);
      const name = (n: string) => units.find((u) => u.number === n)?.name;
      assert.equal(name('0301'), 'Oslo');
      assert.equal(name('1201'), 'Bergen');
      assert.equal(name('1902'), 'Tromsø');
      const districts = units.filter((u) => u.kind === 'bydel');
      assert.equal(districts.length, 15);
      assert.ok(districts.every((d) => d.parentNumber === '0301' && /^0301\d\d$/.test(d.number)));
      assert.ok(districts.some((d) => d.name === 'Grünerløkka'));
      for (const key of ['sentralitet', 'innvandrerandel', 'ar_med_bosetting', 'deltakere_intro', 'bosatt_mottak', 'bosatt_overforing']) {
        assert.ok(
          municipalities.every((u) => typeof u.attributes[key] === 'number'),
          key,
        );
      }
      assert.equal(summary.registry, referenceDir);
      assert.deepEqual(summary.maps, { fylke: 18, kommune: 422, bydel: 15 }, "real shapes, the capital's districts only");
      assert.equal(summary.rounds.at(-1)?.roles.kommunedirektor?.kommune.submitted, 171);
      assert.equal((await guidelines(store)).years.length, 5);
    });
  });
}
