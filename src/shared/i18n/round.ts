/**
 * Messages about rounds (round/): creating one from a template or an earlier round, its window
 * and reminder days, which units take part, and saving an edited questionnaire under the
 * stable-code rules. The English wording is what the CLI has always printed.
 */
import type { TextTable } from './types.ts';

type Year = { year: number };
type YearRole = { year: number; role: string };

export const roundTexts = {
  'round.not_found': {
    nb: (p: Year) => `det finnes ingen runde for ${p.year}; opprett den med «kommunepuls round create --year ${p.year} --template …»`,
    nn: (p: Year) => `det finst ingen runde for ${p.year}; opprett han med «kommunepuls round create --year ${p.year} --template …»`,
    en: (p: Year) => `no round for ${p.year}: create one with "kommunepuls round create --year ${p.year} --template …"`,
  },
  'round.exists': {
    nb: (p: Year) => `det finnes allerede en runde for ${p.year}`,
    nn: (p: Year) => `det finst alt ein runde for ${p.year}`,
    en: (p: Year) => `a round for ${p.year} exists already`,
  },
  'round.no_questionnaire': {
    nb: (p: YearRole) => `runden for ${p.year} har ikke noe skjema for ${p.role}`,
    nn: (p: YearRole) => `runden for ${p.year} har ikkje noko skjema for ${p.role}`,
    en: (p: YearRole) => `the ${p.year} round has no questionnaire for ${p.role}`,
  },
  /** Also used by the other services that take a unit number and a role (links, follow-ups). */
  'round.unit_not_in_round': {
    nb: (p: YearRole & { unit: string }) => `${p.unit} er ikke med som ${p.role} i runden for ${p.year}`,
    nn: (p: YearRole & { unit: string }) => `${p.unit} er ikkje med som ${p.role} i runden for ${p.year}`,
    en: (p: YearRole & { unit: string }) => `${p.unit} does not take part as ${p.role} in the ${p.year} round`,
  },
  'round.reminder_day': {
    nb: (p: { day: number }) => `«${p.day}» er ikke en purredag (et helt antall dager etter åpning, 1–366)`,
    nn: (p: { day: number }) => `«${p.day}» er ikkje ein purredag (eit heilt tal dagar etter opning, 1–366)`,
    en: (p: { day: number }) => `"${p.day}" is not a reminder day (a whole number of days after opening, 1–366)`,
  },
  /** `label` names where the date came from (`--opens`). */
  'round.not_a_date': {
    nb: (p: { label: string; value: string }) => `${p.label}: «${p.value}» er ikke en dato (ÅÅÅÅ-MM-DD)`,
    nn: (p: { label: string; value: string }) => `${p.label}: «${p.value}» er ikkje ein dato (ÅÅÅÅ-MM-DD)`,
    en: (p: { label: string; value: string }) => `${p.label}: "${p.value}" is not a date (YYYY-MM-DD)`,
  },
  'round.opens_fixed': {
    nb: (p: { opens: string }) =>
      `svarperioden åpnet ${p.opens} og invitasjonene er sendt: åpningsdatoen kan ikke flyttes lenger, bare sluttdatoen`,
    nn: (p: { opens: string }) =>
      `svarperioden opna ${p.opens} og invitasjonane er sende: opningsdatoen kan ikkje flyttast lenger, berre sluttdatoen`,
    en: (p: { opens: string }) => `the window opened on ${p.opens} and the invitations have gone out: only the closing date can change now`,
  },
  'round.closes_passed': {
    nb: (p: { closes: string; today: string }) =>
      `ny sluttdato ${p.closes} er allerede passert (i dag er ${p.today}); velg i dag eller senere`,
    nn: (p: { closes: string; today: string }) => `ny sluttdato ${p.closes} er alt passert (i dag er ${p.today}); vel i dag eller seinare`,
    en: (p: { closes: string; today: string }) =>
      `the new closing date ${p.closes} has passed (today is ${p.today}); choose today or later`,
  },
  'round.closes_before_opens': {
    nb: (p: { opens: string; closes: string }) => `svarperioden slutter (${p.closes}) før den åpner (${p.opens})`,
    nn: (p: { opens: string; closes: string }) => `svarperioden sluttar (${p.closes}) før han opnar (${p.opens})`,
    en: (p: { opens: string; closes: string }) => `the window closes (${p.closes}) before it opens (${p.opens})`,
  },
  'round.copy_not_later': {
    nb: (p: { year: number; from: number }) => `den nye runden (${p.year}) må komme etter ${p.from}`,
    nn: (p: { year: number; from: number }) => `den nye runden (${p.year}) må kome etter ${p.from}`,
    en: (p: { year: number; from: number }) => `the new round (${p.year}) must come after ${p.from}`,
  },
  'round.no_registry': {
    nb: (p: Year) => `det finnes ikke noe register for ${p.year}; importer det først`,
    nn: (p: Year) => `det finst ikkje noko register for ${p.year}; importer det først`,
    en: (p: Year) => `no registry for ${p.year}: import it first`,
  },
  'round.wrong_role_file': {
    nb: (p: { fileRole: string; role: string }) => `filen er skjemaet for ${p.fileRole}, ikke for ${p.role}; ingenting er endret`,
    nn: (p: { fileRole: string; role: string }) => `fila er skjemaet for ${p.fileRole}, ikkje for ${p.role}; ingenting er endra`,
    en: (p: { fileRole: string; role: string }) => `the file is the ${p.fileRole} questionnaire, not ${p.role}: nothing changed`,
  },
  /** `changes` lists the structural changes (questionnaire.change_listed, joined by questionnaire.list_next). */
  'round.structure_frozen': {
    nb: (p: { year: number; opens: string; changes: string }) =>
      `svarperioden for ${p.year} åpnet ${p.opens}, så nå kan bare ordlyden endres, ikke strukturen: ${p.changes}`,
    nn: (p: { year: number; opens: string; changes: string }) =>
      `svarperioden for ${p.year} opna ${p.opens}, så no kan berre ordlyden endrast, ikkje strukturen: ${p.changes}`,
    en: (p: { year: number; opens: string; changes: string }) =>
      `the ${p.year} window opened on ${p.opens}: only wording can change now, not ${p.changes}`,
  },
} satisfies TextTable;
