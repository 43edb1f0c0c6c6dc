/**
 * Turning zod's issues into messages that name the path of the bad field the way a person reads
 * it in a YAML/JSON file: `kommunedirektor.questions[4].options[2].code: duplicate code 3`.
 */
import type { z } from 'zod';
import { invalid } from './errors.ts';
import { forbiddenProblem } from './text.ts';

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

export function issueMessages(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((i) => {
    const where = formatPath(i.path, prefix);
    return where === '' ? i.message : `${where}: ${i.message}`;
  });
}

/** Parses with the schema or throws one AppError naming the first bad path (and how many more). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = '', file?: string): z.infer<S> {
  const bad = forbiddenProblem(value, (path) => formatPath(path, prefix)); // no control characters etc. in any string (text.ts)
  if (bad !== undefined) throw invalid(`${file ? `${file}: ` : ''}${bad}`);
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const [first = 'invalid', ...rest] = issueMessages(r.error, prefix);
  const lead = file ? `${file}: ` : '';
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
  throw invalid(`${lead}${first}${more}`, rest);
}
