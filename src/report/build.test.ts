import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wilsonInterval } from '../analysis/breakdown.ts';
import { codes, response } from '../analysis/compare.fixtures.ts';
import { frequencies } from '../analysis/frequencies.ts';
import { saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport, figureCaption, nText } from './build.ts';
import { parseReportDefinition } from './definition.ts';
import { percent } from './placeholders.ts';
import { renderReportHtml } from './render.ts';

const template = writeMiniTemplate();
const submitted = (unitNumber: string, answers: Record<string, Answer>) => response(unitNumber, answers);

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', [
    submitted('0301', {
      samarbeid: codes(1),
      samarbeid_med: codes(1, 2),
      utfordring: codes(5),
      kjennskap: { kind: 'items', items: { nettsted: 1, statistikk: 2 } },
      har_oversikt: codes(1),
      antall: { kind: 'number', value: 4 },
    }),
    submitted('0302', { samarbeid: codes(2), utfordring: codes(9), kjennskap: { kind: 'items', items: { nettsted: 2 } } }),
    submitted('0303', {
      samarbeid: codes(1),
      samarbeid_med: codes(1),
      utfordring: codes(4),
      har_oversikt: codes(1),
      antall: { kind: 'number', value: 0 },
    }),
    submitted('0401', { samarbeid: codes(9), utfordring: codes(2) }),
  ]);
  await saveResponses(store, 2019, 'skolesjef', [
    submitted('0301', { samarbeid: codes(2), kjennskap: { kind: 'items', items: { nettsted: 1, statistikk: 1 } } }),
    submitted('0402', { samarbeid: codes(1), kjennskap: { kind: 'items', items: { nettsted: 2, statistikk: 1 } } }),
  ]);
}

const definition = `
title: "Rapport {{year}}"
chapters:
  - id: innledning
    title: Innledning
    blocks:
      - text: |
          {{Responses role=kommunedirektor}} kommunedirektører svarte ({{rate role=kommunedirektor}}).
          Samarbeid: {{share role=kommunedirektor question=samarbeid codes=1}}, eller {{share role=kommunedirektor question=samarbeid codes=1 as=words}}.
          Se {{ref id=kjennskap}}. <script>alert(1)</script>
      - table: {kind: response-rates, title: Svar}
      - figure: {kind: bars, questions: [{role: kommunedirektor, question: samarbeid}]}
  - title: Mer
    blocks:
      - figure: {kind: stacked, questions: [{role: kommunedirektor, question: utfordring}]}
      - figure:
          id: kjennskap
          kind: roles
          title: Kjenner du til … Andel som svarte ja
          codes: [1]
          questions:
            - {role: kommunedirektor, question: kjennskap}
            - {role: skolesjef, question: kjennskap}
      - figure: {kind: integer, questions: [{role: kommunedirektor, question: antall}], classes: [0, 2]}
      - figure: {kind: breakdown, by: storrelse3, questions: [{role: kommunedirektor, question: samarbeid}]}
      - figure: {kind: stacked, questions: [{role: skolesjef, question: kjennskap}]}
`;

