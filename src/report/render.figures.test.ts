import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { msg, say } from '../shared/i18n/message.ts';
import type { ReportBlock } from './build.ts';
import type { FigureData } from './figures.ts';
import { renderFigure } from './render.figures.ts';

type FigureBlock = Extract<ReportBlock, { kind: 'figure' }>;
const block = (data: FigureData): FigureBlock => ({ kind: 'figure', id: 'f', number: 7, caption: 'Figur 7: X', title: 'X', data });

describe('a rendered figure', () => {
  it('words p-values as "p < 0,001" below 0.001, with three decimals otherwise', () => {
    // chi-square 120 on 2 df: p = 8.76e-27, printed as "p = 0,000" before.
    assert.equal(say(msg('stats.p_value', { p: 8.75651076269652e-27 }), 'nb'), 'p < 0,001');
    assert.equal(say(msg('stats.p_value', { p: 0.0123 }), 'nb'), 'p = 0,012');
    assert.equal(say(msg('stats.p_value', { p: 0.0004 }), 'en'), 'p < 0.001');
  });

  it('gives a breakdown its tests per grouping with the Holm-adjusted p, and "for få svar" for small groups', () => {
    const f = renderFigure(
      block({
        kind: 'grouped',
        categories: ['Ja', 'Nei'],
        series: [
          { label: 'Små', n: [3, 3], shares: [null, null], tooFew: true },
          { label: 'Store', n: [40, 40], shares: [0.25, 0.75] },
        ],
        minN: 5,
        tests: [
          { kind: 'test', by: 'kommunestørrelse', p: 0.02, pAdjusted: 0.04, familySize: 2, significant: true, method: 'monte-carlo' },
          { kind: 'test', by: 'sentralitetsklasse', p: 1e-20, pAdjusted: 2e-20, familySize: 2, significant: true, method: 'chi-square' },
        ],
      }),
    );
    assert.deepEqual(f.notes, [
      'Forskjellen mellom gruppene etter kommunestørrelse er statistisk signifikant (eksakt test (simulert), p = 0,020; justert for 2 tester: p = 0,040).',
      'Forskjellen mellom gruppene etter sentralitetsklasse er statistisk signifikant (kjikvadrattest, p < 0,001; justert for 2 tester: p < 0,001).',
      'Grupper med færre enn 5 svar vises som «for få svar».',
    ]);
    assert.match(f.table.value, /<th scope="row">Ja<\/th><td class="num">for få svar<\/td><td class="num">25\u00a0%<\/td>/);
    assert.ok(f.chart.value.includes('for få svar'));
  });

  it('says why a breakdown has no test, and lists the options that differ after adjustment', () => {
    const f = renderFigure(
      block({
        kind: 'grouped',
        categories: ['Ja'],
        series: [{ label: 'Alle', n: [9, 9], shares: [1] }],
        tests: [
          { kind: 'none', by: null, reason: 'all_same' },
          { kind: 'options', by: null, familySize: 4, significant: [{ label: 'Politi', p: 0.001, pAdjusted: 0.004 }] },
          { kind: 'options', by: null, familySize: 4, significant: [] },
        ],
      }),
    );
    assert.deepEqual(f.notes, [
      'Forskjellen mellom gruppene: ingen test: alle svarte det samme.',
      'Statistisk signifikante forskjeller mellom gruppene (4 tester, justert med Holms metode): Politi (p = 0,004).',
      'Ingen av forskjellene mellom gruppene er statistisk signifikante (4 tester, justert med Holms metode).',
    ]);
  });

  it('shows "–" for a share and interval nobody answered for, never 0 %', () => {
    const f = renderFigure(block({ kind: 'bars', multi: false, bars: [{ label: 'Ja', count: 0, share: null, ci95: null }] }));
    assert.match(f.table.value, /<th scope="row">Ja<\/th><td class="num">0<\/td><td class="num">–<\/td><td class="num">–<\/td>/);
    assert.doesNotMatch(f.table.value, /0\u00a0%/);
  });

  it('hatches and tables a county below the minimum N as "for få svar" and says so under the map', () => {
    const f = renderFigure(
      block({
        kind: 'map',
        geometry: null,
        credit: null,
        minN: 5,
        maps: [
          {
            label: 'Kommunedirektører',
            counties: [
              { code: '03', name: 'Sentrum', n: 4, mean: null, tooFew: true },
              { code: '04', name: 'Innlandet', n: 40, mean: 3.25, tooFew: false },
            ],
          },
        ],
      }),
    );
    assert.match(f.table.value, /Sentrum<\/th><td class="num">for få svar<\/td><td class="num">4<\/td>/);
    assert.match(f.table.value, /Innlandet<\/th><td class="num">3,3<\/td><td class="num">40<\/td>/);
    assert.ok(f.notes.includes('Fylker med færre enn 5 svar er skravert som «for få svar».'));
  });

  it('says when intervals are without the finite-population correction, and why', () => {
    const f = renderFigure(
      block({
        kind: 'bars',
        multi: false,
        bars: [{ label: 'Ja', count: 3, share: 0.6, ci95: [0.2, 0.9] }],
        remarks: [msg('stats.fpc_not_applied', { reason: 'exceeds_population', population: 4 })],
      }),
    );
    assert.deepEqual(f.notes, ['Intervallene er beregnet uten endelighetskorreksjon: flere enheter svarte enn populasjonen (4) teller.']);
  });
});
