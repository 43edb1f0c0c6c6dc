/**
 * Reading the CSV files survey teams get from spreadsheets and statistics offices: `,` or `;`
 * separated (detected from the header), UTF-8 with or without BOM, LF or CRLF line ends, quoted
 * cells. Every row keeps its line number so a bad value can be named by line and column. A file
 * that is not UTF-8, holds a character we do not store (see text.ts), breaks the limits below or
 * is not well-formed CSV is refused as a whole, with the line where the problem is.
 */
import { parse } from 'csv-parse/sync';
import { invalid, ProblemList } from './errors.ts';
import { type Message, msg } from './i18n/message.ts';
import { findForbidden, forbiddenText, readUtf8, shorten } from './text.ts';

/** A row's cells by (normalised) header name, trimmed. The header index is shared by all rows. */
export class Cells {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: readonly string[],
  ) {}

  get(column: string): string | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : this.values[i];
  }
}

export interface CsvRow {
  /** 1-based line number in the file where the row starts. */
  readonly line: number;
  readonly cells: Cells;
}

export interface CsvTable {
  /** The name used in messages, usually the file's base name. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly separator: ',' | ';';
}

/** `registry.csv line 57, column folketall`, worded in the language it is shown in. */
export function location(file: string, line: number, column?: string): Message {
  return msg('csv.location', column === undefined ? { file, line } : { file, line, column });
}

/** A problem at a place: `registry.csv line 57, column folketall: "12a" is not a number`. */
export function problemAt(where: Message | string, what: Message): Message {
  return msg('common.at', { where, what });
}

/** Chooses `;` or `,` by which occurs more often outside quotes on the header line. */
export function detectSeparator(headerLine: string): ',' | ';' {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of headerLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface ReadCsvOptions {
  /** Header names are lower-cased unless this is false. */
  readonly lowerCaseHeader?: boolean;
}

/** Limits of every CSV the project reads: a bad or hostile file is refused, not echoed or stored. */
export const MAX_CSV_COLUMNS = 500;
/** Longest header name: response imports use `question_key.item_key`, so two keys must fit. */
export const MAX_HEADER_LENGTH = 100;
/** Longest cell: above any text answer (4 000 characters by default) and any name or note. */
export const MAX_CELL_LENGTH = 10_000;
/** Header names: letters (æøå and others), digits, `_`, `-`, `.` and inner spaces. */
const headerPattern = /^[\p{L}\p{M}\p{Nd}_.\- ]+$/u;

export function readCsv(input: string | Buffer, name: string, options: ReadCsvOptions = {}): CsvTable {
  // The file name often comes from an upload: keep it short and printable in every message.
  const file = shorten(name, 120);
  const text = readUtf8(input, file);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trim() === '') throw invalid(problemAt(file, msg('csv.empty_start')));
  const separator = detectSeparator(firstLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      // A bound on one record's bytes, so a file without line breaks cannot grow one without end.
      max_record_size: MAX_CSV_COLUMNS * MAX_CELL_LENGTH * 4,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw invalid(parseErrorMessage(e, text, file, separator));
  }

  const [head, ...body] = records;
  if (head === undefined) throw invalid(problemAt(file, msg('csv.empty')));
  const header = checkHeader(head.record, file, options);
  const index = new Map(header.map((h, i) => [h, i]));
  const rows: CsvRow[] = [];
  const problems = new ProblemList();
  for (const { record, info } of body) {
    // csv-parse counts the line where a record ends; quoted line breaks make a record span lines.
    const line = info.lines - countLineBreaks(record);
    if (record.length !== header.length) {
      problems.add(
        problemAt(
          location(file, line),
          msg('csv.column_count', { expected: header.length, header: header.join(separator), found: record.length }),
        ),
      );
      continue;
    }
    checkCells(record, header, line, file, problems);
    rows.push({ line, cells: new Cells(index, record) });
  }
  problems.throwIfAny();
  return { file, header, rows, separator };
}

function checkHeader(raw: readonly string[], file: string, options: ReadCsvOptions): string[] {
  const head = (what: Message) => invalid(problemAt(location(file, 1), what));
  if (raw.length > MAX_CSV_COLUMNS) throw head(msg('csv.too_many_columns', { found: raw.length, max: MAX_CSV_COLUMNS }));
  const header = raw.map((h) => (options.lowerCaseHeader === false ? h.trim() : h.trim().toLowerCase()));
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    const index = i + 1;
    const bad = findForbidden(h);
    if (bad) throw head(msg('csv.header_forbidden', { index, what: forbiddenText(bad) }));
    if (h === '') throw head(msg('csv.header_empty', { index }));
    if ([...h].length > MAX_HEADER_LENGTH) throw head(msg('csv.header_too_long', { index, name: shorten(h), max: MAX_HEADER_LENGTH }));
    if (!headerPattern.test(h)) throw head(msg('csv.header_characters', { index, name: shorten(h) }));
    if (seen.has(h)) throw head(msg('csv.header_twice', { name: h }));
    seen.add(h);
  }
  return header;
}

