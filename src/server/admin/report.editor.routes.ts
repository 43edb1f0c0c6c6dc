/**
 * HTTP for the report definition editor of a round (`/runde/:year/rapport/definisjon`): the
 * overview with its chapter buttons and title page, the versions (view, restore), the definition
 * as a YAML file out and in, and the chapter pages (report.editor.chapter.routes.ts). Every change
 * is a new version through the definition service (with who and when); forms post and redirect,
 * a refused change comes back on the page with its problems. Analysts may look, not post (auth.ts).
 */
import type { Context, Hono } from 'hono';
import {
  definitionVersion,
  definitionVersions,
  definitionYaml,
  importDefinition,
  restoreVersion,
  roundDefinition,
  saveDefinition,
} from '../../report/definition.service.ts';
import { parseReportDefinition, type ReportDefinition } from '../../report/definition.ts';
import { definitionProblems } from '../../report/report.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { fileInput, userError } from './forms.ts';
import { yearParam } from './monitor.routes.ts';
import { chapterRoutes } from './report.editor.chapter.routes.ts';
import { type OverviewView, overviewPage, type PageError, versionPage } from './report.editor.pages.ts';
import { placeError } from './report.editor.problems.ts';
import { reportEditorHeaders } from './report.editor.style.ts';

const notices: Record<string, string> = {
  forside: 'Forsiden er lagret som en ny versjon.',
  kapitler: 'Kapitlene er endret og lagret som en ny versjon.',
  gjenopprettet: 'Versjonen er gjenopprettet som den nyeste versjonen.',
  import: 'Filen er importert som en ny versjon.',
  uendret: 'Ingenting var endret, så ingen ny versjon ble lagret.',
};

