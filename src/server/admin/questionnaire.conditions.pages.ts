/**
 * The condition parts of the question edit page, picked from lists and never typed as code. A
 * condition is a list of rows ("Vilkår 1", "Vilkår 2" …) with a choice between "Alle må gjelde"
 * and "Minst én må gjelde" once there are several. Without JavaScript every step is a round trip
 * that keeps what was typed: "Velg" shows the answers of the picked question to tick, "Legg til
 * vilkår" adds an empty row, "Fjern vilkår N" takes one away; nothing is saved until "Lagre".
 * When the structure is locked the condition is shown in words and carried as hidden fields.
 */
import { optionsOf } from '../../questionnaire/answer.ts';
import { sectionOf } from '../../questionnaire/edit.ts';
import { type AnswerCondition, comparisonOps, type Question, type RegistryCondition, textIn } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { type ConditionKind, type EligibleIfRow, eligibleIfRows, type ShowIfRow, showIfRows } from './questionnaire.conditions.ts';
import { type Ctx, type EditView, hidden, idOf, input, problemOf, select } from './questionnaire.fields.ts';
import { one } from './questionnaire.form.ts';
import { editorBase } from './questionnaire.pages.ts';
import { attributeLabel, describeEligibleIf, describeShowIf, hasCodes, opNames, questionLabel } from './questionnaire.words.ts';

/** Earlier questions that can trigger a follow-up, one entry per matrix item. */
interface Trigger {
  readonly value: string;
  readonly label: string;
  readonly q: Question;
}

function triggers(v: EditView): Trigger[] {
  const at = v.existing ? v.qn.questions.findIndex((q) => q.key === v.existing?.key) : v.qn.questions.length;
  const order = v.qn.sections.map((s) => s.key);
  const mySection = order.indexOf(one(v.raw, 'seksjon') || (v.qn.sections[0]?.key ?? ''));
  return v.qn.questions
    .slice(0, at)
    .filter((q) => hasCodes(q) && (v.existing || order.indexOf(sectionOf(v.qn, q)) <= mySection))
    .flatMap((q): Trigger[] =>
      q.type === 'matrix'
        ? q.items.map((it) => ({ value: `${q.key}.${it.key}`, label: `${questionLabel(v.qn, q.key)} – ${textIn(it.label, 'nb')}`, q }))
        : [{ value: q.key, label: questionLabel(v.qn, q.key), q }],
    );
}

const anchors: Record<ConditionKind, string> = { vis: 'oppfolging', gjelder: 'mottakere' };
const legends: Record<ConditionKind, string> = { vis: 'Når vises spørsmålet (oppfølging)', gjelder: 'Hvem får spørsmålet (registertall)' };

/** A button that re-draws the page at this condition (the form's own address, with an anchor). */
function stepButton(c: Ctx, kind: ConditionKind, value: string, label: string, cls = ''): Html {
  const v = c.v;
  const action = `${editorBase(v.year, v.role)}${v.existing ? `/sporsmal/${v.existing.key}` : '/nytt'}#${anchors[kind]}`;
  return html`<button type="submit" name="handling" value="${value}" formaction="${action}"${cls ? html` class="${cls}"` : ''}>${label}</button>`;
}

function joinChoice(c: Ctx, kind: ConditionKind, rows: number): Html {
  const join = one(c.v.raw, `${kind}.kobling`) === 'minst_en' ? 'minst_en' : 'alle';
  if (rows < 2) return hidden(`${kind}.kobling`, join);
  const radio = (value: string, label: string) =>
    html`<div class="check"><input type="radio" id="${idOf(`${kind}.kobling.${value}`)}" name="${kind}.kobling" value="${value}"${join === value ? html` checked` : ''}> <label for="${idOf(`${kind}.kobling.${value}`)}">${label}</label></div>`;
  return html`<fieldset><legend>Hvordan vilkårene virker sammen</legend><div class="join">${radio('alle', 'Alle må gjelde')}${radio('minst_en', 'Minst én må gjelde')}</div></fieldset>`;
}

