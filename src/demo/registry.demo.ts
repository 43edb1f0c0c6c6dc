/**
 * The demo registry: a fictitious country shaped like Norway's 2019 division (422 municipalities
 * in 18 counties, plus the 15 city districts of the capital). Names are invented; the grouped
 * distributions equal exactly the "Alle kommuner" column of the 2019 report's Table 1, so the demo
 * report's representativeness table looks like the real one. Attributes are drawn by rank from
 * latent scores (see ranks.ts): exact class counts, plausible correlations between them. The
 * same draws complete a real division (`referenceRegistry`), and `registryForYear` gives the
 * registries of the years before.
 */
import type { Unit } from '../registry/registry.types.ts';
import { capitalName, nameMaker } from './names.ts';
import { createRandom, type Random } from './random.ts';
import { byLatentDesc, classesByRank, fillByRank, latentScores, logUniformInt, roundShares, zScores } from './ranks.ts';

/** 18 county numbers: 01–20 without 13 and 16, like the 2019 division (which had 50 instead of 16 and 17). */
const countyNumbers = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '14', '15', '17', '18', '19', '20'];
const capitalCounty = '03';
const municipalityCount = 422;
const districtCount = 15;
const countryPopulation = 5_328_000;

/** Table 1, "Alle kommuner", largest class first: the order in which classesByRank fills them. */
const sizeClasses = [
  { count: 16, lo: 50_000, hi: Number.POSITIVE_INFINITY },
  { count: 43, lo: 20_000, hi: 49_999 },
  { count: 54, lo: 10_000, hi: 19_999 },
  { count: 89, lo: 5_000, hi: 9_999 },
  { count: 125, lo: 2_000, hi: 4_999 },
  { count: 95, lo: 190, hi: 1_999 },
] as const;
/** Sentralitet 1 (most central) … 6. */
const centralityCounts = [8, 26, 63, 105, 119, 101];
/** Innvandrerandel: 15 and over, 10–14.9, 5–9.9, under 5 (tenths of a percent). */
const shareClasses = [
  { count: 50, lo: 150, hi: 360 },
  { count: 176, lo: 100, hi: 149 },
  { count: 192, lo: 50, hi: 99 },
  { count: 4, lo: 25, hi: 49 },
] as const;
/** År med bosetting 4, 3, 2, 1, 0 among those that did not settle all five years (201 did). */
const yearsBelowFive = { values: [4, 3, 2, 1, 0], counts: [32, 103, 51, 20, 15] };
/** Of the 95 smallest only 3 settled all five years (report footnote); 201 in all. */
const allFiveYears = { small: 3, other: 198 };
/** Of the 103 with three years, five settled in 2019 (report footnote). */
const settledAmongThreeYears = 5;
const shareWithoutParticipants = 0.2;

interface Draft {
  folketall: number;
  sentralitet: number;
  innvandrerandel: number;
  ar: number;
}

export function demoRegistry(seed = 2019): Unit[] {
  const names = nameMaker(createRandom(seed, 'names'));
  const counties = countyNumbers.map((number) => ({ number, name: number === capitalCounty ? `${capitalName} fylke` : names.county() }));
  const drafts = draftAttributes(createRandom(seed, 'attributes'));
  const numbers = municipalityNumbers(createRandom(seed, 'numbers'));
  const units = municipalityUnits(
    createRandom(seed, 'refugees'),
    drafts,
    drafts.map((_, i) => {
      const number = numbers[i] as string;
      const county = counties.find((c) => number.startsWith(c.number)) as { number: string; name: string };
      return { number, name: i === 0 ? capitalName : names.municipality(), countyNumber: county.number, countyName: county.name };
    }),
  );
  const capital = units[0] as Unit;
  const districts = demoDistricts(createRandom(seed, 'districts'), capital, names.district);
  return [...units, ...districts].sort((a, b) => a.number.localeCompare(b.number));
}

/** A unit of a real division as a reference file gives it: identity and population only. */
export interface ReferenceUnit {
  readonly number: string;
  readonly name: string;
  readonly countyNumber: string;
  readonly countyName: string;
  readonly population: number;
}

/**
 * The registry of a real division (e.g. the 2019 one from the reference boundaries): real numbers,
 * names, counties and populations, with the attributes the reference lacks (centrality, immigrant
 * share, years with settlement, settlement and programme counts) drawn as for the fictitious
 * country, by rank from latent scores driven by the real sizes. `capital` is the municipality
 * whose districts are given (the largest one when absent). Deterministic for a seed.
 */
