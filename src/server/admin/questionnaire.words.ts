/**
 * The questionnaire editor's words: question types, conditions and logged changes in bokmål.
 * The services word their changes and warnings in English (the CLI prints them); the editor shows
 * them in Norwegian, falling back to the English text for anything it does not recognise.
 */

import { optionsOf } from '../../questionnaire/answer.ts';
import type { QuestionnaireChange } from '../../questionnaire/diff.ts';
import { type AnswerCondition, type Question, type Questionnaire, type RegistryCondition, textIn } from '../../questionnaire/model.ts';
import { answerCodes } from '../../questionnaire/validate.ts';
import { attributeNames } from '../labels.ts';

export const typeNames: Record<Question['type'], string> = {
  single: 'Ett svar',
  multi: 'Flere svar mulig',
  scale: 'Skala',
  matrix: 'Matrise',
  integer: 'Tall',
  text: 'Fritekst',
};

export const opNames: Record<string, string> = {
  '>': 'er større enn',
  '>=': 'er minst',
  '<': 'er mindre enn',
  '<=': 'er høyst',
  '=': 'er lik',
  '!=': 'er ulik',
};

export function questionLabel(qn: Questionnaire, key: string): string {
  const i = qn.questions.findIndex((q) => q.key === key);
  const q = qn.questions[i];
  return q ? `${i + 1}. ${q.shortLabel ?? textIn(q.text, 'nb')}` : key;
}

function codeLabel(q: Question | undefined, code: number): string {
  const o = q ? optionsOf(q).find((x) => x.code === code) : undefined;
  return o ? `«${textIn(o.label, 'nb')}»` : String(code);
}

