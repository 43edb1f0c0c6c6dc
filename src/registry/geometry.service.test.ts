import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type * as GeoJSON from 'geojson';
import type { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { geometryCredit, importGeometry, loadGeometry, saveGeometry } from './geometry.service.ts';
import { type Shape, tidyShape } from './geometry.ts';
import { saveRegistry } from './registry.service.ts';
import type { Unit } from './registry.types.ts';

function unit(number: string, name: string, countyNumber: string, countyName: string, parentNumber: string | null = null): Unit {
  return { number, name, countyNumber, countyName, kind: number.length === 6 ? 'bydel' : 'kommune', parentNumber, attributes: {} };
}

/** Two municipalities in one county and one in another, plus two districts of the first. */
const smallRegistry: Unit[] = [
  unit('0301', 'Oslo', '03', 'Oslo'),
  unit('0219', 'Bærum', '02', 'Akershus'),
  unit('0220', 'Asker', '02', 'Akershus'),
  unit('030101', 'Gamle Oslo', '03', 'Oslo', '0301'),
  unit('030102', 'Grünerløkka', '03', 'Oslo', '0301'),
];

/** A square of `size` degrees with its south-west corner at (lon, lat), counter-clockwise as RFC 7946 has it. */
function square(lon: number, lat: number, size = 0.1): GeoJSON.Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  };
}

function collection(features: { properties: Record<string, unknown> | null; geometry: unknown }[]): string {
  return JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', ...f })) });
}

/** Two neighbouring squares: Bærum west of Oslo, sharing a border. */
const twoSquares = collection([
  { properties: { kommune_no: '0301', kommune_name: 'Oslo' }, geometry: square(10.7, 59.9) },
  { properties: { kommune_no: '0219', kommune_name: 'Bærum' }, geometry: square(10.6, 59.9) },
]);

async function rows(store: Store) {
  return store.db.selectFrom('geometry').selectAll().orderBy('registry_year').orderBy('level').orderBy('code').execute();
}

