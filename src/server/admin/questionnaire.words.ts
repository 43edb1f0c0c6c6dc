/**
 * The questionnaire editor's words: question types, conditions and logged changes in bokmål.
 * The services give their changes and warnings as catalogue messages; the editor words them in
 * bokmål.
 */

import { optionsOf } from '../../questionnaire/answer.ts';
import type { QuestionnaireChange } from '../../questionnaire/diff.ts';
import { type AnswerCondition, type Question, type Questionnaire, type RegistryCondition, textIn } from '../../questionnaire/model.ts';
import { answerCodes } from '../../questionnaire/validate.ts';
import { type Message, say } from '../../shared/i18n/message.ts';
import { typeNb } from '../../shared/i18n/questionnaire-changes.ts';
import { attributeNames } from '../labels.ts';

export const typeNames: Record<Question['type'], string> = typeNb;

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

export function changeInWords(c: QuestionnaireChange): string {
  return `${c.path}: ${say(c.what, 'nb')}`;
}

/** The trend warnings of a save, in Norwegian. */
export function warningInWords(w: Message): string {
  return say(w, 'nb');
}

/** The refusal of a structural change after the window opened, in Norwegian. */
export function frozenMessage(opens: string, structural: readonly QuestionnaireChange[]): string {
  return `Svarperioden åpnet ${opens}, så nå kan bare ordlyden endres, ikke strukturen. Ikke lagret: ${structural.map(changeInWords).join('; ')}.`;
}

/** Why a move was refused: a follow-up would come before the question it depends on. */
export function followUpOrderMessage(qn: Questionnaire, m: { question: string; trigger: string }): string {
  return `«${questionLabel(qn, m.question)}» (${m.question}) er et oppfølgingsspørsmål til «${questionLabel(qn, m.trigger)}» (${m.trigger}) og må stå etter det. Endre vilkåret for oppfølgingsspørsmålet først, eller flytt i en annen rekkefølge.`;
}
