/**
 * What changed between two versions of a questionnaire, each change classed as wording (texts,
 * labels: safe at any time) or structure (keys, codes, types, routing, order: they change what
 * the answers mean or which are asked, so they are refused once the window has opened).
 */
import { type Message, msg } from '../shared/i18n/message.ts';
import { optionsOf } from './answer.ts';
import type { Question, Questionnaire, TextInput } from './model.ts';
import { toText } from './model.ts';

export interface QuestionnaireChange {
  readonly kind: 'wording' | 'structure';
  /** Where, e.g. `samarbeid.options[9]`. */
  readonly path: string;
  /** What changed, as a catalogue message (stored in the change log as it is). */
  readonly what: Message;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameText = (a: TextInput | undefined, b: TextInput | undefined) =>
  same(a === undefined ? null : toText(a), b === undefined ? null : toText(b));

function questionChanges(a: Question, b: Question): QuestionnaireChange[] {
  const out: QuestionnaireChange[] = [];
  const s = (path: string, what: Message) => out.push({ kind: 'structure', path: `${b.key}${path}`, what });
  const w = (path: string, what: Message) => out.push({ kind: 'wording', path: `${b.key}${path}`, what });
  if (a.type !== b.type) s('', msg('questionnaire.change_type', { from: a.type, to: b.type }));
  if ((a.section ?? '') !== (b.section ?? ''))
    s('', msg('questionnaire.change_section', b.section === undefined ? {} : { section: b.section }));
  if (Boolean(a.required) !== Boolean(b.required))
    s('', msg(b.required ? 'questionnaire.change_required' : 'questionnaire.change_not_required'));
  if (!same(a.showIf, b.showIf)) s('.showIf', msg('questionnaire.change_show_if'));
  if (!same(a.eligibleIf, b.eligibleIf)) s('.eligibleIf', msg('questionnaire.change_eligible_if'));
  if (!sameText(a.text, b.text)) w('.text', msg('questionnaire.change_text'));
  if (!sameText(a.help, b.help)) w('.help', msg('questionnaire.change_help'));
  if ((a.shortLabel ?? '') !== (b.shortLabel ?? '')) w('.shortLabel', msg('questionnaire.change_short_label'));
  const oa = new Map(optionsOf(a).map((o) => [o.code, o]));
  const ob = new Map(optionsOf(b).map((o) => [o.code, o]));
  for (const [code, o] of oa) {
    const n = ob.get(code);
    if (!n) s(`.options[${code}]`, msg('questionnaire.change_option_removed', { code }));
    else {
      if (!sameText(o.label, n.label)) w(`.options[${code}]`, msg('questionnaire.change_option_label', { code }));
      if (Boolean(o.exclusive) !== Boolean(n.exclusive) || Boolean(o.specify) !== Boolean(n.specify))
        s(`.options[${code}]`, msg('questionnaire.change_option_behaviour', { code }));
    }
  }
  for (const code of ob.keys()) if (!oa.has(code)) s(`.options[${code}]`, msg('questionnaire.change_option_added', { code }));
  if (
    !same(
      [...oa.keys()].filter((c) => ob.has(c)),
      [...ob.keys()].filter((c) => oa.has(c)),
    )
  )
    s('.options', msg('questionnaire.change_options_order'));
  if (a.type === 'matrix' && b.type === 'matrix') {
    const ia = new Map(a.items.map((i) => [i.key, i]));
    const ib = new Map(b.items.map((i) => [i.key, i]));
    for (const [key, i] of ia) {
      const n = ib.get(key);
      if (!n) s(`.items[${key}]`, msg('questionnaire.change_item_removed', { key }));
      else if (!sameText(i.label, n.label)) w(`.items[${key}]`, msg('questionnaire.change_item_label', { key }));
    }
    for (const key of ib.keys()) if (!ia.has(key)) s(`.items[${key}]`, msg('questionnaire.change_item_added', { key }));
  }
  if (
    (a.type === 'integer' && b.type === 'integer' && (a.min !== b.min || a.max !== b.max)) ||
    (a.type === 'text' && b.type === 'text' && a.maxLength !== b.maxLength)
  ) {
    s('', msg('questionnaire.change_limits'));
  }
  return out;
}

export function diffQuestionnaires(a: Questionnaire, b: Questionnaire): QuestionnaireChange[] {
  const out: QuestionnaireChange[] = [];
  if (!sameText(a.title, b.title)) out.push({ kind: 'wording', path: 'title', what: msg('questionnaire.change_title') });
  if (!sameText(a.intro, b.intro)) out.push({ kind: 'wording', path: 'intro', what: msg('questionnaire.change_intro') });
  const sa = new Map(a.sections.map((x) => [x.key, x]));
  const sb = new Map(b.sections.map((x) => [x.key, x]));
  for (const [key, sec] of sa) {
    const n = sb.get(key);
    if (!n) out.push({ kind: 'structure', path: `sections[${key}]`, what: msg('questionnaire.change_section_removed', { key }) });
    else if (!sameText(sec.title, n.title) || !sameText(sec.intro, n.intro))
      out.push({ kind: 'wording', path: `sections[${key}]`, what: msg('questionnaire.change_section_texts', { key }) });
  }
  for (const key of sb.keys())
    if (!sa.has(key)) out.push({ kind: 'structure', path: `sections[${key}]`, what: msg('questionnaire.change_section_added', { key }) });
  if (
    !same(
      [...sa.keys()].filter((k) => sb.has(k)),
      [...sb.keys()].filter((k) => sa.has(k)),
    )
  )
    out.push({ kind: 'structure', path: 'sections', what: msg('questionnaire.change_sections_order') });
  const qa = new Map(a.questions.map((q) => [q.key, q]));
  const qb = new Map(b.questions.map((q) => [q.key, q]));
  for (const [key, q] of qa) {
    const n = qb.get(key);
    if (!n) out.push({ kind: 'structure', path: key, what: msg('questionnaire.change_question_removed', { key }) });
    else out.push(...questionChanges(q, n));
  }
  for (const key of qb.keys())
    if (!qa.has(key)) out.push({ kind: 'structure', path: key, what: msg('questionnaire.change_question_added', { key }) });
  if (
    !same(
      [...qa.keys()].filter((k) => qb.has(k)),
      [...qb.keys()].filter((k) => qa.has(k)),
    )
  )
    out.push({ kind: 'structure', path: 'questions', what: msg('questionnaire.change_questions_order') });
  return out;
}

/** Changes as one message: `samarbeid.options[9] (option 9 added); sections (sections reordered)`. */
export function changeList(changes: readonly QuestionnaireChange[]): Message {
  const items = changes.map((c) => msg('questionnaire.change_listed', { path: c.path, what: c.what }));
  const [first, ...rest] = items;
  if (first === undefined) return msg('questionnaire.change_unrecognised', { text: '' });
  return rest.reduce((a, b) => msg('questionnaire.list_next', { a, b }), first);
}

/**
 * Warnings against earlier rounds' versions of the same questions: an option that existed before
 * and is gone now (trends will leave it out), and a label that moved to another code (the code,
 * not the label, carries an option across years).
 */
export function trendWarnings(earlier: readonly { year: number; questionnaire: Questionnaire }[], next: Questionnaire): Message[] {
  const out = new Map<string, Message>();
  const add = (m: Message) => out.set(JSON.stringify(m), m);
  for (const q of next.questions) {
    const now = new Map(optionsOf(q).map((o) => [o.code, toText(o.label).nb]));
    for (const { year, questionnaire } of earlier) {
      const old = questionnaire.questions.find((x) => x.key === q.key);
      if (!old || old.type !== q.type) continue;
      for (const o of optionsOf(old)) {
        const label = toText(o.label).nb;
        if (!now.has(o.code)) {
          const moved = [...now].find(([, l]) => l === label);
          add(
            moved
              ? msg('questionnaire.trend_code_moved', { question: q.key, label, code: o.code, year, now: moved[0] })
              : msg('questionnaire.trend_option_gone', { question: q.key, label, code: o.code, year }),
          );
        }
      }
    }
  }
  return [...out.values()];
}
