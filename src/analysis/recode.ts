/**
 * Free text: the "annet, spesifiser" and text answers of a round, and analysts' recodes of an
 * "annet" answer into an existing option (the report counted direct-contact answers written in
 * the open field). A recode is stored apart from the answer, names who and when, can be reverted
 * (the row stays, marked reverted), and every count of the analysis applies the active ones.
 */
import { optionsOf } from '../questionnaire/answer.ts';
import type { Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { getRound, roundQuestionnaire } from '../round/round.service.ts';
import { conflict, invalid, notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './analysis.repository.ts';
import { parseQuestionRef } from './association.ts';

export interface TextAnswer {
  readonly unitNumber: string;
  readonly unitName: string;
  readonly question: string;
  readonly item: string;
  /** The option the text belongs to ("annet"); null for a free-text question. */
  readonly code: number | null;
  readonly text: string;
  readonly recode: {
    readonly id: number;
    readonly toCode: number;
    readonly toLabel: string;
    readonly by: string;
    readonly at: Date;
  } | null;
}

export async function textAnswers(store: Store, year: number, role: Role, question?: string): Promise<TextAnswer[]> {
  const round = await getRound(store, year);
  const qn = await roundQuestionnaire(store, year, role);
  const labelOf = (key: string, code: number) => {
    const q = qn.questions.find((x) => x.key === key);
    const o = q ? optionsOf(q).find((x) => x.code === code) : undefined;
    return o ? textIn(o.label, 'nb') : String(code);
  };
  return (await repo.textAnswers(store.db, year, round.registryYear, role, question)).map((r) => ({
    unitNumber: r.unit_number,
    unitName: r.unit_name,
    question: r.question_key,
    item: r.item_key,
    code: r.code,
    text: r.text,
    recode:
      r.recode_id !== null && r.to_code !== null
        ? {
            id: r.recode_id,
            toCode: r.to_code,
            toLabel: labelOf(r.question_key, r.to_code),
            by: r.recoded_by ?? '',
            at: new Date(r.recoded_at ?? 0),
          }
        : null,
  }));
}

/**
 * Recodes a unit's "annet, spesifiser" answer into another option of the same question; a recode
 * already active for it is reverted first. Returns the recode's id.
 */
export async function recodeAnswer(
  store: Store,
  year: number,
  role: Role,
  unitNumber: string,
  questionRef: string,
  toCode: number,
  byUser: string,
  now = new Date(),
): Promise<number> {
  const { question, item } = parseQuestionRef(questionRef);
  const qn = await roundQuestionnaire(store, year, role);
  const q = qn.questions.find((x) => x.key === question);
  if (!q) throw notFound(msg('analysis.no_question', { year, role, question }));
  const target = optionsOf(q).find((o) => o.code === toCode);
  if (!target)
    throw invalid(
      msg('analysis.no_such_option', {
        question,
        code: toCode,
        codes: optionsOf(q)
          .map((o) => o.code)
          .join(', '),
      }),
    );
  const responseId = await repo.findResponseId(store.db, year, role, unitNumber);
  if (responseId === undefined) throw notFound(msg('analysis.no_response', { unit: unitNumber, role, year }));
  const answer = await repo.answerWithText(store.db, responseId, question, item);
  if (!answer || answer.code === null) throw notFound(msg('analysis.no_specify_text', { unit: unitNumber, question: questionRef }));
  if (answer.code === toCode) throw conflict(msg('analysis.already_option', { code: toCode }));
  if (target.specify) throw invalid(msg('analysis.recode_into_specify', { code: toCode }));
  return store.db.transaction().execute(async (trx) => {
    await repo.revertRecodes(trx, { responseId, question, item }, now.toISOString(), byUser);
    return repo.insertRecode(trx, {
      response_id: responseId,
      question_key: question,
      item_key: item,
      from_code: answer.code as number,
      to_code: toCode,
      text: answer.text,
      by_user: byUser,
      at: now.toISOString(),
    });
  });
}

/** Reverts a recode: the answer counts as written again. */
export async function revertRecode(store: Store, id: number, byUser: string, now = new Date()): Promise<void> {
  if ((await repo.revertRecodes(store.db, { id }, now.toISOString(), byUser)) === 0) throw notFound(msg('analysis.no_recode', { id }));
}

/** Every recode of a round and role, reverted ones included: the log. */
export async function recodeLog(store: Store, year: number, role: Role): Promise<repo.RecodeLogRow[]> {
  await getRound(store, year);
  return repo.recodeLog(store.db, year, role);
}
