/**
 * Messages of importing a registry year's shapes from GeoJSON (registry/geometry.service.ts).
 * Levels (fylke, kommune, bydel) and GeoJSON type names (Polygon, FeatureCollection) are the
 * words of the file and the command line, so they stay as they are in every language.
 */
import type { Lang, TextTable } from './types.ts';

/** What a JSON value turned out to be: a GeoJSON type, null, an array, an object or another value. */
export type Found = { readonly type: string } | { readonly kind: 'null' | 'array' | 'object' } | { readonly json: string };

const foundWords: Record<Lang, { type: (t: string) => string; null: string; array: string; object: string }> = {
  en: { type: (t) => `a ${t}`, null: 'null', array: 'an array', object: 'an object' },
  nb: { type: (t) => `av typen ${t}`, null: 'null', array: 'en liste', object: 'et objekt' },
  nn: { type: (t) => `av typen ${t}`, null: 'null', array: 'ei liste', object: 'eit objekt' },
};
const found = (f: Found, lang: Lang) => ('type' in f ? foundWords[lang].type(f.type) : 'kind' in f ? foundWords[lang][f.kind] : f.json);

const codeName: Record<'nb' | 'nn', Record<string, string>> = {
  nb: { fylke: 'fylkesnummer', kommune: 'kommunenummer', bydel: 'bydelsnummer' },
  nn: { fylke: 'fylkesnummer', kommune: 'kommunenummer', bydel: 'bydelsnummer' },
};

type Place = { level: string; code: string };
type NotCode = { name: string; found: Found; level: string };

