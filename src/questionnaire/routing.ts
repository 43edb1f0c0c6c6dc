/**
 * Routing as pure functions of data: eligibility from the unit's registry attributes, follow-ups
 * from earlier answers. The web form, the response import and the analysis all use these, so a
 * question is "asked" by exactly one definition.
 */
import type { Answer, AnswerSet } from './answer.ts';
import type { AnswerCondition, Question, Questionnaire, RegistryCondition } from './model.ts';

export type Attributes = Readonly<Record<string, number>>;

/** A unit lacking the attribute does not qualify: we only ask what we know applies. */
export function registryConditionHolds(c: RegistryCondition, attrs: Attributes): boolean {
  if ('all' in c) return c.all.every((s) => registryConditionHolds(s, attrs));
  if ('any' in c) return c.any.some((s) => registryConditionHolds(s, attrs));
  const v = attrs[c.attribute];
  if (v === undefined) return false;
  switch (c.op) {
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '=':
      return v === c.value;
    case '!=':
      return v !== c.value;
  }
}

function codesOf(a: Answer | undefined, item: string | undefined): readonly number[] {
  if (!a) return [];
  if (a.kind === 'codes') return item === undefined ? a.codes : [];
  if (a.kind === 'items') {
    const v = item === undefined ? undefined : a.items[item];
    return v === undefined ? [] : [v];
  }
  return [];
}

export function answerConditionHolds(c: AnswerCondition, answers: AnswerSet): boolean {
  if ('all' in c) return c.all.every((s) => answerConditionHolds(s, answers));
  if ('any' in c) return c.any.some((s) => answerConditionHolds(s, answers));
  return codesOf(answers.get(c.question), c.item).some((code) => c.codes.includes(code));
}

export function isEligible(q: Question, attrs: Attributes): boolean {
  return q.eligibleIf === undefined || registryConditionHolds(q.eligibleIf, attrs);
}

/**
 * The questions a unit is asked given its attributes and answers, in order. A follow-up of a
 * question that is not asked is not asked either, since its condition looks at answers that only
 * asked questions keep.
 */
export function askedQuestions(qn: Questionnaire, attrs: Attributes, answers: AnswerSet): Question[] {
  const kept = new Map<string, Answer>();
  const asked: Question[] = [];
  for (const q of qn.questions) {
    if (!isEligible(q, attrs)) continue;
    if (q.showIf && !answerConditionHolds(q.showIf, kept)) continue;
    asked.push(q);
    const a = answers.get(q.key);
    if (a) kept.set(q.key, a);
  }
  return asked;
}

/** The answers restricted to asked questions (answers to questions no longer shown are dropped). */
export function routedAnswers(qn: Questionnaire, attrs: Attributes, answers: AnswerSet): Map<string, Answer> {
  const out = new Map<string, Answer>();
  for (const q of askedQuestions(qn, attrs, answers)) {
    const a = answers.get(q.key);
    if (a) out.set(q.key, a);
  }
  return out;
}