describeStores('geometry store', (test) => {
  test('imports two neighbouring squares and loads them back with codes and names', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const r = await importGeometry(store, {
      year: 2019,
      level: 'kommune',
      source: twoSquares,
      fileName: 'kommune.geojson',
      idField: 'kommune_no',
      nameField: 'kommune_name',
    });
    assert.deepEqual(
      { features: r.features, matched: r.matched, skipped: r.skipped, withoutShape: r.withoutShape, replaced: r.replaced },
      { features: 2, matched: 2, skipped: 0, withoutShape: ['0220'], replaced: 0 },
    );
    assert.equal(r.bytesBefore, Buffer.byteLength(twoSquares));
    assert.ok(r.bytesAfter > 0 && r.bytesAfter < r.bytesBefore);

    const loaded = await loadGeometry(store, 2019, 'kommune');
    assert.deepEqual(
      loaded.features.map((f) => [f.id, f.properties]),
      [
        ['0219', { code: '0219', name: 'Bærum' }],
        ['0301', { code: '0301', name: 'Oslo' }],
      ],
    );
    // Squares have nothing to simplify; rings come back clockwise, as d3-geo draws them.
    assert.deepEqual(loaded.features[1]?.geometry, {
      type: 'Polygon',
      coordinates: [
        [
          [10.7, 59.9],
          [10.7, 60],
          [10.8, 60],
          [10.8, 59.9],
          [10.7, 59.9],
        ],
      ],
    });
  });

  test('takes names from the registry when no name field is given, and pads numeric ids', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([
      { properties: { fylke_no: 3 }, geometry: square(10.7, 59.9) },
      { properties: { fylke_no: '2' }, geometry: square(10.6, 59.9) },
    ]);
    const r = await importGeometry(store, { year: 2019, level: 'fylke', source, fileName: 'fylke.geojson', idField: 'fylke_no' });
    assert.equal(r.matched, 2);
    assert.deepEqual(
      (await loadGeometry(store, 2019, 'fylke')).features.map((f) => f.properties),
      [
        { code: '02', name: 'Akershus' },
        { code: '03', name: 'Oslo' },
      ],
    );
  });

  test('keeps the credit line of imported shapes for the maps, and none when none was given', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([{ properties: { fylke_no: '03' }, geometry: square(10.7, 59.9) }]);
    await importGeometry(store, {
      year: 2019,
      level: 'fylke',
      source,
      fileName: 'f.geojson',
      idField: 'fylke_no',
      credit: 'Kartgrunnlag: Kartverket',
    });
    assert.equal(await geometryCredit(store, 2019, 'fylke'), 'Kartgrunnlag: Kartverket');
    await importGeometry(store, { year: 2019, level: 'fylke', source, fileName: 'f.geojson', idField: 'fylke_no' });
    assert.equal(await geometryCredit(store, 2019, 'fylke'), null);
  });

  test('checks city districts against the districts of the registry', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([
      { properties: { bydel_no: 30101 }, geometry: square(10.75, 59.9, 0.02) },
      { properties: { bydel_no: '030102' }, geometry: square(10.75, 59.92, 0.02) },
      { properties: { bydel_no: '460101' }, geometry: square(5.3, 60.4, 0.02) },
    ]);
    const base = { year: 2019, level: 'bydel' as const, source, fileName: 'bydel.geojson', idField: 'bydel_no' };
    await assert.rejects(importGeometry(store, base), { message: 'bydel.geojson feature 3: bydel 460101 is not in the 2019 registry' });
    const r = await importGeometry(store, { ...base, skipUnknown: true });
    assert.deepEqual([r.features, r.matched, r.skipped], [3, 2, 1]);
    assert.deepEqual(
      (await loadGeometry(store, 2019, 'bydel')).features.map((f) => f.properties.code),
      ['030101', '030102'],
    );
  });

  test('names the feature and the property that is missing', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([
      { properties: { fylke_no: '03' }, geometry: square(10.7, 59.9) },
      { properties: { fylkesnummer: '02' }, geometry: square(10.6, 59.9) },
    ]);
    await assert.rejects(importGeometry(store, { year: 2019, level: 'fylke', source, fileName: 'fylke.geojson', idField: 'fylke_no' }), {
      code: 'invalid_input',
      message: 'fylke.geojson feature 2: property "fylke_no" is missing',
    });
  });

  test('rejects a code that is not in the registry of that year', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([
      { properties: { kommune_no: '0301' }, geometry: square(10.7, 59.9) },
      { properties: { kommune_no: '0219' }, geometry: square(10.6, 59.9) },
      { properties: { kommune_no: 9999 }, geometry: square(10.5, 59.9) },
    ]);
    await assert.rejects(
      importGeometry(store, { year: 2019, level: 'kommune', source, fileName: 'kommune.geojson', idField: 'kommune_no' }),
      {
        message: 'kommune.geojson feature 3: kommune 9999 is not in the 2019 registry',
      },
    );
  });

  test('rejects a duplicate code, naming both features', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const source = collection([
      { properties: { kommune_no: '0301' }, geometry: square(10.7, 59.9) },
      { properties: { kommune_no: '0219' }, geometry: square(10.6, 59.9) },
      { properties: { kommune_no: 301 }, geometry: square(10.8, 59.9) },
    ]);
    await assert.rejects(importGeometry(store, { year: 2019, level: 'kommune', source, fileName: 'k.geojson', idField: 'kommune_no' }), {
      message: 'k.geojson feature 3: kommune 0301 appears again (first in feature 1)',
    });
  });

  test('rejects geometries other than polygons, projected coordinates and files that are not a FeatureCollection', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    const attempt = (source: string) =>
      importGeometry(store, { year: 2019, level: 'kommune', source, fileName: 'k.geojson', idField: 'kommune_no' });
    await assert.rejects(
      attempt(collection([{ properties: { kommune_no: '0301' }, geometry: { type: 'Point', coordinates: [10.7, 59.9] } }])),
      {
        message: 'k.geojson feature 1: geometry is a Point; only Polygon and MultiPolygon are allowed',
      },
    );
    await assert.rejects(attempt(collection([{ properties: { kommune_no: '0301' }, geometry: square(597000, 6643000, 1000) }])), {
      message: /^k\.geojson feature 1: coordinate \[597000, 6643000\] is not longitude\/latitude in degrees/,
    });
    await assert.rejects(
      attempt(
        collection([
          {
            properties: { kommune_no: '0301' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [10.7, 59.9],
                  [10.8, 59.9],
                  [10.7, 59.9],
                ],
              ],
            },
          },
          { properties: {}, geometry: null },
        ]),
      ),
      (e: AppError) => {
        assert.equal(e.message, 'k.geojson feature 1: geometry.coordinates[0]: a ring needs at least 4 positions (and 1 more problem)');
        assert.deepEqual(e.texts('nb'), [
          'k.geojson objekt 1: geometry.coordinates[0]: en ring må ha minst 4 posisjoner',
          'k.geojson objekt 2: egenskapen «kommune_no» mangler',
        ]);
        return true;
      },
    );
    await assert.rejects(attempt(JSON.stringify(square(10.7, 59.9))), {
      message: 'k.geojson: expected a GeoJSON FeatureCollection, found a Polygon',
    });
    await assert.rejects(attempt('{"type": "FeatureCollection", '), { message: /^k\.geojson: not valid JSON/ });
  });

  test('needs a registry for the year', async (store) => {
    await assert.rejects(
      importGeometry(store, { year: 2019, level: 'kommune', source: twoSquares, fileName: 'k.geojson', idField: 'kommune_no' }),
      {
        code: 'not_found',
        message: /^no registry for 2019: import one with "kommunepuls registry import --year 2019 FILE\.csv"/,
      },
    );
  });

  test('a bad file leaves the earlier shapes exactly as they were', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    await importGeometry(store, { year: 2019, level: 'kommune', source: twoSquares, fileName: 'k.geojson', idField: 'kommune_no' });
    const before = await rows(store);
    const bad = collection([
      { properties: { kommune_no: '0301' }, geometry: square(10.7, 59.9, 0.2) },
      { properties: { kommune_no: '0220' }, geometry: square(10.4, 59.8) },
      {
        properties: { kommune_no: '0219' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [10.6, 59.9],
            [10.7, 59.9],
          ],
        },
      },
    ]);
    await assert.rejects(
      importGeometry(store, { year: 2019, level: 'kommune', source: bad, fileName: 'k.geojson', idField: 'kommune_no' }),
      {
        message: /^k\.geojson feature 3: geometry is a LineString/,
      },
    );
    assert.deepEqual(await rows(store), before);
  });

  test('importing again replaces only that year and level', async (store) => {
    await saveRegistry(store, 2019, smallRegistry);
    await saveRegistry(store, 2020, smallRegistry);
    const kommune = { level: 'kommune' as const, source: twoSquares, fileName: 'k.geojson', idField: 'kommune_no' };
    await importGeometry(store, { ...kommune, year: 2019 });
    await importGeometry(store, { ...kommune, year: 2020 });
    await saveGeometry(store, 2019, 'fylke', [{ code: '03', name: 'Oslo', geometry: square(10.7, 59.9) }]);
    const only = collection([{ properties: { kommune_no: '0220' }, geometry: square(10.4, 59.8) }]);
    const r = await importGeometry(store, { ...kommune, year: 2019, source: only });
    assert.equal(r.replaced, 2);
    assert.deepEqual(
      (await rows(store)).map((x) => `${x.registry_year} ${x.level} ${x.code}`),
      ['2019 fylke 03', '2019 kommune 0220', '2020 kommune 0219', '2020 kommune 0301'],
    );
  });

  test('load returns what was saved, and an empty collection when there is nothing', async (store) => {
    assert.deepEqual(await loadGeometry(store, 2019, 'bydel'), { type: 'FeatureCollection', features: [] });
    const multi: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(10, 60).coordinates, square(10.5, 60).coordinates],
    };
    await saveGeometry(store, 2019, 'kommune', [
      { code: '0101', name: 'Halden', geometry: square(11.3, 59.1) },
      { code: '0102', name: null, geometry: multi },
    ]);
    const loaded = await loadGeometry(store, 2019, 'kommune');
    assert.deepEqual(
      loaded.features.map((f) => f.properties),
      [
        { code: '0101', name: 'Halden' },
        { code: '0102', name: '0102' },
      ],
    );
    assert.deepEqual(loaded.features[0]?.geometry, tidyShape(square(11.3, 59.1)));
    assert.deepEqual(loaded.features[1]?.geometry, tidyShape(multi));
    await assert.rejects(
      saveGeometry(store, 2019, 'kommune', [
        { code: '0101', name: 'A', geometry: square(11, 59) },
        { code: '0101', name: 'B', geometry: square(12, 59) },
      ]),
      { message: 'kommune 0101 appears twice' },
    );
    assert.equal((await loadGeometry(store, 2019, 'kommune')).features.length, 2);
  });
});

