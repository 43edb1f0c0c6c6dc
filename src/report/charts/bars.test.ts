import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackedBars } from './bars.ts';

const chart = (values: number[][]) =>
  stackedBars({
    title: 'T <x>',
    description: 'D',
    categories: ['a', 'b'],
    series: values.map((_, i) => ({ label: `s${i}`, color: '#000' })),
    values,
  });

const ticks = (svg: string) => [...svg.matchAll(/text-anchor="end"[^>]*>([^<]+)</g)].map((m) => m[1]);

describe('stacked bar chart', () => {
  it('labels the axis with whole numbers when the data are counts', () => {
    assert.deepEqual(ticks(chart([[1, 0]])), ['0', '1', '2', '3', '4']);
    assert.deepEqual(
      ticks(
        chart([
          [30, 45],
          [20, 60],
        ]),
      ),
      ['0', '50', '100', '150', '200'],
    );
  });

  it('writes fractional ticks with a decimal comma', () => {
    assert.deepEqual(ticks(chart([[0.5, 0.2]])), ['0', '0,2', '0,4', '0,6', '0,8']);
  });

  it('escapes the title and stacks the series', () => {
    const svg = chart([
      [1, 2],
      [3, 0],
    ]);
    assert.ok(svg.includes('<title id="chart') && svg.includes('T &lt;x&gt;'));
    assert.equal((svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#000"><title>/g) ?? []).length, 3);
  });
});
