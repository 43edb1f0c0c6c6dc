/**
 * The respondent's pages: start, a section of questions, review, receipt, "saved", outside the
 * window, and the plain page for an unknown link. Everything is rendered on the server; forms
 * post back to the same address and work without JavaScript.
 */

import type { FormContext, FormState, Page } from '../../collect/form.service.ts';
import type { FieldError } from '../../collect/form.ts';
import type { Answer } from '../../questionnaire/answer.ts';
import { type Language, type Question, textIn } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDate, formatOsloDateTime } from '../../shared/time.ts';
import { compareHref, compareOpens } from './compare.pages.ts';
import { compareStrings } from './compare.strings.ts';
import { respondentPage } from './layout.ts';
import { answerText, type RawValues, renderQuestion } from './render.ts';
import { type Strings, strings } from './strings.ts';

/** What every page of one respondent knows. */
export interface View {
  readonly ctx: FormContext;
  readonly lang: Language;
  /** `/s/<token>` */
  readonly base: string;
  readonly csrf: string;
  /** Further hidden fields every form carries (the editor's preview keeps its answers in them). */
  readonly hiddenFields?: Html;
}

const locale: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const t = (v: View): Strings => strings[v.lang];
const date = (v: View, d: Date) => formatOsloDate(d, locale[v.lang]);
const dateTime = (v: View, d: Date) => formatOsloDateTime(d, locale[v.lang]);
const lastDay = (v: View) => date(v, new Date(v.ctx.round.closesAt.getTime() - 1));
const surveyTitle = (v: View) => t(v).brand(v.ctx.round.year);
const languagesOf = (v: View): Language[] => {
  const ls = v.ctx.questionnaire.languages ?? ['nb'];
  return ls.includes('nb') ? ls : ['nb', ...ls];
};

function frame(v: View, title: string, here: string | null, body: Html, script = false, footer = true): string {
  return respondentPage({ lang: v.lang, languages: languagesOf(v), here, title, surveyTitle: surveyTitle(v), script, footer }, body);
}

function unitLine(v: View): Html {
  const role = t(v).roleName[v.ctx.role] ?? v.ctx.role;
  return html`<p class="unit">${t(v).unitLine(v.ctx.unit.name, role)}</p>`;
}

const csrfField = (v: View) => html`<input type="hidden" name="_csrf" value="${v.csrf}">${v.hiddenFields ?? ''}`;

export const pageHref = (v: View, sectionKey: string) => `${v.base}/side/${sectionKey}`;

export function startPage(v: View, state: FormState, pages: readonly Page[]): string {
  const s = t(v);
  const qn = v.ctx.questionnaire;
  const first = pages[0];
  const current = pages.find((p) => p.section.key === state.currentSection) ?? first;
  const status =
    state.status === 'submitted' && state.submittedAt
      ? s.submittedStatus(dateTime(v, state.submittedAt))
      : state.status === 'in_progress' && state.updatedAt
        ? s.inProgress(dateTime(v, state.updatedAt))
        : s.notStarted;
  const action =
    state.status === 'submitted'
      ? html`<a class="button" href="${`${v.base}/kvittering`}">${s.seeReceipt}</a>${first ? html` <a class="button secondary" href="${pageHref(v, first.section.key)}">${s.changeAnswers}</a>` : false}`
      : current
        ? html`<a class="button" href="${pageHref(v, current.section.key)}">${state.status === 'not_started' ? s.start : s.continue}</a>`
        : false;
  const body = html`${unitLine(v)}<h1>${textIn(qn.title, v.lang)}</h1>
${qn.intro ? html`<p class="lead">${textIn(qn.intro, v.lang)}</p>` : false}
<p>${s.window(date(v, v.ctx.round.opensAt), lastDay(v))}</p>
<p class="notice">${status}</p>
<div class="buttons">${action}</div>
<h2>${s.pagesTitle}</h2>
<ol>${pages.map((p) => html`<li>${state.status === 'not_started' ? textIn(p.section.title, v.lang) : html`<a href="${pageHref(v, p.section.key)}">${textIn(p.section.title, v.lang)}</a>`}</li>`)}</ol>`;
  return frame(v, textIn(qn.title, v.lang), v.base, body);
}

