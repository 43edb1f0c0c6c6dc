/**
 * The guard against unstorable and unbounded text in the survey team's forms: a field over its
 * stated limit (limits.ts fieldLimits) is refused like a forbidden character, and a POST behind the login whose
 * fields hold a character Kommunepuls does not store (NUL and other control characters, see
 * shared/text.ts) is refused whole with a 400 page naming the field, before any route sees it.
 * One guard for every form (contacts, follow-up notes, letters, the questionnaire editor, …)
 * instead of a check in each; PostgreSQL would refuse a NUL with a 500, SQLite would keep it.
 * Uploaded files are not looked at here: the import that reads a file checks it, line by line.
 */
import type { MiddlewareHandler } from 'hono';
import { html } from '../shared/html.ts';
import { type Message, msg, say } from '../shared/i18n/message.ts';
import { codePointLabel, findForbidden, shorten } from '../shared/text.ts';
import type { AdminEnv } from './admin/auth.ts';
import { page } from './layout.ts';
import { fieldLimits } from './limits.ts';

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The first posted field (name or value) with a forbidden character, worded in Norwegian. */
export function forbiddenField(body: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(body)) {
    const field = `«${shorten(name, 40)}»`;
    const inName = findForbidden(name);
    if (inName) return `Navnet på feltet ${field} har tegnet ${codePointLabel(inName.codePoint)}, som ikke kan lagres.`;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v !== 'string') continue;
      const bad = findForbidden(v);
      if (!bad) continue;
      const where = v.includes('\n') ? `linje ${bad.line}, tegn ${bad.column}` : `tegn nummer ${bad.column}`;
      return `Feltet ${field} har et usynlig kontrolltegn eller et ugyldig tegn (${codePointLabel(bad.codePoint)}) i ${where}. Slike tegn kan ikke lagres.`;
    }
  }
  return undefined;
}

/** The first field over a stated limit (fieldLimits). */
export function oversizedField(body: Record<string, unknown>): Message | undefined {
  const names = Object.keys(body);
  const count = names.reduce((n, k) => n + (Array.isArray(body[k]) ? (body[k] as unknown[]).length : 1), 0);
  if (count > fieldLimits.count) return msg('web.too_many_fields', { count, max: fieldLimits.count });
  for (const name of names) {
    if (name.length > fieldLimits.nameChars) return msg('web.field_name_too_long', { length: name.length, max: fieldLimits.nameChars });
    const value = body[name];
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && v.length > fieldLimits.chars)
        return msg('web.field_too_long', { field: shorten(name, 40), length: v.length, max: fieldLimits.chars });
    }
  }
  return undefined;
}

export function textHygiene(): MiddlewareHandler<AdminEnv> {
  return async (c, next) => {
    // Only logged-in POSTs: adminAuth has set the user (the respondents' form checks its own fields).
    if (c.req.method !== 'POST' || c.get('user') === undefined) return next();
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!formTypes.some((t) => type.startsWith(t))) return next();
    const body = await c.req.parseBody({ all: true });
    const tooLong = oversizedField(body);
    if (tooLong !== undefined) {
      return c.html(
        page(
          'Ikke lagret',
          html`<h1>Ingenting ble lagret</h1>
<div class="error-summary" role="alert" tabindex="-1"><p>${say(tooLong, 'nb')}</p></div>
<p>Gå tilbake, gjør teksten kortere og prøv igjen.</p>
<p><a href="/">Til oversikten</a></p>`,
          c.get('viewer'),
        ),
        400,
      );
    }
    const problem = forbiddenField(body);
    if (problem === undefined) return next();
    return c.html(
      page(
        'Ikke lagret',
        html`<h1>Ingenting ble lagret</h1>
<div class="error-summary" role="alert" tabindex="-1"><p>${problem}</p></div>
<p>Teksten har trolig fått med seg et tegn fra en annen fil eller et annet program. Gå tilbake, skriv eller lim inn teksten på nytt uten tegnet, og prøv igjen.</p>
<p><a href="/">Til oversikten</a></p>`,
        c.get('viewer'),
      ),
      400,
    );
  };
}
