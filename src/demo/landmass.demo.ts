/**
 * The demo country's land as a mesh of cells: a Norway-like outline (longitude/latitude, 58–71° N)
 * covered by pointy-top hexagons with jittered corners, eroded along the coast, kept to its largest
 * connected piece. Neighbouring cells share corner keys, so unions of cells (TopoJSON merge) meet
 * exactly. `shapes.demo.ts` grows counties, municipalities and districts on it.
 */

import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type * as TopoJSON from 'topojson-specification';
import { type Shape, tidyShape } from '../registry/geometry.ts';
import { createRandom } from './random.ts';

/** The landmass, counter-clockwise from the southern tip: south coast, the eastern border, the north coast, the west coast. */
// biome-ignore format: a list of points reads better eight to a line
const outline: readonly (readonly [number, number])[] = [
  [7.05, 57.98], [7.6, 58.05], [8.0, 58.1], [8.6, 58.35], [9.2, 58.7], [9.7, 59.0], [10.2, 59.0],
  // the capital's fjord
  [10.45, 59.3], [10.6, 59.8], [10.75, 59.9], [10.78, 59.65], [10.85, 59.3], [11.0, 59.05], [11.45, 59.0], [11.8, 59.8],
  [12.5, 60.2], [12.6, 61.0], [12.2, 61.6], [12.4, 62.3], [12.1, 63.0], [12.2, 63.5], [13.9, 64.2], [14.1, 65.0],
  [14.6, 65.8], [15.5, 66.2], [16.3, 67.0], [16.5, 67.6], [17.9, 68.0], [18.2, 68.5], [19.9, 68.4], [20.55, 69.06],
  [21.6, 69.3], [22.4, 68.7], [23.6, 68.7], [24.9, 68.6], [25.7, 69.0], [25.9, 69.6], [27.0, 69.9], [27.9, 70.05],
  [28.4, 69.8], [28.9, 69.05], [29.4, 69.3], [30.1, 69.6], [30.8, 69.78],
  // a fjord in the north-east
  [29.8, 69.9], [28.7, 70.1], [29.6, 70.25], [31.1, 70.37], [30.4, 70.7], [29.0, 70.9], [27.7, 71.1], [26.5, 70.9],
  [25.8, 71.15], [24.5, 70.95], [23.7, 70.7], [22.5, 70.4], [21.0, 70.25], [19.8, 70.1], [18.9, 69.8], [17.5, 69.6],
  [16.0, 69.3], [14.9, 68.9],
  // a long, narrow arm reaching out to sea
  [13.0, 68.05], [12.9, 67.85], [14.0, 68.1], [15.3, 68.2], [14.4, 67.3], [13.4, 66.7], [12.6, 66.0], [12.2, 65.4],
  [11.5, 65.0], [10.7, 64.5], [10.0, 64.1], [9.6, 63.9], [8.7, 63.6], [7.9, 63.2], [7.0, 62.9], [6.2, 62.6],
  [5.2, 62.2], [4.9, 61.8], [4.9, 61.1], [5.0, 60.4], [5.2, 59.6], [5.5, 58.9], [5.6, 58.6], [6.0, 58.35],
  [6.6, 58.1],
];

/** Hexagon circumradius in km: about 3 700 cells of 94 km², 8 or 9 per municipality. */
export const hexSize = 6;
/** Chance that an exposed coastal hexagon is bitten off. */
const coastBites = 0.3;
/** Corners move up to this share of the hexagon's size, each way. */
const cornerJitter = 0.3;
/** Local projection around 64° N, 15° E: km east and north. */
const lat0 = 64;
const lon0 = 15;
const kmPerDegreeLat = 110.57;
const kmPerDegreeLon = 111.32;

export type Km = readonly [number, number];

function toLonLat([x, y]: Km): [number, number] {
  const lat = lat0 + y / kmPerDegreeLat;
  const lon = lon0 + x / (kmPerDegreeLon * Math.cos((lat * Math.PI) / 180));
  // Rounded as stored, so that every cell using a corner has exactly the same coordinates.
  return [Math.round(lon * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
}

export function toKm([lon, lat]: readonly [number, number]): Km {
  return [(lon - lon0) * kmPerDegreeLon * Math.cos((lat * Math.PI) / 180), (lat - lat0) * kmPerDegreeLat];
}

function inside([x, y]: readonly [number, number], ring: readonly (readonly [number, number])[]): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

export const distance = (a: Km, b: Km) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** A patch of land: its corners (keys into the mesh's corner table) in order, and its centre in km. */
export interface Cell {
  readonly corners: readonly string[];
  readonly center: Km;
}

/** Cells with shared corners: corner positions are looked up by key, so neighbours agree exactly. */
export class Mesh {
  readonly cells: Cell[] = [];
  private neighbourList: number[][] | null = null;
  private topo: { topology: TopoJSON.Topology; polygons: TopoJSON.Polygon[] } | null = null;

  /** Corner positions (longitude/latitude) by key; meshes may share them. */
  constructor(private readonly corners = new Map<string, [number, number]>()) {}

  /** The key of a corner, placing it at `position()` the first time it is seen. */
  corner(key: string, position: () => Km): string {
    if (!this.corners.has(key)) this.corners.set(key, toLonLat(position()));
    return key;
  }

  cornerAt(key: string): [number, number] {
    const p = this.corners.get(key);
    if (!p) throw new Error(`no corner ${key}`);
    return p;
  }

  add(cell: Cell): void {
    this.cells.push(cell);
    this.neighbourList = null;
    this.topo = null;
  }

  /** A copy with only the cells of `keep`, in that order. */
  subset(keep: readonly number[]): Mesh {
    const out = new Mesh(this.corners);
    for (const i of keep) out.add(this.cells[i] as Cell);
    return out;
  }

  /** Cells sharing an edge. */
  neighbours(): number[][] {
    if (this.neighbourList) return this.neighbourList;
    const byEdge = new Map<string, number[]>();
    this.cells.forEach((c, i) => {
      c.corners.forEach((a, k) => {
        const b = c.corners[(k + 1) % c.corners.length] as string;
        const edge = a < b ? `${a}|${b}` : `${b}|${a}`;
        const list = byEdge.get(edge) ?? [];
        list.push(i);
        byEdge.set(edge, list);
      });
    });
    const out = this.cells.map(() => new Set<number>());
    for (const list of byEdge.values()) {
      for (const a of list) for (const b of list) if (a !== b) out[a]?.add(b);
    }
    this.neighbourList = out.map((s) => [...s].sort((a, b) => a - b));
    return this.neighbourList;
  }

  /** The union of each group of cells, as one shape per group. */
  unions(groups: readonly (readonly number[])[]): Shape[] {
    if (!this.topo) {
      const collection: GeoJSON.FeatureCollection<GeoJSON.Polygon> = {
        type: 'FeatureCollection',
        features: this.cells.map((c) => {
          const ring = c.corners.map((k) => this.cornerAt(k));
          return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as [number, number]]] } };
        }),
      };
      const t = topology({ cells: collection });
      this.topo = { topology: t, polygons: (t.objects.cells as TopoJSON.GeometryCollection).geometries as TopoJSON.Polygon[] };
    }
    const { topology: t, polygons } = this.topo;
    return groups.map((g) => {
      const shape = tidyShape(
        merge(
          t,
          g.map((i) => polygons[i] as TopoJSON.Polygon),
        ),
      );
      if (!shape) throw new Error('a demo shape came out empty');
      return shape;
    });
  }
}

