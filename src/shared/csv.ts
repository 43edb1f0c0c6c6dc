/**
 * Reading the CSV files survey teams get from spreadsheets and statistics offices: `,` or `;`
 * separated (detected from the header), UTF-8 with or without BOM, LF or CRLF line ends, quoted
 * cells. Every row keeps its line number so a bad value can be named by line and column.
 */
import { parse } from 'csv-parse/sync';
import { invalid } from './errors.ts';

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

/** `registry.csv line 57, column folketall` */
export function location(file: string, line: number, column?: string): string {
  return column === undefined ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
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

export function readCsv(input: string | Buffer, file: string, options: ReadCsvOptions = {}): CsvTable {
  let text = typeof input === 'string' ? input : input.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\uFFFD')) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw invalid(`${location(file, line)}: the file is not UTF-8 (save it as "CSV UTF-8")`);
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  if (firstLine.trim() === '') throw invalid(`${file}: the file is empty or starts with an empty line`);
  const separator = detectSeparator(firstLine);

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: separator,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw invalid(`${err.lines === undefined ? file : location(file, err.lines)}: ${err.message.replace(/^Invalid.*?: /, '')}`);
  }

  const [head, ...body] = records;
  if (head === undefined) throw invalid(`${file}: the file is empty`);
  const header = head.record.map((h) => (options.lowerCaseHeader === false ? h.trim() : h.trim().toLowerCase()));
  const seen = new Set<string>();
  for (const [i, h] of header.entries()) {
    if (h === '') throw invalid(`${location(file, 1)}: column ${i + 1} has no name in the header`);
    if (seen.has(h)) throw invalid(`${location(file, 1)}: column "${h}" appears twice in the header`);
    seen.add(h);
  }

  const index = new Map(header.map((h, i) => [h, i]));
  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    // csv-parse counts the line where a record ends; quoted line breaks make a record span lines.
    const line = info.lines - countLineBreaks(record);
    if (record.length !== header.length) {
      throw invalid(`${location(file, line)}: expected ${header.length} columns (${header.join(separator)}), found ${record.length}`);
    }
    rows.push({ line, cells: new Cells(index, record) });
  }
  return { file, header, rows, separator };
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
 * Free text headed for a spreadsheet: a leading = + - @ would be read as a formula (CSV
 * injection), so such text gets a leading apostrophe, as OWASP advises.
 */
export function spreadsheetText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
