import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_CELL_LENGTH, MAX_CSV_COLUMNS, readCsv, spreadsheetText } from './csv.ts';
import { AppError } from './errors.ts';

describe('spreadsheetText (CSV injection)', () => {
  const leading: [string, string][] = [
    ['=', '=HYPERLINK("http://x","klikk")'],
    ['+', '+47 99 88 77 66'],
    ['-', '-lensmannen, æøå'],
    ['@', '@SUM(A1:A2)'],
    ['tab', '\t=1+1'],
    ['CR', '\r=1+1'],
  ];
  for (const [name, text] of leading) {
    it(`puts an apostrophe before text that starts with ${name}`, () => {
      assert.equal(spreadsheetText(text), `'${text}`);
    });
  }

  it('keeps text whose first character a spreadsheet does not read as a formula', () => {
    for (const text of ['Politiet', 'a=b', '3-2', ' =1', "'=1", 'æøå\n=1']) assert.equal(spreadsheetText(text), text);
  });

  it('writes a missing text as an empty cell', () => {
    assert.equal(spreadsheetText(null), '');
    assert.equal(spreadsheetText(undefined), '');
  });
});

describe('readCsv refuses what it cannot store', () => {
  const header = 'kommunenummer,navn,folketall';
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `${1000 + i},Kommune ${i},${100 + i}`);
  /** The AppError message readCsv throws for the input. */
  const refusal = (input: string | Buffer, file = 'registry.csv'): string => {
    try {
      readCsv(input, file);
    } catch (e) {
      assert.ok(e instanceof AppError && e.code === 'invalid_input', String(e));
      return e.message;
    }
    assert.fail('the file was accepted');
  };

  it('names the line and column of a NUL in a cell', () => {
    const lines = [header, ...rows(5)];
    lines[2] = '1001,Kom\u0000mune,101';
    assert.equal(
      refusal(lines.join('\n')),
      'registry.csv line 3, column navn: the cell holds a control character U+0000 (NUL) at character 4; remove it',
    );
  });

  it('names the line of a control character inside a quoted cell that spans lines', () => {
    const text = `${header}\n1000,"Første linje\nandre\u0007",5\n1001,B,6\n`;
    assert.match(
      refusal(text),
      /^registry\.csv line 3, column navn: the cell holds a control character U\+0007 \(BEL\) at character 6 \(line 2 of the cell\)/,
    );
  });

  it('names the line and byte of the first byte that is not UTF-8', () => {
    const good = [header, ...rows(2)].join('\n');
    const bytes = Buffer.concat([Buffer.from(`${good}\n1002,Tr`), Buffer.from([0xf8]), Buffer.from('nd,5\n1003,X,6\n')]);
    assert.equal(refusal(bytes), 'registry.csv line 4, byte 8: the file is not UTF-8 (byte 0xF8); save it as UTF-8');
  });

  it('accepts a real U+FFFD in a valid UTF-8 file', () => {
    const table = readCsv(Buffer.from(`\uFEFF${header}\n1000,Ukjent \uFFFD,5\n`, 'utf8'), 'registry.csv');
    assert.equal(table.rows[0]?.cells.get('navn'), 'Ukjent \uFFFD');
  });

  it('reports an unclosed quote at the line where it opened, in its own words', () => {
    const lines = [header, ...rows(439)];
    lines[1] = '1000,"Kommune uten slutt,100';
    assert.equal(lines.length, 440);
    assert.equal(refusal(lines.join('\n')), 'registry.csv line 2: a quoted cell starts here but its closing quote (") is missing');
  });

  it('finds the opening quote past escaped quotes and quoted line breaks', () => {
    const text = `${header}\n1000,"Fin ""gammel""\nkommune",5\n1001,"Åpen ""her"" og\nvidere,6\n1002,C,7\n`;
    assert.equal(refusal(text), 'registry.csv line 4: a quoted cell starts here but its closing quote (") is missing');
  });

  it('words other CSV errors itself, with the line and column', () => {
    const closing = refusal(`${header}\n1000,"Navn"x,5\n`);
    assert.equal(
      closing,
      'registry.csv line 2 (column 2): text follows the closing quote of a quoted cell; write a quote inside a quoted cell as ""',
    );
    const opening = refusal(`${header}\n1000,Na"vn,5\n`);
    assert.match(opening, /^registry\.csv line 2 \(column 2\): a quote \("\) in the middle of a cell/);
    assert.doesNotMatch(`${closing} ${opening}`, /Invalid|Quote:/);
  });

  it('refuses a 1 MB header name with a short message', () => {
    const message = refusal(`kommunenummer,${'a'.repeat(1_000_000)}\n1000,5\n`);
    assert.ok(message.length < 200, `message of ${message.length} characters`);
    assert.equal(message, `registry.csv line 1: the name of column 2 ("${'a'.repeat(60)}…") is longer than 100 characters`);
  });

  it('refuses a header name with characters outside letters, digits, _, -, . and space', () => {
    assert.equal(
      refusal('kommunenummer,folketall(2019)\n1000,5\n'),
      'registry.csv line 1: the name of column 2 ("folketall(2019)") may hold only letters, digits, _, -, . and spaces',
    );
    assert.deepEqual(readCsv('kommunenummer,Sørfjord-andel_2.år navn\n1000,5\n', 'r.csv').header, [
      'kommunenummer',
      'sørfjord-andel_2.år navn',
    ]);
  });

  it('refuses a control character in a header name', () => {
    assert.equal(
      refusal('kommunenummer,na\u001bvn\n1000,5\n'),
      'registry.csv line 1: the name of column 2 holds a control character U+001B (ESC) at character 3; remove it',
    );
  });

  it('refuses a cell longer than the limit, and more columns than the limit', () => {
    const long = `${header}\n1000,${'x'.repeat(MAX_CELL_LENGTH + 1)},5\n`;
    assert.equal(refusal(long), `registry.csv line 2, column navn: the cell is longer than ${MAX_CELL_LENGTH} characters`);
    readCsv(`${header}\n1000,${'x'.repeat(MAX_CELL_LENGTH)},5\n`, 'registry.csv');
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, (_, i) => `k${i}`).join(',');
    assert.equal(refusal(`${wide}\n`), `registry.csv line 1: ${MAX_CSV_COLUMNS + 1} columns, at most ${MAX_CSV_COLUMNS} are read`);
  });

  it('reports the first problem in the file and counts the rest, a short row among them', () => {
    const text = `${header}\n1000,A\u0000,5\n1001,B\n1002,C\u0001,7\n`;
    assert.match(refusal(text), /^registry\.csv line 2, column navn: .* \(and 2 more problems\)$/);
    assert.match(refusal(`${header}\n1001,B\n1000,A\u0000,5\n`), /^registry\.csv line 2: expected 3 columns .* \(and 1 more problem\)$/);
  });

  it('words its problems in bokmål and nynorsk too, with the location in the same language', () => {
    const text = `${header}\n1000,A\u0000,5\n1001,B\n1002,"C\n\u0001",7\n`;
    try {
      readCsv(text, 'registry.csv');
      assert.fail('the file was accepted');
    } catch (e) {
      assert.ok(e instanceof AppError, String(e));
      assert.equal(
        e.text('nb'),
        'registry.csv linje 2, kolonne navn: cellen inneholder et kontrolltegn U+0000 (NUL) ved tegn 2; fjern det (og 2 problemer til)',
      );
      assert.deepEqual(e.texts('nn').slice(1), [
        'registry.csv linje 3: skulle hatt 3 kolonnar (kommunenummer,navn,folketall), men har 2',
        'registry.csv linje 5, kolonne navn: cella inneheld eit kontrollteikn U+0001 (SOH) ved teikn 1 (linje 2 i cella); fjern det',
      ]);
    }
    try {
      readCsv(`${header}\n1000,"Åpen,5\n`, 'registry.csv');
      assert.fail('the file was accepted');
    } catch (e) {
      assert.ok(e instanceof AppError, String(e));
      assert.equal(
        e.text('nb'),
        'registry.csv linje 2: en celle i anførselstegn begynner her, men anførselstegnet (") som skal avslutte den, mangler',
      );
    }
  });

  it('keeps a long or binary file name short in messages', () => {
    assert.match(refusal('', `${'f'.repeat(500)}\u0000.csv`), /^f{120}…: the file is empty/);
  });
});