/** Pointy-top hexagons: corner k of the hexagon at lattice point (X, Y) in half-width/half-height units. */
export const hexCorners: readonly Km[] = [
  [1, 1],
  [0, 2],
  [-1, 1],
  [-1, -1],
  [0, -2],
  [1, -1],
];
const halfWidth = (hexSize * Math.sqrt(3)) / 2;
const halfHeight = hexSize / 2;
const lattice = (X: number, Y: number): Km => [X * halfWidth, Y * halfHeight];

/** The landmass's hexagons (the largest connected piece), with jittered corners. */
export function landMesh(seed: number): { mesh: Mesh; hexes: { X: number; Y: number }[] } {
  const km = outline.map(toKm);
  const xs = km.map((p) => p[0]);
  const ys = km.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const jitter = (X: number, Y: number): Km => {
    const r = createRandom(seed, 'corner', X, Y);
    return [r.uniform(-cornerJitter, cornerJitter) * hexSize, r.uniform(-cornerJitter, cornerJitter) * hexSize];
  };
  const candidates: { X: number; Y: number }[] = [];
  for (let r = Math.floor(minY / (3 * halfHeight)) - 1; r * 3 * halfHeight <= maxY + hexSize; r++) {
    for (let q = Math.floor(minX / (2 * halfWidth) - r / 2) - 1; (2 * q + r) * halfWidth <= maxX + hexSize; q++) {
      const X = 2 * q + r;
      const Y = 3 * r;
      if (inside(toLonLat(lattice(X, Y)), outline)) candidates.push({ X, Y });
    }
  }
  erodeCoast(candidates, seed);
  const all = new Mesh();
  for (const { X, Y } of candidates) {
    const corners = hexCorners.map(([dx, dy]) => {
      const [cx, cy] = [X + dx, Y + dy];
      return all.corner(`${cx},${cy}`, () => {
        const [jx, jy] = jitter(cx, cy);
        const [x, y] = lattice(cx, cy);
        return [x + jx, y + jy];
      });
    });
    all.add({ corners, center: lattice(X, Y) });
  }
  // Keep the largest connected piece: every region must be able to grow to its cells.
  const piece = largestPiece(all.neighbours());
  return { mesh: all.subset(piece), hexes: piece.map((i) => candidates[i] as { X: number; Y: number }) };
}

/** The six neighbours of a hexagon, in order round it, as lattice offsets. */
const hexNeighbours: readonly Km[] = [
  [2, 0],
  [1, 3],
  [-1, 3],
  [-2, 0],
  [-1, -3],
  [1, -3],
];

/**
 * Bites small bays out of the coast: exposed coastal hexagons go at random, but only those whose
 * land neighbours form one unbroken run round them, so the land never falls apart.
 */
function erodeCoast(hexes: { X: number; Y: number }[], seed: number): void {
  const land = new Set(hexes.map((h) => `${h.X},${h.Y}`));
  for (const { X, Y } of hexes) {
    const around = hexNeighbours.map(([dx, dy]) => land.has(`${X + dx},${Y + dy}`));
    const count = around.filter(Boolean).length;
    const runs = around.filter((l, k) => l && !around[(k + 5) % 6]).length;
    if (count <= 4 && count >= 2 && runs === 1 && createRandom(seed, 'coast', X, Y).next() < coastBites) land.delete(`${X},${Y}`);
  }
  const kept = hexes.filter((h) => land.has(`${h.X},${h.Y}`));
  hexes.splice(0, hexes.length, ...kept);
}

function largestPiece(neighbours: readonly (readonly number[])[]): number[] {
  const seen = new Set<number>();
  let best: number[] = [];
  for (let start = 0; start < neighbours.length; start++) {
    if (seen.has(start)) continue;
    const piece = [start];
    seen.add(start);
    for (let k = 0; k < piece.length; k++) {
      for (const n of neighbours[piece[k] as number] ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          piece.push(n);
        }
      }
    }
    if (piece.length > best.length) best = piece;
  }
  return best.sort((a, b) => a - b);
}
