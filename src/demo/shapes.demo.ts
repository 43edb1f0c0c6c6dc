/**
 * Shapes for the demo's fictitious country, so its maps have something to draw, grown on the land
 * mesh of `landmass.demo.ts` (jittered hexagons over a Norway-like outline). Counties grow from
 * seeds placed roughly where Norway's counties lie, in county-number order from the south-east
 * round the coast to the north; municipalities grow from seeds spread inside their county; city
 * districts grow on a finer grid inside their municipality's cells. Every region grows from one
 * cell by adjacent cells, so each is contiguous, and shapes are unions of whole cells (TopoJSON
 * merge), so neighbours share their borders exactly and the levels nest. Deterministic for a seed.
 */
import type * as GeoJSON from 'geojson';
import { saveGeometry } from '../registry/geometry.service.ts';
import type { GeometryLevel, Shape } from '../registry/geometry.ts';
import type { Unit } from '../registry/registry.types.ts';
import type { Store } from '../store/store.ts';
import { type Cell, distance, hexCorners, hexSize, type Km, landMesh, Mesh, toKm } from './landmass.demo.ts';
import { createRandom, type Random } from './random.ts';

export interface DemoShape {
  readonly level: GeometryLevel;
  readonly code: string;
  readonly name: string;
  readonly geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

/**
 * Where counties start growing, in county-number order (south-east first, then round the south
 * and west coast to the north), with the share of the land each aims for, like Norway's 18
 * counties of 2019. Other numbers of counties are spread along the same path.
 */
const countyPath: readonly { readonly at: readonly [number, number]; readonly area: number }[] = [
  { at: [11.2, 59.4], area: 4182 },
  { at: [11.2, 60.1], area: 5894 },
  { at: [10.75, 60.0], area: 454 },
  { at: [11.6, 61.3], area: 27398 },
  { at: [9.6, 61.3], area: 25192 },
  { at: [9.4, 60.3], area: 14910 },
  { at: [10.2, 59.3], area: 2225 },
  { at: [8.6, 59.4], area: 15298 },
  { at: [8.1, 58.8], area: 9158 },
  { at: [7.3, 58.3], area: 7277 },
  { at: [6.1, 59.0], area: 9377 },
  { at: [6.2, 60.3], area: 15438 },
  { at: [6.4, 61.4], area: 18623 },
  { at: [7.6, 62.5], area: 15101 },
  { at: [11.0, 63.7], area: 42201 },
  { at: [14.5, 66.8], area: 38462 },
  { at: [19.0, 69.3], area: 25877 },
  { at: [25.5, 69.9], area: 48631 },
];

interface RegionPlan {
  readonly seed: number;
  /** Relative size. */
  readonly target: number;
  /** Cells the region takes before any region grows beyond its own minimum. */
  readonly minimum?: number;
}

/**
 * Shares `cells` among regions, one seed cell each, growing them adjacent cell by adjacent cell:
 * the region furthest below its target grows next, taking its frontier cell nearest its seed
 * (plus noise up to `roughness` km, for ragged borders), until every cell reachable from a seed
 * is taken. Regions stay contiguous and compact. Every region first grows to its minimum (small
 * regions, under a quarter of the average, to their whole target) so that big neighbours cannot
 * box it in before it has room for what it must hold.
 */
function grow(
  cells: readonly number[],
  centers: (i: number) => Km,
  neighbours: readonly (readonly number[])[],
  plans: readonly RegionPlan[],
  rng: Random,
  roughness: number,
): Map<number, number> {
  const allowed = new Set(cells);
  const owner = new Map<number, number>();
  const noise = new Map(cells.map((c) => [c, rng.uniform(0, roughness)]));
  const totalTarget = plans.reduce((sum, p) => sum + p.target, 0);
  const want = plans.map((p) => (p.target / totalTarget) * cells.length);
  const minimum = plans.map((p, r) =>
    Math.max(p.minimum ?? 0, (want[r] as number) < cells.length / plans.length / 4 ? (want[r] as number) : 0),
  );
  const size = plans.map(() => 1);
  const frontier = plans.map(() => new Set<number>());
  const take = (cell: number, region: number) => {
    owner.set(cell, region);
    for (const n of neighbours[cell] ?? []) if (allowed.has(n) && !owner.has(n)) frontier[region]?.add(n);
  };
  plans.forEach((p, r) => {
    owner.set(p.seed, r);
  });
  plans.forEach((p, r) => {
    take(p.seed, r);
  });
  for (;;) {
    let region = -1;
    let lowest = Number.POSITIVE_INFINITY;
    frontier.forEach((f, r) => {
      for (const c of f) if (owner.has(c)) f.delete(c);
      const n = size[r] as number;
      const m = minimum[r] as number;
      const key = n < m ? n / m - 1 : n / (want[r] as number);
      if (f.size > 0 && key < lowest) {
        lowest = key;
        region = r;
      }
    });
    if (region < 0) break;
    const seedAt = centers((plans[region] as RegionPlan).seed);
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const c of frontier[region] as Set<number>) {
      const cost = distance(centers(c), seedAt) + (noise.get(c) ?? 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = c;
      }
    }
    take(best, region);
    size[region] = (size[region] as number) + 1;
  }
  return owner;
}