const referenceDir = path.resolve(process.cwd(), '../shared/reference/geo/2019');
const haveReference = fs.existsSync(path.join(referenceDir, 'kommune.geojson'));

interface ReferenceProperties {
  kommune_no: string;
  kommune_name: string;
  fylke_no: string;
  fylke_name: string;
  bydel_no?: string;
  bydel_name?: string;
}

function referenceRegistry(): Unit[] {
  const read = (f: string) =>
    (JSON.parse(fs.readFileSync(path.join(referenceDir, f), 'utf8')) as GeoJSON.FeatureCollection<Shape, ReferenceProperties>).features;
  const municipalities = read('kommune.geojson').map((f) =>
    unit(f.properties.kommune_no, f.properties.kommune_name, f.properties.fylke_no, f.properties.fylke_name),
  );
  // The survey asks the capital's districts (15, plus Sentrum and Marka); the file also has Bergen's, Trondheim's and Stavanger's.
  const districts = read('bydel.geojson')
    .filter((f) => f.properties.kommune_no === '0301')
    .map((f) => unit(f.properties.bydel_no ?? '', f.properties.bydel_name ?? '', '03', 'Oslo', '0301'));
  return [...municipalities, ...districts];
}

const referenceTest = "imports 18 counties, 422 municipalities and the capital's 17 districts, well under the size bounds";
if (!haveReference) {
  describe('geometry from the 2019 reference boundaries', () => {
    it(referenceTest, { skip: `no reference data at ${referenceDir} (../shared/reference beside the project)` }, () => {});
  });
}

