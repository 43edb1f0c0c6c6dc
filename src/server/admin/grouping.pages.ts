/**
 * The groupings page: every grouping (built-in and added) with its categories and the number of
 * municipalities in each for a registry year, and a form that adds a grouping by cut points.
 */
import type { Grouping } from '../../registry/grouping.ts';
import { type Html, html } from '../../shared/html.ts';
import { formatNumber } from '../../shared/numbers.ts';
import { page, type Viewer } from '../layout.ts';
import { csrfField, errorSummary, fieldError, type Problem } from './setup.pages.ts';

export interface CountedGrouping {
  readonly grouping: Grouping;
  readonly builtin: boolean;
  readonly categories: readonly { readonly label: string; readonly units: number }[];
  /** Municipalities without the attribute (or in no category). */
  readonly missing: number;
}

export interface GroupingFormValues {
  readonly key: string;
  readonly label: string;
  readonly attribute: string;
  readonly cuts: string;
  readonly labels: string;
}

export interface GroupingsView {
  /** The registry year counted, or null when there is no registry. */
  readonly year: number | null;
  readonly years: readonly number[];
  readonly municipalities: number;
  readonly groupings: readonly CountedGrouping[];
  readonly attributes: readonly string[];
  readonly added?: string;
  readonly values: GroupingFormValues;
  readonly problems: readonly Problem[];
}

const kindText = (g: Grouping): Html => {
  if (g.kind === 'county') return html`etter fylke`;
  if (g.kind === 'cuts') return html`etter <code>${g.attribute}</code>, grenser ${g.cuts.map((c) => formatNumber(c)).join(' · ')}`;
  return html`etter verdiene av <code>${g.attribute}</code>`;
};

function groupingCard(c: CountedGrouping, year: number | null, added: boolean): Html {
  const g = c.grouping;
  return html`<section class="card" aria-labelledby="g-${g.key}">
<h2 id="g-${g.key}">${g.label}</h2>
<p class="muted"><code>${g.key}</code> · ${c.builtin ? 'innebygd' : 'lagt til'} · ${kindText(g)}</p>
${added ? html`<p class="notice" role="status">Grupperingen er lagt til.</p>` : false}
<div class="scroll" tabindex="0"><table>${year !== null ? html`<caption class="muted">Kommuner i registeret for ${year}</caption>` : false}<thead><tr><th scope="col">Kategori</th>${year !== null ? html`<th scope="col" class="num">Kommuner</th>` : false}</tr></thead>
<tbody>${c.categories.map((k) => html`<tr><th scope="row">${k.label}</th>${year !== null ? html`<td class="num">${k.units}</td>` : false}</tr>`)}${
    year !== null && c.missing > 0
      ? html`<tr><th scope="row" class="muted">Uten verdi</th><td class="num muted">${c.missing}</td></tr>`
      : false
  }</tbody></table></div></section>`;
}

export function groupingsPage(v: GroupingsView, viewer: Viewer): string {
  const f = v.values;
  const e = (id: string) => fieldError(v.problems, id);
  const [key, label, attribute, cuts, labels] = ['nokkel', 'navn', 'egenskap', 'grenser', 'etiketter'].map(e) as [
    ReturnType<typeof e>,
    ReturnType<typeof e>,
    ReturnType<typeof e>,
    ReturnType<typeof e>,
    ReturnType<typeof e>,
  ];
  const yearQuery = v.year !== null ? `?ar=${v.year}` : '';
  const body = html`<h1>Grupperinger</h1>
<p>Grupperingene brukes til å fordele svarprosenter og resultater (for eksempel «Fordel etter» på oversikten over innsamlingen). En ny gruppering lagres som data og kan brukes med en gang.</p>
${
  v.years.length > 0
    ? html`<form method="get" action="/grupperinger" class="filters"><label for="ar">Tell kommunene i registeret for</label> <select id="ar" name="ar">${v.years.map(
        (y) => (y === v.year ? html`<option value="${y}" selected>${y}</option>` : html`<option value="${y}">${y}</option>`),
      )}</select> <button type="submit">Vis</button></form>
<p>${v.municipalities} kommuner i registeret for ${v.year ?? ''}.</p>`
    : html`<p class="notice">Det finnes ikke noe register ennå, så kommunene kan ikke telles.</p>`
}
<div class="cards wide">${v.groupings.map((g) => groupingCard(g, v.year, g.grouping.key === v.added))}</div>
${
  viewer.role === 'admin'
    ? html`<h2 id="ny">Ny gruppering etter grenser</h2>
${errorSummary(v.problems, 'Grupperingen ble ikke lagret')}
${
  v.attributes.length === 0
    ? html`<p class="muted">Importer et register med egenskaper først.</p>`
    : html`<p>Kommunene deles etter en egenskap i registeret. Den nedre grensen hører til klassen: med grensen 2000 havner 2 000 i klassen over. Det trengs én etikett mer enn antall grenser.</p>
<form method="post" action="/grupperinger${yearQuery}#ny" class="stack">${csrfField(viewer)}
<label for="nokkel">Nøkkel</label><p class="muted" id="nokkel-hjelp">Små bokstaver (a–z), sifre og _, for eksempel <code>intro3</code>.</p>${key.message}<input id="nokkel" name="nokkel" autocomplete="off" value="${f.key}" required${key.attrs === '' ? html` aria-describedby="nokkel-hjelp"` : key.attrs}>
<label for="navn">Navn</label>${label.message}<input id="navn" name="navn" value="${f.label}" required${label.attrs}>
<label for="egenskap">Egenskap</label>${attribute.message}<select id="egenskap" name="egenskap"${attribute.attrs}>${v.attributes.map((a) =>
        a === f.attribute ? html`<option value="${a}" selected>${a}</option>` : html`<option value="${a}">${a}</option>`,
      )}</select>
<label for="grenser">Grenser</label><p class="muted" id="grenser-hjelp">Tall i stigende rekkefølge, skilt med komma, for eksempel <code>1, 20</code>. Bruk punktum som desimaltegn.</p>${cuts.message}<input id="grenser" name="grenser" autocomplete="off" value="${f.cuts}" required${cuts.attrs === '' ? html` aria-describedby="grenser-hjelp"` : cuts.attrs}>
<label for="etiketter">Etiketter, én per linje</label>${labels.message}<textarea id="etiketter" name="etiketter" rows="5" required${labels.attrs}>${f.labels}</textarea>
<button class="primary" type="submit">Lagre grupperingen</button></form>`
}`
    : false
}`;
  return page('Grupperinger', body, viewer, '/');
}
