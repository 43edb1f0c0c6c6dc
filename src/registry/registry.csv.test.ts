import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCsv } from '../shared/csv.ts';
import type { AppError } from '../shared/errors.ts';
import { csvFields, fixtureUnits, registryCsv, withCell } from './fixtures.ts';
import { parseMappingCsv, parseRegistryCsv, registryToCsv } from './registry.csv.ts';

const parse = (text: string) => parseRegistryCsv(readCsv(text, 'registry.csv'));

describe('registry CSV', () => {
  it('reads a ;-separated file with BOM, CRLF, decimal comma and æøå', () => {
    const units = parse(registryCsv({ units: 422, separator: ';', bom: true, crlf: true }));
    assert.equal(units.length, 422);
    const expected = fixtureUnits({ units: 422 });
    assert.deepEqual(units.map(csvFields), expected);
    assert.equal(units[3]?.name, 'Sørfjordåsen 3');
    assert.equal(units[1]?.attributes.innvandrerandel, 5);
  });

  it('reads a ,-separated file without BOM with LF line ends', () => {
    const units = parse(registryCsv({ units: 10, separator: ',', bom: false, crlf: false }));
    assert.equal(units.length, 10);
    assert.equal(units[0]?.attributes.folketall, 1200);
  });

  it('treats an empty cell as a missing value', () => {
    const units = parse(registryCsv({ units: 12 }));
    assert.equal(units[0]?.attributes.bosatt_mottak, undefined);
    assert.equal(units[1]?.attributes.bosatt_mottak, 1);
  });

  it('rejects a CSV row with a non-numeric population, naming line and column', () => {
    const csv = withCell(registryCsv({ units: 100 }), 57, 'folketall', '12a');
    assert.throws(() => parse(csv), { message: 'registry.csv line 57, column folketall: "12a" is not a number' });
  });

  it('words a bad row in bokmål and nynorsk, with the location and the count in the same language', () => {
    let csv = withCell(registryCsv({ units: 100 }), 5, 'sentralitet', 'x');
    csv = withCell(csv, 9, 'folketall', '1.2.3');
    assert.throws(
      () => parse(csv),
      (e: AppError) => {
        assert.equal(e.text('nb'), 'registry.csv linje 5, kolonne sentralitet: «x» er ikke et tall (og 1 problem til)');
        assert.deepEqual(e.texts('nn'), [
          'registry.csv linje 5, kolonne sentralitet: «x» er ikkje eit tal',
          'registry.csv linje 9, kolonne folketall: «1.2.3» er ikkje eit tal',
        ]);
        return true;
      },
    );
  });

  it('counts the further problems after the first', () => {
    let csv = withCell(registryCsv({ units: 100 }), 5, 'sentralitet', 'x');
    csv = withCell(csv, 9, 'folketall', '1.2.3');
    assert.throws(() => parse(csv), { message: 'registry.csv line 5, column sentralitet: "x" is not a number (and 1 more problem)' });
  });

  it('accepts spaces as thousands separators and pads numbers a spreadsheet shortened', () => {
    const csv = 'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall\r\n301;Hovedstaden;3;Hovedfylket;693 494\r\n';
    const [u] = parse(csv);
    assert.equal(u?.number, '0301');
    assert.equal(u?.countyNumber, '03');
    assert.equal(u?.attributes.folketall, 693494);
  });

  it('rejects a county number that does not match the municipality number', () => {
    const csv = withCell(registryCsv({ units: 20 }), 4, 'fylkesnummer', '05');
    assert.throws(
      () => parse(csv),
      /registry\.csv line 4, column fylkesnummer: 05 does not match municipality number 0301 \(its first two digits\)/,
    );
  });

  it('rejects a municipality number that appears twice', () => {
    const csv = withCell(registryCsv({ units: 20 }), 9, 'kommunenummer', '0101');
    assert.throws(() => parse(csv), /registry\.csv line 9, column kommunenummer: 0101 already appears on line 2/);
  });

  it('rejects a file without a required column', () => {
    assert.throws(
      () => parse('kommunenummer;navn;fylkesnavn\n0101;A;B\n'),
      /registry\.csv line 1: required column "fylkesnummer" is missing/,
    );
  });

  it('rejects a row with too few columns', () => {
    assert.throws(() => parse('kommunenummer;navn;fylkesnummer;fylkesnavn\n0101;A;01\n'), /registry\.csv line 2: expected 4 columns/);
  });

  it('rejects an attribute name longer than 64 characters, quoting it short', () => {
    const name = `a${'b'.repeat(70)}`;
    const message = `registry.csv line 1: the attribute name "${name.slice(0, 60)}…" is longer than 64 characters`;
    assert.throws(() => parse(`kommunenummer;navn;fylkesnummer;fylkesnavn;${name}\n0101;A;01;F;1\n`), { message });
    parse(`kommunenummer;navn;fylkesnummer;fylkesnavn;${name.slice(0, 64)}\n0101;A;01;F;1\n`);
  });

  it('rejects an attribute name that is not lower-case letters, digits and _', () => {
    assert.throws(() => parse('kommunenummer;navn;fylkesnummer;fylkesnavn;andel-2019\n0101;A;01;F;1\n'), {
      message:
        'registry.csv line 1: the attribute name "andel-2019" may hold only lower-case letters, digits and _, starting with a letter',
    });
  });

  it('quotes a long bad cell short in its message', () => {
    const csv = withCell(registryCsv({ units: 10 }), 4, 'folketall', `${'9'.repeat(5000)}x`);
    assert.throws(() => parse(csv), { message: `registry.csv line 4, column folketall: "${'9'.repeat(60)}…" is not a number` });
  });

  it('rejects a county with two names', () => {
    const csv = 'kommunenummer;navn;fylkesnummer;fylkesnavn\n0101;A;01;Fylke en\n0102;B;01;Fylke 1\n';
    assert.throws(() => parse(csv), /line 3, column fylkesnavn: county 01 is called "Fylke en" on line 2/);
  });

  it('links a district to its municipality and rejects one whose municipality is missing', () => {
    const units = parse(registryCsv({ units: 20, districts: 15 }));
    const d = units.find((u) => u.number === '030101');
    assert.equal(d?.kind, 'bydel');
    assert.equal(d?.parentNumber, '0301');
    const csv = 'kommunenummer;navn;fylkesnummer;fylkesnavn\n0101;A;01;F\n030101;Bydel;03;H\n';
    assert.throws(() => parse(csv), /line 3, column kommunenummer: district 030101's municipality 0301 is not in the file/);
  });

  it('writes back the same CSV it reads', () => {
    const units = parse(registryCsv({ units: 30, separator: ';', bom: false, crlf: false }));
    assert.deepEqual(parse(registryToCsv(units, ';')), units);
    assert.deepEqual(parse(registryToCsv(units, ',')), units);
  });
});

describe('mapping CSV', () => {
  const ctx = {
    fromUnits: new Set(['0101', '0102', '0103', '0104']),
    toUnits: new Set(['3001', '3002', '3003']),
    fromYear: 2019,
    toYear: 2020,
  };
  const parseMap = (text: string) => parseMappingCsv(readCsv(text, 'mapping.csv'), ctx);

  it('reads merges and splits with shares', () => {
    const entries = parseMap('fra_nummer;til_nummer;andel\n0101;3001;\n0102;3001;\n0103;3002;0,6\n0103;3003;0,4\n');
    assert.equal(entries.length, 4);
    assert.deepEqual(entries[2], { fromNumber: '0103', toNumber: '3002', share: 0.6 });
  });

  it('rejects a split whose shares do not add up to 1', () => {
    assert.throws(() => parseMap('fra_nummer;til_nummer;andel\n0103;3002;0,6\n0103;3003;0,3\n'), /0103 is split into 2 units/);
  });

  it('rejects a number that is not in the registry of its year', () => {
    assert.throws(() => parseMap('fra_nummer,til_nummer\n0101,3001\n0109,3002\n'), {
      message: 'mapping.csv line 3, column fra_nummer: 0109 is not in the 2019 registry',
    });
  });
});
