/**
 * The command line's own error messages (src/cli): options that do not parse, files that cannot
 * be read or written, and what to run instead. Option names and command lines stay as typed.
 * The CLI prints them in the language of KOMMUNEPULS_LANG (English unless set).
 */
import type { TextTable } from './types.ts';

type Option = { option: string; value: string };
type Rounds = { year: number; rounds: readonly number[] };

export const cliTexts = {
  'cli.no_such_file': {
    nb: (p: { file: string }) => `filen finnes ikke: ${p.file}`,
    nn: (p: { file: string }) => `fila finst ikkje: ${p.file}`,
    en: (p: { file: string }) => `no such file: ${p.file}`,
  },
  /** `detail` is the operating system's own (English) reason. */
  'cli.cannot_read': {
    nb: (p: { file: string; detail: string }) => `kan ikke lese ${p.file}: ${p.detail}`,
    nn: (p: { file: string; detail: string }) => `kan ikkje lese ${p.file}: ${p.detail}`,
    en: (p: { file: string; detail: string }) => `cannot read ${p.file}: ${p.detail}`,
  },
  'cli.cannot_write': {
    nb: (p: { dir: string; detail: string }) => `kan ikke skrive til ${p.dir}: ${p.detail}`,
    nn: (p: { dir: string; detail: string }) => `kan ikkje skrive til ${p.dir}: ${p.detail}`,
    en: (p: { dir: string; detail: string }) => `cannot write to ${p.dir}: ${p.detail}`,
  },
  'cli.not_whole_number': {
    nb: (p: Option) => `--${p.option}: «${p.value}» er ikke et heltall`,
    nn: (p: Option) => `--${p.option}: «${p.value}» er ikkje eit heiltal`,
    en: (p: Option) => `--${p.option}: "${p.value}" is not a whole number`,
  },
  'cli.required': {
    nb: (p: { option: string }) => `--${p.option} må være med`,
    nn: (p: { option: string }) => `--${p.option} må vere med`,
    en: (p: { option: string }) => `--${p.option} is required`,
  },
  /** `known` lists the roles: `kommunedirektor, integreringsansvarlig, skolesjef`. */
  'cli.unknown_role': {
    nb: (p: { value: string; known: string }) => `--role: ukjent rolle «${p.value}» (${p.known})`,
    nn: (p: { value: string; known: string }) => `--role: ukjend rolle «${p.value}» (${p.known})`,
    en: (p: { value: string; known: string }) => `--role: unknown role "${p.value}" (${p.known})`,
  },
  'cli.unknown_format': {
    nb: (p: { value: string; known: string }) => `--format: ukjent format «${p.value}» (${p.known})`,
    nn: (p: { value: string; known: string }) => `--format: ukjent format «${p.value}» (${p.known})`,
    en: (p: { value: string; known: string }) => `--format: unknown format "${p.value}" (${p.known})`,
  },
  'cli.not_user_role': {
    nb: (p: { value: string; known: readonly string[] }) => `--role: «${p.value}» er verken ${p.known.join(' eller ')}`,
    nn: (p: { value: string; known: readonly string[] }) => `--role: «${p.value}» er verken ${p.known.join(' eller ')}`,
    en: (p: { value: string; known: readonly string[] }) => `--role: "${p.value}" is not ${p.known.join(' or ')}`,
  },
  'cli.two_questions': {
    nb: () => '--questions: oppgi nøyaktig to nøkler, for eksempel utfordring,kompetansebehov',
    nn: () => '--questions: gi nøyaktig to nøklar, til dømes utfordring,kompetansebehov',
    en: () => '--questions: give exactly two keys, e.g. utfordring,kompetansebehov',
  },
  'cli.bad_years': {
    nb: (p: { value: string }) => `--years: «${p.value}» er ikke et tidsrom som 2015-2019`,
    nn: (p: { value: string }) => `--years: «${p.value}» er ikkje eit tidsrom som 2015-2019`,
    en: (p: { value: string }) => `--years: "${p.value}" is not a range like 2015-2019`,
  },
  'cli.bad_kind': {
    nb: (p: { value: string }) => `--kind: «${p.value}» er verken invitation eller reminder`,
    nn: (p: { value: string }) => `--kind: «${p.value}» er verken invitation eller reminder`,
    en: (p: { value: string }) => `--kind: "${p.value}" is not invitation or reminder`,
  },
  'cli.bad_tolerance': {
    nb: (p: { value: string }) => `--tolerance: «${p.value}» er ikke et antall km² (0 eller mer)`,
    nn: (p: { value: string }) => `--tolerance: «${p.value}» er ikkje eit tal km² (0 eller meir)`,
    en: (p: { value: string }) => `--tolerance: "${p.value}" is not a number of km² (0 or more)`,
  },
  'cli.template_or_from': {
    nb: () => 'oppgi --template NAVN|MAPPE eller --from ÅR',
    nn: () => 'gi --template NAMN|MAPPE eller --from ÅR',
    en: () => 'give --template NAME|DIR or --from YEAR',
  },
  'cli.no_smtp': {
    nb: () => 'SMTP_URL er ikke satt (for eksempel smtp://127.0.0.1:2525; prøv «kommunepuls outreach capture-smtp»)',
    nn: () => 'SMTP_URL er ikkje sett (til dømes smtp://127.0.0.1:2525; prøv «kommunepuls outreach capture-smtp»)',
    en: () => 'SMTP_URL is not set (e.g. smtp://127.0.0.1:2525; try "kommunepuls outreach capture-smtp")',
  },
  'cli.passwords_differ': {
    nb: () => 'passordene er ulike',
    nn: () => 'passorda er ulike',
    en: () => 'the passwords differ',
  },
  'cli.store_not_empty': {
    nb: () => 'databasen er ikke tom: «kommunepuls demo --reset» erstatter alt i den med demoen',
    nn: () => 'databasen er ikkje tom: «kommunepuls demo --reset» byter ut alt i han med demoen',
    en: () => 'the store is not empty: "kommunepuls demo --reset" replaces everything in it with the demo',
  },
  /** `what` is the refusal (registry.refused). */
  'cli.refused_mapping': {
    nb: (p: { what: string }) => `${p.what}; oppgi --mapping FIL med disse enhetene og kjør på nytt`,
    nn: (p: { what: string }) => `${p.what}; gi --mapping FIL med desse einingane og køyr på nytt`,
    en: (p: { what: string }) => `${p.what}; give --mapping FILE with those units and run again`,
  },
  'cli.needs_yes': {
    nb: (p: Rounds) =>
      `ingenting er endret: registeret for ${p.year} brukes av ${p.rounds.length === 1 ? 'undersøkelsen' : 'undersøkelsene'} ${p.rounds.join(', ')}; kjør på nytt med --yes for å bruke disse endringene`,
    nn: (p: Rounds) =>
      `ingenting er endra: registeret for ${p.year} blir brukt av ${p.rounds.length === 1 ? 'undersøkinga' : 'undersøkingane'} ${p.rounds.join(', ')}; køyr på nytt med --yes for å bruke desse endringane`,
    en: (p: Rounds) =>
      `nothing changed: the ${p.year} registry is used by the round${p.rounds.length === 1 ? '' : 's'} ${p.rounds.join(', ')}; run again with --yes to apply these changes`,
  },
} satisfies TextTable;
