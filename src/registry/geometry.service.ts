/**
 * Shapes of a registry year's counties, municipalities and city districts, for choropleth maps.
 * Importing a GeoJSON file checks every feature against that year's registry, simplifies the
 * shapes together (shared borders stay shared) and replaces the year's shapes of that level, all
 * or nothing. The demo stores generated shapes through `saveGeometry`.
 */
import type * as GeoJSON from 'geojson';
import { z } from 'zod';
import { problemAt } from '../shared/csv.ts';
import { invalid, notFound, ProblemList } from '../shared/errors.ts';
import type { Found } from '../shared/i18n/geometry.ts';
import { isMessage, type Message, msg } from '../shared/i18n/message.ts';
import { depthOver, maxStructuredDepth, syntaxPosition } from '../shared/structured.ts';
import { forbiddenProblem, readUtf8, shorten } from '../shared/text.ts';
import { formatPath, issue, issueMessage } from '../shared/validation.ts';
import type { Store } from '../store/store.ts';
import * as repo from './geometry.repository.ts';
import { codeWidth, defaultTolerance, type GeometryLevel, geometryLevels, type Shape, simplifyShapes, tidyShape } from './geometry.ts';
import { checkYear } from './registry.service.ts';

export type { GeometryLevel, Shape } from './geometry.ts';

/** `name` is the stored name, or the code when none was stored. */
export type PlaceProperties = { code: string; name: string };
/** A level's shapes: one feature per place, `id` and `properties.code` being its number. */
export type PlaceCollection = GeoJSON.FeatureCollection<Shape, PlaceProperties>;

export interface GeometryImportOptions {
  readonly year: number;
  readonly level: GeometryLevel;
  /** The GeoJSON file (bytes must be UTF-8): a FeatureCollection of Polygon and MultiPolygon features. */
  readonly source: string | Uint8Array;
  /** Named in error messages. */
  readonly fileName: string;
  /** The property holding each feature's number (a string or a number; numbers are zero-padded). */
  readonly idField: string;
  /** The property holding each feature's name; without it the registry's names are stored. */
  readonly nameField?: string;
  /** Simplification in km² (see `defaultTolerance`); 0 keeps every point. */
  readonly tolerance?: number;
  /** Leave out features whose number is not in the registry (counted) instead of failing. */
  readonly skipUnknown?: boolean;
  /** Where the shapes come from, shown under maps (e.g. "Kartgrunnlag: Kartverket; befolkning: SSB"). */
  readonly credit?: string;
}

export interface GeometryImportResult {
  readonly year: number;
  readonly level: GeometryLevel;
  readonly features: number;
  /** Features whose number is in the registry (all of them, unless `skipUnknown`). */
  readonly matched: number;
  /** Features left out by `skipUnknown`. */
  readonly skipped: number;
  /** Registry places of the level that got no shape, sorted. */
  readonly withoutShape: readonly string[];
  /** Size of the file, and of the shapes as stored (GeoJSON text). */
  readonly bytesBefore: number;
  readonly bytesAfter: number;
  readonly tolerance: number;
  /** Shapes of (year, level) stored before, now replaced. */
  readonly replaced: number;
}

export interface PlaceShape {
  readonly code: string;
  readonly name: string | null;
  readonly geometry: Shape;
}

export function checkLevel(level: string): GeometryLevel {
  if (!(geometryLevels as readonly string[]).includes(level)) throw invalid(msg('geometry.bad_level', { level: shorten(level) }));
  return level as GeometryLevel;
}

// Our own lengths carry catalogue messages (zod's own "too small" would not say what a ring is).
const position = z.array(z.number()).refine((p) => p.length >= 2, issue(msg('geometry.position_short')));
const ring = z.array(position).refine((r) => r.length >= 4, issue(msg('geometry.ring_short')));
const polygon = z.array(ring).refine((p) => p.length >= 1, issue(msg('geometry.polygon_empty')));
const shapeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);
const featureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullish(),
  geometry: z.unknown(),
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

function firstIssue(error: z.ZodError, prefix: string): Message {
  const first = error.issues[0];
  return first ? issueMessage(first, prefix) : msg('common.invalid_input');
}

/** What a value is, for a message: its GeoJSON type when it has one. */
function kindOf(value: unknown, type?: unknown): Found {
  if (typeof type === 'string') return { type: shorten(type) };
  if (value === null) return { kind: 'null' };
  if (Array.isArray(value)) return { kind: 'array' };
  return typeof value === 'object' ? { kind: 'object' } : { json: shorten(String(JSON.stringify(value))) };
}