export const geometryTexts = {
  'geometry.bad_level': {
    nb: (p: { level: string }) => `«${p.level}» er ikke et kartnivå: bruk fylke, kommune eller bydel`,
    nn: (p: { level: string }) => `«${p.level}» er ikkje eit kartnivå: bruk fylke, kommune eller bydel`,
    en: (p: { level: string }) => `"${p.level}" is not a geometry level: use fylke, kommune or bydel`,
  },
  'geometry.position_short': {
    nb: () => 'en posisjon må ha lengdegrad og breddegrad',
    nn: () => 'ein posisjon må ha lengdegrad og breiddegrad',
    en: () => 'a position needs a longitude and a latitude',
  },
  'geometry.ring_short': {
    nb: () => 'en ring må ha minst 4 posisjoner',
    nn: () => 'ein ring må ha minst 4 posisjonar',
    en: () => 'a ring needs at least 4 positions',
  },
  'geometry.polygon_empty': {
    nb: () => 'et polygon må ha en ring',
    nn: () => 'eit polygon må ha ein ring',
    en: () => 'a polygon needs a ring',
  },
  'geometry.missing': {
    nb: () => 'geometrien mangler',
    nn: () => 'geometrien manglar',
    en: () => 'geometry is missing',
  },
  'geometry.not_polygon': {
    nb: (p: { found: Found }) => `geometrien er ${found(p.found, 'nb')}; bare Polygon og MultiPolygon er tillatt`,
    nn: (p: { found: Found }) => `geometrien er ${found(p.found, 'nn')}; berre Polygon og MultiPolygon er tillatne`,
    en: (p: { found: Found }) => `geometry is ${found(p.found, 'en')}; only Polygon and MultiPolygon are allowed`,
  },
  'geometry.not_degrees': {
    nb: (p: { lon: number; lat: number }) =>
      `koordinaten [${p.lon}, ${p.lat}] er ikke lengde- og breddegrad i grader: gjør om filen til WGS 84 (EPSG:4326) først`,
    nn: (p: { lon: number; lat: number }) =>
      `koordinaten [${p.lon}, ${p.lat}] er ikkje lengd- og breiddegrad i gradar: gjer om fila til WGS 84 (EPSG:4326) først`,
    en: (p: { lon: number; lat: number }) =>
      `coordinate [${p.lon}, ${p.lat}] is not longitude/latitude in degrees: convert the file to WGS 84 (EPSG:4326) first`,
  },
  'geometry.property_missing': {
    nb: (p: { name: string }) => `egenskapen «${p.name}» mangler`,
    nn: (p: { name: string }) => `eigenskapen «${p.name}» manglar`,
    en: (p: { name: string }) => `property "${p.name}" is missing`,
  },
  'geometry.property_not_code': {
    nb: (p: NotCode) => `egenskapen «${p.name}» er ${found(p.found, 'nb')}, ikke et ${codeName.nb[p.level] ?? `${p.level}snummer`}`,
    nn: (p: NotCode) => `eigenskapen «${p.name}» er ${found(p.found, 'nn')}, ikkje eit ${codeName.nn[p.level] ?? `${p.level}snummer`}`,
    en: (p: NotCode) => `property "${p.name}" is ${found(p.found, 'en')}, not a ${p.level} number`,
  },
  'geometry.property_not_name': {
    nb: (p: { name: string; found: Found }) => `egenskapen «${p.name}» er ${found(p.found, 'nb')}, ikke et navn`,
    nn: (p: { name: string; found: Found }) => `eigenskapen «${p.name}» er ${found(p.found, 'nn')}, ikkje eit namn`,
    en: (p: { name: string; found: Found }) => `property "${p.name}" is ${found(p.found, 'en')}, not a name`,
  },
  'geometry.code_again': {
    nb: (p: Place & { first: number }) => `${p.level} ${p.code} står her igjen (først i objekt ${p.first})`,
    nn: (p: Place & { first: number }) => `${p.level} ${p.code} står her igjen (først i objekt ${p.first})`,
    en: (p: Place & { first: number }) => `${p.level} ${p.code} appears again (first in feature ${p.first})`,
  },
  'geometry.not_in_registry': {
    nb: (p: Place & { year: number }) => `${p.level} ${p.code} er ikke i registeret for ${p.year}`,
    nn: (p: Place & { year: number }) => `${p.level} ${p.code} er ikkje i registeret for ${p.year}`,
    en: (p: Place & { year: number }) => `${p.level} ${p.code} is not in the ${p.year} registry`,
  },
  /** `detail` is the JSON parser's own (English) message: in the English wording only. */
  'geometry.not_json': {
    nb: (p: { detail: string; line?: number; column?: number }) =>
      `ikke gyldig JSON${p.line === undefined ? '' : ` (linje ${p.line}, kolonne ${p.column})`}`,
    nn: (p: { detail: string; line?: number; column?: number }) =>
      `ikkje gyldig JSON${p.line === undefined ? '' : ` (linje ${p.line}, kolonne ${p.column})`}`,
    en: (p: { detail: string; line?: number; column?: number }) => `not valid JSON (${p.detail})`,
  },
  'geometry.not_collection': {
    nb: (p: { found: Found }) => `skulle vært en GeoJSON FeatureCollection, men er ${found(p.found, 'nb')}`,
    nn: (p: { found: Found }) => `skulle vore ein GeoJSON FeatureCollection, men er ${found(p.found, 'nn')}`,
    en: (p: { found: Found }) => `expected a GeoJSON FeatureCollection, found ${found(p.found, 'en')}`,
  },
  /** Where a feature's problem is: `kommune.geojson feature 3` (counted from 1). */
  'geometry.feature': {
    nb: (p: { file: string; index: number }) => `${p.file} objekt ${p.index}`,
    nn: (p: { file: string; index: number }) => `${p.file} objekt ${p.index}`,
    en: (p: { file: string; index: number }) => `${p.file} feature ${p.index}`,
  },
  'geometry.bad_tolerance': {
    nb: (p: { value: string }) => `toleransen «${p.value}» er ikke et antall km² (0 eller mer)`,
    nn: (p: { value: string }) => `toleransen «${p.value}» er ikkje eit tal km² (0 eller meir)`,
    en: (p: { value: string }) => `tolerance "${p.value}" is not a number of km² (0 or more)`,
  },
  'geometry.no_registry': {
    nb: (p: { year: number }) =>
      `det finnes ikke noe register for ${p.year}: importer et med «kommunepuls registry import --year ${p.year} FIL.csv» før kartene`,
    nn: (p: { year: number }) =>
      `det finst ikkje noko register for ${p.year}: importer eit med «kommunepuls registry import --year ${p.year} FIL.csv» før karta`,
    en: (p: { year: number }) =>
      `no registry for ${p.year}: import one with "kommunepuls registry import --year ${p.year} FILE.csv" before its shapes`,
  },
  'geometry.no_area': {
    nb: (p: Place) => `formen til ${p.level} ${p.code} har ikke noe areal`,
    nn: (p: Place) => `forma til ${p.level} ${p.code} har ikkje noko areal`,
    en: (p: Place) => `the shape of ${p.level} ${p.code} has no area`,
  },
  'geometry.empty_code': {
    nb: (p: { level: string }) => `${p.level}-form med tom kode`,
    nn: (p: { level: string }) => `${p.level}-form med tom kode`,
    en: (p: { level: string }) => `${p.level} shape with an empty code`,
  },
  'geometry.code_twice': {
    nb: (p: Place) => `${p.level} ${p.code} står to ganger`,
    nn: (p: Place) => `${p.level} ${p.code} står to gonger`,
    en: (p: Place) => `${p.level} ${p.code} appears twice`,
  },
  'geometry.shape_no_area': {
    nb: () => 'formen har ikke noe areal',
    nn: () => 'forma har ikkje noko areal',
    en: () => 'the shape has no area',
  },
} satisfies TextTable;
