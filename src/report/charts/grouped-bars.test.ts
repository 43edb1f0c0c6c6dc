import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categorical } from './colors.ts';
import { groupedBars } from './grouped-bars.ts';
import { assertAccessibleSvg, texts } from './test-helpers.ts';

describe('grouped bars', () => {
  const svg = groupedBars({
    id: 'fig33',
    title: 'Kjenner til minoritetsrådgiverne',
    width: 600,
    labelWidth: 192,
    categories: ['Ja', 'Nei'],
    series: [
      { label: 'Kommunedirektør', values: [0.4, 0.6] },
      { label: 'Skolesjef', values: [0.8, null] },
    ],
  });

  it('draws one bar per series side by side in the series colours, with values', () => {
    const bars = [...svg.matchAll(/<rect x="200" y="([\d.]+)" width="([\d.]+)" height="18" fill="([^"]+)">/g)];
    assert.deepEqual(
      bars.map((m) => [Number(m[2]), m[3]]),
      [
        [0.4 * 361, categorical[0]],
        [0.8 * 361, categorical[1]],
        [0.6 * 361, categorical[0]],
      ].map(([w, c]) => [Math.round((w as number) * 10) / 10, c]),
    );
    // Side by side: the second bar of a category sits right under the first.
    assert.equal(Number(bars[1]?.[1]) - Number(bars[0]?.[1]), 20);
    const t = texts(svg);
    for (const s of ['Kommunedirektør', 'Skolesjef', '40 %', '80 %', '60 %', '–']) assert.ok(t.includes(s), s);
    assertAccessibleSvg(svg, 'fig33');
  });

  it('says which value is missing in the description', () => {
    assert.ok(svg.includes('Nei: Kommunedirektør 60 %, Skolesjef ingen data'));
  });

  it('writes "for få svar" instead of a bar for a series with too few answers', () => {
    const few = groupedBars({
      id: 'few',
      title: 'Etter størrelse',
      categories: ['Ja', 'Nei'],
      series: [
        { label: 'Små (N=2)', values: [null, null], missingLabel: 'for få svar' },
        { label: 'Store (N=40)', values: [0.5, 0.5] },
      ],
    });
    assert.equal(texts(few).filter((t) => t === 'for få svar').length, 2);
    assert.ok(few.includes('Ja: Små (N=2) for få svar, Store (N=40) 50 %'));
    assertAccessibleSvg(few, 'few');
  });
});
