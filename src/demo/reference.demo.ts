/**
 * A real division for the demo, read from reference boundary files (`kommune.geojson` and
 * `bydel.geojson` of one year, e.g. `../shared/reference/geo/2019`): the feature properties give
 * numbers, names, counties and populations; the geometry is not read here. The capital's city
 * districts are Oslo's (numbers 0301xx).
 */
import fs from 'node:fs';
import path from 'node:path';
import { invalid, notFound } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import type { ReferenceUnit } from './registry.demo.ts';

export interface ReferenceDivision {
  /** The folder read, as given. */
  readonly dir: string;
  readonly municipalities: readonly ReferenceUnit[];
  /** The capital's city districts. */
  readonly districts: readonly ReferenceUnit[];
  readonly capital: string;
}

export const capitalNumber = '0301';
/**
 * Oslo's Sentrum (030116) and Marka (030117) are statistical areas, not districts: Oslo has 15
 * district administrations (030101–030115), the 15 districts of the report.
 */
const notDistricts = new Set(['030116', '030117']);

type Properties = Record<string, unknown>;

/** Every problem here is about the `--registry` folder, so it is named first. */
const registryOption = (what: Message) => invalid(msg('common.at', { where: '--registry', what }));

function readFeatures(file: string): Properties[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT'
      ? notFound(msg('common.at', { where: '--registry', what: msg('demo.no_such_file', { file }) }))
      : registryOption(msg('demo.cannot_read', { file, detail: (e as Error).message }));
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw registryOption(msg('demo.not_json', { file: path.basename(file), detail: (e as Error).message }));
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features)) throw registryOption(msg('demo.not_collection', { file: path.basename(file) }));
  return features.map((f, i) => {
    const props = (f as { properties?: unknown } | null)?.properties;
    if (typeof props !== 'object' || props === null)
      throw registryOption(msg('demo.no_properties', { file: path.basename(file), feature: i + 1 }));
    return props as Properties;
  });
}

function field(file: string, i: number, p: Properties, key: string, pattern?: RegExp): string {
  const v = p[key];
  if (typeof v !== 'string' || v.trim() === '' || (pattern && !pattern.test(v))) {
    const feature = i + 1;
    throw registryOption(
      v === undefined
        ? msg('demo.field_missing', { file, feature, key })
        : msg('demo.field_invalid', { file, feature, key, value: JSON.stringify(v) }),
    );
  }
  return v.trim();
}

function population(file: string, i: number, p: Properties): number {
  const v = p.population;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    const at = { file, feature: i + 1, key: 'population' };
    throw registryOption(
      v === undefined ? msg('demo.field_missing', at) : msg('demo.field_not_number', { ...at, value: JSON.stringify(v) }),
    );
  }
  return Math.round(v);
}

/** Reads the division in `dir`; `bydel.geojson` may be absent (no districts then). */
export function readReferenceDivision(dir: string): ReferenceDivision {
  const kommune = 'kommune.geojson';
  const municipalities = readFeatures(path.join(dir, kommune)).map(
    (p, i): ReferenceUnit => ({
      number: field(kommune, i, p, 'kommune_no', /^\d{4}$/),
      name: field(kommune, i, p, 'kommune_name'),
      countyNumber: field(kommune, i, p, 'fylke_no', /^\d{2}$/),
      countyName: field(kommune, i, p, 'fylke_name'),
      population: population(kommune, i, p),
    }),
  );
  const seen = new Set<string>();
  for (const m of municipalities) {
    if (seen.has(m.number)) throw registryOption(msg('demo.municipality_twice', { file: kommune, number: m.number }));
    seen.add(m.number);
  }
  if (municipalities.length === 0) throw registryOption(msg('demo.no_municipalities', { file: kommune }));
  const capital = municipalities.find((m) => m.number === capitalNumber);
  const bydel = 'bydel.geojson';
  const bydelFile = path.join(dir, bydel);
  const districts =
    capital && fs.existsSync(bydelFile)
      ? readFeatures(bydelFile).flatMap((p, i): ReferenceUnit[] => {
          const number = field(bydel, i, p, 'bydel_no', /^\d{6}$/);
          if (!number.startsWith(capitalNumber) || notDistricts.has(number)) return [];
          return [
            {
              number,
              name: field(bydel, i, p, 'bydel_name'),
              countyNumber: capital.countyNumber,
              countyName: capital.countyName,
              population: population(bydel, i, p),
            },
          ];
        })
      : [];
  return {
    dir,
    municipalities,
    districts: districts.sort((a, b) => a.number.localeCompare(b.number)),
    capital: capital?.number ?? ([...municipalities].sort((a, b) => b.population - a.population)[0] as ReferenceUnit).number,
  };
}
