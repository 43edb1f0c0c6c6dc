/**
 * Rendering questions as accessible HTML form controls, no JavaScript needed: each question is a
 * fieldset with a legend (or a label for a single input), matrices are one group per item, errors
 * sit in the field's label area and are tied to it with aria-describedby.
 */
import type { FieldError } from '../../collect/form.ts';
import { fieldName, inputId, specifyName } from '../../collect/form.ts';
import { type Answer, defaultTextMax, optionsOf } from '../../questionnaire/answer.ts';
import { type Language, type Question, type TextInput, textIn } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import type { Strings } from './strings.ts';

export type RawValues = Readonly<Record<string, string | readonly string[]>>;

export interface RenderContext {
  readonly lang: Language;
  readonly t: Strings;
  readonly raw: RawValues;
  readonly errors: readonly FieldError[];
}

const tx = (t: TextInput | undefined, lang: Language) => (t === undefined ? '' : textIn(t, lang));

function has(raw: RawValues, name: string, value: string): boolean {
  const v = raw[name];
  return v === undefined ? false : typeof v === 'string' ? v === value : v.includes(value);
}

function rawText(raw: RawValues, name: string): string {
  const v = raw[name];
  return v === undefined ? '' : typeof v === 'string' ? v : (v[0] ?? '');
}

function errorOf(ctx: RenderContext, q: Question): FieldError | undefined {
  return ctx.errors.find((e) => e.question === q.key);
}

function errorMessage(ctx: RenderContext, q: Question): Html | false {
  const e = errorOf(ctx, q);
  return e
    ? html`<p class="error-message" id="${inputId(q)}-error"><span class="vh">${ctx.t.errorPrefix}</span> ${ctx.t.problem(e.problem)}</p>`
    : false;
}

function describedBy(ctx: RenderContext, q: Question, ...more: string[]): string {
  return [q.help ? `${inputId(q)}-hint` : '', ...more, errorOf(ctx, q) ? `${inputId(q)}-error` : ''].filter((s) => s !== '').join(' ');
}

const numberLocale: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The visible "at most N characters" under a free-text field, which the field's maxlength enforces. */
function maxLengthHint(ctx: RenderContext, id: string, max: number): Html {
  return html`<p class="hint" id="${id}">${ctx.t.maxLength(max.toLocaleString(numberLocale[ctx.lang]))}</p>`;
}

function hint(ctx: RenderContext, q: Question): Html | false {
  return q.help ? html`<p class="hint" id="${inputId(q)}-hint">${tx(q.help, ctx.lang)}</p>` : false;
}

function choices(ctx: RenderContext, q: Question, item?: string): Html {
  const multi = q.type === 'multi';
  const name = fieldName(q, item);
  const opts = optionsOf(q, ctx.lang);
  // The error summary may send focus to the "annet" text box: it then carries the error itself.
  const specifyError = errorOf(ctx, q)?.target === `${inputId(q)}-tekst`;
  return html`<div class="${multi ? 'checkboxes' : 'radios'}${q.type === 'scale' || (q.type === 'matrix' && q.scale) ? ' scale' : ''}">${opts.map(
    (o) => {
      const id = inputId(q, item, o.code);
      const checked = has(ctx.raw, name, String(o.code));
      const maxId = `${inputId(q)}-tekst-max`;
      const specify = o.specify
        ? html`<div class="specify"><label for="${inputId(q)}-tekst">${ctx.t.specifyLabel}</label>${maxLengthHint(ctx, maxId, defaultTextMax)}<input type="text" id="${inputId(q)}-tekst" name="${specifyName(q)}" value="${rawText(ctx.raw, specifyName(q))}" maxlength="${defaultTextMax}" autocomplete="off" aria-describedby="${specifyError ? `${maxId} ${inputId(q)}-error` : maxId}"${specifyError ? html` aria-invalid="true"` : ''}></div>`
        : false;
      return html`<div class="choice"><input type="${multi ? 'checkbox' : 'radio'}" id="${id}" name="${name}" value="${String(o.code)}"${checked ? html` checked` : ''}${o.exclusive ? html` data-exclusive` : ''}><label for="${id}">${tx(o.label, ctx.lang)}</label></div>${specify}`;
    },
  )}</div>`;
}

