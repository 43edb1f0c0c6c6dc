/**
 * CLI: `analyze …` — the report's figures as tables for people or JSON for scripts. Municipalities
 * unless `--districts` (the capital's districts alone, as the report keeps them apart). The text
 * for people is in analyze.text.ts.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { association, countyMeans } from '../analysis/association.ts';
import { frequenciesJson } from '../analysis/breakdown.ts';
import { DEFAULT_MIN_N } from '../analysis/frequencies.ts';
import { numberSummary } from '../analysis/numbers.ts';
import { recodeAnswer, recodeLog, revertRecode, textAnswers } from '../analysis/recode.ts';
import { defaultRepresentativenessGroupings, representativeness, representativenessJson } from '../analysis/representativeness.ts';
import { trend } from '../analysis/trend.ts';
import { weightedRepresentativenessJson, weightedTable1 } from '../analysis/weights.table.ts';
import { type Role, roleSchema, roles, textIn } from '../questionnaire/model.ts';
import { roundQuestionnaire } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { shorten } from '../shared/text.ts';
import { numbersJson, printFrequencies, printNumbers, printRepresentativeness, printTrend, pText, t, word } from './analyze.text.ts';
import { printWeightedRepresentativeness, printWeights } from './analyze.weights.ts';
import { intOption, requiredInt, withStore } from './context.ts';
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

const weightedHelp =
  "weighted shares with design-based intervals: each role's respondents raked to the registry's margins of Table 1's groupings";
const districtsOption = ['--districts', "the capital's districts alone instead of the municipalities"] as const;
const kindOf = (opts: { districts?: boolean }) => (opts.districts ? 'bydel' : 'kommune') as 'kommune' | 'bydel';

/** The report's default classes of a number question ([0, 2, 5, 10] → 0, 1–2, 3–5, 6–10, over 10). */
const defaultClasses = [0, 2, 5, 10];

function classesOf(raw: string | undefined): number[] {
  if (raw === undefined) return defaultClasses;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.some((p) => !/^-?\d+$/.test(p))) throw invalid(msg('analyze.bad_classes', { value: shorten(raw) }));
  return parts.map(Number);
}

