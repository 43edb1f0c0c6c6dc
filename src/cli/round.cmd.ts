/**
 * CLI: `round …`, `responses …` and `questionnaire …`.
 */

import os from 'node:os';
import type { Command } from 'commander';
import YAML from 'yaml';
import { listResponses, responseCounts } from '../collect/response.service.ts';
import { importResponses } from '../collect/response-import.ts';
import { configuredClock } from '../outreach/outreach.runner.ts';
import { roleSchema, roles } from '../questionnaire/model.ts';
import { builtinTemplates, loadQuestionnaireFile, loadTemplate } from '../questionnaire/template.ts';
import { yearsInWords } from '../report/definition.service.ts';
import { createRoundWithReport } from '../report/round-copy.ts';
import { createRound, getRound, listRounds, roundQuestionnaire, roundQuestionnaires, roundUnitCounts } from '../round/round.service.ts';
import { questionnaireLog, saveRoundQuestionnaire } from '../round/round-setup.ts';
import { changeRoundWindow } from '../round/round-window.ts';
import { invalid } from '../shared/errors.ts';
import { msg, say as word } from '../shared/i18n/message.ts';
import { readStructured } from '../shared/structured.ts';
import { shorten } from '../shared/text.ts';
import { intOption, readInput, requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

function role(raw: string) {
  const r = roleSchema.safeParse(raw);
  if (!r.success) throw invalid(msg('cli.unknown_role', { value: shorten(raw), known: roles.join(', ') }));
  return r.data;
}

export function roundCommands(program: Command): void {
  const round = program.command('round').description("a year's survey: questionnaires, window, units");
  round
    .command('create')
    .description('create a round from a template, or from an earlier round (--from), on a registry year')
    .requiredOption('--year <year>', 'survey year')
    .option('--template <name|dir>', `built-in template (${builtinTemplates().join(', ')}) or a template folder`)
    .option('--from <year>', 'copy an earlier round: questionnaires, letters, reminder days, the window a year on')
    .option('--registry-year <year>', 'registry year whose division and statistics the round uses (default: the survey year)')
    .option('--opens <date>', 'first day of the collection window, YYYY-MM-DD (Europe/Oslo)')
    .option('--closes <date>', 'last day of the collection window, YYYY-MM-DD (Europe/Oslo)')
    .action(async (opts: { year: string; template?: string; from?: string; registryYear?: string; opens?: string; closes?: string }) => {
      const registryYear = intOption('registry-year', opts.registryYear);
      if (opts.from !== undefined) {
        const c = await withStore((store) =>
          createRoundWithReport(store, {
            year: requiredInt('year', opts.year),
            from: requiredInt('from', opts.from),
            ...(registryYear !== undefined ? { registryYear } : {}),
            byUser: os.userInfo().username,
          }),
        );
        say(
          `created round ${c.round.year} from ${opts.from} on registry ${c.round.registryYear}, window ${c.round.window.opens} – ${c.round.window.closes}`,
        );
        const copied = c.definition;
        say(
          `report definition copied from ${opts.from}` +
            (copied.replaced.length > 0 ? `; years made relative: ${yearsInWords(copied.replaced)}` : '; no years written in its text') +
            (copied.trends > 0 ? `; ${copied.trends} trend(s) now count back from the round's year` : ''),
        );
        const d = c.division;
        if (d.added.length + d.gone.length > 0) {
          say(`division change: ${d.added.length} new unit(s), ${d.gone.length} gone, ${Object.keys(d.merged).length} formed by merging`);
          for (const [to, froms] of Object.entries(d.merged)) say(`  ${to} ← ${froms.join(' + ')}`);
        }
        return;
      }
      if (!opts.template) throw invalid(msg('cli.template_or_from'));
      const template = opts.template;
      const r = await withStore((store) =>
        createRound(store, {
          year: requiredInt('year', opts.year),
          template,
          ...(registryYear !== undefined ? { registryYear } : {}),
          ...(opts.opens ? { opens: opts.opens } : {}),
          ...(opts.closes ? { closes: opts.closes } : {}),
        }),
      );
      const units = Object.entries(r.units)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      say(
        `created round ${r.round.year} on registry ${r.round.registryYear}, window ${r.round.window.opens} – ${r.round.window.closes}; units: ${units}`,
      );
    });
  round
    .command('list')
    .description('list the rounds')
    .option('--json', 'JSON output')
    .action(async (opts: { json?: boolean }) => {
      const rounds = await withStore((store) => listRounds(store));
      if (opts.json)
        return printJson(rounds.map((r) => ({ year: r.year, registry_year: r.registryYear, template: r.template, window: r.window })));
      printTable(
        ['year', 'registry', 'template', 'opens', 'closes'],
        rounds.map((r) => [String(r.year), String(r.registryYear), r.template, r.window.opens, r.window.closes]),
      );
    });
  round
    .command('show')
    .description('a round with its units and responses per role')
    .requiredOption('--year <year>', 'survey year')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const info = await withStore(async (store) => ({
        round: await getRound(store, year),
        units: await roundUnitCounts(store, year),
        counts: await responseCounts(store, year),
        questionnaires: await roundQuestionnaires(store, year),
      }));
      const roles = [...info.questionnaires.keys()].map((r) => ({
        role: r,
        questions: info.questionnaires.get(r)?.questions.length ?? 0,
        units: info.units[r] ?? 0,
        in_progress: info.counts.get(r)?.inProgress ?? 0,
        submitted: info.counts.get(r)?.submitted ?? 0,
      }));
      if (opts.json) {
        return printJson({ year, registry_year: info.round.registryYear, template: info.round.template, window: info.round.window, roles });
      }
      say(
        `round ${year} (registry ${info.round.registryYear}, ${info.round.template}), window ${info.round.window.opens} – ${info.round.window.closes}`,
      );
      printTable(
        ['role', 'questions', 'units', 'in progress', 'submitted'],
        roles.map((r) => [r.role, r.questions, r.units, r.in_progress, r.submitted]),
      );
    });

  round
    .command('window')
    .description("change a round's window: extend or shorten it (from today on), or move it before it opens")
    .requiredOption('--year <year>', 'survey year')
    .option('--opens <date>', 'new first day, YYYY-MM-DD (Europe/Oslo); only before the window has opened')
    .option('--closes <date>', 'new last day, YYYY-MM-DD (Europe/Oslo); today or later')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; opens?: string; closes?: string; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      if (opts.opens === undefined && opts.closes === undefined) throw invalid(msg('cli.required', { option: 'closes' }));
      const r = await withStore((store, cfg) =>
        changeRoundWindow(
          store,
          year,
          { ...(opts.opens ? { opens: opts.opens } : {}), ...(opts.closes ? { closes: opts.closes } : {}) },
          configuredClock(cfg)(),
        ),
      );
      if (opts.json)
        return printJson({
          year,
          before: r.before,
          window: r.round.window,
          reminders_after_close: r.remindersAfterClose,
          reopened: r.reopened,
        });
      say(
        `round ${year}: window ${r.before.opens} – ${r.before.closes} is now ${r.round.window.opens} – ${r.round.window.closes}${r.reopened ? ' (open again)' : ''}`,
      );
      if (r.remindersAfterClose.length > 0) say(`reminder days after the close, not sent: ${r.remindersAfterClose.join(', ')}`);
    });

  const responses = program.command('responses').description('responses of a round');
  responses
    .command('import')
    .description('import responses collected elsewhere (each row counts as submitted; all or nothing)')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'kommunedirektor | integreringsansvarlig | skolesjef')
    .argument('<file>', 'CSV: kommunenummer plus a column per question key (key.item for matrices, key.tekst for "annet")')
    .action(async (file: string, opts: { year: string; role: string }) => {
      const { text, name } = readInput(file);
      const r = await withStore((store) =>
        importResponses(store, { year: requiredInt('year', opts.year), role: role(opts.role), text, file: name }),
      );
      say(
        `imported ${r.responses} ${r.role} responses for ${r.year} (${r.answers} answers)${r.replaced > 0 ? `, replacing ${r.replaced}` : ''}`,
      );
    });
  responses
    .command('list')
    .description('list the responses of a role with status and timestamps')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'kommunedirektor | integreringsansvarlig | skolesjef')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; json?: boolean }) => {
      const list = await withStore((store) => listResponses(store, requiredInt('year', opts.year), role(opts.role)));
      if (opts.json) return printJson(list);
      printTable(
        ['unit', 'status', 'source', 'submitted'],
        list.map((r) => [r.unitNumber, r.status, r.source, r.submittedAt ?? '']),
      );
    });

  const questionnaire = program.command('questionnaire').description('questionnaire files and templates');
  questionnaire
    .command('validate')
    .description('check a questionnaire file (YAML/JSON); errors name the path of the bad field')
    .argument('<file>')
    .action((file: string) => {
      const q = loadQuestionnaireFile(file);
      say(`${file}: valid ${q.role} questionnaire with ${q.questions.length} questions in ${q.sections.length} sections`);
    });
  questionnaire
    .command('templates')
    .description('list the built-in round templates')
    .action(() => {
      for (const name of builtinTemplates()) {
        const t = loadTemplate(name);
        const qs = [...t.questionnaires].map(([r, q]) => `${r} ${q.questions.length}`).join(', ');
        say(`${name}  ${t.title} (window ${t.window.opens} – ${t.window.closes}; questions: ${qs})`);
      }
    });
  questionnaire
    .command('export')
    .description("write a round's questionnaire as YAML (or JSON) to standard output, e.g. for version control")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .option('--json', 'JSON instead of YAML')
    .action(async (opts: { year: string; role: string; json?: boolean }) => {
      const q = await withStore((store) => roundQuestionnaire(store, requiredInt('year', opts.year), role(opts.role)));
      process.stdout.write(opts.json ? `${JSON.stringify(q, null, 2)}\n` : YAML.stringify(q));
    });
  questionnaire
    .command('import')
    .description("replace a round's questionnaire with a file (validated; after the window opens only wording may change)")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .option('--by <name>', 'who changes it (default: the system user)')
    .argument('<file>')
    .action(async (file: string, opts: { year: string; role: string; by?: string }) => {
      const data = readQuestionnaireInput(file);
      // The configured clock (KOMMUNEPULS_CLOCK) decides whether the window has opened and stamps the log.
      const r = await withStore((store, cfg) =>
        saveRoundQuestionnaire(
          store,
          requiredInt('year', opts.year),
          role(opts.role),
          data,
          opts.by ?? os.userInfo().username,
          configuredClock(cfg)(),
        ),
      );
      say(r.changes.length === 0 ? 'no changes' : `saved ${r.changes.length} change(s):`);
      for (const c of r.changes) say(`  ${c.kind === 'structure' ? 'structure' : 'wording  '}  ${c.path}: ${word(c.what, 'en')}`);
      for (const w of r.warnings) say(`warning: ${word(w, 'en')}`);
    });
  questionnaire
    .command('log')
    .description("who changed a round's questionnaire, when, and what")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', 'role')
    .action(async (opts: { year: string; role: string }) => {
      const log = await withStore((store) => questionnaireLog(store, requiredInt('year', opts.year), role(opts.role)));
      for (const e of log) say(`${e.at.toISOString()} ${e.by}: ${e.changes.map((c) => `${c.path} (${word(c.what, 'en')})`).join('; ')}`);
    });
}

function readQuestionnaireInput(file: string): unknown {
  const { text, name } = readInput(file);
  return readStructured(text, name);
}
