import assert from 'node:assert/strict';
import { wilsonInterval } from '../analysis/breakdown.ts';
import { frequencies } from '../analysis/frequencies.ts';
import { Weighting } from '../analysis/weights.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { loadReportDefinition, parseReportDefinition } from './definition.ts';
import { renderReportHtml } from './render.ts';

describeStores('the demo report with weights', (test) => {
  test('rebuilt with `weighted: true` has Table 1 after weighting within 0.5 points of the registry and explains the weights', async (store) => {
    await loadDemo(store);
    const def = loadReportDefinition('kommuneundersokelse-2019');
    const r = await buildReport(store, 2019, { ...def, weighted: true });
    const blocks = r.chapters.flatMap((c) => c.blocks);
    const table1 = blocks.find((b) => b.kind === 'table');
    assert.ok(table1?.kind === 'table' && table1.table.kind === 'representativeness');
    const { data, weighted } = table1.table;
    assert.ok(weighted, 'Table 1 has the weighted columns');
    const gaps = (rows: readonly (readonly { readonly diffPp: Readonly<Record<string, number | undefined>> }[])[]) =>
      rows.flat().flatMap((c) => Object.values(c.diffPp).map((d) => Math.abs(d as number)));
    const before = gaps(data.groupings.map((g) => g.categories));
    const after = gaps(weighted.groupings.map((g) => g.categories));
    assert.equal(after.length, before.length, 'every category of every role');
    // The demo's respondents are off by up to 8 points, as in the 2019 report; weighted, within 0.5.
    assert.ok(Math.max(...before) > 5, `largest gap before weighting ${Math.max(...before)}`);
    assert.ok(Math.max(...after) <= 0.5, `largest gap after weighting ${Math.max(...after)}`);
    assert.deepEqual(Object.keys(weighted.weights).sort(), ['integreringsansvarlig', 'kommunedirektor', 'skolesjef']);
    assert.match(table1.note ?? '', /Vektet: de som svarte er vektet \(raking\).*Designeffekt: 1,\d\d for integreringsansvarlige/);

    // The figures' shares are the weighted ones; their N stays the respondents.
    const figures = blocks.filter((b) => b.kind === 'figure');
    assert.match(figures[3]?.caption ?? '', /\(Kommunedirektører, N=162\)$/);
    const weightedF = await frequencies(store, 2019, 'kommunedirektor', 'tolk_retningslinjer', wilsonInterval, {
      fpc: true,
      weighted: new Weighting(store, 2019),
    });
    const plain = await frequencies(store, 2019, 'kommunedirektor', 'tolk_retningslinjer', wilsonInterval, { fpc: true });
    const bars = figures[3]?.data.kind === 'bars' ? figures[3].data.bars : [];
    assert.deepEqual(
      bars.slice(0, 4).map((b) => b.share),
      weightedF.options.map((o) => o.share),
    );
    assert.notDeepEqual(
      bars.slice(0, 4).map((b) => b.share),
      plain.options.map((o) => o.share),
    );

    const method = blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.markdown : ''));
    const weights = method.find((m) => m.includes('### Vekting'));
    assert.ok(weights, 'the method chapter has the paragraph on the weights');
    assert.match(weights, /fordeler seg akkurat som alle kommuner etter kommunestørrelse, sentralitet,\s+innvandrerandel/);
    assert.match(weights, /endelighetskorreksjon/);
    assert.ok(!method.some((m) => m.includes('Tallene i rapporten er ikke vektet')));
    const html = renderReportHtml(r);
    assert.match(html, /Vektet diff\./);
    assert.match(html, /Designeffekt \(effektivt antall\)/);

    // Unweighted, the same chapter says so instead, and Table 1 has no weighted columns.
    const chapter = def.chapters.findIndex((c) => c.blocks.some((b) => 'table' in b && b.table.kind === 'representativeness'));
    const u = await buildReport(store, 2019, def, undefined, new Date(), { chapter });
    const uBlocks = u.chapters.flatMap((c) => c.blocks);
    assert.ok(uBlocks.some((b) => b.kind === 'text' && b.markdown.includes('Tallene i rapporten er ikke vektet')));
    assert.ok(!uBlocks.some((b) => b.kind === 'text' && b.markdown.includes('### Vekting')));
    const uTable = uBlocks.find((b) => b.kind === 'table');
    assert.ok(uTable?.kind === 'table' && uTable.table.kind === 'representativeness' && uTable.table.weighted === undefined);
  });

  test('takes the groupings and the cap from the definition, and a table may opt out', async (store) => {
    await loadDemo(store);
    const def = parseReportDefinition(
      [
        'title: Vektet',
        'weighted: { groupings: [storrelse], cap: 3 }',
        'chapters:',
        '  - title: Metode',
        '    blocks:',
        '      - table: { id: t1, kind: representativeness, title: Tabell, groupings: [storrelse, fylke] }',
        '      - table: { kind: representativeness, title: Uvektet, weighted: false }',
      ].join('\n'),
    );
    const r = await buildReport(store, 2019, def);
    const [weighted, plain] = r.chapters.flatMap((c) => c.blocks);
    assert.ok(weighted?.kind === 'table' && weighted.table.kind === 'representativeness');
    const w = weighted.table.weighted;
    assert.equal(w?.weights.kommunedirektor?.method, 'post-stratification');
    assert.equal(w?.weights.kommunedirektor?.cap, 3);
    assert.ok(Math.max(...(w?.groupings[0]?.categories.map((c) => Math.abs(c.diffPp.kommunedirektor ?? 1)) ?? [1])) < 1e-6);
    assert.match(weighted.note ?? '', /kommunestørrelse; ingen vekt er større enn 3 ganger/);
    assert.ok(plain?.kind === 'table' && plain.table.kind === 'representativeness' && plain.table.weighted === undefined);
  });
});
