/**
 * The words of the CLI's `analyze …` tables and lines for people (src/cli/analyze.text.ts):
 * column heads, titles, the lines under a table (scale summary, tests) and the few refusals of
 * the command itself. Labels that come from the data (questions, options, categories) and
 * numbers (formatted the Norwegian way) are parameters. Worded in the CLI's language.
 */
import type { TextTable } from './types.ts';

/** A fixed wording per language. */
const plain = (nb: string, nn: string, en: string) => ({ nb: () => nb, nn: () => nn, en: () => en });

type Title = { question: string; text: string; role: string; year: number; units: string };
type Test = { statistic: string; df: number; p: string };
type Scale = { n: number; mean: string; top: string; bottom: string };
export const analyzeTexts = {
  'analyze.units_kommune': plain('kommuner', 'kommunar', 'municipalities'),
  'analyze.units_bydel': plain('bydeler i hovedstaden', 'bydelar i hovudstaden', "the capital's districts"),
  /** The first line of `analyze frequencies`: `samarbeid: Samarbeider kommunen? (kommunedirektor, 2019; municipalities)`. */
  'analyze.title': {
    nb: (p: Title) => `${p.question}: ${p.text} (${p.role}, ${p.year}; ${p.units})`,
    nn: (p: Title) => `${p.question}: ${p.text} (${p.role}, ${p.year}; ${p.units})`,
    en: (p: Title) => `${p.question}: ${p.text} (${p.role}, ${p.year}; ${p.units})`,
  },
  'analyze.fpc_applied': {
    nb: (p: { population: number }) => `Intervallene har endelighetskorreksjon (populasjon ${p.population} enheter).`,
    nn: (p: { population: number }) => `Intervalla har endelegkorreksjon (populasjon ${p.population} einingar).`,
    en: (p: { population: number }) => `The intervals use the finite-population correction (population ${p.population} units).`,
  },
  'analyze.n_range': {
    nb: (p: { min: number; max: number }) => `N per delspørsmål: ${p.min}–${p.max}`,
    nn: (p: { min: number; max: number }) => `N per delspørsmål: ${p.min}–${p.max}`,
    en: (p: { min: number; max: number }) => `N per item: ${p.min}–${p.max}`,
  },
  'analyze.all': plain('Alle', 'Alle', 'All'),
  'analyze.col_answer': plain('svar', 'svar', 'answer'),
  'analyze.col_count': plain('antall', 'tal', 'count'),
  'analyze.col_share': plain('andel', 'del', 'share'),
  'analyze.col_ci': plain('95 % KI', '95 % KI', '95 % CI'),
  'analyze.col_category': plain('kategori', 'kategori', 'category'),
  'analyze.col_all': plain('alle', 'alle', 'all'),
  'analyze.col_diff': plain('diff (pp)', 'diff (pp)', 'diff (pp)'),
  'analyze.col_year': plain('år', 'år', 'year'),
  'analyze.col_county': plain('fylke', 'fylke', 'county'),
  'analyze.col_mean': plain('snitt', 'snitt', 'mean'),
  'analyze.col_option': plain('svaralternativ', 'svaralternativ', 'option'),
  'analyze.col_item': plain('delspørsmål', 'delspørsmål', 'item'),
  'analyze.col_chi_square': plain('kjikvadrat', 'kjikvadrat', 'chi-square'),
  'analyze.col_p_exact': plain('eksakt p', 'eksakt p', 'exact p'),
  'analyze.col_p_adjusted': plain('justert p', 'justert p', 'adjusted p'),
  'analyze.col_kw': plain('Kruskal–Wallis p', 'Kruskal–Wallis p', 'Kruskal–Wallis p'),
  'analyze.col_significant': plain('signifikant', 'signifikant', 'significant'),
  'analyze.col_class': plain('klasse', 'klasse', 'class'),
  'analyze.col_unit': plain('enhet', 'eining', 'unit'),
  'analyze.col_question': plain('spørsmål', 'spørsmål', 'question'),
  'analyze.col_code': plain('kode', 'kode', 'code'),
  'analyze.col_text': plain('tekst', 'tekst', 'text'),
  'analyze.col_recoded_to': plain('omkodet til', 'omkoda til', 'recoded to'),
  'analyze.col_from': plain('fra', 'frå', 'from'),
  'analyze.col_to': plain('til', 'til', 'to'),
  'analyze.col_by': plain('av', 'av', 'by'),
  'analyze.col_at': plain('når', 'når', 'when'),
  'analyze.col_reverted': plain('tilbakeført', 'tilbakeført', 'reverted'),
  'analyze.yes': plain('ja', 'ja', 'yes'),
  'analyze.no': plain('nei', 'nei', 'no'),
  'analyze.apart': plain(
    'Utenfor skalaen (andel av alle som svarte):',
    'Utanfor skalaen (del av alle som svarte):',
    'Outside the scale (share of all who answered):',
  ),
  'analyze.scale': {
    nb: (p: Scale) => `Skala: N=${p.n} (uten svar utenfor skalaen), snitt ${p.mean}, to øverste ${p.top}, to nederste ${p.bottom}`,
    nn: (p: Scale) => `Skala: N=${p.n} (utan svar utanfor skalaen), snitt ${p.mean}, to øvste ${p.top}, to nedste ${p.bottom}`,
    en: (p: Scale) => `Scale: N=${p.n} (answers outside the scale left out), mean ${p.mean}, top two ${p.top}, bottom two ${p.bottom}`,
  },
  'analyze.by': {
    nb: (p: { label: string; key: string }) => `Etter ${p.label} (${p.key})`,
    nn: (p: { label: string; key: string }) => `Etter ${p.label} (${p.key})`,
    en: (p: { label: string; key: string }) => `By ${p.label} (${p.key})`,
  },
  'analyze.excluded': {
    nb: (p: { n: number }) => `${p.n} ${p.n === 1 ? 'enhet' : 'enheter'} uten verdi for grupperingen er utelatt`,
    nn: (p: { n: number }) => `${p.n} ${p.n === 1 ? 'eining' : 'einingar'} utan verdi for grupperinga er utelatne`,
    en: (p: { n: number }) => `${p.n} ${p.n === 1 ? 'unit' : 'units'} without a value for the grouping left out`,
  },
  'analyze.chi_square': {
    nb: (p: Test) => `Pearson kjikvadrat = ${p.statistic}, df = ${p.df}, p ${p.p}`,
    nn: (p: Test) => `Pearson kjikvadrat = ${p.statistic}, df = ${p.df}, p ${p.p}`,
    en: (p: Test) => `Pearson chi-square = ${p.statistic}, df = ${p.df}, p ${p.p}`,
  },
  'analyze.exact_p': {
    nb: (p: { p: string; method: string }) => `eksakt p ${p.p} (${p.method})`,
    nn: (p: { p: string; method: string }) => `eksakt p ${p.p} (${p.method})`,
    en: (p: { p: string; method: string }) => `exact p ${p.p} (${p.method})`,
  },
  'analyze.low_expected': {
    nb: (p: { share: string }) => `${p.share} av de forventede antallene er under 5`,
    nn: (p: { share: string }) => `${p.share} av dei forventa tala er under 5`,
    en: (p: { share: string }) => `${p.share} of the expected counts are below 5`,
  },
  'analyze.adjusted_p': {
    nb: (p: { p: string; tests: number }) => `justert p ${p.p} (Holm, ${p.tests} tester)`,
    nn: (p: { p: string; tests: number }) => `justert p ${p.p} (Holm, ${p.tests} testar)`,
    en: (p: { p: string; tests: number }) => `adjusted p ${p.p} (Holm, ${p.tests} tests)`,
  },
  /** Above a table of tests of one family (the options of a question, the items of a matrix). */
  'analyze.holm': {
    nb: (p: { tests: number }) => `p er justert med Holms metode for de ${p.tests} testene; signifikant betyr justert p under 0,05.`,
    nn: (p: { tests: number }) => `p er justert med Holms metode for dei ${p.tests} testane; signifikant tyder justert p under 0,05.`,
    en: (p: { tests: number }) => `p adjusted with Holm's method over the ${p.tests} tests; significant means adjusted p below 0.05.`,
  },
  'analyze.significant': plain('signifikant', 'signifikant', 'significant'),
  'analyze.not_significant': plain('ikke signifikant', 'ikkje signifikant', 'not significant'),
  'analyze.kruskal_wallis': {
    nb: (p: Test) => `Kruskal–Wallis H = ${p.statistic}, df = ${p.df}, p ${p.p}`,
    nn: (p: Test) => `Kruskal–Wallis H = ${p.statistic}, df = ${p.df}, p ${p.p}`,
    en: (p: Test) => `Kruskal–Wallis H = ${p.statistic}, df = ${p.df}, p ${p.p}`,
  },
  'analyze.no_test': plain(
    'Ingen test: for få grupper eller svaralternativer med svar',
    'Ingen test: for få grupper eller svaralternativ med svar',
    'No test: too few groups or options with answers',
  ),
  'analyze.option_tests': plain(
    'Test per svaralternativ (valgt eller ikke, etter gruppe):',
    'Test per svaralternativ (valt eller ikkje, etter gruppe):',
    'Test per option (chosen or not, by group):',
  ),
  'analyze.item_tests': plain('Test per delspørsmål:', 'Test per delspørsmål:', 'Test per item:'),
  'analyze.method_fisher': plain('Fisher', 'Fisher', 'Fisher'),
  'analyze.method_monte_carlo': plain('Monte Carlo', 'Monte Carlo', 'Monte Carlo'),
  'analyze.method_permutation': plain('eksakt permutasjonstest', 'eksakt permutasjonstest', 'exact permutation test'),
  'analyze.number_n': plain('N (svarte)', 'N (svarte)', 'N (answered)'),
  'analyze.number_mean': plain('gjennomsnitt', 'gjennomsnitt', 'mean'),
  'analyze.number_median': plain('median', 'median', 'median'),
  'analyze.number_quartiles': plain('kvartiler (25 % – 75 %)', 'kvartilar (25 % – 75 %)', 'quartiles (25 % – 75 %)'),
  'analyze.number_sum': plain('sum', 'sum', 'sum'),
  'analyze.number_min': plain('minste', 'minste', 'minimum'),
  'analyze.number_max': plain('største', 'største', 'maximum'),
  'analyze.repr_title': {
    nb: (p: { units: string; year: number }) => `Tabell 1, ${p.year}: ${p.units} og respondenter per kategori og rolle`,
    nn: (p: { units: string; year: number }) => `Tabell 1, ${p.year}: ${p.units} og respondentar per kategori og rolle`,
    en: (p: { units: string; year: number }) => `Table 1, ${p.year}: ${p.units} and respondents per category and role`,
  },
  'analyze.without_value': {
    nb: (p: { n: number }) => `${p.n} uten verdi`,
    nn: (p: { n: number }) => `${p.n} utan verdi`,
    en: (p: { n: number }) => `${p.n} without a value`,
  },
  'analyze.trend_fpc': plain('med endelighetskorreksjon', 'med endelegkorreksjon', 'with the finite-population correction'),
  'analyze.trend_by': {
    nb: (p: { label: string; year: number }) => `Etter ${p.label} (inndelingen i ${p.year}):`,
    nn: (p: { label: string; year: number }) => `Etter ${p.label} (inndelinga i ${p.year}):`,
    en: (p: { label: string; year: number }) => `By ${p.label} (the division of ${p.year}):`,
  },
  'analyze.trend_excluded': {
    nb: (p: { list: string }) => `Utelatt (fantes ikke alle år): ${p.list}`,
    nn: (p: { list: string }) => `Utelate (fanst ikkje alle år): ${p.list}`,
    en: (p: { list: string }) => `Left out (not there every year): ${p.list}`,
  },
  'analyze.spearman': {
    nb: (p: { rho: string; p: string; n: number }) => `Spearman rho = ${p.rho}, p ${p.p} (N=${p.n})`,
    nn: (p: { rho: string; p: string; n: number }) => `Spearman rho = ${p.rho}, p ${p.p} (N=${p.n})`,
    en: (p: { rho: string; p: string; n: number }) => `Spearman rho = ${p.rho}, p ${p.p} (N=${p.n})`,
  },
  'analyze.recode_saved': {
    nb: (p: { id: number }) => `omkoding ${p.id} er lagret`,
    nn: (p: { id: number }) => `omkoding ${p.id} er lagra`,
    en: (p: { id: number }) => `recode ${p.id} saved`,
  },
  'analyze.recode_reverted': {
    nb: (p: { id: number }) => `omkoding ${p.id} er tilbakeført`,
    nn: (p: { id: number }) => `omkoding ${p.id} er tilbakeført`,
    en: (p: { id: number }) => `recode ${p.id} reverted`,
  },
  'analyze.number_no_by': {
    nb: (p: { question: string }) => `--by: «${p.question}» er et tallspørsmål; det brytes ikke ned etter gruppe`,
    nn: (p: { question: string }) => `--by: «${p.question}» er eit talspørsmål; det blir ikkje brote ned etter gruppe`,
    en: (p: { question: string }) => `--by: "${p.question}" is a number question; it is not broken down by group`,
  },
  'analyze.bad_classes': {
    nb: (p: { value: string }) => `--classes: «${p.value}» er ikke øvre grenser som 0,2,5,10`,
    nn: (p: { value: string }) => `--classes: «${p.value}» er ikkje øvre grenser som 0,2,5,10`,
    en: (p: { value: string }) => `--classes: "${p.value}" is not a list of upper bounds like 0,2,5,10`,
  },
} satisfies TextTable;