function questionBody(ctx: RenderContext, q: Question, number: number): Html {
  const title = html`<span class="qno">${number}.</span> ${tx(q.text, ctx.lang)}`;
  const aria = describedBy(ctx, q);
  const err = errorOf(ctx, q) !== undefined;
  switch (q.type) {
    case 'text': {
      const value = rawText(ctx.raw, fieldName(q));
      const max = q.maxLength ?? defaultTextMax;
      const maxId = `${inputId(q)}-max`;
      const textAria = describedBy(ctx, q, maxId);
      const control =
        q.multiline === false || max <= 200
          ? html`<input type="text" id="${inputId(q)}" name="${fieldName(q)}" value="${value}" maxlength="${max}" aria-describedby="${textAria}"${err ? html` aria-invalid="true"` : ''}>`
          : html`<textarea id="${inputId(q)}" name="${fieldName(q)}" rows="4" maxlength="${max}" aria-describedby="${textAria}"${err ? html` aria-invalid="true"` : ''}>${value}</textarea>`;
      return html`<div class="question"><label class="qtext" for="${inputId(q)}">${title}</label>${hint(ctx, q)}${maxLengthHint(ctx, maxId, max)}${errorMessage(ctx, q)}${control}</div>`;
    }
    case 'integer': {
      const unit = q.unit ? html` <span class="unit">${tx(q.unit, ctx.lang)}</span>` : '';
      const hintId = `${inputId(q)}-range`;
      return html`<div class="question"><label class="qtext" for="${inputId(q)}">${title}</label>${hint(ctx, q)}<p class="hint" id="${hintId}">${ctx.t.numberHint(q.min, q.max)}</p>${errorMessage(ctx, q)}<input class="num" type="text" inputmode="numeric" id="${inputId(q)}" name="${fieldName(q)}" value="${rawText(ctx.raw, fieldName(q))}" aria-describedby="${[hintId, aria].filter((s) => s).join(' ')}"${err ? html` aria-invalid="true"` : ''}>${unit}</div>`;
    }
    case 'matrix':
      return html`<fieldset class="question matrix"${aria ? html` aria-describedby="${aria}"` : ''}><legend class="qtext">${title}</legend>${hint(ctx, q)}${errorMessage(ctx, q)}${q.items.map(
        (item) => html`<fieldset class="item"><legend>${tx(item.label, ctx.lang)}</legend>${choices(ctx, q, item.key)}</fieldset>`,
      )}</fieldset>`;
    default:
      return html`<fieldset class="question"${aria ? html` aria-describedby="${aria}"` : ''}><legend class="qtext">${title}</legend>${hint(ctx, q)}${errorMessage(ctx, q)}${choices(ctx, q)}</fieldset>`;
  }
}

/**
 * A question on a page. A follow-up whose condition does not hold yet is rendered hidden with its
 * condition as data, so the optional script can reveal it in place; without JavaScript the server
 * shows it after the next submit.
 */
export function renderQuestion(ctx: RenderContext, q: Question, number: number, visible: boolean): Html {
  const cond =
    q.showIf && 'question' in q.showIf && q.showIf.item === undefined
      ? JSON.stringify({ q: `q.${q.showIf.question}`, c: q.showIf.codes.map(String) })
      : '';
  // The error mark sits on the wrapper: on a fieldset, the border would leave out the legend.
  return html`<div class="q-wrap${errorOf(ctx, q) ? ' has-error' : ''}" id="q-${q.key}"${cond ? html` data-show-if="${cond}"` : ''}${visible ? '' : html` hidden`}>${questionBody(ctx, q, number)}</div>`;
}

/** An answer in words, for the review page and the receipt. */
export function answerText(q: Question, a: Answer, lang: Language): string[] {
  const label = (code: number) => {
    const o = optionsOf(q, lang).find((x) => x.code === code);
    return o ? tx(o.label, lang) : String(code);
  };
  switch (a.kind) {
    case 'text':
      return [a.value];
    case 'number':
      return [q.type === 'integer' && q.unit ? `${a.value} ${tx(q.unit, lang)}` : String(a.value)];
    case 'items':
      return q.type === 'matrix'
        ? q.items.filter((i) => a.items[i.key] !== undefined).map((i) => `${tx(i.label, lang)}: ${label(a.items[i.key] as number)}`)
        : [];
    default:
      return a.codes.map((c) => {
        const o = optionsOf(q, lang).find((x) => x.code === c);
        return o?.specify && a.text ? `${label(c)}: ${a.text}` : label(c);
      });
  }
}
