/**
 * How the statistics are worded where people read them (report, CLI): p-values ("p < 0,001"
 * rather than "p = 0,000"), why a table has no test, categories withheld for too few answers, the
 * finite-population correction when it was not applied, and the sentence under a figure with a
 * test (raw p, and the Holm-adjusted p when the figure's family has more than one test).
 */
import type { TextTable } from './types.ts';

type Lang3<P> = { nb: (p: P) => string; nn: (p: P) => string; en: (p: P) => string };

/** "0,012" / "0.012": three decimals, the language's decimal sign. */
const three = (p: number, comma: boolean) => {
  const s = (Math.round(p * 1000) / 1000).toFixed(3);
  return comma ? s.replace('.', ',') : s;
};
/** "p < 0,001" below 0.001 (the exact value is in the JSON), else "p = 0,012". */
const pText = (p: number, comma: boolean) => (p < 0.001 ? `p < ${comma ? '0,001' : '0.001'}` : `p = ${three(p, comma)}`);

type Reason = 'no_answers' | 'one_group' | 'all_same';
const reasonNb: Record<Reason, string> = {
  no_answers: 'ingen test: ingen svar',
  one_group: 'ingen test: bare én gruppe har svar',
  all_same: 'ingen test: alle svarte det samme',
};
const reasonNn: Record<Reason, string> = {
  no_answers: 'ingen test: ingen svar',
  one_group: 'ingen test: berre éi gruppe har svar',
  all_same: 'ingen test: alle svarte det same',
};
const reasonEn: Record<Reason, string> = {
  no_answers: 'no test: no answers',
  one_group: 'no test: only one group answered',
  all_same: 'no test: everyone gave the same answer',
};

type Method = 'chi-square' | 'fisher' | 'monte-carlo';
const methodNb: Record<Method, string> = {
  'chi-square': 'kjikvadrattest',
  fisher: 'Fishers eksakte test',
  'monte-carlo': 'eksakt test (simulert)',
};
const methodNn: Record<Method, string> = {
  'chi-square': 'kjikvadrattest',
  fisher: 'Fishers eksakte test',
  'monte-carlo': 'eksakt test (simulert)',
};
const methodEn: Record<Method, string> = {
  'chi-square': 'chi-square test',
  fisher: "Fisher's exact test",
  'monte-carlo': 'exact test (simulated)',
};

type TestNote = {
  /** The grouping, when a figure tests several ("etter kommunestørrelse"). */
  by?: string;
  significant: boolean;
  method: Method;
  p: number;
  pAdjusted: number;
  familySize: number;
};
const adjustedNb = (t: TestNote) => (t.familySize > 1 ? `; justert for ${t.familySize} tester: ${pText(t.pAdjusted, true)}` : '');
const adjustedEn = (t: TestNote) => (t.familySize > 1 ? `; adjusted for ${t.familySize} tests: ${pText(t.pAdjusted, false)}` : '');

type FpcNote = { reason: 'no_population' | 'exceeds_population'; population?: number | null };

