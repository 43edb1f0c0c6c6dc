import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { neutral, scaleColors } from './colors.ts';
import { scaleBars } from './scale-bars.ts';
import { assertAccessibleSvg, texts } from './test-helpers.ts';

const segments = (svg: string) =>
  [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="24" fill="([^"]+)" stroke="#ffffff"/g)].map((m) => ({
    x: Number(m[1]),
    width: Number(m[2]),
    fill: m[3],
  }));

describe('scale bars', () => {
  const scale = ['1 – I liten grad', '2', '3', '4', '5 – I stor grad'];
  const svg = scaleBars({
    id: 'fig14',
    title: 'Kartlegging',
    width: 600,
    labelWidth: 192,
    scale,
    extras: ['Vet ikke'],
    rows: [
      { label: 'Flyktningens kompetanse', shares: [0.1, 0.2, 0.3, 0.2, 0.1, 0.1], note: 'N=160' },
      { label: 'Familie og nettverk', shares: [0, 0, 0.5, 0.5, 0, 0] },
    ],
  });

  it('draws a row without answers as "–" with no segments', () => {
    const empty = scaleBars({
      id: 'e',
      title: 'Tom',
      scale,
      rows: [{ label: 'Ingen', shares: [null, null, null, null, null], note: 'N=0' }],
    });
    assert.deepEqual(segments(empty), []);
    assert.ok(texts(empty).includes('–'));
    assert.ok(empty.includes('Ingen: ingen svar'));
    assertAccessibleSvg(empty, 'e');
  });

  it('fills each row to 100 % with one segment per scale point and the extra answer last in grey', () => {
    const segs = segments(svg);
    const first = segs.slice(0, 6);
    assert.deepEqual(
      first.map((s) => s.fill),
      [...scaleColors(5), neutral[0]],
    );
    const total = first.reduce((sum, s) => sum + s.width, 0);
    const start = first[0]?.x ?? 0;
    assert.ok(Math.abs(start + total - (first.at(-1)?.x ?? 0) - (first.at(-1)?.width ?? 0)) < 0.3);
    // Empty answers draw no segment: the second row has two halves.
    assert.equal(segs.length, 8);
    assert.equal(segs[6]?.width, segs[7]?.width);
  });

  it('labels the segments that are wide enough, shows the legend and the row note', () => {
    const t = texts(svg);
    for (const s of [...scale, 'Vet ikke', '30 %', '50 %', 'N=160']) assert.ok(t.includes(s), s);
    assertAccessibleSvg(svg, 'fig14');
  });

  it('leaves out labels of segments too narrow to hold them', () => {
    const narrow = scaleBars({ id: 'n', title: 'T', scale, rows: [{ label: 'A', shares: [0.01, 0.01, 0.01, 0.01, 0.96] }] });
    const labels = [...narrow.matchAll(/text-anchor="middle" font-size="11" fill="#(?:1a1a1a|ffffff)">([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(labels, ['96 %']);
  });
});
