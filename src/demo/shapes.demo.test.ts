import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { geoArea } from 'd3-geo';
import { loadGeometry } from '../registry/geometry.service.ts';
import { saveRegistry } from '../registry/registry.service.ts';
import { describeStores } from '../store/testing.ts';
import { demoRegistry } from './registry.demo.ts';
import { type DemoShape, demoShapes, loadDemoGeometry } from './shapes.demo.ts';

const units = demoRegistry(2019);
const shapes = demoShapes(units, 2019);
const level = (l: DemoShape['level']) => shapes.filter((s) => s.level === l);
const km2 = (list: readonly DemoShape[]) => list.reduce((sum, s) => sum + geoArea(s.geometry) * 6371.0088 ** 2, 0);

describe('demo shapes', () => {
  it('are the same for the same seed and differ for another', () => {
    assert.deepEqual(demoShapes(units, 2019), shapes);
    const other = demoShapes(units, 7);
    assert.notDeepEqual(other.find((s) => s.code === '0301')?.geometry, shapes.find((s) => s.code === '0301')?.geometry);
  });

  it('give one shape per county, municipality and city district, named as in the registry', () => {
    const counties = new Map(units.map((u) => [u.countyNumber, u.countyName]));
    assert.equal(counties.size, 18);
    assert.deepEqual(
      level('fylke').map((s) => [s.code, s.name]),
      [...counties].sort((a, b) => a[0].localeCompare(b[0])),
    );
    for (const kind of ['kommune', 'bydel'] as const) {
      assert.deepEqual(
        level(kind).map((s) => [s.code, s.name]),
        units.filter((u) => u.kind === kind).map((u) => [u.number, u.name]),
      );
    }
    assert.deepEqual([level('kommune').length, level('bydel').length], [422, 15]);
  });

  it('are each in one piece, and counties and districts are made of their municipalities', () => {
    for (const s of [...level('fylke'), ...level('kommune'), ...level('bydel')]) {
      assert.equal(s.geometry.type, 'Polygon', `${s.level} ${s.code} is in several pieces`);
    }
    const land = km2(level('fylke'));
    // A tall country of about Norway's size (324 000 km² of mainland).
    assert.ok(land > 250_000 && land < 420_000, `${Math.round(land)} km²`);
    assert.ok(Math.abs(km2(level('kommune')) - land) < 1e-6 * land);
    for (const county of level('fylke')) {
      const inside = level('kommune').filter((s) => units.find((u) => u.number === s.code)?.countyNumber === county.code);
      assert.ok(Math.abs(km2(inside) - km2([county])) < 1e-6 * land, `county ${county.code}`);
    }
    const capital = level('kommune').filter((s) => s.code === '0301');
    assert.ok(Math.abs(km2(level('bydel')) - km2(capital)) < 0.01 * km2(capital));
    for (const s of shapes) {
      const flat = (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates).flat(2);
      for (const [lon = 0, lat = 0] of flat) assert.ok(lon > 4 && lon < 32 && lat > 57.5 && lat < 71.5, `${s.code}: ${lon}, ${lat}`);
    }
  });
});

describeStores('demo shapes in the store', (test) => {
  test('are stored for every level of the registry year', async (store) => {
    await saveRegistry(store, 2019, units);
    await loadDemoGeometry(store, 2019, units, 2019);
    const counts = [];
    for (const l of ['fylke', 'kommune', 'bydel'] as const) counts.push((await loadGeometry(store, 2019, l)).features.length);
    assert.deepEqual(counts, [18, 422, 15]);
    const oslo = (await loadGeometry(store, 2019, 'kommune')).features.find((f) => f.properties.code === '0301');
    assert.deepEqual(oslo?.geometry, shapes.find((s) => s.code === '0301')?.geometry);
  });
});
