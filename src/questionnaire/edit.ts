/**
 * Editing a questionnaire as pure functions: each returns a new questionnaire (nothing is
 * mutated), and the caller saves it through the round's rules (validation, frozen structure,
 * change log). Also the choice of a code for a new option: codes carry an option across years,
 * so a new option never takes a code that an earlier round used for something else.
 */
import type { AnswerCondition, Option, Question, Questionnaire, Section, TextInput } from './model.ts';
import { toText } from './model.ts';

export const sectionOf = (qn: Questionnaire, q: Question): string => q.section ?? (qn.sections[0] as Section).key;

/**
 * Moves a question one step. Within its section it swaps with its neighbour; the first question
 * of a section moving up becomes the last of the section before (and the last moving down the
 * first of the next), so the questions keep following the order of the sections.
 */
export function moveQuestion(qn: Questionnaire, key: string, direction: 'up' | 'down'): Questionnaire {
  const list = [...qn.questions];
  const i = list.findIndex((q) => q.key === key);
  if (i < 0) return qn;
  const q = list[i] as Question;
  const here = sectionOf(qn, q);
  const sections = qn.sections.map((s) => s.key);
  const j = direction === 'up' ? i - 1 : i + 1;
  const neighbour = list[j];
  if (neighbour && sectionOf(qn, neighbour) === here) {
    list[i] = neighbour;
    list[j] = q;
    return { ...qn, questions: list };
  }
  const s = sections.indexOf(here) + (direction === 'up' ? -1 : 1);
  const target = sections[s];
  if (target === undefined) return qn;
  list[i] = { ...q, section: target };
  return { ...qn, questions: list };
}

export function removeQuestion(qn: Questionnaire, key: string): Questionnaire {
  return { ...qn, questions: qn.questions.filter((q) => q.key !== key) };
}

/** Puts a question last in its section (a new one, or one moved to another section). */
export function placeQuestion(qn: Questionnaire, q: Question): Questionnaire {
  const others = qn.questions.filter((x) => x.key !== q.key);
  const order = qn.sections.map((s) => s.key);
  const at = order.indexOf(sectionOf(qn, q));
  let insert = 0;
  others.forEach((x, i) => {
    if (order.indexOf(sectionOf(qn, x)) <= at) insert = i + 1;
  });
  return { ...qn, questions: [...others.slice(0, insert), q, ...others.slice(insert)] };
}

/** Replaces a question in place; a question whose section changed goes last in the new one. */
export function replaceQuestion(qn: Questionnaire, q: Question): Questionnaire {
  const old = qn.questions.find((x) => x.key === q.key);
  if (!old || sectionOf(qn, old) !== sectionOf(qn, q)) return placeQuestion(qn, q);
  return { ...qn, questions: qn.questions.map((x) => (x.key === q.key ? q : x)) };
}

export function addSection(qn: Questionnaire, section: Section): Questionnaire {
  return { ...qn, sections: [...qn.sections, section] };
}

/** The questions of a section, in order (a question without a section is in the first). */
export const questionsIn = (qn: Questionnaire, key: string): Question[] => qn.questions.filter((q) => sectionOf(qn, q) === key);

/** Replaces a section's texts (title, introduction); its key and place stay. */
export function updateSection(qn: Questionnaire, section: Section): Questionnaire {
  return { ...qn, sections: qn.sections.map((s) => (s.key === section.key ? section : s)) };
}

/**
 * Moves a section one step, its questions with it (questions follow the order of the sections).
 * A question without a section belongs to the first; when another section comes first, such a
 * question is given its section explicitly so that it stays where it was.
 */