const orList = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} eller ${parts.at(-1) as string}`;

function showIfClauses(qn: Questionnaire, c: AnswerCondition, nested: boolean): string {
  if ('all' in c || 'any' in c) {
    const [list, word] = 'all' in c ? [c.all, ' og '] : [c.any, ' eller '];
    const text = list.map((s) => showIfClauses(qn, s, true)).join(word);
    return nested && list.length > 1 ? `(${text})` : text;
  }
  const target = qn.questions.find((q) => q.key === c.question);
  const item = target?.type === 'matrix' ? target.items.find((i) => i.key === c.item) : undefined;
  const where = item ? `${questionLabel(qn, c.question)} – ${textIn(item.label, 'nb')}` : questionLabel(qn, c.question);
  return `svaret på ${where} er ${orList(c.codes.map((code) => codeLabel(target, code)))}`;
}

/** "når svaret på 2. Samarbeider kommunen? er «Ja» og svaret på …" */
export function describeShowIf(qn: Questionnaire, c: AnswerCondition): string {
  return `når ${showIfClauses(qn, c, false)}`;
}

/** "Deltakere i introduksjonsprogrammet (deltakere_intro)"; an unknown attribute by its key. */
export const attributeLabel = (a: string): string => (attributeNames[a] ? `${attributeNames[a]} (${a})` : a);

function eligibleClauses(c: RegistryCondition, nested: boolean): string {
  if ('all' in c || 'any' in c) {
    const [list, word] = 'all' in c ? [c.all, ' og '] : [c.any, ' eller '];
    const text = list.map((s) => eligibleClauses(s, true)).join(word);
    return nested && list.length > 1 ? `(${text})` : text;
  }
  return `${c.attribute} ${opNames[c.op] ?? c.op} ${String(c.value).replace('.', ',')}`;
}

/** "enheter der bosatt_mottak er større enn 0 eller bosatt_overforing er større enn 0" */
export function describeEligibleIf(c: RegistryCondition): string {
  return `enheter der ${eligibleClauses(c, false)}`;
}

/** Whether a question can be the target of a follow-up (it has answer codes). */
export const hasCodes = (q: Question): boolean => answerCodes(q).length > 0;

const changePatterns: [RegExp, (m: RegExpMatchArray) => string][] = [
  [
    /^type (\w+) → (\w+)$/,
    (m) => `typen er endret fra ${typeNames[m[1] as Question['type']] ?? m[1]} til ${typeNames[m[2] as Question['type']] ?? m[2]}`,
  ],
  [/^moved to section (.+)$/, (m) => `flyttet til seksjonen ${m[1]}`],
  [/^now required$/, () => 'er nå obligatorisk'],
  [/^no longer required$/, () => 'er ikke lenger obligatorisk'],
  [/^follow-up condition changed$/, () => 'vilkåret for oppfølgingsspørsmålet er endret'],
  [/^eligibility changed$/, () => 'hvem som får spørsmålet er endret'],
  [/^question text changed$/, () => 'spørsmålsteksten er endret'],
  [/^help text changed$/, () => 'hjelpeteksten er endret'],
  [/^short label changed$/, () => 'kortnavnet er endret'],
  [/^option (-?\d+) removed$/, (m) => `svaralternativ ${m[1]} er fjernet`],
  [/^option (-?\d+) added$/, (m) => `svaralternativ ${m[1]} er lagt til`],
  [/^label of option (-?\d+) changed$/, (m) => `teksten til svaralternativ ${m[1]} er endret`],
  [/^option (-?\d+) behaves differently$/, (m) => `svaralternativ ${m[1]} virker annerledes (eksklusivt eller spesifiser)`],
  [/^options reordered$/, () => 'svaralternativene har fått ny rekkefølge'],
  [/^item (\w+) removed$/, (m) => `delspørsmål ${m[1]} er fjernet`],
  [/^item (\w+) added$/, (m) => `delspørsmål ${m[1]} er lagt til`],
  [/^label of item (\w+) changed$/, (m) => `teksten til delspørsmål ${m[1]} er endret`],
  [/^limits changed$/, () => 'grensene er endret'],
  [/^title changed$/, () => 'tittelen er endret'],
  [/^introduction changed$/, () => 'innledningen er endret'],
  [/^section (\w+) removed$/, (m) => `seksjonen ${m[1]} er fjernet`],
  [/^section (\w+) added$/, (m) => `seksjonen ${m[1]} er lagt til`],
  [/^section (\w+) texts changed$/, (m) => `tekstene i seksjonen ${m[1]} er endret`],
  [/^sections reordered$/, () => 'seksjonene har fått ny rekkefølge'],
  [/^question (\w+) removed$/, (m) => `spørsmålet ${m[1]} er slettet`],
  [/^question (\w+) added$/, (m) => `spørsmålet ${m[1]} er lagt til`],
  [/^questions reordered$/, () => 'spørsmålene har fått ny rekkefølge'],
];

export function changeInWords(c: QuestionnaireChange): string {
  for (const [re, say] of changePatterns) {
    const m = c.what.match(re);
    if (m) return `${c.path}: ${say(m)}`;
  }
  return `${c.path}: ${c.what}`;
}

/** The trend warnings of a save, in Norwegian. */
export function warningInWords(w: string): string {
  const moved = w.match(/^(\w+): "(.*)" was option (-?\d+) in (\d{4}) and is option (-?\d+) now; .*$/);
  if (moved)
    return `${moved[1]}: «${moved[2]}» var svaralternativ ${moved[3]} i ${moved[4]} og er svaralternativ ${moved[5]} nå. Kodene bærer svaralternativene mellom årene, så behold ${moved[3]}.`;
  const gone = w.match(/^(\w+): option (-?\d+) \("(.*)"\) of (\d{4}) is gone; trends will leave it out$/);
  if (gone) return `${gone[1]}: svaralternativ ${gone[2]} («${gone[3]}») fra ${gone[4]} finnes ikke lenger; trendene vil utelate det.`;
  return w;
}

/** The refusal of a structural change after the window opened, in Norwegian. */
export function frozenMessage(opens: string, structural: readonly QuestionnaireChange[]): string {
  return `Svarperioden åpnet ${opens}, så nå kan bare ordlyden endres, ikke strukturen. Ikke lagret: ${structural.map(changeInWords).join('; ')}.`;
}

/** Why a move was refused: a follow-up would come before the question it depends on. */
export function followUpOrderMessage(qn: Questionnaire, m: { question: string; trigger: string }): string {
  return `«${questionLabel(qn, m.question)}» (${m.question}) er et oppfølgingsspørsmål til «${questionLabel(qn, m.trigger)}» (${m.trigger}) og må stå etter det. Endre vilkåret for oppfølgingsspørsmålet først, eller flytt i en annen rekkefølge.`;
}
