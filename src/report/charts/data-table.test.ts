import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataTable } from './data-table.ts';
import { assertBalanced } from './test-helpers.ts';

describe('data table', () => {
  const table = dataTable({
    caption: 'Figur 22: Tilbud <i> & mer',
    columns: ['Tilbud', { label: 'Andel', format: (v) => `${Math.round(v * 100)} %` }, 'Antall'],
    rows: [
      ['Barnepass', 0.18, 12345],
      ['Kveld & <b>helg</b>', 0.475, null],
    ],
  });

  it('has a caption, column headers and row headers with scope', () => {
    assertBalanced(table);
    assert.ok(table.startsWith('<table><caption>Figur 22: Tilbud &lt;i&gt; &amp; mer</caption>'));
    assert.ok(table.includes('<th scope="col">Tilbud</th><th scope="col" class="num">Andel</th><th scope="col" class="num">Antall</th>'));
    assert.ok(table.includes('<th scope="row">Barnepass</th>'));
    assert.ok(table.includes('<th scope="row">Kveld &amp; &lt;b&gt;helg&lt;/b&gt;</th>'));
  });

  it('right-aligns numbers through the class num and formats them the Norwegian way', () => {
    assert.ok(table.includes('<td class="num">18 %</td><td class="num">12 345</td>'));
    assert.ok(table.includes('<td class="num">48 %</td><td class="num">–</td>'));
    const plain = dataTable({ caption: 'C', columns: ['A', 'B'], rows: [['x', 5.5]] });
    assert.ok(plain.includes('<td class="num">5,5</td>'));
  });

  it('keeps text columns left-aligned', () => {
    const t = dataTable({ caption: 'C', columns: ['Kommune', 'Fylke'], rows: [['Frogn', 'Akershus']] });
    assert.ok(t.includes('<td>Akershus</td>'));
  });
});
