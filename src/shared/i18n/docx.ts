/**
 * Messages of the report's Word output and output formats: why a Word file could not be made,
 * a format the CLI does not know, and a download asked for before there is one.
 */
import type { TextTable } from './types.ts';

export const docxTexts = {
  'docx.no_rasteriser': {
    nb: (p: { detail: string }) =>
      `Word-filen kan ikke lages: programmet som tegner figurene som bilder (@resvg/resvg-js), kan ikke lastes på denne maskinen (${p.detail})`,
    nn: (p: { detail: string }) =>
      `Word-fila kan ikkje lagast: programmet som teiknar figurane som bilete (@resvg/resvg-js), kan ikkje lastast på denne maskina (${p.detail})`,
    en: (p: { detail: string }) =>
      `cannot make the Word file: the SVG rasteriser (@resvg/resvg-js) does not load on this machine (${p.detail})`,
  },
  'docx.image_failed': {
    nb: (p: { what: string; detail: string }) => `${p.what} kunne ikke tegnes som bilde til Word-filen (${p.detail})`,
    nn: (p: { what: string; detail: string }) => `${p.what} kunne ikkje teiknast som bilete til Word-fila (${p.detail})`,
    en: (p: { what: string; detail: string }) => `${p.what} could not be drawn as an image for the Word file (${p.detail})`,
  },
  'docx.unknown_format': {
    nb: (p: { format: string; known: string }) => `ukjent format «${p.format}» (bruk ${p.known})`,
    nn: (p: { format: string; known: string }) => `ukjent format «${p.format}» (bruk ${p.known})`,
    en: (p: { format: string; known: string }) => `unknown format "${p.format}" (use ${p.known})`,
  },
  'docx.not_built': {
    nb: (p: { year: number }) => `Rapporten for ${p.year} har ingen Word-fil ennå. Bygg rapporten på nytt.`,
    nn: (p: { year: number }) => `Rapporten for ${p.year} har inga Word-fil enno. Bygg rapporten på nytt.`,
    en: (p: { year: number }) => `the ${p.year} report has no Word file yet; build the report again`,
  },
} satisfies TextTable;
