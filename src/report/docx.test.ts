import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codes, response } from '../analysis/compare.fixtures.ts';
import { saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { parseReportDefinition } from './definition.ts';
import { chartParts, parseHtmlTable } from './docx.html.ts';
import { openDocx } from './docx.testing.ts';
import { reportDocx } from './docx.ts';

const submitted = (unitNumber: string, answers: Record<string, Answer>) => response(unitNumber, answers);

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template: writeMiniTemplate() });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', { samarbeid: codes(1), utfordring: codes(5), har_oversikt: codes(1), antall: { kind: 'number', value: 4 } }),
    submitted('0302', { samarbeid: codes(2), utfordring: codes(9) }),
    submitted('0303', { samarbeid: codes(1), utfordring: codes(4), har_oversikt: codes(1), antall: { kind: 'number', value: 0 } }),
  ]);
}

const definition = parseReportDefinition(`
title: "Rapport {{year}}"
subtitle: Om samarbeid
appendix: questionnaires
chapters:
  - id: innledning
    title: Innledning
    blocks:
      - text: |
          ## Om undersøkelsen
          {{Responses role=kommunedirektor}} kommunedirektører svarte, **mest** i
          *januar*.[^kilde] Se {{ref id=samarbeid}}.

          - første punkt
          - andre punkt

          1. ett
          2. to

          [^kilde]: Svarene er hentet fra skjemaet til kommunedirektøren.
      - table: {id: svar, kind: response-rates, title: Svar per delundersøkelse}
      - figure: {id: samarbeid, kind: bars, questions: [{role: kommunedirektor, question: samarbeid}]}
  - id: mer
    title: Mer
    blocks:
      - figure: {kind: stacked, questions: [{role: kommunedirektor, question: utfordring}]}
      - figure: {kind: integer, questions: [{role: kommunedirektor, question: antall}], classes: [0, 2]}
`);

describeStores('the report as a Word document', (test) => {
  test('has Word headings, a table of contents, numbered captions, Word tables, chart images and footnotes', async (store) => {
    await setUp(store);
    const report = await buildReport(store, 2019, definition);
    const docx = openDocx(await reportDocx(report));
    const styled = (style: string) => docx.paragraphs.filter((p) => p.style === style).map((p) => p.text);

    assert.deepEqual(styled('Title'), ['Rapport 2019']);
    assert.deepEqual(styled('Heading1'), ['1. Innledning', '2. Mer', 'Vedlegg: Spørreskjemaene']);
    assert.deepEqual(styled('Heading2').slice(0, 1), ['Om undersøkelsen']);
    assert.deepEqual(styled('Heading2').slice(1), [
      'Skjema for integreringsansvarlig',
      'Skjema for kommunedirektor',
      'Skjema for skolesjef',
    ]);
    // Word's heading styles carry their outline level, so the navigation pane and the TOC field find them.
    const styles = (docx.files.get('word/styles.xml') as Buffer).toString('utf8');
    assert.match(styles, /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<w:outlineLvl w:val="0"\/>[\s\S]*?<\/w:style>/);
    assert.match(styles, /w:styleId="Caption"><w:name w:val="caption"\/>/);
    assert.match(docx.xml, /<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    assert.match((docx.files.get('word/settings.xml') as Buffer).toString('utf8'), /<w:updateFields(?: w:val="true")?\/>/);

    const figures = report.chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'figure');
    assert.deepEqual(
      styled('Caption'),
      ['Tabell 1: Svar per delundersøkelse', ...figures.map((f) => f.caption)],
      'every caption as on the page',
    );
    assert.equal((docx.xml.match(/w:instr="SEQ Figur \\\* ARABIC"/g) ?? []).length, 3);
    assert.equal((docx.xml.match(/w:instr="SEQ Tabell \\\* ARABIC"/g) ?? []).length, 1);
    assert.match(
      docx.paragraphs.find((p) => p.text.includes('kommunedirektører svarte'))?.text ?? '',
      /^3 kommunedirektører svarte, mest i januar\. Se figur 1\.$/,
      'a line break inside a paragraph is a space',
    );

    // The response-rate table and each figure's numbers are Word tables with the page's cells.
    const rates = docx.tables.find((t) => t[0]?.[0] === 'Delundersøkelse');
    const director = rates?.find((r) => r[0] === 'Kommunedirektører') ?? [];
    assert.deepEqual([...director.slice(0, 4), director.at(-1)], ['Kommunedirektører', '6', '3', '50\u00a0%', '0 av 2']);
    const bars = docx.tables.find((t) => t[0]?.join('|') === 'Svar|Antall|Andel|95 % intervall');
    assert.deepEqual(
      bars?.slice(1, 3).map((r) => r.slice(0, 3)),
      [
        ['Ja', '2', '67\u00a0%'],
        ['Nei', '1', '33\u00a0%'],
      ],
    );
    assert.equal(docx.images, 3, 'one PNG per chart');
    assert.equal([...docx.files.keys()].filter((f) => f.startsWith('word/media/') && f.endsWith('.png')).length, 3);

    // The footnote is a Word footnote with its text, referenced from the paragraph.
    assert.match(docx.xml, /<w:footnoteReference w:id="1"\/>/);
    assert.match(
      (docx.files.get('word/footnotes.xml') as Buffer).toString('utf8'),
      /Svarene er hentet fra skjemaet til kommunedirektøren\./,
    );
    assert.doesNotMatch(docx.xml, /\[\^kilde\]/);
    // Both lists: bullets and a numbered list.
    assert.match(docx.xml, /<w:t xml:space="preserve">første punkt<\/w:t>/);
    assert.match(docx.xml, /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>[\s\S]*?ett/);

    // The appendix: a follow-up in words.
    assert.ok(
      docx.paragraphs.some((p) => p.text === 'Spørsmålet stilles bare hvis svaret på spørsmål 2 («Samarbeider kommunen?») er «Ja».'),
    );
  });
});

describe('reading the report’s own HTML for Word', () => {
  it('reads a table with spans, group rows and entities as cells', () => {
    const t = parseHtmlTable(
      '<table><caption>Tabell &amp; tall</caption><thead><tr><th scope="col" rowspan="2">A</th><th colspan="2" class="num">B</th></tr></thead>' +
        '<tbody><tr class="group"><th scope="row">Sum</th><td class="num">1&nbsp;%</td><td class="num neg">-2</td></tr></tbody></table>',
    );
    assert.equal(t.caption, 'Tabell & tall');
    assert.deepEqual(
      t.rows.map((r) => [
        r.head,
        r.group,
        r.cells.map((c) => `${c.text}:${c.colspan}x${c.rowspan}${c.numeric ? 'n' : ''}${c.negative ? '-' : ''}`),
      ]),
      [
        [true, false, ['A:1x2', 'B:2x1n']],
        [false, true, ['Sum:1x1', '1\u00a0%:1x1n', '-2:1x1n-']],
      ],
    );
  });

  it('splits a figure of maps into labels and drawings in order', () => {
    const parts = chartParts(
      '<div class="maps"><div><p class="note">Kommunedirektører</p><svg viewBox="0 0 10 20"></svg></div><div><p class="note">Skolesjefer</p><svg></svg></div></div>',
    );
    assert.deepEqual(
      parts.map((p) => (p.kind === 'label' ? p.text : 'svg')),
      ['Kommunedirektører', 'svg', 'Skolesjefer', 'svg'],
    );
  });
});