export function referenceRegistry(
  municipalities: readonly ReferenceUnit[],
  districts: readonly ReferenceUnit[],
  seed = 2019,
  capital?: string,
): Unit[] {
  if (municipalities.length === 0) throw new RangeError('a division needs municipalities');
  const largest = [...municipalities].sort((a, b) => b.population - a.population || a.number.localeCompare(b.number))[0];
  const capitalNumber = capital ?? (largest as ReferenceUnit).number;
  // The capital goes first: the rank draws keep index 0 on top, as in the fictitious country.
  const ordered = [
    ...municipalities.filter((m) => m.number === capitalNumber),
    ...municipalities.filter((m) => m.number !== capitalNumber).sort((a, b) => a.number.localeCompare(b.number)),
  ];
  const drafts = draftsFor(
    createRandom(seed, 'attributes'),
    ordered.map((m) => Math.max(1, Math.round(m.population))),
  );
  const units = municipalityUnits(createRandom(seed, 'refugees'), drafts, ordered);
  const capitalUnit = units[0] as Unit;
  const rng = createRandom(seed, 'districts');
  const parts = [...districts]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((d) => districtUnit(rng, capitalUnit, d.number, d.name, Math.max(1, Math.round(d.population))));
  return [...units, ...parts].sort((a, b) => a.number.localeCompare(b.number));
}

function municipalityUnits(rng: Random, drafts: readonly Draft[], identity: readonly Omit<ReferenceUnit, 'population'>[]): Unit[] {
  const flags = settlementFlags(rng, drafts);
  return drafts.map((d, i) => {
    const id = identity[i] as Omit<ReferenceUnit, 'population'>;
    return {
      number: id.number,
      name: id.name,
      countyNumber: id.countyNumber,
      countyName: id.countyName,
      kind: 'kommune',
      parentNumber: null,
      attributes: { ...baseAttributes(d), ...refugeeAttributes(rng, d, flags.settled[i] === true, flags.noParticipants[i] === true) },
    };
  });
}

/**
 * A year's registry before the base year: the same division, populations (and immigrant shares)
 * a little lower the further back, larger places having grown faster; other attributes as given.
 */
export function registryForYear(units: readonly Unit[], baseYear: number, year: number, seed = 2019): Unit[] {
  const back = baseYear - year;
  if (back <= 0) return [...units];
  const zSize = zScores(units.map((u) => Math.log(Math.max(1, u.attributes.folketall ?? 1))));
  return units.map((u, i) => {
    // A growth rate per unit, the same whichever year is asked for: 0.8 % a year on average.
    const r = createRandom(seed, 'growth', u.number);
    const growth = 0.008 + 0.005 * (zSize[i] as number) + 0.004 * r.normal();
    const shareGrowth = 0.03 + 0.01 * r.normal();
    const { folketall, innvandrerandel } = u.attributes;
    if (folketall === undefined) return u;
    const people = Math.max(100, Math.round(folketall * Math.exp(-growth * back)));
    const share = innvandrerandel === undefined ? undefined : Math.round(10 * innvandrerandel * Math.exp(-shareGrowth * back)) / 10;
    return {
      ...u,
      attributes: {
        ...u.attributes,
        folketall: people,
        ...(share === undefined ? {} : { innvandrerandel: share, innvandrere: Math.round((people * share) / 100) }),
      },
    };
  });
}

/** Size, centrality, immigrant share and years with settlement, index 0 being the capital. */
function draftAttributes(rng: Random): Draft[] {
  const sizeClass = classesByRank(
    latentScores(rng, new Array(municipalityCount).fill(0), 0, [0]),
    sizeClasses.map((c) => c.count),
  );
  return draftsFor(rng, drawPopulations(rng, sizeClass));
}

/**
 * Class counts for `n` units: the report's own for its 422 municipalities, the same proportions
 * for a division of another size.
 */
function countsFor(counts: readonly number[], n: number): number[] {
  return counts.reduce((s, c) => s + c, 0) === n ? [...counts] : roundShares(counts, n);
}

