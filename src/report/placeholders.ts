/**
 * Placeholders in a report's text: `{{rate role=integreringsansvarlig}}` → "55 %". Every number
 * in the prose comes from the same analysis as the figures, so it can never disagree with them.
 * A capital first letter (`{{Anyrole as=words}}`) capitalises the result ("Syv av ti").
 *
 * Names: year, units, responses, rate, anyrole, coverage, share, n, districts, ref.
 * Formats (`as=`): count, percent, words ("syv av ti").
 */
import { wilsonInterval } from '../analysis/breakdown.ts';
import { type Frequencies, frequencies } from '../analysis/frequencies.ts';
import type { Weighting } from '../analysis/weights.ts';
import type { RoundStatus } from '../monitor/monitor.service.ts';
import { type Role, roles } from '../questionnaire/model.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { formatNumber } from '../shared/numbers.ts';
import type { Store } from '../store/store.ts';

const pattern = /\{\{\s*([A-Za-z]+)((?:\s+[a-z]+=[^\s}]+)*)\s*\}\}/g;

const numberWords = ['null', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'åtte', 'ni', 'ti'];

/** A share as "syv av ti" (rounded to tenths, as the report words it). */
export function shareInWords(share: number): string {
  const tenths = Math.round(share * 10);
  return `${numberWords[Math.max(0, Math.min(10, tenths))]} av ti`;
}

/** A share as a whole percentage: "55 %" (no-break space, as Norwegian typesetting wants). */
export function percent(share: number): string {
  return `${formatNumber(Math.round(share * 100))}\u00a0%`;
}

/** A share that may not exist (nobody answered, or too few): "–", never "0 %". */
export function percentOrDash(share: number | null): string {
  return share === null ? '–' : percent(share);
}

export interface PlaceholderContext {
  readonly store: Store;
  readonly year: number;
  readonly status: RoundStatus;
  /** "figur 4" / "tabell 1" by id. */
  readonly refs: ReadonlyMap<string, string>;
  /** Frequencies already computed for this report, by role and question (filled as text needs them). */
  readonly frequencies: Map<string, Promise<Frequencies>>;
  /** A weighted report's weights: shares in the text are then weighted too. */
  readonly weighting?: Weighting;
}

/** A share as asked; "–" when there is no share (nobody answered), in words too. */
function shareAs(share: number | null, as: string | undefined, count?: number): string {
  if (as === 'count' && count !== undefined) return formatNumber(count);
  if (share === null) return '–';
  if (as === 'words') return shareInWords(share);
  return percent(share);
}

/** Resolves placeholders in `text`; `where` names the definition field in errors. */
export async function fillPlaceholders(text: string, ctx: PlaceholderContext, where: string): Promise<string> {
  const freq = (role: Role, question: string) => {
    const key = `${role}/${question}`;
    let p = ctx.frequencies.get(key);
    if (!p) {
      p = frequencies(ctx.store, ctx.year, role, question, wilsonInterval, ctx.weighting ? { weighted: ctx.weighting } : {});
      ctx.frequencies.set(key, p);
    }
    return p;
  };
  const parts: (string | Promise<string>)[] = [];
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    const name = m[1] as string;
    const args = new Map(
      (m[2] ?? '')
        .trim()
        .split(/\s+/)
        .filter((s) => s !== '')
        .map((kv) => {
          const i = kv.indexOf('=');
          return [kv.slice(0, i), kv.slice(i + 1)] as const;
        }),
    );
    const at = { where, placeholder: m[0].slice(2, -2).trim() };
    // A problem of the analysis behind it (an unknown question) is named by its field and placeholder too.
    parts.push(
      resolveOne(name, args, ctx, freq, at).catch((e: unknown) => {
        if (!(e instanceof AppError) || e.problem.key === 'report.in_placeholder') throw e;
        throw new AppError(e.code, msg('report.in_placeholder', { ...at, what: e.problem }), e.more);
      }),
    );
  }
  parts.push(text.slice(last));
  return (await Promise.all(parts)).join('');
}