export function reportEditorRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock): void {
  const root = '/runde/:year/rapport/definisjon';
  app.use(root, reportEditorHeaders);
  app.use(`${root}/*`, reportEditorHeaders);

  const base = (year: number) => `/runde/${year}/rapport/definisjon`;

  async function overview(c: Context<AdminEnv>, extra: Partial<OverviewView> = {}, status: 200 | 409 | 422 = 200) {
    const year = yearParam(c);
    const own = await roundDefinition(store, year);
    const problems = (await definitionProblems(store, year, own.definition)).flatMap(placeError);
    const saved = c.req.query('lagret') ?? '';
    const view: OverviewView = {
      year,
      own,
      versions: await definitionVersions(store, year),
      problems,
      ...(notices[saved] ? { notice: notices[saved] } : {}),
      ...extra,
    };
    return c.html(overviewPage(view, c.get('viewer')), status);
  }

  /** Saves a changed definition as a new version, or shows why not on the overview. */
  async function save(c: Context<AdminEnv>, year: number, next: unknown, basedOn: number, done: string, refused: string) {
    try {
      const v = await saveDefinition(store, year, next, { byUser: c.get('user').name, now: clock(), basedOn: { version: basedOn } });
      return c.redirect(`${base(year)}?lagret=${v ? done : 'uendret'}`, 303);
    } catch (e) {
      if (!userError(e)) throw e;
      const error: PageError = { title: refused, messages: placeError(e).map((p) => (p.path ? `${p.path}: ${p.text}` : p.text)) };
      return overview(c, { error }, e.code === 'conflict' ? 409 : 422);
    }
  }

  async function fields(c: Context<AdminEnv>): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(await c.req.parseBody())) if (typeof v === 'string') out[k] = v.replace(/\r\n?/g, '\n').trim();
    return out;
  }

  app.get(root, (c) => overview(c));

  app.get('/runde/:year/rapport/definisjon.yaml', async (c) => {
    const year = yearParam(c);
    const own = await roundDefinition(store, year);
    return c.body(definitionYaml(own.definition), 200, {
      'Content-Type': 'application/yaml; charset=utf-8',
      'Content-Disposition': `attachment; filename="rapportdefinisjon-${year}${own.version ? `-v${own.version.version}` : ''}.yaml"`,
    });
  });

  app.post(`${root}/forside`, async (c) => {
    const year = yearParam(c);
    const f = await fields(c);
    const own = await roundDefinition(store, year);
    const next: Record<string, unknown> = { ...own.definition, title: f.tittel ?? '' };
    for (const [field, key] of [
      ['subtitle', 'undertittel'],
      ['publisher', 'utgiver'],
    ] as const) {
      if (f[key]) next[field] = f[key];
      else delete next[field];
    }
    // A placeholder on the title page that cannot be filled is refused here, not found at the next build.
    try {
      const candidate = parseReportDefinition(JSON.stringify(next));
      const problems = (await definitionProblems(store, year, candidate))
        .flatMap(placeError)
        .filter((p) => p.path === 'title' || p.path === 'subtitle');
      if (problems.length > 0)
        return overview(c, { error: { title: 'Forsiden ble ikke lagret', messages: problems.map((p) => `${p.path}: ${p.text}`) } }, 422);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
    return save(c, year, next, Number(f.grunnlag ?? 0), 'forside', 'Forsiden ble ikke lagret');
  });

  app.post(`${root}/kapitler`, async (c) => {
    const year = yearParam(c);
    const f = await fields(c);
    const own = await roundDefinition(store, year);
    const chapters: ReportDefinition['chapters'][number][] = [...own.definition.chapters];
    const action = f.handling ?? '';
    const m = /^(opp|ned|fjern)\.(\d+)$/.exec(action);
    if (action === 'ny') chapters.push({ title: f.tittel ?? '', blocks: [] });
    else if (m && Number(m[2]) < chapters.length) {
      const i = Number(m[2]);
      const j = m[1] === 'opp' ? i - 1 : i + 1;
      if (m[1] === 'fjern') chapters.splice(i, 1);
      else if (j >= 0 && j < chapters.length)
        [chapters[i], chapters[j]] = [chapters[j] as (typeof chapters)[number], chapters[i] as (typeof chapters)[number]];
    } else return c.redirect(base(year), 303);
    return save(c, year, { ...own.definition, chapters }, Number(f.grunnlag ?? 0), 'kapitler', 'Kapitlene ble ikke endret');
  });

  app.get(`${root}/versjon/:version{[0-9]+}`, async (c) => {
    const year = yearParam(c);
    const { version, definition } = await definitionVersion(store, year, Number(c.req.param('version')));
    const newest = (await definitionVersions(store, year)).at(-1)?.version ?? 0;
    return c.html(versionPage(year, version, definitionYaml(definition), newest, c.get('viewer')));
  });

  app.post(`${root}/versjon/:version{[0-9]+}/gjenopprett`, async (c) => {
    const year = yearParam(c);
    const v = await restoreVersion(store, year, Number(c.req.param('version')), { byUser: c.get('user').name, now: clock() });
    return c.redirect(`${base(year)}?lagret=${v ? 'gjenopprettet' : 'uendret'}`, 303);
  });

  app.post(`${root}/import`, async (c) => {
    const year = yearParam(c);
    const body = await c.req.parseBody();
    const file = body.fil;
    if (!(file instanceof File) || file.size === 0)
      return overview(c, { error: { title: 'Ingen fil ble importert', messages: ['Velg en YAML- eller JSON-fil.'] } }, 422);
    const { text, file: name } = await fileInput(file);
    try {
      const v = await importDefinition(store, year, text, name, { byUser: c.get('user').name, now: clock() });
      return c.redirect(`${base(year)}?lagret=${v ? 'import' : 'uendret'}`, 303);
    } catch (e) {
      if (!userError(e)) throw e;
      const error: PageError = {
        title: `${name} ble ikke importert`,
        messages: placeError(e).map((p) => (p.path ? `${p.path}: ${p.text}` : p.text)),
      };
      return overview(c, { error }, 422);
    }
  });

  chapterRoutes(app, store, clock);
}
