import assert from 'node:assert/strict';
import { frequenciesJson } from '../analysis/breakdown.ts';
import { codes, response } from '../analysis/compare.fixtures.ts';
import { holm } from '../analysis/stats/index.ts';
import { saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { parseReportDefinition } from './definition.ts';
import { computeFigure } from './figures.ts';

const template = writeMiniTemplate();
const submitted = (unitNumber: string, samarbeid: number, utfordring: number) =>
  response(unitNumber, { samarbeid: codes(samarbeid), utfordring: codes(utfordring) });

// Sizes (storrelse3): small 0302, 0401; medium 0402, 0403; large 0301, 0303. Counties 03 and 04.
async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', 1, 5),
    submitted('0302', 2, 4),
    submitted('0303', 1, 4),
    submitted('0401', 2, 2),
    submitted('0402', 1, 1),
    submitted('0403', 2, 2),
  ]);
}

const question = [{ role: 'kommunedirektor' as const, question: 'samarbeid' }];

describeStores('report figures', (test) => {
  test('tests a breakdown by several groupings as one family: Holm over the groupings', async (store) => {
    await setUp(store);
    const fig = await computeFigure(store, 2019, { kind: 'breakdown', by: ['storrelse3', 'fylke'], minN: 2, questions: question });
    assert.ok(fig.data.kind === 'grouped');
    assert.deepEqual(
      fig.data.series.map((s) => [s.label, s.n[0], s.tooFew]),
      [
        ['Kommunestørrelse (tre grupper): Små (under 5 000)', 2, false],
        ['Kommunestørrelse (tre grupper): Mellomstore (5 000 - 19 999)', 2, false],
        ['Kommunestørrelse (tre grupper): Store (20 000 og over)', 2, false],
        ['Fylke: Sentrum', 3, false],
        ['Fylke: Innlandet', 3, false],
      ],
    );
    // The raw p of each grouping is the one `analyze frequencies --by` reports (exact here, as
    // the expected counts are small); the figure adjusts the two together.
    const raw = [];
    for (const by of ['storrelse3', 'fylke']) {
      const t = (await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid', by)).test;
      assert.ok(t);
      assert.equal(t.family_size, 1);
      raw.push(t.p_exact ?? t.p);
    }
    const adjusted = holm(raw);
    assert.deepEqual(
      fig.data.tests?.map((t) => (t.kind === 'test' ? [t.by, t.p, t.pAdjusted, t.familySize] : t.kind)),
      [
        ['kommunestørrelse (tre grupper)', raw[0], adjusted[0], 2],
        ['fylke', raw[1], adjusted[1], 2],
      ],
    );
  });

  test('withholds the shares of a category below the minimum N, the report default applying to every figure', async (store) => {
    await setUp(store);
    const fig = await computeFigure(store, 2019, { kind: 'breakdown', by: 'storrelse3', questions: question });
    assert.ok(fig.data.kind === 'grouped');
    assert.equal(fig.data.minN, 5);
    assert.ok(fig.data.series.every((s) => s.tooFew && s.shares.every((x) => x === null)));
    const def = parseReportDefinition(`
title: R
minN: 2
chapters:
  - title: A
    blocks:
      - figure: {kind: breakdown, by: storrelse3, questions: [{role: kommunedirektor, question: samarbeid}]}
      - figure: {kind: map, questions: [{role: kommunedirektor, question: utfordring}]}
      - figure: {kind: map, minN: 4, questions: [{role: kommunedirektor, question: utfordring}]}
`);
    const r = await buildReport(store, 2019, def);
    const [grouped, map, strict] = r.chapters.flatMap((c) => c.blocks).map((b) => (b.kind === 'figure' ? b.data : null));
    assert.ok(grouped?.kind === 'grouped');
    assert.equal(grouped.minN, 2);
    assert.deepEqual(
      grouped.series.map((s) => s.shares),
      [
        [0, 1, 0],
        [0.5, 0.5, 0],
        [1, 0, 0],
      ],
    );
    assert.ok(map?.kind === 'map' && strict?.kind === 'map');
    assert.deepEqual(
      map.maps[0]?.counties.map((c) => [c.name, c.n, c.mean, c.tooFew]),
      [
        ['Sentrum', 3, 13 / 3, false],
        ['Innlandet', 3, 5 / 3, false],
      ],
    );
    assert.deepEqual(
      strict.maps[0]?.counties.map((c) => [c.name, c.n, c.mean, c.tooFew]),
      [
        ['Sentrum', 3, null, true],
        ['Innlandet', 3, null, true],
      ],
    );
  });
});
