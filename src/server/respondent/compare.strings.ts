/**
 * The words of the respondent's "compare yourself" page in bokmål, nynorsk and English, and of
 * the links to it from the receipt and the closed page.
 */
import type { Comparison } from '../../analysis/compare.ts';
import { minimumAnswers } from '../../analysis/compare.ts';
import type { Language } from '../../questionnaire/model.ts';
import type { CompareWords } from '../compare.render.ts';

export interface RespondentCompareStrings extends CompareWords {
  readonly title: (kind: Comparison['comparedWith']) => string;
  readonly notYetTitle: string;
  readonly notYet: (opens: string) => string;
  readonly link: string;
  readonly receiptLater: (opens: string) => string;
  readonly back: string;
}

const nb: RespondentCompareStrings = {
  title: (kind) => (kind === 'bydel' ? 'Sammenlign dere med andre bydeler' : 'Sammenlign dere med andre kommuner'),
  intro: (c) =>
    c.comparedWith === 'bydel'
      ? `Her ser dere svarene deres ved siden av svarene fra hovedstadens bydeler. Bydelene sammenlignes bare med hverandre, ikke med kommunene. Grupper der færre enn ${minimumAnswers} svarte, vises ikke, og fritekstsvar fra andre vises aldri.`
      : `Her ser dere svarene deres ved siden av svarene fra alle kommuner som svarte${c.sizeClass ? `, og fra kommuner på deres størrelse (${c.sizeClass.label} innbyggere)` : ''}. Grupper der færre enn ${minimumAnswers} svarte, vises ikke, og fritekstsvar fra andre vises aldri.`,
  notSubmitted: 'Dere sendte ikke inn svar på dette skjemaet, så tabellene viser bare svarene fra andre.',
  answered: 'Dere svarte:',
  notAnswered: 'Dere svarte ikke på dette spørsmålet.',
  ownColumn: 'Dere',
  optionColumn: 'Svar',
  chosen: 'Valgt',
  national: (kind) => (kind === 'bydel' ? 'Alle bydeler' : 'Alle kommuner'),
  sizeClass: 'Kommuner på deres størrelse',
  tooFew: 'For få svar til å vise',
  multiNote: 'Flere svar var mulig, så andelene kan til sammen bli mer enn 100 %.',
  mean: (min, max) => `Gjennomsnitt (${min}–${max})`,
  median: 'Median',
  average: 'Gjennomsnitt',
  measure: 'Mål',
  textNote: 'Fritekstsvar fra andre vises ikke.',
  tableLabel: (q) => `Svarfordeling: ${q}`,
  notYetTitle: 'Sammenligningen er ikke klar ennå',
  notYet: (opens) =>
    `Når undersøkelsen er avsluttet, kan dere se svarene deres ved siden av svarene fra andre. Sammenligningen åpner ${opens}. Bruk den samme lenken da.`,
  link: 'Sammenlign svarene deres med andre',
  receiptLater: (opens) => `Fra ${opens}, når undersøkelsen er avsluttet, kan dere sammenligne svarene deres med andre:`,
  back: 'Tilbake',
};

const nn: RespondentCompareStrings = {
  title: (kind) => (kind === 'bydel' ? 'Samanlikn dykk med andre bydelar' : 'Samanlikn dykk med andre kommunar'),
  intro: (c) =>
    c.comparedWith === 'bydel'
      ? `Her ser de svara dykkar ved sida av svara frå bydelane i hovudstaden. Bydelane blir berre samanlikna med kvarandre, ikkje med kommunane. Grupper der færre enn ${minimumAnswers} svarte, blir ikkje viste, og fritekstsvar frå andre blir aldri viste.`
      : `Her ser de svara dykkar ved sida av svara frå alle kommunar som svarte${c.sizeClass ? `, og frå kommunar på storleiken dykkar (${c.sizeClass.label} innbyggjarar)` : ''}. Grupper der færre enn ${minimumAnswers} svarte, blir ikkje viste, og fritekstsvar frå andre blir aldri viste.`,
  notSubmitted: 'De sende ikkje inn svar på dette skjemaet, så tabellane viser berre svara frå andre.',
  answered: 'De svarte:',
  notAnswered: 'De svarte ikkje på dette spørsmålet.',
  ownColumn: 'De',
  optionColumn: 'Svar',
  chosen: 'Valt',
  national: (kind) => (kind === 'bydel' ? 'Alle bydelar' : 'Alle kommunar'),
  sizeClass: 'Kommunar på storleiken dykkar',
  tooFew: 'For få svar til å visast',
  multiNote: 'Fleire svar var moglege, så delane kan til saman bli meir enn 100 %.',
  mean: (min, max) => `Gjennomsnitt (${min}–${max})`,
  median: 'Median',
  average: 'Gjennomsnitt',
  measure: 'Mål',
  textNote: 'Fritekstsvar frå andre blir ikkje viste.',
  tableLabel: (q) => `Svarfordeling: ${q}`,
  notYetTitle: 'Samanlikninga er ikkje klar enno',
  notYet: (opens) =>
    `Når undersøkinga er avslutta, kan de sjå svara dykkar ved sida av svara frå andre. Samanlikninga opnar ${opens}. Bruk den same lenkja då.`,
  link: 'Samanlikn svara dykkar med andre',
  receiptLater: (opens) => `Frå ${opens}, når undersøkinga er avslutta, kan de samanlikne svara dykkar med andre:`,
  back: 'Tilbake',
};

const en: RespondentCompareStrings = {
  title: (kind) => (kind === 'bydel' ? 'Compare yourselves with other districts' : 'Compare yourselves with other municipalities'),
  intro: (c) =>
    c.comparedWith === 'bydel'
      ? `Here you see your answers beside those of the capital's city districts. The districts are compared with each other only, not with the municipalities. Groups in which fewer than ${minimumAnswers} answered are not shown, and free-text answers of others are never shown.`
      : `Here you see your answers beside those of all municipalities that answered${c.sizeClass ? `, and of municipalities of your size (${c.sizeClass.label} inhabitants)` : ''}. Groups in which fewer than ${minimumAnswers} answered are not shown, and free-text answers of others are never shown.`,
  notSubmitted: 'You did not submit answers to this questionnaire, so the tables show only the answers of others.',
  answered: 'You answered:',
  notAnswered: 'You did not answer this question.',
  ownColumn: 'You',
  optionColumn: 'Answer',
  chosen: 'Chosen',
  national: (kind) => (kind === 'bydel' ? 'All districts' : 'All municipalities'),
  sizeClass: 'Municipalities of your size',
  tooFew: 'Too few answers to show',
  multiNote: 'Several answers were possible, so the shares may add up to more than 100 %.',
  mean: (min, max) => `Mean (${min}–${max})`,
  median: 'Median',
  average: 'Mean',
  measure: 'Measure',
  textNote: 'Free-text answers of others are not shown.',
  tableLabel: (q) => `Distribution of answers: ${q}`,
  notYetTitle: 'The comparison is not ready yet',
  notYet: (opens) =>
    `When the survey has closed, you can see your answers beside those of others. The comparison opens on ${opens}. Use the same link then.`,
  link: 'Compare your answers with others',
  receiptLater: (opens) => `From ${opens}, when the survey has closed, you can compare your answers with others:`,
  back: 'Back',
};

export const compareStrings: Record<Language, RespondentCompareStrings> = { nb, nn, en };
