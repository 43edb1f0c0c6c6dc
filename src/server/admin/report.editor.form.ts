/**
 * The chapter form of the report definition editor as data: what the page shows and posts (plain
 * strings, so a typo survives a redraw), read from a chapter of the definition or from a post,
 * changed by the form's buttons (move, remove, add a block) and turned back into a chapter. A
 * figure keeps the fields the form does not show (a setting added to the definition later is not
 * lost by an edit); blocks the form has no fields for are edited as YAML.
 */
import YAML from 'yaml';
import { type BlockSpec, type FigureSpec, figureKinds, type ReportDefinition } from '../../report/definition.ts';
import { AppError } from '../../shared/errors.ts';
import { type Message, msg } from '../../shared/i18n/message.ts';
import { readStructured } from '../../shared/structured.ts';

type Chapter = ReportDefinition['chapters'][number];

/** Figure settings the form shows as fields (the rest of a figure is carried as it was). */
export const figureFields = [
  'kind',
  'id',
  'title',
  'who',
  'note',
  'codes',
  'exclude',
  'excludeExtras',
  'by',
  'from',
  'to',
  'classes',
] as const;
export type FigureField = (typeof figureFields)[number];

export interface QuestionRow {
  /** `role/question`, as the question list's values. */
  readonly ref: string;
  readonly label: string;
}

export type BlockForm =
  | { readonly type: 'text'; readonly orig: string; readonly text: string }
  | {
      readonly type: 'figure';
      readonly orig: string;
      readonly f: Readonly<Record<FigureField, string>>;
      readonly questions: readonly QuestionRow[];
    }
  | { readonly type: 'yaml'; readonly orig: string; readonly yaml: string };

export interface ChapterForm {
  /** The version the form was drawn from ('0': the built-in definition). */
  readonly base: string;
  readonly title: string;
  readonly id: string;
  readonly blocks: readonly BlockForm[];
}

/** A problem found while reading the form, at the definition path of its field. */
export interface FormProblem {
  readonly path: string;
  readonly problem: Message;
}

const list = (v: readonly number[] | undefined) => (v ? v.join(', ') : '');

function figureForm(fig: FigureSpec, orig: string): BlockForm {
  const f = {} as Record<FigureField, string>;
  for (const k of figureFields) f[k] = '';
  f.kind = fig.kind;
  f.id = fig.id ?? '';
  f.title = fig.title ?? '';
  f.who = fig.who ?? '';
  f.note = fig.note ?? '';
  f.codes = list(fig.codes);
  f.exclude = list(fig.exclude);
  f.excludeExtras = fig.excludeExtras ? 'on' : '';
  f.by = typeof fig.by === 'string' ? fig.by : (fig.by ?? []).join(',');
  f.from = fig.years ? String(fig.years[0]) : '';
  f.to = fig.years ? String(fig.years[1]) : '';
  f.classes = list(fig.classes);
  return { type: 'figure', orig, f, questions: fig.questions.map((q) => ({ ref: `${q.role}/${q.question}`, label: q.label ?? '' })) };
}

/** The form of a chapter as stored. */
export function chapterForm(chapter: Chapter, base: number): ChapterForm {
  return {
    base: String(base),
    title: chapter.title,
    id: chapter.id ?? '',
    blocks: chapter.blocks.map((b, i): BlockForm => {
      if ('text' in b) return { type: 'text', orig: String(i), text: b.text };
      if ('figure' in b) return figureForm(b.figure, String(i));
      return { type: 'yaml', orig: String(i), yaml: YAML.stringify(b, { lineWidth: 0 }) };
    }),
  };
}

export type Raw = Readonly<Record<string, string | readonly string[]>>;
const one = (raw: Raw, k: string): string => {
  const v = raw[k];
  return (Array.isArray(v) ? (v.at(-1) ?? '') : ((v as string | undefined) ?? '')).replace(/\r\n?/g, '\n');
};

/** The form as posted. */
export function postedForm(raw: Raw): ChapterForm {
  const blocks: BlockForm[] = [];
  for (let i = 0; raw[`b.${i}.type`] !== undefined; i++) {
    const p = `b.${i}`;
    const type = one(raw, `${p}.type`);
    const orig = one(raw, `${p}.orig`);
    if (type === 'figure') {
      const f = {} as Record<FigureField, string>;
      for (const k of figureFields) f[k] = one(raw, `${p}.f.${k}`).trim();
      // Groupings are checkboxes: every one ticked.
      const by = raw[`${p}.f.by`];
      f.by = (Array.isArray(by) ? by : typeof by === 'string' ? [by] : []).filter((k) => k !== '').join(',');
      const questions: QuestionRow[] = [];
      for (let j = 0; raw[`${p}.q.${j}.ref`] !== undefined; j++) {
        // A row ticked for removal, or the blank row for a new question left blank.
        if (one(raw, `${p}.q.${j}.fjern`) !== '' || one(raw, `${p}.q.${j}.ref`).trim() === '') continue;
        questions.push({ ref: one(raw, `${p}.q.${j}.ref`).trim(), label: one(raw, `${p}.q.${j}.label`).trim() });
      }
      blocks.push({ type, orig, f, questions });
    } else if (type === 'yaml') blocks.push({ type, orig, yaml: one(raw, `${p}.yaml`) });
    else blocks.push({ type: 'text', orig, text: one(raw, `${p}.tekst`) });
  }
  return { base: one(raw, 'grunnlag'), title: one(raw, 'tittel').trim(), id: one(raw, 'id').trim(), blocks };
}

