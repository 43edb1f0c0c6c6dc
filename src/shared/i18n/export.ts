/**
 * Messages about researcher exports (export/): registry attributes asked for as extra columns
 * (`--attributes`, the CLI's option, named as it is typed) and the limits of the SPSS format.
 * The English wording is what the CLI has always printed.
 */
import type { TextTable } from './types.ts';

type Name = { name: string };

export const exportTexts = {
  'export.not_attribute_name': {
    nb: (p: Name) => `--attributes: «${p.name}» er ikke et navn på et registertall`,
    nn: (p: Name) => `--attributes: «${p.name}» er ikkje eit namn på eit registertal`,
    en: (p: Name) => `--attributes: "${p.name}" is not an attribute name`,
  },
  'export.unknown_attribute': {
    nb: (p: Name & { year: number }) => `--attributes: registeret for ${p.year} har ikke registertallet «${p.name}»`,
    nn: (p: Name & { year: number }) => `--attributes: registeret for ${p.year} har ikkje registertalet «${p.name}»`,
    en: (p: Name & { year: number }) => `--attributes: the ${p.year} registry has no attribute "${p.name}"`,
  },
  'export.column_twice': {
    nb: (p: Name) => `--attributes: kolonnen «${p.name}» ville kommet to ganger i eksporten`,
    nn: (p: Name) => `--attributes: kolonnen «${p.name}» ville kome to gonger i eksporten`,
    en: (p: Name) => `--attributes: the column "${p.name}" would appear twice in the export`,
  },
  'export.sav_bad_name': {
    nb: (p: Name) =>
      `SAV: «${p.name}» er ikke et gyldig variabelnavn i SPSS (bokstaver, sifre, _ . @ # $; høyst 64 tegn; ikke et nøkkelord)`,
    nn: (p: Name) =>
      `SAV: «${p.name}» er ikkje eit gyldig variabelnamn i SPSS (bokstavar, siffer, _ . @ # $; høgst 64 teikn; ikkje eit nøkkelord)`,
    en: (p: Name) => `SAV: "${p.name}" is not a valid SPSS variable name (letters, digits, _ . @ # $; at most 64; not a keyword)`,
  },
  'export.sav_name_twice': {
    nb: (p: Name) => `SAV: variabelnavnet «${p.name}» kommer to ganger (SPSS skiller ikke mellom store og små bokstaver)`,
    nn: (p: Name) => `SAV: variabelnamnet «${p.name}» kjem to gonger (SPSS skil ikkje mellom store og små bokstavar)`,
    en: (p: Name) => `SAV: the variable name "${p.name}" appears twice (SPSS ignores case)`,
  },
  'export.sav_string_too_long': {
    nb: (p: Name & { bytes: number; max: number }) =>
      `SAV: en verdi i ${p.name} er ${p.bytes} byte lang; tekster i SPSS kan være høyst ${p.max} byte`,
    nn: (p: Name & { bytes: number; max: number }) =>
      `SAV: ein verdi i ${p.name} er ${p.bytes} byte lang; tekstar i SPSS kan vere høgst ${p.max} byte`,
    en: (p: Name & { bytes: number; max: number }) =>
      `SAV: a value of ${p.name} is ${p.bytes} bytes long; SPSS strings hold at most ${p.max} bytes`,
  },
} satisfies TextTable;
