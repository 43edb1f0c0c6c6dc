/**
 * CLI: personal links. `links` lists (creating missing ones), `link-reissue` replaces a unit's
 * link (the old one stops working), `link-revoke` stops it without a replacement.
 */
import type { Command } from 'commander';
import { ensureLinks, linkUrl, reissueLink, revokeLink } from '../collect/link.service.ts';
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

function role(raw: string): Role {
  const r = roleSchema.safeParse(raw);
  if (!r.success) throw invalid(msg('cli.unknown_role', { value: shorten(raw), known: roles.join(', ') }));
  return r.data;
}

export function linkCommands(program: Command): void {
  program
    .command('links')
    .description("list the respondents' personal links of a round (creating missing ones); contains secrets, keep the output safe")
    .requiredOption('--year <year>', 'survey year')
    .option('--role <role>', 'only this role')
    .option('--json', 'JSON output: [{kommunenummer, rolle, url}]')
    .action(async (opts: { year: string; role?: string; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const rows = await withStore(async (store, cfg) =>
        (await ensureLinks(store, year, opts.role ? role(opts.role) : undefined)).map((l) => ({
          kommunenummer: l.unitNumber,
          rolle: l.role,
          url: linkUrl(cfg.baseUrl, l.token),
        })),
      );
      if (opts.json) return printJson(rows);
      printTable(
        ['kommunenummer', 'rolle', 'url'],
        rows.map((r) => [r.kommunenummer, r.rolle, r.url]),
      );
    });

  program
    .command('link-reissue')
    .description("replace a unit's personal link for a role (e.g. it went to the wrong person); the old link stops working")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .requiredOption('--unit <number>', 'unit number')
    .action(async (opts: { year: string; role: string; unit: string }) => {
      const url = await withStore(async (store, cfg) => {
        const l = await reissueLink(store, requiredInt('year', opts.year), role(opts.role), opts.unit);
        return linkUrl(cfg.baseUrl, l.token);
      });
      say(url);
    });

  program
    .command('link-revoke')
    .description("stop a unit's personal link for a role without issuing a new one")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .requiredOption('--unit <number>', 'unit number')
    .action(async (opts: { year: string; role: string; unit: string }) => {
      const n = await withStore((store) => revokeLink(store, requiredInt('year', opts.year), role(opts.role), opts.unit));
      say(n > 0 ? `revoked ${n} link(s)` : 'no active link to revoke');
    });
}
