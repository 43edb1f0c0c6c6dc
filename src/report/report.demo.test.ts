import assert from 'node:assert/strict';
import { loadDemo } from '../demo/demo.service.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { loadReportDefinition } from './definition.ts';

describeStores('the 2019 report on the demo', (test) => {
  test('has Table 1 and figures 1–39 captioned as in the seed report, with its numbers in the text and county maps', async (store) => {
    await loadDemo(store);
    const r = await buildReport(store, 2019, loadReportDefinition('kommuneundersokelse-2019'));
    const blocks = r.chapters.flatMap((c) => c.blocks);
    const figures = blocks.filter((b) => b.kind === 'figure');
    assert.deepEqual(
      figures.map((f) => f.number),
      Array.from({ length: 39 }, (_, i) => i + 1),
    );
    // The demo's 2019 kommunedirektør answers to the interpreter question match figure 4 of the report.
    assert.equal(
      figures[3]?.caption,
      'Figur 4: Har kommunen retningslinjer for bruk og bestilling av tolk der Nasjonalt tolkeregister inngår? (Kommunedirektører, N=162)',
    );
    assert.match(figures[4]?.caption ?? '', /^Figur 5: Utvikling i svar i perioden 2015 til 2019 .* \(Kommunedirektører\)$/);
    const trend = figures[4]?.data;
    assert.ok(trend?.kind === 'trend');
    assert.deepEqual(
      trend.series[0]?.points.map((p) => p.year),
      [2015, 2016, 2017, 2018, 2019],
    );
    const tables = blocks.filter((b) => b.kind === 'table');
    assert.match(tables[0]?.caption ?? '', /^Tabell 1: Sammenlikning over alle kommuner/);
    const method = blocks.find((b) => b.kind === 'text' && b.markdown.includes('Datagrunnlag og metode'));
    assert.ok(method?.kind === 'text');
    // 230, 171 and 166 of 422 as in the report; 289 answered at least one (the report: 293, "about seven in ten").
    assert.match(method.markdown, /230 kommuner besvarte delundersøkelsen rettet mot\s+integreringsansvarlig, 171 svarte/);
    assert.match(method.markdown, /Svarprosentene er dermed 55\u00a0% for integreringsansvarlige/);
    assert.match(method.markdown, /Det utgjør omtrent syv av ti kommuner\./);
    const map = figures[24]?.data;
    assert.ok(map?.kind === 'map');
    assert.equal(map.geometry?.features.length, 18, "the demo's generated county shapes");
    assert.equal(map.credit, 'Kart: generert for det fiktive demolandet');
    assert.equal(map.maps.length, 2);
    // A county with fewer than 5 answers is hatched "for få svar", with no mean to colour it by.
    const few = map.maps.flatMap((m) => m.counties.filter((c) => c.n < 5));
    assert.ok(few.length > 0, 'the demo has counties with fewer than 5 answers');
    assert.ok(few.every((c) => c.tooFew && c.mean === null));
    assert.ok(map.maps.flatMap((m) => m.counties.filter((c) => c.n >= 5)).every((c) => !c.tooFew && c.mean !== null));
    assert.match(method.markdown, /justert innenfor hver familie av tester[\s\S]*Holms metode/);
  });
});
