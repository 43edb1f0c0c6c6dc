/**
 * CLI: `status` — a round's collection figures (municipalities; the capital's districts apart),
 * as the configured clock (KOMMUNEPULS_CLOCK) stands, like the dashboard; the JSON also has the
 * form's pages (units shown each, those who stopped there, saves, median time).
 */
import type { Command } from 'commander';
import { formPages, formPagesJson } from '../monitor/form-pages.ts';
import { roundStatus, statusJson } from '../monitor/monitor.service.ts';
import { clockFrom, systemClock } from '../shared/clock.ts';
import { formatNumber } from '../shared/numbers.ts';
import { requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

const pct = (r: number) => `${formatNumber(100 * r, 1)} %`;

export function statusCommands(program: Command): void {
  program
    .command('status')
    .description('response figures of a round: units, invited, started, submitted, rate, coverage')
    .requiredOption('--year <year>', 'survey year')
    .option('--json', "JSON output (rates and shares as fractions 0–1), with the form's pages per role")
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const { s, pages, now } = await withStore(async (store, cfg) => {
        const now = (cfg.clockStart ? clockFrom(cfg.clockStart) : systemClock)();
        const s = await roundStatus(store, year, now);
        return { s, now, pages: opts.json ? await formPages(store, year, now) : [] };
      });
      if (opts.json) return printJson({ ...statusJson(s), pages: formPagesJson(now, pages) });
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