describeStores('geometry from the 2019 reference boundaries', (test) => {
  if (!haveReference) return;
  test(referenceTest, async (store) => {
    await saveRegistry(store, 2019, referenceRegistry());
    const run = async (level: 'fylke' | 'kommune' | 'bydel', idField: string, nameField: string) => {
      const started = performance.now();
      const source = fs.readFileSync(path.join(referenceDir, `${level}.geojson`), 'utf8');
      const r = await importGeometry(store, {
        year: 2019,
        level,
        source,
        fileName: `${level}.geojson`,
        idField,
        nameField,
        skipUnknown: level === 'bydel',
      });
      const ms = Math.round(performance.now() - started);
      console.log(`# 2019 ${level}: ${r.matched}/${r.features} matched, ${r.bytesBefore} → ${r.bytesAfter} bytes, ${ms} ms`);
      return r;
    };
    const fylke = await run('fylke', 'fylke_no', 'fylke_name');
    assert.deepEqual([fylke.features, fylke.matched, fylke.withoutShape.length], [18, 18, 0]);
    assert.ok(fylke.bytesAfter < 100_000, `counties: ${fylke.bytesAfter} bytes`);
    const kommune = await run('kommune', 'kommune_no', 'kommune_name');
    assert.deepEqual([kommune.features, kommune.matched, kommune.withoutShape.length], [422, 422, 0]);
    assert.ok(kommune.bytesAfter < 200_000, `municipalities: ${kommune.bytesAfter} bytes`);
    const bydel = await run('bydel', 'bydel_no', 'bydel_name');
    assert.deepEqual([bydel.matched, bydel.skipped, bydel.withoutShape.length], [17, 19, 0]);

    const loaded = await loadGeometry(store, 2019, 'kommune');
    assert.equal(loaded.features.length, 422);
    assert.deepEqual(loaded.features.find((f) => f.properties.code === '0301')?.properties, { code: '0301', name: 'Oslo' });
  });
});
