/**
 * The report definition editor's stylesheet, on top of the shared one: text areas for Markdown,
 * each block of a chapter as a card with its buttons, problems in red beside their field, and the
 * chapter preview (the report's figures and tables scaled into the page). Inlined in the head and
 * allowed by its hash in the editor's Content-Security-Policy; no inline styles anywhere.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Html, html, trusted } from '../../shared/html.ts';
import { contentSecurityPolicy, page, type Viewer } from '../layout.ts';

const css = `
.re input:not([type=checkbox]):not([type=file]),.re select,.re textarea{font:inherit;padding:4px 8px;border:1px solid #6b7280;border-radius:3px;max-width:100%;background:#fff;color:var(--fg)}
.re textarea{width:100%;resize:vertical;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95rem;line-height:1.45}
.re [aria-invalid=true]{border:2px solid #b00020!important}
.re button{font:inherit;padding:4px 12px;border:2px solid var(--accent);border-radius:3px;background:#fff;color:var(--accent);cursor:pointer}
.re button.primary{background:var(--accent);color:#fff;font-weight:600;margin-top:0}.re button.danger{border-color:#b00020;color:#b00020}
.re .actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.re .hint{color:var(--muted);margin:.25rem 0 .5rem;font-size:.95rem}
.re fieldset.plain{border:0;padding:0;margin:0;min-width:0}.re fieldset.plain>legend{position:absolute;left:-9999px}
.re form.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.re .field{margin:.6rem 0}.re .field>label,.re .field>.label{display:block;font-weight:600;margin:0 0 .15rem}.re .field>input,.re .field>select{width:100%}
.re .fields{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,14rem),1fr));gap:0 1rem}
.re .block{border:1px solid var(--line);border-left:6px solid var(--accent);border-radius:6px;padding:.5rem 1rem 1rem;margin:0 0 1.25rem}
.re .block.figure{border-left-color:#6a3d9a}.re .block.yaml{border-left-color:#555}.re .block.has-problem{border-left-color:#b00020}
.re .block-head{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.re .block-head h2{font-size:1.1rem;margin:.4rem 0}.re .tools{display:flex;flex-wrap:wrap;gap:.4rem}
.re .problem{color:#b00020;font-weight:700;margin:.2rem 0}.re .check{display:flex;gap:.5rem;align-items:center;margin:.35rem 0}
.re table.questions td{vertical-align:middle}.re table.questions select{width:100%;min-width:12rem}.re table.questions input[type=text]{width:100%;min-width:8rem}
.re details.more{margin:.5rem 0}.re details.more summary{font-weight:600;cursor:pointer}
.re .fields.wide-first{grid-template-columns:minmax(min(100%,20rem),2fr) minmax(min(100%,10rem),1fr)}
.re fieldset.boxes{border:1px solid var(--line);border-radius:6px;padding:.25rem .75rem .5rem;margin:.75rem 0}.re fieldset.boxes legend{font-weight:600;padding:0 .25rem}
.re fieldset.boxes .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr));gap:0 1rem}
.re td.actions-cell{white-space:nowrap}.re td.actions-cell form{display:inline-block;margin:0 0 .25rem .25rem}
.re pre.yaml{white-space:pre-wrap;background:var(--soft);padding:8px 12px;overflow-wrap:anywhere}
.re .preview{border:2px solid var(--line);border-radius:6px;padding:0 1rem 1rem;margin:1rem 0;background:#fff}
.re .preview figure{margin:1.25rem 0 1.75rem}.re .preview figure svg{max-width:100%;height:auto;display:block}
.re .preview figcaption{font-weight:600;margin:0 0 .5rem}.re .preview .note{font-size:.9em;color:#333;margin:.25rem 0}
.re .preview .table-wrap{overflow-x:auto}.re .preview table{width:auto;font-size:.9rem}.re .preview section>h2{border-bottom:2px solid var(--accent)}
@media (max-width:44rem){.re .fields.wide-first{grid-template-columns:1fr}.re td.actions-cell{white-space:normal}.re .block{padding:.5rem .6rem .75rem}.re table.questions thead{display:none}.re table.questions,.re table.questions tbody,.re table.questions tr,.re table.questions td{display:block;border:0;padding:.15rem 0}.re table.questions tr{border-bottom:1px solid var(--line);padding:.4rem 0}}
`;

const hash = createHash('sha256').update(css).digest('base64');

/** The shared policy with the editor's stylesheet allowed too. */
export const reportEditorPolicy = contentSecurityPolicy.replace('style-src ', `style-src 'sha256-${hash}' `);

/** A page of the report definition editor: the shared frame, the editor's stylesheet, the body in its scope. */
export function reportEditorPage(title: string, body: Html, viewer: Viewer): string {
  return page(title, html`<div class="re">${body}</div>`, viewer, '/rapport').replace(
    '</head>',
    `${html`<style>${trusted(css)}</style>`.value}\n</head>`,
  );
}

/** Gives the editor's pages the policy that allows its stylesheet. */
export const reportEditorHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Content-Security-Policy')) c.header('Content-Security-Policy', reportEditorPolicy);
};
