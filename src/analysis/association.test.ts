import assert from 'node:assert/strict';
import { saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { association, countyMeans } from './association.ts';
import { codes, response } from './compare.fixtures.ts';
import { pearsonChiSquare } from './stats/index.ts';

const template = writeMiniTemplate();
const submitted = (unitNumber: string, samarbeid: number, utfordring: number) =>
  response(unitNumber, { samarbeid: codes(samarbeid), utfordring: codes(utfordring) });

// Counties: Sentrum 0301, 0302, 0303 (+ districts); Innlandet 0401, 0402, 0403.
async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', 1, 5),
    submitted('0302', 1, 4),
    submitted('0303', 2, 9),
    submitted('0401', 2, 1),
    submitted('0402', 9, 2),
    submitted('030101', 1, 1),
  ]);
}

describeStores('county means and association', (test) => {
  test('averages a scale per county without "Vet ikke" and without the districts', async (store) => {
    await setUp(store);
    const r = await countyMeans(store, 2019, 'kommunedirektor', 'utfordring', 'kommune', 2);
    assert.deepEqual(
      r.counties.map((c) => [c.county, c.n, c.mean, c.tooFew]),
      [
        ['Sentrum', 2, 4.5, false],
        ['Innlandet', 2, 1.5, false],
      ],
    );
    // With the default minimum of 5 answers per county, two are too few: no mean, so no colour on the map.
    const byDefault = await countyMeans(store, 2019, 'kommunedirektor', 'utfordring');
    assert.deepEqual(
      byDefault.counties.map((c) => [c.county, c.n, c.mean, c.tooFew]),
      [
        ['Sentrum', 2, null, true],
        ['Innlandet', 2, null, true],
      ],
    );
    await assert.rejects(countyMeans(store, 2019, 'kommunedirektor', 'samarbeid'), /not a scale/);
  });

  test('cross-tabulates two questions with chi-square, and Spearman on two scales', async (store) => {
    await setUp(store);
    const a = await association(store, 2019, 'kommunedirektor', 'samarbeid', 'utfordring');
    assert.equal(a.n, 5);
    assert.deepEqual(a.table, [
      [0, 0, 0, 1, 1, 0],
      [1, 0, 0, 0, 0, 1],
      [0, 1, 0, 0, 0, 0],
    ]);
    assert.equal(a.chiSquare?.statistic, pearsonChiSquare(a.table.map((r) => [...r])).statistic);
    assert.equal(a.noTest, null);
    const same1 = await association(store, 2019, 'kommunedirektor', 'samarbeid', 'samarbeid');
    assert.ok(same1.chiSquare !== null, 'a question against itself has a diagonal table, and a test');
    const none = await association(store, 2019, 'skolesjef', 'samarbeid', 'utfordring');
    assert.equal(none.chiSquare, null);
    assert.equal(none.noTest, 'no_answers');
    assert.equal(a.spearman, null, 'samarbeid is not a scale');
    const same = await association(store, 2019, 'kommunedirektor', 'utfordring', 'utfordring');
    assert.deepEqual(same.spearman, { rho: 1, p: 0, n: 4 });
    await assert.rejects(association(store, 2019, 'kommunedirektor', 'kjennskap', 'samarbeid'), /name an item/);
    await assert.rejects(association(store, 2019, 'kommunedirektor', 'samarbeid.x', 'utfordring'), /not a matrix/);
  });
});
