/**
 * Shapes for maps, as plain functions: tidying a Polygon/MultiPolygon for storage (coordinates
 * rounded, repeated points and collapsed rings dropped, rings wound the way d3-geo expects) and
 * simplifying a set of neighbouring shapes together through TopoJSON, so that a border two shapes
 * share is simplified once and stays shared (no gaps or slivers between neighbours).
 */
import type * as GeoJSON from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type * as TopoJSON from 'topojson-specification';

export const geometryLevels = ['fylke', 'kommune', 'bydel'] as const;
export type GeometryLevel = (typeof geometryLevels)[number];

export type Shape = GeoJSON.Polygon | GeoJSON.MultiPolygon;

/** Digits of a numeric code per level: county 03, municipality 0301, city district 030101. */
export const codeWidth: Readonly<Record<GeometryLevel, number>> = { fylke: 2, kommune: 4, bydel: 6 };

/**
 * Default simplification per level: a point is dropped when the triangle it forms with its
 * neighbours is smaller than this many km². Counties and municipalities are drawn country-wide
 * (8 km² is about 2 px² on an 800 px tall map of Norway; the 2019 files go from 563 to 156 KB and
 * from 253 to 59 KB); the same value for both keeps county borders on municipal borders. City
 * districts are drawn at city scale, so they keep much finer detail.
 */
export const defaultTolerance: Readonly<Record<GeometryLevel, number>> = { fylke: 8, kommune: 8, bydel: 0.005 };

/** Stored coordinates keep 4 decimals: about 11 m north–south, 5 m east–west in Norway. */
export const coordinateDecimals = 4;

const earthRadiusKm = 6371.0088;
type Ring = GeoJSON.Position[];

function roundTo(x: number, factor: number): number {
  const r = Math.round(x * factor) / factor;
  return r === 0 ? 0 : r; // no -0 in the JSON
}

/** Twice the signed planar area in lon/lat: positive when counter-clockwise. */
function signedArea2(ring: Ring): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const a = ring[i] as GeoJSON.Position;
    const b = ring[i + 1] as GeoJSON.Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum;
}

/** Rounds a ring, drops repeated points and closes it; null when it no longer encloses an area. */
function tidyRing(ring: Ring, factor: number): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const q = [roundTo(p[0] as number, factor), roundTo(p[1] as number, factor)];
    const last = out[out.length - 1];
    if (last && last[0] === q[0] && last[1] === q[1]) continue;
    out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0] as number, first[1] as number]);
  if (out.length < 4 || signedArea2(out) === 0) return null;
  return out;
}

/** Exterior rings clockwise, holes counter-clockwise (in lon/lat with north up). */
function wind(ring: Ring, exterior: boolean): Ring {
  const clockwise = signedArea2(ring) < 0;
  return clockwise === exterior ? ring : [...ring].reverse();
}

/**
 * The shape as stored: coordinates rounded to 4 decimals, repeated points removed, rings that
 * collapse dropped (a polygon whose outer ring collapses goes with its holes), a Polygon when one
 * polygon is left. Rings wind as d3-geo wants them (outer rings clockwise), which is the reverse
 * of RFC 7946's recommendation; d3's geoPath and fitSize then draw them without further ado.
 * Returns null when nothing with an area is left.
 */
export function tidyShape(shape: Shape, decimals = coordinateDecimals): Shape | null {
  const factor = 10 ** decimals;
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const out: Ring[][] = [];
  for (const rings of polygons) {
    const [outer, ...holes] = rings;
    const tidyOuter = outer ? tidyRing(outer, factor) : null;
    if (!tidyOuter) continue;
    const tidyHoles = holes.flatMap((h) => {
      const t = tidyRing(h, factor);
      return t ? [wind(t, false)] : [];
    });
    out.push([wind(tidyOuter, true), ...tidyHoles]);
  }
  if (out.length === 0) return null;
  if (out.length === 1) return { type: 'Polygon', coordinates: out[0] as Ring[] };
  return { type: 'MultiPolygon', coordinates: out };
}

/**
 * Simplifies neighbouring shapes together (Visvalingam on a TopoJSON topology, so shared borders
 * stay shared): a point goes when the triangle it forms with its neighbours covers less than
 * `toleranceKm2` km² on the sphere. Islands smaller than that vanish. Each result is tidied as by
 * `tidyShape`; a shape that would vanish entirely (a small island municipality) keeps its tidied
 * original instead, so every input gives a shape unless it had no area to begin with (null).
 */
export function simplifyShapes(shapes: readonly Shape[], toleranceKm2: number): (Shape | null)[] {
  const collection: GeoJSON.FeatureCollection<Shape> = {
    type: 'FeatureCollection',
    features: shapes.map((geometry) => ({ type: 'Feature', properties: {}, geometry })),
  };
  // The typings give topology() properties that may be null, which presimplify() does not take.
  const topo = topology({ shapes: collection }) as TopoJSON.Topology<TopoJSON.Objects>;
  const weighted = presimplify(topo, (t) => sphericalTriangleArea(t) * earthRadiusKm ** 2);
  const simple = simplify(weighted, toleranceKm2);
  const objects = (simple.objects.shapes as TopoJSON.GeometryCollection).geometries;
  return shapes.map((original, i) => {
    // A Polygon or MultiPolygon object gives a Feature (the typings' overloads cannot tell for a union).
    const simplified = tidyShape((feature(simple, objects[i] as TopoJSON.GeometryObject) as GeoJSON.Feature<Shape>).geometry);
    return simplified ?? tidyShape(original);
  });
}

/** Bytes of the shape as stored (compact JSON, UTF-8). */
export function shapeBytes(shape: Shape): number {
  return Buffer.byteLength(JSON.stringify(shape));
}
