/**
 * The report as a Word document (DOCX, with the `docx` library), from the same built `Report` as
 * the page and the PDF, for a publishing process that ends in Word: a title page, a table of
 * contents and a list of figures as Word fields (filled in already, updated by Word on opening),
 * chapters as Heading 1 with their Markdown headings below, captions in Word's Caption style
 * numbered with SEQ fields ("Figur 4: …", "Tabell 1: …", as on the page), the report's tables and
 * each figure's numbers as Word tables, charts as PNG images (docx.images.ts) with the caption as
 * their alternative text, footnotes as Word footnotes, and the questionnaire appendix.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  BuilderElement,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  type ITableOfContentsOptions,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  SimpleField,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { Lexer } from 'marked';
import { formatNumber } from '../shared/numbers.ts';
import { formatOsloDate } from '../shared/time.ts';
import type { Progress, Report, ReportBlock } from './build.ts';
import { appendixDocx } from './docx.appendix.ts';
import { chartParts, decodeEntities, parseHtmlTable } from './docx.html.ts';
import { mapLimited, type Png, pngWidth, svgToPng } from './docx.images.ts';
import { bookmarkName, type DocxContext, markdownToDocx, newContext, orderedListReference } from './docx.markdown.ts';
import { docxStyles } from './docx.styles.ts';
import { textWidthTwips, wordTable } from './docx.tables.ts';
import { renderFigure } from './render.figures.ts';
import { tableHtml } from './render.ts';

type FigureBlock = Extract<ReportBlock, { kind: 'figure' }>;
type TableBlock = Extract<ReportBlock, { kind: 'table' }>;
type Child = Paragraph | Table | TableOfContents;

/** The chart's width on the page in px at 96 dpi (16.5 cm); docx sizes images in these. */
const chartWidthPx = Math.round((165 / 25.4) * 96);

interface FigureArt {
  readonly parts: readonly ({ kind: 'label'; text: string } | { kind: 'png'; png: Png })[];
  readonly table: string;
  readonly notes: readonly string[];
}

/** "Figur " + SEQ field + the rest: the caption's text as on the page, its number a Word field. */
function captionRuns(caption: string, label: 'Figur' | 'Tabell', number: number): ParagraphChild[] {
  const prefix = `${label} ${number}`;
  if (!caption.startsWith(prefix)) return [new TextRun(caption)];
  return [new TextRun(`${label} `), new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)), new TextRun(caption.slice(prefix.length))];
}

/** A caption in Word's Caption style, bookmarked by the block's id (so links and the list of figures find it). */
function captionParagraph(id: string, text: string, label: 'Figur' | 'Tabell', number: number): Paragraph {
  return new Paragraph({
    style: 'Caption',
    children: [new Bookmark({ id: bookmarkName(id), children: captionRuns(text, label, number) })],
  });
}

const note = (text: string) => new Paragraph({ style: 'Note', children: [new TextRun(text)] });

function image(png: Png, widthPx: number, alt: string, name: string): ImageRun {
  return new ImageRun({
    type: 'png',
    data: png.data,
    transformation: { width: widthPx, height: Math.round((widthPx * png.height) / png.width) },
    altText: { name, title: alt, description: alt },
  });
}

/** Several drawings (a figure's maps) side by side in a borderless table, each under its label. */
function sideBySide(parts: FigureArt['parts'], alt: string, name: string): Table {
  const maps: { label: string; png: Png }[] = [];
  let label = '';
  for (const p of parts) {
    if (p.kind === 'label') label = p.text;
    else maps.push({ label, png: p.png });
  }
  const perRow = Math.min(3, maps.length);
  const width = Math.floor(textWidthTwips / perRow);
  const px = Math.floor(chartWidthPx / perRow) - 8;
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const rows: TableRow[] = [];
  for (let i = 0; i < maps.length; i += perRow) {
    const chunk = maps.slice(i, i + perRow);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: chunk.map(
          (m) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              children: [
                new Paragraph({ style: 'Note', keepNext: true, children: [new TextRun(m.label)] }),
                new Paragraph({ children: [image(m.png, px, `${m.label}: ${alt}`, name)] }),
              ],
            }),
        ),
      }),
    );
  }
  return new Table({
    rows,
    width: { size: width * perRow, type: WidthType.DXA },
    columnWidths: Array.from({ length: perRow }, () => width),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
  });
}

