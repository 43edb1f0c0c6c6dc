/**
 * The report's Markdown text as Word paragraphs: headings with Word's heading styles (a chapter is
 * Heading 1, so `##` is Heading 2), paragraphs with bold, italics, code and links, bulleted and
 * numbered lists, GFM tables as Word tables, and footnotes (`text[^1]` with `[^1]: note`) as
 * real Word footnotes. Raw HTML is shown as text, as on the page.
 */
import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Lexer, type Token, type Tokens } from 'marked';
import { decodeEntities } from './docx.html.ts';

/** What a document collects while its parts are written: footnotes and numbered-list instances. */
export interface DocxContext {
  readonly footnotes: Record<number, { children: Paragraph[] }>;
  nextFootnote: number;
  nextList: number;
}

export const newContext = (): DocxContext => ({ footnotes: {}, nextFootnote: 1, nextList: 1 });

/** Word's numbering definition for numbered lists (each list restarts through its own instance). */
export const orderedListReference = 'report-ordered';

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A Word bookmark name for an element id of the page (letters, digits and _; at most 40 characters). */
export function bookmarkName(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  return /^[A-Za-z]/.test(s) ? s : `b_${s}`.slice(0, 40);
}

interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
  readonly code?: boolean;
  readonly link?: boolean;
}

const footnoteMark = /\uE000(\d+)\uE001/;

/** Plain text as runs, with the footnote marks placed by `prepare` turned into Word footnote references. */
function textRuns(text: string, style: RunStyle, refs: ReadonlyMap<number, number>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  // A line break inside a Markdown paragraph is a space (as in the browser), not a character Word
  // would keep in its text.
  const parts = decodeEntities(text)
    .replace(/[ \t]*\n[ \t]*/g, ' ')
    .split(footnoteMark);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const n = refs.get(Number(part));
      if (n !== undefined) out.push(new FootnoteReferenceRun(n));
      return;
    }
    if (part === '') return;
    out.push(
      new TextRun({
        text: part,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italics ? { italics: true } : {}),
        ...(style.strike ? { strike: true } : {}),
        ...(style.code ? { font: 'Courier New' } : {}),
        ...(style.link ? { style: 'Hyperlink' } : {}),
      }),
    );
  });
  return out;
}

function inlineRuns(tokens: readonly Token[] | undefined, style: RunStyle, refs: ReadonlyMap<number, number>): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inlineRuns((t as Tokens.Strong).tokens, { ...style, bold: true }, refs));
        break;
      case 'em':
        out.push(...inlineRuns((t as Tokens.Em).tokens, { ...style, italics: true }, refs));
        break;
      case 'del':
        out.push(...inlineRuns((t as Tokens.Del).tokens, { ...style, strike: true }, refs));
        break;
      case 'codespan':
        out.push(...textRuns((t as Tokens.Codespan).text, { ...style, code: true }, refs));
        break;
      case 'br':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'link': {
        const link = t as Tokens.Link;
        const children = inlineRuns(link.tokens, { ...style, link: true }, refs).filter((c) => c instanceof TextRun);
        if (link.href.startsWith('#')) out.push(new InternalHyperlink({ anchor: bookmarkName(link.href.slice(1)), children }));
        else if (/^(https?:|mailto:)/i.test(link.href)) out.push(new ExternalHyperlink({ link: link.href, children }));
        else out.push(...children);
        break;
      }
      case 'image':
        out.push(...textRuns((t as Tokens.Image).text, style, refs));
        break;
      case 'text': {
        const text = t as Tokens.Text;
        out.push(...(text.tokens ? inlineRuns(text.tokens, style, refs) : textRuns(text.text, style, refs)));
        break;
      }
      default:
        // escape, html and anything else: the text as it stands.
        out.push(...textRuns('text' in t && typeof t.text === 'string' ? t.text : t.raw, style, refs));
    }
  }
  return out;
}