const emptyFigure = (): BlockForm => {
  const f = {} as Record<FigureField, string>;
  for (const k of figureFields) f[k] = '';
  f.kind = 'bars';
  return { type: 'figure', orig: '', f, questions: [] };
};

/**
 * A button of the form applied to it: `opp.N`/`ned.N` move block N, `fjern.N` removes it,
 * `ny-tekst`/`ny-figur`/`ny-yaml` add one at the end. Undefined for any other action.
 */
export function applyAction(form: ChapterForm, action: string): ChapterForm | undefined {
  const blocks = [...form.blocks];
  const m = /^(opp|ned|fjern)\.(\d+)$/.exec(action);
  if (m) {
    const i = Number(m[2]);
    if (i >= blocks.length) return form;
    const j = m[1] === 'opp' ? i - 1 : i + 1;
    if (m[1] === 'fjern') blocks.splice(i, 1);
    else if (j >= 0 && j < blocks.length) [blocks[i], blocks[j]] = [blocks[j] as BlockForm, blocks[i] as BlockForm];
    return { ...form, blocks };
  }
  if (action === 'ny-tekst') return { ...form, blocks: [...blocks, { type: 'text', orig: '', text: '' }] };
  if (action === 'ny-figur') return { ...form, blocks: [...blocks, emptyFigure()] };
  if (action === 'ny-yaml')
    return { ...form, blocks: [...blocks, { type: 'yaml', orig: '', yaml: 'table:\n  kind: response-rates\n  title: \n' }] };
  return undefined;
}

function numbers(value: string, path: string, problems: FormProblem[], many: boolean): number[] | undefined {
  if (value === '') return undefined;
  const parts = value.split(/[\s,;]+/).filter((s) => s !== '');
  if (parts.every((s) => /^[+-]?\d{1,9}$/.test(s)) && (many || parts.length === 1)) return parts.map(Number);
  problems.push({ path, problem: many ? msg('reportdef.whole_numbers', { value }) : msg('reportdef.whole_number', { value }) });
  return undefined;
}

function figureOf(b: Extract<BlockForm, { type: 'figure' }>, was: BlockSpec | undefined, at: string, problems: FormProblem[]): unknown {
  const fig: Record<string, unknown> = was && 'figure' in was ? { ...was.figure } : {};
  const set = (k: string, v: unknown) => {
    if (v === undefined || v === '') delete fig[k];
    else fig[k] = v;
  };
  const f = b.f;
  set('kind', f.kind);
  for (const k of ['id', 'title', 'who', 'note'] as const) set(k, f[k]);
  const by = f.by.split(',').filter((k) => k !== '');
  set('by', by.length > 1 ? by : by[0]);
  for (const k of ['codes', 'exclude', 'classes'] as const) set(k, numbers(f[k], `${at}.${k}`, problems, true));
  set('excludeExtras', f.excludeExtras !== '' ? true : undefined);
  const from = numbers(f.from, `${at}.years`, problems, false);
  const to = numbers(f.to, `${at}.years`, problems, false);
  set('years', from === undefined && to === undefined ? undefined : [from?.[0] ?? null, to?.[0] ?? null]);
  fig.questions = b.questions
    .filter((q) => q.ref !== '')
    .map((q, j) => {
      const [role, question, ...rest] = q.ref.split('/');
      if (!role || !question || rest.length > 0)
        problems.push({ path: `${at}.questions[${j}]`, problem: msg('reportdef.unknown_question', { value: q.ref }) });
      return { role, question, ...(q.label ? { label: q.label } : {}) };
    });
  return fig;
}

/**
 * The chapter the form describes (not yet validated: the definition's schema does that and names
 * the path of each problem), with the problems found reading its fields. `was` is the chapter the
 * form was drawn from, whose figures lend their other settings.
 */
export function formChapter(form: ChapterForm, was: Chapter | undefined, ci: number): { chapter: unknown; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const blocks = form.blocks.map((b, bi) => {
    const at = `chapters[${ci}].blocks[${bi}]`;
    const orig = b.orig === '' ? undefined : was?.blocks[Number(b.orig)];
    if (b.type === 'text') return { text: b.text };
    if (b.type === 'figure') return { figure: figureOf(b, orig, `${at}.figure`, problems) };
    try {
      const v = readStructured(b.yaml, at);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) problems.push({ path: at, problem: msg('reportdef.block_not_object') });
      return v;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ path: at, problem: e.problem });
      return {};
    }
  });
  return { chapter: { ...(form.id ? { id: form.id } : {}), title: form.title, blocks }, problems };
}

/** The known figure kinds, for the form's list (a stored kind the list lacks is added where shown). */
export const kinds: readonly string[] = figureKinds;