function figureDocx(b: FigureBlock, art: FigureArt): Child[] {
  const out: Child[] = [captionParagraph(b.id, b.caption, 'Figur', b.number)];
  const drawings = art.parts.filter((p) => p.kind === 'png');
  if (drawings.length > 1) out.push(sideBySide(art.parts, b.caption, b.id));
  else for (const p of drawings) out.push(new Paragraph({ keepNext: true, children: [image(p.png, chartWidthPx, b.caption, b.id)] }));
  if (b.note) out.push(note(b.note));
  for (const n of art.notes) out.push(note(n));
  const numbers = parseHtmlTable(art.table);
  out.push(
    new Paragraph({ style: 'TableLabel', children: [new TextRun(numbers.caption || `Tallene i figur ${b.number}`)] }),
    wordTable(numbers, { size: 17, keepTogether: numbers.rows.length <= 25 }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  );
  return out;
}

function tableDocx(b: TableBlock): Child[] {
  const t = parseHtmlTable(`<table>${tableHtml(b.table).value}</table>`);
  return [
    captionParagraph(b.id, b.caption, 'Tabell', b.number),
    wordTable(t, { size: b.table.kind === 'representativeness' ? 14 : 16 }),
    ...(b.note ? [note(b.note)] : []),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

/** Every figure's chart drawn as PNG and its numbers, a few at a time. */
async function figureArt(report: Report, progress: Progress): Promise<Map<string, FigureArt>> {
  const figures = report.chapters.flatMap((c) => c.blocks.filter((b): b is FigureBlock => b.kind === 'figure'));
  let done = 0;
  const arts = await mapLimited(figures, 4, async (b) => {
    const f = renderFigure(b);
    const parts = chartParts(f.chart.value);
    const drawings = parts.filter((p) => p.kind === 'svg').length;
    const pixels = drawings > 1 ? pngWidth / Math.min(3, drawings) : pngWidth;
    const art: FigureArt = {
      parts: await Promise.all(
        parts.map(async (p) =>
          p.kind === 'label' ? p : { kind: 'png' as const, png: await svgToPng(p.svg, `Figur ${b.number}`, pixels) },
        ),
      ),
      table: f.table.value,
      notes: f.notes,
    };
    progress(++done, figures.length + 1, `Word: figur ${b.number}`);
    return [b.id, art] as const;
  });
  return new Map(arts);
}

interface Entry {
  readonly title: string;
  readonly level: 1 | 2;
  /** The element id it links to (a bookmark in the document). */
  readonly id?: string;
}

/** The table of contents and list of figures as they stand before Word updates the fields. */
function contents(report: Report): { toc: Entry[]; figures: Entry[] } {
  const toc: Entry[] = [];
  for (const c of report.chapters) {
    toc.push({ title: `${c.number}. ${c.title}`, level: 1, id: c.id });
    for (const b of c.blocks)
      if (b.kind === 'text')
        for (const t of Lexer.lex(b.markdown, { gfm: true }))
          if (t.type === 'heading' && t.depth <= 2) toc.push({ title: decodeEntities(t.text), level: 2 });
  }
  if (report.appendix) {
    toc.push({ title: report.appendix.title, level: 1, id: report.appendix.id });
    for (const q of report.appendix.questionnaires) toc.push({ title: q.title, level: 2 });
  }
  const figures: Entry[] = report.chapters.flatMap((c) =>
    c.blocks.flatMap((b) => (b.kind === 'figure' ? [{ title: b.caption, level: 1 as const, id: b.id }] : [])),
  );
  return { toc, figures };
}

/**
 * A TOC field (contents, or with `\c "Figur"` the list of figures) with its entries as they stand,
 * in a content control marked as a document part the way Word marks its own: LibreOffice shows
 * the field's instruction as text in a content control without that mark.
 */
function tocField(
  gallery: 'Table of Contents' | 'Table of Figures',
  entries: readonly Entry[],
  options: ITableOfContentsOptions,
): TableOfContents {
  const style = gallery === 'Table of Figures' ? () => 'TableofFigures' : (e: Entry) => `TOC${e.level}`;
  const toc = new TableOfContents(gallery, {
    ...options,
    beginDirty: true,
    contentChildren: entries.map(
      (e) =>
        new Paragraph({
          style: style(e),
          children: e.id
            ? [new InternalHyperlink({ anchor: bookmarkName(e.id), children: [new TextRun(e.title)] })]
            : [new TextRun(e.title)],
        }),
    ),
  });
  const part = [
    new BuilderElement({ name: 'w:docPartGallery', attributes: { val: { key: 'w:val', value: gallery } } }),
    ...(gallery === 'Table of Contents' ? [new BuilderElement({ name: 'w:docPartUnique' })] : []),
  ];
  // The library writes only an alias as the control's properties; its first child is replaced.
  (toc as unknown as { root: unknown[] }).root[0] = new BuilderElement({
    name: 'w:sdtPr',
    children: [new BuilderElement({ name: 'w:docPartObj', children: part })],
  });
  return toc;
}

function frontMatter(report: Report): Child[] {
  const { toc, figures } = contents(report);
  return [
    new Paragraph({ spacing: { before: 3000 }, style: 'Title', children: [new TextRun(report.title)] }),
    ...(report.subtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(report.subtitle)] })] : []),
    new Paragraph({
      style: 'Note',
      children: [
        new TextRun(
          `${report.publisher} · Laget ${formatOsloDate(report.builtAt)} fra svarene i undersøkelsen · ${formatNumber(report.figureCount)} figurer, ${formatNumber(report.tableCount)} tabeller`,
        ),
      ],
    }),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ style: 'TOCHeading', children: [new TextRun('Innhold')] }),
    tocField('Table of Contents', toc, { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [new TextRun('Figurer')] }),
    tocField('Table of Figures', figures, { hyperlink: true, captionLabel: 'Figur' }),
  ];
}

