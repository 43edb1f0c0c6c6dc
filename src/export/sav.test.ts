/**
 * The .sav writer: texts of any length (very long strings split into 255-byte segments) come
 * back whole from PSPP, columns stay aligned around them, and the dictionary keeps labels,
 * user-missing codes and system-missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { parse } from 'csv-parse/sync';
import { isCi } from '../config/config.ts';
import { AppError } from '../shared/errors.ts';
import type { Cell, ExportRow, ExportVariable } from './dataset.ts';
import { savFile, savMaxStringBytes } from './sav.ts';
import { cutUtf8 } from './savBytes.ts';

const text = (name: string): ExportVariable => ({ name, label: `Tekst ${name}`, kind: 'tekst', type: 'string', values: [], missing: [] });
const number = (name: string, missing: number[] = []): ExportVariable => ({
  name,
  label: `Tall ${name}`,
  kind: 'heltall',
  type: 'numeric',
  values: [],
  missing,
});
const row = (cells: Record<string, Cell>): ExportRow => new Map(Object.entries(cells));

/** A text of exactly `bytes` UTF-8 bytes with æøå, line breaks and quotes, not ending in a space. */
function answer(bytes: number): string {
  const piece = 'Vi samarbeider med "Politiet" og \'lensmannen\' om tiltak; æøå ÆØÅ.\r\nNeste linje:\n';
  let s = '';
  while (Buffer.byteLength(s + piece) <= bytes) s += piece;
  s += 'x'.repeat(bytes - Buffer.byteLength(s));
  assert.equal(Buffer.byteLength(s), bytes);
  return s;
}

interface ReadBack {
  /** DISPLAY DICTIONARY and any messages, as PSPP's CSV output lines. */
  readonly output: string[];
  /**
   * The cases as PSPP's WRITE puts them: strings in AHEX, so text comes back byte for byte (SAVE
   * TRANSLATE to CSV would turn CR LF into LF), less the trailing spaces SPSS pads strings with;
   * numbers in F40.10 (blank for system-missing).
   */
  readonly rows: Record<string, string>[];
}

function runPspp(dir: string, lines: string[]): string[] {
  const syntax = path.join(dir, 'read.sps');
  const out = path.join(dir, 'out.csv');
  fs.writeFileSync(syntax, `${lines.join('\n')}\n`);
  const run = spawnSync('pspp', ['-O', 'format=csv', '-o', out, syntax], { encoding: 'utf8' });
  assert.equal(run.status, 0, `pspp failed: ${run.stdout}${run.stderr}`);
  const output = fs.readFileSync(out, 'utf8').split(/\r?\n/);
  assert.ok(!/warning|error/i.test(output.join('\n')), `PSPP complained:\n${output.join('\n')}`);
  return output;
}

/** The string width PSPP gives a variable (its print format Aw), 0 for a number. */
function stringWidth(output: string[], name: string): number {
  const line = output.find((l) => l.startsWith(`${name},`));
  assert.ok(line, `PSPP lists no variable ${name}:\n${output.join('\n')}`);
  const [fields] = parse(line) as string[][];
  const format = fields?.[7] ?? '';
  assert.match(format, /^(A\d+|F\d+\.\d+)$/, `print format of ${name}`);
  return format.startsWith('A') ? Number(format.slice(1)) : 0;
}