export const statsTexts = {
  'stats.p_value': {
    nb: (p: { p: number }) => pText(p.p, true),
    nn: (p: { p: number }) => pText(p.p, true),
    en: (p: { p: number }) => pText(p.p, false),
  } satisfies Lang3<{ p: number }>,
  'stats.no_test': {
    nb: (p: { reason: Reason }) => reasonNb[p.reason],
    nn: (p: { reason: Reason }) => reasonNn[p.reason],
    en: (p: { reason: Reason }) => reasonEn[p.reason],
  } satisfies Lang3<{ reason: Reason }>,
  'stats.too_few': {
    nb: () => 'for få svar',
    nn: () => 'for få svar',
    en: () => 'too few answers',
  },
  'stats.too_few_note': {
    nb: (p: { minN: number }) => `Grupper med færre enn ${p.minN} svar vises som «for få svar».`,
    nn: (p: { minN: number }) => `Grupper med færre enn ${p.minN} svar blir viste som «for få svar».`,
    en: (p: { minN: number }) => `Groups with fewer than ${p.minN} answers are shown as "too few answers".`,
  },
  'stats.too_few_map_note': {
    nb: (p: { minN: number }) => `Fylker med færre enn ${p.minN} svar er skravert som «for få svar».`,
    nn: (p: { minN: number }) => `Fylke med færre enn ${p.minN} svar er skraverte som «for få svar».`,
    en: (p: { minN: number }) => `Counties with fewer than ${p.minN} answers are hatched as "too few answers".`,
  },
  'stats.fpc_not_applied': {
    nb: (p: FpcNote) =>
      p.reason === 'exceeds_population'
        ? `Intervallene er beregnet uten endelighetskorreksjon: flere enheter svarte enn populasjonen (${p.population ?? '–'}) teller.`
        : 'Intervallene er beregnet uten endelighetskorreksjon: populasjonen er ukjent.',
    nn: (p: FpcNote) =>
      p.reason === 'exceeds_population'
        ? `Intervalla er rekna ut utan endelegkorreksjon: fleire einingar svarte enn populasjonen (${p.population ?? '–'}) tel.`
        : 'Intervalla er rekna ut utan endelegkorreksjon: populasjonen er ukjend.',
    en: (p: FpcNote) =>
      p.reason === 'exceeds_population'
        ? `The intervals are without the finite-population correction: more units answered than the population (${p.population ?? '–'}) counts.`
        : 'The intervals are without the finite-population correction: the population is unknown.',
  } satisfies Lang3<FpcNote>,
  'stats.test_note': {
    nb: (t: TestNote) =>
      `Forskjellen mellom gruppene${t.by ? ` etter ${t.by}` : ''} er ${t.significant ? '' : 'ikke '}statistisk signifikant (${methodNb[t.method]}, ${pText(t.p, true)}${adjustedNb(t)}).`,
    nn: (t: TestNote) =>
      `Skilnaden mellom gruppene${t.by ? ` etter ${t.by}` : ''} er ${t.significant ? '' : 'ikkje '}statistisk signifikant (${methodNn[t.method]}, ${pText(t.p, true)}${adjustedNb(t)}).`,
    en: (t: TestNote) =>
      `The difference between the groups${t.by ? ` by ${t.by}` : ''} is ${t.significant ? '' : 'not '}statistically significant (${methodEn[t.method]}, ${pText(t.p, false)}${adjustedEn(t)}).`,
  } satisfies Lang3<TestNote>,
  'stats.no_test_note': {
    nb: (p: { by?: string; reason: Reason }) => `Forskjellen mellom gruppene${p.by ? ` etter ${p.by}` : ''}: ${reasonNb[p.reason]}.`,
    nn: (p: { by?: string; reason: Reason }) => `Skilnaden mellom gruppene${p.by ? ` etter ${p.by}` : ''}: ${reasonNn[p.reason]}.`,
    en: (p: { by?: string; reason: Reason }) => `The difference between the groups${p.by ? ` by ${p.by}` : ''}: ${reasonEn[p.reason]}.`,
  } satisfies Lang3<{ by?: string; reason: Reason }>,
  'stats.options_note': {
    nb: (p: { significant: string; tests: number }) =>
      p.significant === ''
        ? `Ingen av forskjellene mellom gruppene er statistisk signifikante (${p.tests} tester, justert med Holms metode).`
        : `Statistisk signifikante forskjeller mellom gruppene (${p.tests} tester, justert med Holms metode): ${p.significant}.`,
    nn: (p: { significant: string; tests: number }) =>
      p.significant === ''
        ? `Ingen av skilnadene mellom gruppene er statistisk signifikante (${p.tests} testar, justert med Holms metode).`
        : `Statistisk signifikante skilnader mellom gruppene (${p.tests} testar, justert med Holms metode): ${p.significant}.`,
    en: (p: { significant: string; tests: number }) =>
      p.significant === ''
        ? `None of the differences between the groups is statistically significant (${p.tests} tests, Holm-adjusted).`
        : `Statistically significant differences between the groups (${p.tests} tests, Holm-adjusted): ${p.significant}.`,
  },
} satisfies TextTable;