function footer(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        tabStops: [{ type: TabStopType.RIGHT, position: textWidthTwips }],
        children: [new TextRun(`${title}\t`), new TextRun({ children: ['Side ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/** The report as a DOCX file. */
export async function reportDocx(report: Report, progress: Progress = () => undefined): Promise<Buffer> {
  const arts = await figureArt(report, progress);
  const ctx: DocxContext = newContext();
  const body: Child[] = [...frontMatter(report)];
  for (const c of report.chapters) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [new Bookmark({ id: bookmarkName(c.id), children: [new TextRun(`${c.number}. ${c.title}`)] })],
      }),
    );
    for (const b of c.blocks) {
      if (b.kind === 'text') body.push(...markdownToDocx(b.markdown, ctx));
      else if (b.kind === 'table') body.push(...tableDocx(b));
      else body.push(...figureDocx(b, arts.get(b.id) as FigureArt));
    }
  }
  if (report.appendix) body.push(...appendixDocx(report.appendix));
  const doc = new Document({
    creator: report.publisher,
    title: report.title,
    ...(report.subtitle ? { subject: report.subtitle } : {}),
    description: `${report.title}: laget ${formatOsloDate(report.builtAt)}`,
    features: { updateFields: true },
    styles: docxStyles,
    numbering: {
      config: [
        {
          reference: orderedListReference,
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    footnotes: ctx.footnotes,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 907, bottom: 1134, left: 1020, right: 1020, footer: 567 },
          },
        },
        footers: { default: footer(report.title), first: new Footer({ children: [] }) },
        children: body,
      },
    ],
  });
  const total = arts.size + 1;
  progress(total - 1, total, 'Word: dokumentet');
  const buffer = await Packer.toBuffer(doc);
  progress(total, total, 'Word ferdig');
  return buffer;
}
