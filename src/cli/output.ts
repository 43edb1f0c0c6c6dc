/**
 * Small helpers for the CLI's output: JSON for scripts, aligned tables for people.
 */

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells: readonly (string | number)[]) =>
    cells
      .map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${[line(header), line(header.map((_, i) => '-'.repeat(widths[i] ?? 0))), ...rows.map(line)].join('\n')}\n`);
}

export function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Label–value lines with the values aligned, for a summary without a table head. */
export function printPairs(rows: readonly (readonly [string, string | number])[]): void {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  for (const [label, value] of rows) say(`${label.padEnd(width)}  ${value}`);
}
