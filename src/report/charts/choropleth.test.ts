import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { choropleth, classify, classOf, type MapProperties } from './choropleth.ts';
import { classColors } from './colors.ts';
import { assertAccessibleSvg, pathPoints, texts, viewBox } from './test-helpers.ts';

/** A square of `size` degrees with its south-west corner at (lon, lat), anticlockwise as RFC 7946 wants. */
function square(lon: number, lat: number, size: number, clockwise = false): Position[][] {
  const ring: Position[] = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
  return [clockwise ? ring.reverse() : ring];
}

function squares(clockwise = false): FeatureCollection<Geometry, MapProperties> {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { code: 'A', name: 'Øst' }, geometry: { type: 'Polygon', coordinates: square(10, 60, 1, clockwise) } },
      { type: 'Feature', properties: { code: 'B', name: 'Vest' }, geometry: { type: 'Polygon', coordinates: square(8, 60, 1, clockwise) } },
      { type: 'Feature', properties: { code: 'C', name: 'Nord' }, geometry: { type: 'Polygon', coordinates: square(9, 62, 1, clockwise) } },
    ],
  };
}

function assertInside(svg: string): void {
  const { width, height } = viewBox(svg);
  const points = pathPoints(svg);
  assert.ok(points.length > 0, 'the paths have points');
  for (const [x, y] of points) assert.ok(x >= 0 && x <= width && y >= 0 && y <= height, `(${x}, ${y}) inside 0 0 ${width} ${height}`);
}

const areas = (svg: string) =>
  [...svg.matchAll(/<path d="[^"]+" fill="([^"]+)" stroke-width="[\d.]+"><title>([^<]+)<\/title>/g)].map((m) => [m[1], m[2]]);

describe('choropleth', () => {
  it('cross-hatches an area with too few answers as "for få svar", never in a class colour, whatever its value', () => {
    const svg = choropleth({
      id: 'few',
      title: 'Kart',
      features: squares(),
      values: { A: 1.2, B: 4.8, C: 4.9 },
      tooFew: ['C'],
      domain: [1, 5],
      classes: 4,
    });
    const colors = classColors(4);
    assert.deepEqual(areas(svg), [
      [colors[0], 'Øst: 1,2'],
      [colors[3], 'Vest: 4,8'],
      ['url(#few-toofew)', 'Nord: for få svar'],
    ]);
    assert.match(svg, /<pattern id="few-toofew"/);
    assert.ok(texts(svg).includes('for få svar'), 'its own legend entry');
    assert.ok(!texts(svg).includes('ingen data'), 'not listed as without data');
    assert.match(svg, /For få svar: Nord\./);
    assertAccessibleSvg(svg, 'few');
  });

  it('fills two squares with the colours of their classes and the third, without a value, with the grey "ingen data"', () => {
    const svg = choropleth({ id: 'map1', title: 'Kart', features: squares(), values: { A: 1.2, B: 4.8 }, domain: [1, 5], classes: 4 });
    const colors = classColors(4);
    assert.deepEqual(areas(svg), [
      [colors[0], 'Øst: 1,2'],
      [colors[3], 'Vest: 4,8'],
      ['url(#map1-nodata)', 'Nord: ingen data'],
    ]);
    assert.match(svg, /<pattern id="map1-nodata"[^>]*><rect width="5" height="5" fill="#e4e4e4"\/>/);
    assert.deepEqual(
      texts(svg).filter((t) => /–|ingen/.test(t)),
      ['1,0–2,0', '2,0–3,0', '3,0–4,0', '4,0–5,0', 'ingen data'],
    );
    assertAccessibleSvg(svg, 'map1');
    assertInside(svg);
  });

  it('draws the same map whichever way the rings wind', () => {
    const a = choropleth({ id: 'a', title: 'K', features: squares(false), values: new Map([['A', 2]]) });
    const b = choropleth({ id: 'a', title: 'K', features: squares(true), values: new Map([['A', 2]]) });
    assert.equal(a, b);
    assertInside(a);
  });

  it('keeps a portrait box by default and takes width and height', () => {
    const svg = choropleth({ id: 'p', title: 'K', features: squares(), values: {} });
    const box = viewBox(svg);
    assert.ok(box.height > box.width);
    assert.deepEqual(viewBox(choropleth({ id: 'p', title: 'K', features: squares(), values: {}, width: 300, height: 200 })), {
      width: 300,
      height: 200,
    });
  });

  it('keeps an area too small to see (an island municipality) as a dot with its title', () => {
    const fc = squares();
    const tiny: FeatureCollection<Geometry, MapProperties> = {
      type: 'FeatureCollection',
      features: [
        ...fc.features,
        { type: 'Feature', properties: { code: 'R', name: 'Røst' }, geometry: { type: 'Polygon', coordinates: square(9.5, 61, 0.0001) } },
      ],
    };
    const svg = choropleth({ id: 't', title: 'K', features: tiny, values: { R: 2 } });
    assert.match(
      svg,
      /<circle cx="[\d.]+" cy="[\d.]+" r="2" fill="#[0-9a-f]{6}" stroke-width="[\d.]+"><title>Røst: 2,0<\/title><\/circle>/,
    );
  });

  it('writes the credit line under the map', () => {
    const svg = choropleth({
      id: 'c',
      title: 'K',
      features: squares(),
      values: { A: 1 },
      credit: 'Kartgrunnlag: Kartverket; befolkning: SSB',
    });
    assert.ok(texts(svg).includes('Kartgrunnlag: Kartverket; befolkning: SSB'));
  });

  it('splits the range into equal classes with bounds rounded to the decimals shown', () => {
    assert.deepEqual(classify([1, 5], { classes: 4 }).bounds, [1, 2, 3, 4, 5]);
    assert.deepEqual(classify([2.13, 3.38], { classes: 5 }).bounds, [2.1, 2.4, 2.6, 2.9, 3.1, 3.4]);
    assert.deepEqual(classify([3, 3], {}).bounds, [3, 3]);
    assert.deepEqual(
      [0.5, 1, 1.99, 2, 4.5, 5, 9].map((v) => classOf(v, [1, 2, 3, 4, 5])),
      [0, 0, 0, 1, 3, 3, 3],
    );
  });

  it('renders the real 2019 counties: 18 areas inside the view box', (t) => {
    const file = path.resolve(process.cwd(), '../shared/reference/geo/2019/fylke.geojson');
    if (!fs.existsSync(file)) {
      t.skip(`reference data absent: ${file} (see /work/shared/reference/README.md)`);
      return;
    }
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection<Geometry, { fylke_no: string; fylke_name: string }>;
    const features: FeatureCollection<Geometry, MapProperties> = {
      type: 'FeatureCollection',
      features: raw.features.map((f) => ({ ...f, properties: { code: f.properties.fylke_no, name: f.properties.fylke_name } })),
    };
    const values = Object.fromEntries(features.features.map((f, i) => [f.properties.code, 1 + (i % 9) / 2]));
    const svg = choropleth({ id: 'fylker', title: 'Fylker 2019', features, values, credit: 'Kartgrunnlag: Kartverket; befolkning: SSB' });
    const kb = Buffer.byteLength(svg) / 1024;
    t.diagnostic(`county map SVG: ${kb.toFixed(1)} KB`);
    assert.equal(areas(svg).length, 18);
    assert.ok(areas(svg).some(([, title]) => /^Finnmark - Finnmárku: \d,\d$/.test(title ?? '')));
    assertAccessibleSvg(svg, 'fylker');
    assertInside(svg);
    assert.ok(kb < 150, `${kb.toFixed(1)} KB`);
  });
});
