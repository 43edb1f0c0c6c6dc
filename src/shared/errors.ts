/**
 * The one error model of Kommunepuls.
 *
 * Services throw `AppError` with a stable code and a catalogue message (shared/i18n): the CLI
 * prints it as one line in its language and exits non-zero, the web words it in the page's
 * language and maps the code to an HTTP status. Anything that is not an AppError is a
 * bug: it is logged and answered with a generic message so nothing internal leaks.
 */

import { type Message, msg, say } from './i18n/message.ts';
import type { Lang } from './i18n/types.ts';

export type ErrorCode =
  | 'invalid_input' // a file, a form or an argument did not validate
  | 'not_found'
  | 'conflict' // the request clashes with what is stored (e.g. a round that exists)
  | 'forbidden'
  | 'config';

const httpStatus: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  config: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The problem, as a catalogue message (worded per language where it is shown). */
  readonly problem: Message;
  /** Further problems of the same kind, beyond the first (e.g. more bad CSV rows). */
  readonly more: readonly Message[];
  /** How many of `more` the one-line wording counts: none when they only explain the problem. */
  private readonly counted: number;

  /**
   * `message` is the English wording (logs, and the CLI unless it is set to another language).
   * With `explains`, `more` details the one problem (a refusal and each unit behind it) and is
   * not counted as "(and N more problems)".
   */
  constructor(code: ErrorCode, problem: Message, more: readonly Message[] = [], options: { readonly explains?: boolean } = {}) {
    const counted = options.explains ? 0 : more.length;
    super(withCount(say(problem, 'en'), counted, 'en'));
    this.name = 'AppError';
    this.code = code;
    this.problem = problem;
    this.more = more;
    this.counted = counted;
  }

  get status(): number {
    return httpStatus[this.code];
  }

  /** The first problem in a language, with "(and N more problems)" when there are more. */
  text(lang: Lang): string {
    return withCount(say(this.problem, lang), this.counted, lang);
  }

  /** Every problem in a language, the first one included, each on its own. */
  texts(lang: Lang): string[] {
    return [this.problem, ...this.more].map((m) => say(m, lang));
  }
}

function withCount(first: string, more: number, lang: Lang): string {
  return more > 0 ? `${first} ${say(msg('common.and_more', { n: more }), lang)}` : first;
}

export const invalid = (problem: Message, more: readonly Message[] = []): AppError => new AppError('invalid_input', problem, more);
export const notFound = (problem: Message): AppError => new AppError('not_found', problem);
export const conflict = (problem: Message): AppError => new AppError('conflict', problem);

/**
 * Collects problems found while checking a whole input, so one run reports the first problem and
 * how many more there are instead of stopping at the first and hiding the rest.
 */
export class ProblemList {
  private readonly problems: Message[] = [];

  add(problem: Message): void {
    this.problems.push(problem);
  }

  get count(): number {
    return this.problems.length;
  }

  /** Throws an AppError naming the first problem (and the count of the others) if there are any. */
  throwIfAny(): void {
    const [first, ...rest] = this.problems;
    if (first === undefined) return;
    throw invalid(first, rest);
  }
}
