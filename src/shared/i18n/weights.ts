/**
 * Messages of the weights (analysis/weights.ts): why a role's respondents cannot be weighted, the
 * categories merged because nobody in them answered, raking that did not meet its margins, and
 * the report's note under Table 1 after weighting.
 */
import type { TextTable } from './types.ts';

type Where = { year: number; role: string };
type Summary = {
  role: string;
  method: string;
  groupings: string;
  n: number;
  population: number;
  deff: string;
  neff: string;
  trimmed: number;
  cap: string;
};

export const weightsTexts = {
  'weights.no_respondents': {
    nb: (p: Where) => `ingen har sendt inn skjemaet for ${p.role} i ${p.year}, så det er ingen svar å vekte`,
    nn: (p: Where) => `ingen har sendt inn skjemaet for ${p.role} i ${p.year}, så det er ingen svar å vekte`,
    en: (p: Where) => `nobody has submitted the ${p.year} ${p.role} questionnaire, so there are no answers to weight`,
  },
  'weights.outside_population': {
    nb: (p: Where & { grouping: string; category: string }) =>
      `${p.role}-svar i ${p.year} kommer fra enheter i «${p.category}» (${p.grouping}), men ingen enheter i den kategorien er spurt: vektene kan ikke beregnes`,
    nn: (p: Where & { grouping: string; category: string }) =>
      `${p.role}-svar i ${p.year} kjem frå einingar i «${p.category}» (${p.grouping}), men ingen einingar i den kategorien er spurde: vektene kan ikkje reknast ut`,
    en: (p: Where & { grouping: string; category: string }) =>
      `${p.year} ${p.role} answers come from units in "${p.category}" (${p.grouping}), but no unit of that category was asked: no weights can be computed`,
  },
  'weights.wrong_weighting': {
    nb: (p: { year: number; kind: string; wanted: string }) =>
      `vektene er beregnet for ${p.year} (${p.kind}), men analysen gjelder ${p.wanted}`,
    nn: (p: { year: number; kind: string; wanted: string }) =>
      `vektene er rekna ut for ${p.year} (${p.kind}), men analysen gjeld ${p.wanted}`,
    en: (p: { year: number; kind: string; wanted: string }) =>
      `the weights are for ${p.year} (${p.kind}), but the analysis is of ${p.wanted}`,
  },
  /** A category label for units without the grouping's attribute. */
  'weights.no_value': {
    nb: () => 'uten verdi',
    nn: () => 'utan verdi',
    en: () => 'no value',
  },
  'weights.collapsed': {
    nb: (p: { role: string; grouping: string; categories: string }) =>
      `${p.role}: ${p.categories} (${p.grouping}) er slått sammen fordi ingen i en av dem svarte`,
    nn: (p: { role: string; grouping: string; categories: string }) =>
      `${p.role}: ${p.categories} (${p.grouping}) er slått saman fordi ingen i ei av dei svarte`,
    en: (p: { role: string; grouping: string; categories: string }) =>
      `${p.role}: ${p.categories} (${p.grouping}) merged because nobody in one of them answered`,
  },
  'weights.not_converged': {
    nb: (p: { role: string; pp: string; iterations: number }) =>
      `${p.role}: vektene treffer ikke fordelingen i registeret helt (største avvik ${p.pp} prosentpoeng etter ${p.iterations} runder); taket på vektene kan være for lavt`,
    nn: (p: { role: string; pp: string; iterations: number }) =>
      `${p.role}: vektene treffer ikkje fordelinga i registeret heilt (største avvik ${p.pp} prosentpoeng etter ${p.iterations} rundar); taket på vektene kan vere for lågt`,
    en: (p: { role: string; pp: string; iterations: number }) =>
      `${p.role}: the weights do not quite meet the registry's margins (largest gap ${p.pp} percentage points after ${p.iterations} passes); the cap on the weights may be too low`,
  },
  /** The note under Table 1 after weighting; `deffs` lists the design effect per role. */
  'weights.table_note': {
    nb: (p: { groupings: string; cap: string; deffs: string }) =>
      `Vektet: de som svarte er vektet (raking) slik at de har samme fordeling som alle kommuner på ${p.groupings}${p.cap === '' ? '' : `; ingen vekt er større enn ${p.cap} ganger gjennomsnittsvekten`}. Vektet diff. = vektet andel minus andel blant alle kommuner. Designeffekt: ${p.deffs}.`,
    nn: (p: { groupings: string; cap: string; deffs: string }) =>
      `Vekta: dei som svarte er vekta (raking) slik at dei har same fordeling som alle kommunar på ${p.groupings}${p.cap === '' ? '' : `; ingen vekt er større enn ${p.cap} gonger gjennomsnittsvekta`}. Vekta diff. = vekta del minus del blant alle kommunar. Designeffekt: ${p.deffs}.`,
    en: (p: { groupings: string; cap: string; deffs: string }) =>
      `Weighted: respondents are weighted (raking) to the distribution of all municipalities by ${p.groupings}${p.cap === '' ? '' : `; no weight exceeds ${p.cap} times the mean weight`}. Weighted diff. = weighted share minus share among all municipalities. Design effect: ${p.deffs}.`,
  },
  /** `analyze … --weighted`: one line per role's weights. */
  'weights.cli_summary': {
    nb: (p: Summary) =>
      `${p.role}: vektet (${p.method === 'raking' ? 'raking' : 'poststratifisering'} på ${p.groupings}), ${p.n} svar av ${p.population}; designeffekt ${p.deff}, effektivt antall ${p.neff}${p.cap === '' ? '' : `; ${p.trimmed} ved taket (${p.cap} × snittvekten)`}`,
    nn: (p: Summary) =>
      `${p.role}: vekta (${p.method === 'raking' ? 'raking' : 'poststratifisering'} på ${p.groupings}), ${p.n} svar av ${p.population}; designeffekt ${p.deff}, effektivt tal ${p.neff}${p.cap === '' ? '' : `; ${p.trimmed} ved taket (${p.cap} × snittvekta)`}`,
    en: (p: Summary) =>
      `${p.role}: weighted (${p.method} on ${p.groupings}), ${p.n} answers of ${p.population}; design effect ${p.deff}, effective n ${p.neff}${p.cap === '' ? '' : `; ${p.trimmed} at the cap (${p.cap} × the mean weight)`}`,
  },
  'weights.cli_table_title': {
    nb: () => 'Etter vekting: vektet andel blant dem som svarte, og differansen fra alle enheter i prosentpoeng',
    nn: () => 'Etter vekting: vekta del blant dei som svarte, og differansen frå alle einingar i prosentpoeng',
    en: () => 'After weighting: the weighted share among respondents, and its difference from all units in percentage points',
  },
  'weights.cli_col_category': {
    nb: () => 'kategori',
    nn: () => 'kategori',
    en: () => 'category',
  },
  'weights.cli_col_weighted': {
    nb: () => 'vektet',
    nn: () => 'vekta',
    en: () => 'weighted',
  },
  'weights.cli_col_diff': {
    nb: () => 'vektet diff',
    nn: () => 'vekta diff',
    en: () => 'weighted diff',
  },
} satisfies TextTable;
