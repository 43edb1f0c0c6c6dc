/**
 * CLI: `report build` — the round's report as report.html, report.pdf and report.docx in a folder
 * (`--format` picks which; the admin web builds and keeps its own); `report definitions` lists the
 * built-in definitions.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { builtinDefinitions } from '../report/definition.ts';
import { makeReportFiles } from '../report/report.service.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { requiredInt, withStore } from './context.ts';
import { say } from './output.ts';
import { reportDefinitionCommands } from './report-definition.cmd.ts';

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

const formats = ['html', 'pdf', 'docx'] as const;
type Format = (typeof formats)[number];

/** `--format html,docx` as a set; `--no-pdf` takes the PDF out of it. */
export function reportFormats(list: string, pdf: boolean): Set<Format> {
  const out = new Set<Format>();
  for (const f of list.split(',').map((x) => x.trim().toLowerCase())) {
    if (f === '') continue;
    if (!(formats as readonly string[]).includes(f)) throw invalid(msg('docx.unknown_format', { format: f, known: formats.join(', ') }));
    out.add(f as Format);
  }
  if (!pdf) out.delete('pdf');
  if (out.size === 0) throw invalid(msg('docx.unknown_format', { format: list, known: formats.join(', ') }));
  return out;
}

export function reportCommands(program: Command): void {
  const report = program.command('report').description("the round's report: figures, tables and text from the data, as HTML and PDF");
  report
    .command('build')
    .description('build the report of a round into a folder (report.html, report.pdf, report.docx)')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--out <dir>', 'folder to write to (created if missing)')
    .option(
      '--definition <name|file>',
      `report definition instead of the round's own: built in (${builtinDefinitions().join(', ')}) or a YAML/JSON file`,
    )
    .option('--format <formats>', `what to write, comma-separated: ${formats.join(', ')}`, 'html,pdf')
    .option('--no-pdf', 'leave the PDF out (only the HTML page, unless --format says more)')
    .action(async (opts: { year: string; out: string; definition?: string; pdf: boolean; format: string }) => {
      const year = requiredInt('year', opts.year);
      const want = reportFormats(opts.format, opts.pdf);
      const files = await withStore((store, cfg) =>
        makeReportFiles(store, year, {
          ...(opts.definition ? { definition: opts.definition } : {}),
          pdf: want.has('pdf'),
          docx: want.has('docx'),
          chromium: cfg.chromium,
          progress: (done, total, what) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${Math.round((done / Math.max(1, total)) * 100)} % ${what}`.padEnd(60));
          },
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      const written: [string, string | Buffer][] = [
        ...(want.has('html') ? [['report.html', files.html] as [string, string]] : []),
        ...(files.pdf ? [['report.pdf', files.pdf] as [string, Buffer]] : []),
        ...(files.docx ? [['report.docx', files.docx] as [string, Buffer]] : []),
      ];
      try {
        fs.mkdirSync(opts.out, { recursive: true });
        for (const [name, data] of written) fs.writeFileSync(path.join(opts.out, name), data);
      } catch (e) {
        throw new AppError('invalid_input', msg('cli.cannot_write', { dir: opts.out, detail: (e as Error).message }));
      }
      const t = files.timings;
      say(
        `${files.report.figureCount} figures, ${files.report.tableCount} tables: ` +
          written.map(([name, data]) => `${path.join(opts.out, name)} (${kb(Buffer.byteLength(data))})`).join(', ') +
          ` in ${((t.computeMs + t.htmlMs + t.pdfMs + t.docxMs) / 1000).toFixed(1)} s`,
      );
      if (files.pdfError) say(`no PDF: ${files.pdfError}`);
      if (files.docxError) say(`no Word document: ${files.docxError}`);
    });
  reportDefinitionCommands(report);
  report
    .command('definitions')
    .description('list the built-in report definitions')
    .action(() => {
      for (const d of builtinDefinitions()) say(d);
    });
}
