/**
 * CLI: `contacts …` (who gets the mail) and `outreach …` (invitations and reminders: run the
 * worker, send now, status, a capture SMTP server for trying it out).
 */
import type { Command } from 'commander';
import { startCaptureSmtp } from '../outreach/capture-smtp.ts';
import { contactHistory, currentContacts, importContacts } from '../outreach/contact.service.ts';
import { type MailKind, mailKinds } from '../outreach/mail-template.ts';
import { outboxStatus, queueManual } from '../outreach/outbox.service.ts';
import { configuredClock, startOutreachWorker } from '../outreach/outreach.runner.ts';
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { shorten } from '../shared/text.ts';
import { intOption, readInput, requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

function role(raw: string): Role {
  const r = roleSchema.safeParse(raw);
  if (!r.success) throw invalid(msg('cli.unknown_role', { value: shorten(raw), known: roles.join(', ') }));
  return r.data;
}

function kind(raw: string): MailKind {
  if (!(mailKinds as readonly string[]).includes(raw)) throw invalid(msg('cli.bad_kind', { value: shorten(raw) }));
  return raw as MailKind;
}

/** Stops on Ctrl-C or SIGTERM (the current message finishes first). */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller.signal;
}

function contactCommands(program: Command): void {
  const contacts = program.command('contacts').description('the named contact per unit and role who gets invitations and reminders');
  contacts
    .command('import')
    .description('import contacts (kommunenummer,rolle,navn,epost,telefon) for the units of a round, all or nothing')
    .requiredOption('--year <year>', 'survey year (units are checked against its round)')
    .option('--by <name>', 'who made the change (kept in the history)', 'cli')
    .argument('<file>', 'CSV file')
    .action(async (file: string, opts: { year: string; by: string }) => {
      const input = readInput(file);
      const r = await withStore((store) => importContacts(store, requiredInt('year', opts.year), input.text, input.name, opts.by));
      say(`imported ${r.contacts} contacts: ${r.added} new, ${r.changed} changed, ${r.unchanged} unchanged`);
    });
  contacts
    .command('list')
    .description("the current contacts of a round's units")
    .requiredOption('--year <year>', 'survey year')
    .option('--role <role>', 'only this role')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role?: string; json?: boolean }) => {
      const list = await withStore((store) =>
        currentContacts(store, requiredInt('year', opts.year), opts.role ? role(opts.role) : undefined),
      );
      const rows = list.map((c) => ({
        kommunenummer: c.unitNumber,
        kommune: c.unitName,
        rolle: c.role,
        navn: c.name,
        epost: c.email,
        telefon: c.phone,
      }));
      if (opts.json) return printJson(rows);
      printTable(
        ['kommunenummer', 'kommune', 'rolle', 'navn', 'epost', 'telefon'],
        rows.map((r) => [r.kommunenummer, r.kommune, r.rolle, r.navn, r.epost, r.telefon ?? '']),
      );
    });
  contacts
    .command('history')
    .description('every contact a unit has had for a role, newest first')
    .requiredOption('--unit <number>', 'unit number')
    .requiredOption('--role <role>', 'role')
    .option('--json', 'JSON output')
    .action(async (opts: { unit: string; role: string; json?: boolean }) => {
      const list = await withStore((store) => contactHistory(store, opts.unit, role(opts.role)));
      const rows = list.map((c) => ({
        navn: c.name,
        epost: c.email,
        telefon: c.phone,
        fra: c.createdAt.toISOString(),
        til: c.supersededAt?.toISOString() ?? null,
        av: c.createdBy,
      }));
      if (opts.json) return printJson(rows);
      printTable(
        ['navn', 'epost', 'telefon', 'fra', 'til', 'av'],
        rows.map((r) => [r.navn, r.epost, r.telefon ?? '', r.fra, r.til ?? '', r.av]),
      );
    });
}

export function outreachCommands(program: Command): void {
  contactCommands(program);
  const outreach = program.command('outreach').description('invitations and reminders by e-mail (SMTP_URL)');
  outreach
    .command('run')
    .description('queue what is due (invitations, reminders) and send; repeats until interrupted unless --once')
    .requiredOption('--year <year>', 'survey year')
    .option('--once', 'one round of scheduling and sending, then exit')
    .option('--poll <seconds>', 'pause between rounds when not --once', '30')
    .action(async (opts: { year: string; once?: boolean; poll: string }) => {
      const year = requiredInt('year', opts.year);
      const pollMs = (intOption('poll', opts.poll) ?? 30) * 1000;
      await withStore(async (store, cfg) => {
        if (!cfg.smtpUrl) throw new AppError('config', msg('cli.no_smtp'));
        await startOutreachWorker(store, cfg, {
          signal: interruptSignal(),
          year,
          once: opts.once === true,
          pollMs,
          clock: configuredClock(cfg),
          log: say,
        });
      });
    });
  outreach
    .command('send')
    .description('send now: queue the invitation or reminder text to some units (sent by "outreach run")')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .requiredOption('--units <numbers>', 'unit numbers, comma-separated')
    .option('--kind <kind>', 'invitation or reminder', 'reminder')
    .option('--by <name>', 'who sends (kept on the message)', 'cli')
    .action(async (opts: { year: string; role: string; units: string; kind: string; by: string }) => {
      const r = role(opts.role);
      const selection = opts.units
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '')
        .map((unitNumber) => ({ unitNumber, role: r }));
      const out = await withStore((store, cfg) =>
        queueManual(store, requiredInt('year', opts.year), selection, kind(opts.kind), opts.by, configuredClock(cfg)(), cfg.baseUrl),
      );
      say(`queued ${out.queued} message(s)`);
    });
  outreach
    .command('status')
    .description("a round's messages by status and kind")
    .requiredOption('--year <year>', 'survey year')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; json?: boolean }) => {
      const s = await withStore((store) => outboxStatus(store, requiredInt('year', opts.year)));
      if (opts.json) return printJson(s);
      printTable(
        ['kind', 'queued', 'sent', 'failed'],
        [
          ...Object.entries(s.byKind).map(([k, c]) => [k, c.queued, c.sent, c.failed]),
          ['total', s.byStatus.queued, s.byStatus.sent, s.byStatus.failed],
        ],
      );
    });
  outreach
    .command('capture-smtp')
    .description('a loopback SMTP server that prints what it receives, to try outreach without real mail (SMTP_URL=smtp://127.0.0.1:PORT)')
    .option('--port <port>', 'port to listen on', '2525')
    .action(async (opts: { port: string }) => {
      const server = await startCaptureSmtp({
        port: intOption('port', opts.port) ?? 2525,
        onMessage: (m) => say(`${m.receivedAt.toISOString()} ${m.messageId} to ${m.to.join(', ')}: ${m.subject}`),
      });
      say(`capture SMTP server on ${server.url}; set SMTP_URL=${server.url} (Ctrl-C stops)`);
      const signal = interruptSignal();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      await server.close();
    });
}
