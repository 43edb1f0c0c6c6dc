/**
 * The frame of every respondent page: one small inlined stylesheet and one tiny optional script
 * (both allowed by hash in the Content-Security-Policy, nothing else may load), the page language,
 * a skip link, and a language switch. Pages work fully without the script; it only reveals
 * follow-up questions in place and clears other boxes when an exclusive box is ticked.
 */
import { createHash } from 'node:crypto';
import type { Language } from '../../questionnaire/model.ts';
import { type Html, html, trusted } from '../../shared/html.ts';
import { compareCss } from '../compare.render.ts';
import { strings } from './strings.ts';

const css = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--accent:#0b5394;--err:#b00020;--line:#8a8f94;--soft:#f3f5f7;--focus:#ffbf47}
*{box-sizing:border-box}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff;overflow-wrap:break-word;hyphens:auto}
a{color:var(--accent)}
:focus-visible,a:focus,button:focus,input:focus,textarea:focus{outline:3px solid var(--fg);outline-offset:0;box-shadow:0 0 0 6px var(--focus)}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:var(--accent);color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;justify-content:space-between;align-items:center}
header .brand{font-weight:700}header nav a{color:#fff;margin-left:12px}header nav [aria-current]{font-weight:700;text-decoration:none}
main{max-width:46rem;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.3rem;margin:1.5rem 0 .5rem}
.lead{font-size:1.15rem}.muted,.hint{color:var(--muted)}.hint{margin:.25rem 0 .5rem}
.unit{font-weight:600;color:var(--muted);margin:0}
.progress{margin:0 0 1rem}.progress label{display:block}.progress progress{width:100%;height:10px;accent-color:var(--accent)}
.q-wrap{margin:0 0 1.75rem}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend,.qtext{display:block;font-weight:700;margin-bottom:.5rem;padding:0;max-width:100%}
.qno{color:var(--muted)}
fieldset.item{margin:.75rem 0 1rem;padding-left:12px;border-left:4px solid var(--soft)}fieldset.item legend{font-weight:600}
.choice{display:flex;align-items:flex-start;gap:10px;margin:.4rem 0}
.choice input{width:1.5rem;height:1.5rem;margin:.1rem 0 0;flex:none;accent-color:var(--accent)}
.choice label{flex:1;min-width:0}
.scale{display:flex;flex-wrap:wrap;gap:0 18px}
.specify{margin:.25rem 0 .5rem 2.2rem}
input[type=text],textarea{font:inherit;width:100%;max-width:100%;padding:6px 8px;border:2px solid var(--fg);border-radius:0}
input.num{width:8rem}
.has-error{border-left:5px solid var(--err);padding-left:12px}
.error-message{color:var(--err);font-weight:700;margin:.25rem 0}
.error-summary{border:5px solid var(--err);padding:12px 16px;margin:0 0 1.5rem}.error-summary h2{margin-top:0}.error-summary a{color:var(--err);font-weight:700}
.notice{border-left:6px solid var(--accent);background:var(--soft);padding:10px 14px;margin:0 0 1.5rem}
.buttons{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:2rem 0 1rem}
button,.button{font:inherit;font-weight:600;padding:10px 18px;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:var(--accent)}
button.link{border:0;background:none;color:var(--accent);text-decoration:underline;padding:10px 4px;font-weight:400}
dl.answers{margin:0 0 1rem}dl.answers dt{font-weight:600;margin-top:.75rem}dl.answers dd{margin:0 0 0 0}
.section-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:8px;border-bottom:2px solid var(--line)}.section-head h2{min-width:0}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
[hidden]{display:none!important}
footer{max-width:46rem;margin:2rem auto;padding:0 16px;color:var(--muted);font-size:.9rem}
${compareCss}
@media (max-width:30em){h1{font-size:1.35rem}h2{font-size:1.2rem}.scale{display:block}}
`.trim();

// Reveal follow-ups whose condition holds, and clear other boxes when an exclusive one is ticked.
const script = `(function(){var f=document.querySelector('form.qform');if(!f)return;
function vals(n){return Array.prototype.filter.call(f.elements,function(e){return e.name===n&&e.checked}).map(function(e){return e.value})}
function upd(){document.querySelectorAll('[data-show-if]').forEach(function(w){var c=JSON.parse(w.getAttribute('data-show-if'));var v=vals(c.q);w.hidden=!v.some(function(x){return c.c.indexOf(x)>=0})})}
f.addEventListener('change',function(e){var t=e.target;if(t.type==='checkbox'&&t.checked){var ex=t.hasAttribute('data-exclusive');Array.prototype.forEach.call(f.elements,function(o){if(o!==t&&o.name===t.name&&o.type==='checkbox'&&(ex||o.hasAttribute('data-exclusive')))o.checked=false})}upd()});upd()})();`;

const hash = (s: string) => createHash('sha256').update(s).digest('base64');

export const respondentPolicy = `default-src 'none'; style-src 'sha256-${hash(css)}'; script-src 'sha256-${hash(script)}'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

export interface Frame {
  readonly lang: Language;
  /** Languages the questionnaire is complete in; a switch is shown when there are several. */
  readonly languages: readonly Language[];
  /** Link of this page without language parameter, for the switch. */
  readonly here: string | null;
  readonly title: string;
  readonly surveyTitle: string;
  readonly script?: boolean;
  /** The note on saving; only on pages of the form itself. */
  readonly footer?: boolean;
}

const htmlLang: Record<Language, string> = { nb: 'nb', nn: 'nn', en: 'en' };

export function respondentPage(frame: Frame, body: Html): string {
  const t = strings[frame.lang];
  const here = frame.here;
  const switcher =
    here !== null && frame.languages.length > 1
      ? html`<nav aria-label="${t.languageNav}">${frame.languages.map((l) =>
          l === frame.lang
            ? html`<a href="${here}?lang=${l}" lang="${htmlLang[l]}" aria-current="true">${strings[l].langName}</a>`
            : html`<a href="${here}?lang=${l}" lang="${htmlLang[l]}" hreflang="${htmlLang[l]}">${strings[l].langName}</a>`,
        )}</nav>`
      : false;
  return html`<!doctype html>
<html lang="${htmlLang[frame.lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${frame.title === frame.surveyTitle ? frame.title : `${frame.title} – ${frame.surveyTitle}`}</title>
<style>${trusted(css)}</style>
</head>
<body>
<a class="skip" href="#main">${t.skip}</a>
<header><span class="brand">${frame.surveyTitle}</span>${switcher}</header>
<main id="main">
${body}
</main>
<footer>${frame.footer === false ? false : html`<p>${t.footer}</p>`}<p><a href="/tilgjengelighet?lang=${frame.lang}">${t.accessibilityLink}</a></p></footer>
${frame.script ? html`<script>${trusted(script)}</script>` : false}
</body>
</html>`.value;
}
