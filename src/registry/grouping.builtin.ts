/**
 * The groupings the 2019 report uses (Table 1 and the breakdowns in its text). They are plain
 * data, checked by the same schema as groupings loaded from a file.
 */
import { type Grouping, groupingSchema } from './grouping.ts';

const raw: unknown[] = [
  {
    key: 'storrelse',
    kind: 'cuts',
    label: 'Kommunestørrelse',
    attribute: 'folketall',
    cuts: [2000, 5000, 10000, 20000, 50000],
    labels: ['Under 2 000', '2 000 - 4 999', '5 000 - 9 999', '10 000 - 19 999', '20 000 - 49 999', 'Over 50 000'],
  },
  {
    key: 'storrelse3',
    kind: 'cuts',
    label: 'Kommunestørrelse (tre grupper)',
    attribute: 'folketall',
    cuts: [5000, 20000],
    labels: ['Små (under 5 000)', 'Mellomstore (5 000 - 19 999)', 'Store (20 000 og over)'],
  },
  {
    key: 'sentralitet',
    kind: 'values',
    label: 'Sentralitetsklasse',
    attribute: 'sentralitet',
    categories: [1, 2, 3, 4, 5, 6].map((v) => ({ label: String(v), values: [v] })),
  },
  {
    key: 'innvandrerandel',
    kind: 'cuts',
    label: 'Innvandrerandel (prosent)',
    attribute: 'innvandrerandel',
    cuts: [5, 10, 15],
    labels: ['Under 5', '5 - 9,9', '10 - 14,9', 'Over 15'],
  },
  {
    key: 'ar_med_bosetting',
    kind: 'values',
    label: 'År med bosetting siden 2015',
    attribute: 'ar_med_bosetting',
    categories: [0, 1, 2, 3, 4, 5].map((v) => ({ label: String(v), values: [v] })),
  },
  {
    key: 'bosatt_alle_fem',
    kind: 'values',
    label: 'Bosatt alle de fem siste årene',
    attribute: 'ar_med_bosetting',
    categories: [{ label: 'Ja', values: [5] }],
    otherwise: 'Nei',
  },
  { key: 'fylke', kind: 'county', label: 'Fylke' },
];

export const builtinGroupings: readonly Grouping[] = raw.map((g) => groupingSchema.parse(g));
