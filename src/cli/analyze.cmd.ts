/**
 * CLI: `analyze …` — the report's figures as tables for people or JSON for scripts.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { association, countyMeans } from '../analysis/association.ts';
import { frequenciesJson } from '../analysis/breakdown.ts';
import { recodeAnswer, recodeLog, revertRecode, textAnswers } from '../analysis/recode.ts';
import { defaultRepresentativenessGroupings, representativeness, representativenessJson } from '../analysis/representativeness.ts';
import { trend } from '../analysis/trend.ts';
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { shorten } from '../shared/text.ts';
import { requiredInt, withStore } from './context.ts';
import { printJson, printTable, say } from './output.ts';

const list = (raw: string | undefined) =>
  raw
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : undefined;

function role(raw: string): Role {
  const r = roleSchema.safeParse(raw);
  if (!r.success) throw invalid(msg('cli.unknown_role', { value: shorten(raw), known: roles.join(', ') }));
  return r.data;
}

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
  analyze
    .command('frequencies')
    .description('one question: N, count, share and 95 % interval per option; with --by, per category and a test')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--question <key>', 'question key')
    .option('--by <grouping>', 'break down by a grouping key, or fylke')
    .option('--fpc', 'apply the finite-population correction to the intervals')
    .option('--exclude-extras', 'leave "Vet ikke"/"Ikke relevant" out of scales instead of showing them apart')
    .option('--districts', "the capital's districts instead of the municipalities")
    .option('--json', 'JSON output')
    .action(
      async (opts: {
        year: string;
        role: string;
        question: string;
        by?: string;
        fpc?: boolean;
        excludeExtras?: boolean;
        districts?: boolean;
        json?: boolean;
      }) => {
        const out = await withStore((store) =>
          frequenciesJson(store, requiredInt('year', opts.year), role(opts.role), opts.question, opts.by, {
            fpc: opts.fpc === true,
            excludeExtras: opts.excludeExtras === true,
            kind: opts.districts ? 'bydel' : 'kommune',
          }),
        );
        if (opts.json) return printJson(out);
        say(`${out.question}: ${out.text} (${out.role}, ${out.year})`);
        const pct = (x: number) => `${formatNumber(100 * x, 1)} %`;
        const show = (
          t: { n: number; options?: readonly { label: string; count: number; share: number; ci95: number[] }[] },
          title: string,
        ) => {
          say(`${title} N=${t.n}`);
          printTable(
            ['svar', 'antall', 'andel', '95 % KI'],
            (t.options ?? []).map((o) => [o.label, o.count, pct(o.share), `${pct(o.ci95[0] ?? 0)} – ${pct(o.ci95[1] ?? 0)}`]),
          );
        };
        if ('items' in out && out.items) for (const i of out.items) show(i, i.label);
        else show(out as Parameters<typeof show>[0], 'Alle');
        if ('groups' in out && out.groups) for (const g of out.groups) if (!('items' in g)) show(g as Parameters<typeof show>[0], g.label);
        if ('test' in out && out.test) {
          const t = out.test;
          say(
            `Pearson kjikvadrat = ${formatNumber(t.statistic, 3)}, df = ${t.df}, p = ${t.p === null ? '–' : formatNumber(t.p, 4)}${t.p_exact !== null ? `, eksakt p = ${formatNumber(t.p_exact, 4)}` : ''}${t.significant ? ' (signifikant)' : ''}`,
          );
        }
      },
    );
  analyze
    .command('county-means')
    .description('mean of a 1–5 scale per county (without "Vet ikke"), municipalities only')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--question <key>', 'a scale question, or KEY.ITEM of a scale matrix')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; question: string; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const r = await withStore((store) => countyMeans(store, year, role(opts.role), opts.question));
      if (opts.json)
        return printJson({
          year,
          role: opts.role,
          question: r.question,
          counties: r.counties.map((c) => ({ county_number: c.countyNumber, county: c.county, n: c.n, mean: c.mean })),
        });
      say(`${r.label} (${opts.role}, ${year})`);
      printTable(
        ['fylke', 'N', 'snitt'],
        r.counties.map((c) => [c.county, c.n, c.mean === null ? '–' : formatNumber(c.mean, 2)]),
      );
    });
  analyze
    .command('association')
    .description("association between two questions: cross-table, Spearman's rho (scales) and chi-square")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--questions <k1,k2>', 'two question keys (KEY or KEY.ITEM)')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; questions: string; json?: boolean }) => {
      const [first, second, ...rest] = opts.questions.split(',').map((s) => s.trim());
      if (!first || !second || rest.length > 0) throw invalid(msg('cli.two_questions'));
      const year = requiredInt('year', opts.year);
      const a = await withStore((store) => association(store, year, role(opts.role), first, second));
      const chi = a.chiSquare;
      const json = {
        year,
        role: opts.role,
        questions: [a.x.question, a.y.question],
        n: a.n,
        rows: a.x.codes,
        columns: a.y.codes,
        table: a.table,
        spearman: a.spearman,
        chi_square: chi ? { statistic: chi.statistic, df: chi.df, p: chi.p, p_exact: chi.pExact, significant: chi.significant } : null,
      };
      if (opts.json) return printJson(json);
      say(`${a.x.label} × ${a.y.label} (N=${a.n})`);
      printTable(
        ['', ...a.y.codes.map((c) => c.label)],
        a.table.map((row, i) => [a.x.codes[i]?.label ?? '', ...row]),
      );
      if (a.spearman?.rho != null)
        say(
          `Spearman rho = ${formatNumber(a.spearman.rho, 3)}, p = ${a.spearman.p === null ? '–' : formatNumber(a.spearman.p, 4)} (N=${a.spearman.n})`,
        );
      if (chi)
        say(`Pearson kjikvadrat = ${formatNumber(chi.statistic, 3)}, df = ${chi.df}, p = ${chi.p === null ? '–' : formatNumber(chi.p, 4)}`);
    });
  analyze
    .command('texts')
    .description('free-text and "annet, spesifiser" answers, with their recodes')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .option('--question <key>', 'only this question')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; question?: string; json?: boolean }) => {
      const rows = await withStore((store) => textAnswers(store, requiredInt('year', opts.year), role(opts.role), opts.question));
      if (opts.json) return printJson(rows);
      printTable(
        ['enhet', 'spørsmål', 'kode', 'tekst', 'omkodet til'],
        rows.map((r) => [
          `${r.unitNumber} ${r.unitName}`,
          r.item ? `${r.question}.${r.item}` : r.question,
          r.code ?? '',
          r.text,
          r.recode ? `${r.recode.toCode} ${r.recode.toLabel} (${r.recode.by})` : '',
        ]),
      );
    });
  analyze
    .command('recode')
    .description('count a unit\'s "annet, spesifiser" answer as another option (kept apart from the answer; reversible)')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--unit <number>', 'unit number')
    .requiredOption('--question <key>', 'question key (KEY.ITEM for a matrix item)')
    .requiredOption('--to <code>', 'the option code to count it as')
    .option('--by <name>', 'who recodes (default: the system user)')
    .action(async (opts: { year: string; role: string; unit: string; question: string; to: string; by?: string }) => {
      const id = await withStore((store) =>
        recodeAnswer(
          store,
          requiredInt('year', opts.year),
          role(opts.role),
          opts.unit,
          opts.question,
          requiredInt('to', opts.to),
          opts.by ?? os.userInfo().username,
        ),
      );
      say(`recode ${id} saved`);
    });
  analyze
    .command('recode-revert')
    .description('revert a recode (the answer counts as written again; the log keeps it)')
    .requiredOption('--id <id>', 'recode id (see analyze recodes)')
    .option('--by <name>', 'who reverts (default: the system user)')
    .action(async (opts: { id: string; by?: string }) => {
      await withStore((store) => revertRecode(store, requiredInt('id', opts.id), opts.by ?? os.userInfo().username));
      say(`recode ${opts.id} reverted`);
    });
  analyze
    .command('recodes')
    .description('the log of recodes of a round and role, reverted ones included')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; json?: boolean }) => {
      const rows = await withStore((store) => recodeLog(store, requiredInt('year', opts.year), role(opts.role)));
      if (opts.json) return printJson(rows);
      printTable(
        ['id', 'enhet', 'spørsmål', 'fra', 'til', 'tekst', 'av', 'når', 'tilbakeført'],
        rows.map((r) => [
          r.id,
          r.unit_number,
          r.item_key ? `${r.question_key}.${r.item_key}` : r.question_key,
          r.from_code,
          r.to_code,
          r.text,
          r.by_user,
          r.at,
          r.reverted_at ?? '',
        ]),
      );
    });
  analyze
    .command('trend')
    .description('share choosing some options of a question across rounds, with 95 % intervals')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--question <key>', 'question key')
    .requiredOption('--options <codes>', 'option codes counted, comma-separated (e.g. 1)')
    .requiredOption('--years <from-to>', 'years, e.g. 2015-2019')
    .option('--fpc', 'apply the finite-population correction')
    .option('--by <grouping>', "per category of the newest round's division (earlier units mapped onto it)")
    .option('--json', 'JSON output')
    .action(
      async (opts: { role: string; question: string; options: string; years: string; fpc?: boolean; by?: string; json?: boolean }) => {
        const m = /^(\d{4})-(\d{4})$/.exec(opts.years.trim());
        if (!m) throw invalid(msg('cli.bad_years', { value: shorten(opts.years) }));
        const codes = (list(opts.options) ?? []).map((c) => requiredInt('options', c));
        const t = await withStore((store) =>
          trend(store, role(opts.role), opts.question, codes, Number(m[1]), Number(m[2]), {
            fpc: opts.fpc === true,
            ...(opts.by ? { by: opts.by } : {}),
          }),
        );
        if (opts.json)
          return printJson({
            role: t.role,
            question: t.question,
            options: t.codes,
            labels: t.labels,
            fpc: t.fpc,
            excluded_options: t.excludedOptions,
            missing_years: t.missingYears,
            ...(t.by ? { by: t.by } : {}),
            years: t.years.map((y) => ({
              year: y.year,
              n: y.n,
              count: y.count,
              share: y.share,
              ci95: y.ci95,
              population: y.population,
              ...(y.groups ? { groups: y.groups } : {}),
            })),
          });
        say(`${t.text}: ${t.labels.join(' / ')} (${t.role}${t.fpc ? ', med endelighetskorreksjon' : ''})`);
        const pct = (x: number) => `${formatNumber(100 * x, 1)} %`;
        printTable(
          ['år', 'N', 'antall', 'andel', '95 % KI'],
          t.years.map((y) => [
            String(y.year),
            y.n,
            y.count,
            y.share === null ? '–' : pct(y.share),
            y.ci95 ? `${pct(y.ci95[0])} – ${pct(y.ci95[1])}` : '–',
          ]),
        );
        if (t.by) {
          const labels = t.years[t.years.length - 1]?.groups?.map((g) => g.label) ?? [];
          say(`\nEtter ${t.by.label} (inndelingen i ${t.by.registryYear}):`);
          printTable(
            ['år', ...labels],
            t.years.map((y) => [
              String(y.year),
              ...labels.map((l) => {
                const g = y.groups?.find((x) => x.label === l);
                return g?.share == null ? '–' : `${pct(g.share)} (N=${g.n})`;
              }),
            ]),
          );
        }
        if (t.excludedOptions.length > 0)
          say(`Utelatt (fantes ikke alle år): ${t.excludedOptions.map((e) => `${e.label} (${e.years.join(', ')})`).join('; ')}`);
      },
    );
}