/** Centrality, immigrant share and years with settlement for given populations, index 0 being the capital. */
function draftsFor(rng: Random, folketall: readonly number[]): Draft[] {
  const n = folketall.length;
  const capital = [0];
  const zSize = zScores(folketall.map(Math.log));
  const central = classesByRank(latentScores(rng, zSize, 1.6, capital), countsFor(centralityCounts, n)).map((c) => c + 1);
  const shareLatent = latentScores(rng, zSize, 0.6, capital);
  const shareCounts = countsFor(
    shareClasses.map((c) => c.count),
    n,
  );
  const shareClass = classesByRank(shareLatent, shareCounts);
  const share = new Array<number>(n).fill(0);
  shareClasses.forEach((c, k) => {
    fillByRank(membersOf(shareClass, k), shareLatent, () => rng.int(c.lo, c.hi) / 10, share);
  });
  const years = drawYearsWithSettlement(rng, folketall, zSize);
  return folketall.map((f, i) => ({
    folketall: f,
    sentralitet: central[i] as number,
    innvandrerandel: share[i] as number,
    ar: years[i] as number,
  }));
}

function membersOf(classes: readonly number[], k: number): number[] {
  return classes.flatMap((c, i) => (c === k ? [i] : []));
}

/**
 * Populations within each size class. The 15 largest after the capital take what is left of the
 * country's population, each at least 50 000, shared on a falling curve like real cities.
 */
