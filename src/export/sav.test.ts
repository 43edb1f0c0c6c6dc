import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportRow, ExportVariable } from './dataset.ts';
import { cutUtf8, savFile } from './sav.ts';

describe('SAV files', () => {
  it('cuts long texts at 255 bytes without splitting a character', () => {
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
