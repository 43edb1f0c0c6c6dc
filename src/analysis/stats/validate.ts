/** Input checks shared by the statistics functions. Bad input is a caller's bug: they throw RangeError. */

/** A two-way table of counts, rows × columns; every row has the same length. */
export type Table = readonly (readonly number[])[];

/** Throws unless `x` is a finite number ≥ 0 (and a whole number when `integer`). */
export function assertCount(x: number, what: string, integer = true): void {
  if (!Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
    throw new RangeError(`${what} must be a ${integer ? 'non-negative integer' : 'finite non-negative number'}, got ${x}`);
  }
}

/** Throws unless `table` is rectangular with valid counts; returns its column count (0 for no rows). */
export function assertTable(table: Table, integer: boolean): number {
  const cols = table[0]?.length ?? 0;
  table.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`table row ${i} has ${row.length} cells, expected ${cols}`);
    row.forEach((x, j) => {
      assertCount(x, `table[${i}][${j}]`, integer);
    });
  });
  return cols;
}

/** A table with its all-zero rows and columns removed, and the original indices of what was kept. */
export interface ReducedTable {
  readonly table: number[][];
  readonly rows: number[];
  readonly cols: number[];
}

/** Removes the rows and columns whose total is 0 (they carry no information about association). */
export function dropEmpty(table: Table): ReducedTable {
  const { rows: rowSums, cols: colSums } = margins(table);
  const keptRows = rowSums.flatMap((s, i) => (s > 0 ? [i] : []));
  const keptCols = colSums.flatMap((s, j) => (s > 0 ? [j] : []));
  return {
    table: keptRows.map((i) => keptCols.map((j) => table[i]?.[j] ?? 0)),
    rows: keptRows,
    cols: keptCols,
  };
}

/** Row and column totals and the grand total of a rectangular table. */
export function margins(table: Table): { rows: number[]; cols: number[]; total: number } {
  const ncol = table[0]?.length ?? 0;
  const rows = table.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = Array.from({ length: ncol }, (_, j) => table.reduce((a, row) => a + (row[j] ?? 0), 0));
  return { rows, cols, total: rows.reduce((a, b) => a + b, 0) };
}
