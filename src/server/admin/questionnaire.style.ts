/**
 * The questionnaire editor's own small stylesheet, on top of the shared one: full-width text
 * fields in the font of the page, grouped fields, condition rows, buttons that look like buttons,
 * and the question lists as cards on narrow screens. It is inlined in the head and allowed by its
 * hash in the editor pages' Content-Security-Policy (nothing else may load, no inline styles).
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Html, html, trusted } from '../../shared/html.ts';
import { contentSecurityPolicy, page, type Viewer } from '../layout.ts';

const css = `
.qe h1,.qe h2{overflow-wrap:anywhere}
.qe input:not([type=checkbox]):not([type=radio]):not([type=file]),.qe select,.qe textarea{font:inherit;padding:4px 8px;border:1px solid #6b7280;border-radius:3px;max-width:100%;background:#fff;color:var(--fg)}
.qe textarea{width:100%;resize:vertical}.qe input[type=checkbox],.qe input[type=radio]{width:1.15rem;height:1.15rem;accent-color:var(--accent)}
.qe [readonly]{background:var(--soft);border-color:var(--line)!important}.qe [aria-invalid=true]{border:2px solid #b00020!important}
.qe button{font:inherit;padding:4px 12px;border:2px solid var(--accent);border-radius:3px;background:#fff;color:var(--accent);cursor:pointer}
.qe button.primary{background:var(--accent);color:#fff;margin-top:0;font-weight:600}.qe button.danger{border-color:#b00020;color:#b00020}
.qe .actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.qe .meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 0 1rem;padding:0;list-style:none}
.qe .lead{font-size:1.1rem;margin:-.5rem 0 1rem}.qe .hint{color:var(--muted);margin:.25rem 0 .5rem;font-size:.95rem}
.qe fieldset{border:1px solid var(--line);border-radius:6px;padding:.25rem 1rem 1rem;margin:0 0 1.25rem}
.qe legend{font-weight:700;font-size:1.1rem;padding:0 .35rem}
.qe fieldset fieldset{border:0;padding:0;margin:.75rem 0 0}.qe fieldset fieldset legend{font-size:1rem;font-weight:600;padding:0}
.qe .field{margin:.6rem 0}.qe .field>label{display:block;font-weight:600;margin:0 0 .15rem}.qe .field>input,.qe .field>select{width:100%}
.qe .field.short>input{width:8rem}.qe .field.medium>input,.qe .field.medium>select{width:28rem}
.qe .langs{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr));gap:0 1rem}
.qe .check{display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}.qe .check input{margin:.2rem 0 0;flex:none}
.qe td input:not([type=checkbox]){width:100%;min-width:9rem}.qe table.rows td{vertical-align:middle}.qe td.flag{text-align:center}
.qe .clause{background:var(--soft);border-left:4px solid var(--accent);padding:.5rem .75rem .75rem;margin:.75rem 0}
.qe .clause-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}.qe .clause h3{margin:.25rem 0}
.qe .clause .field{margin:.4rem 0}
.qe .inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}.qe .inline select{flex:1 1 16rem;min-width:0}
.qe .compare{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}.qe .compare .field{margin:.4rem 0}
.qe .compare .attr{flex:2 1 18rem}.qe .compare .op{flex:1 1 12rem}
.qe .codes{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,16rem),1fr));gap:0 1rem}
.qe .join{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem}
.qe .section-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;justify-content:space-between;margin:2rem 0 .25rem}
.qe .section-head h2{margin:0}.qe form.tools,.qe div.tools{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0}
.qe table.qlist td.actions-cell{white-space:nowrap}.qe table.qlist td.actions-cell form.tools{flex-wrap:nowrap}
.qe table.qlist td.key{max-width:12rem}.qe table.qlist code{overflow-wrap:normal}
@media (max-width:44rem){
.qe fieldset{padding:.25rem .6rem .75rem}.qe .clause{padding:.5rem}.qe .field.medium>input,.qe .field.medium>select{width:100%}
.qe table.rows thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.qe table.rows,.qe table.rows tbody,.qe table.rows tr{display:block}
.qe table.rows tr{border-bottom:1px solid var(--line);padding:.5rem 0}
.qe table.rows td{display:block;border:0;padding:.15rem 0;text-align:left}
.qe table.rows td[data-label]::before{content:attr(data-label);display:block;font-weight:600;font-size:.9rem}
.qe table.rows td.flag,.qe table.rows td.num{display:inline-flex;gap:.5rem;align-items:center;margin-right:1.25rem}
.qe table.rows td.flag[data-label]::before,.qe table.rows td.num[data-label]::before{display:inline}
.qe table.qlist td.num,.qe table.qlist td.key,.qe table.qlist td.type{display:inline;margin-right:.5rem}
.qe table.qlist td.num::after{content:"."}.qe table.qlist td.lead{font-weight:600;margin:.25rem 0}
.qe table.qlist td[data-label]::before{display:inline;content:attr(data-label) ": "}
.qe table.qlist td.actions-cell{white-space:normal;margin-top:.35rem}.qe table.qlist td.actions-cell form.tools{flex-wrap:wrap}
}
`;

const hash = createHash('sha256').update(css).digest('base64');

/** The shared policy with the editor's stylesheet allowed too. */
export const editorPolicy = contentSecurityPolicy.replace('style-src ', `style-src 'sha256-${hash}' `);

/** An editor page: the shared frame with the editor's stylesheet, the body in its scope. */
export function editorPage(title: string, body: Html, viewer: Viewer): string {
  return page(title, html`<div class="qe">${body}</div>`, viewer, '/runde').replace(
    '</head>',
    `${html`<style>${trusted(css)}</style>`.value}\n</head>`,
  );
}

/** Gives the editor's pages the policy that allows its stylesheet (a page that set its own keeps it). */
export const editorHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', editorPolicy);
};
