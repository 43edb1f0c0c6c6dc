import assert from 'node:assert/strict';
import { loadDemo } from '../demo/demo.service.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { loadReportDefinition } from './definition.ts';
import { openDocx } from './docx.testing.ts';
import { reportDocx } from './docx.ts';
import { renderReportHtml } from './render.ts';

describeStores('the 2019 demo report as a Word document', (test) => {
  test('opens, and holds every caption, Table 1 as a Word table, a picture per chart and the appendix', async (store) => {
    await loadDemo(store);
    const report = await buildReport(store, 2019, loadReportDefinition('kommuneundersokelse-2019'));
    const docx = openDocx(await reportDocx(report));
    const blocks = report.chapters.flatMap((c) => c.blocks);
    const captioned = blocks.flatMap((b) => (b.kind === 'figure' || b.kind === 'table' ? [b.caption] : []));
    assert.equal(captioned.filter((c) => c.startsWith('Figur ')).length, 39);
    assert.deepEqual(
      docx.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text),
      captioned,
    );
    assert.deepEqual(
      docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text),
      [...report.chapters.map((c) => `${c.number}. ${c.title}`), 'Vedlegg: Spørreskjemaene'],
    );

    const table1 = docx.tables.find((t) => t[0]?.[0] === 'Egenskap');
    assert.ok(table1, 'Table 1 is a Word table');
    assert.deepEqual(table1.find((r) => r[0] === 'Antall kommuner')?.slice(0, 3), ['Antall kommuner', '422', '100\u00a0%']);
    assert.ok(table1.some((r) => r[0] === 'Under 2\u00a0000'));

    // One picture per chart drawing on the page (the county maps are two per figure).
    const drawings = (renderReportHtml(report).match(/<svg\b/g) ?? []).length;
    assert.ok(drawings >= 39);
    assert.equal(docx.images, drawings);
    // Each figure's numbers are a Word table too.
    assert.equal(docx.paragraphs.filter((p) => p.style === 'TableLabel').length, 39);
    assert.equal(
      docx.paragraphs.filter((p) => p.style === 'Heading2' && p.text.startsWith('Spørreskjema til')).length,
      3,
      'the three questionnaires in the appendix',
    );
  });
});