/** `count` cells spread over `cells`: each next one far from those chosen (with some chance). */
function spreadSeeds(cells: readonly number[], centers: (i: number) => Km, count: number, rng: Random): number[] {
  if (count > cells.length) throw new Error(`${count} regions do not fit in ${cells.length} cells`);
  const seeds = [rng.pick(cells)];
  const nearest = new Map(cells.map((c) => [c, distance(centers(c), centers(seeds[0] as number))]));
  while (seeds.length < count) {
    let best = -1;
    let bestScore = -1;
    for (const c of cells) {
      const score = (nearest.get(c) ?? 0) * rng.uniform(0.6, 1);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    seeds.push(best);
    for (const c of cells) nearest.set(c, Math.min(nearest.get(c) ?? 0, distance(centers(c), centers(best))));
  }
  return seeds;
}

/** The county path at fraction t (0 = first county, 1 = last), for numbers of counties other than 18. */
function alongPath(t: number): readonly [number, number] {
  const pos = t * (countyPath.length - 1);
  const i = Math.min(countyPath.length - 2, Math.floor(pos));
  const a = (countyPath[i] as (typeof countyPath)[number]).at;
  const b = (countyPath[i + 1] as (typeof countyPath)[number]).at;
  const f = pos - i;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** Nearest free cell to a point. */
function nearestCell(cells: readonly number[], centers: (i: number) => Km, at: Km, taken: ReadonlySet<number>): number {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of cells) {
    const d = distance(centers(c), at);
    if (!taken.has(c) && d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/**
 * One shape per county (distinct countyNumber), municipality and city district of `units`, all
 * in longitude/latitude, tidied as stored. Districts (kind bydel) divide their parent's shape.
 */
export function demoShapes(units: readonly Unit[], seed: number): DemoShape[] {
  const { mesh, hexes } = landMesh(seed);
  const neighbours = mesh.neighbours();
  const cellIds = mesh.cells.map((_, i) => i);
  const center = (i: number) => (mesh.cells[i] as Cell).center;

  const municipalities = units.filter((u) => u.kind === 'kommune').sort((a, b) => a.number.localeCompare(b.number));
  const countyNumbers = [...new Set(municipalities.map((u) => u.countyNumber))].sort();
  const countyName = new Map(municipalities.map((u) => [u.countyNumber, u.countyName]));
  const perCounty = countyNumbers.map((c) => municipalities.filter((u) => u.countyNumber === c));

  // Counties: seeds along the path; targets between their land share and their share of municipalities.
  const real = countyNumbers.length === countyPath.length;
  const totalArea = countyPath.reduce((s, c) => s + c.area, 0);
  const taken = new Set<number>();
  const countySeeds = countyNumbers.map((_, k) => {
    const at = real
      ? (countyPath[k] as (typeof countyPath)[number]).at
      : alongPath(countyNumbers.length === 1 ? 0 : k / (countyNumbers.length - 1));
    const cell = nearestCell(cellIds, center, toKm(at), taken);
    taken.add(cell);
    return cell;
  });
  const countyTargets = perCounty.map((list, k) => {
    const muniShare = list.length / municipalities.length;
    const landShare = real ? (countyPath[k] as (typeof countyPath)[number]).area / totalArea : muniShare;
    return 0.6 * landShare + 0.4 * muniShare;
  });
  const countyOf = grow(
    cellIds,
    center,
    neighbours,
    countySeeds.map((s, k) => ({ seed: s, target: countyTargets[k] as number, minimum: 3 * (perCounty[k] as Unit[]).length })),
    createRandom(seed, 'shapes', 'counties'),
    2 * hexSize,
  );

  // Municipalities inside each county.
  const cellsOfUnit = new Map<string, number[]>();
  perCounty.forEach((list, k) => {
    const cells = cellIds.filter((c) => countyOf.get(c) === k);
    const rng = createRandom(seed, 'shapes', 'county', countyNumbers[k] as string);
    const seeds = spreadSeeds(cells, center, list.length, rng);
    const targets = list.map(() => rng.uniform(0.6, 1.6));
    const owner = grow(
      cells,
      center,
      neighbours,
      seeds.map((s, m) => ({ seed: s, target: targets[m] as number })),
      rng,
      hexSize,
    );
    list.forEach((u, m) => {
      cellsOfUnit.set(
        u.number,
        cells.filter((c) => owner.get(c) === m),
      );
    });
  });

  const countyShapes = mesh.unions(countyNumbers.map((_, k) => cellIds.filter((c) => countyOf.get(c) === k)));
  const municipalShapes = mesh.unions(municipalities.map((u) => cellsOfUnit.get(u.number) ?? []));
  const out: DemoShape[] = [
    ...countyNumbers.map((c, k) => ({
      level: 'fylke' as const,
      code: c,
      name: countyName.get(c) ?? c,
      geometry: countyShapes[k] as Shape,
    })),
    ...municipalities.map((u, k) => ({ level: 'kommune' as const, code: u.number, name: u.name, geometry: municipalShapes[k] as Shape })),
  ];

  // City districts: each parent's hexagons cut into a finer grid, shared among its districts.
  const districts = units.filter((u) => u.kind === 'bydel').sort((a, b) => a.number.localeCompare(b.number));
  for (const parent of [...new Set(districts.map((d) => d.parentNumber))].sort()) {
    const mine = districts.filter((d) => d.parentNumber === parent);
    const hexCells = cellsOfUnit.get(parent ?? '');
    if (!hexCells || hexCells.length === 0)
      throw new RangeError(`city districts of ${parent}, which is not a municipality of the registry`);
    const shapes = districtShapes(
      mesh,
      hexCells.map((c) => hexes[c] as { X: number; Y: number }),
      mine.length,
      seed,
      parent ?? '',
    );
    mine.forEach((d, k) => {
      out.push({ level: 'bydel', code: d.number, name: d.name, geometry: shapes[k] as Shape });
    });
  }
  return out;
}

/**
 * Districts of a municipality made of `hexes`: each hexagon is cut into three rhombi from its
 * centre and each rhombus into n×n patches (corners inside the hexagon jittered), then districts
 * grow over the patches.
 */
function districtShapes(land: Mesh, hexes: readonly { X: number; Y: number }[], count: number, seed: number, parent: string): Shape[] {
  const rng = createRandom(seed, 'shapes', 'districts', parent);
  const n = Math.max(2, Math.ceil(Math.sqrt((10 * count) / (3 * hexes.length))));
  const fine = new Mesh();
  const cornerKm = (key: string): Km => toKm(land.cornerAt(key));
  for (const { X, Y } of hexes) {
    const outer = hexCorners.map(([dx, dy]) => `${X + dx},${Y + dy}`);
    const c: Km = cellCenterKm(outer.map(cornerKm));
    for (let k = 0; k < 3; k++) {
      const a = outer[2 * k] as string;
      const b = outer[2 * k + 1] as string;
      const d = outer[(2 * k + 2) % 6] as string;
      const [ka, kb, kd] = [cornerKm(a), cornerKm(b), cornerKm(d)];
      // Lattice coordinates (times n) of the rhombus's corners, for keys shared with neighbouring rhombi.
      const [da, dd] = [hexCorners[2 * k] as Km, hexCorners[(2 * k + 2) % 6] as Km];
      const point = (i: number, j: number): string => {
        const key = `${n * X + i * da[0] + j * dd[0]},${n * Y + i * da[1] + j * dd[1]}/${n}`;
        return fine.corner(key, () => {
          const [u, v] = [i / n, j / n];
          const p: [number, number] = [0, 1].map(
            (e) =>
              (1 - u) * (1 - v) * (c[e] as number) +
              u * (1 - v) * (ka[e] as number) +
              u * v * (kb[e] as number) +
              (1 - u) * v * (kd[e] as number),
          ) as [number, number];
          if (i < n && j < n && (i > 0 || j > 0)) {
            const r = createRandom(seed, 'shapes', 'fine', parent, key);
            p[0] += r.uniform(-0.25, 0.25) * (hexSize / n);
            p[1] += r.uniform(-0.25, 0.25) * (hexSize / n);
          }
          return p;
        });
      };
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const corners = [point(i, j), point(i + 1, j), point(i + 1, j + 1), point(i, j + 1)];
          fine.add({ corners, center: cellCenterKm(corners.map((key) => toKm(fine.cornerAt(key)))) });
        }
      }
    }
  }
  const cells = fine.cells.map((_, i) => i);
  const center = (i: number) => (fine.cells[i] as Cell).center;
  const seeds = spreadSeeds(cells, center, count, rng);
  const owner = grow(
    cells,
    center,
    fine.neighbours(),
    seeds.map((s) => ({ seed: s, target: rng.uniform(0.7, 1.4) })),
    rng,
    hexSize / n,
  );
  return fine.unions(seeds.map((_, k) => cells.filter((c) => owner.get(c) === k)));
}

function cellCenterKm(points: readonly Km[]): Km {
  return [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length];
}

/** Stores the demo's shapes of every level for a registry year. */
export async function loadDemoGeometry(store: Store, year: number, units: readonly Unit[], seed: number): Promise<void> {
  const shapes = demoShapes(units, seed);
  for (const level of ['fylke', 'kommune', 'bydel'] as const) {
    await saveGeometry(
      store,
      year,
      level,
      shapes.filter((s) => s.level === level),
      'Kart: generert for det fiktive demolandet',
    );
  }
}
