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

describe('stacked bar chart ids', () => {
  it('builds the title and description ids from a given id', () => {
    const svg = stackedBars({
      id: 'svar-per-dag',
      title: 'T',
      description: 'D',
      categories: ['a'],
      series: [{ label: 's', color: '#000' }],
      values: [[1]],
    });
    assert.ok(svg.includes('aria-labelledby="svar-per-dag-title svar-per-dag-desc"'));
    assert.ok(svg.includes('<title id="svar-per-dag-title">T</title><desc id="svar-per-dag-desc">D</desc>'));
  });
});
