/**
 * What changed between two versions of a questionnaire, each change classed as wording (texts,
 * labels: safe at any time) or structure (keys, codes, types, routing, order: they change what
 * the answers mean or which are asked, so they are refused once the window has opened).
 */
import { optionsOf } from './answer.ts';
import type { Question, Questionnaire, TextInput } from './model.ts';
import { toText } from './model.ts';

export interface QuestionnaireChange {
  readonly kind: 'wording' | 'structure';
  /** Where, e.g. `samarbeid.options[9]`. */
  readonly path: string;
  readonly what: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameText = (a: TextInput | undefined, b: TextInput | undefined) =>
  same(a === undefined ? null : toText(a), b === undefined ? null : toText(b));

function questionChanges(a: Question, b: Question): QuestionnaireChange[] {
  const out: QuestionnaireChange[] = [];
  const s = (path: string, what: string) => out.push({ kind: 'structure', path: `${b.key}${path}`, what });
  const w = (path: string, what: string) => out.push({ kind: 'wording', path: `${b.key}${path}`, what });
  if (a.type !== b.type) s('', `type ${a.type} → ${b.type}`);
  if ((a.section ?? '') !== (b.section ?? '')) s('', `moved to section ${b.section ?? '(first)'}`);
  if (Boolean(a.required) !== Boolean(b.required)) s('', b.required ? 'now required' : 'no longer required');
  if (!same(a.showIf, b.showIf)) s('.showIf', 'follow-up condition changed');
  if (!same(a.eligibleIf, b.eligibleIf)) s('.eligibleIf', 'eligibility changed');
  if (!sameText(a.text, b.text)) w('.text', 'question text changed');
  if (!sameText(a.help, b.help)) w('.help', 'help text changed');
  if ((a.shortLabel ?? '') !== (b.shortLabel ?? '')) w('.shortLabel', 'short label changed');
  const oa = new Map(optionsOf(a).map((o) => [o.code, o]));
  const ob = new Map(optionsOf(b).map((o) => [o.code, o]));
  for (const [code, o] of oa) {
    const n = ob.get(code);
    if (!n) s(`.options[${code}]`, `option ${code} removed`);
    else {
      if (!sameText(o.label, n.label)) w(`.options[${code}]`, `label of option ${code} changed`);
      if (Boolean(o.exclusive) !== Boolean(n.exclusive) || Boolean(o.specify) !== Boolean(n.specify))
        s(`.options[${code}]`, `option ${code} behaves differently`);
    }
  }
  for (const code of ob.keys()) if (!oa.has(code)) s(`.options[${code}]`, `option ${code} added`);
  if (
    !same(
      [...oa.keys()].filter((c) => ob.has(c)),
      [...ob.keys()].filter((c) => oa.has(c)),
    )
  )
    s('.options', 'options reordered');
  if (a.type === 'matrix' && b.type === 'matrix') {
    const ia = new Map(a.items.map((i) => [i.key, i]));
    const ib = new Map(b.items.map((i) => [i.key, i]));
    for (const [key, i] of ia) {
      const n = ib.get(key);
      if (!n) s(`.items[${key}]`, `item ${key} removed`);
      else if (!sameText(i.label, n.label)) w(`.items[${key}]`, `label of item ${key} changed`);
    }
    for (const key of ib.keys()) if (!ia.has(key)) s(`.items[${key}]`, `item ${key} added`);
  }
  if (
    (a.type === 'integer' && b.type === 'integer' && (a.min !== b.min || a.max !== b.max)) ||
    (a.type === 'text' && b.type === 'text' && a.maxLength !== b.maxLength)
  ) {
    s('', 'limits changed');
  }
  return out;
}

export function diffQuestionnaires(a: Questionnaire, b: Questionnaire): QuestionnaireChange[] {
  const out: QuestionnaireChange[] = [];
  if (!sameText(a.title, b.title)) out.push({ kind: 'wording', path: 'title', what: 'title changed' });
  if (!sameText(a.intro, b.intro)) out.push({ kind: 'wording', path: 'intro', what: 'introduction changed' });
  const sa = new Map(a.sections.map((x) => [x.key, x]));
  const sb = new Map(b.sections.map((x) => [x.key, x]));
  for (const [key, sec] of sa) {
    const n = sb.get(key);
    if (!n) out.push({ kind: 'structure', path: `sections[${key}]`, what: `section ${key} removed` });
    else if (!sameText(sec.title, n.title) || !sameText(sec.intro, n.intro))
      out.push({ kind: 'wording', path: `sections[${key}]`, what: `section ${key} texts changed` });
  }
  for (const key of sb.keys()) if (!sa.has(key)) out.push({ kind: 'structure', path: `sections[${key}]`, what: `section ${key} added` });
  if (
    !same(
      [...sa.keys()].filter((k) => sb.has(k)),
      [...sb.keys()].filter((k) => sa.has(k)),
    )
  )
    out.push({ kind: 'structure', path: 'sections', what: 'sections reordered' });
  const qa = new Map(a.questions.map((q) => [q.key, q]));
  const qb = new Map(b.questions.map((q) => [q.key, q]));
  for (const [key, q] of qa) {
    const n = qb.get(key);
    if (!n) out.push({ kind: 'structure', path: key, what: `question ${key} removed` });
    else out.push(...questionChanges(q, n));
  }
  for (const key of qb.keys()) if (!qa.has(key)) out.push({ kind: 'structure', path: key, what: `question ${key} added` });
  if (
    !same(
      [...qa.keys()].filter((k) => qb.has(k)),
      [...qb.keys()].filter((k) => qa.has(k)),
    )
  )
    out.push({ kind: 'structure', path: 'questions', what: 'questions reordered' });
  return out;
}

/**
 * Warnings against earlier rounds' versions of the same questions: an option that existed before
 * and is gone now (trends will leave it out), and a label that moved to another code (the code,
 * not the label, carries an option across years).
 */
export function trendWarnings(earlier: readonly { year: number; questionnaire: Questionnaire }[], next: Questionnaire): string[] {
  const out: string[] = [];
  for (const q of next.questions) {
    const now = new Map(optionsOf(q).map((o) => [o.code, toText(o.label).nb]));
    for (const { year, questionnaire } of earlier) {
      const old = questionnaire.questions.find((x) => x.key === q.key);
      if (!old || old.type !== q.type) continue;
      for (const o of optionsOf(old)) {
        const label = toText(o.label).nb;
        if (!now.has(o.code)) {
          const moved = [...now].find(([, l]) => l === label);
          out.push(
            moved
              ? `${q.key}: "${label}" was option ${o.code} in ${year} and is option ${moved[0]} now; codes carry options across years, so keep ${o.code}`
              : `${q.key}: option ${o.code} ("${label}") of ${year} is gone; trends will leave it out`,
          );
        }
      }
    }
  }
  return [...new Set(out)];
}
