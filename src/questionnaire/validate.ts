/**
 * Checks a questionnaire beyond its shape: unique keys and codes, scale extras outside the scale,
 * follow-ups that point back to an earlier question and to codes it has, sections that exist.
 * Every problem names the path of the bad field, prefixed with the role.
 */
import { invalid } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { formatPath, parseOrThrow } from '../shared/validation.ts';
import { type AnswerCondition, type Option, type Question, type Questionnaire, questionnaireShape, type Scale } from './model.ts';

/** A problem at a path of the questionnaire (the path is relative: the caller's prefix goes first). */
export type Problem = { path: (string | number)[]; message: Message };

/** The codes a question can be answered with (scale values and extras included). */
export function answerCodes(q: Question): number[] {
  if (q.type === 'single' || q.type === 'multi') return q.options.map((o) => o.code);
  if (q.type === 'scale') return scaleCodes(q.scale);
  if (q.type === 'matrix') return q.options ? q.options.map((o) => o.code) : q.scale ? scaleCodes(q.scale) : [];
  return [];
}

function scaleCodes(s: Scale): number[] {
  const codes: number[] = [];
  for (let v = s.min; v <= s.max; v++) codes.push(v);
  return [...codes, ...(s.extra ?? []).map((o) => o.code)];
}

function checkOptions(options: readonly Option[], path: (string | number)[], multi: boolean, out: Problem[]): void {
  const seen = new Set<number>();
  let specify = 0;
  options.forEach((o, i) => {
    if (seen.has(o.code)) out.push({ path: [...path, i, 'code'], message: msg('questionnaire.duplicate_code', { code: o.code }) });
    seen.add(o.code);
    if (o.exclusive && !multi) out.push({ path: [...path, i, 'exclusive'], message: msg('questionnaire.exclusive_not_multi') });
    if (o.specify) specify++;
    if (specify > 1 && o.specify) out.push({ path: [...path, i, 'specify'], message: msg('questionnaire.specify_twice') });
  });
}

function checkScale(s: Scale, path: (string | number)[], out: Problem[]): void {
  if (s.min >= s.max)
    out.push({ path: [...path, 'max'], message: msg('questionnaire.scale_max_not_above_min', { min: s.min, max: s.max }) });
  if (s.max - s.min > 20) out.push({ path: [...path, 'max'], message: msg('questionnaire.scale_too_long') });
  const seen = new Set<number>();
  (s.extra ?? []).forEach((o, i) => {
    if (o.code >= s.min && o.code <= s.max) {
      out.push({
        path: [...path, 'extra', i, 'code'],
        message: msg('questionnaire.extra_inside_scale', { code: o.code, min: s.min, max: s.max }),
      });
    }
    if (seen.has(o.code)) out.push({ path: [...path, 'extra', i, 'code'], message: msg('questionnaire.duplicate_code', { code: o.code }) });
    seen.add(o.code);
    if (o.exclusive || o.specify) out.push({ path: [...path, 'extra', i], message: msg('questionnaire.extra_plain') });
  });
}

function checkCondition(c: AnswerCondition, path: (string | number)[], earlier: ReadonlyMap<string, Question>, out: Problem[]): void {
  if ('all' in c || 'any' in c) {
    const [kind, list] = 'all' in c ? (['all', c.all] as const) : (['any', c.any] as const);
    list.forEach((s, i) => {
      checkCondition(s, [...path, kind, i], earlier, out);
    });
    return;
  }
  const target = earlier.get(c.question);
  if (!target) {
    out.push({ path: [...path, 'question'], message: msg('questionnaire.not_earlier_question', { question: c.question }) });
    return;
  }
  if (target.type === 'matrix') {
    if (c.item === undefined)
      out.push({ path: [...path, 'item'], message: msg('questionnaire.matrix_needs_item', { question: c.question }) });
    else if (!target.items.some((it) => it.key === c.item)) {
      out.push({ path: [...path, 'item'], message: msg('questionnaire.no_such_item', { question: c.question, item: c.item }) });
    }
  } else if (c.item !== undefined) {
    out.push({ path: [...path, 'item'], message: msg('questionnaire.not_matrix', { question: c.question }) });
  }
  const codes = new Set(answerCodes(target));
  if (codes.size === 0) out.push({ path: [...path, 'question'], message: msg('questionnaire.no_answer_codes', { question: c.question }) });
  c.codes.forEach((code, i) => {
    if (codes.size > 0 && !codes.has(code))
      out.push({ path: [...path, 'codes', i], message: msg('questionnaire.no_such_code', { question: c.question, code }) });
  });
}