async function resolveOne(
  rawName: string,
  args: ReadonlyMap<string, string>,
  ctx: PlaceholderContext,
  freq: (role: Role, question: string) => Promise<Frequencies>,
  at: { where: string; placeholder: string },
): Promise<string> {
  /** A problem named by the field and the placeholder it is in. */
  const bad = (what: Message) => invalid(msg('report.in_placeholder', { ...at, what }));
  const capital = rawName[0] !== rawName[0]?.toLowerCase();
  const name = rawName.toLowerCase();
  const arg = (k: string): string => {
    const v = args.get(k);
    if (v === undefined) throw bad(msg('report.placeholder_needs', { name, arg: k }));
    return v;
  };
  const role = (): Role => {
    const r = arg('role');
    if (!(roles as readonly string[]).includes(r)) throw bad(msg('report.placeholder_role', { role: r, roles: roles.join(', ') }));
    return r as Role;
  };
  const as = args.get('as');
  const m = ctx.status.municipalities;
  const out = await (async (): Promise<string> => {
    switch (name) {
      case 'year': {
        // {{year offset=-4}}: a year relative to the round's, so a definition names no year itself.
        const offset = args.get('offset') ?? '0';
        if (!/^[+-]?\d{1,3}$/.test(offset)) throw bad(msg('reportdef.year_offset', { offset }));
        return String(ctx.year + Number(offset));
      }
      case 'units':
        return formatNumber(m.anyRole.units);
      case 'responses':
        return formatNumber(m.roles[role()]?.submitted ?? 0);
      case 'rate':
        return percent(m.roles[role()]?.rate ?? 0);
      case 'anyrole':
        return as === 'words' || as === 'percent' ? shareAs(m.anyRole.share, as) : formatNumber(m.anyRole.submitted);
      case 'districts':
        return formatNumber(ctx.status.districts.roles[role()]?.submitted ?? 0);
      case 'coverage': {
        const c = m.coverage[role()];
        const of = arg('of');
        if (of !== 'population' && of !== 'immigrants') throw bad(msg('report.placeholder_of'));
        return percent(of === 'population' ? (c?.populationShare ?? 0) : (c?.immigrantShare ?? 0));
      }
      case 'n': {
        const f = await freq(role(), arg('question'));
        return formatNumber(f.n);
      }
      case 'share': {
        const f = await freq(role(), arg('question'));
        const codes = arg('codes')
          .split(',')
          .map((c) => Number(c));
        if (codes.some((c) => !Number.isInteger(c))) throw bad(msg('report.placeholder_codes'));
        const item = args.get('item');
        const table = item ? f.items?.find((i) => i.key === item) : f;
        if (!table) throw bad(msg('report.no_item', { question: f.question.key, item: item ?? '' }));
        if (f.items && !item) throw bad(msg('report.matrix_needs_item', { question: f.question.key }));
        const all = [...table.options, ...table.apart];
        const unknown = codes.filter((c) => !all.some((o) => o.code === c));
        if (unknown.length > 0) throw bad(msg('report.no_option', { question: f.question.key, codes: unknown.join(', ') }));
        const count = all.filter((o) => codes.includes(o.code)).reduce((s, o) => s + o.count, 0);
        // Weighted: the sum of the options' weighted shares (same base, N); otherwise counted.
        const weighted =
          f.weights && table.n > 0 ? all.filter((o) => codes.includes(o.code)).reduce((s, o) => s + (o.share ?? 0), 0) : null;
        return shareAs(weighted ?? (table.n > 0 ? count / table.n : null), as, count);
      }
      case 'ref': {
        const id = arg('id');
        const r = ctx.refs.get(id);
        if (!r) throw bad(msg('report.no_ref', { id }));
        return r;
      }
      default:
        throw bad(
          msg('report.unknown_placeholder', {
            name: rawName,
            names: 'year, units, responses, rate, anyrole, coverage, share, n, districts, ref',
          }),
        );
    }
  })();
  return capital ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}