function gfmTable(t: Tokens.Table, refs: ReadonlyMap<number, number>): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const align = (a: Tokens.TableCell['align']) =>
    a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
  const row = (cells: readonly Tokens.TableCell[], head: boolean) =>
    new TableRow({
      tableHeader: head,
      cantSplit: true,
      children: cells.map(
        (c) =>
          new TableCell({
            children: [
              new Paragraph({
                alignment: align(c.align),
                children: inlineRuns(c.tokens, head ? { bold: true } : {}, refs),
                spacing: { before: 20, after: 20 },
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(t.header, true), ...t.rows.map((r) => row(r, false))],
  });
}

function listParagraphs(list: Tokens.List, level: number, ctx: DocxContext, refs: ReadonlyMap<number, number>): (Paragraph | Table)[] {
  const instance = list.ordered ? ctx.nextList++ : 0;
  const out: (Paragraph | Table)[] = [];
  for (const item of list.items) {
    let first = true;
    for (const t of item.tokens) {
      if (t.type === 'list') {
        out.push(...listParagraphs(t as Tokens.List, Math.min(level + 1, 2), ctx, refs));
        continue;
      }
      if (t.type === 'space') continue;
      const runs = 'tokens' in t && t.tokens ? inlineRuns(t.tokens, {}, refs) : textRuns('text' in t ? String(t.text) : t.raw, {}, refs);
      out.push(
        new Paragraph({
          children: runs,
          ...(first
            ? list.ordered
              ? { numbering: { reference: orderedListReference, level, instance } }
              : { bullet: { level } }
            : { indent: { left: 720 * (level + 1) } }),
        }),
      );
      first = false;
    }
  }
  return out;
}

/**
 * Takes the footnote definitions out of the Markdown and marks their references with private-use
 * characters the Markdown parser leaves alone; each definition becomes a Word footnote.
 */
function prepare(markdown: string, ctx: DocxContext): { text: string; refs: Map<number, number> } {
  const defs = new Map<string, string>();
  const text = markdown.replace(/^\[\^([^\]\s]+)\]:[ \t]*(.*(?:\n(?:[ ]{2,}|\t).*)*)\n?/gm, (_, id: string, body: string) => {
    defs.set(id, body.replace(/\n\s+/g, ' ').trim());
    return '';
  });
  const refs = new Map<number, number>();
  const ids = [...defs.keys()];
  const marked = text.replace(/\[\^([^\]\s]+)\]/g, (m, id: string) => {
    const i = ids.indexOf(id);
    if (i < 0) return m;
    if (!refs.has(i)) {
      const n = ctx.nextFootnote++;
      refs.set(i, n);
      ctx.footnotes[n] = {
        children: [new Paragraph({ style: 'FootnoteText', children: inlineRuns(Lexer.lexInline(defs.get(id) ?? ''), {}, new Map()) })],
      };
    }
    return `\uE000${i}\uE001`;
  });
  return { text: marked, refs };
}

function blocks(tokens: readonly Token[], ctx: DocxContext, refs: ReadonlyMap<number, number>, quote = false): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // A quotation has Word's Quote style (indented, in italics).
  const quoted = quote ? { style: 'Quote' } : {};
  const style: RunStyle = {};
  for (const t of tokens) {
    switch (t.type) {
      case 'heading': {
        const h = t as Tokens.Heading;
        const level = Math.min(6, Math.max(2, h.depth));
        out.push(new Paragraph({ heading: headingLevels[level - 1], children: inlineRuns(h.tokens, {}, refs) }));
        break;
      }
      case 'paragraph':
        out.push(new Paragraph({ ...quoted, children: inlineRuns((t as Tokens.Paragraph).tokens, style, refs) }));
        break;
      case 'list':
        out.push(...listParagraphs(t as Tokens.List, 0, ctx, refs));
        break;
      case 'table':
        out.push(gfmTable(t as Tokens.Table, refs), new Paragraph({ children: [] }));
        break;
      case 'blockquote':
        out.push(...blocks((t as Tokens.Blockquote).tokens, ctx, refs, true));
        break;
      case 'code':
        for (const line of (t as Tokens.Code).text.split('\n'))
          out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New', size: 18 })], spacing: { after: 0 } }));
        break;
      case 'hr':
        out.push(new Paragraph({ children: [], border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } } }));
        break;
      case 'space':
      case 'def':
        break;
      default:
        out.push(new Paragraph({ ...quoted, children: textRuns('text' in t && typeof t.text === 'string' ? t.text : t.raw, style, refs) }));
    }
  }
  return out;
}

/** One text block of the report as Word paragraphs (and tables). */
export function markdownToDocx(markdown: string, ctx: DocxContext): (Paragraph | Table)[] {
  const { text, refs } = prepare(markdown, ctx);
  return blocks(Lexer.lex(text, { gfm: true }), ctx, refs);
}
