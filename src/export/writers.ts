/**
 * The three export formats, each fed one row at a time:
 * - CSV (UTF-8 with BOM, `,`, CRLF) with `FILE.codebook.csv` beside it;
 * - XLSX (exceljs's streaming writer) with a "Data" sheet and a "Kodebok" sheet;
 * - SAV (SPSS, our own writer in sav.ts) with variable labels, value labels and user-missing codes.
 *
 * Text that a spreadsheet could read as a formula (= + - @, tab, CR first) gets a leading
 * apostrophe in CSV, where a spreadsheet guesses each cell's type. XLSX stores every text as a
 * string cell, never a formula, so it keeps the text as it is (an apostrophe there would be
 * visible and change the answer); SPSS has no formulas either.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { csvLine, spreadsheetText } from '../shared/csv.ts';
import type { Cell, ExportRow, ExportVariable } from './dataset.ts';
import { valueList } from './dataset.ts';
import { savFile } from './sav.ts';

export const exportFormats = ['csv', 'xlsx', 'sav'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface DatasetWriter {
  add(row: ExportRow): Promise<void>;
  /** Finishes the file(s) and returns the paths written. */
  finish(): Promise<string[]>;
}

const codebookHeader = ['variabel', 'tekst', 'type', 'koder', 'manglende_koder'];

/** How text is put in a cell: neutralised for CSV, as it is for XLSX. */
type TextCell = (text: string) => string;
const asIs: TextCell = (text) => text;

function codebookRows(vars: readonly ExportVariable[], text: TextCell): string[][] {
  return vars.map((v) => [v.name, text(v.label), v.kind, text(valueList(v.values)), v.missing.map(String).join('; ')]);
}

/** A cell for a spreadsheet: numbers as numbers, text through `text`, missing empty. */
function sheetCell(v: ExportVariable, value: Cell, text: TextCell): string | number | null {
  if (value === null) return null;
  return v.type === 'string' ? text(String(value)) : value;
}

class StreamFile {
  private readonly stream: fs.WriteStream;
  constructor(path: string) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
  }
  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }
  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

export function csvWriter(path: string, vars: readonly ExportVariable[]): DatasetWriter {
  const file = new StreamFile(path);
  let started = false;
  return {
    async add(row) {
      if (!started) {
        await file.write(`\uFEFF${csvLine(vars.map((v) => v.name))}\r\n`);
        started = true;
      }
      await file.write(`${csvLine(vars.map((v) => sheetCell(v, row.get(v.name) ?? null, spreadsheetText)))}\r\n`);
    },
    async finish() {
      if (!started) await file.write(`\uFEFF${csvLine(vars.map((v) => v.name))}\r\n`);
      await file.close();
      const codebook = `${path}.codebook.csv`.replace(/\.csv\.codebook\.csv$/, '.codebook.csv');
      const lines = [codebookHeader, ...codebookRows(vars, spreadsheetText)].map((r) => csvLine(r));
      fs.writeFileSync(codebook, `\uFEFF${lines.join('\r\n')}\r\n`);
      return [path, codebook];
    },
  };
}

export function xlsxWriter(path: string, vars: readonly ExportVariable[]): DatasetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const data = workbook.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = data.addRow(vars.map((v) => v.name));
  header.font = { bold: true };
  header.commit();
  return {
    async add(row) {
      data.addRow(vars.map((v) => sheetCell(v, row.get(v.name) ?? null, asIs))).commit();
    },
    async finish() {
      data.commit();
      const book = workbook.addWorksheet('Kodebok', { views: [{ state: 'frozen', ySplit: 1 }] });
      const head = book.addRow(codebookHeader);
      head.font = { bold: true };
      head.commit();
      for (const r of codebookRows(vars, asIs)) book.addRow(r).commit();
      book.commit();
      await workbook.commit();
      return [path];
    },
  };
}

export function savWriter(path: string, vars: readonly ExportVariable[]): DatasetWriter {
  // The SAV header holds the number of cases and every string's width, so rows are kept until the end.
  const rows: ExportRow[] = [];
  return {
    async add(row) {
      rows.push(row);
    },
    async finish() {
      fs.writeFileSync(path, savFile(vars, rows));
      return [path];
    },
  };
}

export function datasetWriter(format: ExportFormat, path: string, vars: readonly ExportVariable[]): DatasetWriter {
  switch (format) {
    case 'csv':
      return csvWriter(path, vars);
    case 'xlsx':
      return xlsxWriter(path, vars);
    case 'sav':
      return savWriter(path, vars);
  }
}
