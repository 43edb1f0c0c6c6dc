import assert from 'node:assert/strict';
import { saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { frequenciesJson, wilsonInterval } from './breakdown.ts';
import { codes, response } from './compare.fixtures.ts';
import { findQuestion, frequencyTable } from './frequencies.ts';
import { holm, wilson } from './stats/index.ts';

const template = writeMiniTemplate();
const submitted = (unitNumber: string, answers: Record<string, Answer>) => response(unitNumber, answers);

// Sizes (storrelse3): small 0302, 0401; medium 0402, 0403; large 0301, 0303. Counties: 03 (0301–0303), 04.
async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', { samarbeid: codes(1), samarbeid_med: codes(1, 2), utfordring: codes(5) }),
    submitted('0302', { samarbeid: codes(1), samarbeid_med: codes(1), utfordring: codes(4) }),
    submitted('0303', { samarbeid: codes(1), samarbeid_med: codes(2, 3), utfordring: codes(2) }),
    submitted('0401', { samarbeid: codes(1), samarbeid_med: codes(1) }),
    submitted('0402', { samarbeid: codes(1), samarbeid_med: codes(2) }),
  ]);
}

describeStores('breakdowns', (test) => {
  test('shows "for få svar" for a category below the minimum N: counts kept, shares and intervals withheld', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', 'storrelse3', { minN: 2 });
    assert.equal(f.min_n, 2);
    assert.deepEqual(
      f.groups?.map((g) => [g.label, g.n, g.too_few ?? false, g.options?.map((o) => [o.count, o.share, o.ci95])]),
      [
        [
          'Små (under 5 000)',
          2,
          false,
          [
            [2, 1, wilson(2, 2)],
            [0, 0, wilson(0, 2)],
            [0, 0, wilson(0, 2)],
          ],
        ],
        [
          'Mellomstore (5 000 - 19 999)',
          1,
          true,
          [
            [1, null, null],
            [0, null, null],
            [0, null, null],
          ],
        ],
        [
          'Store (20 000 og over)',
          2,
          false,
          [
            [2, 1, wilson(2, 2)],
            [0, 0, wilson(0, 2)],
            [0, 0, wilson(0, 2)],
          ],
        ],
      ],
    );
    const byDefault = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', 'storrelse3');
    assert.equal(byDefault.min_n, 5, 'the default minimum N is 5');
    assert.ok(byDefault.groups?.every((g) => g.too_few === true));
  });

  test('gives no share and no interval for nobody, never 0 %', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'har_oversikt', undefined);
    assert.equal(f.n, 0);
    assert.deepEqual(
      f.options?.map((o) => [o.count, o.share, o.ci95]),
      [
        [0, null, null],
        [0, null, null],
        [0, null, null],
      ],
    );
    const scale = await frequenciesJson(store, 2019, 'skolesjef', 'utfordring', undefined);
    assert.deepEqual(scale.scale, { n: 0, mean: null, top_two: null, bottom_two: null });
  });

  test('says why there is no test: all answered the same, or only one group answered', async (store) => {
    await setUp(store);
    // Every municipality said "Ja": "ingen test: alle svarte det samme".
    const same = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', 'storrelse3');
    assert.equal(same.test, null);
    assert.equal(same.no_test, 'all_same');
    // Only county 03 answered the scale.
    const one = await frequenciesJson(store, 2019, 'kommunedirektor', 'utfordring', 'fylke');
    assert.equal(one.test, null);
    assert.equal(one.no_test, 'one_group');
  });

  test('adjusts the tests of the options of a multiple-choice question together (Holm)', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid_med', 'storrelse3', { minN: 0 });
    const tests = f.option_tests ?? [];
    assert.deepEqual(
      tests.map((t) => t.code),
      [1, 2, 3, 4],
    );
    // Nobody chose option 4: that option is not tested and not counted in the family.
    assert.equal(tests[3]?.test, null);
    assert.equal(tests[3]?.no_test, 'all_same');
    const raw = tests.map((t) => (t.test ? (t.test.p_exact ?? t.test.p) : null));
    const adjusted = holm(raw);
    tests.forEach((t, i) => {
      if (!t.test) return;
      assert.equal(t.test.family_size, 3);
      assert.equal(t.test.adjustment, 'holm');
      assert.equal(t.test.p_adjusted, adjusted[i]);
      assert.equal(t.test.significant, (adjusted[i] ?? 1) < 0.05);
    });
    assert.ok(
      tests.some((t) => t.test && t.test.p_adjusted > (t.test.p_exact ?? t.test.p)),
      'the adjustment raises some p',
    );
  });

  test('drops the finite-population correction when more units answered than the population, and says why', async (store) => {
    await setUp(store);
    const q = await findQuestion(store, 2019, 'kommunedirektor', 'samarbeid');
    const counts = new Map([
      [1, 3],
      [2, 2],
    ]);
    const t = frequencyTable(q, counts, 5, wilsonInterval, 4, { fpc: true });
    assert.deepEqual(t.fpc, { applied: false, population: 4, reason: 'exceeds_population' });
    assert.deepEqual(t.options[0]?.ci95, wilson(3, 5));
    const none = frequencyTable(q, counts, 5, wilsonInterval, undefined, { fpc: true });
    assert.deepEqual(none.fpc, { applied: false, population: null, reason: 'no_population' });
    const applied = frequencyTable(q, counts, 5, wilsonInterval, 8, { fpc: true });
    assert.deepEqual(applied.fpc, { applied: true, population: 8, reason: null });
    assert.deepEqual(applied.options[0]?.ci95, wilson(3, 5, { fpc: { population: 8 } }));
  });
});