/** Checks a geometry: a Polygon or MultiPolygon in longitude/latitude degrees, positions cut to 2D. */
function parseShape(raw: unknown): { shape: Shape } | { problem: Message } {
  const type = (raw as { type?: unknown } | null)?.type;
  if (raw === null || raw === undefined) return { problem: msg('geometry.missing') };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return { problem: msg('geometry.not_polygon', { found: kindOf(raw, type) }) };
  const r = shapeSchema.safeParse(raw);
  if (!r.success) return { problem: firstIssue(r.error, 'geometry') };
  const polygons = r.data.type === 'Polygon' ? [r.data.coordinates] : r.data.coordinates;
  for (const p of polygons.flat(2)) {
    const [lon, lat] = p as [number, number];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return { problem: msg('geometry.not_degrees', { lon, lat }) };
    }
  }
  const flat = (rings: number[][][]) => rings.map((rg) => rg.map((p) => [p[0] as number, p[1] as number]));
  return {
    shape:
      r.data.type === 'Polygon'
        ? { type: 'Polygon', coordinates: flat(r.data.coordinates) }
        : { type: 'MultiPolygon', coordinates: r.data.coordinates.map(flat) },
  };
}

/** A feature's number: numbers and digit strings are zero-padded to the level's width. */
function normaliseCode(raw: unknown, level: GeometryLevel): string | undefined {
  const width = codeWidth[level];
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? String(raw).padStart(width, '0') : undefined;
  if (typeof raw !== 'string') return undefined;
  const s = raw.trim();
  if (s === '') return undefined;
  return /^\d+$/.test(s) ? s.padStart(width, '0') : s;
}

/**
 * One feature's number, name and shape, or what is wrong with it; null for a feature left out
 * because its number is not in the registry (with `skipUnknown`).
 */
function checkFeature(
  raw: unknown,
  options: GeometryImportOptions,
  places: ReadonlyMap<string, string>,
  firstAt: ReadonlyMap<string, number>,
): Omit<ParsedFeature, 'index'> | Message | null {
  const { level, idField, nameField, year } = options;
  const f = featureSchema.safeParse(raw);
  if (!f.success) return firstIssue(f.error, '');
  const props = f.data.properties ?? {};
  const idValue = props[idField];
  if (idValue === undefined || idValue === null) return msg('geometry.property_missing', { name: idField });
  const code = normaliseCode(idValue, level);
  if (code === undefined) return msg('geometry.property_not_code', { name: idField, found: kindOf(idValue), level });
  let name: string | null = places.get(code) ?? null;
  if (nameField !== undefined) {
    const n = props[nameField];
    if (n === undefined || n === null) return msg('geometry.property_missing', { name: nameField });
    if (typeof n !== 'string' && typeof n !== 'number') return msg('geometry.property_not_name', { name: nameField, found: kindOf(n) });
    name = String(n).trim();
  }
  const shape = parseShape(f.data.geometry);
  if ('problem' in shape) return shape.problem;
  const earlier = firstAt.get(code);
  if (earlier !== undefined) return msg('geometry.code_again', { level, code, first: earlier });
  if (!places.has(code)) return options.skipUnknown ? null : msg('geometry.not_in_registry', { level, code, year });
  return { code, name, shape: shape.shape };
}

interface ParsedFeature {
  readonly index: number;
  readonly code: string;
  readonly name: string | null;
  readonly shape: Shape;
}

/** Parses and checks every feature; throws one error naming the first problem (and how many more). */
function parseFeatures(options: GeometryImportOptions, places: ReadonlyMap<string, string>): { features: ParsedFeature[]; total: number } {
  const file = options.fileName;
  const text = readUtf8(options.source, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const at = syntaxPosition(e, text);
    throw invalid(problemAt(file, msg('geometry.not_json', { detail: (e as Error).message.slice(0, 200), ...(at ?? {}) })));
  }
  // GeoJSON nests four levels at most (collection, features, rings, points): deeper is not GeoJSON.
  if (depthOver(json, maxStructuredDepth)) throw invalid(msg('text.too_deep', { file, max: maxStructuredDepth }));
  const bad = forbiddenProblem(json, (p) => formatPath(p));
  if (bad !== undefined) throw invalid(problemAt(file, bad));
  const found = (json as { type?: unknown } | null)?.type;
  if (found !== 'FeatureCollection') throw invalid(problemAt(file, msg('geometry.not_collection', { found: kindOf(json, found) })));
  const collection = collectionSchema.safeParse(json);
  if (!collection.success) throw invalid(problemAt(file, firstIssue(collection.error, '')));

  const problems = new ProblemList();
  const out: ParsedFeature[] = [];
  const firstAt = new Map<string, number>();
  collection.data.features.forEach((raw, i) => {
    const index = i + 1;
    const r = checkFeature(raw, options, places, firstAt);
    if (isMessage(r)) problems.add(problemAt(msg('geometry.feature', { file, index }), r));
    else if (r !== null) {
      firstAt.set(r.code, index);
      out.push({ index, ...r });
    }
  });
  problems.throwIfAny();
  return { features: out, total: collection.data.features.length };
}