describeStores('report build', (test) => {
  test('numbers figures in order and captions them in the report form with N', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const figures = r.chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'figure');
    assert.deepEqual(
      figures.map((f) => f.caption),
      [
        'Figur 1: Samarbeider kommunen? (Kommunedirektører, N=4)',
        'Figur 2: Hvor stor er utfordringen? (Kommunedirektører, N=4)',
        'Figur 3: Kjenner du til … Andel som svarte ja (Kommunedirektører og skolesjefer, N=1–2 for kommunedirektører og 2 for skolesjefer)',
        'Figur 4: Hvor mange? (Kommunedirektører, N=2)',
        'Figur 5: Samarbeider kommunen? (Kommunedirektører, N=4)',
        'Figur 6: Kjenner du til … (Skolesjefer, N=2)',
      ],
    );
    assert.equal(r.title, 'Rapport 2019');
    assert.equal(r.figureCount, 6);
    assert.equal(r.tableCount, 1);
  });

  test('fills placeholders with the numbers of the analysis', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const text = r.chapters[0]?.blocks[0];
    assert.ok(text?.kind === 'text');
    const f = await frequencies(store, 2019, 'kommunedirektor', 'samarbeid', wilsonInterval);
    const ja = f.options.find((o) => o.code === 1);
    assert.equal(ja?.count, 2);
    assert.equal(f.n, 4);
    // 4 of the 5 municipalities taking part answered (the capital's districts are not counted).
    assert.match(text.markdown, /^4 kommunedirektører svarte \(67\u00a0%\)\./);
    assert.ok(text.markdown.includes(`Samarbeid: ${percent(2 / 4)}, eller fem av ti.`), text.markdown);
    assert.ok(text.markdown.includes('Se figur 3.'));
  });

  test('computes a matrix as the share choosing the codes per item and role', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const fig = r.chapters[1]?.blocks[1];
    assert.ok(fig?.kind === 'figure' && fig.data.kind === 'grouped');
    assert.deepEqual(fig.data.categories, ['nettstedet', 'statistikken']);
    assert.deepEqual(
      fig.data.series.map((s) => [s.label, s.shares]),
      [
        ['Kommunedirektører', [1 / 2, 0]],
        ['Skolesjefer', [1 / 2, 1]],
      ],
    );
  });

  test('stacks a matrix per item with the options of its items as the legend', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const fig = r.chapters[1]?.blocks[4];
    assert.ok(fig?.kind === 'figure' && fig.data.kind === 'stacked');
    assert.deepEqual(
      fig.data.legend.map((l) => l.label),
      ['Ja', 'Nei'],
    );
    assert.deepEqual(
      fig.data.rows.map((row) => [row.label, row.n, row.shares]),
      [
        ['nettstedet', 2, [1 / 2, 1 / 2]],
        ['statistikken', 2, [1, 0]],
      ],
    );
  });

  test('summarises a number question in classes with mean and median', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const fig = r.chapters[1]?.blocks[2];
    assert.ok(fig?.kind === 'figure' && fig.data.kind === 'integer');
    assert.deepEqual(
      fig.data.classes.map((c) => [c.label, c.count]),
      [
        ['0', 1],
        ['1–2', 0],
        ['Over 2', 1],
      ],
    );
    assert.equal(fig.data.mean, 2);
    assert.equal(fig.data.median, 2);
  });

  test('names the definition field of a placeholder that cannot be filled', async (store) => {
    await setUp(store);
    const bad = parseReportDefinition(`
title: T
chapters:
  - title: A
    blocks:
      - text: ok
      - text: "{{share role=kommunedirektor question=samarbeid codes=7}}"
`);
    await assert.rejects(buildReport(store, 2019, bad), /chapters\[0\]\.blocks\[1\]\.text: \{\{share .*\}\}: samarbeid has no option 7/);
    const unknown = parseReportDefinition('title: T\nchapters: [{title: A, blocks: [{text: "{{nope}}"}]}]');
    await assert.rejects(buildReport(store, 2019, unknown), /unknown placeholder "nope"/);
  });

  test('words a placeholder problem in Norwegian on the report page, naming its block', async (store) => {
    await setUp(store);
    const bad = parseReportDefinition(
      'title: T\nchapters: [{title: A, blocks: [{text: "{{share role=kommunedirektor question=samarbeid codes=7}}"}]}]',
    );
    const e = await buildReport(store, 2019, bad).then(
      () => assert.fail('the build should fail'),
      (err: unknown) => err,
    );
    assert.ok(e instanceof AppError);
    assert.equal(
      e.text('nb'),
      'chapters[0].blocks[0].text: {{share role=kommunedirektor question=samarbeid codes=7}}: samarbeid har ikke svaralternativ 7',
    );
    assert.ok(!e.text('nn').includes('has no option'), e.text('nn'));
  });

  test('renders the report as one page that escapes the text of the definition', async (store) => {
    await setUp(store);
    const r = await buildReport(store, 2019, parseReportDefinition(definition));
    const page = renderReportHtml(r);
    assert.ok(!page.includes('<script>'), 'raw HTML in the Markdown is shown as text');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal((page.match(/<figure /g) ?? []).length, 6);
    assert.ok(page.includes('<a href="#innledning">Innledning</a>'));
    assert.equal((page.match(/role="img"/g) ?? []).length, 6, 'one accessible chart per figure');
  });
});

describe('report captions', () => {
  it('formats N of one role, a matrix range, and two roles', () => {
    assert.equal(nText([{ role: 'skolesjef', label: 'Skolesjefer', n: [162, 162] }]), 'N=162');
    assert.equal(nText([{ role: 'kommunedirektor', label: 'Kommunedirektører', n: [160, 162] }]), 'N=160–162');
    assert.equal(
      figureCaption(26, 'Vurdering', {
        who: 'Kommunedirektører og skolesjefer',
        ns: [
          { role: 'kommunedirektor', label: 'Kommunedirektører', n: [163, 163] },
          { role: 'skolesjef', label: 'Skolesjefer', n: [160, 160] },
        ],
      }),
      'Figur 26: Vurdering (Kommunedirektører og skolesjefer, N=163 for kommunedirektører og 160 for skolesjefer)',
    );
  });
});
