/**
 * The report definition editor's overview of a round (`/runde/:year/rapport/definisjon`): which
 * version the report is built from, the problems a build would meet (outside the chapters here,
 * per chapter in the list), the chapters with their buttons, the title page, the versions with
 * who and when (each viewable and restorable), and the definition as a file out and in. One
 * version's own page shows it as YAML.
 */
import type { DefinitionVersion, RoundDefinition } from '../../report/definition.service.ts';
import { type Html, html } from '../../shared/html.ts';
import { say } from '../../shared/i18n/message.ts';
import { formatOsloDateTime } from '../../shared/time.ts';
import type { Viewer } from '../layout.ts';
import { fieldAt, type PlacedProblem, problemsOf } from './report.editor.problems.ts';
import { reportEditorPage } from './report.editor.style.ts';

export interface PageError {
  readonly title: string;
  readonly messages: readonly string[];
}

export interface OverviewView {
  readonly year: number;
  readonly own: RoundDefinition;
  readonly versions: readonly DefinitionVersion[];
  readonly problems: readonly PlacedProblem[];
  readonly notice?: string;
  readonly error?: PageError;
}

const base = (year: number) => `/runde/${year}/rapport/definisjon`;
const hidden = (viewer: Viewer, own: RoundDefinition) =>
  html`<input type="hidden" name="_csrf" value="${viewer.csrf}"><input type="hidden" name="grunnlag" value="${own.version?.version ?? 0}">`;

export function versionLine(own: RoundDefinition): Html {
  return own.version
    ? html`Rapporten bygges fra <strong>versjon ${own.version.version}</strong>, lagret ${formatOsloDateTime(own.version.at)} av ${own.version.by}.`
    : html`Runden har ingen lagret versjon ennå, så rapporten bygges fra den innebygde definisjonen <code>${own.builtin}</code>. Den første lagringen blir versjon 1.`;
}

