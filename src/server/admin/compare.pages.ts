/**
 * The survey team's view of a unit's "compare yourself" page: the same tables the unit sees
 * after the window has closed, in bokmål, with the unit named instead of "Dere", and links to
 * the unit's other questionnaires.
 */
import type { Comparison } from '../../analysis/compare.ts';
import { minimumAnswers } from '../../analysis/compare.ts';
import type { Role } from '../../questionnaire/model.ts';
import { html } from '../../shared/html.ts';
import { type CompareWords, comparisonBody } from '../compare.render.ts';
import { roleName } from '../labels.ts';
import { page, type Viewer } from '../layout.ts';
import { compareStrings } from '../respondent/compare.strings.ts';

function words(c: Comparison): CompareWords {
  const name = c.unit.name;
  // The respondent's bokmål words, with the unit named instead of "Dere".
  return {
    ...compareStrings.nb,
    intro: (x) =>
      x.comparedWith === 'bydel'
        ? `Svarene fra ${name} ved siden av svarene fra hovedstadens bydeler (bydelene sammenlignes bare med hverandre, ikke med kommunene). Grupper der færre enn ${minimumAnswers} svarte, vises ikke, og fritekstsvar fra andre vises aldri. Bydelen ser den samme siden gjennom sin personlige lenke når undersøkelsen er avsluttet.`
        : `Svarene fra ${name} ved siden av svarene fra alle kommuner som svarte${x.sizeClass ? ` og fra kommuner av samme størrelse (${x.sizeClass.label} innbyggere)` : ''}. Grupper der færre enn ${minimumAnswers} svarte, vises ikke, og fritekstsvar fra andre vises aldri. Kommunen ser den samme siden gjennom sin personlige lenke når undersøkelsen er avsluttet.`,
    notSubmitted: `${name} har ikke sendt inn dette skjemaet, så tabellene viser bare svarene fra andre.`,
    answered: `${name} svarte:`,
    notAnswered: `${name} svarte ikke på dette spørsmålet.`,
    ownColumn: c.unit.kind === 'bydel' ? 'Bydelen' : 'Kommunen',
    sizeClass: 'Kommuner av samme størrelse',
  };
}

export function adminComparePage(c: Comparison, roles: readonly Role[], viewer: Viewer): string {
  const unitHref = `/runde/${c.year}/enhet/${c.unit.number}`;
  const others = roles.map((r) =>
    r === c.role
      ? html`<strong aria-current="page">${roleName(r)}</strong>`
      : html`<a href="${unitHref}/sammenlign?rolle=${r}">${roleName(r)}</a>`,
  );
  const title = `Sammenlign: ${c.unit.number} ${c.unit.name} – ${roleName(c.role)}`;
  const body = html`<div class="cmp-page"><p><a href="${unitHref}">Tilbake til ${c.unit.number} ${c.unit.name}</a></p>
<h1>${title}</h1>
${roles.length > 1 ? html`<p>Skjema: ${others.map((o, i) => html`${i > 0 ? ' · ' : ''}${o}`)}</p>` : false}
${comparisonBody(words(c), c)}</div>`;
  return page(title, body, viewer, '/runde');
}
