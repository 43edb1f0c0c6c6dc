/**
 * Messages of the registry: problems in a registry, mapping or moves CSV (each at a `csv.location`),
 * and why an import or a re-import of a year that rounds use does not go ahead. A round is
 * "undersøkelsen" in Norwegian, as on the admin pages; a mapping between two years is "koblingen".
 * User input in a message is shortened by the caller (text.ts `shorten`) and quoted here.
 */
import type { Lang, TextTable } from './types.ts';

type Value = { value: string };
type Numbers = { number: string; year: number };

/** What a round keeps under a unit number (registry.diff.ts `Attached`), counted. */
export interface AttachedCounts {
  readonly links: number;
  readonly responses: number;
  readonly contacts: number;
  readonly outbox: number;
  readonly followups: number;
}
const attachedWords: Record<Lang, Record<keyof AttachedCounts, [string, string]>> = {
  en: {
    links: ['link', 'links'],
    responses: ['response', 'responses'],
    contacts: ['contact', 'contacts'],
    outbox: ['mail', 'mails'],
    followups: ['follow-up', 'follow-ups'],
  },
  nb: {
    links: ['lenke', 'lenker'],
    responses: ['svar', 'svar'],
    contacts: ['kontaktperson', 'kontaktpersoner'],
    outbox: ['e-post', 'e-poster'],
    followups: ['oppfølging', 'oppfølginger'],
  },
  nn: {
    links: ['lenkje', 'lenkjer'],
    responses: ['svar', 'svar'],
    contacts: ['kontaktperson', 'kontaktpersonar'],
    outbox: ['e-post', 'e-postar'],
    followups: ['oppfølging', 'oppfølgingar'],
  },
};
const kinds: readonly (keyof AttachedCounts)[] = ['links', 'responses', 'contacts', 'outbox', 'followups'];
/** `3 links, 1 response` */
const attached = (lang: Lang) => (p: { attached: AttachedCounts }) =>
  kinds
    .filter((k) => p.attached[k] > 0)
    .map((k) => `${p.attached[k]} ${attachedWords[lang][k][p.attached[k] === 1 ? 0 : 1]}`)
    .join(', ');

const someOf = (list: readonly string[], n: number) => `${list.slice(0, n).join(', ')}${list.length > n ? ', …' : ''}`;
const years = (list: readonly number[]) => list.join(', ');
/** `undersøkelsen 2019`, `undersøkelsene 2019, 2020` */
const roundsNb = (list: readonly number[]) => `${list.length === 1 ? 'undersøkelsen' : 'undersøkelsene'} ${years(list)}`;
const roundsNn = (list: readonly number[]) => `${list.length === 1 ? 'undersøkinga' : 'undersøkingane'} ${years(list)}`;

/** Why a re-import is refused: units that go with something attached, and moves that would merge two responses. */
type Refused = {
  year: number;
  blocked: readonly string[];
  collisions: readonly { readonly from: string; readonly to: string; readonly other: string }[];
};
const refused: Record<Lang, (p: Refused) => string> = {
  en: (p) => {
    const parts = [];
    const n = p.blocked.length;
    const m = p.collisions.length;
    if (n > 0) {
      parts.push(
        `${n} ${n === 1 ? 'unit that goes has' : 'units that go have'} links, responses, contacts or mail in rounds on the ${p.year} registry and no row in a mapping file (fra,til): ${someOf(p.blocked, 5)}`,
      );
    }
    if (m > 0) {
      const items = p.collisions.map((c) => `${c.from} → ${c.to} (${c.other === c.to ? 'own response' : `with ${c.other}`})`);
      parts.push(`${m} ${m === 1 ? 'move gives' : 'moves give'} one unit two responses: ${someOf(items, 3)}`);
    }
    return `nothing changed: ${parts.join('; ')}`;
  },
  nb: (p) => {
    const parts = [];
    const n = p.blocked.length;
    const m = p.collisions.length;
    if (n > 0) {
      parts.push(
        `${n} ${n === 1 ? 'enhet' : 'enheter'} som går ut, har lenker, svar, kontaktpersoner eller e-post i undersøkelser på registeret for ${p.year} og ingen rad i en fil med flyttinger (fra,til): ${someOf(p.blocked, 5)}`,
      );
    }
    if (m > 0) {
      const items = p.collisions.map((c) => `${c.from} → ${c.to} (${c.other === c.to ? 'eget svar' : `med ${c.other}`})`);
      parts.push(`${m} ${m === 1 ? 'flytting' : 'flyttinger'} gir én enhet to svar: ${someOf(items, 3)}`);
    }
    return `ingenting er endret: ${parts.join('; ')}`;
  },
  nn: (p) => {
    const parts = [];
    const n = p.blocked.length;
    const m = p.collisions.length;
    if (n > 0) {
      parts.push(
        `${n} ${n === 1 ? 'eining' : 'einingar'} som går ut, har lenkjer, svar, kontaktpersonar eller e-post i undersøkingar på registeret for ${p.year} og inga rad i ei fil med flyttingar (fra,til): ${someOf(p.blocked, 5)}`,
      );
    }
    if (m > 0) {
      const items = p.collisions.map((c) => `${c.from} → ${c.to} (${c.other === c.to ? 'eige svar' : `med ${c.other}`})`);
      parts.push(`${m} ${m === 1 ? 'flytting' : 'flyttingar'} gir éi eining to svar: ${someOf(items, 3)}`);
    }
    return `ingenting er endra: ${parts.join('; ')}`;
  },
};

