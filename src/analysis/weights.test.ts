import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { frequenciesJson } from './breakdown.ts';
import { codes } from './compare.fixtures.ts';
import { representativeness } from './representativeness.ts';
import { wilsonAt } from './stats/raking.ts';
import { assertClose, assertInterval } from './stats/testing.ts';
import { weightedRepresentativenessJson, weightedTable1 } from './weights.table.ts';
import { Weighting, weightsNotes } from './weights.ts';

const template = writeMiniTemplate();

/**
 * The data set of references.R ("Weights") as a round: 60 municipalities in six cells of size
 * (storrelse3: small, medium, large) × centrality (1, 2), 30 kommunedirektør respondents, and per
 * cell those who answered "samarbeid" and those who said "Ja" (1); the others answered "Nei" (2)
 * or skipped it. Units are numbered in cell order, the first 30 in county 10, the rest in 11.
 */
const layout = [
  { folketall: 1000, sentralitet: 1, units: 12, n: 8, answered: 7, ja: 5 },
  { folketall: 1000, sentralitet: 2, units: 8, n: 3, answered: 3, ja: 1 },
  { folketall: 10000, sentralitet: 1, units: 10, n: 5, answered: 5, ja: 2 },
  { folketall: 10000, sentralitet: 2, units: 10, n: 6, answered: 5, ja: 3 },
  { folketall: 30000, sentralitet: 1, units: 6, n: 2, answered: 2, ja: 2 },
  { folketall: 30000, sentralitet: 2, units: 14, n: 6, answered: 6, ja: 1 },
];
const groupings = ['storrelse3', 'sentralitet'];
const numberOf = (i: number) => String((i < 30 ? 1000 : 1100) + (i % 30));

