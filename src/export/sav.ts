/**
 * SPSS system files (.sav), written by our own small writer after PSPP's "System File Format"
 * description. We used the npm package sav-writer before, but it cannot write strings over 255
 * bytes (free-text answers were cut there) and it also needed repairs (no user-missing values,
 * 0 for a missing number, left alignment lost); the format is small enough to write whole, which
 * is cleaner than patching another writer's bytes.
 *
 * What is written: the header; one variable record per segment (see below) with the variable
 * label and up to three discrete user-missing codes; value labels of numeric variables; machine
 * integer/float info; display parameters (measure, columns, alignment); long variable names
 * (subtype 13); very long strings (subtype 14); the encoding (subtype 20, UTF-8, so æøå survive);
 * then the cases, bytecode-compressed, with system-missing for an empty numeric cell.
 *
 * Strings: a string variable is as wide as its longest value in bytes (at least 1). A string over
 * 255 bytes is a "very long string": n = ceil(width / 252) segment variables, each but the last
 * 255 wide, holding 255 bytes of the value each; the subtype 14 record tells readers to join them
 * back into one variable. So every text comes back whole (up to 32 767 bytes, the format's limit;
 * a longer one is refused rather than cut), less trailing spaces: SPSS pads strings with spaces,
 * so readers cannot tell them apart. Labels are limited by the format: variable and value labels
 * are cut at 255 bytes (at a character boundary); the full texts are in the CSV/XLSX codebooks.
 */

import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Cell, ExportRow, ExportVariable } from './dataset.ts';
import { ByteWriter, CompressedCases, compressionBias, cutUtf8 } from './savBytes.ts';

/** The widest string the format allows. */
export const savMaxStringBytes = 32767;
/** The widest string stored in a single variable; wider ones are split into segments. */
const segmentBytes = 255;
/** Width a segment accounts for in the very long string's width (the format's own rule). */
const effectiveSegmentBytes = 252;
const labelBytes = 255;

const formatNumeric = 5;
const formatString = 1;
const measures = { nominal: 1, ordinal: 2, scale: 3 } as const;
const alignments = { left: 0, right: 1 } as const;

interface Segment {
  readonly shortName: string;
  /** The segment's string width, 0 for a number. */
  readonly width: number;
  /** Where the segment's bytes start in the value. */
  readonly offset: number;
}

interface SavVariable {
  readonly v: ExportVariable;
  /** 0 for a number, else the string width in bytes. */
  readonly width: number;
  readonly segments: readonly Segment[];
  /** Print/write format (type << 16 | width << 8 | decimals) of the first segment. */
  readonly format: number;
  readonly columns: number;
  readonly measure: number;
  readonly alignment: number;
}

const roundUp = (x: number, to: number) => Math.ceil(x / to) * to;
const bytesOf = (width: number) => (width === 0 ? 8 : roundUp(width, 8));

function segmentWidths(width: number): number[] {
  if (width <= segmentBytes) return [width];
  const n = Math.ceil(width / effectiveSegmentBytes);
  return Array.from({ length: n }, (_, i) => (i < n - 1 ? segmentBytes : width - i * effectiveSegmentBytes));
}

const reserved = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);

