/**
 * Table 1 after weighting, as the report shows it: per role the respondents, the difference as
 * counted and the difference after weighting (the respondents' share is left out to keep the
 * table as wide as the unweighted one: it is the population's share plus the difference), and a
 * row with each role's design effect and effective number of respondents; and the note under it
 * saying how the respondents were weighted (from the catalogue, in bokmål as the report is).
 */
import type { Representativeness } from '../analysis/representativeness.ts';
import type { WeightedTable1 } from '../analysis/weights.table.ts';
import { weightsNotes } from '../analysis/weights.ts';
import type { Role } from '../questionnaire/model.ts';
import { type Html, html } from '../shared/html.ts';
import { msg, say } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import { rolePlural } from './figures.ts';
import { percent } from './placeholders.ts';

const roleOrder: Role[] = ['integreringsansvarlig', 'kommunedirektor', 'skolesjef'];
/** Points with one decimal, without a "-0,0" for a rounding residue. */
const round = (v: number) => Math.round(v * 10) / 10 || 0;
const pp = (v: number | undefined) => (v === undefined ? '' : formatNumber(round(v), 1));
const keepNumbers = (label: string) => label.replace(/(\d) (\d)/g, '$1\u00a0$2');

/** The rows of Table 1 with the weighted difference beside the counted one, per role. */
export function weightedRepresentativenessTable(r: Representativeness, w: WeightedTable1): Html {
  const roles = roleOrder.filter((role) => r.respondents[role] !== undefined);
  const num = (v: number | undefined) => html`<td class="num${v !== undefined && round(v) < 0 ? ' neg' : ''}">${pp(v)}</td>`;
  const head = html`<tr><th scope="col" rowspan="2">Egenskap</th><th scope="colgroup" colspan="2" class="num">Alle kommuner</th>${roles.map(
    (role) => html`<th scope="colgroup" colspan="3" class="num">${rolePlural[role]}</th>`,
  )}</tr><tr><th scope="col" class="num">Antall</th><th scope="col" class="num">Andel</th>${roles.map(
    () => html`<th scope="col" class="num">Antall</th><th scope="col" class="num">Diff.</th><th scope="col" class="num">Vektet diff.</th>`,
  )}</tr>`;
  const total = html`<tr class="group"><th scope="row">Antall kommuner</th><td class="num">${formatNumber(r.population)}</td><td class="num">100&nbsp;%</td>${roles.map(
    (role) => html`<td class="num">${formatNumber(r.respondents[role] ?? 0)}</td><td></td><td></td>`,
  )}</tr>`;
  const body = r.groupings.map(
    (g, gi) =>
      html`<tr class="group"><th scope="rowgroup" colspan="${3 + roles.length * 3}">${g.label}</th></tr>${g.categories.map((c, ci) => {
        const x = w.groupings[gi]?.categories[ci];
        return html`<tr><th scope="row">${keepNumbers(c.label)}</th><td class="num">${formatNumber(c.population)}</td><td class="num">${percent(
          r.population > 0 ? c.population / r.population : 0,
        )}</td>${roles.map((role) => {
          return html`<td class="num">${formatNumber(c.respondents[role] ?? 0)}</td>${num(c.diffPp[role])}${num(x?.diffPp[role])}`;
        })}</tr>`;
      })}`,
  );
  const deff = html`<tr class="group"><th scope="row">Designeffekt (effektivt antall)</th><td></td><td></td>${roles.map((role) => {
    const s = w.weights[role];
    return html`<td colspan="3" class="num">${s ? `${formatNumber(s.deff, 2)} (${formatNumber(Math.round(s.nEffective))})` : ''}</td>`;
  })}</tr>`;
  return html`<thead>${head}</thead><tbody>${total}${body}${deff}</tbody>`;
}

/** The note under Table 1 after weighting: the groupings, the cap, the design effects, and what went wrong. */
export function weightedTableNote(w: WeightedTable1): string {
  const summaries = roleOrder.flatMap((role) => (w.weights[role] ? [w.weights[role]] : []));
  const first = summaries[0];
  const labels = (first?.groupings ?? []).map((g) => g.label.toLowerCase());
  const list = (xs: readonly string[]) => (xs.length < 2 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`);
  const deffs = list(summaries.map((s) => `${formatNumber(s.deff, 2)} for ${rolePlural[s.role].toLowerCase()}`));
  const note = say(
    msg('weights.table_note', { groupings: list(labels), cap: first?.cap == null ? '' : formatNumber(first.cap, 0), deffs }),
    'nb',
  );
  return [note, ...summaries.flatMap((s) => weightsNotes(s).map((m) => `${say(m, 'nb')}.`))].join(' ');
}
