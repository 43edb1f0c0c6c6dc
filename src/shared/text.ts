/**
 * Text hygiene at the input boundaries (CSV and YAML/JSON files, web forms): which characters
 * Kommunepuls refuses to store, where the first one is, strict UTF-8 decoding that says where a
 * file stops being UTF-8, and quoting user input in messages so a huge value is not echoed back.
 *
 * Forbidden, and why:
 * - C0 control characters except TAB, LF and CR: NUL cannot be stored in PostgreSQL text at all
 *   (SQLite would keep it silently, so the two stores would differ); the others are invisible,
 *   come from binary files or broken copies, and break exports and the SPSS file.
 * - DEL (U+007F) and the C1 controls (U+0080–U+009F): also invisible and never meant in survey
 *   text; C1 characters are the mark of text decoded with the wrong encoding (UTF-8 "’" read as
 *   Latin-1 gives "â" followed by U+0080 U+0099), so refusing them catches mangled files early.
 * - Noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane): reserved by
 *   Unicode for internal use, never valid in interchanged text.
 * - Lone surrogates (from `\ud800` escapes in JSON/YAML or a broken client): not a character,
 *   and the PostgreSQL driver would silently turn them into U+FFFD.
 * U+FFFD (the replacement character) itself is allowed: it is a real character in valid UTF-8.
 */
import { invalid } from './errors.ts';
import { type Message, msg } from './i18n/message.ts';

export { codePointLabel } from './i18n/text.ts';

/** Longest piece of user input repeated in a message. */
export const MESSAGE_QUOTE_LENGTH = 60;

// With the `u` flag a surrogate pair is one code point, so \p{Cs} matches only lone surrogates.
const forbiddenPattern = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const forbiddenGlobal = new RegExp(forbiddenPattern.source, 'gu');

export interface ForbiddenChar {
  /** UTF-16 index in the string. */
  readonly index: number;
  readonly codePoint: number;
  /** 1-based line (lines end at LF) and column (in characters) within the string. */
  readonly line: number;
  readonly column: number;
}

/** Whether the string holds a character Kommunepuls does not store. */
export function hasForbidden(s: string): boolean {
  return forbiddenPattern.test(s);
}

/** The first forbidden character of the string with its line and column, or undefined. */
export function findForbidden(s: string): ForbiddenChar | undefined {
  const m = forbiddenPattern.exec(s);
  if (!m) return undefined;
  const index = m.index;
  const lineStart = s.lastIndexOf('\n', index - 1) + 1;
  let line = 1;
  for (let i = s.indexOf('\n'); i !== -1 && i < index; i = s.indexOf('\n', i + 1)) line++;
  return { index, codePoint: m[0].codePointAt(0) as number, line, column: [...s.slice(lineStart, index)].length + 1 };
}

/**
 * What a message says about a forbidden character: `a control character U+0000 (NUL) at
 * character 5`, with the line too when the text has several (`at line 2, character 5`).
 */
export function forbiddenText(f: ForbiddenChar, multiLine = false): Message {
  return msg('text.forbidden_char', { cp: f.codePoint, column: f.column, ...(multiLine ? { line: f.line } : {}) });
}

/** The string with every forbidden character replaced (by U+FFFD unless told otherwise). */
export function replaceForbidden(s: string, replacement = '\uFFFD'): string {
  return s.replace(forbiddenGlobal, replacement);
}

/**
 * User input fit to repeat in a message: forbidden characters shown as U+FFFD (so the message
 * itself can be logged and stored), line breaks as spaces, cut to `max` characters with "…".
 */
export function shorten(s: string, max = MESSAGE_QUOTE_LENGTH): string {
  const chars = [...replaceForbidden(s.length > 4 * max ? s.slice(0, 4 * max) : s).replace(/[\r\n\t]+/g, ' ')];
  return chars.length > max || s.length > 4 * max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

/** `shorten` in double quotes: `"Sørfjordåsen kommune og …"`. */
export function quoteShort(s: string, max = MESSAGE_QUOTE_LENGTH): string {
  return `"${shorten(s, max)}"`;
}

export type Utf8Result =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      /** 0-based offset of the first byte that is not valid UTF-8. */
      readonly offset: number;
      /** 1-based line (counted by LF bytes) and byte column within that line. */
      readonly line: number;
      readonly column: number;
      readonly byte: number;
    };

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes strict UTF-8 (a leading BOM dropped); on failure says where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    // (A typed array's lastIndexOf counts a negative start from the end, hence the guard.)
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    return { ok: false, offset, line, column: offset - lineStart + 1, byte: bytes[offset] ?? 0 };
  }
}

/**
 * The decoded text of a file, or an AppError naming the file, line and byte of the first byte
 * that is not UTF-8. A string is taken as already decoded (a leading BOM dropped).
 */
export function readUtf8(input: string | Uint8Array, file: string): string {
  if (typeof input === 'string') return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const r = decodeUtf8(input);
  if (r.ok) return r.text;
  const byte = `0x${r.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  throw invalid(msg('text.not_utf8', { file, line: r.line, column: r.column, byte }));
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode table
 * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or the length when all is well.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (d < min || d > max) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/** Where in a parsed YAML/JSON value the first forbidden character is. */
export interface ForbiddenAt {
  /** Path of the field (`['questions', 4, 'options', 2, 'label', 'nb']`). */
  readonly path: readonly (string | number)[];
  /** Whether it is in a key of that object rather than in a value. */
  readonly inKey: boolean;
  /** The string (value or key) that holds it. */
  readonly text: string;
  readonly found: ForbiddenChar;
}

/** Walks a parsed value (objects, arrays, strings) for the first forbidden character, keys included. */
export function findForbiddenIn(value: unknown, path: (string | number)[] = []): ForbiddenAt | undefined {
  if (typeof value === 'string') {
    const found = findForbidden(value);
    return found ? { path, inKey: false, text: value, found } : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const r = findForbiddenIn(v, [...path, i]);
      if (r) return r;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const inKey = findForbidden(k);
      if (inKey) return { path, inKey: true, text: k, found: inKey };
      const r = findForbiddenIn(v, [...path, k]);
      if (r) return r;
    }
  }
  return undefined;
}

/**
 * The problem with a parsed value, with the field's path (`formatPath` turns the path into
 * `questions[4].options[2].label.nb`), or undefined when every string is clean.
 */
export function forbiddenProblem(value: unknown, formatPath: (path: readonly (string | number)[]) => string): Message | undefined {
  const bad = findForbiddenIn(value);
  if (!bad) return undefined;
  const where = formatPath(bad.path);
  const what = bad.inKey
    ? msg('text.in_key', { what: forbiddenText(bad.found) })
    : msg('text.in_value', { what: forbiddenText(bad.found, bad.text.includes('\n')) });
  return where === '' ? what : msg('common.at', { where, what });
}