function checkNames(vars: readonly ExportVariable[]): void {
  const seen = new Set<string>();
  for (const v of vars) {
    const upper = v.name.toUpperCase();
    if (!/^[A-Za-z@#$][A-Za-z0-9@#$_.]*$/.test(v.name) || v.name.endsWith('.') || v.name.length > 64 || reserved.has(upper)) {
      throw invalid(msg('export.sav_bad_name', { name: v.name }));
    }
    if (seen.has(upper)) throw invalid(msg('export.sav_name_twice', { name: v.name }));
    seen.add(upper);
  }
}

/**
 * Short (8-byte) names for every segment, unique among themselves and never equal to another
 * variable's long name (readers look names up without regard to case).
 */
function shortNames(vars: readonly ExportVariable[], segmentCounts: readonly number[]): string[][] {
  const taken = new Set(vars.filter((v) => v.name.length <= 8).map((v) => v.name.toUpperCase()));
  const claim = (base: string) => {
    let name = base.slice(0, 8);
    for (let k = 1; taken.has(name); k++) name = `${base.slice(0, 8 - `_${k}`.length)}_${k}`;
    taken.add(name);
    return name;
  };
  return vars.map((v, i) => {
    const upper = v.name.toUpperCase();
    const first = v.name.length <= 8 ? upper : claim(upper);
    const names = [first];
    for (let s = 1; s < (segmentCounts[i] ?? 1); s++) names.push(claim(first));
    return names;
  });
}

function layout(vars: readonly ExportVariable[], rows: readonly ExportRow[]): SavVariable[] {
  checkNames(vars);
  const widths = vars.map((v) => {
    if (v.type !== 'string') return 0;
    let longest = 1;
    for (const row of rows) {
      const value = row.get(v.name);
      if (value !== null && value !== undefined) longest = Math.max(longest, Buffer.byteLength(String(value), 'utf8'));
    }
    if (longest > savMaxStringBytes) {
      throw invalid(msg('export.sav_string_too_long', { name: v.name, bytes: longest, max: savMaxStringBytes }));
    }
    return longest;
  });
  const perVar = widths.map((w) => segmentWidths(w));
  const names = shortNames(
    vars,
    perVar.map((s) => s.length),
  );
  return vars.map((v, i) => {
    const width = widths[i] ?? 0;
    const segs = perVar[i] ?? [0];
    const segments = segs.map((w, s) => ({ shortName: names[i]?.[s] ?? '', width: w, offset: s * segmentBytes }));
    if (width > 0) {
      return {
        v,
        width,
        segments,
        format: (formatString << 16) | ((segs[0] ?? 1) << 8),
        columns: Math.min(width, 40),
        measure: measures.nominal,
        alignment: alignments.left,
      };
    }
    const numbers = rows.map((r) => r.get(v.name)).filter((x): x is number => typeof x === 'number' && !Number.isNaN(x));
    const integral = numbers.every((x) => Number.isInteger(x));
    const digits = Math.max(0, ...numbers.map((x) => String(Math.round(x)).length));
    const w = integral ? Math.min(40, Math.max(8, digits)) : Math.min(40, Math.max(12, digits + 3));
    const measure = v.values.length === 0 ? measures.scale : v.kind === 'skala' ? measures.ordinal : measures.nominal;
    return {
      v,
      width: 0,
      segments,
      format: (formatNumeric << 16) | (w << 8) | (integral ? 0 : 2),
      columns: w,
      measure,
      alignment: alignments.right,
    };
  });
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

function header(out: ByteWriter, octs: number, cases: number, created: Date): void {
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][created.getMonth()] ?? 'Jan';
  const date = `${twoDigits(created.getDate())} ${month} ${twoDigits(created.getFullYear() % 100)}`;
  const time = [created.getHours(), created.getMinutes(), created.getSeconds()].map(twoDigits).join(':');
  out.fixed('$FL2', 4).fixed('@(#) SPSS DATA FILE Kommunepuls', 60);
  out.int32(2, octs, 1, 0, cases).float64(compressionBias);
  out.fixed(date, 9).fixed(time, 8).fixed('', 64).zeros(3);
}

/** The continuation records after a string segment wider than 8 bytes. */
function continuations(out: ByteWriter, width: number): void {
  for (let pos = 8; pos < width; pos += 8) out.int32(2, -1, 0, 0, 0, 0).fixed('', 8);
}

function variableRecords(out: ByteWriter, sv: SavVariable): void {
  const [first, ...rest] = sv.segments;
  if (!first) return;
  const label = cutUtf8(sv.v.label, labelBytes);
  const missing = sv.width === 0 ? sv.v.missing.slice(0, 3) : [];
  out.int32(2, first.width, label === '' ? 0 : 1, missing.length, sv.format, sv.format).fixed(first.shortName, 8);
  if (label !== '') {
    const n = Buffer.byteLength(label, 'utf8');
    out.int32(n).fixed(label, roundUp(n, 4), 0);
  }
  if (missing.length > 0) out.float64(...missing);
  continuations(out, first.width);
  for (const s of rest) {
    const format = (formatString << 16) | (Math.max(s.width, 1) << 8);
    out.int32(2, s.width, 0, 0, format, format).fixed(s.shortName, 8);
    continuations(out, s.width);
  }
}

function valueLabels(out: ByteWriter, svars: readonly SavVariable[]): void {
  let index = 1; // 1-based position of the variable's first 8-byte unit in a case
  for (const sv of svars) {
    if (sv.width === 0 && sv.v.values.length > 0) {
      out.int32(3, sv.v.values.length);
      for (const { code, label } of sv.v.values) {
        const text = cutUtf8(label, labelBytes);
        const n = Buffer.byteLength(text, 'utf8');
        out
          .float64(code)
          .bytes(Buffer.from([n]))
          .fixed(text, roundUp(n + 1, 8) - 1);
      }
      out.int32(4, 1, index);
    }
    for (const s of sv.segments) index += bytesOf(s.width) / 8;
  }
}

/** A type 7 record of bytes (size 1). */
function textRecord(out: ByteWriter, subtype: number, content: Buffer): void {
  if (content.length > 0) out.int32(7, subtype, 1, content.length).bytes(content);
}

function extensionRecords(out: ByteWriter, svars: readonly SavVariable[]): void {
  // Machine integer info: version 1.0.0, machine -1, IEEE floats, compression 1, little-endian, UTF-8.
  out.int32(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001);
  // Machine float info: system-missing, HIGHEST, LOWEST.
  const lowest = Buffer.alloc(8);
  lowest.writeBigUInt64LE(0xffeffffffffffffen);
  out.int32(7, 4, 8, 3).float64(-Number.MAX_VALUE, Number.MAX_VALUE).bytes(lowest);
  // Display parameters: one set per segment; later segments show their own part's width.
  const display = svars.flatMap((sv) =>
    sv.segments.map((_, i) => [sv.measure, i === 0 ? sv.columns : Math.min(32, sv.width - i * effectiveSegmentBytes), sv.alignment]),
  );
  out.int32(7, 11, 4, display.length * 3, ...display.flat());
  textRecord(out, 13, Buffer.from(svars.map((sv) => `${sv.segments[0]?.shortName}=${sv.v.name}`).join('\t'), 'utf8'));
  const veryLong = svars
    .filter((sv) => sv.segments.length > 1)
    .map((sv) => `${sv.segments[0]?.shortName}=${String(sv.width).padStart(5, '0')}\0\t`);
  textRecord(out, 14, Buffer.from(veryLong.join(''), 'utf8'));
  textRecord(out, 20, Buffer.from('UTF-8', 'utf8'));
}

function cases(svars: readonly SavVariable[], rows: readonly ExportRow[]): Buffer {
  const data = new CompressedCases();
  for (const row of rows) {
    for (const sv of svars) {
      const value: Cell = row.get(sv.v.name) ?? null;
      if (sv.width === 0) {
        data.number(typeof value === 'number' ? value : Number.NaN);
        continue;
      }
      const bytes = value === null ? Buffer.alloc(0) : Buffer.from(String(value), 'utf8');
      for (const s of sv.segments) {
        const segment = Buffer.alloc(bytesOf(s.width), 0x20);
        bytes.copy(segment, 0, Math.min(s.offset, bytes.length), Math.min(s.offset + segmentBytes, bytes.length));
        data.string(segment);
      }
    }
  }
  return data.toBuffer();
}

/** The whole .sav file of some rows. */
export function savFile(vars: readonly ExportVariable[], rows: readonly ExportRow[], created = new Date()): Buffer {
  const svars = layout(vars, rows);
  const octs = svars.reduce((n, sv) => n + sv.segments.reduce((m, s) => m + bytesOf(s.width) / 8, 0), 0);
  const out = new ByteWriter();
  header(out, octs, rows.length, created);
  for (const sv of svars) variableRecords(out, sv);
  valueLabels(out, svars);
  extensionRecords(out, svars);
  out.int32(999, 0);
  return Buffer.concat([out.toBuffer(), cases(svars, rows)]);
}
