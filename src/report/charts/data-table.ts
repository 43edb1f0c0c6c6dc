/**
 * The numbers behind a chart as an accessible HTML table: a caption, column headers with
 * scope="col", the first cell of each row as a row header with scope="row", numbers right-aligned
 * through the class `num` (the page stylesheet has `td.num, th.num { text-align: right }`).
 */
import { formatNumber } from '../../shared/numbers.ts';
import { esc } from './svg.ts';

/** A cell: text as it is, a number (formatted the Norwegian way), or nothing ("–"). */
export type Cell = string | number | null | undefined;

export interface Column {
  readonly label: string;
  /** Right-align the column (default: when every filled body cell of it is a number). */
  readonly numeric?: boolean;
  /** Formats number cells of this column, e.g. shares as "62 %" (default: "12 345", "5,5"). */
  readonly format?: (value: number) => string;
}

export interface DataTableOptions {
  readonly caption: string;
  readonly columns: readonly (string | Column)[];
  readonly rows: readonly (readonly Cell[])[];
  readonly id?: string;
  /** Class of the <table> element. */
  readonly className?: string;
}

export function dataTable(o: DataTableOptions): string {
  const columns: Column[] = o.columns.map((c) => (typeof c === 'string' ? { label: c } : c));
  const numeric = columns.map(
    (c, j) =>
      c.numeric ??
      (j > 0 &&
        o.rows.some((r) => typeof r[j] === 'number') &&
        o.rows.every((r) => typeof r[j] === 'number' || r[j] === null || r[j] === undefined || r[j] === '')),
  );
  const cls = (j: number) => (numeric[j] ? ' class="num"' : '');
  const cell = (v: Cell, j: number): string => {
    if (v === null || v === undefined || v === '') return '–';
    if (typeof v === 'number') return esc(columns[j]?.format?.(v) ?? formatNumber(v));
    return esc(v);
  };
  const head = columns.map((c, j) => `<th scope="col"${cls(j)}>${esc(c.label)}</th>`).join('');
  const body = o.rows
    .map((r) => {
      const cells = columns.map((_, j) => (j === 0 ? `<th scope="row">${cell(r[0], 0)}</th>` : `<td${cls(j)}>${cell(r[j], j)}</td>`));
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const attrs = `${o.id ? ` id="${esc(o.id)}"` : ''}${o.className ? ` class="${esc(o.className)}"` : ''}`;
  return `<table${attrs}><caption>${esc(o.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
