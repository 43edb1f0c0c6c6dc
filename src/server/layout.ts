/**
 * The page frame shared by every server-rendered page: language, title, one small stylesheet
 * inlined (no extra request on a slow line), skip link, header and main landmark.
 */
import { createHash } from 'node:crypto';
import { type Html, html, trusted } from '../shared/html.ts';
import { compareCss } from './compare.render.ts';

const css = `
:root{--fg:#1a1a1a;--muted:#555;--bg:#fff;--accent:#0b5394;--line:#d0d7de;--soft:#f4f6f8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
header{background:var(--accent);color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}header a{color:#fff}header .brand{font-weight:700;text-decoration:none}
.nav{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;margin:0;padding:0}.nav [aria-current]{font-weight:700;text-decoration:none;border-bottom:3px solid #fff}
.logout{margin-left:auto;display:flex;gap:8px;align-items:center}.logout button{font:inherit;background:none;border:1px solid #fff;color:#fff;padding:2px 10px;cursor:pointer}
form.stack{max-width:28rem}form.stack label{display:block;font-weight:600;margin:.75rem 0 .25rem}form.stack input{font:inherit;width:100%;padding:6px 8px;border:2px solid var(--fg)}
button.primary,a.button{font:inherit;font-weight:600;padding:8px 16px;border:2px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block;margin-top:1rem}
.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;margin:0 0 1rem}select,.filters button,form button{font:inherit}
figure{margin:0 0 1rem}details{margin:0 0 1rem}
.notice{border-left:6px solid var(--accent);background:var(--soft);padding:8px 12px}.error-message{color:#b00020;font-weight:700;margin:.25rem 0}
ul.log{padding-left:1.2rem}pre.mail{white-space:pre-wrap;font:inherit;margin:0}code{background:var(--soft);padding:0 3px;overflow-wrap:anywhere}h3{font-size:1.05rem;margin:1rem 0 .25rem}form.stack select,form.stack textarea{font:inherit;width:100%;padding:6px 8px;border:2px solid var(--fg)}
.error-summary{border:4px solid #b00020;padding:8px 16px;margin:0 0 1rem}.error-summary h2{margin-top:0}
main{max-width:72rem;margin:0 auto;padding:16px}
h1{font-size:1.6rem;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto}.scroll:focus{outline:3px solid #f5a623;outline-offset:2px}.muted{color:var(--muted)}.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:6px;padding:12px;margin:0 0 16px;overflow-wrap:anywhere}.card .scroll{overflow-wrap:normal}.card h2{margin-top:0}
p>input,p>select{max-width:100%}fieldset{min-width:0}
form.stack .check{display:flex;gap:8px;align-items:center;margin:.75rem 0 0}form.stack .check input{width:auto;margin:0}form.stack .check label{margin:0}.cards.wide{grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr))}
${compareCss}
`;

/** Content-Security-Policy allowing exactly the inlined stylesheet and nothing from elsewhere. */
export const contentSecurityPolicy = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

/** The logged-in user a page is for, and the CSRF token its forms carry. */
export interface Viewer {
  readonly name: string;
  readonly role: 'admin' | 'analyst';
  readonly csrf: string;
}

const navLinks: readonly [string, string][] = [
  ['/', 'Oversikt'],
  ['/runde', 'Innsamling'],
  ['/kontakter', 'Kontakter'],
  ['/utsendelser', 'Utsendelser'],
  ['/rapport', 'Rapport'],
];

function nav(viewer: Viewer, active: string): Html {
  return html`<nav aria-label="Hovedmeny"><ul class="nav">${navLinks.map(([href, label]) =>
    href === active ? html`<li><a href="${href}" aria-current="page">${label}</a></li>` : html`<li><a href="${href}">${label}</a></li>`,
  )}</ul></nav><form class="logout" method="post" action="/logg-ut"><input type="hidden" name="_csrf" value="${viewer.csrf}"><span>${viewer.name}${viewer.role === 'analyst' ? ' (lesetilgang)' : ''}</span> <button type="submit">Logg ut</button></form>`;
}

export function page(title: string, body: Html, viewer?: Viewer, active = '', refreshSeconds?: number): string {
  return html`<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${refreshSeconds ? html`<meta http-equiv="refresh" content="${refreshSeconds}">` : ''}
<title>${title} – Kommunepuls</title>
<style>${trusted(css)}</style>
</head>
<body>
<a class="skip" href="#main">Hopp til innhold</a>
<header><a class="brand" href="/">Kommunepuls</a>${viewer ? nav(viewer, active) : ''}</header>
<main id="main">
${body}
</main>
</body>
</html>`.value;
}
