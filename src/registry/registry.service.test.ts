import assert from 'node:assert/strict';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { csvFields, fixtureUnits, registryCsv, withCell } from './fixtures.ts';
import { getRegistry, importMapping, importRegistry, registryYears, resolveMapping } from './registry.service.ts';

/** Everything the registry tables hold, for "exactly as before" comparisons. */
async function snapshot(store: Store) {
  const units = await store.db.selectFrom('unit').selectAll().orderBy('year').orderBy('number').execute();
  const attrs = await store.db.selectFrom('unit_attribute').selectAll().orderBy('year').orderBy('number').orderBy('attribute').execute();
  const mapping = await store.db.selectFrom('division_mapping').selectAll().orderBy('from_number').orderBy('to_number').execute();
  return { units, attrs, mapping };
}

describeStores('registry store', (test) => {
  test('round-trips a 422-row registry unchanged', async (store) => {
    const r = await importRegistry(store, 2019, registryCsv({ units: 422, separator: ';', bom: true, crlf: true }), 'registry.csv');
    assert.equal(r.units, 422);
    assert.equal(r.counties, 6);
    const units = await getRegistry(store, 2019);
    assert.deepEqual(
      units.map(csvFields),
      fixtureUnits({ units: 422 }).sort((a, b) => a.number.localeCompare(b.number)),
    );
  });

  test('a bad row leaves the database exactly as before', async (store) => {
    await importRegistry(store, 2019, registryCsv({ units: 50 }), 'registry.csv');
    const before = await snapshot(store);
    const bad = withCell(registryCsv({ units: 422 }), 300, 'innvandrerandel', '7,5%');
    await assert.rejects(importRegistry(store, 2019, bad, 'registry.csv'), {
      message: 'registry.csv line 300, column innvandrerandel: "7,5%" is not a number',
    });
    assert.deepEqual(await snapshot(store), before);
  });

  test('importing a year again replaces only that year', async (store) => {
    await importRegistry(store, 2019, registryCsv({ units: 40 }), 'a.csv');
    await importRegistry(store, 2020, registryCsv({ units: 10 }), 'b.csv');
    const again = await importRegistry(store, 2019, registryCsv({ units: 30 }), 'c.csv');
    assert.equal(again.replaced, 40);
    assert.deepEqual(await registryYears(store), [
      { year: 2019, units: 30 },
      { year: 2020, units: 10 },
    ]);
  });

  test('imports a mapping with merges and splits, and resolves unchanged numbers to themselves', async (store) => {
    await importRegistry(
      store,
      2019,
      'kommunenummer,navn,fylkesnummer,fylkesnavn\n0101,A,01,F\n0102,B,01,F\n0103,C,01,F\n0104,D,01,F\n',
      'r19.csv',
    );
    await importRegistry(
      store,
      2020,
      'kommunenummer,navn,fylkesnummer,fylkesnavn\n3001,AB,30,G\n3002,C1,30,G\n3003,C2,30,G\n0104,D,01,F\n',
      'r20.csv',
    );
    await importMapping(
      store,
      2019,
      2020,
      'fra_nummer;til_nummer;andel\n0101;3001;\n0102;3001;\n0103;3002;0,7\n0103;3003;0,3\n',
      'map.csv',
    );
    assert.deepEqual(await resolveMapping(store, 2019, 2020), [
      { fromNumber: '0101', toNumber: '3001', share: null },
      { fromNumber: '0102', toNumber: '3001', share: null },
      { fromNumber: '0103', toNumber: '3002', share: 0.7 },
      { fromNumber: '0103', toNumber: '3003', share: 0.3 },
      { fromNumber: '0104', toNumber: '0104', share: null },
    ]);
  });

  test('a bad mapping row leaves the stored mapping exactly as before', async (store) => {
    await importRegistry(store, 2019, 'kommunenummer,navn,fylkesnummer,fylkesnavn\n0101,A,01,F\n0102,B,01,F\n', 'r19.csv');
    await importRegistry(store, 2020, 'kommunenummer,navn,fylkesnummer,fylkesnavn\n3001,AB,30,G\n', 'r20.csv');
    await importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0101,3001\n0102,3001\n', 'map.csv');
    const before = await snapshot(store);
    await assert.rejects(importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0101,3001\n0102,3009\n', 'map.csv'), {
      message: 'map.csv line 3, column til_nummer: 3009 is not in the 2020 registry',
    });
    assert.deepEqual(await snapshot(store), before);
  });

  test('refuses a mapping before both registries exist', async (store) => {
    await importRegistry(store, 2019, 'kommunenummer,navn,fylkesnummer,fylkesnavn\n0101,A,01,F\n', 'r19.csv');
    await assert.rejects(importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0101,3001\n', 'map.csv'), /no registry for 2020/);
  });
});
