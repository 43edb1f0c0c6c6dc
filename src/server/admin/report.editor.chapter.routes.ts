/**
 * HTTP for one chapter of the report definition editor (`…/definisjon/kapittel/:n`): the page with
 * the chapter's problems placed by their fields, its preview on request (only that chapter is
 * built, in well under a second), and the one form whose buttons either redraw it (move, remove,
 * add a block), preview it unsaved, or save it as a new version. A save is refused, with every
 * problem beside its field and the typed values kept, when the chapter would not validate or its
 * blocks could not be built, or when someone else changed the chapter since the page was drawn.
 */
import type { Context, Hono } from 'hono';
import { roles, textIn } from '../../questionnaire/model.ts';
import { listGroupings } from '../../registry/grouping.service.ts';
import { definitionAsOf, roundDefinition, saveDefinition } from '../../report/definition.service.ts';
import { parseReportDefinition, type ReportDefinition } from '../../report/definition.ts';
import { buildChapter } from '../../report/report.service.ts';
import { roundQuestionnaires } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { msg } from '../../shared/i18n/message.ts';
import type { Store } from '../../store/store.ts';
import type { AdminEnv } from './auth.ts';
import { userError } from './forms.ts';
import { yearParam } from './monitor.routes.ts';
import { type ChapterView, chapterPage, type QuestionChoice } from './report.editor.chapter.ts';
import { applyAction, type ChapterForm, chapterForm, formChapter, postedForm, type Raw } from './report.editor.form.ts';
import { type PlacedProblem, placeError, placeMessage } from './report.editor.problems.ts';

const notices: Record<string, string> = {
  '1': 'Kapitlet er lagret som en ny versjon.',
  '0': 'Ingenting var endret, så ingen ny versjon ble lagret.',
};

const figuresIn = (d: ReportDefinition, before: number) =>
  d.chapters.slice(0, before).reduce((n, ch) => n + ch.blocks.filter((b) => 'figure' in b).length, 0);

export function chapterRoutes(app: Hono<AdminEnv>, store: Store, clock: Clock): void {
  const path = '/runde/:year/rapport/definisjon/kapittel/:n{[0-9]+}';

  async function where(c: Context<AdminEnv>) {
    const year = yearParam(c);
    const own = await roundDefinition(store, year);
    const ci = Number(c.req.param('n')) - 1;
    if (!own.definition.chapters[ci]) throw notFound(msg('reportdef.no_chapter', { year, chapter: ci + 1 }));
    return { year, own, ci };
  }

  async function lists(year: number): Promise<Pick<ChapterView, 'questions' | 'groupings'>> {
    const qs = await roundQuestionnaires(store, year);
    const questions = new Map<(typeof roles)[number], QuestionChoice[]>();
    for (const role of roles) {
      const q = qs.get(role);
      if (q)
        questions.set(
          role,
          q.questions.filter((x) => x.type !== 'text').map((x) => ({ key: x.key, text: textIn(x.text, 'nb') })),
        );
    }
    const groupings = (await listGroupings(store)).map((g) => ({ key: g.grouping.key, label: g.grouping.label }));
    return { questions, groupings };
  }

  async function page(
    c: Context<AdminEnv>,
    view: Omit<ChapterView, 'questions' | 'groupings' | 'chapterCount' | 'figuresBefore'>,
    def: ReportDefinition,
    status: 200 | 409 | 422 = 200,
  ) {
    const full: ChapterView = {
      ...view,
      chapterCount: def.chapters.length,
      figuresBefore: figuresIn(def, view.ci),
      ...(await lists(view.year)),
    };
    return c.html(chapterPage(full, c.get('viewer')), status);
  }

  app.get(path, async (c) => {
    const { year, own, ci } = await where(c);
    const built = await buildChapter(store, year, ci, own.definition);
    const saved = notices[c.req.query('lagret') ?? ''];
    return page(
      c,
      {
        year,
        ci,
        form: chapterForm(own.definition.chapters[ci] as ReportDefinition['chapters'][number], own.version?.version ?? 0),
        problems: built.problems.flatMap(placeError),
        ...(saved ? { notice: saved } : {}),
        ...(c.req.query('forhandsvis') === '1' ? { preview: { html: built.html, ms: built.ms, saved: true } } : {}),
      },
      own.definition,
    );
  });

  app.post(path, async (c) => {
    const { year, own, ci } = await where(c);
    const raw: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(await c.req.parseBody({ all: true }))) {
      if (typeof v === 'string') raw[k] = v;
      else if (Array.isArray(v)) raw[k] = v.filter((x): x is string => typeof x === 'string');
    }
    const action = String(raw.handling ?? '');
    const posted = postedForm(raw as Raw);
    const redrawn = applyAction(posted, action);
    if (redrawn)
      return page(
        c,
        { year, ci, form: redrawn, problems: [], notice: 'Ikke lagret ennå: trykk «Lagre kapitlet» for å lagre endringene.' },
        own.definition,
      );

    const refuse = (form: ChapterForm, problems: PlacedProblem[], refused: string, status: 409 | 422, def = own.definition) =>
      page(c, { year, ci, form, problems, refused }, def, status);
    const basedOn = Number(posted.base) || 0;
    const was = await definitionAsOf(store, year, basedOn).catch(() => own.definition);
    const { chapter, problems: formProblems } = formChapter(posted, was.chapters[ci], ci);
    const placed = formProblems.map((p) => ({ path: p.path, text: placeMessage(p.problem).text }));
    let candidate: ReportDefinition | undefined;
    try {
      candidate = parseReportDefinition(
        JSON.stringify({ ...own.definition, chapters: own.definition.chapters.map((ch, i) => (i === ci ? chapter : ch)) }),
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      // A field the form could not read is named once, by the form, not again by the schema.
      placed.push(...placeError(e).filter((p) => !placed.some((q) => p.path.startsWith(q.path))));
    }
    if (!candidate) return refuse(posted, placed, 'Kapitlet ble ikke lagret', 422);
    // A field the form could not read is left out of the candidate, so the build still finds the rest.
    const built = await buildChapter(store, year, ci, candidate);
    const problems = [...placed, ...built.problems.flatMap(placeError)];
    if (action === 'forhandsvis' && placed.length === 0)
      return page(c, { year, ci, form: posted, problems, preview: { html: built.html, ms: built.ms, saved: false } }, candidate);
    if (problems.length > 0) {
      const why =
        action === 'forhandsvis'
          ? 'Kapitlet kan ikke forhåndsvises før feltene under er rettet'
          : placed.length > 0
            ? 'Kapitlet ble ikke lagret'
            : 'Kapitlet ble ikke lagret: rapporten kunne ikke bygges med det';
      return refuse(posted, problems, why, 422, candidate);
    }
    try {
      const v = await saveDefinition(store, year, candidate, {
        byUser: c.get('user').name,
        now: clock(),
        note: msg('reportdef.note_chapter', { chapter: ci + 1 }),
        basedOn: { version: basedOn, chapter: ci },
      });
      return c.redirect(`/runde/${year}/rapport/definisjon/kapittel/${ci + 1}?lagret=${v ? 1 : 0}`, 303);
    } catch (e) {
      if (!userError(e)) throw e;
      return refuse(posted, placeError(e), 'Kapitlet ble ikke lagret', e.code === 'conflict' ? 409 : 422);
    }
  });
}
