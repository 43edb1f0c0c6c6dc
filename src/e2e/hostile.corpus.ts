/**
 * A fixed corpus of broken input, derived from valid files: the damage real files arrive with
 * (a spreadsheet saved as Latin-1 or UTF-16, a NUL from a copy-paste, a cut-off download, an
 * unclosed quote) and the hostile kind (huge names and cells, alias bombs, nesting that would
 * exhaust a recursive parser, binary noise). Every entry is broken beyond doubt: an import must
 * refuse each one with a clear error and change nothing. Deterministic (a seeded generator), so
 * a failure names an entry that can be run again.
 */

export interface Broken {
  /** What was done to the file, for the failure message. */
  readonly damage: string;
  readonly bytes: Buffer;
}

/** A small deterministic generator (mulberry32). */
function noise(seed: number, length: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  // Make sure it is not valid UTF-8 by chance.
  out[7] = 0xff;
  return out;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** The lines of a CSV, its separator, and a way to put them back. */
function split(csv: string): { lines: string[]; sep: string; join: (lines: string[]) => string } {
  const eol = csv.includes('\r\n') ? '\r\n' : '\n';
  const lines = csv.replace(/(\r?\n)+$/, '').split(eol);
  const head = lines[0] ?? '';
  const sep = (head.match(/;/g)?.length ?? 0) > (head.match(/,/g)?.length ?? 0) ? ';' : ',';
  return { lines, sep, join: (ls) => `${ls.join(eol)}${eol}` };
}

function replaceCell(line: string, sep: string, index: number, f: (cell: string) => string): string {
  const cells = line.split(sep);
  cells[index] = f(cells[index] ?? '');
  return cells.join(sep);
}

/**
 * Broken versions of a valid CSV with a header and at least four data rows, the second cell of
 * which holds text (a name).
 */
export function brokenCsvs(valid: string): Broken[] {
  const { lines, sep, join } = split(valid);
  if (lines.length < 5) throw new Error('the valid CSV needs a header and four rows');
  const header = lines[0] as string;
  const at = (row: number, f: (line: string) => string) => join(lines.map((l, i) => (i === row ? f(l) : l)));
  const cell = (row: number, f: (c: string) => string) => at(row, (l) => replaceCell(l, sep, 1, f));
  const columns = header.split(sep).length;
  const out: Broken[] = [
    { damage: 'a NUL byte in a cell', bytes: utf8(cell(2, (c) => `${c.slice(0, 2)}\u0000${c.slice(2)}`)) },
    { damage: 'an escape character (U+001B) in a cell', bytes: utf8(cell(3, (c) => `\u001b[31m${c}`)) },
    { damage: 'a NUL byte in the header', bytes: utf8(at(0, (l) => l.replace(sep, `\u0000${sep}`))) },
    {
      damage: 'an invalid UTF-8 byte (0xFF) in a cell',
      bytes: Buffer.concat([utf8(join(lines.slice(0, 3))), Buffer.from([0xff]), utf8(join(lines.slice(3)))]),
    },
    {
      damage: 'the whole file in Latin-1 with æøå',
      bytes: Buffer.from(
        cell(1, (c) => `${c} Ærøskøbing`),
        'latin1',
      ),
    },
    { damage: 'the whole file in UTF-16 with a BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]) },
    { damage: 'a quote opened on the second line and never closed', bytes: utf8(cell(1, (c) => `"${c}`)) },
    { damage: 'a quote in the middle of an unquoted cell', bytes: utf8(cell(2, (c) => `${c.slice(0, 1)}"x"${c.slice(1)}`)) },
    { damage: 'a row with one cell too many', bytes: utf8(at(3, (l) => `${l}${sep}ekstra`)) },
    { damage: 'a row with one cell too few', bytes: utf8(at(4, (l) => l.split(sep).slice(0, -1).join(sep))) },
    { damage: 'a header name of 1 MB', bytes: utf8(at(0, (l) => `${l}${sep}${'x'.repeat(1 << 20)}`)) },
    { damage: 'a cell of 1 MB', bytes: utf8(cell(2, () => 'y'.repeat(1 << 20))) },
    {
      damage: 'a header with 2 000 columns',
      bytes: utf8(at(0, (l) => [l, ...Array.from({ length: 2000 - columns }, (_, i) => `k${i}`)].join(sep))),
    },
    { damage: 'a column named twice in the header', bytes: utf8(at(0, (l) => `${l}${sep}${l.split(sep)[0]}`)) },
    { damage: 'an empty file', bytes: Buffer.alloc(0) },
    { damage: 'only a byte order mark', bytes: Buffer.from([0xef, 0xbb, 0xbf]) },
    { damage: 'only line breaks', bytes: utf8('\r\n\r\n\n') },
    { damage: '4 KB of binary noise', bytes: noise(2019, 4096) },
    { damage: 'cut off inside a two-byte character', bytes: Buffer.concat([utf8(join(lines)), utf8('ø').subarray(0, 1)]) },
  ];
  return out;
}

/** The first top-level key of a YAML document. */
function firstKey(yaml: string): string {
  const m = /^([A-Za-z_][\w-]*):/m.exec(yaml);
  if (!m?.[1]) throw new Error('the valid YAML has no top-level key');
  return m[1];
}

/** Broken versions of a valid YAML document (a questionnaire, a grouping list, a report definition). */
export function brokenYamls(valid: string): Broken[] {
  const nested = `${'- '.repeat(0)}${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
    'h: [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  ].join('\n');
  const firstText = valid.match(/(title|text|label|navn|name): ?(.+)/);
  const withNul = firstText ? valid.replace(firstText[0], `${firstText[0]}\u0000`) : `${valid}\nx: "\u0000"\n`;
  return [
    { damage: 'a NUL byte in a text', bytes: utf8(withNul) },
    {
      damage: 'an invalid UTF-8 byte',
      bytes: Buffer.concat([
        utf8(valid.slice(0, Math.floor(valid.length / 2))),
        Buffer.from([0xc3, 0x28]),
        utf8(valid.slice(Math.floor(valid.length / 2))),
      ]),
    },
    { damage: 'the file in UTF-16', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]) },
    { damage: 'an unclosed flow sequence', bytes: utf8(`${valid}\nbroken: [1, 2\n`) },
    { damage: 'a key twice', bytes: utf8(`${valid}\n${firstKey(valid)}: 1\n`) },
    { damage: 'an alias bomb (billion laughs)', bytes: utf8(bomb) },
    { damage: '20 000 nested brackets', bytes: utf8(nested) },
    { damage: 'a key of 1 MB', bytes: utf8(`${'k'.repeat(1 << 20)}: 1\n`) },
    { damage: 'a scalar where a mapping belongs', bytes: utf8('just a sentence, not a document\n') },
    { damage: 'an empty file', bytes: Buffer.alloc(0) },
    { damage: 'a JSON document with a trailing comma', bytes: utf8('{"role": "skolesjef", "questions": [],}') },
    { damage: '4 KB of binary noise', bytes: noise(2020, 4096) },
  ];
}

/** Broken GeoJSON for a shapes import. */
export function brokenGeoJsons(valid: string): Broken[] {
  return [
    { damage: 'a NUL byte in a name', bytes: utf8(valid.replace(/"(navn|name)":\s*"/, (m) => `${m}\\u0000`)) },
    { damage: 'not JSON', bytes: utf8(`${valid.slice(0, valid.length / 2)}`) },
    { damage: 'an invalid UTF-8 byte', bytes: Buffer.concat([utf8(valid.slice(0, 20)), Buffer.from([0xff]), utf8(valid.slice(20))]) },
    { damage: 'a FeatureCollection without features', bytes: utf8('{"type":"FeatureCollection"}') },
    { damage: 'a polygon with NaN coordinates', bytes: utf8(valid.replace(/\[\s*(-?\d+(\.\d+)?)\s*,/, '[1e999,')) },
    { damage: '20 000 nested arrays', bytes: utf8(`{"type":"FeatureCollection","features":${'['.repeat(20_000)}${']'.repeat(20_000)}}`) },
    { damage: '4 KB of binary noise', bytes: noise(2021, 4096) },
  ];
}
