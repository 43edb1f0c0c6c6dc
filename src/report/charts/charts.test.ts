import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackedBars } from './bars.ts';
import { choropleth } from './choropleth.ts';
import { categorical, classColors, contrast, luminance, neutral, scaleColors } from './colors.ts';
import { groupedBars } from './grouped-bars.ts';
import { scaleBars } from './scale-bars.ts';
import { shareBars } from './share-bars.ts';
import { num, pct, wrap } from './svg.ts';
import { assertAccessibleSvg } from './test-helpers.ts';
import { trendLines } from './trend-lines.ts';

const evil = '<script>alert("x")</script> & <b>Tom & Jerry\'s</b>';

describe('every chart kind', () => {
  const charts: Record<string, string> = {
    shareBars: shareBars({ id: 'k1', title: evil, note: evil, bars: [{ label: evil, share: 0.5, low: 0.4, high: 0.6 }] }),
    scaleBars: scaleBars({
      id: 'k2',
      title: evil,
      note: evil,
      scale: [evil, '2'],
      extras: [evil],
      rows: [{ label: evil, shares: [0.5, 0.3, 0.2], note: evil }],
    }),
    groupedBars: groupedBars({ id: 'k3', title: evil, categories: [evil], series: [{ label: evil, values: [0.5] }] }),
    trendLines: trendLines({
      id: 'k4',
      title: evil,
      note: evil,
      years: [2018, 2019],
      series: [{ label: evil, values: [0.2, 0.3], low: [0.1, 0.2], high: [0.3, 0.4] }],
    }),
    choropleth: choropleth({
      id: 'k5',
      title: evil,
      legendTitle: evil,
      credit: evil,
      values: { a: 1 },
      features: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'a', name: evil },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [10, 60],
                  [11, 60],
                  [11, 61],
                  [10, 60],
                ],
              ],
            },
          },
        ],
      },
    }),
    stackedBars: stackedBars({
      id: 'k6',
      title: evil,
      description: evil,
      categories: [evil],
      series: [{ label: evil, color: '#000' }],
      values: [[1]],
    }),
  };

  for (const [kind, svg] of Object.entries(charts)) {
    it(`${kind} escapes labels with <script> and &`, () => {
      assert.ok(!svg.includes('<script') && !svg.includes('<b>'), 'no markup from labels');
      assert.ok(svg.includes('&lt;script&gt;') && svg.includes('Tom &amp; Jerry&#39;s'));
      assertAccessibleSvg(svg, `k${Object.keys(charts).indexOf(kind) + 1}`);
    });
  }

  it('makes caller ids safe for attributes and aria-labelledby', () => {
    const svg = shareBars({ id: 'fig 1"x', title: 'T', bars: [] });
    assertAccessibleSvg(svg, 'fig-1-x');
  });
});

describe('chart colours', () => {
  it('keeps every categorical colour at 3:1 or more against white', () => {
    for (const c of categorical) assert.ok(contrast(c, '#ffffff') >= 3, c);
  });

  it('orders scale and map ramps from light to dark, so they read in grey print', () => {
    for (const ramp of [scaleColors(5), scaleColors(4), scaleColors(7), scaleColors(9), classColors(4), classColors(5), classColors(6)]) {
      const l = ramp.map(luminance);
      for (let i = 1; i < l.length; i++) assert.ok((l[i] as number) < (l[i - 1] as number), ramp.join(' '));
    }
    assert.equal(scaleColors(9).length, 9);
  });

  it('draws "Vet ikke" and "Ikke relevant" in neutral greys', () => {
    for (const g of neutral) assert.match(g, /^#([0-9a-f]{2})\1\1$/);
  });
});

describe('number formats and labels', () => {
  it('writes shares as "62 %" with a decimal comma', () => {
    assert.equal(pct(0.62), '62 %');
    assert.equal(pct(0.625, 1), '62,5 %');
    assert.equal(pct(1), '100 %');
    assert.equal(num(3.4), '3,4');
    assert.equal(num(3), '3,0');
  });

  it('wraps long labels between words and cuts words longer than a line', () => {
    assert.deepEqual(wrap('Tilrettelagt undervisning for kvinner i barselpermisjon', 120), [
      'Tilrettelagt',
      'undervisning for',
      'kvinner i',
      'barselpermisjon',
    ]);
    assert.deepEqual(wrap('Ja', 120), ['Ja']);
    assert.ok(wrap('Kvalifiseringsprogramdeltakeroppfølgingsrutiner', 66).every((l) => l.length <= 10));
  });
});
