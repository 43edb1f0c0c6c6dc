/**
 * Groupings are data: an attribute with ordered cut points and labels (lower bound inclusive),
 * categories by value, or the county. Classifying a unit is a pure function of the definition and
 * the unit's attributes, so a new grouping needs no code change.
 */
import { z } from 'zod';
import { msg } from '../shared/i18n/message.ts';
import { issue } from '../shared/validation.ts';
import type { Unit } from './registry.types.ts';

// A refinement rather than `.regex`, so the message is ours (zod would name the pattern).
const key = z.string().refine((k) => /^[a-z][a-z0-9_]*$/.test(k), issue(msg('grouping.key_format')));

const cutsGrouping = z
  .object({
    key,
    kind: z.literal('cuts'),
    label: z.string().min(1),
    attribute: key,
    cuts: z.array(z.number()).min(1),
    labels: z.array(z.string().min(1)),
  })
  .strict()
  .superRefine((g, ctx) => {
    for (let i = 1; i < g.cuts.length; i++) {
      if ((g.cuts[i] as number) <= (g.cuts[i - 1] as number)) {
        ctx.addIssue({ code: 'custom', path: ['cuts', i], ...issue(msg('grouping.cuts_increase')) });
      }
    }
    if (g.labels.length !== g.cuts.length + 1) {
      ctx.addIssue({ code: 'custom', path: ['labels'], ...issue(msg('grouping.labels_count', { cuts: g.cuts.length })) });
    }
  });

const valuesGrouping = z
  .object({
    key,
    kind: z.literal('values'),
    label: z.string().min(1),
    attribute: key,
    categories: z.array(z.object({ label: z.string().min(1), values: z.array(z.number()).min(1) }).strict()).min(1),
    /** Label for units that have the attribute but match no category. */
    otherwise: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    const seen = new Set<number>();
    g.categories.forEach((c, i) => {
      for (const v of c.values) {
        if (seen.has(v))
          ctx.addIssue({ code: 'custom', path: ['categories', i, 'values'], ...issue(msg('grouping.value_twice', { value: v })) });
        seen.add(v);
      }
    });
  });

const countyGrouping = z.object({ key, kind: z.literal('county'), label: z.string().min(1) }).strict();

export const groupingSchema = z.discriminatedUnion('kind', [cutsGrouping, valuesGrouping, countyGrouping]);
export type Grouping = z.infer<typeof groupingSchema>;

export interface Category {
  /** Position in the grouping's order (0-based). */
  readonly index: number;
  readonly label: string;
}

/** The unit's category, or null when the unit lacks the attribute (or matches nothing). */
export function classify(g: Grouping, unit: Pick<Unit, 'attributes' | 'countyNumber' | 'countyName'>): Category | null {
  if (g.kind === 'county') return { index: Number(unit.countyNumber), label: unit.countyName };
  const v = unit.attributes[g.attribute];
  if (v === undefined) return null;
  if (g.kind === 'cuts') {
    let i = 0;
    while (i < g.cuts.length && v >= (g.cuts[i] as number)) i++;
    return { index: i, label: g.labels[i] as string };
  }
  const idx = g.categories.findIndex((c) => c.values.includes(v));
  if (idx >= 0) return { index: idx, label: (g.categories[idx] as { label: string }).label };
  return g.otherwise === undefined ? null : { index: g.categories.length, label: g.otherwise };
}

/** The grouping's categories in order; county categories come from the units given. */
export function categories(g: Grouping, units: readonly Pick<Unit, 'countyNumber' | 'countyName'>[] = []): Category[] {
  if (g.kind === 'cuts') return g.labels.map((label, index) => ({ index, label }));
  if (g.kind === 'values') {
    const list = g.categories.map((c, index) => ({ index, label: c.label }));
    return g.otherwise === undefined ? list : [...list, { index: list.length, label: g.otherwise }];
  }
  const counties = new Map<string, string>();
  for (const u of units) counties.set(u.countyNumber, u.countyName);
  return [...counties].sort(([a], [b]) => a.localeCompare(b)).map(([n, label]) => ({ index: Number(n), label }));
}