/** Writes the file, has PSPP read it, and returns what PSPP saw; skips (outside CI) without pspp. */
function readWithPspp(t: TestContext, vars: ExportVariable[], rows: ExportRow[]): ReadBack | undefined {
  if (spawnSync('pspp', ['--version']).error) {
    if (isCi()) assert.fail('pspp must be installed in CI (.ci/run installs it)');
    t.skip('pspp is not installed');
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-sav-'));
  try {
    const sav = path.join(dir, 'data.sav');
    fs.writeFileSync(sav, savFile(vars, rows));
    const output = runPspp(dir, [`GET FILE='${sav}'.`, 'DISPLAY DICTIONARY.']);
    const widths = vars.map((v) => stringWidth(output, v.name));
    const fields = widths.map((w) => (w > 0 ? 2 * w : 40));
    const data = path.join(dir, 'data.txt');
    const formats = vars.map((v, i) => `${v.name} (${(widths[i] ?? 0) > 0 ? `AHEX${fields[i]}` : 'F40.10'})`);
    runPspp(dir, [`GET FILE='${sav}'.`, `WRITE OUTFILE='${data}' /${formats.join(' ')}.`, 'EXECUTE.']);
    const lines = fs.readFileSync(data, 'latin1').split('\n');
    assert.equal(lines.pop(), '', 'the WRITE output ends with a line feed');
    assert.equal(lines.length, rows.length, 'one line per case');
    const back = lines.map((line) => {
      let at = 0;
      return Object.fromEntries(
        vars.map((v, j) => {
          const field = line.slice(at, at + (fields[j] ?? 0));
          at += fields[j] ?? 0;
          const value = (widths[j] ?? 0) > 0 ? Buffer.from(field, 'hex').toString('utf8').replace(/ +$/, '') : field.trim();
          return [v.name, value];
        }),
      );
    });
    return { output, rows: back };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('SAV files', () => {
  it('brings a 3 179-byte answer with æøå, line breaks and quotes back from PSPP byte for byte', (t) => {
    const long = answer(3179);
    // A character split by the first segment boundary (255 bytes) must be joined again.
    const straddling = `${'a'.repeat(254)}ø${answer(3179 - 256)}`;
    assert.equal(Buffer.byteLength(straddling), 3179);
    const vars = [text('kommunenummer'), text('samarbeid_med_tekst')];
    const rows = [
      row({ kommunenummer: '0301', samarbeid_med_tekst: long }),
      row({ kommunenummer: '0302', samarbeid_med_tekst: straddling }),
    ];
    const back = readWithPspp(t, vars, rows);
    if (!back) return;
    assert.ok(
      back.output.includes('samarbeid_med_tekst,2,Tekst samarbeid_med_tekst,Nominal,Input,40,Left,A3179,A3179'),
      back.output.join('\n'),
    );
    assert.equal(Buffer.byteLength(back.rows[0]?.samarbeid_med_tekst ?? ''), 3179);
    assert.ok(Buffer.from(back.rows[0]?.samarbeid_med_tekst ?? '').equals(Buffer.from(long)), 'the 3 179-byte answer changed');
    assert.equal(back.rows[1]?.samarbeid_med_tekst, straddling);
  });

  it('brings 255-, 256- and 600-byte values back whole, each variable as wide as its longest value', (t) => {
    const vars = [text('t255'), text('t256'), text('t600')];
    const rows = [row({ t255: answer(255), t256: answer(256), t600: answer(600) }), row({ t255: 'kort', t256: null, t600: 'ø' })];
    const back = readWithPspp(t, vars, rows);
    if (!back) return;
    for (const [name, width] of [
      ['t255', 255],
      ['t256', 256],
      ['t600', 600],
    ] as const) {
      assert.ok(
        back.output.some((l) => l.startsWith(`${name},`) && l.endsWith(`,A${width},A${width}`)),
        `${name} is not A${width}:\n${back.output.join('\n')}`,
      );
    }
    assert.deepEqual(back.rows, [
      { t255: answer(255), t256: answer(256), t600: answer(600) },
      { t255: 'kort', t256: '', t600: 'ø' },
    ]);
  });

  it('keeps every column aligned when several long strings sit between numbers', (t) => {
    // samarb_1 is also the short name the first segment of samarbeid_tekst would get if names
    // of other variables were not kept free.
    const vars = [
      number('nr'),
      text('samarbeid_tekst'),
      number('samarb_1', [9]),
      text('samarbeid_annet_tekst'),
      text('kort'),
      text('utfordring_tekst'),
      number('andel'),
    ];
    const cells: Record<string, Cell>[] = [
      {
        nr: 1,
        samarbeid_tekst: answer(600),
        samarb_1: 9,
        samarbeid_annet_tekst: answer(3179),
        kort: 'a',
        utfordring_tekst: answer(256),
        andel: 0.25,
      },
      {
        nr: 2,
        samarbeid_tekst: 'kort svar',
        samarb_1: null,
        samarbeid_annet_tekst: null,
        kort: null,
        utfordring_tekst: answer(511),
        andel: 1234567,
      },
      { nr: 3, samarbeid_tekst: null, samarb_1: 151, samarbeid_annet_tekst: answer(1000), kort: 'æ', utfordring_tekst: null, andel: null },
      { nr: null, samarbeid_tekst: answer(505), samarb_1: -3, samarbeid_annet_tekst: 'x', kort: 'b', utfordring_tekst: '=1+1', andel: 2.5 },
    ];
    const back = readWithPspp(t, vars, cells.map(row));
    if (!back) return;
    assert.equal(back.rows.length, cells.length);
    for (const [i, expected] of cells.entries()) {
      for (const v of vars) {
        const got: string | undefined = back.rows[i]?.[v.name];
        const want = expected[v.name];
        if (v.type === 'string') assert.equal(got, want ?? '', `row ${i + 1}, ${v.name}`);
        else if (want === null || want === undefined) assert.equal(got, '', `row ${i + 1}, ${v.name} should be system-missing`);
        else assert.equal(got === '' ? null : Number(got), want, `row ${i + 1}, ${v.name}`);
      }
    }
    assert.ok(
      back.output.some((l) => l.startsWith('samarb_1,3,Tall samarb_1,') && l.endsWith(',9')),
      'user-missing code of samarb_1',
    );
  });

  it(`refuses a text longer than ${savMaxStringBytes} bytes instead of cutting it`, () => {
    assert.throws(
      () => savFile([text('lang')], [row({ lang: 'x'.repeat(savMaxStringBytes + 1) })]),
      (e: unknown) => {
        assert.ok(e instanceof AppError);
        assert.match(e.message, /lang.*32768 bytes/);
        assert.equal(e.text('nb'), 'SAV: en verdi i lang er 32768 byte lang; tekster i SPSS kan være høyst 32767 byte');
        return true;
      },
    );
    assert.doesNotThrow(() => savFile([text('lang')], [row({ lang: 'x'.repeat(savMaxStringBytes) })]));
  });

  it('cuts labels at 255 bytes without splitting a character', () => {
    assert.equal(cutUtf8('abc', 255), 'abc');
    const cut = cutUtf8('æ'.repeat(200), 255);
    assert.equal(cut, 'æ'.repeat(127));
    assert.ok(Buffer.byteLength(cut) <= 255);
  });

  it('writes a missing number as system-missing and marks user-missing codes in the dictionary', () => {
    const vars: ExportVariable[] = [
      { name: 'xx', label: 'X', kind: 'skala', type: 'numeric', values: [{ code: 9, label: 'Vet ikke' }], missing: [9, 8] },
      { name: 't_tekst', label: 'T', kind: 'tekst', type: 'string', values: [], missing: [] },
    ];
    const rows: ExportRow[] = [
      new Map([
        ['xx', null],
        ['t_tekst', 'ø'.repeat(300)],
      ]),
    ];
    const file = savFile(vars, rows);
    assert.equal(file.subarray(0, 4).toString(), '$FL2');
    // x's variable record right after the 176-byte header: 2 missing values, 9 then 8.
    assert.equal(file.readInt32LE(176 + 12), 2);
    const labelLength = file.readInt32LE(176 + 32);
    const at = 176 + 36 + Math.ceil(labelLength / 4) * 4;
    assert.deepEqual([file.readDoubleLE(at), file.readDoubleLE(at + 8)], [9, 8]);
    // The data: compressed, the first code is 255 (system-missing) rather than bias + 0.
    const data = file.indexOf(Buffer.from([0xe7, 0x03, 0, 0, 0, 0, 0, 0])) + 8; // record 999 and its filler
    assert.equal(file[data], 255);
  });
});