/** Refuses forbidden characters and overlong cells, naming the line and the column. */
function checkCells(record: readonly string[], header: readonly string[], line: number, file: string, problems: ProblemList): void {
  let at = line;
  for (const [i, cell] of record.entries()) {
    const column = header[i] as string;
    const bad = findForbidden(cell);
    if (bad) {
      const what = msg('csv.cell_forbidden', { what: forbiddenText(bad), ...(bad.line > 1 ? { cellLine: bad.line } : {}) });
      problems.add(problemAt(location(file, at + bad.line - 1, column), what));
    } else if (cell.length > MAX_CELL_LENGTH && [...cell].length > MAX_CELL_LENGTH) {
      problems.add(problemAt(location(file, at, column), msg('csv.cell_too_long', { max: MAX_CELL_LENGTH })));
    }
    for (const ch of cell) if (ch === '\n') at++;
  }
}

/** csv-parse's errors in our own words, with the line where the problem starts. */
function parseErrorMessage(e: unknown, text: string, file: string, separator: string): Message {
  const err = e as Error & { code?: string; lines?: number; column?: number | string | null };
  const where = (line: number | undefined, column?: number) =>
    msg('csv.parse_location', { file, ...(line === undefined ? {} : { line }), ...(column === undefined ? {} : { column }) });
  const cell = typeof err.column === 'number' ? err.column + 1 : undefined;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return problemAt(where(openQuoteLine(text, separator) ?? err.lines), msg('csv.quote_not_closed'));
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return problemAt(where(err.lines, cell), msg('csv.text_after_quote'));
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return problemAt(where(err.lines, cell), msg('csv.quote_in_cell'));
    case 'CSV_MAX_RECORD_SIZE':
      return problemAt(where(err.lines), msg('csv.row_too_long', { columns: MAX_CSV_COLUMNS, characters: MAX_CELL_LENGTH }));
    default:
      return problemAt(where(err.lines), msg('csv.unreadable'));
  }
}

/**
 * The line of the quote that opens the cell left unclosed at the end of the file. csv-parse only
 * reports the last line; a quote opens a cell at the start of a cell (after the separator or a
 * line break, spaces allowed), and "" inside a quoted cell is an escaped quote.
 */
export function openQuoteLine(text: string, separator: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let quoted = false;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
    } else if (ch === '"' && cellStart) {
      quoted = true;
      cellStart = false;
      openedAt = line;
    } else if (ch === separator || ch === '\n') {
      cellStart = true;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\r') {
      cellStart = false;
    }
    if (ch === '\n') line++;
  }
  return quoted ? openedAt : undefined;
}

function countLineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) for (const ch of cell) if (ch === '\n') n++;
  return n;
}

/** Makes a CSV cell safe: quotes when needed (RFC 4180). */
export function csvCell(value: string | number | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return s.includes(separator) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: readonly (string | number | null | undefined)[], separator = ','): string {
  return values.map((v) => csvCell(v, separator)).join(separator);
}

/**
 * Free text headed for a CSV file that a spreadsheet will open: a leading = + - @ (or tab, CR)
 * could be read as a formula (CSV injection), so such text gets a leading apostrophe, as OWASP
 * advises. Not for XLSX, whose text cells are strings and never formulas.
 */
export function spreadsheetText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
