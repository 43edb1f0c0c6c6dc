/**
 * The one error model of Kommunepuls.
 *
 * Services throw `AppError` with a stable code; the CLI prints its message as one line and
 * exits non-zero, the web maps the code to an HTTP status. Anything that is not an AppError is a
 * bug: it is logged and answered with a generic message so nothing internal leaks.
 */

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
  /** Further problems of the same kind, beyond the one in `message` (e.g. more bad CSV rows). */
  readonly details: readonly string[];

  constructor(code: ErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return httpStatus[this.code];
  }
}

export const invalid = (message: string, details: readonly string[] = []): AppError => new AppError('invalid_input', message, details);
export const notFound = (message: string): AppError => new AppError('not_found', message);
export const conflict = (message: string): AppError => new AppError('conflict', message);

/**
 * Collects problems found while checking a whole input, so one run reports the first problem and
 * how many more there are instead of stopping at the first and hiding the rest.
 */
export class ProblemList {
  private readonly problems: string[] = [];

  add(problem: string): void {
    this.problems.push(problem);
  }

  get count(): number {
    return this.problems.length;
  }

  /** Throws an AppError naming the first problem (and the count of the others) if there are any. */
  throwIfAny(): void {
    const [first, ...rest] = this.problems;
    if (first === undefined) return;
    const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    throw invalid(`${first}${more}`, rest);
  }
}
