/**
 * SPSS system files (.sav) through sav-writer, with two repairs:
 * - sav-writer turns a missing number (null) into 0; a missing cell is passed as NaN, which it
 *   writes as system-missing;
 * - sav-writer has no user-missing values; they are added to the variable records afterwards
 *   (up to three discrete codes per numeric variable, as the format allows).
 * Strings are cut at 255 bytes (at a character boundary): sav-writer cannot write longer ones.
 */

import { type SavVariable, VariableAlignment, VariableMeasure, VariableType } from 'sav-writer';
import { recordsToBuffer, variablesToBuffer } from 'sav-writer/lib/writer/stream.js';
import { invalid } from '../shared/errors.ts';
import type { Cell, ExportRow, ExportVariable } from './dataset.ts';

/** The longest string sav-writer can write (no "very long string" records). */
export const savMaxStringBytes = 255;

/** Cuts a text to at most `max` UTF-8 bytes without splitting a character. */
export function cutUtf8(text: string, max: number): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) break;
    out += ch;
    bytes += n;
  }
  return out;
}

const headerBytes = 176;

/** Adds user-missing codes to the (numeric) variable records of a dictionary sav-writer wrote. */
export function withMissingValues(dictionary: Buffer, missing: readonly (readonly number[])[]): Buffer {
  const parts: Buffer[] = [dictionary.subarray(0, headerBytes)];
  let pos = headerBytes;
  let index = 0;
  while (pos + 4 <= dictionary.length && dictionary.readInt32LE(pos) === 2) {
    const type = dictionary.readInt32LE(pos + 4);
    const hasLabel = dictionary.readInt32LE(pos + 8);
    let end = pos + 32;
    if (hasLabel === 1) end += 4 + Math.ceil(dictionary.readInt32LE(end) / 4) * 4;
    const record = Buffer.from(dictionary.subarray(pos, end));
    parts.push(record);
    if (type !== -1) {
      // -1 marks the continuation of a string wider than 8 bytes, not a variable of its own.
      const codes = type === 0 ? (missing[index] ?? []).slice(0, 3) : [];
      if (codes.length > 0) {
        record.writeInt32LE(codes.length, 12);
        const values = Buffer.alloc(8 * codes.length);
        for (const [i, c] of codes.entries()) values.writeDoubleLE(c, 8 * i);
        parts.push(values);
      }
      index++;
    }
    pos = end;
  }
  parts.push(dictionary.subarray(pos));
  return Buffer.concat(parts);
}

function savValue(v: ExportVariable, value: Cell): string | number {
  if (v.type === 'string') return value === null ? '' : cutUtf8(String(value), savMaxStringBytes);
  return value === null || typeof value !== 'number' ? Number.NaN : value;
}

/** The whole .sav file of some rows. */
export function savFile(vars: readonly ExportVariable[], rows: readonly ExportRow[]): Buffer {
  const short = vars.find((v) => v.name.length < 2);
  if (short) throw invalid(`SAV: the variable name "${short.name}" is too short for sav-writer (2 characters at least)`);
  const records = rows.map((row) => Object.fromEntries(vars.map((v) => [v.name, savValue(v, row.get(v.name) ?? null)])));
  const savVars: SavVariable[] = vars.map((v) => {
    if (v.type === 'string') {
      const longest = Math.max(1, ...records.map((r) => Buffer.byteLength(String(r[v.name]), 'utf8')));
      const width = Math.min(savMaxStringBytes, Math.ceil(longest / 8) * 8);
      return {
        name: v.name,
        label: v.label,
        type: VariableType.String,
        width,
        decimal: 0,
        columns: Math.min(width, 40),
        alignment: VariableAlignment.Left,
        measure: VariableMeasure.Nominal,
      };
    }
    const integral = records.every((r) => {
      const x = r[v.name];
      return typeof x !== 'number' || Number.isNaN(x) || Number.isInteger(x);
    });
    return {
      name: v.name,
      label: v.label,
      type: VariableType.Numeric,
      width: integral ? 8 : 12,
      decimal: integral ? 0 : 2,
      columns: integral ? 8 : 12,
      alignment: VariableAlignment.Right,
      measure: v.values.length > 0 ? (v.kind === 'skala' ? VariableMeasure.Ordinal : VariableMeasure.Nominal) : VariableMeasure.Continuous,
      valueLabels: v.values.map((x) => ({ value: x.code, label: x.label })),
    };
  });
  const dictionary = withMissingValues(
    variablesToBuffer(savVars, records.length),
    vars.map((v) => v.missing),
  );
  return Buffer.concat([dictionary, recordsToBuffer(records, savVars)]);
}
