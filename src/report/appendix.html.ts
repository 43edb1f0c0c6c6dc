/**
 * The questionnaire appendix as a section of the report page (and so of the PDF): one part per
 * questionnaire, its pages as subheadings, each question with its number, type, conditions,
 * matrix lines and options with codes. A question is kept on one printed page where it fits.
 */
import { type Html, html } from '../shared/html.ts';
import type { AppendixQuestion, AppendixQuestionnaire, ReportAppendix } from './appendix.ts';

export const appendixCss = `
.appendix .questionnaire { margin-top: 2rem; }
.appendix .question { margin: .9rem 0 1.1rem; break-inside: avoid; page-break-inside: avoid; }
.appendix .q-text { font-weight: 600; margin: 0 0 .2rem; }
.appendix .q-no { display: inline-block; min-width: 2rem; }
.appendix .q-meta, .appendix .q-help { font-size: .9em; color: #333; margin: .1rem 0 .1rem 2rem; }
.appendix .q-help { font-style: italic; }
.appendix ul.options, .appendix ol.items { margin: .3rem 0 0 2rem; padding-left: 0; }
.appendix ul.options { list-style: none; }
.appendix ol.items { padding-left: 1.25rem; }
.appendix .code { display: inline-block; min-width: 2.25rem; font-variant-numeric: tabular-nums; color: #444; }
.appendix .option-note { color: #444; font-size: .9em; }
ul.appendices { list-style: none; padding-left: 0; }
.appendix { overflow-wrap: anywhere; }
@media (max-width: 30em) {
  .appendix .q-meta, .appendix .q-help, .appendix ul.options, .appendix ol.items { margin-left: 0; }
}
`;

function questionHtml(q: AppendixQuestion): Html {
  const meta = [q.type, q.required ? 'Må besvares' : ''].filter((s) => s !== '').join(' · ');
  return html`<div class="question" id="vedlegg-${q.key}-${q.number}"><p class="q-text"><span class="q-no">${q.number}.</span> ${q.text}</p>${
    q.help ? html`<p class="q-help">${q.help}</p>` : ''
  }<p class="q-meta">${meta}</p>${q.conditions.map((c) => html`<p class="q-meta">${c}</p>`)}${
    q.items.length > 0 ? html`<p class="q-meta">Linjer:</p><ol class="items" type="a">${q.items.map((i) => html`<li>${i}</li>`)}</ol>` : ''
  }${q.scale ? html`<p class="q-meta">${q.scale}</p>` : ''}${
    q.options.length > 0
      ? html`<ul class="options" aria-label="Svaralternativer med koder">${q.options.map(
          (o) =>
            html`<li><span class="code">${o.code}</span> ${o.label}${o.note ? html` <span class="option-note">(${o.note})</span>` : ''}</li>`,
        )}</ul>`
      : ''
  }</div>`;
}

function questionnaireHtml(a: ReportAppendix, qn: AppendixQuestionnaire): Html {
  const id = `${a.id}-${qn.role}`;
  return html`<section class="questionnaire" id="${id}" aria-labelledby="${id}-h"><h3 id="${id}-h">${qn.title}</h3><p class="note">${qn.sentTo}</p>${
    qn.intro ? html`<p>${qn.intro}</p>` : ''
  }${qn.sections.map((s, i) => html`<h4>Side ${i + 1}: ${s.title}</h4>${s.intro ? html`<p>${s.intro}</p>` : ''}${s.questions.map(questionHtml)}`)}</section>`;
}

/** The appendix as a chapter-like section (it starts on a new page in print, like the chapters). */
export function appendixHtml(a: ReportAppendix): Html {
  return html`<section class="chapter appendix" id="${a.id}" aria-labelledby="${a.id}-h"><h2 id="${a.id}-h">${a.title}</h2><p>${a.intro}</p>${a.questionnaires.map(
    (qn) => questionnaireHtml(a, qn),
  )}</section>`;
}