function errorBox(e: PageError | undefined): Html | false {
  return e
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>${e.title}</h2><ul>${e.messages.map((m) => html`<li>${m}</li>`)}</ul></div>`
    : false;
}

function chapterRows(v: OverviewView, viewer: Viewer): Html {
  const chapters = v.own.definition.chapters;
  const admin = viewer.role === 'admin';
  const button = (value: string, text: string, label: string, danger = false) =>
    html`<form method="post" action="${base(v.year)}/kapitler">${hidden(viewer, v.own)}<button type="submit" name="handling" value="${value}" aria-label="${label}"${
      danger ? html` class="danger"` : ''
    }>${text}</button></form>`;
  return html`${chapters.map((ch, i) => {
    const n = i + 1;
    const blocks = ch.blocks;
    const figures = blocks.filter((b) => 'figure' in b).length;
    const texts = blocks.filter((b) => 'text' in b).length;
    const others = blocks.length - figures - texts;
    const problems = problemsOf(v.problems, i).length;
    return html`<tr><td class="num">${n}</td><th scope="row"><a href="${base(v.year)}/kapittel/${n}">${ch.title}</a></th><td>${texts} tekst${texts === 1 ? '' : 'er'}, ${figures} figur${
      figures === 1 ? '' : 'er'
    }${others > 0 ? `, ${others} andre` : ''}</td><td>${problems > 0 ? html`<a class="problem" href="${base(v.year)}/kapittel/${n}">${problems} problem${problems === 1 ? '' : 'er'}</a>` : 'Ingen'}</td><td class="actions-cell"><a href="${base(v.year)}/kapittel/${n}?forhandsvis=1#forhandsvisning" aria-label="Forhåndsvis kapittel ${n}">Forhåndsvis</a>${
      admin
        ? html` ${i > 0 ? button(`opp.${i}`, 'Flytt opp', `Flytt opp kapittel ${n}`) : ''}${
            i < chapters.length - 1 ? button(`ned.${i}`, 'Flytt ned', `Flytt ned kapittel ${n}`) : ''
          }${chapters.length > 1 ? button(`fjern.${i}`, 'Fjern', `Fjern kapittel ${n}`, true) : ''}`
        : ''
    }</td></tr>`;
  })}`;
}

function versionRows(v: OverviewView, viewer: Viewer): Html {
  const newest = v.versions.at(-1)?.version;
  return html`${[...v.versions]
    .reverse()
    .map(
      (x) =>
        html`<tr><td class="num">${x.version}</td><td>${formatOsloDateTime(x.at)}</td><td>${x.by}</td><td>${x.note ? say(x.note, 'nb') : ''}${
          x.version === newest ? html` <strong>(i bruk)</strong>` : ''
        }</td><td class="actions-cell"><a href="${base(v.year)}/versjon/${x.version}" aria-label="Vis versjon ${x.version}">Vis</a>${
          viewer.role === 'admin' && x.version !== newest
            ? html` <form method="post" action="${base(v.year)}/versjon/${x.version}/gjenopprett"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button type="submit" aria-label="Gjenopprett versjon ${x.version}">Gjenopprett</button></form>`
            : ''
        }</td></tr>`,
    )}`;
}

export function overviewPage(v: OverviewView, viewer: Viewer): string {
  const admin = viewer.role === 'admin';
  const d = v.own.definition;
  const outside = problemsOf(v.problems, undefined);
  const inChapters = v.problems.length - outside.length;
  const body = html`<p><a href="/runde/${v.year}/rapport">Rapport ${v.year}</a> › Rapportdefinisjon</p>
<h1>Rapportdefinisjon ${v.year}</h1>
${errorBox(v.error)}
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ''}
<p>${versionLine(v.own)} Kapitlene har tekst i Markdown med plassholdere for tall fra dataene, og figurer som regnes ut når rapporten bygges. Årstall skrives som <code>{{year}}</code> og <code>{{year offset=-4}}</code>, så definisjonen kan kopieres til neste års runde.</p>
${admin ? '' : html`<p class="notice">Du har lesetilgang: du kan se definisjonen, versjonene og forhåndsvise kapitlene, men ikke endre noe.</p>`}
${
  v.problems.length > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1"><h2>Rapporten kan ikke bygges slik definisjonen er nå</h2><ul>${outside.map(
        (p) => html`<li>${p.path === '' ? '' : html`<code>${p.path}</code>: `}${p.text}</li>`,
      )}${inChapters > 0 ? html`<li>${inChapters} problem${inChapters === 1 ? '' : 'er'} i kapitlene: se lista under.</li>` : ''}</ul></div>`
    : html`<p class="notice" role="status">Ingen problemer: rapporten kan bygges fra denne definisjonen.</p>`
}
<h2 id="kapitler-h">Kapitler</h2>
<div class="scroll" tabindex="0" role="region" aria-labelledby="kapitler-h"><table class="chapters"><thead><tr><th scope="col" class="num">Nr.</th><th scope="col">Tittel</th><th scope="col">Innhold</th><th scope="col">Problemer</th><th scope="col">Handlinger</th></tr></thead><tbody>${chapterRows(v, viewer)}</tbody></table></div>
${
  admin
    ? html`<form class="inline" method="post" action="${base(v.year)}/kapitler">${hidden(viewer, v.own)}<div class="field"><label for="nytt-kapittel">Nytt kapittel (tittel)</label><input type="text" id="nytt-kapittel" name="tittel" required></div><button type="submit" name="handling" value="ny">Legg til kapittel</button></form>`
    : ''
}
<h2 id="forside-h">Forsiden</h2>
<form method="post" action="${base(v.year)}/forside"><fieldset class="plain"${admin ? '' : ' disabled'}><legend>Forsiden</legend>${hidden(viewer, v.own)}
<div class="field"><label for="forside-tittel">Tittel</label>${problemLines(outside, 'title')}<input type="text" id="forside-tittel" name="tittel" value="${d.title}"></div>
<div class="field"><label for="forside-undertittel">Undertittel</label>${problemLines(outside, 'subtitle')}<input type="text" id="forside-undertittel" name="undertittel" value="${d.subtitle ?? ''}"></div>
<div class="field"><label for="forside-utgiver">Utgiver</label><input type="text" id="forside-utgiver" name="utgiver" value="${d.publisher ?? ''}"></div>
${admin ? html`<button class="primary" type="submit">Lagre forsiden</button>` : ''}</fieldset></form>
<h2 id="versjoner-h">Versjoner</h2>
${
  v.versions.length === 0
    ? html`<p>Ingen versjoner er lagret ennå.</p>`
    : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="versjoner-h"><table class="chapters"><thead><tr><th scope="col" class="num">Versjon</th><th scope="col">Lagret</th><th scope="col">Av</th><th scope="col">Merknad</th><th scope="col">Handlinger</th></tr></thead><tbody>${versionRows(v, viewer)}</tbody></table></div>`
}
<h2>Som fil</h2>
<p><a href="${base(v.year)}.yaml" download>Last ned definisjonen som YAML</a> (den samme som <code>kommunepuls report definition export --year ${v.year}</code>).</p>
${
  admin
    ? html`<form class="inline" method="post" action="${base(v.year)}/import" enctype="multipart/form-data"><input type="hidden" name="_csrf" value="${viewer.csrf}"><div class="field"><label for="definisjon-fil">Importer en definisjon (YAML eller JSON) som ny versjon</label><input type="file" id="definisjon-fil" name="fil" accept=".yaml,.yml,.json" required></div><button type="submit">Importer</button></form>`
    : ''
}`;
  return reportEditorPage(`Rapportdefinisjon ${v.year}`, body, viewer);
}

function problemLines(problems: readonly PlacedProblem[], field: string): Html | false {
  const here = problems.filter((p) => p.path === field || fieldAt(p.path).field === field);
  return here.length > 0 ? html`${here.map((p) => html`<p class="problem">${p.text}</p>`)}` : false;
}

export function versionPage(year: number, version: DefinitionVersion, yaml: string, newest: number, viewer: Viewer): string {
  const body = html`<p><a href="/runde/${year}/rapport">Rapport ${year}</a> › <a href="${base(year)}">Rapportdefinisjon</a> › Versjon ${version.version}</p>
<h1>Versjon ${version.version} av rapportdefinisjonen for ${year}</h1>
<p>Lagret ${formatOsloDateTime(version.at)} av ${version.by}${version.note ? html`. ${say(version.note, 'nb')}` : ''}.${
    version.version === newest ? html` Dette er versjonen rapporten bygges fra.` : ''
  }</p>
${
  viewer.role === 'admin' && version.version !== newest
    ? html`<form method="post" action="${base(year)}/versjon/${version.version}/gjenopprett"><input type="hidden" name="_csrf" value="${viewer.csrf}"><button class="primary" type="submit">Gjenopprett som ny versjon</button></form>`
    : ''
}
<pre class="yaml" tabindex="0" aria-label="Versjon ${version.version} som YAML">${yaml}</pre>`;
  return reportEditorPage(`Versjon ${version.version} – rapportdefinisjon ${year}`, body, viewer);
}