/** With several rows: "Vilkår 2" and its remove button on one line above the row's fields. */
function clauseHead(c: Ctx, kind: ConditionKind, i: number, n: number): Html | false {
  return n > 1
    ? html`<div class="clause-head"><h3 id="${idOf(`${kind}.${i}`)}">Vilkår ${i + 1}</h3>${stepButton(c, kind, `${kind}.fjern.${i}`, `Fjern vilkår ${i + 1}`, 'danger')}</div>`
    : false;
}

/** With one row: a remove button after its fields, once something is picked. */
function removeOnly(c: Ctx, kind: ConditionKind, n: number, empty: boolean): Html | false {
  return n > 1 || empty ? false : html`<div class="actions">${stepButton(c, kind, `${kind}.fjern.0`, 'Fjern vilkåret', 'danger')}</div>`;
}

function showIfRow(c: Ctx, row: ShowIfRow, i: number, n: number, list: readonly Trigger[]): Html {
  const f = (name: string) => `vis.${i}.${name}`;
  const target = list.find((t) => t.value === row.target);
  const codes = new Set(row.codes);
  const choices = [{ value: '', label: n > 1 ? '(velg et spørsmål)' : '(ingen – spørsmålet vises alltid)' }, ...list];
  if (row.target !== '' && !target) choices.push({ value: row.target, label: row.target });
  return html`<div class="clause"${n > 1 ? html` role="group" aria-labelledby="${idOf(`vis.${i}`)}"` : ''}>${clauseHead(c, 'vis', i, n)}
<div class="field"><label for="${idOf(f('sporsmal'))}">Vis spørsmålet bare når svaret på</label>${problemOf(c, f('sporsmal'))}
<div class="inline">${select(c, f('sporsmal'), choices, row.target)} ${stepButton(c, 'vis', 'velg', 'Velg')}</div></div>${hidden(f('valgt'), row.target)}
${
  target
    ? html`<fieldset><legend>… er ett av disse svarene:</legend>${problemOf(c, f('koder'))}<div class="codes">${optionsOf(target.q).map(
        (o) =>
          html`<div class="check"><input type="checkbox" id="${idOf(f('koder'))}-${o.code}" name="${f('koder')}" value="${o.code}"${codes.has(String(o.code)) ? html` checked` : ''}> <label for="${idOf(f('koder'))}-${o.code}">${textIn(o.label, 'nb')} <span class="muted">(${o.code})</span></label></div>`,
      )}</div></fieldset>`
    : html`<p class="hint">Velg et spørsmål og trykk «Velg» for å krysse av for svarene som skal vise spørsmålet.</p>`
}${removeOnly(c, 'vis', n, row.target === '')}</div>`;
}

function lockedRows(kind: ConditionKind, raw: EditView['raw']): Html {
  return html`${Object.entries(raw)
    .filter(([k]) => k.startsWith(`${kind}.`))
    .flatMap(([k, v]) => (typeof v === 'string' ? [hidden(k, v)] : v.map((x) => hidden(k, x))))}`;
}

function showIfOf(rows: readonly ShowIfRow[], join: string): AnswerCondition | undefined {
  const clauses = rows
    .filter((r) => r.target !== '')
    .map((r) => {
      const [question = '', item] = r.target.split('.');
      return { question, ...(item ? { item } : {}), codes: r.codes.map(Number) };
    });
  return clauses.length <= 1 ? clauses[0] : join === 'minst_en' ? { any: clauses } : { all: clauses };
}