export function analyzeCommands(program: Command): void {
  const analyze = program.command('analyze').description("the report's analyses (JSON with --json)");
  analyze
    .command('representativeness')
    .description('Table 1: municipalities (or districts) and respondents per category, difference in percentage points')
    .requiredOption('--year <year>', 'survey year')
    .option(
      '--groupings <keys>',
      `groupings, comma-separated (default ${defaultRepresentativenessGroupings.join(',')}; for districts those some district has a value for)`,
    )
    .option(...districtsOption)
    .option('--weighted', weightedHelp)
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; groupings?: string; districts?: boolean; weighted?: boolean; json?: boolean }) => {
      const { r, w } = await withStore(async (store) => {
        const r = await representativeness(store, requiredInt('year', opts.year), list(opts.groupings), { kind: kindOf(opts) });
        return { r, w: opts.weighted ? await weightedTable1(store, r, true) : null };
      });
      if (opts.json) return printJson(w ? weightedRepresentativenessJson(r, w) : representativenessJson(r));
      printRepresentativeness(r);
      if (w) printWeightedRepresentativeness(r, w, weightedRepresentativenessJson(r, w).weights);
    });
  analyze
    .command('frequencies')
    .description(
      'one question: N, count, share and 95 % interval per option; with --by, per category and a test; ' +
        'a number question: N, mean, median, quartiles, sum, minimum, maximum and classes',
    )
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--question <key>', 'question key')
    .option('--by <grouping>', 'break down by a grouping key, or fylke')
    .option('--fpc', 'apply the finite-population correction to the intervals')
    .option('--exclude-extras', 'leave "Vet ikke"/"Ikke relevant" out of scales instead of showing them apart')
    .option('--min-n <n>', `breakdowns: categories with fewer answers show "too few answers" (default ${DEFAULT_MIN_N}; 0 shows all)`)
    .option('--classes <bounds>', `number questions: upper bounds of the classes (default ${defaultClasses.join(',')})`)
    .option(...districtsOption)
    .option('--weighted', weightedHelp)
    .option('--json', 'JSON output')
    .action(
      async (opts: {
        year: string;
        role: string;
        question: string;
        by?: string;
        fpc?: boolean;
        excludeExtras?: boolean;
        classes?: string;
        minN?: string;
        districts?: boolean;
        weighted?: boolean;
        json?: boolean;
      }) => {
        const year = requiredInt('year', opts.year);
        const r = role(opts.role);
        const kind = kindOf(opts);
        const classes = classesOf(opts.classes);
        const minN = intOption('min-n', opts.minN);
        const result = await withStore(async (store) => {
          const q = (await roundQuestionnaire(store, year, r)).questions.find((x) => x.key === opts.question);
          if (q?.type === 'integer') {
            if (opts.by) throw invalid(msg('analyze.number_no_by', { question: opts.question }));
            const base = { year, question: opts.question, role: r, text: textIn(q.text, 'nb'), units: kind };
            return { numbers: true, base, summary: await numberSummary(store, year, r, opts.question, classes, kind) } as const;
          }
          return {
            numbers: false,
            options: await frequenciesJson(store, year, r, opts.question, opts.by, {
              fpc: opts.fpc === true,
              excludeExtras: opts.excludeExtras === true,
              kind,
              weighted: opts.weighted === true,
              ...(minN !== undefined ? { minN } : {}),
            }),
          } as const;
        });
        if (result.numbers) {
          const { base, summary } = result;
          return opts.json ? printJson(numbersJson(base, summary)) : printNumbers(base, summary);
        }
        if (opts.json) return printJson(result.options);
        printFrequencies(result.options);
        if (result.options.weights) printWeights([result.options.weights]);
      },
    );
  analyze
    .command('county-means')
    .description('mean of a 1–5 scale per county (without "Vet ikke")')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--question <key>', 'a scale question, or KEY.ITEM of a scale matrix')
    .option('--min-n <n>', `counties with fewer answers show "too few answers" (default ${DEFAULT_MIN_N}; 0 shows all)`)
    .option(...districtsOption)
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; question: string; minN?: string; districts?: boolean; json?: boolean }) => {
      const year = requiredInt('year', opts.year);
      const kind = kindOf(opts);
      const minN = intOption('min-n', opts.minN) ?? DEFAULT_MIN_N;
      const r = await withStore((store) => countyMeans(store, year, role(opts.role), opts.question, kind, minN));
      if (opts.json)
        return printJson({
          year,
          role: opts.role,
          question: r.question,
          units: kind,
          min_n: minN,
          counties: r.counties.map((c) => ({
            county_number: c.countyNumber,
            county: c.county,
            n: c.n,
            mean: c.mean,
            ...(c.tooFew ? { too_few: true } : {}),
          })),
        });
      say(`${r.label} (${opts.role}, ${year}; ${word(kind === 'bydel' ? 'analyze.units_bydel' : 'analyze.units_kommune')})`);
      printTable(
        [word('analyze.col_county'), 'N', word('analyze.col_mean')],
        r.counties.map((c) => [c.county, c.n, c.tooFew ? word('stats.too_few') : c.mean === null ? '–' : formatNumber(c.mean, 2)]),
      );
      if (r.counties.some((c) => c.tooFew)) say(t(msg('stats.too_few_note', { minN })));
    });
  analyze
    .command('association')
    .description("association between two questions: cross-table, Spearman's rho (scales) and chi-square")
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .requiredOption('--questions <k1,k2>', 'two question keys (KEY or KEY.ITEM)')
    .option(...districtsOption)
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; questions: string; districts?: boolean; json?: boolean }) => {
      const [first, second, ...rest] = opts.questions.split(',').map((s) => s.trim());
      if (!first || !second || rest.length > 0) throw invalid(msg('cli.two_questions'));
      const year = requiredInt('year', opts.year);
      const kind = kindOf(opts);
      const a = await withStore((store) => association(store, year, role(opts.role), first, second, kind));
      const chi = a.chiSquare;
      const json = {
        year,
        role: opts.role,
        units: kind,
        questions: [a.x.question, a.y.question],
        n: a.n,
        rows: a.x.codes,
        columns: a.y.codes,
        table: a.table,
        spearman: a.spearman,
        chi_square: chi
          ? {
              statistic: chi.statistic,
              df: chi.df,
              p: chi.p,
              p_exact: chi.pExact,
              ...(chi.exactMethod ? { exact_method: chi.exactMethod } : {}),
              low_expected_share: chi.lowExpectedShare,
              significant: chi.significant,
            }
          : null,
        ...(a.noTest ? { no_test: a.noTest } : {}),
      };
      if (opts.json) return printJson(json);
      say(`${a.x.label} × ${a.y.label} (N=${a.n}; ${word(kind === 'bydel' ? 'analyze.units_bydel' : 'analyze.units_kommune')})`);
      printTable(
        ['', ...a.y.codes.map((c) => c.label)],
        a.table.map((row, i) => [a.x.codes[i]?.label ?? '', ...row]),
      );
      if (a.spearman?.rho != null)
        say(t(msg('analyze.spearman', { rho: formatNumber(a.spearman.rho, 3), p: pText(a.spearman.p), n: a.spearman.n })));
      if (chi) {
        const parts = [t(msg('analyze.chi_square', { statistic: formatNumber(chi.statistic, 3), df: chi.df, p: pText(chi.p) }))];
        if (chi.pExact !== null)
          parts.push(
            t(
              msg('analyze.exact_p', {
                p: pText(chi.pExact),
                method: word(chi.exactMethod === 'fisher' ? 'analyze.method_fisher' : 'analyze.method_monte_carlo'),
              }),
            ),
          );
        parts.push(word(chi.significant ? 'analyze.significant' : 'analyze.not_significant'));
        say(parts.join('; '));
      } else say(a.noTest ? t(msg('stats.no_test', { reason: a.noTest })) : word('analyze.no_test'));
    });
  analyze
    .command('texts')
    .description('free-text and "annet, spesifiser" answers of every unit, with their recodes')
    .requiredOption('--year <year>', 'survey year')
    .requiredOption('--role <role>', `role (${roles.join(', ')})`)
    .option('--question <key>', 'only this question')
    .option('--json', 'JSON output')
    .action(async (opts: { year: string; role: string; question?: string; json?: boolean }) => {
      const rows = await withStore((store) => textAnswers(store, requiredInt('year', opts.year), role(opts.role), opts.question));
      if (opts.json) return printJson(rows);
      printTable(
        ['analyze.col_unit', 'analyze.col_question', 'analyze.col_code', 'analyze.col_text', 'analyze.col_recoded_to'].map((k) =>
          word(k as Parameters<typeof word>[0]),
        ),
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
      say(t(msg('analyze.recode_saved', { id })));
    });
  analyze
    .command('recode-revert')
    .description('revert a recode (the answer counts as written again; the log keeps it)')
    .requiredOption('--id <id>', 'recode id (see analyze recodes)')
    .option('--by <name>', 'who reverts (default: the system user)')
    .action(async (opts: { id: string; by?: string }) => {
      const id = requiredInt('id', opts.id);
      await withStore((store) => revertRecode(store, id, opts.by ?? os.userInfo().username));
      say(t(msg('analyze.recode_reverted', { id })));
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
        [
          'id',
          word('analyze.col_unit'),
          word('analyze.col_question'),
          word('analyze.col_from'),
          word('analyze.col_to'),
          word('analyze.col_text'),
          word('analyze.col_by'),
          word('analyze.col_at'),
          word('analyze.col_reverted'),
        ],
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
    .option(...districtsOption)
    .option('--json', 'JSON output')
    .action(
      async (opts: {
        role: string;
        question: string;
        options: string;
        years: string;
        fpc?: boolean;
        by?: string;
        districts?: boolean;
        json?: boolean;
      }) => {
        const m = /^(\d{4})-(\d{4})$/.exec(opts.years.trim());
        if (!m) throw invalid(msg('cli.bad_years', { value: shorten(opts.years) }));
        const codes = (list(opts.options) ?? []).map((c) => requiredInt('options', c));
        const kind = kindOf(opts);
        const tr = await withStore((store) =>
          trend(store, role(opts.role), opts.question, codes, Number(m[1]), Number(m[2]), {
            fpc: opts.fpc === true,
            kind,
            ...(opts.by ? { by: opts.by } : {}),
          }),
        );
        if (opts.json)
          return printJson({
            role: tr.role,
            question: tr.question,
            units: kind,
            options: tr.codes,
            labels: tr.labels,
            fpc: tr.fpc,
            excluded_options: tr.excludedOptions,
            missing_years: tr.missingYears,
            ...(tr.by ? { by: tr.by } : {}),
            years: tr.years.map((y) => ({
              year: y.year,
              n: y.n,
              count: y.count,
              share: y.share,
              ci95: y.ci95,
              population: y.population,
              ...(y.groups ? { groups: y.groups } : {}),
            })),
          });
        printTrend(tr);
      },
    );
}
