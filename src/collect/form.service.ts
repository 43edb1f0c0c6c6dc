/**
 * The respondent's form as use cases: open it through a personal link, read where the
 * respondent is, save a page (answers that validate; a draft of anything that does not), submit.
 * Every save is one transaction: once the next page is shown, the answer is stored.
 */
import { type Answer, fromRows, toRows } from '../questionnaire/answer.ts';
import type { Question, Questionnaire, Role, Section } from '../questionnaire/model.ts';
import { type Attributes, askedQuestions, isEligible } from '../questionnaire/routing.ts';
import { getUnit } from '../registry/registry.service.ts';
import type { Unit } from '../registry/registry.types.ts';
import { getRound, type Round, roundQuestionnaire } from '../round/round.service.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './form.repository.ts';
import { answersToRaw, type FieldError, type RawForm, rawFieldsOf, readSection } from './form.ts';
import { resolveToken } from './link.service.ts';
import * as paradataRepo from './paradata.repository.ts';

export interface FormContext {
  readonly round: Round;
  readonly role: Role;
  readonly unit: Unit;
  readonly questionnaire: Questionnaire;
}

export interface FormState {
  readonly status: 'not_started' | 'in_progress' | 'submitted';
  readonly answers: ReadonlyMap<string, Answer>;
  /** Raw fields of pages that did not validate, by section key. */
  readonly drafts: ReadonlyMap<string, Record<string, string | string[]>>;
  readonly currentSection: string | null;
  readonly submittedAt: Date | null;
  readonly updatedAt: Date | null;
}

export interface Page {
  readonly section: Section;
  /** The questions of this section the unit is asked, given its answers so far. */
  readonly questions: readonly Question[];
}

export async function openForm(store: Store, token: string): Promise<FormContext | null> {
  const target = await resolveToken(store, token);
  if (!target) return null;
  const round = await getRound(store, target.year);
  // A link whose unit has left the round's registry (a re-import without a mapping for it) opens
  // nothing: the respondent gets the same page as for an unknown link, never an internal message.
  const unit = await getUnit(store, round.registryYear, target.unitNumber).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  });
  if (!unit) return null;
  return { round, role: target.role, unit, questionnaire: await roundQuestionnaire(store, target.year, target.role) };
}

export async function formState(store: Store, ctx: FormContext): Promise<FormState> {
  const row = await repo.findResponse(store.db, ctx.round.year, ctx.role, ctx.unit.number);
  if (!row)
    return { status: 'not_started', answers: new Map(), drafts: new Map(), currentSection: null, submittedAt: null, updatedAt: null };
  const drafts = new Map((await repo.drafts(store.db, row.id)).map((d) => [d.section_key, JSON.parse(d.data)]));
  return {
    status: row.status,
    answers: fromRows(ctx.questionnaire.questions, await repo.answerRows(store.db, row.id)),
    drafts,
    currentSection: row.current_section,
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    updatedAt: new Date(row.updated_at),
  };
}

const sectionOf = (qn: Questionnaire, q: Question): string => q.section ?? (qn.sections[0] as Section).key;

/** The pages a unit sees: sections with at least one question it is eligible for. */
export function pages(ctx: FormContext, answers: ReadonlyMap<string, Answer>): Page[] {
  const attrs = ctx.unit.attributes as Attributes;
  const asked = askedQuestions(ctx.questionnaire, attrs, answers);
  return ctx.questionnaire.sections
    .filter((s) => ctx.questionnaire.questions.some((q) => sectionOf(ctx.questionnaire, q) === s.key && isEligible(q, attrs)))
    .map((section) => ({ section, questions: asked.filter((q) => sectionOf(ctx.questionnaire, q) === section.key) }));
}

/** Whether the unit has a page for this section (sections depend on eligibility, never on answers). */
export function hasPage(ctx: FormContext, sectionKey: string): boolean {
  return pages(ctx, new Map()).some((p) => p.section.key === sectionKey);
}

/** Every question of a section the unit is eligible for, follow-ups included (the page may reveal them). */
export function eligibleQuestions(ctx: FormContext, sectionKey: string): Question[] {
  const attrs = ctx.unit.attributes as Attributes;
  return ctx.questionnaire.questions.filter((q) => sectionOf(ctx.questionnaire, q) === sectionKey && isEligible(q, attrs));
}

export interface SaveResult {
  readonly errors: readonly FieldError[];
  /** Follow-ups on this page that the answers just revealed and that are still unanswered. */
  readonly revealed: readonly string[];
}

