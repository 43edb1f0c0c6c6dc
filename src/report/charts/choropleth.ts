/**
 * Choropleth map of counties or municipalities: a GeoJSON FeatureCollection (properties `code` and
 * `name`) projected with a transverse Mercator centred on 15° E (like UTM zone 33, the usual view of
 * Norway) and fitted to the drawing; each area filled by the class of its value in a light-to-dark
 * ramp, areas without a value hatched light grey and listed as "ingen data" in the legend, and
 * areas with too few answers for a value (below a minimum N) cross-hatched as "for få svar", so a
 * county of 4 answers is never coloured like one of 40.
 */
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { classColors, noData } from './colors.ts';
import { type ChartBase, esc, frame, legend, lineHeight, middle, muted, n1, noteBlock, num, safeId, text, textWidth, wrap } from './svg.ts';

export interface MapProperties {
  readonly code: string;
  readonly name: string;
}

export interface ChoroplethOptions extends ChartBase {
  readonly features: FeatureCollection<Geometry, MapProperties>;
  /** Value per area code; codes left out (or null) have no data. */
  readonly values: ReadonlyMap<string, number | null> | Readonly<Record<string, number | null | undefined>>;
  /** Decimals of values and class bounds (default 1: "3,4"). */
  readonly decimals?: number;
  /** Formats a value for titles and the legend (default: `decimals` decimals, decimal comma). */
  readonly format?: (value: number) => string;
  /** Number of classes, 4–6 recommended (default 5); equal intervals over `domain`. */
  readonly classes?: number;
  /** Range the classes split (default: the smallest and largest value, rounded outwards). */
  readonly domain?: readonly [number, number];
  /** Explicit class bounds, ascending, first and last included (overrides classes and domain). */
  readonly breaks?: readonly number[];
  /** Heading of the legend, e.g. "Gjennomsnitt (1–5)". */
  readonly legendTitle?: string;
  /** Where the legend goes: over the top left corner (the sea west of Norway) or under the map. */
  readonly legendPosition?: 'top-left' | 'bottom';
  /** Source line, e.g. "Kartgrunnlag: Kartverket; befolkning: SSB". */
  readonly credit?: string;
  /** Total height in px (default 600; width defaults to 440). */
  readonly height?: number;
  /** Central meridian of the projection in degrees east (default 15). */
  readonly centralMeridian?: number;
  /** Points closer than this many px to the previous one are dropped (default 0.5; 0 keeps all). */
  readonly tolerance?: number;
  /** Legend text for areas without a value (default "ingen data"). */
  readonly noDataLabel?: string;
  /** Codes of areas with answers, but too few to show a value (their values are ignored). */
  readonly tooFew?: Iterable<string>;
  /** Legend text for those areas (default "for få svar"). */
  readonly tooFewLabel?: string;
}

export interface Classes {
  /** Class bounds, ascending: class i holds values in [bounds[i], bounds[i + 1]). */
  readonly bounds: readonly number[];
  readonly colors: readonly string[];
}

/** Equal-interval classes over the data (or the given domain/breaks), with their colours. */
export function classify(values: readonly number[], o: Pick<ChoroplethOptions, 'classes' | 'domain' | 'breaks' | 'decimals'>): Classes {
  const f = 10 ** (o.decimals ?? 1);
  let bounds: number[];
  if (o.breaks && o.breaks.length >= 2) bounds = [...o.breaks].sort((a, b) => a - b);
  else {
    const lo = o.domain?.[0] ?? Math.floor(Math.min(...values) * f) / f;
    const hi = o.domain?.[1] ?? Math.ceil(Math.max(...values) * f) / f;
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { bounds: [], colors: [] };
    const k = hi > lo ? Math.max(1, Math.round(o.classes ?? 5)) : 1;
    bounds = Array.from({ length: k + 1 }, (_, i) => (i === 0 ? lo : i === k ? hi : Math.round((lo + ((hi - lo) * i) / k) * f) / f));
    bounds = bounds.filter((b, i) => i === 0 || b > (bounds[i - 1] as number));
    if (bounds.length === 1) bounds.push(bounds[0] as number);
  }
  return { bounds, colors: classColors(bounds.length - 1) };
}

/** The class of a value (values outside the bounds go to the nearest end class). */
export function classOf(v: number, bounds: readonly number[]): number {
  const k = bounds.length - 1;
  for (let i = 1; i < k; i++) if (v < (bounds[i] as number)) return i - 1;
  return Math.max(0, k - 1);
}

/** d3 wants exterior rings clockwise (RFC 7946 GeoJSON has them anticlockwise): flip what covers > half the globe. */
function rewind(g: Geometry): Geometry {
  const fix = (poly: Position[][]) =>
    geoArea({ type: 'Polygon', coordinates: poly }) > 2 * Math.PI ? poly.map((ring) => [...ring].reverse()) : poly;
  if (g.type === 'Polygon') return { ...g, coordinates: fix(g.coordinates) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map(fix) };
  return g;
}

