import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categorical } from './colors.ts';
import { assertAccessibleSvg, texts } from './test-helpers.ts';
import { trendLines } from './trend-lines.ts';

describe('trend lines', () => {
  const svg = trendLines({
    id: 'fig5',
    title: 'Retningslinjer for bruk av tolk',
    years: [2015, 2016, 2017, 2018, 2019],
    valueLabels: true,
    series: [
      { label: 'Ja', values: [0.4, 0.45, null, 0.5, 0.55], low: [0.34, 0.39, null, 0.44, 0.49], high: [0.46, 0.51, null, 0.56, 0.61] },
      { label: 'Nei', values: [0.3, 0.28, 0.27, 0.25, 0.2] },
    ],
  });

  it('draws the 95 % interval as two dashed lines in the colour of the series', () => {
    const dashed = [...svg.matchAll(/<path d="[^"]+" fill="none" stroke="([^"]+)" stroke-width="[\d.]+" stroke-dasharray="4 3"\/>/g)];
    assert.deepEqual(
      dashed.map((m) => m[1]),
      [categorical[0], categorical[0]],
    );
    assert.ok(texts(svg).includes('95 % konfidensintervall'), 'legend entry for the dashed lines');
  });

  it('draws each series as a solid line with points, broken where a year has no value', () => {
    const solid = [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="([^"]+)" stroke-width="2.5"/g)];
    assert.equal(solid.length, 2);
    assert.equal(solid[0]?.[1]?.match(/M/g)?.length, 2, 'a gap in 2017 starts a new line');
    assert.equal(solid[1]?.[1]?.match(/M/g)?.length, 1);
    assert.doesNotMatch(solid[0]?.[1] ?? '', /dasharray/);
    assert.equal((svg.match(/<circle /g) ?? []).length, 4 + 1, 'four points of the first series and its legend marker');
  });

  it('shows years, per cent ticks, legend and the values at the points', () => {
    const t = texts(svg);
    for (const s of ['2015', '2019', '0 %', '100 %', 'Ja', 'Nei', '40 %', '55 %', '20 %']) assert.ok(t.includes(s), s);
    assertAccessibleSvg(svg, 'fig5');
    assert.ok(svg.includes('2017 ikke spurt'), 'the description says the year is missing');
  });
});