export interface SectionView {
  readonly pages: readonly Page[];
  readonly index: number;
  /** Every question of the section the unit is eligible for, in order; `asked` decides which show. */
  readonly questions: readonly Question[];
  readonly asked: ReadonlySet<string>;
  /** Number of each question in the questionnaire as the unit sees it. */
  readonly numbers: ReadonlyMap<string, number>;
  readonly raw: RawValues;
  readonly errors: readonly FieldError[];
  /** Follow-ups the last save revealed. */
  readonly revealed: readonly string[];
}

export function sectionPage(v: View, sv: SectionView): string {
  const s = t(v);
  const page = sv.pages[sv.index] as Page;
  const section = page.section;
  const total = sv.pages.length;
  const n = sv.index + 1;
  const rc = { lang: v.lang, t: s, raw: sv.raw, errors: sv.errors };
  const title = textIn(section.title, v.lang);
  const summary =
    sv.errors.length > 0
      ? html`<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title"><h2 id="error-summary-title">${s.errorTitle}</h2><ul>${sv.errors.map(
          (e) => html`<li><a href="#${e.target}">${questionTitle(sv, e.question, v.lang)}: ${s.problem(e.problem)}</a></li>`,
        )}</ul></div>`
      : false;
  const revealed =
    sv.revealed.length > 0 && sv.errors.length === 0
      ? html`<p class="notice" role="status">${s.revealed} <a href="#q-${sv.revealed[0] as string}">${questionTitle(sv, sv.revealed[0] as string, v.lang)}</a></p>`
      : false;
  const body = html`<div class="progress"><label for="progress">${s.page(n, total)}</label><progress id="progress" max="${total}" value="${n}">${s.page(n, total)}</progress></div>
${unitLine(v)}
${summary}
<h1>${sv.errors.length > 0 ? html`<span class="vh">${s.errorPrefix} </span>` : false}${title}</h1>
${section.intro ? html`<p class="lead">${textIn(section.intro, v.lang)}</p>` : false}
${revealed}
<form class="qform" method="post" action="${pageHref(v, section.key)}" novalidate>
${csrfField(v)}
${sv.questions.map((q) => renderQuestion(rc, q, sv.numbers.get(q.key) ?? 0, sv.asked.has(q.key)))}
<div class="buttons"><button type="submit" name="action" value="next">${n < total ? s.next : s.review}</button>${n > 1 ? html`<button type="submit" class="secondary" name="action" value="back">${s.back}</button>` : false}<button type="submit" class="link" name="action" value="save">${s.saveExit}</button></div>
</form>`;
  return frame(v, `${sv.errors.length > 0 ? `${s.errorPrefix} ` : ''}${title} (${s.page(n, total)})`, pageHref(v, section.key), body, true);
}

function questionTitle(sv: SectionView, key: string, lang: Language): string {
  const q = sv.questions.find((x) => x.key === key);
  const no = sv.numbers.get(key);
  return q ? `${no ? `${no}. ` : ''}${q.shortLabel && lang === 'nb' ? q.shortLabel : textIn(q.text, lang)}` : key;
}

/** Every page with its asked questions and the answers, as on the review page and the receipt. */
function answerList(
  v: View,
  pages: readonly Page[],
  answers: ReadonlyMap<string, Answer>,
  numbers: ReadonlyMap<string, number>,
  withChange: boolean,
  drafts: ReadonlySet<string>,
  level: 'h2' | 'h3' = 'h2',
): Html {
  const s = t(v);
  const heading = (text: string) => (level === 'h2' ? html`<h2>${text}</h2>` : html`<h3>${text}</h3>`);
  return html`${pages.map(
    (
      p,
    ) => html`<div class="section-head">${heading(textIn(p.section.title, v.lang))}${withChange ? html`<a href="${pageHref(v, p.section.key)}">${s.change}<span class="vh"> – ${textIn(p.section.title, v.lang)}</span></a>` : false}</div>
${drafts.has(p.section.key) ? html`<p class="error-message">${s.draftWarning}</p>` : false}
<dl class="answers">${p.questions.map((q) => {
      const a = answers.get(q.key);
      const lines = a ? answerText(q, a, v.lang) : [];
      return html`<dt>${numbers.get(q.key) ?? ''}. ${textIn(q.text, v.lang)}</dt>${lines.length === 0 ? html`<dd class="muted">${s.notAnswered}</dd>` : lines.map((l) => html`<dd>${l}</dd>`)}`;
    })}</dl>`,
  )}`;
}

