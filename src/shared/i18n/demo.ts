/**
 * Messages of reading the demo's reference division (demo/reference.demo.ts, `kommunepuls demo
 * --registry DIR`): a boundary file that is missing, not JSON, or lacks a number, name or
 * population. They are shown after `--registry: `.
 */
import type { TextTable } from './types.ts';

type File = { file: string };
type Feature = { file: string; feature: number };
type Field = Feature & { key: string };
type Invalid = Field & { value: string };

export const demoTexts = {
  'demo.no_such_file': {
    nb: (p: File) => `filen finnes ikke: ${p.file}`,
    nn: (p: File) => `fila finst ikkje: ${p.file}`,
    en: (p: File) => `no such file: ${p.file}`,
  },
  /** `detail` is the operating system's or JSON parser's own (English) reason. */
  'demo.cannot_read': {
    nb: (p: File & { detail: string }) => `kan ikke lese ${p.file}: ${p.detail}`,
    nn: (p: File & { detail: string }) => `kan ikkje lese ${p.file}: ${p.detail}`,
    en: (p: File & { detail: string }) => `cannot read ${p.file}: ${p.detail}`,
  },
  'demo.not_json': {
    nb: (p: File & { detail: string }) => `${p.file} er ikke JSON: ${p.detail}`,
    nn: (p: File & { detail: string }) => `${p.file} er ikkje JSON: ${p.detail}`,
    en: (p: File & { detail: string }) => `${p.file} is not JSON: ${p.detail}`,
  },
  'demo.not_collection': {
    nb: (p: File) => `${p.file} er ikke en GeoJSON FeatureCollection`,
    nn: (p: File) => `${p.file} er ikkje ein GeoJSON FeatureCollection`,
    en: (p: File) => `${p.file} is not a GeoJSON FeatureCollection`,
  },
  'demo.no_properties': {
    nb: (p: Feature) => `${p.file} objekt ${p.feature} har ingen egenskaper`,
    nn: (p: Feature) => `${p.file} objekt ${p.feature} har ingen eigenskapar`,
    en: (p: Feature) => `${p.file} feature ${p.feature} has no properties`,
  },
  'demo.field_missing': {
    nb: (p: Field) => `${p.file} objekt ${p.feature}: «${p.key}» mangler`,
    nn: (p: Field) => `${p.file} objekt ${p.feature}: «${p.key}» manglar`,
    en: (p: Field) => `${p.file} feature ${p.feature}: "${p.key}" is missing`,
  },
  /** `value` is the value as JSON. */
  'demo.field_invalid': {
    nb: (p: Invalid) => `${p.file} objekt ${p.feature}: «${p.key}» er ikke gyldig (${p.value})`,
    nn: (p: Invalid) => `${p.file} objekt ${p.feature}: «${p.key}» er ikkje gyldig (${p.value})`,
    en: (p: Invalid) => `${p.file} feature ${p.feature}: "${p.key}" is not valid (${p.value})`,
  },
  'demo.field_not_number': {
    nb: (p: Invalid) => `${p.file} objekt ${p.feature}: «${p.key}» er ikke et tall (${p.value})`,
    nn: (p: Invalid) => `${p.file} objekt ${p.feature}: «${p.key}» er ikkje eit tal (${p.value})`,
    en: (p: Invalid) => `${p.file} feature ${p.feature}: "${p.key}" is not a number (${p.value})`,
  },
  'demo.municipality_twice': {
    nb: (p: File & { number: string }) => `${p.file}: kommune ${p.number} står to ganger`,
    nn: (p: File & { number: string }) => `${p.file}: kommune ${p.number} står to gonger`,
    en: (p: File & { number: string }) => `${p.file}: municipality ${p.number} occurs twice`,
  },
  'demo.no_municipalities': {
    nb: (p: File) => `${p.file} har ingen kommuner`,
    nn: (p: File) => `${p.file} har ingen kommunar`,
    en: (p: File) => `${p.file} has no municipalities`,
  },
} satisfies TextTable;
