/**
 * Turning zod's issues into catalogue messages that name the path of the bad field the way a
 * person reads it in a YAML/JSON file: `kommunedirektor.questions[4].options[2].code: …`.
 *
 * zod's own issues (wrong type, unknown option, too long …) are worded by zod's locales in the
 * language of the page or CLI. Our own checks (`refine`/`superRefine`/`addIssue`) must carry a
 * catalogue message in `params.message` (spread `issue(msg(…))` below): a plain English
 * `message` would reach Norwegian pages, and a test refuses it.
 */
import type { z } from 'zod';
import { invalid } from './errors.ts';
import { isMessage, type Message, msg } from './i18n/message.ts';
import { forbiddenProblem } from './text.ts';

export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** One zod issue as a message: our own message at its path, or zod's issue worded by zod. */
export function issueMessage(issue: z.core.$ZodIssue, prefix = ''): Message {
  const path = formatPath(issue.path, prefix);
  const own = issue.code === 'custom' ? (issue.params as { message?: unknown } | undefined)?.message : undefined;
  if (isMessage(own)) return path === '' ? own : msg('common.at', { where: path, what: own });
  return msg('validation.zod', { path, issue });
}

export function issueMessages(error: z.ZodError, prefix = ''): Message[] {
  return error.issues.map((i) => issueMessage(i, prefix));
}

/** The params of a custom zod issue that carries a catalogue message: `ctx.addIssue({ code: 'custom', ...issue(m) })`. */
export function issue(message: Message): { message: string; params: { message: Message } } {
  return { message: message.key, params: { message } };
}

/** Parses with the schema or throws one AppError naming the first bad path (and how many more). */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = '', file?: string): z.infer<S> {
  const inFile = (m: Message) => (file ? msg('validation.in_file', { file, what: m }) : m);
  const bad = forbiddenProblem(value, (path) => formatPath(path, prefix)); // no control characters etc. in any string (text.ts)
  if (bad !== undefined) throw invalid(inFile(bad));
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const [first, ...rest] = issueMessages(r.error, prefix);
  throw invalid(inFile(first ?? msg('common.invalid_input')), rest);
}
