/**
 * Response use cases shared by the web form, the demo and the monitoring: storing a set of
 * responses (routed and checked against the questionnaire) and reading them back.
 */

import { type Answer, answerProblem, fromRows, toRows } from '../questionnaire/answer.ts';
import type { Role } from '../questionnaire/model.ts';
import { type Attributes, routedAnswers } from '../questionnaire/routing.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { getRound, roundQuestionnaire } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { findResponse } from './form.repository.ts';
import * as repo from './response.repository.ts';

export interface ResponseInput {
  readonly unitNumber: string;
  readonly status: 'in_progress' | 'submitted';
  readonly answers: ReadonlyMap<string, Answer>;
  readonly startedAt: Date;
  readonly submittedAt: Date | null;
}

/**
 * Stores responses for one role, replacing earlier ones of the same units. Answers to questions
 * the unit is not asked (routing) are dropped; an answer that does not fit its question is refused.
 */
export async function saveResponses(
  store: Store,
  year: number,
  role: Role,
  inputs: readonly ResponseInput[],
  now = new Date(),
): Promise<number> {
  const round = await getRound(store, year);
  const qn = await roundQuestionnaire(store, year, role);
  const attrs = new Map((await getRegistry(store, round.registryYear)).map((u) => [u.number, u.attributes as Attributes]));
  const byKey = new Map(qn.questions.map((q) => [q.key, q]));
  const rows: repo.NewResponse[] = inputs.map((r) => {
    const routed = routedAnswers(qn, attrs.get(r.unitNumber) ?? {}, r.answers);
    const answers = [...routed].flatMap(([key, a]) => {
      const q = byKey.get(key);
      if (!q) return [];
      const problem = answerProblem(q, a);
      if (problem) throw invalid(msg('collect.answer_problem', { unit: r.unitNumber, role, key, problem }));
      return toRows(q, a);
    });
    return {
      unitNumber: r.unitNumber,
      status: r.status,
      source: 'web',
      startedAt: r.startedAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      answers,
    };
  });
  await store.db.transaction().execute((trx) => repo.replaceResponses(trx, year, role, rows, now.toISOString()));
  return rows.length;
}

export async function listResponses(store: Store, year: number, role: Role): Promise<repo.ResponseSummary[]> {
  return repo.listResponses(store.db, year, role);
}

export async function getAnswers(store: Store, year: number, role: Role, unitNumber: string): Promise<Map<string, Answer>> {
  const qn = await roundQuestionnaire(store, year, role);
  return fromRows(qn.questions, await repo.answerRowsOf(store.db, year, role, unitNumber));
}

export async function responseCounts(store: Store, year: number): Promise<Map<string, { inProgress: number; submitted: number }>> {
  const out = new Map<string, { inProgress: number; submitted: number }>();
  for (const r of await repo.countByStatus(store.db, year)) {
    const c = out.get(r.role) ?? { inProgress: 0, submitted: 0 };
    if (r.status === 'submitted') c.submitted += r.n;
    else if (r.status === 'in_progress') c.inProgress += r.n;
    out.set(r.role, c);
  }
  return out;
}

export interface ResponseState {
  readonly status: 'not_started' | 'in_progress' | 'submitted';
  readonly source: 'web' | 'import' | null;
  readonly updatedAt: Date | null;
  readonly submittedAt: Date | null;
}

/** Where one unit's questionnaire for a role stands. */
export async function responseState(store: Store, year: number, role: Role, unitNumber: string): Promise<ResponseState> {
  const r = await findResponse(store.db, year, role, unitNumber);
  if (!r) return { status: 'not_started', source: null, updatedAt: null, submittedAt: null };
  return {
    status: r.status,
    source: r.source,
    updatedAt: new Date(r.updated_at),
    submittedAt: r.submitted_at ? new Date(r.submitted_at) : null,
  };
}
