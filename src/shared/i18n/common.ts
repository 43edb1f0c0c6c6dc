/** Messages used by every area: how problems are counted, generic fallbacks per error code. */
import type { TextTable } from './types.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const commonTexts = {
  /** Appended to the first problem when there are more. */
  'common.and_more': {
    nb: (p: { n: number }) => `(og ${p.n} ${plural(p.n, 'problem', 'problemer')} til)`,
    nn: (p: { n: number }) => `(og ${p.n} ${plural(p.n, 'problem', 'problem')} til)`,
    en: (p: { n: number }) => `(and ${p.n} more ${plural(p.n, 'problem', 'problems')})`,
  },
  /** A location and a problem there: `registry.csv line 57, column folketall: …`. */
  'common.at': {
    nb: (p: { where: string; what: string }) => `${p.where}: ${p.what}`,
    nn: (p: { where: string; what: string }) => `${p.where}: ${p.what}`,
    en: (p: { where: string; what: string }) => `${p.where}: ${p.what}`,
  },
  'common.invalid_input': {
    nb: () => 'Det som ble sendt inn, kunne ikke brukes.',
    nn: () => 'Det som vart sendt inn, kunne ikkje brukast.',
    en: () => 'What was sent could not be used.',
  },
  'common.not_found': {
    nb: () => 'Fant ikke det du ba om.',
    nn: () => 'Fann ikkje det du bad om.',
    en: () => 'Not found.',
  },
  'common.conflict': {
    nb: () => 'Det du ba om, passer ikke med det som allerede er lagret.',
    nn: () => 'Det du bad om, passar ikkje med det som alt er lagra.',
    en: () => 'The request clashes with what is stored.',
  },
  'common.forbidden': {
    nb: () => 'Du har ikke tilgang til dette.',
    nn: () => 'Du har ikkje tilgang til dette.',
    en: () => 'Not allowed.',
  },
  'common.config': {
    nb: () => 'Oppsettet av Kommunepuls er ikke i orden.',
    nn: () => 'Oppsettet av Kommunepuls er ikkje i orden.',
    en: () => 'Kommunepuls is not configured correctly.',
  },
} satisfies TextTable;
