/**
 * The building blocks of the question edit page: labelled fields drawn from the posted (or
 * stored) form, each with its problem next to it and linked from the error summary by id.
 */
import type { Question, Questionnaire, Role } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { one, type Problem, type Raw } from './questionnaire.form.ts';
import type { PageError } from './questionnaire.pages.ts';

export interface EditView {
  readonly year: number;
  readonly role: Role;
  readonly qn: Questionnaire;
  /** The question as stored; absent for a new one. */
  readonly existing?: Question;
  readonly raw: Raw;
  readonly frozen: boolean;
  readonly attributes: readonly string[];
  readonly problems: readonly Problem[];
  readonly error?: PageError;
  /** What a button that did not save did ("Et tomt vilkår er lagt til …"). */
  readonly notice?: string;
}

export interface Ctx {
  readonly v: EditView;
  /** The structure cannot change (the window has opened, or the viewer may only read). */
  readonly locked: boolean;
  /** The viewer may only read: no field can be changed. */
  readonly readOnly: boolean;
}

export const idOf = (field: string) => `f-${field.replace(/\./g, '-')}`;
export const hidden = (name: string, value: string) => html`<input type="hidden" name="${name}" value="${value}">`;

export function problemOf(c: Ctx, field: string): Html | false {
  const p = c.v.problems.find((x) => x.field === field);
  return p ? html`<p class="error-message" id="${idOf(field)}-error">${p.message}</p>` : false;
}

export function invalidAttrs(c: Ctx, field: string): Html | string {
  return c.v.problems.some((x) => x.field === field) ? html` aria-invalid="true" aria-describedby="${idOf(field)}-error"` : '';
}

const readOnlyAttr = (c: Ctx) => (c.readOnly ? html` readonly` : '');

/** A labelled text field; `size` picks the width ('short' for numbers, 'medium', or full). */
export function input(c: Ctx, field: string, label: string, size: 'short' | 'medium' | 'full' = 'full', extra: Html | string = ''): Html {
  return html`<div class="field${size === 'full' ? '' : ` ${size}`}"><label for="${idOf(field)}">${label}</label>${problemOf(c, field)}<input id="${idOf(field)}" name="${field}" value="${one(c.v.raw, field)}"${invalidAttrs(c, field)}${readOnlyAttr(c)}${extra}></div>`;
}

/** A labelled text box for a long text, as wide as the page. */
export function textArea(c: Ctx, field: string, label: string): Html {
  return html`<div class="field"><label for="${idOf(field)}">${label}</label>${problemOf(c, field)}<textarea id="${idOf(field)}" name="${field}" rows="2"${invalidAttrs(c, field)}${readOnlyAttr(c)}>${one(c.v.raw, field)}</textarea></div>`;
}

/**
 * A text in bokmål with optional nynorsk and English: short texts side by side where there is
 * room, long ones (`long`) one under the other in text boxes as wide as the page.
 */
export function texts(c: Ctx, prefix: string, legend: string, required: boolean, hint?: string, long = false): Html {
  const field = long ? textArea : input;
  return html`<fieldset><legend>${legend}</legend>${hint ? html`<p class="hint">${hint}</p>` : false}<div class="${long ? 'stacked' : 'langs'}">
${field(c, `${prefix}.nb`, required ? 'Bokmål' : 'Bokmål (valgfritt)')}${field(c, `${prefix}.nn`, 'Nynorsk (valgfritt)')}${field(c, `${prefix}.en`, 'Engelsk (valgfritt)')}</div></fieldset>`;
}

/** A checkbox; locked, it shows its state as text and carries it as a hidden field. */
export function checkbox(c: Ctx, field: string, label: string, locked: boolean): Html {
  const on = one(c.v.raw, field) !== '';
  if (locked || c.readOnly) return html`${on ? hidden(field, '1') : ''}<span>${label}: ${on ? 'ja' : 'nei'}</span>`;
  return html`<div class="check"><input type="checkbox" id="${idOf(field)}" name="${field}" value="1"${on ? html` checked` : ''}> <label for="${idOf(field)}">${label}</label></div>`;
}

/** A checkbox in a table cell: the column header says what it is, the label repeats it for screen readers. */
export function cellCheckbox(c: Ctx, field: string, label: string, locked: boolean, column: string): Html {
  const on = one(c.v.raw, field) !== '';
  if (locked || c.readOnly)
    return html`<td class="flag" data-label="${column}">${on ? hidden(field, '1') : ''}${on ? 'ja' : html`<span class="muted">–</span>`}</td>`;
  return html`<td class="flag" data-label="${column}"><input type="checkbox" id="${idOf(field)}" name="${field}" value="1"${on ? html` checked` : ''} aria-label="${label}"></td>`;
}

/**
 * A text field in a table cell; `column` names it where the table is shown as cards (narrow
 * screens). Two rows, so a long option label can be read whole (four options that all begin
 * "Ja, andel i arbeid og/eller …" looked the same in one-line inputs).
 */
export function cellText(c: Ctx, field: string, label: string, column: string): Html {
  return html`<td data-label="${column}">${problemOf(c, field)}<textarea id="${idOf(field)}" name="${field}" rows="2" aria-label="${label}"${invalidAttrs(c, field)}${readOnlyAttr(c)}>${one(c.v.raw, field)}</textarea></td>`;
}

/** A structural field: editable before the window opens, shown as text (and carried) after. */
export function lockedOr(c: Ctx, field: string, label: string, editable: () => Html): Html {
  if (!c.locked) return editable();
  const v = one(c.v.raw, field);
  return html`<p>${label}: <strong>${v === '' ? '–' : v}</strong>${hidden(field, v)}</p>`;
}

export function select(
  c: Ctx,
  field: string,
  options: readonly { value: string; label: string }[],
  chosen: string,
  attrs: Html | string = '',
): Html {
  return html`<select id="${idOf(field)}" name="${field}"${invalidAttrs(c, field)}${attrs}>${options.map((o) =>
    o.value === chosen
      ? html`<option value="${o.value}" selected>${o.label}</option>`
      : html`<option value="${o.value}">${o.label}</option>`,
  )}</select>`;
}
