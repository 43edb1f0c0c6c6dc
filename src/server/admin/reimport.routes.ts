/**
 * HTTP for a year's registry upload. A new year is imported at once; a year that is stored shows
 * what the file changes first (reimport.pages.ts), takes a moves file for the units that go, and
 * "Bruk endringene" applies exactly the file shown (kept server-side, see registry.pending.ts).
 */
import type { Context, Hono } from 'hono';
import {
  addPendingMapping,
  applyPendingRegistryImport,
  pendingRegistryImport,
  stageRegistryImport,
} from '../../registry/registry.pending.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { fileInput, form, isYear, userError } from './forms.ts';
import { reimportPage } from './reimport.pages.ts';
import { importProblems, type Problem, registryImportedPage, uploadErrorPage } from './setup.pages.ts';

export function registryImportRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock, yearsStored: () => Promise<number[]>): void {
  app.post('/registry/import', async (c) => {
    const years = await yearsStored();
    const { fields, file, files } = await form(c);
    const raw = fields.ar ?? '';
    const values = { year: raw };
    const problems: Problem[] = [];
    if (!isYear(raw)) problems.push({ field: 'register-ar', message: 'Skriv registeråret med fire sifre, for eksempel 2020' });
    if (!file) problems.push({ field: 'register-fil', message: 'Velg en CSV-fil' });
    const fail = (fileProblems: string[], list: Problem[]) =>
      c.html(uploadErrorPage({ kind: 'register', fileProblems, problems: list, years, values }, c.get('viewer')), 422);
    if (problems.length > 0 || !file) return fail([], problems);
    const year = Number(raw);
    const moves = files.get('flytting');
    try {
      const { text, file: name } = await fileInput(file);
      const mapping = moves ? await fileInput(moves) : undefined;
      if (!years.includes(year)) {
        const r = await importRegistry(store, year, text, name, { by: c.get('user').email, now: clock(), ...(mapping ? { mapping } : {}) });
        return c.html(registryImportedPage(r, c.get('viewer')));
      }
      // A year that is stored: show what the file changes first; the button applies it.
      const upload = await stageRegistryImport(store, {
        year,
        text,
        file: name,
        by: c.get('user').email,
        now: clock(),
        ...(mapping ? { mapping } : {}),
      });
      return c.html(reimportPage({ upload }, c.get('viewer')));
    } catch (e) {
      if (!userError(e)) throw e;
      return fail(importProblems(e), []);
    }
  });

  const gone = (c: Context<AdminEnv>) =>
    c.html(
      uploadErrorPage(
        {
          kind: 'register',
          fileProblems: [],
          problems: [
            {
              field: 'register-fil',
              message: 'Opplastingen finnes ikke lenger (den ble brukt eller er over et døgn gammel). Last opp filen på nytt.',
            },
          ],
          years: [],
          values: {},
        },
        c.get('viewer'),
      ),
      404,
    );

  app.post('/registry/import/:id/flytting', async (c) => {
    const id = c.req.param('id');
    const by = c.get('user').email;
    const { files } = await form(c);
    const moves = files.get('flytting');
    try {
      if (!moves) {
        const upload = await pendingRegistryImport(store, id, by);
        return c.html(
          reimportPage({ upload, problems: [{ field: 'flytting', message: 'Velg en CSV-fil med flyttinger' }] }, c.get('viewer')),
          422,
        );
      }
      const { text, file } = await fileInput(moves);
      return c.html(reimportPage({ upload: await addPendingMapping(store, id, by, text, file) }, c.get('viewer')));
    } catch (e) {
      if (!userError(e)) throw e;
      if (e.code === 'not_found') return gone(c);
      const upload = await pendingRegistryImport(store, id, by);
      const problems = importProblems(e).map((message) => ({ field: '', message }));
      return c.html(reimportPage({ upload, problems }, c.get('viewer')), 422);
    }
  });

  app.post('/registry/import/:id/bruk', async (c) => {
    const id = c.req.param('id');
    const by = c.get('user').email;
    const { fields } = await form(c);
    const shown = fields.plan ?? '';
    try {
      const r = await applyPendingRegistryImport(store, id, { by, sha256: fields.sha256 ?? '', fingerprint: shown, now: clock() });
      return c.html(registryImportedPage(r, c.get('viewer')));
    } catch (e) {
      if (!userError(e)) throw e;
      if (e.code === 'not_found') return gone(c);
      // Nothing was stored: show the changes as they are now, and why.
      const upload = await pendingRegistryImport(store, id, by);
      const notice =
        upload.sha256 !== fields.sha256
          ? 'Ingenting er lagret: knappen hørte ikke til denne filen. Se over endringene og prøv igjen.'
          : upload.plan.fingerprint !== shown
            ? 'Ingenting er lagret: registeret eller undersøkelsene er endret siden du så endringene. Se over dem på nytt.'
            : 'Ingenting er lagret.';
      return c.html(reimportPage({ upload, notice }, c.get('viewer')), 409);
    }
  });
}