export function moveSection(qn: Questionnaire, key: string, direction: 'up' | 'down'): Questionnaire {
  const i = qn.sections.findIndex((s) => s.key === key);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= qn.sections.length) return qn;
  const sections = [...qn.sections];
  sections[i] = qn.sections[j] as Section;
  sections[j] = qn.sections[i] as Section;
  const first = (qn.sections[0] as Section).key;
  const firstChanged = (sections[0] as Section).key !== first;
  const order = sections.map((s) => s.key);
  const questions = qn.questions
    .map((q) => (firstChanged && q.section === undefined ? { ...q, section: first } : q))
    .map((q, n) => ({ q, n, at: order.indexOf(q.section ?? first) }))
    .sort((a, b) => a.at - b.at || a.n - b.n)
    .map((x) => x.q);
  return { ...qn, sections, questions };
}

/** Removes a section; the caller makes sure it is empty (see questionsIn). */
export function removeSection(qn: Questionnaire, key: string): Questionnaire {
  return { ...qn, sections: qn.sections.filter((s) => s.key !== key) };
}

function conditionTargets(c: AnswerCondition): string[] {
  if ('all' in c) return c.all.flatMap(conditionTargets);
  if ('any' in c) return c.any.flatMap(conditionTargets);
  return [c.question];
}

/** Follow-ups that would come before a question they depend on (a move that must be refused). */
export function followUpsBeforeTrigger(qn: Questionnaire): { question: string; trigger: string }[] {
  const out: { question: string; trigger: string }[] = [];
  const all = new Set(qn.questions.map((q) => q.key));
  const earlier = new Set<string>();
  for (const q of qn.questions) {
    for (const t of q.showIf ? conditionTargets(q.showIf) : []) {
      if (all.has(t) && !earlier.has(t)) out.push({ question: q.key, trigger: t });
    }
    earlier.add(q.key);
  }
  return out;
}

/** Codes with a conventional meaning in the questionnaires: 8 "Ikke relevant", 9 "Vet ikke". */
export const conventionalCodes: Readonly<Record<number, string>> = { 8: 'ikke relevant', 9: 'vet ikke' };

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The code for a new option with this label. `taken` are the codes the question has now (or may
 * not use, e.g. the points of a scale); `earlier` the codes earlier rounds' versions of the same
 * question used, with their labels. An option that existed earlier with the same label gets its
 * old code back (so trends continue); "Vet ikke" and "Ikke relevant" get 9 and 8 when free;
 * otherwise the highest code so far + 1, skipping 8 and 9 and every code an earlier round used
 * for another label.
 */
export function nextOptionCode(
  label: string,
  taken: ReadonlySet<number>,
  earlier: readonly { code: number; label: TextInput }[],
  alsoTaken: ReadonlySet<number> = new Set(),
): number {
  const used = new Set([...taken, ...alsoTaken]);
  const earlierUse = new Map<number, string>();
  for (const e of earlier) if (!earlierUse.has(e.code)) earlierUse.set(e.code, norm(toText(e.label).nb));
  const free = (code: number) => !used.has(code) && (earlierUse.get(code) ?? norm(label)) === norm(label);
  const same = earlier.find((e) => norm(toText(e.label).nb) === norm(label) && !used.has(e.code));
  if (same) return same.code;
  for (const [code, meaning] of Object.entries(conventionalCodes)) {
    if (meaning === norm(label) && free(Number(code))) return Number(code);
  }
  let code = Math.max(0, ...[...taken].filter((c) => !(c in conventionalCodes)), ...alsoTaken) + 1;
  while (!free(code) || (code in conventionalCodes && conventionalCodes[code] !== norm(label))) code++;
  return code;
}

/** The options of a question with codes (single, multi, matrix with options). */
export function choiceOptions(q: Question): readonly Option[] {
  if (q.type === 'single' || q.type === 'multi') return q.options;
  if (q.type === 'matrix' && q.options) return q.options;
  return [];
}

/** A key for a new matrix item from its label: lower case, a-z, digits and _, at most 30 long. */
export function keyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+/, '')
      .replace(/_+$/, '')
      .slice(0, 30)
      .replace(/_+$/, '') || 'del';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}
