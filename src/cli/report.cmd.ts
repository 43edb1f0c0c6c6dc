/**
 * CLI: `report build` — the round's report as report.html and report.pdf in a folder (the admin
 * web builds and keeps its own); `report definitions` lists the built-in definitions.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { builtinDefinitions } from '../report/definition.ts';
import { makeReportFiles } from '../report/report.service.ts';
import { AppError } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { requiredInt, withStore } from './context.ts';
import { say } from './output.ts';

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

export function reportCommands(program: Command): void {
  const report = program.command('report').description("the round's report: figures, tables and text from the data, as HTML and PDF");
  report
    .command('build')
    .description('build the report of a round into a folder (report.html, report.pdf)')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--out <dir>', 'folder to write to (created if missing)')
    .option('--definition <name|file>', `report definition: built in (${builtinDefinitions().join(', ')}) or a YAML/JSON file`)
    .option('--no-pdf', 'only the HTML page')
    .action(async (opts: { year: string; out: string; definition?: string; pdf: boolean }) => {
      const year = requiredInt('year', opts.year);
      const files = await withStore((store, cfg) =>
        makeReportFiles(store, year, {
          ...(opts.definition ? { definition: opts.definition } : {}),
          pdf: opts.pdf,
          chromium: cfg.chromium,
          progress: (done, total, what) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${Math.round((done / Math.max(1, total)) * 100)} % ${what}`.padEnd(60));
          },
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      try {
        fs.mkdirSync(opts.out, { recursive: true });
        fs.writeFileSync(path.join(opts.out, 'report.html'), files.html);
        if (files.pdf) fs.writeFileSync(path.join(opts.out, 'report.pdf'), files.pdf);
      } catch (e) {
        throw new AppError('invalid_input', msg('cli.cannot_write', { dir: opts.out, detail: (e as Error).message }));
      }
      const t = files.timings;
      say(
        `${files.report.figureCount} figures, ${files.report.tableCount} tables: ${path.join(opts.out, 'report.html')} (${kb(Buffer.byteLength(files.html))})` +
          (files.pdf ? `, ${path.join(opts.out, 'report.pdf')} (${kb(files.pdf.length)})` : '') +
          ` in ${((t.computeMs + t.htmlMs + t.pdfMs) / 1000).toFixed(1)} s`,
      );
      if (files.pdfError) say(`no PDF: ${files.pdfError}`);
    });
  report
    .command('definitions')
    .description('list the built-in report definitions')
    .action(() => {
      for (const d of builtinDefinitions()) say(d);
    });
}