function drawPopulations(rng: Random, sizeClass: readonly number[]): number[] {
  // Indices are in random order already (the size latent is pure noise), so plain draws will do.
  const out = sizeClass.map((k) => (k === 0 ? 0 : logUniformInt(rng, sizeClasses[k]?.lo ?? 0, sizeClasses[k]?.hi ?? 0)));
  const capitalSize = rng.int(680_000, 700_000);
  const cities = membersOf(sizeClass, 0).filter((i) => i !== 0);
  const rest = countryPopulation - capitalSize - out.reduce((s, x) => s + x, 0);
  const spare = Math.max(0, rest - cities.length * sizeClasses[0].lo);
  const weights = cities.map((_, r) => rng.uniform(0.85, 1.15) / (r + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  cities.forEach((i, r) => {
    out[i] = sizeClasses[0].lo + Math.round((spare * (weights[r] as number)) / total);
  });
  out[0] = capitalSize;
  return out;
}

/**
 * Years with settlement 2015–2019. Larger municipalities are likelier to have settled every year;
 * among the 95 smallest exactly 3 did. The rest get 4…0 years, more years for larger ones.
 */
function drawYearsWithSettlement(rng: Random, folketall: readonly number[], zSize: readonly number[]): number[] {
  const latent = latentScores(rng, zSize, 1.5, [0]);
  const small = folketall.flatMap((f, i) => (f < 2000 ? [i] : []));
  const other = folketall.flatMap((f, i) => (f >= 2000 ? [i] : []));
  const [fiveSmall, fiveOther] = countsFor(
    [allFiveYears.small, allFiveYears.other],
    Math.round((201 * folketall.length) / municipalityCount),
  );
  const five = new Set([...byLatentDesc(small, latent).slice(0, fiveSmall), ...byLatentDesc(other, latent).slice(0, fiveOther)]);
  const out = folketall.map(() => 5);
  const restIdx = folketall.flatMap((_, i) => (five.has(i) ? [] : [i]));
  const restLatent = latentScores(
    rng,
    restIdx.map((i) => zSize[i] as number),
    0.5,
  );
  classesByRank(restLatent, countsFor(yearsBelowFive.counts, restIdx.length)).forEach((cls, k) => {
    out[restIdx[k] as number] = yearsBelowFive.values[cls] as number;
  });
  return out;
}

/** Four-digit numbers: the capital 0301 first, the others spread over the other 17 counties with gaps. */
function municipalityNumbers(rng: Random): string[] {
  const others = countyNumbers.filter((c) => c !== capitalCounty);
  const weights = others.map(() => rng.uniform(0.3, 1.7));
  const perCounty = others.map(() => 8);
  for (let left = municipalityCount - 1 - 8 * others.length; left > 0; left--) {
    const k = rng.weighted(weights.map((w, j) => ((perCounty[j] as number) >= 45 ? 0 : w)));
    perCounty[k] = (perCounty[k] as number) + 1;
  }
  const numbers = [`${capitalCounty}01`];
  others.forEach((county, k) => {
    // Gaps like those mergers leave; at most 45 per county and gaps of 2 stay below 100.
    for (let j = 0, next = 1; j < (perCounty[k] as number); j++, next += rng.bernoulli(0.3) ? 2 : 1) {
      numbers.push(county + String(next).padStart(2, '0'));
    }
  });
  return numbers;
}

function baseAttributes(d: Draft): Record<string, number> {
  return {
    folketall: d.folketall,
    sentralitet: d.sentralitet,
    innvandrerandel: d.innvandrerandel,
    ar_med_bosetting: d.ar,
    innvandrere: Math.round((d.folketall * d.innvandrerandel) / 100),
  };
}

/**
 * Who settled refugees in 2019: all that settled every year, none that never did, and some of the
 * rest (exactly 5 of those with three years, as in the report's footnote). About a fifth, mostly
 * small ones that did not settle in 2019, have no introduction-programme participants.
 */
function settlementFlags(rng: Random, drafts: readonly Draft[]): { settled: boolean[]; noParticipants: boolean[] } {
  const threeYears = drafts.flatMap((d, i) => (d.ar === 3 ? [i] : []));
  const threeSettled = new Set(rng.shuffle(threeYears).slice(0, settledAmongThreeYears));
  const chance = [0, 0.2, 0.15, 0, 0.5, 1];
  const settled = drafts.map((d, i) => (d.ar === 3 ? threeSettled.has(i) : rng.bernoulli(chance[d.ar] ?? 0)));
  const zSize = zScores(drafts.map((d) => Math.log(d.folketall)));
  const latent = drafts.map((d, i) => (settled[i] ? Number.POSITIVE_INFINITY : (zSize[i] as number) + 0.3 * d.ar + 0.6 * rng.normal()));
  const lowestFirst = byLatentDesc(
    drafts.map((_, i) => i),
    latent.map((x) => -x),
  );
  const none = new Set(lowestFirst.slice(0, Math.round(drafts.length * shareWithoutParticipants)));
  return { settled, noParticipants: drafts.map((_, i) => none.has(i)) };
}

/** Refugees settled in 2019 (from reception centres / transfer refugees) and programme participants. */
function refugeeAttributes(rng: Random, d: Draft, settled: boolean, noParticipants: boolean): Record<string, number> {
  const perThousand = d.folketall / 1000;
  const total = settled ? Math.max(2, Math.round(perThousand * rng.uniform(0.5, 1.5))) : 0;
  // Some settle only from reception centres, some only transfer refugees, most both.
  const kind = rng.weighted([0.2, 0.15, 0.65]);
  const transfer = kind === 0 ? 0 : kind === 1 ? total : Math.round(total * rng.uniform(0.2, 0.7));
  const participants = Math.round(perThousand * rng.uniform(1, 3.5) * (0.3 + d.ar / 5));
  return {
    bosatt_mottak: total - transfer,
    bosatt_overforing: transfer,
    deltakere_intro: noParticipants ? 0 : Math.max(1, total, participants),
  };
}

/** The capital's 15 districts: 20 000–60 000 people each, adding up to about the capital's population. */
function demoDistricts(rng: Random, capital: Unit, name: () => string): Unit[] {
  const raw = Array.from({ length: districtCount }, () => rng.uniform(25_000, 60_000));
  const scale = (capital.attributes.folketall ?? 0) / raw.reduce((s, x) => s + x, 0);
  return raw.map((r, k) =>
    districtUnit(
      rng,
      capital,
      `${capital.number}${String(k + 1).padStart(2, '0')}`,
      name(),
      Math.min(60_000, Math.max(20_000, Math.round(r * scale))),
    ),
  );
}

function districtUnit(rng: Random, capital: Unit, number: string, name: string, folketall: number): Unit {
  // Districts have no years-with-settlement attribute; ar 5 only scales their participants.
  const d: Draft = { folketall, sentralitet: 1, innvandrerandel: rng.int(150, 500) / 10, ar: 5 };
  const { ar_med_bosetting: _, ...base } = baseAttributes(d);
  return {
    number,
    name,
    countyNumber: capital.countyNumber,
    countyName: capital.countyName,
    kind: 'bydel',
    parentNumber: capital.number,
    attributes: { ...base, ...refugeeAttributes(rng, d, rng.bernoulli(0.8), false) },
  };
}
