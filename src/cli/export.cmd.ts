/**
 * CLI: `export` — a round's responses of one role for researchers, as CSV (with a codebook
 * beside it), XLSX (with a "Kodebok" sheet) or SPSS .sav (with labels and missing codes).
 */
import type { Command } from 'commander';
import { exportResponsesToFile } from '../export/export.service.ts';
import { type ExportFormat, exportFormats } from '../export/writers.ts';
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { requiredInt, withStore } from './context.ts';
import { say } from './output.ts';

function role(raw: string): Role {
  const r = roleSchema.safeParse(raw);
  if (!r.success) throw invalid(msg('cli.unknown_role', { value: shorten(raw), known: roles.join(', ') }));
  return r.data;
}

function format(raw: string): ExportFormat {
  const f = exportFormats.find((x) => x === raw);
  if (f === undefined) throw invalid(msg('cli.unknown_format', { value: shorten(raw), known: exportFormats.join(', ') }));
  return f;
}

export function exportCommands(program: Command): void {
  program
    .command('export')
    .description("a round's responses of one role for researchers: one row per unit, answers as codes, with a codebook")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--format <format>', exportFormats.join('|'))
    .requiredOption('--out <file>', 'file to write (csv also writes FILE.codebook.csv)')
    .option('--attributes <names>', 'registry attributes as extra columns, comma-separated (e.g. folketall,sentralitet)')
    .option('--districts', "the capital's districts instead of the municipalities")
    .option('--include-in-progress', 'also responses that are not submitted yet')
    .action(
      async (opts: {
        year: string;
        role: string;
        format: string;
        out: string;
        attributes?: string;
        districts?: boolean;
        includeInProgress?: boolean;
      }) => {
        const result = await withStore((store) =>
          exportResponsesToFile(store, {
            year: requiredInt('year', opts.year),
            role: role(opts.role),
            format: format(opts.format),
            out: opts.out,
            attributes: (opts.attributes ?? '')
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== ''),
            districts: opts.districts === true,
            includeInProgress: opts.includeInProgress === true,
          }),
        );
        say(`${result.rows} rows, ${result.variables} variables: ${result.files.join(', ')}`);
      },
    );
}