async function setUp(store: Store, extra: string[] = []) {
  const lines = ['kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet;deltakere_intro'];
  const responses: ResponseInput[] = [];
  let i = 0;
  for (const cell of layout) {
    for (let k = 0; k < cell.units; k++, i++) {
      const county = i < 30 ? '10' : '11';
      lines.push(`${numberOf(i)};Kommune ${i};${county};Fylke ${county};${cell.folketall};${cell.sentralitet};10`);
      if (k >= cell.n) continue;
      const answers = k < cell.ja ? { samarbeid: codes(1) } : k < cell.answered ? { samarbeid: codes(2) } : {};
      responses.push({
        unitNumber: numberOf(i),
        status: 'submitted',
        answers: new Map(Object.entries(answers)),
        startedAt: new Date('2020-01-05T08:00:00Z'),
        submittedAt: new Date('2020-01-06T08:00:00Z'),
      });
    }
  }
  await importRegistry(store, 2019, [...lines, ...extra].join('\n'), 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', responses);
}

describeStores('weights', (test) => {
  test('rakes a role to the registry margins from cell counts and gives the share and interval of survey::calibrate + svymean', async (store) => {
    await setUp(store);
    const weighting = new Weighting(store, 2019, 'kommune', { groupings });
    const rw = await weighting.forRole('kommunedirektor');
    // The cells as the database names them: storrelse3 index | sentralitet index.
    const w = (cell: string) => rw.weights[rw.index.get(cell) as number];
    // R (references.R): tapply(weights(rake(...)), cell, mean).
    const expected = [
      1.7929759415863342, 1.8853974891031073, 1.7684593787111786, 1.8596171844073517, 2.406947786876716, 2.5310174043744289,
    ];
    ['0|0', '0|1', '1|0', '1|1', '2|0', '2|1'].forEach((cell, k) => {
      assertClose(w(cell), expected[k] as number, 1e-9, 0, cell);
    });
    assert.equal(rw.summary.method, 'raking');
    assert.equal(rw.summary.population, 60);
    assert.equal(rw.summary.respondents, 30);
    assert.ok(rw.summary.converged);
    assertClose(rw.summary.deff, 1.0232638508633629);
    assert.deepEqual(rw.summary.collapsed, []);

    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { fpc: true, weighted: weighting });
    assert.equal(f.n, 28, 'N stays the respondents who answered');
    const ja = f.options?.find((o) => o.code === 1);
    assert.equal(ja?.count, 14, 'counts stay as counted');
    assertClose(ja?.share, 0.48468886149232715); // R: svymean(~y, subset(cal, answered == 1))
    // R: the Wilson interval at n* = p(1 − p)/SE², SE = 0.064095159613991939 with fpc = ~N.
    assertInterval((ja?.ci95 ?? null) as [number, number] | null, [0.36376129167818311, 0.60743631114765118]);
    assert.equal(f.weights?.method, 'raking');
    assert.deepEqual(f.weights?.groupings, groupings);
    assert.equal(f.weights?.cap, 5);
    assert.equal(f.weights?.tests, 'unweighted counts');
    const unweighted = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { fpc: true });
    assert.equal(unweighted.options?.find((o) => o.code === 1)?.share, 0.5);
    assert.equal(unweighted.weights, undefined);
  });

  test('weighs each category of a breakdown as a domain, as svymean on a subset', async (store) => {
    await setUp(store);
    const weighting = new Weighting(store, 2019, 'kommune', { groupings });
    const f = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', 'sentralitet', {
      fpc: true,
      weighted: weighting,
      minN: 0,
    });
    const central2 = f.groups?.find((g) => g.label === '2');
    assert.equal(central2?.n, 14);
    const ja = central2?.options?.find((o) => o.code === 1);
    assert.equal(ja?.count, 5);
    // R: svymean(~y, subset(cal, answered == 1 & central == "2")): 0.33162373908299192, SE 0.085291481030926111.
    const p = 0.33162373908299192;
    assertClose(ja?.share, p);
    assertInterval((ja?.ci95 ?? null) as [number, number] | null, wilsonAt(p, (p * (1 - p)) / 0.085291481030926111 ** 2));
  });

  test('shows Table 1 after weighting: the raked margins met, other groupings as far as the weights go', async (store) => {
    await setUp(store);
    const weighting = new Weighting(store, 2019, 'kommune', { groupings });
    const table = await representativeness(store, 2019, ['storrelse3', 'sentralitet', 'fylke']);
    const w = await weightedTable1(store, table, weighting);
    const [size, central, county] = w.groupings;
    assert.deepEqual(
      size?.categories.map((c) => Math.abs(c.diffPp.kommunedirektor ?? 1) < 1e-7),
      [true, true, true],
    );
    assertClose(central?.categories[1]?.share.kommunedirektor, 32 / 60, 1e-9);
    // County 10 holds units 0–29: the cells small × 1, small × 2 and medium × 1, with 8 + 3 + 5 respondents.
    const rw = await weighting.forRole('kommunedirektor');
    const wOf = (cell: string) => rw.weights[rw.index.get(cell) as number] as number;
    const in10 = 8 * wOf('0|0') + 3 * wOf('0|1') + 5 * wOf('1|0');
    assertClose(county?.categories[0]?.share.kommunedirektor, in10 / 60, 1e-12);
    assertClose(county?.categories[0]?.diffPp.kommunedirektor, 100 * (in10 / 60 - 30 / 60), 1e-12);
    assert.deepEqual(Object.keys(w.weights), ['kommunedirektor'], 'roles without respondents have no weights');
    const json = weightedRepresentativenessJson(table, w);
    assert.equal(json.groupings[0]?.categories[0]?.respondents.kommunedirektor, 11, 'the counts as counted');
    assertClose(json.groupings[0]?.categories[0]?.weighted_share.kommunedirektor, 20 / 60, 1e-9);
    assert.equal(json.weights[0]?.role, 'kommunedirektor');
  });

  test('merges a category nobody answered with its neighbour and says so', async (store) => {
    // Four more municipalities in centrality 3, none of them answering.
    const extra = [0, 1, 2, 3].map((k) => `12${String(k).padStart(2, '0')};Ekstra ${k};12;Fylke 12;1000;3;10`);
    await setUp(store, extra);
    const rw = await new Weighting(store, 2019, 'kommune', { groupings }).forRole('kommunedirektor');
    assert.deepEqual(rw.summary.collapsed, [{ grouping: 'Sentralitetsklasse', categories: ['2', '3'] }]);
    assert.deepEqual(rw.summary.groupings[1]?.categories, ['1', '2 + 3']);
    assert.equal(rw.summary.population, 64);
    assert.deepEqual(rw.margins, [
      [24, 20, 20],
      [28, 36],
    ]);
    // The merged category gets its units' weight: 3w(small, 2) + 6w(medium, 2) + 6w(large, 2) = 36.
    const wOf = (cell: string) => rw.weights[rw.index.get(cell) as number] as number;
    assertClose(3 * wOf('0|1') + 6 * wOf('1|1') + 6 * wOf('2|1'), 36, 1e-9);
    assert.deepEqual(
      weightsNotes(rw.summary).map((m) => m.key),
      ['weights.collapsed'],
    );
  });

  test('caps the weights and reports the respondents at the cap', async (store) => {
    await setUp(store);
    const rw = await new Weighting(store, 2019, 'kommune', { groupings, cap: 1.25 }).forRole('kommunedirektor');
    // R: calibrate(..., bounds = c(0, 1.25)): the large municipalities at 1.25 × 60/30.
    assertClose(rw.weights[rw.index.get('2|1') as number], 2.5, 1e-9);
    assertClose(rw.weights[rw.index.get('0|0') as number], 1.7824455863408886, 1e-9);
    assert.equal(rw.summary.trimmed, 8);
    assert.equal(rw.summary.cap, 1.25);
  });

  test('refuses to weight a role nobody answered, with a message that says so', async (store) => {
    await setUp(store);
    await assert.rejects(
      () => new Weighting(store, 2019, 'kommune', { groupings }).forRole('skolesjef'),
      (e) => e instanceof AppError && e.problem.key === 'weights.no_respondents',
    );
    await assert.rejects(
      () => frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { weighted: new Weighting(store, 2018) }),
      (e) => e instanceof AppError && e.problem.key === 'weights.wrong_weighting',
    );
  });
});