export function followUp(c: Ctx): Html {
  const v = c.v;
  const open = html`<fieldset id="${anchors.vis}"><legend>${legends.vis}</legend>`;
  if (one(v.raw, 'vis.sammensatt') && v.existing?.showIf)
    return html`${open}${hidden('vis.sammensatt', '1')}<p>Vises ${describeShowIf(v.qn, v.existing.showIf)}.</p><p class="hint">Vilkåret har flere nivåer og kan bare endres ved import av fil.</p></fieldset>`;
  const rows = showIfRows(v.raw);
  if (c.locked) {
    const cond = showIfOf(rows, one(v.raw, 'vis.kobling'));
    return html`${open}${lockedRows('vis', v.raw)}<p>${cond ? `Vises ${describeShowIf(v.qn, cond)}.` : 'Vises alltid.'}</p></fieldset>`;
  }
  const shown = rows.length > 0 ? rows : [{ target: '', codes: [], shown: undefined }];
  const list = triggers(v);
  return html`${open}<p class="hint">Uten vilkår vises spørsmålet alltid. Et oppfølgingsspørsmål vises bare når svarene på tidligere spørsmål oppfyller vilkårene.</p>
${joinChoice(c, 'vis', shown.length)}${shown.map((row, i) => showIfRow(c, row, i, shown.length, list))}
<div class="actions">${stepButton(c, 'vis', 'vis.legg_til', 'Legg til vilkår')}</div></fieldset>`;
}

function eligibleIfRow(c: Ctx, row: EligibleIfRow, i: number, n: number): Html {
  const f = (name: string) => `gjelder.${i}.${name}`;
  const attrs = row.attribute && !c.v.attributes.includes(row.attribute) ? [...c.v.attributes, row.attribute] : c.v.attributes;
  const choices = [
    { value: '', label: n > 1 ? '(velg et registertall)' : '(ingen – alle enheter får spørsmålet)' },
    ...attrs.map((a) => ({ value: a, label: attributeLabel(a) })),
  ];
  const ops = comparisonOps.map((o) => ({ value: o, label: `${opNames[o]} (${o})` }));
  return html`<div class="clause"${n > 1 ? html` role="group" aria-labelledby="${idOf(`gjelder.${i}`)}"` : ''}>${clauseHead(c, 'gjelder', i, n)}
<div class="compare"><div class="field attr"><label for="${idOf(f('attributt'))}">Registertall</label>${problemOf(c, f('attributt'))}${select(c, f('attributt'), choices, row.attribute)}</div>
<div class="field op"><label for="${idOf(f('op'))}">Sammenligning</label>${problemOf(c, f('op'))}${select(c, f('op'), ops, row.op)}</div>
${input(c, f('verdi'), 'Tall', 'short', html` inputmode="decimal" autocomplete="off"`)}</div>${removeOnly(c, 'gjelder', n, row.attribute === '' && row.value === '')}</div>`;
}

function eligibleIfOf(rows: readonly EligibleIfRow[], join: string): RegistryCondition | undefined {
  const clauses = rows
    .filter((r) => r.attribute !== '')
    .map((r) => ({ attribute: r.attribute, op: r.op as (typeof comparisonOps)[number], value: Number(r.value.replace(',', '.')) }));
  return clauses.length <= 1 ? clauses[0] : join === 'minst_en' ? { any: clauses } : { all: clauses };
}

export function eligibility(c: Ctx): Html {
  const v = c.v;
  const open = html`<fieldset id="${anchors.gjelder}"><legend>${legends.gjelder}</legend>`;
  if (one(v.raw, 'gjelder.sammensatt') && v.existing?.eligibleIf)
    return html`${open}${hidden('gjelder.sammensatt', '1')}<p>Bare for ${describeEligibleIf(v.existing.eligibleIf)}.</p><p class="hint">Vilkåret har flere nivåer og kan bare endres ved import av fil.</p></fieldset>`;
  const rows = eligibleIfRows(v.raw);
  if (c.locked) {
    const cond = eligibleIfOf(rows, one(v.raw, 'gjelder.kobling'));
    return html`${open}${lockedRows('gjelder', v.raw)}<p>${cond ? `Bare for ${describeEligibleIf(cond)}.` : 'Alle enheter.'}</p></fieldset>`;
  }
  const shown = rows.length > 0 ? rows : [{ attribute: '', op: '>', value: '' }];
  return html`${open}<p class="hint">Uten vilkår får alle enheter spørsmålet. Enheter som mangler et registertall i vilkårene, får det ikke.</p>
${joinChoice(c, 'gjelder', shown.length)}${shown.map((row, i) => eligibleIfRow(c, row, i, shown.length))}
<div class="actions">${stepButton(c, 'gjelder', 'gjelder.legg_til', 'Legg til vilkår')}</div></fieldset>`;
}
