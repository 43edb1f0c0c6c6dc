/**
 * CLI: the text of `analyze …` for people. It shows what the JSON has (every group, item and
 * option with its test, the scale summary and Kruskal–Wallis, answers outside the scale apart),
 * worded in the CLI's language (KOMMUNEPULS_LANG); numbers the Norwegian way as in the report.
 */
import type { FrequenciesJson } from '../analysis/breakdown.ts';
import type { NumberSummary } from '../analysis/numbers.ts';
import type { Representativeness } from '../analysis/representativeness.ts';
import type { Trend } from '../analysis/trend.ts';
import { configuredLang } from '../config/config.ts';
import type { MessageKey } from '../shared/i18n/catalogue.ts';
import { type Message, msg, say as word } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { printPairs, printTable, say } from './output.ts';

const lang = configuredLang();
/** A message in the CLI's language. */
export const t = (m: Message): string => word(m, lang);
/** A fixed wording (a column head, a yes). */
const w = (key: MessageKey): string => t({ key, params: {} });

/** A share as "12,5 %"; "–" when there is none (no answers: a share of nothing is not 0 %). */
export const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${formatNumber(100 * x, 1)} %`);
const ci = (c: readonly (number | null)[] | null | undefined) =>
  c && c[0] !== null && c[0] !== undefined && c[1] !== null && c[1] !== undefined ? `${pct(c[0])} – ${pct(c[1])}` : '–';
const num = (x: number | null | undefined, decimals: number) => (x === null || x === undefined ? '–' : formatNumber(x, decimals));

/** "= 0,0123" or "< 0,001": the exact value is in the JSON. */
export function pText(p: number | null | undefined): string {
  if (p === null || p === undefined) return '= –';
  return p < 0.001 ? `< ${formatNumber(0.001, 3)}` : `= ${formatNumber(p, 3)}`;
}
const pCell = (p: number | null | undefined) => (p === null || p === undefined ? '–' : pText(p).replace('= ', ''));

type Json = FrequenciesJson;
type TableLike = Partial<Pick<Json, 'n' | 'options' | 'apart' | 'scale' | 'too_few' | 'fpc'>>;
type TestJson = NonNullable<Json['test']>;
type NoTest = NonNullable<Json['no_test']>;
type Fpc = Json['fpc'];

const noTestLine = (reason: NoTest | null | undefined) => (reason ? t(msg('stats.no_test', { reason })) : w('analyze.no_test'));

/** The line under a table or heading when the intervals could not use the finite-population correction. */
function fpcNote(fpc: Fpc | undefined): string | null {
  if (!fpc || fpc.applied || fpc.reason === null || fpc.reason === 'not_requested') return null;
  return t(msg('stats.fpc_not_applied', { reason: fpc.reason, population: fpc.population }));
}

function frequencyTable(table: TableLike, title: string): void {
  say(`${title} N=${table.n ?? 0}${table.too_few ? ` (${w('stats.too_few')})` : ''}`);
  const rows = (os: TableLike['options']) => (os ?? []).map((o) => [o.label, o.count, pct(o.share), ci(o.ci95)]);
  const head = [w('analyze.col_answer'), w('analyze.col_count'), w('analyze.col_share'), w('analyze.col_ci')];
  printTable(head, rows(table.options));
  if (table.apart && table.apart.length > 0) {
    say(w('analyze.apart'));
    printTable(head, rows(table.apart));
  }
  if (table.scale)
    say(
      t(
        msg('analyze.scale', {
          n: table.scale.n,
          mean: num(table.scale.mean, 2),
          top: pct(table.scale.top_two),
          bottom: pct(table.scale.bottom_two),
        }),
      ),
    );
  const note = fpcNote(table.fpc);
  if (note) say(note);
}

/** One test as lines: chi-square with exact and adjusted p, whether significant; Kruskal–Wallis likewise. */
function testLines(test: TestJson | null | undefined, reason: NoTest | null | undefined): string[] {
  if (!test) return [noTestLine(reason)];
  const parts = [t(msg('analyze.chi_square', { statistic: num(test.statistic, 3), df: test.df, p: pText(test.p) }))];
  if (test.p_exact !== null)
    parts.push(
      t(
        msg('analyze.exact_p', {
          p: pText(test.p_exact),
          method: w(test.exact_method === 'fisher' ? 'analyze.method_fisher' : 'analyze.method_monte_carlo'),
        }),
      ),
    );
  if (test.low_expected_share !== null && test.low_expected_share > 0)
    parts.push(t(msg('analyze.low_expected', { share: pct(test.low_expected_share) })));
  if (test.family_size > 1) parts.push(t(msg('analyze.adjusted_p', { p: pText(test.p_adjusted), tests: test.family_size })));
  parts.push(w(test.significant ? 'analyze.significant' : 'analyze.not_significant'));
  const lines = [parts.join('; ')];
  const kw = test.kruskal_wallis;
  if (kw?.no_test) lines.push(`Kruskal–Wallis: ${noTestLine(kw.no_test)}`);
  else if (kw) {
    const k = [t(msg('analyze.kruskal_wallis', { statistic: num(kw.statistic, 3), df: kw.df, p: pText(kw.p) }))];
    if (kw.p_exact !== null)
      k.push(
        t(
          msg('analyze.exact_p', {
            p: pText(kw.p_exact),
            method: w(kw.exact_method === 'exact' ? 'analyze.method_permutation' : 'analyze.method_monte_carlo'),
          }),
        ),
      );
    if (test.family_size > 1 && kw.p_adjusted !== null)
      k.push(t(msg('analyze.adjusted_p', { p: pText(kw.p_adjusted), tests: test.family_size })));
    k.push(w(kw.significant ? 'analyze.significant' : 'analyze.not_significant'));
    lines.push(k.join('; '));
  }
  return lines;
}

/** A table of tests, one row per option or item; the adjusted p is the one `significant` decides on. */
function testTable(first: string, rows: readonly { label: string; test: TestJson | null; noTest?: NoTest | undefined }[]): void {
  const kw = rows.some((r) => r.test?.kruskal_wallis);
  const family = rows.find((r) => r.test)?.test?.family_size ?? 0;
  if (family > 1) say(t(msg('analyze.holm', { tests: family })));
  printTable(
    [
      first,
      w('analyze.col_chi_square'),
      'df',
      'p',
      w('analyze.col_p_exact'),
      w('analyze.col_p_adjusted'),
      ...(kw ? [w('analyze.col_kw')] : []),
      w('analyze.col_significant'),
    ],
    rows.map(({ label, test, noTest }) => {
      if (!test) return [label, '–', '–', '–', '–', '–', ...(kw ? ['–'] : []), noTestLine(noTest)];
      const k = test.kruskal_wallis;
      return [
        label,
        num(test.statistic, 3),
        test.df,
        pCell(test.p),
        pCell(test.p_exact),
        pCell(test.p_adjusted),
        ...(kw ? [k?.no_test ? '–' : pCell(k?.p_exact ?? k?.p)] : []),
        w(test.significant ? 'analyze.yes' : 'analyze.no'),
      ];
    }),
  );
}

/** `analyze frequencies` for a question with options. */
export function printFrequencies(out: Json): void {
  say(
    t(
      msg('analyze.title', {
        question: out.question,
        text: out.text,
        role: out.role,
        year: out.year,
        units: w(out.units === 'bydel' ? 'analyze.units_bydel' : 'analyze.units_kommune'),
      }),
    ),
  );
  if (out.fpc.applied && out.fpc.population !== null) say(t(msg('analyze.fpc_applied', { population: out.fpc.population })));
  const fpc = fpcNote(out.fpc);
  if (fpc) say(fpc);
  if (out.n_range) say(t(msg('analyze.n_range', { min: out.n_range[0], max: out.n_range[1] })));
  say('');
  const items = out.items;
  if (items) for (const i of items) frequencyTable(i, `${i.label} (${i.key})`);
  else frequencyTable(out, w('analyze.all'));
  if (!out.by || !out.groups) return;
  say('');
  say(t(msg('analyze.by', { label: out.by.label, key: out.by.key })));
  if (out.excluded) say(t(msg('analyze.excluded', { n: out.excluded })));
  if (out.min_n) say(t(msg('stats.too_few_note', { minN: out.min_n })));
  const groups = out.groups;
  if (items) {
    // A matrix: each item across the groups, then its test.
    for (const i of items) {
      say(`\n${i.label} (${i.key})`);
      for (const g of groups) {
        const gi = g.items?.find((x) => x.key === i.key);
        if (gi) frequencyTable(gi, g.label);
      }
      const it = out.item_tests?.find((x) => x.key === i.key);
      for (const line of testLines(it?.test, it?.no_test)) say(line);
    }
    if (out.item_tests && out.item_tests.length > 1) {
      say(`\n${w('analyze.item_tests')}`);
      testTable(
        w('analyze.col_item'),
        out.item_tests.map((x) => ({ label: items.find((i) => i.key === x.key)?.label ?? x.key, test: x.test, noTest: x.no_test })),
      );
    }
    return;
  }
  for (const g of groups) {
    say('');
    frequencyTable(g, g.label);
  }
  say('');
  if (out.option_tests) {
    say(w('analyze.option_tests'));
    testTable(
      w('analyze.col_option'),
      out.option_tests.map((x) => ({
        label: out.options?.find((o) => o.code === x.code)?.label ?? String(x.code),
        test: x.test,
        noTest: x.no_test,
      })),
    );
  } else if (out.test !== undefined) for (const line of testLines(out.test, out.no_test)) say(line);
}

/** The JSON of `analyze frequencies` for a number question. */
export function numbersJson(
  base: { year: number; question: string; role: string; text: string; units: string },
  s: NumberSummary,
): Record<string, unknown> {
  return {
    ...base,
    type: 'integer',
    n: s.n,
    mean: s.mean,
    median: s.median,
    quartiles: s.quartiles,
    min: s.min,
    max: s.max,
    sum: s.sum,
    classes: s.classes.map((c) => ({ label: c.label, count: c.count, share: s.n > 0 ? c.share : null })),
  };
}

/** `analyze frequencies` for a number question: N, mean, median, quartiles, sum, min, max and the classes. */
export function printNumbers(
  base: { year: number; question: string; role: string; text: string; units: 'kommune' | 'bydel' },
  s: NumberSummary,
): void {
  say(
    t(
      msg('analyze.title', {
        ...base,
        units: w(base.units === 'bydel' ? 'analyze.units_bydel' : 'analyze.units_kommune'),
      }),
    ),
  );
  say('');
  const value = (x: number | null) => num(x, 2).replace(/,00$/, '');
  printPairs([
    [w('analyze.number_n'), s.n],
    [w('analyze.number_mean'), value(s.mean)],
    [w('analyze.number_median'), value(s.median)],
    [w('analyze.number_quartiles'), s.quartiles ? `${value(s.quartiles[0])} – ${value(s.quartiles[1])}` : '–'],
    [w('analyze.number_sum'), s.n > 0 ? value(s.sum) : '–'],
    [w('analyze.number_min'), value(s.min)],
    [w('analyze.number_max'), value(s.max)],
  ]);
  say('');
  printTable(
    [w('analyze.col_class'), w('analyze.col_count'), w('analyze.col_share')],
    s.classes.map((c) => [c.label, c.count, s.n > 0 ? pct(c.share) : '–']),
  );
}

/** `analyze representativeness`: Table 1. */
export function printRepresentativeness(r: Representativeness): void {
  const roles = Object.keys(r.respondents) as (keyof typeof r.respondents)[];
  const share = (n: number, of: number) => (of > 0 ? formatNumber((100 * n) / of, 1) : '–');
  say(t(msg('analyze.repr_title', { year: r.year, units: w(r.units === 'bydel' ? 'analyze.units_bydel' : 'analyze.units_kommune') })));
  for (const g of r.groupings) {
    say('');
    say(`${g.label} (${g.key})${g.missing > 0 ? `; ${t(msg('analyze.without_value', { n: g.missing }))}` : ''}`);
    printTable(
      [
        w('analyze.col_category'),
        `${w('analyze.col_all')} (${r.population})`,
        '%',
        ...roles.flatMap((role) => [`${role} (${r.respondents[role]})`, '%', w('analyze.col_diff')]),
      ],
      g.categories.map((c) => [
        c.label,
        c.population,
        share(c.population, r.population),
        ...roles.flatMap((role) => [
          c.respondents[role] ?? 0,
          share(c.respondents[role] ?? 0, r.respondents[role] ?? 0),
          num(c.diffPp[role], 1),
        ]),
      ]),
    );
  }
}

/** `analyze trend`. */
export function printTrend(tr: Trend): void {
  say(`${tr.text}: ${tr.labels.join(' / ')} (${tr.role}${tr.fpc ? `, ${w('analyze.trend_fpc')}` : ''})`);
  printTable(
    [w('analyze.col_year'), 'N', w('analyze.col_count'), w('analyze.col_share'), w('analyze.col_ci')],
    tr.years.map((y) => [String(y.year), y.n, y.count, pct(y.share), ci(y.ci95)]),
  );
  if (tr.by) {
    const labels = tr.years[tr.years.length - 1]?.groups?.map((g) => g.label) ?? [];
    say(`\n${t(msg('analyze.trend_by', { label: tr.by.label, year: tr.by.registryYear }))}`);
    printTable(
      [w('analyze.col_year'), ...labels],
      tr.years.map((y) => [
        String(y.year),
        ...labels.map((l) => {
          const g = y.groups?.find((x) => x.label === l);
          return g?.share == null ? `– (N=${g?.n ?? 0})` : `${pct(g.share)} (N=${g.n})`;
        }),
      ]),
    );
  }
  if (tr.excludedOptions.length > 0)
    say(t(msg('analyze.trend_excluded', { list: tr.excludedOptions.map((e) => `${e.label} (${e.years.join(', ')})`).join('; ') })));
}

export { w as word };