type BlockedUnit = { unit: string; attached: AttachedCounts; rounds: readonly number[] };
type Collision = { from: string; to: string; other: string; role: string; round: number };
type Rounds = { year: number; rounds: readonly number[] };

export const registryTexts = {
  'registry.not_a_year': {
    nb: (p: Value) => `«${p.value}» er ikke et årstall`,
    nn: (p: Value) => `«${p.value}» er ikkje eit årstal`,
    en: (p: Value) => `"${p.value}" is not a year`,
  },
  'registry.attribute_too_long': {
    nb: (p: { name: string; max: number }) => `egenskapsnavnet «${p.name}» er lengre enn ${p.max} tegn`,
    nn: (p: { name: string; max: number }) => `eigenskapsnamnet «${p.name}» er lengre enn ${p.max} teikn`,
    en: (p: { name: string; max: number }) => `the attribute name "${p.name}" is longer than ${p.max} characters`,
  },
  'registry.attribute_characters': {
    nb: (p: { name: string }) => `egenskapsnavnet «${p.name}» kan bare ha små bokstaver, sifre og _, og må begynne med en bokstav`,
    nn: (p: { name: string }) => `eigenskapsnamnet «${p.name}» kan berre ha små bokstavar, siffer og _, og må byrje med ein bokstav`,
    en: (p: { name: string }) => `the attribute name "${p.name}" may hold only lower-case letters, digits and _, starting with a letter`,
  },
  'registry.bad_unit_number': {
    nb: (p: Value) => `«${p.value}» er ikke et kommunenummer (4 sifre) eller bydelsnummer (6 sifre)`,
    nn: (p: Value) => `«${p.value}» er ikkje eit kommunenummer (4 siffer) eller bydelsnummer (6 siffer)`,
    en: (p: Value) => `"${p.value}" is not a municipality number (4 digits) or district number (6 digits)`,
  },
  /** `what` is a number or a pair (`0101 → 3001`). */
  'registry.already_on_line': {
    nb: (p: { what: string; line: number }) => `${p.what} står allerede på linje ${p.line}`,
    nn: (p: { what: string; line: number }) => `${p.what} står alt på linje ${p.line}`,
    en: (p: { what: string; line: number }) => `${p.what} already appears on line ${p.line}`,
  },
  'registry.name_empty': {
    nb: () => 'navnet er tomt',
    nn: () => 'namnet er tomt',
    en: () => 'the name is empty',
  },
  'registry.bad_county_number': {
    nb: (p: Value) => `«${p.value}» er ikke et fylkesnummer (2 sifre)`,
    nn: (p: Value) => `«${p.value}» er ikkje eit fylkesnummer (2 siffer)`,
    en: (p: Value) => `"${p.value}" is not a county number (2 digits)`,
  },
  'registry.county_mismatch': {
    nb: (p: { county: string; number: string }) => `${p.county} passer ikke med kommunenummeret ${p.number} (de to første sifrene)`,
    nn: (p: { county: string; number: string }) => `${p.county} passar ikkje med kommunenummeret ${p.number} (dei to første siffera)`,
    en: (p: { county: string; number: string }) => `${p.county} does not match municipality number ${p.number} (its first two digits)`,
  },
  'registry.county_name_empty': {
    nb: () => 'fylkesnavnet er tomt',
    nn: () => 'fylkesnamnet er tomt',
    en: () => 'the county name is empty',
  },
  'registry.county_two_names': {
    nb: (p: { county: string; name: string; line: number }) => `fylke ${p.county} heter «${p.name}» på linje ${p.line}`,
    nn: (p: { county: string; name: string; line: number }) => `fylke ${p.county} heiter «${p.name}» på linje ${p.line}`,
    en: (p: { county: string; name: string; line: number }) => `county ${p.county} is called "${p.name}" on line ${p.line}`,
  },
  'registry.not_a_number': {
    nb: (p: Value) => `«${p.value}» er ikke et tall`,
    nn: (p: Value) => `«${p.value}» er ikkje eit tal`,
    en: (p: Value) => `"${p.value}" is not a number`,
  },
  'registry.district_without_municipality': {
    nb: (p: { district: string; municipality: string }) => `kommunen ${p.municipality}, som bydel ${p.district} hører til, er ikke i filen`,
    nn: (p: { district: string; municipality: string }) =>
      `kommunen ${p.municipality}, som bydel ${p.district} høyrer til, er ikkje i fila`,
    en: (p: { district: string; municipality: string }) => `district ${p.district}'s municipality ${p.municipality} is not in the file`,
  },
  'registry.no_units': {
    nb: () => 'filen har en overskriftslinje, men ingen enheter',
    nn: () => 'fila har ei overskriftslinje, men ingen einingar',
    en: () => 'the file has a header but no units',
  },
  'registry.no_rows': {
    nb: () => 'filen har en overskriftslinje, men ingen rader',
    nn: () => 'fila har ei overskriftslinje, men ingen rader',
    en: () => 'the file has a header but no rows',
  },
  'registry.not_a_unit_number': {
    nb: (p: Value) => `«${p.value}» er ikke et enhetsnummer`,
    nn: (p: Value) => `«${p.value}» er ikkje eit einingsnummer`,
    en: (p: Value) => `"${p.value}" is not a unit number`,
  },
  'registry.not_in_registry': {
    nb: (p: Numbers) => `${p.number} er ikke i registeret for ${p.year}`,
    nn: (p: Numbers) => `${p.number} er ikkje i registeret for ${p.year}`,
    en: (p: Numbers) => `${p.number} is not in the ${p.year} registry`,
  },
  'registry.bad_share': {
    nb: (p: Value) => `«${p.value}» er ikke en andel mellom 0 og 1`,
    nn: (p: Value) => `«${p.value}» er ikkje ein andel mellom 0 og 1`,
    en: (p: Value) => `"${p.value}" is not a share between 0 and 1`,
  },
  'registry.split_shares': {
    nb: (p: { number: string; rows: number }) =>
      `${p.number} er delt i ${p.rows} enheter, så hver rad må ha en andel, og andelene må bli 1 til sammen`,
    nn: (p: { number: string; rows: number }) =>
      `${p.number} er delt i ${p.rows} einingar, så kvar rad må ha ein andel, og andelane må bli 1 til saman`,
    en: (p: { number: string; rows: number }) =>
      `${p.number} is split into ${p.rows} units, so each row needs a share and they must add up to 1`,
  },
  'registry.move_columns': {
    nb: () => 'kolonnene skal være «fra,til» (eller «from,to»): det gamle nummeret og det nye',
    nn: () => 'kolonnane skal vere «fra,til» (eller «from,to»): det gamle nummeret og det nye',
    en: () => 'the columns are "fra,til" (or "from,to"): the old number and the new one',
  },
  'registry.move_still_in_file': {
    nb: (p: { number: string }) => `${p.number} er fortsatt i den nye filen; bare enheter som går ut, kan flyttes`,
    nn: (p: { number: string }) => `${p.number} er framleis i den nye fila; berre einingar som går ut, kan flyttast`,
    en: (p: { number: string }) => `${p.number} is still in the new file; only units that go can move`,
  },
  'registry.move_not_stored': {
    nb: (p: Numbers) => `${p.number} er ikke i det lagrede registeret for ${p.year} eller i undersøkelsene på det`,
    nn: (p: Numbers) => `${p.number} er ikkje i det lagra registeret for ${p.year} eller i undersøkingane på det`,
    en: (p: Numbers) => `${p.number} is not in the stored ${p.year} registry or its rounds`,
  },
  'registry.move_target_missing': {
    nb: (p: { number: string }) => `${p.number} er ikke i den nye filen`,
    nn: (p: { number: string }) => `${p.number} er ikkje i den nye fila`,
    en: (p: { number: string }) => `${p.number} is not in the new file`,
  },
  'registry.move_kind_differs': {
    nb: (p: { from: string; to: string }) => `${p.from} og ${p.to} er ikke samme slags enhet (kommune: 4 sifre, bydel: 6)`,
    nn: (p: { from: string; to: string }) => `${p.from} og ${p.to} er ikkje same slags eining (kommune: 4 siffer, bydel: 6)`,
    en: (p: { from: string; to: string }) => `${p.from} and ${p.to} are not the same kind of unit (municipality: 4 digits, district: 6)`,
  },
  'registry.needs_confirmation': {
    nb: (p: Rounds) => `ingenting er endret: registeret for ${p.year} brukes av ${roundsNb(p.rounds)}, så en ny fil må bekreftes`,
    nn: (p: Rounds) => `ingenting er endra: registeret for ${p.year} blir brukt av ${roundsNn(p.rounds)}, så ei ny fil må stadfestast`,
    en: (p: Rounds) =>
      `nothing changed: the ${p.year} registry is used by the round${p.rounds.length === 1 ? '' : 's'} ${years(p.rounds)}, so a new file needs a confirmation`,
  },
  'registry.changed_since_shown': {
    nb: (p: { year: number }) =>
      `ingenting er endret: registeret for ${p.year} eller undersøkelsene på det er endret siden endringene ble vist; se på dem igjen`,
    nn: (p: { year: number }) =>
      `ingenting er endra: registeret for ${p.year} eller undersøkingane på det er endra sidan endringane vart viste; sjå på dei igjen`,
    en: (p: { year: number }) =>
      `nothing changed: the ${p.year} registry or its rounds changed since the changes were shown; look at them again`,
  },
  /** The one line of a refused re-import; `registry.blocked_unit` and `registry.collision` explain it. */
  'registry.refused': refused,
  /** `unit` is `1514 Sande` (registry.service.ts `unitText`). */
  'registry.blocked_unit': {
    nb: (p: BlockedUnit) => `${p.unit}: ${attached('nb')(p)} (${roundsNb(p.rounds)})`,
    nn: (p: BlockedUnit) => `${p.unit}: ${attached('nn')(p)} (${roundsNn(p.rounds)})`,
    en: (p: BlockedUnit) => `${p.unit}: ${attached('en')(p)} (round ${years(p.rounds)})`,
  },
  'registry.collision': {
    nb: (p: Collision) =>
      `${p.from} → ${p.to}: ${p.other === p.to ? `${p.to} har eget svar` : `${p.other} flyttes dit også, med et svar`} som ${p.role} i undersøkelsen ${p.round}`,
    nn: (p: Collision) =>
      `${p.from} → ${p.to}: ${p.other === p.to ? `${p.to} har eige svar` : `${p.other} blir flytt dit òg, med eit svar`} som ${p.role} i undersøkinga ${p.round}`,
    en: (p: Collision) =>
      `${p.from} → ${p.to}: ${p.other === p.to ? `${p.to} has its own response` : `${p.other} moves there too, with a response`} as ${p.role} in the ${p.round} round`,
  },
  /** `3 links, 1 response` */
  'registry.attached': { nb: attached('nb'), nn: attached('nn'), en: attached('en') },
  'registry.used_by_round': {
    nb: (p: Rounds) => `registeret for ${p.year} brukes av ${roundsNb(p.rounds)}: importer det som en fil i stedet`,
    nn: (p: Rounds) => `registeret for ${p.year} blir brukt av ${roundsNn(p.rounds)}: importer det som ei fil i staden`,
    en: (p: Rounds) => `the ${p.year} registry is used by the round ${years(p.rounds)}: import it as a file instead`,
  },
  'registry.none_for_year': {
    nb: (p: { year: number }) =>
      `det finnes ikke noe register for ${p.year}: importer et med «kommunepuls registry import --year ${p.year} FIL.csv»`,
    nn: (p: { year: number }) =>
      `det finst ikkje noko register for ${p.year}: importer eit med «kommunepuls registry import --year ${p.year} FIL.csv»`,
    en: (p: { year: number }) => `no registry for ${p.year}: import one with "kommunepuls registry import --year ${p.year} FILE.csv"`,
  },
  'registry.no_unit': {
    nb: (p: Numbers) => `registeret for ${p.year} har ingen enhet ${p.number}`,
    nn: (p: Numbers) => `registeret for ${p.year} har inga eining ${p.number}`,
    en: (p: Numbers) => `no unit ${p.number} in the ${p.year} registry`,
  },
  'registry.mapping_same_year': {
    nb: () => 'en kobling går mellom to ulike år',
    nn: () => 'ei kopling går mellom to ulike år',
    en: () => 'a mapping goes between two different years',
  },
  'registry.mapping_needs_registries': {
    nb: (p: { year: number }) => `det finnes ikke noe register for ${p.year}: importer registrene for begge årene før koblingen mellom dem`,
    nn: (p: { year: number }) => `det finst ikkje noko register for ${p.year}: importer registera for begge åra før koplinga mellom dei`,
    en: (p: { year: number }) => `no registry for ${p.year}: import both years' registries before their mapping`,
  },
  'registry.upload_gone': {
    nb: () => 'det finnes ingen slik opplasting som venter: last opp filen på nytt',
    nn: () => 'det finst inga slik opplasting som ventar: last opp fila på nytt',
    en: () => 'no such upload waiting: upload the file again',
  },
  'registry.upload_differs': {
    nb: () => 'ingenting er endret: dette er ikke filen som endringene ble vist for; last den opp på nytt',
    nn: () => 'ingenting er endra: dette er ikkje fila som endringane vart viste for; last ho opp på nytt',
    en: () => 'nothing changed: this is not the file whose changes were shown; upload it again',
  },
} satisfies TextTable;
