/**
 * The Word document's styles: Word's own style ids and names (Normal, Heading 1–4, Title,
 * Subtitle, Caption, TOC Heading, Quote), so Word's navigation pane, table of contents and list of
 * figures find them and a publisher's template can restyle them; headings carry their outline
 * level. The look follows the page: a sans-serif body, headings in the report's blue.
 */
import type { IStylesOptions } from 'docx';

const blue = '0B5394';
const font = 'Arial';

const heading = (size: number, outlineLevel: number, before: number) => ({
  run: { font, size, bold: true, color: outlineLevel === 0 ? blue : '1B1B1B' },
  paragraph: { keepNext: true, keepLines: true, outlineLevel, spacing: { before, after: 120 } },
});

export const docxStyles: IStylesOptions = {
  default: {
    document: {
      run: { font, size: 21, language: { value: 'nb-NO' } },
      paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } },
    },
    title: { run: { font, size: 52, bold: true, color: '1B1B1B' }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      ...heading(32, 0, 0),
      paragraph: {
        ...heading(32, 0, 0).paragraph,
        spacing: { before: 0, after: 240 },
        border: { bottom: { style: 'single', size: 12, color: blue, space: 4 } },
      },
    },
    heading2: heading(26, 1, 360),
    heading3: heading(23, 2, 280),
    heading4: heading(21, 3, 240),
    hyperlink: { run: { color: blue, underline: { type: 'single', color: blue } } },
    footnoteText: { run: { size: 17 }, paragraph: { spacing: { after: 40, line: 240, lineRule: 'auto' } } },
  },
  paragraphStyles: [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font, size: 21 },
      paragraph: { spacing: { after: 120, line: 276, lineRule: 'auto' } },
    },
    {
      id: 'Subtitle',
      name: 'Subtitle',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 28, color: '333333' },
      paragraph: { spacing: { after: 480 } },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { bold: true, size: 20, color: '1B1B1B' },
      paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 80 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 18, color: '333333' },
      paragraph: { spacing: { before: 40, after: 60, line: 240, lineRule: 'auto' } },
    },
    {
      id: 'TableLabel',
      name: 'Table Label',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true, size: 17, color: '333333' },
      paragraph: { keepNext: true, spacing: { before: 80, after: 40 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 32, bold: true, color: blue },
      paragraph: { spacing: { after: 240 } },
    },
    { id: 'Footer', name: 'footer', basedOn: 'Normal', run: { size: 16, color: '444444' }, paragraph: { spacing: { after: 0 } } },
    {
      id: 'TOC1',
      name: 'toc 1',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true },
      paragraph: { spacing: { before: 120, after: 40 } },
    },
    { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { indent: { left: 284 }, spacing: { after: 30 } } },
    {
      id: 'TableofFigures',
      name: 'table of figures',
      basedOn: 'Normal',
      next: 'Normal',
      run: { size: 19 },
      paragraph: { spacing: { after: 40 } },
    },
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true },
      paragraph: { indent: { left: 567 } },
    },
  ],
};