// The CLI opens the store itself: SQLite in a file.
describeStores(
  'weights on the command line',
  (test) => {
    test('`analyze … --weighted` on the command line gives what the analysis gives with the default weights', async (store, { url }) => {
      await setUp(store);
      // English unless KOMMUNEPULS_LANG says otherwise: a developer's own setting must not leak in.
      const { KOMMUNEPULS_LANG: _, ...env } = process.env;
      const cli = (...args: string[]) => {
        const r = spawnSync(process.execPath, [path.resolve('bin/kommunepuls.mjs'), 'analyze', ...args, '--year', '2019', '--weighted'], {
          encoding: 'utf8',
          env: { ...env, KOMMUNEPULS_DB: url },
        });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout;
      };
      const freq = ['frequencies', '--role', 'kommunedirektor', '--question', 'samarbeid', '--fpc'];
      const expected = await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', undefined, { fpc: true, weighted: true });
      assert.equal(expected.weights?.method, 'raking');
      assert.deepEqual(JSON.parse(cli(...freq, '--json')), JSON.parse(JSON.stringify(expected)));
      assert.match(cli(...freq), /kommunedirektor: weighted \(raking on /);
      const table = await representativeness(store, 2019);
      const w = await weightedTable1(store, table, true);
      assert.deepEqual(
        JSON.parse(cli('representativeness', '--json')),
        JSON.parse(JSON.stringify(weightedRepresentativenessJson(table, w))),
      );
    });
  },
  { file: true },
);
