import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categorical, neutralBar } from './colors.ts';
import { shareBars } from './share-bars.ts';
import { assertAccessibleSvg, texts } from './test-helpers.ts';

const rects = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)">/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
    fill: m[5],
  }));

describe('share bars', () => {
  const svg = shareBars({
    id: 'fig1',
    title: 'Samarbeid med frivillige',
    width: 600,
    labelWidth: 192,
    note: 'N=162',
    bars: [
      { label: 'Ja', share: 0.25 },
      { label: 'Nei', share: 0.75 },
    ],
  });

  it('draws bars whose widths are the shares of the 0–100 % axis', () => {
    // Plot from x = 192 + 8 to 600 − 40 (room for "100 %"): 360 px for 100 %.
    assert.deepEqual(rects(svg), [
      { x: 200, y: 11, width: 90, height: 20, fill: categorical[0] },
      { x: 200, y: 41, width: 270, height: 20, fill: categorical[0] },
    ]);
  });

  it('writes the value at the end of each bar, the axis in per cent and the note', () => {
    const t = texts(svg);
    assert.ok(svg.includes('<text x="294" y="25.2" fill="#1a1a1a">25 %</text>'));
    assert.ok(svg.includes('<text x="474" y="55.2" fill="#1a1a1a">75 %</text>'));
    for (const s of ['Ja', 'Nei', '0 %', '20 %', '100 %', 'N=162']) assert.ok(t.includes(s), s);
    assertAccessibleSvg(svg, 'fig1');
  });

  it('draws no bar and "–" for an option without a share (nobody answered), never 0 %', () => {
    const empty = shareBars({ id: 'e', title: 'Ingen svar', bars: [{ label: 'Ja', share: null }] });
    assert.deepEqual(rects(empty), []);
    assert.ok(texts(empty).includes('–'));
    assert.ok(!texts(empty).includes('0 %') || texts(empty).filter((t) => t === '0 %').length === 1, 'only the axis says 0 %');
    assert.ok(empty.includes('<desc id="e-desc">Ja: ingen svar.</desc>'));
    assertAccessibleSvg(empty, 'e');
  });

  it('describes the numbers for screen readers when no description is given', () => {
    assert.ok(svg.includes('<desc id="fig1-desc">Ja: 25 %; Nei: 75 %. N=162</desc>'));
  });

  it('draws the 95 % interval as a whisker and puts the value past it', () => {
    const w = shareBars({
      id: 'w',
      title: 'T',
      width: 600,
      labelWidth: 192,
      bars: [{ label: 'Ja', share: 0.5, low: 0.4, high: 0.6 }],
    });
    assert.ok(w.includes('<line x1="344" x2="416" y1="21" y2="21"'));
    assert.ok(w.includes('<text x="420" y="25.2" fill="#1a1a1a">50 %</text>'));
    assert.ok(w.includes('<title>Ja: 50 % (95 % KI 40–60 %)</title>'));
  });

  it('greys "Vet ikke" and allows more than 100 % in total for multiple choice', () => {
    const m = shareBars({
      id: 'm',
      title: 'Flere svar mulig',
      bars: [
        { label: 'Politi', share: 0.9 },
        { label: 'RVTS', share: 0.6 },
        { label: 'Vet ikke', share: 0.05 },
      ],
    });
    assert.deepEqual(
      rects(m).map((r) => r.fill),
      [categorical[0], categorical[0], neutralBar],
    );
    assert.ok(texts(m).includes('90 %') && texts(m).includes('60 %'));
  });

  it('wraps long labels onto several lines', () => {
    const l = shareBars({
      id: 'l',
      title: 'T',
      bars: [{ label: 'Tilrettelagt undervisning for kvinner i barselpermisjon', share: 0.3 }],
      labelWidth: 150,
    });
    const spans = [...l.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? '');
    assert.ok(spans.length >= 2, 'several lines');
    assert.equal(spans.join(' '), 'Tilrettelagt undervisning for kvinner i barselpermisjon');
    for (const s of spans) assert.ok(s.length * 0.55 * 12 <= 150, s);
  });
});
