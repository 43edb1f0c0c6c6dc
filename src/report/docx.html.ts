/**
 * Reading back the report's own HTML pieces for the Word document: the tables render.ts and the
 * figure renderer write (so Word shows exactly the cells the page and PDF show, edge cases
 * included) and the SVG charts with their labels. Only markup this program writes is read here
 * (escaped text, known tags and classes); it is not a general HTML parser.
 */

export interface HtmlCell {
  readonly text: string;
  readonly header: boolean;
  readonly numeric: boolean;
  readonly negative: boolean;
  readonly colspan: number;
  readonly rowspan: number;
}

export interface HtmlRow {
  readonly cells: readonly HtmlCell[];
  /** A row of <thead> (repeated on each page in Word). */
  readonly head: boolean;
  /** A group row (`tr.group`): a grouping's name or a total, shown bold on a tint. */
  readonly group: boolean;
}

export interface HtmlTable {
  readonly caption: string;
  readonly rows: readonly HtmlRow[];
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—' };

/** Text with HTML character references decoded (`&amp;`, `&#39;`, `&nbsp;`, `&#x2013;`). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
const classes = (attrs: string) => new Set((attr(attrs, 'class') ?? '').split(/\s+/).filter((c) => c !== ''));

/** The (first) table in a piece of markup: caption, rows with their cells, spans and classes. */
export function parseHtmlTable(markup: string): HtmlTable {
  const rows: HtmlRow[] = [];
  let caption = '';
  let inCaption = false;
  let inHead = false;
  let row: { cells: HtmlCell[]; group: boolean } | null = null;
  let cell: { text: string; header: boolean; attrs: string } | null = null;
  const tag = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  for (let m = tag.exec(markup); m !== null; m = tag.exec(markup)) {
    const [, close, rawName, attrs = '', text] = m;
    if (text !== undefined) {
      if (cell) cell.text += text;
      else if (inCaption) caption += text;
      continue;
    }
    const name = (rawName ?? '').toLowerCase();
    if (name === 'table' && close) break;
    if (name === 'caption') inCaption = !close;
    else if (name === 'thead') inHead = !close;
    else if (name === 'tr' && !close) row = { cells: [], group: classes(attrs).has('group') };
    else if (name === 'tr' && close && row) {
      rows.push({ cells: row.cells, head: inHead, group: row.group });
      row = null;
    } else if ((name === 'td' || name === 'th') && !close) cell = { text: '', header: name === 'th', attrs };
    else if ((name === 'td' || name === 'th') && close && cell && row) {
      const cls = classes(cell.attrs);
      row.cells.push({
        text: decodeEntities(cell.text)
          .replace(/[ \t\r\n]+/g, ' ')
          .trim(),
        header: cell.header,
        numeric: cls.has('num'),
        negative: cls.has('neg'),
        colspan: Number(attr(cell.attrs, 'colspan') ?? 1) || 1,
        rowspan: Number(attr(cell.attrs, 'rowspan') ?? 1) || 1,
      });
      cell = null;
    } else if (name === 'br' && cell) cell.text += ' ';
  }
  return { caption: decodeEntities(caption).trim(), rows };
}

/** A part of a figure's chart markup: an SVG drawing, or a label above one (a map's role). */
export type ChartPart = { readonly kind: 'svg'; readonly svg: string } | { readonly kind: 'label'; readonly text: string };

/** The drawings and labels of a figure's chart, in order. */
export function chartParts(markup: string): ChartPart[] {
  const parts: ChartPart[] = [];
  for (const m of markup.matchAll(/<p class="note">([\s\S]*?)<\/p>|<svg[\s\S]*?<\/svg>/g)) {
    if (m[1] !== undefined) parts.push({ kind: 'label', text: decodeEntities(m[1].replace(/<[^>]*>/g, '')).trim() });
    else parts.push({ kind: 'svg', svg: m[0] });
  }
  return parts;
}

/** Width and height of an SVG drawing from its viewBox (or width/height attributes). */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = attr(open, 'viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box && box.length === 4 && (box[2] ?? 0) > 0 && (box[3] ?? 0) > 0) return { width: box[2] as number, height: box[3] as number };
  const w = Number.parseFloat(attr(open, 'width') ?? '');
  const h = Number.parseFloat(attr(open, 'height') ?? '');
  return { width: Number.isFinite(w) && w > 0 ? w : 600, height: Number.isFinite(h) && h > 0 ? h : 400 };
}
