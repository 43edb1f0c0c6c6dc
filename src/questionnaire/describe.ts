/**
 * Conditions in plain words, for error messages: catalogue messages, so the words between the
 * parts ("and", "or", "is") follow the language of the page or CLI. A list is built from pairs
 * (`a and b and c` is `(a and b) and c`), since a message parameter is one text, not a list.
 */
import { type Message, msg } from '../shared/i18n/message.ts';
import type { AnswerCondition, RegistryCondition } from './model.ts';

function joined(parts: readonly Message[], key: 'questionnaire.cond_and' | 'questionnaire.cond_or'): Message {
  const [first, ...rest] = parts;
  if (first === undefined) return msg('questionnaire.cond_group', { inner: '' });
  return rest.reduce((a, b) => msg(key, { a, b }), first);
}

export function describeRegistryCondition(c: RegistryCondition): Message {
  if ('all' in c) return joined(c.all.map(describeRegistryCondition), 'questionnaire.cond_and');
  if ('any' in c) return msg('questionnaire.cond_group', { inner: joined(c.any.map(describeRegistryCondition), 'questionnaire.cond_or') });
  return msg('questionnaire.cond_compare', { attribute: c.attribute, op: c.op, value: c.value });
}

export function describeAnswerCondition(c: AnswerCondition): Message {
  if ('all' in c) return joined(c.all.map(describeAnswerCondition), 'questionnaire.cond_and');
  if ('any' in c) return msg('questionnaire.cond_group', { inner: joined(c.any.map(describeAnswerCondition), 'questionnaire.cond_or') });
  const target = c.item === undefined ? c.question : `${c.question}.${c.item}`;
  return msg('questionnaire.cond_answer', { target, codes: c.codes });
}
