/**
 * Problems of a report definition placed where they are: a definition's problems name the path of
 * their field (`chapters[1].blocks[0].text: {{share …}}: …`, from the schema, from a placeholder
 * or from a figure the build could not compute). Here each is split into that path and its text
 * without it, and the path is read as chapter, block, field and question row, so the editor can
 * show the problem beside the field it is about.
 */
import type { AppError } from '../../shared/errors.ts';
import { isMessage, type Message, msg, say } from '../../shared/i18n/message.ts';

export interface PlacedProblem {
  /** The definition path ('' when the problem names none). */
  readonly path: string;
  /** The problem in bokmål, without its path. */
  readonly text: string;
}

const wording = (v: unknown): string => (isMessage(v) ? say(v, 'nb') : String(v));

/** A message as path and text: the outermost location it names, and what it says there. */
export function placeMessage(m: Message): PlacedProblem {
  const p = m.params as Record<string, unknown>;
  if (m.key === 'validation.in_file' && isMessage(p.what)) return placeMessage(p.what);
  if (m.key === 'common.at' && typeof p.where === 'string') {
    const inner = isMessage(p.what) ? placeMessage(p.what) : undefined;
    // A figure's problem at `…figure` may name a field of its own inside ("questions[0]: …").
    if (inner?.path && /^[a-z]/i.test(inner.path) && !inner.path.startsWith('chapters'))
      return { path: `${p.where}.${inner.path}`, text: inner.text };
    return { path: p.where, text: inner ? (inner.path ? `${inner.path}: ${inner.text}` : inner.text) : wording(p.what) };
  }
  if (m.key === 'report.in_placeholder' && typeof p.where === 'string')
    return { path: p.where, text: `{{${String(p.placeholder)}}}: ${wording(p.what)}` };
  if (m.key === 'validation.zod' && typeof p.path === 'string')
    return { path: p.path, text: say(msg('validation.zod', { path: '', issue: p.issue as never }), 'nb') };
  return { path: '', text: say(m, 'nb') };
}

/** Every problem of an error (its first and the rest), placed. */
export function placeError(e: AppError): PlacedProblem[] {
  return [e.problem, ...e.more].map(placeMessage);
}

export interface FieldAt {
  readonly chapter?: number;
  readonly block?: number;
  /** A chapter's field (`title`, `id`) or a block's (`text`, a figure setting, `questions`). */
  readonly field?: string;
  /** The question row of a figure. */
  readonly question?: number;
}

/** Where in the definition a path points. */
export function fieldAt(path: string): FieldAt {
  const m = /^chapters\[(\d+)\](?:\.blocks\[(\d+)\](?:\.(text|figure|table)(?:\.([A-Za-z]+)(?:\[(\d+)\])?)?)?|\.([A-Za-z]+))?/.exec(path);
  if (!m) return {};
  const chapter = Number(m[1]);
  if (m[6]) return { chapter, field: m[6] };
  if (m[2] === undefined) return { chapter };
  const block = Number(m[2]);
  if (m[3] === 'text') return { chapter, block, field: 'text' };
  if (m[3] !== 'figure' || !m[4]) return { chapter, block };
  if (m[4] === 'questions' && m[5] !== undefined) return { chapter, block, field: 'questions', question: Number(m[5]) };
  // The form shows a trend's years as two fields, "from" and "to".
  return { chapter, block, field: m[4] === 'years' ? 'from' : m[4] };
}

/** The problems of one chapter, or of the definition outside every chapter (`chapter` undefined). */
export function problemsOf(problems: readonly PlacedProblem[], chapter: number | undefined): PlacedProblem[] {
  return problems.filter((p) => fieldAt(p.path).chapter === chapter);
}
