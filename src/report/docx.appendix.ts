/**
 * The questionnaire appendix in the Word document: the appendix is a Heading 1 (so it is in the
 * table of contents), each questionnaire a Heading 2 and each page of it a Heading 3; a question is
 * its number and text with a hanging indent, then its type, conditions, matrix lines and options
 * with codes, kept together on a page where it fits.
 */
import { Bookmark, HeadingLevel, Paragraph, TabStopType, TextRun } from 'docx';
import type { AppendixQuestion, ReportAppendix } from './appendix.ts';
import { bookmarkName } from './docx.markdown.ts';

const indent = 567; // 1 cm
const small = 19; // 9.5 pt

type Part = (keepNext: boolean) => Paragraph;

function line(text: string, options: { italics?: boolean; level?: number } = {}): Part {
  return (keepNext) =>
    new Paragraph({
      indent: { left: indent * (options.level ?? 1) },
      spacing: { before: 0, after: 20 },
      keepNext,
      keepLines: true,
      children: [new TextRun({ text, size: small, ...(options.italics ? { italics: true } : {}) })],
    });
}

/** A question's paragraphs, each kept with the next but the last (a question may part from the next one). */
function question(q: AppendixQuestion): Paragraph[] {
  const parts: Part[] = [
    (keepNext) =>
      new Paragraph({
        indent: { left: indent, hanging: indent },
        tabStops: [{ type: TabStopType.LEFT, position: indent }],
        spacing: { before: 200, after: 40 },
        keepNext,
        keepLines: true,
        children: [new TextRun({ text: `${q.number}.\t${q.text}`, bold: true })],
      }),
  ];
  if (q.help) parts.push(line(q.help, { italics: true }));
  parts.push(line([q.type, q.required ? 'Må besvares' : ''].filter((s) => s !== '').join(' · ')));
  for (const c of q.conditions) parts.push(line(c));
  if (q.items.length > 0) {
    parts.push(line('Linjer:'));
    q.items.forEach((item, i) => {
      parts.push(line(`${String.fromCharCode(97 + (i % 26))}) ${item}`, { level: 2 }));
    });
  }
  if (q.scale) parts.push(line(q.scale));
  for (const o of q.options)
    parts.push(
      (keepNext) =>
        new Paragraph({
          indent: { left: indent * 2, hanging: indent },
          tabStops: [{ type: TabStopType.LEFT, position: indent * 2 }],
          spacing: { before: 0, after: 20 },
          keepNext,
          keepLines: true,
          children: [
            new TextRun({ text: `${o.code}\t${o.label}`, size: small }),
            ...(o.note ? [new TextRun({ text: ` (${o.note})`, size: small, color: '444444' })] : []),
          ],
        }),
    );
  return parts.map((p, i) => p(i < parts.length - 1));
}

/** The appendix as Word paragraphs. */
export function appendixDocx(a: ReportAppendix): Paragraph[] {
  const out: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new Bookmark({ id: bookmarkName(a.id), children: [new TextRun(a.title)] })],
    }),
    new Paragraph({ children: [new TextRun(a.intro)] }),
  ];
  for (const qn of a.questionnaires) {
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(qn.title)] }),
      new Paragraph({ style: 'Note', children: [new TextRun(qn.sentTo)] }),
    );
    if (qn.intro) out.push(new Paragraph({ children: [new TextRun(qn.intro)] }));
    qn.sections.forEach((s, i) => {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(`Side ${i + 1}: ${s.title}`)] }));
      if (s.intro) out.push(new Paragraph({ children: [new TextRun(s.intro)] }));
      for (const q of s.questions) out.push(...question(q));
    });
  }
  return out;
}
