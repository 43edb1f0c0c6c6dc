/**
 * CLI: `status` — a round's collection figures (municipalities; the capital's districts apart).
 */
import type { Command } from 'commander';
import { roundStatus, statusJson } from '../monitor/monitor.service.ts';
import { formatNumber } from '../shared/numbers.ts';
import { requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

const pct = (r: number) => `${formatNumber(100 * r, 1)} %`;

export function statusCommands(program: Command): void {
  program
    .command('status')
    .description('response figures of a round: units, invited, started, submitted, rate, coverage')
    .requiredOption('--year <year>', 'survey year')
    .option('--json', 'JSON output (rates and shares as fractions 0–1)')
    .action(async (opts: { year: string; json?: boolean }) => {
      const s = await withStore((store) => roundStatus(store, requiredInt('year', opts.year)));
      if (opts.json) return printJson(statusJson(s));
      for (const [title, k] of [
        ['Kommuner', s.municipalities],
        ['Bydeler', s.districts],
      ] as const) {
        if (Object.keys(k.roles).length === 0) continue;
        say(`${title} ${s.year}`);
        printTable(
          ['rolle', 'enheter', 'invitert', 'påbegynt', 'sendt inn', 'svarprosent', 'andel befolkning', 'andel innvandrere'],
          Object.entries(k.roles).map(([role, r]) => {
            const c = k.coverage[role as keyof typeof k.coverage];
            return [
              role,
              r.units,
              r.invited,
              r.started,
              r.submitted,
              pct(r.rate),
              c ? pct(c.populationShare) : '',
              c ? pct(c.immigrantShare) : '',
            ];
          }),
        );
        say(`minst ett skjema sendt inn: ${k.anyRole.submitted} av ${k.anyRole.units} (${pct(k.anyRole.share)})\n`);
      }
    });
}
