/**
 * CLI: `analyze …` — the report's figures as tables for people or JSON for scripts.
 */
import type { Command } from 'commander';
import { defaultRepresentativenessGroupings, representativeness, representativenessJson } from '../analysis/representativeness.ts';
import { formatNumber } from '../shared/numbers.ts';
import { requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

const list = (raw: string | undefined) =>
  raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : undefined;

export function analyzeCommands(program: Command): void {
  const analyze = program.command('analyze').description("the report's analyses (JSON with --json)");
  analyze
    .command('representativeness')
    .description('Table 1: municipalities and respondents per category, difference in percentage points')
    .requiredOption('--year <year>', 'survey year')
    .option('--groupings <keys>', `groupings, comma-separated (default ${defaultRepresentativenessGroupings.join(',')})`)
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; groupings?: string; json?: boolean }) => {
      const r = await withStore((store) => representativeness(store, requiredInt('year', opts.year), list(opts.groupings)));
      if (opts.json) return printJson(representativenessJson(r));
      const roles = Object.keys(r.respondents) as (keyof typeof r.respondents)[];
      const pct = (n: number, of: number) => (of > 0 ? formatNumber((100 * n) / of, 1) : '');
      for (const g of r.groupings) {
        say(`${g.label} (${g.key})`);
        printTable(
          ['kategori', `alle (${r.population})`, '%', ...roles.flatMap((role) => [`${role} (${r.respondents[role]})`, '%', 'diff'])],
          g.categories.map((c) => [
            c.label,
            c.population,
            pct(c.population, r.population),
            ...roles.flatMap((role) => [
              c.respondents[role] ?? 0,
              pct(c.respondents[role] ?? 0, r.respondents[role] ?? 0),
              formatNumber(c.diffPp[role] ?? 0, 1),
            ]),
          ]),
        );
        say('');
      }
    });
}
