/**
 * Conditions in plain words, for error messages and for the questionnaire overview.
 */
import type { AnswerCondition, RegistryCondition } from './model.ts';

export function describeRegistryCondition(c: RegistryCondition): string {
  if ('all' in c) return c.all.map(describeRegistryCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeRegistryCondition).join(' or ')})`;
  return `${c.attribute} ${c.op} ${c.value}`;
}

export function describeAnswerCondition(c: AnswerCondition): string {
  if ('all' in c) return c.all.map(describeAnswerCondition).join(' and ');
  if ('any' in c) return `(${c.any.map(describeAnswerCondition).join(' or ')})`;
  const target = c.item === undefined ? c.question : `${c.question}.${c.item}`;
  return `${target} is ${c.codes.join(' or ')}`;
}
