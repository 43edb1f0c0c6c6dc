import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { importRegistry } from '../registry/registry.service.ts';
import { openDocx } from '../report/docx.testing.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { reportFormats } from './report.cmd.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const { KOMMUNEPULS_LANG: _, ...baseEnv } = process.env;
const run = (db: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...baseEnv, KOMMUNEPULS_DB: db } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const definition = `
title: "Rapport {{year}}"
appendix: questionnaires
chapters:
  - id: innledning
    title: Innledning
    blocks:
      - text: "{{Responses role=kommunedirektor}} kommunedirektører svarte."
      - figure: {kind: bars, questions: [{role: kommunedirektor, question: samarbeid}]}
`;

describe('report build --format', () => {
  it('reads a comma-separated list of formats, and --no-pdf takes the PDF out', () => {
    assert.deepEqual([...reportFormats('html,pdf', true)], ['html', 'pdf']);
    assert.deepEqual([...reportFormats(' DOCX ', true)], ['docx']);
    assert.deepEqual([...reportFormats('html,pdf,docx', false)], ['html', 'docx']);
    assert.throws(
      () => reportFormats('html,odt', true),
      (e: unknown) => e instanceof AppError && e.message === 'unknown format "odt" (use html, pdf, docx)',
    );
    assert.throws(() => reportFormats('pdf', false), AppError);
  });
});

describeStores(
  'report build --format on a store',
  (test) => {
    test('writes only the Word document with --format docx, and the page beside it with html,docx', async (store, { url }) => {
      await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
      await createRound(store, { year: 2019, template: writeMiniTemplate() });
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-report-cli-'));
      const def = path.join(work, 'rapport.yaml');
      fs.writeFileSync(def, definition);

      const only = path.join(work, 'word');
      const r = run(url, 'report', 'build', '--year', '2019', '--out', only, '--definition', def, '--format', 'docx');
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(fs.readdirSync(only), ['report.docx']);
      assert.match(r.out, /^1 figures, 0 tables: \S+report\.docx \(\d+ KB\) in \d+\.\d s\n$/);
      const docx = openDocx(fs.readFileSync(path.join(only, 'report.docx')));
      assert.deepEqual(
        docx.paragraphs.filter((p) => p.style === 'Caption').map((p) => p.text),
        ['Figur 1: Samarbeider kommunen? (Kommunedirektører, N=0)'],
      );
      assert.ok(docx.paragraphs.some((p) => p.text.startsWith('Spørsmålet stilles bare hvis svaret på spørsmål 2')));

      const both = path.join(work, 'begge');
      const r2 = run(url, 'report', 'build', '--year', '2019', '--out', both, '--definition', def, '--format', 'html,pdf,docx', '--no-pdf');
      assert.equal(r2.code, 0, r2.err);
      assert.deepEqual(fs.readdirSync(both).sort(), ['report.docx', 'report.html']);

      const bad = run(url, 'report', 'build', '--year', '2019', '--out', path.join(work, 'x'), '--definition', def, '--format', 'odt');
      assert.equal(bad.code, 1);
      assert.equal(bad.err, 'error: unknown format "odt" (use html, pdf, docx)\n');
      assert.equal(fs.existsSync(path.join(work, 'x')), false);
    });
  },
  { file: true },
);
