import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { builtinDefinitions, loadReportDefinition, parseReportDefinition } from './definition.ts';

describe('report definitions', () => {
  it('reads the built-in 2019 definition with Table 1 and figures 1–39', () => {
    assert.ok(builtinDefinitions().includes('kommuneundersokelse-2019'));
    const d = loadReportDefinition('kommuneundersokelse-2019');
    const blocks = d.chapters.flatMap((c) => c.blocks);
    assert.equal(blocks.filter((b) => 'figure' in b).length, 39);
    const first = blocks.find((b) => 'table' in b);
    assert.ok(first && 'table' in first && first.table.kind === 'representativeness');
    const kinds = blocks.flatMap((b) => ('figure' in b ? [b.figure.kind] : []));
    assert.equal(kinds[4], 'trend', 'figure 5 is the trend of interpreter guidelines');
    assert.equal(kinds[24], 'map', 'figure 25 is the county map');
  });

  it('names the path of a bad field', () => {
    assert.throws(
      () => parseReportDefinition('title: T\nchapters:\n  - title: A\n    blocks:\n      - figure: {kind: pie, questions: []}\n', 'r.yaml'),
      /r\.yaml: chapters\[0\]\.blocks\[0\]/,
    );
    assert.throws(
      () =>
        parseReportDefinition(
          'title: T\nchapters:\n  - title: A\n    blocks:\n      - figure: {kind: trend, questions: [{role: skolesjef, question: q}], codes: [1]}\n',
        ),
      /chapters\[0\]\.blocks\[0\]\.figure\.years: a trend needs its years/,
    );
  });

  it('refuses an id used twice', () => {
    const two = '{kind: bars, id: x, questions: [{role: skolesjef, question: q}]}';
    assert.throws(
      () => parseReportDefinition(`title: T\nchapters:\n  - title: A\n    blocks:\n      - figure: ${two}\n      - figure: ${two}\n`),
      /chapters\[0\]\.blocks\[1\]\.figure\.id: id "x" is used already at chapters\[0\]\.blocks\[0\]/,
    );
  });

  it('says which definitions exist when one is missing', () => {
    assert.throws(() => loadReportDefinition('nope-2030'), /no report definition "nope-2030" \(built in: kommuneundersokelse-2019/);
  });

  it('words definition problems in Norwegian, with the line and column of a YAML error', () => {
    const problem = (text: string) => {
      try {
        parseReportDefinition(text, 'r.yaml');
      } catch (e) {
        if (e instanceof AppError) return e;
        throw e;
      }
      assert.fail('the definition should be refused');
    };
    const trend = problem(
      'title: T\nchapters:\n  - title: A\n    blocks:\n      - figure: {kind: trend, id: Tolk, questions: [{role: skolesjef, question: q}]}\n',
    );
    assert.deepEqual(trend.texts('nb'), [
      'r.yaml: chapters[0].blocks[0].figure.id: bruk små bokstaver, sifre, - og _',
      'chapters[0].blocks[0].figure.codes: en trend trenger svaralternativene den følger (codes)',
      'chapters[0].blocks[0].figure.years: en trend trenger årene sine ([fra, til])',
    ]);
    const yaml = problem('title: T\nchapters: [a: b: c]\n');
    assert.match(yaml.text('nb'), /^r\.yaml: ikke gyldig YAML eller JSON \(linje 2, kolonne \d+\)$/);
    assert.match(yaml.text('en'), /^r\.yaml: not valid YAML\/JSON: \S/);
  });
});
