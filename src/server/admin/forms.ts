/**
 * Reading the survey team's form posts: text fields trimmed, uploaded files by field name, and
 * which service errors are the user's to fix (shown on the form) rather than bugs.
 */
import type { Context } from 'hono';
import { AppError } from '../../shared/errors.ts';
import type { AdminEnv } from './auth.ts';

export const isYear = (s: string) => /^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2200;

export async function form(
  c: Context<AdminEnv>,
): Promise<{ fields: Record<string, string>; file: File | undefined; files: Map<string, File> }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = {};
  const files = new Map<string, File>();
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[k] = v.trim();
    else if (v instanceof File && v.size > 0) files.set(k, v);
  }
  return { fields, file: files.get('fil'), files };
}

/** An uploaded file as the services take it: its bytes and its name (for messages). */
export const fileInput = async (f: File) => ({ text: Buffer.from(await f.arrayBuffer()), file: f.name });

/** Whether a failed service call is the user's to fix (shown on the form) rather than a bug. */
export const userError = (e: unknown): e is AppError =>
  e instanceof AppError && (e.code === 'invalid_input' || e.code === 'not_found' || e.code === 'conflict');
