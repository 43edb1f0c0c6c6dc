/**
 * Messages of groupings (registry/grouping.ts and grouping.service.ts): a grouping file's own
 * checks beside zod's, and an unknown or clashing key. A grouping's cut points are "grenser" in
 * Norwegian, as on the admin page that makes one.
 */
import type { TextTable } from './types.ts';

export const groupingTexts = {
  'grouping.unknown': {
    nb: (p: { key: string; known: string }) => `ukjent gruppering «${p.key}» (kjente: ${p.known})`,
    nn: (p: { key: string; known: string }) => `ukjend gruppering «${p.key}» (kjende: ${p.known})`,
    en: (p: { key: string; known: string }) => `unknown grouping "${p.key}" (known: ${p.known})`,
  },
  'grouping.builtin': {
    nb: (p: { key: string }) => `«${p.key}» er en innebygd gruppering`,
    nn: (p: { key: string }) => `«${p.key}» er ei innebygd gruppering`,
    en: (p: { key: string }) => `"${p.key}" is a built-in grouping`,
  },
  'grouping.twice': {
    nb: (p: { key: string }) => `«${p.key}» står to ganger`,
    nn: (p: { key: string }) => `«${p.key}» står to gonger`,
    en: (p: { key: string }) => `"${p.key}" appears twice`,
  },
  'grouping.key_format': {
    nb: () => 'nøkler består av små bokstaver, sifre og _',
    nn: () => 'nøklar består av små bokstavar, siffer og _',
    en: () => 'keys are lower-case letters, digits and _',
  },
  'grouping.cuts_increase': {
    nb: () => 'grensene må være stigende',
    nn: () => 'grensene må vere stigande',
    en: () => 'cut points must increase',
  },
  'grouping.labels_count': {
    nb: (p: { cuts: number }) => `${p.cuts} ${p.cuts === 1 ? 'grense' : 'grenser'} trenger ${p.cuts + 1} etiketter`,
    nn: (p: { cuts: number }) => `${p.cuts} ${p.cuts === 1 ? 'grense' : 'grenser'} treng ${p.cuts + 1} etikettar`,
    en: (p: { cuts: number }) => `${p.cuts} cut points need ${p.cuts + 1} labels`,
  },
  'grouping.value_twice': {
    nb: (p: { value: number }) => `verdien ${p.value} er i to kategorier`,
    nn: (p: { value: number }) => `verdien ${p.value} er i to kategoriar`,
    en: (p: { value: number }) => `value ${p.value} is in two categories`,
  },
} satisfies TextTable;