/**
 * Imports one level's shapes for a registry year from GeoJSON, replacing that level's shapes of
 * the year in one transaction. Feature numbers in messages count from 1.
 */
export async function importGeometry(store: Store, options: GeometryImportOptions): Promise<GeometryImportResult> {
  const year = checkYear(options.year);
  const level = checkLevel(options.level);
  const tolerance = options.tolerance ?? defaultTolerance[level];
  if (!Number.isFinite(tolerance) || tolerance < 0) throw invalid(msg('geometry.bad_tolerance', { value: String(tolerance) }));
  if (!(await repo.hasRegistry(store.db, year))) throw notFound(msg('geometry.no_registry', { year }));
  const places = await repo.registryPlaces(store.db, year, level);
  const { features, total } = parseFeatures(options, places);

  const simplified = simplifyShapes(
    features.map((f) => f.shape),
    tolerance,
  );
  const problems = new ProblemList();
  const rows: repo.GeometryRow[] = [];
  features.forEach((f, i) => {
    const shape = simplified[i];
    if (shape) rows.push({ code: f.code, name: f.name, geojson: JSON.stringify(shape), credit: options.credit ?? null });
    else
      problems.add(
        problemAt(msg('geometry.feature', { file: options.fileName, index: f.index }), msg('geometry.no_area', { level, code: f.code })),
      );
  });
  problems.throwIfAny();

  const replaced = await store.db.transaction().execute((trx) => repo.replaceGeometry(trx, year, level, rows));
  const shaped = new Set(rows.map((r) => r.code));
  return {
    year,
    level,
    features: total,
    matched: features.length,
    skipped: total - features.length,
    withoutShape: [...places.keys()].filter((c) => !shaped.has(c)).sort(),
    bytesBefore: Buffer.byteLength(options.source),
    bytesAfter: rows.reduce((s, r) => s + Buffer.byteLength(r.geojson), 0),
    tolerance,
    replaced,
  };
}

/**
 * Stores already-made shapes (the demo's) as a level of a registry year, replacing that level's
 * shapes in one transaction. Shapes are tidied as on import (rounded, rings wound for d3-geo) but
 * not simplified.
 */
export async function saveGeometry(
  store: Store,
  year: number,
  level: GeometryLevel,
  features: readonly PlaceShape[],
  credit: string | null = null,
): Promise<{ saved: number; bytes: number }> {
  checkYear(year);
  checkLevel(level);
  const problems = new ProblemList();
  const seen = new Set<string>();
  const rows: repo.GeometryRow[] = [];
  for (const f of features) {
    if (f.code === '') {
      problems.add(msg('geometry.empty_code', { level }));
      continue;
    }
    if (seen.has(f.code)) problems.add(msg('geometry.code_twice', { level, code: f.code }));
    seen.add(f.code);
    const parsed = parseShape(f.geometry);
    if ('problem' in parsed) {
      problems.add(problemAt(`${level} ${f.code}`, parsed.problem));
      continue;
    }
    const shape = tidyShape(parsed.shape);
    if (!shape) problems.add(problemAt(`${level} ${f.code}`, msg('geometry.shape_no_area')));
    else rows.push({ code: f.code, name: f.name, geojson: JSON.stringify(shape), credit });
  }
  problems.throwIfAny();
  await store.db.transaction().execute((trx) => repo.replaceGeometry(trx, year, level, rows));
  return { saved: rows.length, bytes: rows.reduce((s, r) => s + Buffer.byteLength(r.geojson), 0) };
}

/**
 * A level's shapes of a registry year, ordered by code (an empty collection when there are none).
 * Rings wind as d3-geo expects: outer rings clockwise, the reverse of RFC 7946's recommendation.
 */
/** The credit lines of a level's shapes ("Kartgrunnlag: Kartverket; befolkning: SSB"), if any were given. */
export async function geometryCredit(store: Store, year: number, level: GeometryLevel): Promise<string | null> {
  const credits = await repo.geometryCredits(store.db, year, level);
  return credits.length > 0 ? credits.join('; ') : null;
}

export async function loadGeometry(store: Store, year: number, level: GeometryLevel): Promise<PlaceCollection> {
  checkYear(year);
  checkLevel(level);
  const rows = await repo.listGeometry(store.db, year, level);
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.code,
      properties: { code: r.code, name: r.name ?? r.code },
      geometry: JSON.parse(r.geojson) as Shape,
    })),
  };
}
