/**
 * The respondent's "compare yourself" page (`/s/<token>/sammenlign`): the unit's own answers
 * beside everyone's, once the round's window has closed. Before that, a friendly page says
 * when it opens (answers still coming in could otherwise be read off a changing page).
 */
import { compare } from '../../analysis/compare.ts';
import type { Language } from '../../questionnaire/model.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatOsloDate } from '../../shared/time.ts';
import type { Store } from '../../store/store.ts';
import { comparisonBody } from '../compare.render.ts';
import { compareStrings } from './compare.strings.ts';
import { respondentPage } from './layout.ts';
import type { View } from './pages.ts';
import { strings } from './strings.ts';

const locale: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** The day the comparison opens: the first day after the window (the window closes at midnight). */
export const compareOpens = (v: View): string => formatOsloDate(v.ctx.round.closesAt, locale[v.lang]);

export const compareHref = (v: View): string => `${v.base}/sammenlign`;

function frame(v: View, title: string, body: Html): string {
  const ls = v.ctx.questionnaire.languages ?? ['nb'];
  return respondentPage(
    {
      lang: v.lang,
      languages: ls.includes('nb') ? ls : ['nb', ...ls],
      here: compareHref(v),
      title,
      surveyTitle: strings[v.lang].brand(v.ctx.round.year),
      footer: false,
    },
    body,
  );
}

/** The page for `now`: the comparison after the window has closed, else when it opens. */
export async function respondentComparePage(store: Store, v: View, now: Date): Promise<string> {
  const s = compareStrings[v.lang];
  const t = strings[v.lang];
  const unitLine = html`<p class="unit">${t.unitLine(v.ctx.unit.name, t.roleName[v.ctx.role] ?? v.ctx.role)}</p>`;
  if (now < v.ctx.round.closesAt) {
    return frame(
      v,
      s.notYetTitle,
      html`${unitLine}<h1>${s.notYetTitle}</h1><p class="lead">${s.notYet(compareOpens(v))}</p><p><a href="${v.base}">${s.back}</a></p>`,
    );
  }
  const c = await compare(store, v.ctx.round.year, v.ctx.role, v.ctx.unit.number, { lang: v.lang });
  const title = s.title(c.comparedWith);
  return frame(
    v,
    title,
    html`<div class="cmp-page">${unitLine}<h1>${title}</h1>${comparisonBody(s, c)}<p><a href="${v.base}">${s.back}</a></p></div>`,
  );
}
