import assert from 'node:assert/strict';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { registryCsv, withCell } from './fixtures.ts';
import { importMapping, importRegistry } from './registry.service.ts';

/** Everything the registry tables hold, for "exactly as before" comparisons. */
async function snapshot(store: Store) {
  const units = await store.db.selectFrom('unit').selectAll().orderBy('year').orderBy('number').execute();
  const attrs = await store.db.selectFrom('unit_attribute').selectAll().orderBy('year').orderBy('number').orderBy('attribute').execute();
  const mapping = await store.db.selectFrom('division_mapping').selectAll().orderBy('from_number').orderBy('to_number').execute();
  return { units, attrs, mapping };
}

describeStores('registry import of a file with text the store cannot keep', (test) => {
  test('refuses a NUL in a name and leaves the registry exactly as before', async (store) => {
    await importRegistry(store, 2019, registryCsv({ units: 50 }), 'registry.csv');
    const before = await snapshot(store);
    const bad = withCell(registryCsv({ units: 100 }), 80, 'navn', 'Sør\u0000fjord');
    await assert.rejects(importRegistry(store, 2019, Buffer.from(bad, 'utf8'), 'registry.csv'), {
      message: 'registry.csv line 80, column navn: the cell holds a control character U+0000 (NUL) at character 4; remove it',
    });
    assert.deepEqual(await snapshot(store), before);
  });

  test('refuses a file that is not UTF-8 and one with a 1 MB column name, changing nothing', async (store) => {
    await importRegistry(store, 2019, registryCsv({ units: 50 }), 'registry.csv');
    const before = await snapshot(store);
    // A Latin-1 "ø" (0xF8) in the name on line 4 of an otherwise UTF-8 file.
    const latin1 = Buffer.from(withCell(registryCsv({ units: 60, bom: false, crlf: false }), 4, 'navn', 'Troms#'), 'utf8');
    latin1[latin1.indexOf('Troms#') + 5] = 0xf8;
    await assert.rejects(importRegistry(store, 2019, latin1, 'registry.csv'), {
      message: 'registry.csv line 4, byte 11: the file is not UTF-8 (byte 0xF8); save it as UTF-8',
    });
    const wide = `kommunenummer;navn;fylkesnummer;fylkesnavn;${'x'.repeat(1_000_000)}\n0101;A;01;F;1\n`;
    const refused = await importRegistry(store, 2019, wide, 'registry.csv').then(
      () => assert.fail('accepted'),
      (e: Error) => e.message,
    );
    assert.ok(refused.length < 200, refused);
    assert.deepEqual(await snapshot(store), before);
  });

  test('refuses a mapping file with a control character, changing nothing', async (store) => {
    await importRegistry(store, 2019, 'kommunenummer,navn,fylkesnummer,fylkesnavn\n0101,A,01,F\n0102,B,01,F\n', 'r19.csv');
    await importRegistry(store, 2020, 'kommunenummer,navn,fylkesnummer,fylkesnavn\n3001,AB,30,G\n', 'r20.csv');
    const before = await snapshot(store);
    await assert.rejects(importMapping(store, 2019, 2020, 'fra_nummer,til_nummer,andel\n0101,3001,\n0102,3001,\u0007\n', 'm.csv'), {
      message: 'm.csv line 3, column andel: the cell holds a control character U+0007 (BEL) at character 1; remove it',
    });
    assert.deepEqual(await snapshot(store), before);
  });
});
