/**
 * CLI: the text of `analyze … --weighted` beside the usual tables: Table 1 after weighting (the
 * weighted share and its distance from the registry per category and role) and a line per role
 * on the weights (method, design effect, effective n, trimming, merged categories, margins not
 * met). Worded in the CLI's language; the JSON has the same under `weights`.
 */
import type { Representativeness } from '../analysis/representativeness.ts';
import type { WeightedTable1 } from '../analysis/weights.table.ts';
import type { weightsJson } from '../analysis/weights.ts';
import { configuredLang } from '../config/config.ts';
import { type Message, msg, say as word } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { printTable, say } from './output.ts';

const lang = configuredLang();
const t = (m: Message): string => word(m, lang);
const pct = (x: number | undefined) => (x === undefined ? '–' : formatNumber(100 * x, 1));
/** Points with one decimal, without a "-0,0" for a rounding residue. */
const points = (x: number | undefined) => (x === undefined ? '–' : formatNumber(Number(x.toFixed(1)) || 0, 1));

type WeightsJson = ReturnType<typeof weightsJson>;

/** One line per role's weights, then its notes (merged categories, margins not met). */
export function printWeights(weights: readonly WeightsJson[]): void {
  for (const s of weights) {
    say(
      t(
        msg('weights.cli_summary', {
          role: s.role,
          method: s.method,
          groupings: s.groupings.join(', '),
          deff: formatNumber(s.deff, 3),
          neff: formatNumber(s.n_effective, 1),
          n: s.respondents,
          population: s.population,
          trimmed: s.trimmed,
          cap: s.cap === null ? '' : formatNumber(s.cap, 1),
        }),
      ),
    );
    for (const c of s.collapsed ?? [])
      say(t(msg('weights.collapsed', { role: s.role, grouping: c.grouping, categories: c.categories.join(' + ') })));
    if (!s.converged)
      say(t(msg('weights.not_converged', { role: s.role, pp: formatNumber(100 * s.max_margin_error, 2), iterations: s.iterations })));
  }
}

/** Table 1 after weighting, per grouping: all units' share, and per role the weighted share and difference. */
export function printWeightedRepresentativeness(r: Representativeness, w: WeightedTable1, weights: readonly WeightsJson[]): void {
  const roles = weights.map((s) => s.role);
  say('');
  say(t(msg('weights.cli_table_title')));
  r.groupings.forEach((g, gi) => {
    say('');
    say(`${g.label} (${g.key})`);
    printTable(
      [
        t(msg('weights.cli_col_category')),
        '%',
        ...roles.flatMap((role) => [`${role} ${t(msg('weights.cli_col_weighted'))} %`, t(msg('weights.cli_col_diff'))]),
      ],
      g.categories.map((c, ci) => {
        const x = w.groupings[gi]?.categories[ci];
        return [
          c.label,
          pct(r.population > 0 ? c.population / r.population : undefined),
          ...roles.flatMap((role) => [pct(x?.share[role]), points(x?.diffPp[role])]),
        ];
      }),
    );
  });
  say('');
  printWeights(weights);
}