/** A d3 path context writing SVG path data rounded to 0.1 px, dropping points closer than `tolerance`. */
class RoundedPath {
  private d: string[] = [];
  private ringStart = 0;
  private ringPoints = 0;
  private lx = 0;
  private ly = 0;
  constructor(private readonly tolerance: number) {}
  moveTo(x: number, y: number): void {
    this.ringStart = this.d.length;
    this.lx = Math.round(x * 10);
    this.ly = Math.round(y * 10);
    this.d.push(`M${this.lx / 10},${this.ly / 10}`);
    this.ringPoints = 1;
  }
  lineTo(x: number, y: number): void {
    const rx = Math.round(x * 10);
    const ry = Math.round(y * 10);
    if ((rx === this.lx && ry === this.ly) || Math.hypot(rx - this.lx, ry - this.ly) < this.tolerance * 10) return;
    this.lx = rx;
    this.ly = ry;
    this.d.push(`L${rx / 10},${ry / 10}`);
    this.ringPoints++;
  }
  closePath(): void {
    if (this.ringPoints < 3) this.d.length = this.ringStart;
    else this.d.push('Z');
  }
  arc(): void {}
  beginPath(): void {}
  take(): string {
    const s = this.d.join('');
    this.d = [];
    return s;
  }
}

function lookup(values: ChoroplethOptions['values'], code: string): number | undefined {
  const v = values instanceof Map ? values.get(code) : (values as Readonly<Record<string, number | null | undefined>>)[code];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function choropleth(o: ChoroplethOptions): string {
  const width = o.width ?? 440;
  const height = o.height ?? 600;
  const decimals = o.decimals ?? 1;
  const fmt = o.format ?? ((v: number) => num(v, decimals));
  const noDataLabel = o.noDataLabel ?? 'ingen data';
  const tooFewLabel = o.tooFewLabel ?? 'for få svar';
  const sid = safeId(o.id);
  const hatch = `${sid}-nodata`;
  const crossHatch = `${sid}-toofew`;
  const tooFew = new Set(o.tooFew ?? []);
  const features: Feature<Geometry, MapProperties>[] = o.features.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  const valued = features.map((f) => ({
    f,
    v: tooFew.has(f.properties.code) ? undefined : lookup(o.values, f.properties.code),
    few: tooFew.has(f.properties.code),
  }));
  const present = valued.flatMap((x) => (x.v === undefined ? [] : [x.v]));
  const { bounds, colors } = present.length > 0 || o.breaks ? classify(present, o) : { bounds: [], colors: [] };
  const missing = valued.filter((x) => x.v === undefined && !x.few);
  const few = valued.filter((x) => x.few);

  // Legend and source lines: sized first so the map can take the rest of the box.
  const legendRows = [
    ...colors.map((color, i) => ({
      fill: color,
      label: bounds[i] === bounds[i + 1] ? fmt(bounds[i] as number) : `${fmt(bounds[i] as number)}–${fmt(bounds[i + 1] as number)}`,
    })),
    ...(few.length > 0 ? [{ fill: `url(#${crossHatch})`, label: tooFewLabel }] : []),
    ...(missing.length > 0 ? [{ fill: `url(#${hatch})`, label: noDataLabel }] : []),
  ];
  const credit = o.credit ? wrap(o.credit, width - 16, 10) : [];
  const note = noteBlock(o.note, 8, 0, width - 16);
  const footer = (credit.length > 0 ? 6 + credit.length * 12 : 0) + note.height;
  const bottomLegend = o.legendPosition === 'bottom';
  const pad = 8;
  const legendAt = (y: number) => mapLegend(legendRows, o.legendTitle, bottomLegend, pad, y, width - 2 * pad);
  const legendH = legendAt(0).height;
  const mapBottom = height - footer - (bottomLegend ? legendH + 12 : 0);
  const collection: FeatureCollection<Geometry, MapProperties> = { type: 'FeatureCollection', features };
  const projection = geoTransverseMercator()
    .rotate([-(o.centralMeridian ?? 15), 0])
    .fitExtent(
      [
        [pad, pad],
        [width - pad, Math.max(pad + 10, mapBottom - pad)],
      ],
      collection,
    );
  const context = new RoundedPath(o.tolerance ?? 0.5);
  const path = geoPath(projection, context);
  const exact = new RoundedPath(0);
  const exactPath = geoPath(projection, exact);
  const plain = geoPath(projection);
  const strokeWidth = features.length > 60 ? 0.3 : 0.6;

  const parts: string[] = [
    `<defs><pattern id="${hatch}" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">`,
    `<rect width="5" height="5" fill="${noData}"/><line x1="0" y1="0" x2="0" y2="5" stroke="#9a9a9a" stroke-width="1.2"/></pattern>`,
    `<pattern id="${crossHatch}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="#ffffff"/><path d="M0,3H6M3,0V6" stroke="#7a7a7a" stroke-width="1"/></pattern></defs>`,
    '<g stroke="#5f5f5f" stroke-linejoin="round" fill-rule="evenodd">',
  ];
  for (const { f, v, few: isFew } of valued) {
    // Areas smaller than a dot (Røst, Kvitsøy) must not vanish: they are drawn as one.
    const [[x0, y0], [x1, y1]] = plain.bounds(f);
    const dot = x1 - x0 < 1.5 && y1 - y0 < 1.5;
    let d = '';
    if (!dot) {
      path(f);
      d = context.take();
      if (!d) {
        exactPath(f);
        d = exact.take();
      }
    }
    const fill = isFew ? `url(#${crossHatch})` : v === undefined ? `url(#${hatch})` : (colors[classOf(v, bounds)] ?? noData);
    const label = `${f.properties.name}: ${isFew ? tooFewLabel : v === undefined ? noDataLabel : fmt(v)}`;
    if (d) parts.push(`<path d="${d}" fill="${fill}" stroke-width="${strokeWidth}"><title>${esc(label)}</title></path>`);
    else {
      const [cx, cy] = plain.centroid(f);
      if (Number.isFinite(cx) && Number.isFinite(cy)) {
        parts.push(
          `<circle cx="${n1(cx)}" cy="${n1(cy)}" r="2" fill="${fill}" stroke-width="${strokeWidth}"><title>${esc(label)}</title></circle>`,
        );
      }
    }
  }
  parts.push('</g>');

  parts.push(legendAt(bottomLegend ? mapBottom + 8 : pad).svg);
  let fy = height - footer;
  if (credit.length > 0) {
    parts.push(text(credit, pad, fy + 6 + 10, { size: 10, fill: muted }));
    fy += 6 + credit.length * 12;
  }
  if (note.svg) parts.push(noteBlock(o.note, pad, fy, width - 16).svg);

  const description = o.description ?? describe(valued, fmt, noDataLabel, tooFewLabel);
  return frame(o.id, width, height, o.title, description, parts.join(''));
}

/** The map legend: a boxed column over the top left corner, or rows flowing under the map. */
function mapLegend(
  rows: readonly { fill: string; label: string }[],
  title: string | undefined,
  below: boolean,
  x: number,
  y: number,
  width: number,
): { svg: string; height: number } {
  if (rows.length === 0) return { svg: '', height: 0 };
  const titleLines = title ? wrap(title, below ? width : 150) : [];
  const head = titleLines.length > 0 ? text(titleLines, x, y + 11, { weight: 'bold' }) : '';
  const headH = titleLines.length > 0 ? titleLines.length * lineHeight + 4 : 0;
  if (below) {
    const flow = legend(
      rows.map((r) => ({ label: r.label, color: r.fill })),
      x,
      y + headH,
      width,
    );
    return { svg: head + flow.svg, height: headH + flow.height };
  }
  const height = headH + rows.length * 20;
  const boxW = Math.max(...titleLines.map((l) => textWidth(l)), ...rows.map((r) => 22 + textWidth(r.label))) + 10;
  const parts = [
    `<rect x="${x - 4}" y="${y - 4}" width="${n1(boxW)}" height="${n1(height + 4)}" fill="#ffffff" fill-opacity="0.85"/>`,
    head,
  ];
  rows.forEach((row, i) => {
    const ry = y + headH + i * 20;
    parts.push(`<rect x="${x}" y="${n1(ry)}" width="16" height="14" fill="${row.fill}" stroke="#5f5f5f" stroke-width="0.5"/>`);
    parts.push(text([row.label], x + 22, middle(ry + 7)));
  });
  return { svg: parts.join(''), height };
}

function describe(
  valued: readonly { f: Feature<Geometry, MapProperties>; v: number | undefined; few: boolean }[],
  fmt: (v: number) => string,
  noDataLabel: string,
  tooFewLabel: string,
): string {
  const withValue = valued
    .filter((x): x is { f: Feature<Geometry, MapProperties>; v: number; few: boolean } => x.v !== undefined)
    .sort((a, b) => b.v - a.v);
  const missing = valued.filter((x) => x.v === undefined && !x.few).map((x) => x.f.properties.name);
  const few = valued.filter((x) => x.few).map((x) => x.f.properties.name);
  const parts: string[] = [];
  const first = withValue[0];
  const last = withValue.at(-1);
  if (first && last) parts.push(`Høyest ${first.f.properties.name} (${fmt(first.v)}), lavest ${last.f.properties.name} (${fmt(last.v)}).`);
  if (withValue.length <= 30) parts.push(`${withValue.map((x) => `${x.f.properties.name}: ${fmt(x.v)}`).join('; ')}.`);
  for (const [label, areas] of [
    [tooFewLabel, few],
    [noDataLabel, missing],
  ] as const) {
    if (areas.length === 0) continue;
    const names = areas.length <= 30 ? areas.join(', ') : `${areas.length} områder`;
    parts.push(`${label[0]?.toUpperCase() ?? ''}${label.slice(1)}: ${names}.`);
  }
  return parts.join(' ');
}