export function reviewPage(v: View, state: FormState, pages: readonly Page[], numbers: ReadonlyMap<string, number>): string {
  const s = t(v);
  const drafts = new Set(state.drafts.keys());
  const body = html`${unitLine(v)}<h1>${s.reviewTitle}</h1>
${
  drafts.size > 0
    ? html`<div class="error-summary" role="alert"><h2>${s.errorTitle}</h2><ul>${pages
        .filter((p) => drafts.has(p.section.key))
        .map((p) => html`<li><a href="${pageHref(v, p.section.key)}">${textIn(p.section.title, v.lang)}</a></li>`)}</ul></div>`
    : false
}
${answerList(v, pages, state.answers, numbers, true, drafts)}
<form method="post" action="${`${v.base}/send`}">${csrfField(v)}<div class="buttons"><button type="submit">${state.status === 'submitted' ? s.submitChanges : s.submit}</button></div></form>`;
  return frame(v, s.reviewTitle, `${v.base}/oppsummering`, body);
}

export function receiptPage(
  v: View,
  state: FormState,
  pages: readonly Page[],
  numbers: ReadonlyMap<string, number>,
  open: boolean,
): string {
  const s = t(v);
  const body = html`${unitLine(v)}<h1>${s.receiptTitle}</h1>
${state.submittedAt ? html`<p class="lead">${s.receipt(dateTime(v, state.submittedAt))}</p>` : false}
${state.updatedAt && state.submittedAt && state.updatedAt.getTime() > state.submittedAt.getTime() + 1000 ? html`<p>${s.lastChanged(dateTime(v, state.updatedAt))}</p>` : false}
${open ? html`<p>${s.canChange(lastDay(v))}</p>` : false}
<p>${compareStrings[v.lang].receiptLater(compareOpens(v))} <a href="${compareHref(v)}">${compareStrings[v.lang].link}</a></p>
<h2>${s.yourAnswers}</h2>
${answerList(v, pages, state.answers, numbers, open, new Set(), 'h3')}`;
  return frame(v, s.receiptTitle, `${v.base}/kvittering`, body);
}

export function savedPage(v: View, resumeAt: string): string {
  const s = t(v);
  const body = html`${unitLine(v)}<h1>${s.savedTitle}</h1><p class="lead">${s.saved}</p><div class="buttons"><a class="button secondary" href="${resumeAt}">${s.continue}</a></div>`;
  return frame(v, s.savedTitle, `${v.base}/lagret`, body);
}

export function outsideWindowPage(
  v: View,
  when: 'before' | 'after',
  submitted: { state: FormState; pages: readonly Page[]; numbers: ReadonlyMap<string, number> } | null,
): string {
  const s = t(v);
  const opens = date(v, v.ctx.round.opensAt);
  const title = when === 'before' ? s.notOpenTitle : s.closedTitle;
  const body = html`${unitLine(v)}<h1>${title}</h1><p class="lead">${when === 'before' ? s.notOpen(opens, lastDay(v)) : s.closed(opens, lastDay(v))}</p>
${when === 'after' ? html`<p><a class="button" href="${compareHref(v)}">${compareStrings[v.lang].link}</a></p>` : false}
${submitted?.state.submittedAt ? html`<p>${s.submittedStatus(dateTime(v, submitted.state.submittedAt))}</p><h2>${s.yourAnswers}</h2>${answerList(v, submitted.pages, submitted.state.answers, submitted.numbers, false, new Set(), 'h3')}` : false}`;
  return frame(v, title, v.base, body, false, false);
}

/** The same page for every unknown, malformed or revoked link: it tells nothing about why. */
export function unknownLinkPage(tooMany: boolean): string {
  const s = strings.nb;
  return respondentPage(
    { lang: 'nb', languages: ['nb'], here: null, title: tooMany ? s.tooMany : s.notFoundTitle, surveyTitle: 'Kommunepuls', footer: false },
    html`<h1>${tooMany ? s.tooMany : s.notFoundTitle}</h1><p>${s.notFound}</p>`,
  );
}

export function expiredFormPage(v: View, back: string): string {
  const s = t(v);
  return frame(v, s.formExpired, null, html`<h1>${s.formExpired}</h1><p><a href="${back}">${s.continue}</a></p>`, false, false);
}
