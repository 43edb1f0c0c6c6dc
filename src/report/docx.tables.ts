/**
 * Word tables from the report's tables: the cells the page shows (read back by docx.html.ts),
 * with their column and row spans, header rows repeated on each page, numbers right-aligned,
 * group rows bold on a tint, and column widths from the longest text of each column.
 */
import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { HtmlCell, HtmlTable } from './docx.html.ts';

/** The text width of the page in twentieths of a point (A4, 18 mm margins: 174 mm). */
export const textWidthTwips = Math.round((174 / 25.4) * 1440);

const line = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * Column widths from each column's widest text (cells that span one column): as wide as the text
 * needs, a short table narrower than the page; a wide one scaled down to the page's width.
 */
function columnWidths(t: HtmlTable, total: number, size: number): number[] {
  // Place cells on a grid so row spans from rows above are skipped, as Word places them.
  const taken: boolean[][] = [];
  const widest: number[] = [];
  t.rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (taken[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowspan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) (taken[r + dr] as boolean[])[c + dc] = true;
      }
      if (cell.colspan === 1) widest[c] = Math.max(widest[c] ?? 0, Math.min(cell.text.length, c === 0 ? 48 : 24));
      c += cell.colspan;
    }
  });
  const count = Math.max(1, ...taken.map((r) => r.length));
  // About half an em per character at the table's font size, plus the cell's margins.
  const natural = Array.from({ length: count }, (_, c) => Math.round(Math.max(4, widest[c] ?? 4) * size * 5.5 + 200));
  const sum = natural.reduce((a, b) => a + b, 0);
  return sum <= total ? natural : natural.map((w) => Math.floor((w / sum) * total));
}

function cellParagraph(cell: HtmlCell, bold: boolean, size: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    alignment: cell.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { before: 15, after: 15 },
    keepNext,
    children: [
      new TextRun({
        text: cell.text,
        size,
        ...(bold ? { bold: true } : {}),
        ...(cell.negative ? { color: '8A1C1C' } : {}),
      }),
    ],
  });
}

/**
 * A Word table with the table's cells. `size` is the font size in half-points (8 pt for the wide
 * tables of the report, 9 pt for a figure's numbers); `keepTogether` keeps a short table on one page.
 */
export function wordTable(t: HtmlTable, options: { size?: number; width?: number; keepTogether?: boolean } = {}): Table {
  const size = options.size ?? 18;
  const width = options.width ?? textWidthTwips;
  const widths = columnWidths(t, width, size);
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        tableHeader: row.head,
        cantSplit: true,
        children: row.cells.map(
          (cell) =>
            new TableCell({
              children: [cellParagraph(cell, row.head || row.group, size, options.keepTogether === true)],
              verticalAlign: VerticalAlign.BOTTOM,
              margins: { top: 20, bottom: 20, left: 70, right: 70 },
              ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
              ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
              ...(row.group ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF3F8' } } : {}),
            }),
        ),
      }),
  );
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: line, bottom: line, left: none, right: none, insideHorizontal: line, insideVertical: none },
  });
}