export function semanticProblems(q: Questionnaire): Problem[] {
  const out: Problem[] = [];
  const sectionKeys = new Set<string>();
  q.sections.forEach((s, i) => {
    if (sectionKeys.has(s.key)) out.push({ path: ['sections', i, 'key'], message: msg('questionnaire.duplicate_section', { key: s.key }) });
    sectionKeys.add(s.key);
  });
  const earlier = new Map<string, Question>();
  const sectionOrder = q.sections.map((s) => s.key);
  let lastSection = 0;
  q.questions.forEach((question, i) => {
    const path = ['questions', i];
    if (earlier.has(question.key))
      out.push({ path: [...path, 'key'], message: msg('questionnaire.duplicate_question', { key: question.key }) });
    if (question.section !== undefined) {
      const idx = sectionOrder.indexOf(question.section);
      if (idx < 0) out.push({ path: [...path, 'section'], message: msg('questionnaire.no_such_section', { section: question.section }) });
      else if (idx < lastSection) out.push({ path: [...path, 'section'], message: msg('questionnaire.section_order') });
      else lastSection = idx;
    }
    if (question.type === 'single' || question.type === 'multi')
      checkOptions(question.options, [...path, 'options'], question.type === 'multi', out);
    if (question.type === 'scale') checkScale(question.scale, [...path, 'scale'], out);
    if (question.type === 'matrix') {
      if ((question.options === undefined) === (question.scale === undefined)) {
        out.push({ path, message: msg('questionnaire.matrix_options_or_scale') });
      }
      if (question.options) checkOptions(question.options, [...path, 'options'], false, out);
      if (question.scale) checkScale(question.scale, [...path, 'scale'], out);
      const items = new Set<string>();
      question.items.forEach((it, j) => {
        if (items.has(it.key))
          out.push({ path: [...path, 'items', j, 'key'], message: msg('questionnaire.duplicate_item', { key: it.key }) });
        items.add(it.key);
      });
    }
    if (question.type === 'integer' && question.min !== undefined && question.max !== undefined && question.min > question.max) {
      out.push({ path: [...path, 'max'], message: msg('questionnaire.integer_max_below_min', { min: question.min, max: question.max }) });
    }
    if (question.showIf) checkCondition(question.showIf, [...path, 'showIf'], earlier, out);
    earlier.set(question.key, question);
  });
  return out;
}

/**
 * Parses and checks a questionnaire. `prefix` starts every path (the role, or the file name when
 * the role is unknown), so messages read `kommunedirektor.questions[4].options[2].code: …`.
 */
export function parseQuestionnaire(data: unknown, prefix?: string): Questionnaire {
  // The role starts every path, so only a plausible one (not whatever long text the file holds).
  const role =
    typeof data === 'object' && data !== null && typeof (data as { role?: unknown }).role === 'string'
      ? /^[a-z_]{1,40}$/.exec((data as { role: string }).role)?.[0]
      : undefined;
  const lead = prefix ?? role ?? 'questionnaire';
  const q = parseOrThrow(questionnaireShape, data, lead);
  const [first, ...rest] = semanticProblems(q);
  if (first) {
    const at = (p: Problem) => msg('common.at', { where: formatPath(p.path, lead), what: p.message });
    throw invalid(at(first), rest.map(at));
  }
  return q;
}