export async function saveSection(store: Store, ctx: FormContext, sectionKey: string, raw: RawForm, now = new Date()): Promise<SaveResult> {
  const attrs = ctx.unit.attributes as Attributes;
  const candidates = eligibleQuestions(ctx, sectionKey);
  const read = readSection(candidates, raw);
  const stamp = now.toISOString();

  // The state is read and written under the response's lock: concurrent saves of one form (a
  // double click, two tabs, a retry) run one after the other, the last one wins for the whole page.
  return store.db.transaction().execute(async (trx) => {
    const row = await repo.lockResponse(trx, store.dialect, ctx.round.year, ctx.role, ctx.unit.number, stamp);
    const before = fromRows(ctx.questionnaire.questions, await repo.answerRows(trx, row.id));

    // Merge this page's answers into the rest, then let routing decide what is asked now.
    const merged = new Map(before);
    for (const [key, a] of read.answers) {
      if (a === null) merged.delete(key);
      else merged.set(key, a);
    }
    const askedNow = askedQuestions(ctx.questionnaire, attrs, merged);
    const askedKeys = new Set(askedNow.map((q) => q.key));
    const askedBefore = new Set(askedQuestions(ctx.questionnaire, attrs, before).map((q) => q.key));
    const errors = read.errors.filter((e) => askedKeys.has(e.question));
    const revealed = candidates.filter((q) => askedKeys.has(q.key) && !askedBefore.has(q.key) && !merged.has(q.key)).map((q) => q.key);

    if (errors.length > 0) {
      await repo.saveDraft(trx, row.id, sectionKey, JSON.stringify(rawFieldsOf(candidates, raw)), stamp);
    } else {
      await repo.deleteDraft(trx, row.id, sectionKey);
      const rows = candidates.flatMap((q) => {
        const a = merged.get(q.key);
        return a && askedKeys.has(q.key) ? toRows(q, a) : [];
      });
      await repo.replaceAnswers(
        trx,
        row.id,
        candidates.map((q) => q.key),
        rows,
      );
      // Answers elsewhere that this page's answers made irrelevant (a follow-up whose "Ja" became "Nei").
      await repo.deleteAnswers(
        trx,
        row.id,
        [...merged.keys()].filter((k) => !askedKeys.has(k)),
      );
    }
    await repo.updateResponse(trx, row.id, { updated_at: stamp, current_section: sectionKey });
    await paradataRepo.addEvent(trx, { ...eventOf(ctx), section: sectionKey, kind: errors.length > 0 ? 'invalid' : 'saved', at: stamp });
    return { errors, revealed };
  });
}

/** Marks the response submitted; refused while a page has unsaved problems. */
export async function submit(store: Store, ctx: FormContext, now = new Date()): Promise<void> {
  const stamp = now.toISOString();
  await store.db.transaction().execute(async (trx) => {
    const row = await repo.lockResponse(trx, store.dialect, ctx.round.year, ctx.role, ctx.unit.number, stamp);
    if ((await repo.drafts(trx, row.id)).length > 0) throw conflict(msg('collect.submit_unfinished'));
    await repo.updateResponse(trx, row.id, { status: 'submitted', submitted_at: row.submitted_at ?? stamp, updated_at: stamp });
    await paradataRepo.addEvent(trx, { ...eventOf(ctx), section: '', kind: 'submitted', at: stamp });
  });
}

/** Remembers where the respondent is without saving anything else, and that the page was shown (paradata). */
export async function rememberSection(store: Store, ctx: FormContext, sectionKey: string, now = new Date()): Promise<void> {
  await paradataRepo.addEvent(store.db, { ...eventOf(ctx), section: sectionKey, kind: 'shown', at: now.toISOString() });
  const row = await repo.findResponse(store.db, ctx.round.year, ctx.role, ctx.unit.number);
  if (row && row.current_section !== sectionKey) await repo.updateResponse(store.db, row.id, { current_section: sectionKey });
}

const eventOf = (ctx: FormContext) => ({ year: ctx.round.year, role: ctx.role, unitNumber: ctx.unit.number });

/** Each question's number as this unit sees the questionnaire (eligible questions, in order). */
export function questionNumbers(ctx: FormContext): Map<string, number> {
  const attrs = ctx.unit.attributes as Attributes;
  return new Map(ctx.questionnaire.questions.filter((q) => isEligible(q, attrs)).map((q, i) => [q.key, i + 1]));
}

export interface SectionForm {
  /** Every question of the section the unit is eligible for (follow-ups included). */
  readonly questions: readonly Question[];
  /** Keys of those the routing asks now. */
  readonly asked: ReadonlySet<string>;
  /** The fields as the respondent last left them: the draft, else the stored answers. */
  readonly raw: Record<string, string | string[]>;
  /** Problems of the draft, if any. */
  readonly errors: readonly FieldError[];
}

/** A section as the form shows it: what was typed last, and what is still wrong with it. */
export function sectionForm(ctx: FormContext, state: FormState, sectionKey: string): SectionForm {
  const attrs = ctx.unit.attributes as Attributes;
  const questions = eligibleQuestions(ctx, sectionKey);
  const draft = state.drafts.get(sectionKey);
  if (!draft) {
    const asked = new Set(askedQuestions(ctx.questionnaire, attrs, state.answers).map((q) => q.key));
    return { questions, asked, raw: answersToRaw(questions, state.answers), errors: [] };
  }
  const read = readSection(questions, draft);
  const merged = new Map(state.answers);
  for (const [key, a] of read.answers) {
    if (a === null) merged.delete(key);
    else merged.set(key, a);
  }
  const asked = new Set(askedQuestions(ctx.questionnaire, attrs, merged).map((q) => q.key));
  return { questions, asked, raw: draft, errors: read.errors.filter((e) => asked.has(e.question)) };
}
