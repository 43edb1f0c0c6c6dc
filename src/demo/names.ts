/**
 * Invented place names for the demo country. Names are compounds of a stem and an ending, both
 * chosen so that no combination is the name of a real Norwegian municipality, county or city
 * district (checked against the 2019, 2020 and 2024 divisions): demo data must never be mistaken
 * for, or quoted as, a real municipality's answers.
 */
import type { Random } from './random.ts';

const words = (list: string): readonly string[] => list.split(' ');

const stems = words(
  'Bratt Lyng Sol Kvit Ravn Skar Tind Ulv Hegg Bjørk Elv Fjær Hav Kjerr Mose Ospe Rogn Sild Tjern Vid Kleiv Mjøl Trå Hval Stein Myr Rein Falk Hjort Kråke Ørn Teig Ly Blå Kobbe Tare Sæl Rype Mår Gaupe Fure Gyvel Storm Frost Lauv Krok Nyp Tyri',
);
const endings = words(
  'fjell våg mark vidda lia strand bygd heim øy dalen sund nes vik haug ås berg rud stad seter tun voll myr hamn eid sand holm bukt fjord li kjosen botn skog bekk nesset åsen grend',
);
const countyStems = words('Nord Sør Vest Øst Midt Indre Ytre Høg Fjell Hav Dal Skog Lang Vid');
const countyEndings = words('vidda kysten heia dalene skogene bygdene fjordane viddene nesa øyane');
const districtStems = words('Kirke Mølle Torg Bryggen Elve Kvern Smie Tømmer Sag Bakke Lille Store Gamle Nye Øvre Nedre');
const districtEndings = words('løkka haugen hagen jordet kollen byen sletta bakken enga parken');

/** The demo capital: an invented name, kept out of the generated ones. */
export const capitalName = 'Storhavn';

export interface NameMaker {
  municipality(): string;
  /** A county name such as "Nordvidda fylke". */
  county(): string;
  district(): string;
}

/** A maker that never gives the same name twice (across all three kinds). */
export function nameMaker(rng: Random): NameMaker {
  const used = new Set<string>([capitalName]);
  const fresh = (make: () => [string, string]): string => {
    // The name spaces are several times larger than what the demo needs, so this ends quickly.
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const [stem, ending] = make();
      const name = stem + ending;
      // "Myrmyr" or "Vidvidda" would read as a stutter, not a name.
      if (!ending.startsWith(stem.toLowerCase().slice(0, 3)) && !used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('demo names: the name space is exhausted');
  };
  return {
    municipality: () => fresh(() => [rng.pick(stems), rng.pick(endings)]),
    county: () => fresh(() => [rng.pick(countyStems), `${rng.pick(countyEndings)} fylke`]),
    district: () => fresh(() => [rng.pick(districtStems), rng.pick(districtEndings)]),
  };
}
