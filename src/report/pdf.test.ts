import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isCi } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { buildReport } from './build.ts';
import { parseReportDefinition } from './definition.ts';
import { countPdfPages, reportPdf } from './pdf.ts';

const chromium = '/usr/bin/chromium';
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const missing = !fs.existsSync(chromium)
  ? 'Debian chromium is not installed'
  : !hasPdftotext
    ? 'pdftotext (poppler-utils) is not installed'
    : null;
if (missing && isCi()) throw new Error(`the PDF test needs ${missing}`);

const long = Array.from({ length: 40 }, (_, i) => `Avsnitt ${i + 1} med nok tekst til at kapitlet fyller mer enn én side i PDF-en.`).join(
  '\n\n',
);
const definition = parseReportDefinition(`
title: "Rapport {{year}}"
chapters:
  - id: forst
    title: Første kapittel
    blocks:
      - text: |
${long
  .split('\n')
  .map((l) => `          ${l}`)
  .join('\n')}
      - figure: {kind: bars, questions: [{role: kommunedirektor, question: samarbeid}]}
  - id: andre
    title: Andre kapittel
    blocks:
      - figure: {kind: stacked, questions: [{role: kommunedirektor, question: utfordring}]}
`);

const pdfText = (file: string, page: number) =>
  execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']).toString();

const name = 'prints A4 pages with page numbers and a table of contents that points at the right pages';
if (missing) describe('report PDF', () => it.skip(`${name}: ${missing}`));
else
  describeStores('report PDF', (test) => {
    test(name, async (store) => {
      await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
      await createRound(store, { year: 2019, template: writeMiniTemplate() });
      const report = await buildReport(store, 2019, definition);
      const pdf = await reportPdf(report, chromium);
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kp-pdf-')), 'r.pdf');
      fs.writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file]).toString();
      const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
      assert.equal(countPdfPages(pdf), pages);
      assert.match(info, /Page size:.*\(A4\)/);
      assert.ok(pages >= 4, `title, contents and two chapters, the first longer than a page (${pages})`);
      const contents = pdfText(file, 2);
      const first = Number(contents.match(/Første kapittel\s+side (\d+)/)?.[1]);
      const second = Number(contents.match(/Andre kapittel\s+side (\d+)/)?.[1]);
      assert.equal(first, 3);
      assert.ok(second > first + 1, contents);
      assert.match(pdfText(file, second), /2\. Andre kapittel/);
      assert.match(pdfText(file, second), new RegExp(`Side ${second} av ${pages}`));
    });
  });
