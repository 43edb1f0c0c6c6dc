/**
 * HTTP for researchers' exports: a page per round listing, per role, the data set as CSV (with
 * its codebook), Excel and SPSS, each a download made on request by the same export service as
 * `kommunepuls export` (never a contact's name, e-mail or phone).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { exportResponsesToFile } from '../../export/export.service.ts';
import type { ExportFormat } from '../../export/writers.ts';
import { type Role, roles } from '../../questionnaire/model.ts';
import { getRound, roundUnitCounts } from '../../round/round.service.ts';
import { notFound } from '../../shared/errors.ts';
import { html } from '../../shared/html.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import { roleName } from '../labels.ts';
import { page } from '../layout.ts';
import type { AdminEnv } from './auth.ts';
import { yearParam } from './monitor.routes.ts';

/** Downloadable files: name → format, the file the writer makes, and its media type. */
const files: Record<string, { format: ExportFormat; pick: (out: string) => string; type: string; label: string }> = {
  'data.csv': { format: 'csv', pick: (out) => out, type: 'text/csv; charset=utf-8', label: 'CSV' },
  'kodebok.csv': {
    format: 'csv',
    pick: (out) => out.replace(/\.csv$/, '.codebook.csv'),
    type: 'text/csv; charset=utf-8',
    label: 'Kodebok (CSV)',
  },
  'data.xlsx': {
    format: 'xlsx',
    pick: (out) => out,
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel (med kodebok)',
  },
  'data.sav': { format: 'sav', pick: (out) => out, type: 'application/x-spss-sav', label: 'SPSS (.sav)' },
};

export function exportRoutes(app: Hono<AdminEnv>, store: Store): void {
  app.get('/runde/:year/eksport', async (c) => {
    const year = yearParam(c);
    await getRound(store, year);
    const units = await roundUnitCounts(store, year);
    const rows = roles
      .filter((r) => units[r] !== undefined)
      .map(
        (role) =>
          html`<tr><th scope="row">${roleName(role)}</th><td>${Object.entries(files).map(
            ([name, f], i) => html`${i > 0 ? ' · ' : ''}<a href="/runde/${year}/eksport/${role}/${name}" download>${f.label}</a>`,
          )}</td></tr>`,
      );
    const body = html`<h1>Eksport ${year}</h1>
<p>Én rad per kommune som har sendt inn, med <code>kommunenummer</code> som nøkkel, svarene som koder (analytikernes omkodinger er med) og en kodebok med spørsmålstekst, type, koder og etiketter. Navn, e-post og telefon til kontaktpersoner er aldri med. Celler som begynner med <code>= + - @</code> gjøres ufarlige i CSV og Excel.</p>
<table><thead><tr><th scope="col">Skjema</th><th scope="col">Filer</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted">Bydelene, registeregenskaper som ekstra kolonner og påbegynte svar: <code>kommunepuls export --year ${year} --role … --format csv|xlsx|sav --out FIL [--districts] [--attributes folketall,sentralitet] [--include-in-progress]</code>.</p>`;
    return c.html(page(`Eksport ${year}`, body, c.get('viewer'), '/runde'));
  });

  app.get('/runde/:year/eksport/:role/:file', async (c) => {
    const year = yearParam(c);
    const role = c.req.param('role');
    const f = files[c.req.param('file')];
    if (!f || !(roles as readonly string[]).includes(role)) throw notFound(msg('web.no_such_export'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-export-'));
    try {
      const out = path.join(dir, `data.${f.format}`);
      await exportResponsesToFile(store, { year, role: role as Role, format: f.format, out });
      const body = fs.readFileSync(f.pick(out));
      c.header('Content-Type', f.type);
      c.header('Content-Disposition', `attachment; filename="kommunepuls-${year}-${role}-${c.req.param('file')}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(body));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
