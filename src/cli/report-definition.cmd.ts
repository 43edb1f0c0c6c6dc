/**
 * CLI: `report definition export|import|log` — a round's own report definition as a file (for
 * editing outside the web or keeping in version control), a file saved as its newest version
 * (checked like any definition: errors name the path of the bad field), and its versions with
 * who, when and why.
 */
import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { configuredClock } from '../outreach/outreach.runner.ts';
import { definitionVersions, definitionYaml, importDefinition, roundDefinition } from '../report/definition.service.ts';
import { definitionProblems } from '../report/report.service.ts';
import { AppError } from '../shared/errors.ts';
import { msg, say as word } from '../shared/i18n/message.ts';
import { readInput, requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

export function reportDefinitionCommands(report: Command): void {
  const definition = report.command('definition').description("a round's own report definition: export, import, versions");
  definition
    .command('export')
    .description("write the round's report definition (its newest version) as YAML, or JSON with --json")
    .requiredOption('--year <year>', 'survey year')
    .option('--out <file>', 'file to write (default: standard output)')
    .option('--json', 'JSON instead of YAML')
    .action(async (opts: { year: string; out?: string; json?: boolean }) => {
      const own = await withStore((store) => roundDefinition(store, requiredInt('year', opts.year)));
      const text = opts.json ? `${JSON.stringify(own.definition, null, 2)}\n` : definitionYaml(own.definition);
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      try {
        fs.writeFileSync(opts.out, text);
      } catch (e) {
        throw new AppError('invalid_input', msg('cli.cannot_write', { dir: opts.out, detail: (e as Error).message }));
      }
      say(`${opts.out}: ${own.version ? `version ${own.version.version}` : `the built-in ${own.builtin} (no version saved yet)`}`);
    });
  definition
    .command('import')
    .description("save a YAML/JSON file as the round's newest report definition version (checked first)")
    .requiredOption('--year <year>', 'survey year')
    .option('--by <name>', 'who saves it (default: the system user)')
    .argument('<file>')
    .action(async (file: string, opts: { year: string; by?: string }) => {
      const { text, name } = readInput(file);
      const year = requiredInt('year', opts.year);
      const { saved, problems } = await withStore(async (store, cfg) => {
        const saved = await importDefinition(store, year, text, name, {
          byUser: opts.by ?? os.userInfo().username,
          now: configuredClock(cfg)(),
        });
        // Saved even so, like a file copied in: what a build would meet is said now, not at the build.
        const problems = await definitionProblems(store, year, (await roundDefinition(store, year)).definition);
        return { saved, problems: problems.flatMap((e) => e.texts(cfg.lang)) };
      });
      say(saved ? `saved as version ${saved.version}` : 'no changes: the round uses this definition already');
      for (const p of problems) say(`problem: ${p}`);
      if (problems.length > 0) say(`the report cannot be built until the ${problems.length} problem(s) above are fixed`);
    });
  definition
    .command('log')
    .description("the versions of a round's report definition: who saved each, when and why")
    .requiredOption('--year <year>', 'survey year')
    .option('--json', 'as JSON')
    .action(async (opts: { year: string; json?: boolean }) => {
      const { versions, lang } = await withStore(async (store, cfg) => ({
        versions: await definitionVersions(store, requiredInt('year', opts.year)),
        lang: cfg.lang,
      }));
      const rows = versions.map((v) => ({
        version: v.version,
        at: v.at.toISOString(),
        by: v.by,
        note: v.note ? word(v.note, lang) : '',
        bytes: v.bytes,
      }));
      if (opts.json) printJson(rows);
      else if (rows.length === 0) say('no versions saved: the round uses the built-in definition of its template');
      else
        printTable(
          ['version', 'saved', 'by', 'note'],
          rows.map((r) => [r.version, r.at, r.by, r.note]),
        );
    });
}
