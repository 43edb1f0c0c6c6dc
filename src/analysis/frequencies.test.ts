import assert from 'node:assert/strict';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { frequenciesJson } from './breakdown.ts';
import { codes } from './compare.fixtures.ts';
import { exactP, pearsonChiSquare, tableSeed, wilson } from './stats/index.ts';

const template = writeMiniTemplate();
const response = (
  unitNumber: string,
  answers: Record<string, Answer>,
  status: 'submitted' | 'in_progress' = 'submitted',
): ResponseInput => ({
  unitNumber,
  status,
  answers: new Map(Object.entries(answers)),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: status === 'submitted' ? new Date('2020-01-06T08:00:00Z') : null,
});

// Sizes (storrelse3): small 0302, 0401; medium 0402, 0403; large 0301, 0303.
async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    response('0301', {
      samarbeid: codes(1),
      samarbeid_med: { kind: 'codes', codes: [1, 3], text: 'NAV' },
      utfordring: codes(5),
      kjennskap: { kind: 'items', items: { nettsted: 1, statistikk: 2 } },
    }),
    response('0302', { samarbeid: codes(2), utfordring: codes(9) }),
    response('0303', {
      samarbeid: codes(1),
      samarbeid_med: codes(1),
      utfordring: codes(4),
      kjennskap: { kind: 'items', items: { nettsted: 1 } },
    }),
    response('0401', { samarbeid: codes(9), utfordring: codes(2) }),
    response('0402', { samarbeid: codes(1), samarbeid_med: codes(2), utfordring: codes(1) }),
    response('0403', { samarbeid: codes(1) }, 'in_progress'),
    response('030101', { samarbeid: codes(2) }),
  ]);
}

const near = (a: number | null | undefined, b: number | null | undefined) =>
  assert.ok(a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 1e-12, `${a} ≠ ${b}`);

describeStores('frequencies', (test) => {
  test('counts submitted municipalities per option with N, shares and Wilson intervals', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined);
    assert.equal(f.n, 5, 'in-progress responses and districts are not counted');
    assert.deepEqual(
      f.options?.map((o) => [o.code, o.label, o.count, o.share]),
      [
        [1, 'Ja', 3, 0.6],
        [2, 'Nei', 1, 0.2],
        [9, 'Vet ikke', 1, 0.2],
      ],
    );
    assert.deepEqual(f.options?.[0]?.ci95, wilson(3, 5));
    assert.deepEqual(f.fpc, { applied: false, population: null, reason: 'not_requested' });
    const districts = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { kind: 'bydel' });
    assert.equal(districts.n, 1);
  });

  test('applies the finite-population correction when asked and says so', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { fpc: true });
    assert.deepEqual(f.fpc, { applied: true, population: 6, reason: null });
    assert.deepEqual(f.options?.[0]?.ci95, wilson(3, 5, { fpc: { population: 6 } }));
  });

  test('gives multiple choice as shares of respondents', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid_med', undefined);
    assert.equal(f.n, 3);
    assert.deepEqual(
      f.options?.map((o) => [o.code, o.count]),
      [
        [1, 2],
        [2, 1],
        [3, 1],
        [4, 0],
      ],
    );
    near(f.options?.[0]?.share, 2 / 3);
  });

  test('summarises a scale with mean, top two and bottom two, and shows "Vet ikke" apart or leaves it out', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'utfordring', undefined);
    assert.equal(f.n, 5);
    assert.deepEqual(f.scale, { n: 4, mean: 3, top_two: 0.5, bottom_two: 0.5 });
    assert.deepEqual(
      f.apart?.map((o) => [o.code, o.count, o.share]),
      [[9, 1, 0.2]],
    );
    const without = await frequenciesJson(store, 2019, 'kommunedirektor', 'utfordring', undefined, { excludeExtras: true });
    assert.equal(without.n, 4);
    assert.equal(without.apart, undefined);
    assert.equal(without.options?.find((o) => o.code === 5)?.share, 0.25);
  });

  test('gives a matrix per item with the range of N', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'kjennskap', undefined);
    assert.deepEqual(f.n_range, [1, 2]);
    assert.deepEqual(
      f.items?.map((i) => [i.key, i.n, i.options.map((o) => o.count)]),
      [
        ['nettsted', 2, [2, 0]],
        ['statistikk', 1, [0, 1]],
      ],
    );
  });

  test('breaks down by a grouping with Pearson chi-square and an exact p when expected counts are small', async (store) => {
    await setUp(store);
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', 'storrelse3');
    assert.deepEqual(
      f.groups?.map((g) => [g.label, g.n, (g.options ?? []).map((o) => o.count)]),
      [
        ['Små (under 5 000)', 2, [0, 1, 1]],
        ['Mellomstore (5 000 - 19 999)', 1, [1, 0, 0]],
        ['Store (20 000 og over)', 2, [2, 0, 0]],
      ],
    );
    const table = [
      [0, 1, 1],
      [1, 0, 0],
      [2, 0, 0],
    ];
    const chi = pearsonChiSquare(table);
    assert.ok(f.test);
    near(f.test.statistic, chi.statistic);
    assert.equal(f.test.df, 4);
    near(f.test.p, chi.p);
    // Every expected count is below 5, so the exact p is reported, from the stream of this table.
    const seed = tableSeed(2019, 'kommunedirektor', 'samarbeid', '', 'storrelse3', 'chi-square');
    assert.equal(f.test.seed, seed);
    assert.equal(f.test.p_exact, exactP(table, { seed }).p);
    assert.equal(f.test.family_size, 1);
    assert.equal(f.test.p_adjusted, f.test.p_exact, 'a family of one is not adjusted');
    assert.equal(f.test.significant, (exactP(table, { seed }).p ?? 1) < 0.05);
    const scale = await frequenciesJson(store, 2019, 'kommunedirektor', 'utfordring', 'storrelse3');
    assert.ok(scale.test?.kruskal_wallis, 'a scale also gets Kruskal–Wallis');
    const multi = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid_med', 'fylke');
    assert.equal(multi.option_tests?.length, 4);
  });
});
