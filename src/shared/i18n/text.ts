/**
 * Messages of text hygiene (shared/text.ts): a character Kommunepuls does not store, where it is,
 * and a file that is not UTF-8 or not YAML/JSON. Code point names (NUL, ESC …) stay as Unicode
 * names them in every language; the rest is worded per language.
 */
import type { Lang, TextTable } from './types.ts';

// biome-ignore format: a table
const c0Names = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

/** `U+0000`, `U+1FFFF`. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

type CharKind = 'control' | 'surrogate' | 'noncharacter';
const kindOf = (cp: number): CharKind => (cp < 0xa0 ? 'control' : cp >= 0xd800 && cp <= 0xdfff ? 'surrogate' : 'noncharacter');

const words = {
  en: {
    control: 'a control character',
    surrogate: 'an invalid character',
    noncharacter: 'a noncharacter',
    c1: 'a C1 control character',
    lone: 'a lone surrogate',
    non: 'a noncharacter',
    at: (column: number, line?: number) => (line === undefined ? `at character ${column}` : `at line ${line}, character ${column}`),
  },
  nb: {
    control: 'et kontrolltegn',
    surrogate: 'et ugyldig tegn',
    noncharacter: 'et reservert tegn',
    c1: 'et C1-kontrolltegn',
    lone: 'et halvt surrogatpar',
    non: 'et ikke-tegn',
    at: (column: number, line?: number) => (line === undefined ? `ved tegn ${column}` : `på linje ${line}, tegn ${column}`),
  },
  nn: {
    control: 'eit kontrollteikn',
    surrogate: 'eit ugyldig teikn',
    noncharacter: 'eit reservert teikn',
    c1: 'eit C1-kontrollteikn',
    lone: 'eit halvt surrogatpar',
    non: 'eit ikkje-teikn',
    at: (column: number, line?: number) => (line === undefined ? `ved teikn ${column}` : `på linje ${line}, teikn ${column}`),
  },
} as const;

/** `U+0000 (NUL)`, `U+0085 (a C1 control character)`, `U+D800 (a lone surrogate)`. */
export function describeCodePoint(cp: number, lang: Lang): string {
  const w = words[lang];
  const hex = codePointLabel(cp);
  if (cp < 0x20) return `${hex} (${c0Names[cp]})`;
  if (cp === 0x7f) return `${hex} (DEL)`;
  if (cp >= 0x80 && cp <= 0x9f) return `${hex} (${w.c1})`;
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex} (${w.lone})`;
  return `${hex} (${w.non})`;
}

/** A forbidden character where it is: `a control character U+0000 (NUL) at character 5`. */
type Forbidden = { cp: number; column: number; line?: number };
const forbidden = (lang: Lang) => (p: Forbidden) =>
  `${words[lang][kindOf(p.cp)]} ${describeCodePoint(p.cp, lang)} ${words[lang].at(p.column, p.line)}`;

type NotUtf8 = { file: string; line: number; column: number; byte: string };

export const textTexts = {
  /** `line` only when the text has several lines. */
  'text.forbidden_char': { nb: forbidden('nb'), nn: forbidden('nn'), en: forbidden('en') },
  /** A forbidden character in a value of a YAML/JSON file or form field. */
  'text.in_value': {
    nb: (p: { what: string }) => `teksten inneholder ${p.what}; fjern det`,
    nn: (p: { what: string }) => `teksten inneheld ${p.what}; fjern det`,
    en: (p: { what: string }) => `the text holds ${p.what}; remove it`,
  },
  /** A forbidden character in a key of a YAML/JSON object. */
  'text.in_key': {
    nb: (p: { what: string }) => `en nøkkel inneholder ${p.what} i nøkkelen; fjern det`,
    nn: (p: { what: string }) => `ein nøkkel inneheld ${p.what} i nøkkelen; fjern det`,
    en: (p: { what: string }) => `a key holds ${p.what} of the key; remove it`,
  },
  'text.not_utf8': {
    nb: (p: NotUtf8) => `${p.file} linje ${p.line}, byte ${p.column}: filen er ikke UTF-8 (byte ${p.byte}); lagre den som UTF-8`,
    nn: (p: NotUtf8) => `${p.file} linje ${p.line}, byte ${p.column}: fila er ikkje UTF-8 (byte ${p.byte}); lagre ho som UTF-8`,
    en: (p: NotUtf8) => `${p.file} line ${p.line}, byte ${p.column}: the file is not UTF-8 (byte ${p.byte}); save it as UTF-8`,
  },
  /** The parser's own first line (English, from the yaml library) is kept as the detail. */
  /** A syntax error in a YAML or JSON file: the parser's words in English only, the place in every language. */
  'text.not_yaml': {
    nb: (p: { file: string; detail: string; line?: number; column?: number }) =>
      `${p.file}: ikke gyldig YAML eller JSON${p.line === undefined ? '' : ` (linje ${p.line}, kolonne ${p.column})`}`,
    nn: (p: { file: string; detail: string; line?: number; column?: number }) =>
      `${p.file}: ikkje gyldig YAML eller JSON${p.line === undefined ? '' : ` (linje ${p.line}, kolonne ${p.column})`}`,
    en: (p: { file: string; detail: string; line?: number; column?: number }) => `${p.file}: not valid YAML/JSON: ${p.detail}`,
  },
  'text.too_deep': {
    nb: (p: { file: string; max: number }) =>
      `${p.file}: lister og avsnitt ligger mer enn ${p.max} nivåer inni hverandre; filen kan ikke være et skjema eller en definisjon`,
    nn: (p: { file: string; max: number }) =>
      `${p.file}: lister og avsnitt ligg meir enn ${p.max} nivå inni kvarandre; fila kan ikkje vere eit skjema eller ein definisjon`,
    en: (p: { file: string; max: number }) =>
      `${p.file}: lists and mappings are nested more than ${p.max} levels deep; this cannot be a questionnaire or definition`,
  },
} satisfies TextTable;
