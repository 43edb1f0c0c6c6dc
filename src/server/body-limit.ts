/**
 * Enforces the body limits of limits.ts in front of everything else, including the admin guard
 * that reads every POST for its CSRF token. A declared Content-Length over the limit is refused
 * before a byte is read. Any other body (chunked, or a Content-Length within the limit) is
 * replaced by a counting stream that fails as soon as more than the limit has come in; nothing
 * is read until a handler asks for the body, so a POST that is refused anyway (no session, an
 * unknown link) costs no reading at all, and whoever reads it holds at most the limit in memory.
 * (hono/body-limit would do the same for Content-Length, but for a chunked body it reads the
 * whole body up to the limit before the next handler runs, also for requests the guard refuses.)
 * The failure surfaces as a BodyTooLargeError from `parseBody`, which app.ts answers with 413.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Language } from '../questionnaire/model.ts';
import { html } from '../shared/html.ts';
import { page } from './layout.ts';
import { type BodyLimit, bodyLimitFor, readableSize } from './limits.ts';
import { respondentPage, respondentPolicy } from './respondent/layout.ts';
import { strings } from './respondent/strings.ts';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: BodyLimit) {
    super(`request body over ${limit.bytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** `body`, failing with BodyTooLargeError once more than `limit.bytes` have passed; never buffers. */
function counted(body: ReadableStream<Uint8Array>, limit: BodyLimit): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let size = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      size += value.byteLength;
      if (size > limit.bytes) {
        controller.error(new BodyTooLargeError(limit));
        reader.cancel().catch(() => undefined);
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

export function bodyLimit(limitFor: (path: string) => BodyLimit = bodyLimitFor): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const limit = limitFor(c.req.path);
    const declared = c.req.header('content-length');
    if (declared !== undefined && Number(declared) > limit.bytes) return tooLarge(c, limit);
    c.req.raw = new Request(c.req.raw, { body: counted(body, limit), duplex: 'half' });
    return next();
  };
}

const respondentLanguage = (c: Context): Language => {
  const saved = getCookie(c, 'kp_lang');
  return saved === 'nn' || saved === 'en' ? saved : 'nb';
};

/**
 * The 413 page, in the frame of whoever sent the request: a respondent gets the respondent
 * layout in the language they chose, with a way back to their form; the survey team the admin
 * layout. The connection is closed so that the rest of a large body is not read.
 */
/** A respondent's page saying why the post was not saved, with the way back to the form. */
function respondentNotice(
  c: Context,
  status: 400 | 413,
  title: (t: (typeof strings)['nb']) => string,
  text: (t: (typeof strings)['nb'], lang: Language) => string,
) {
  const lang = respondentLanguage(c);
  const t = strings[lang];
  const form = /^\/s\/[^/]+/.exec(c.req.path)?.[0];
  c.header('Content-Security-Policy', respondentPolicy);
  return c.html(
    respondentPage(
      { lang, languages: [lang], here: null, title: title(t), surveyTitle: 'Kommunepuls', footer: false },
      html`<h1>${title(t)}</h1><p>${text(t, lang)}</p>${form ? html`<p><a href="${form}">${t.backToForm}</a></p>` : false}`,
    ),
    status,
  );
}

export function tooLarge(c: Context, limit: BodyLimit): Response {
  c.header('Connection', 'close');
  c.header('Cache-Control', 'no-store');
  if (limit.audience === 'respondent') {
    return respondentNotice(
      c,
      413,
      (t) => t.tooLargeTitle,
      (t, lang) => t.tooLarge(readableSize(limit.bytes, lang === 'en' ? 'en-GB' : 'nb-NO')),
    );
  }
  const size = readableSize(limit.bytes);
  const advice =
    limit.kind === 'upload'
      ? 'Filen er for stor. Del den opp eller fjern det som ikke trengs, og prøv igjen.'
      : limit.kind === 'login'
        ? 'Gå tilbake til innloggingen og prøv igjen.'
        : 'Gå tilbake, gjør teksten kortere og prøv igjen.';
  return c.html(
    page(
      'For stor forespørsel',
      html`<h1>Forespørselen er for stor</h1><p>Forespørselen er for stor: høyst ${size} er tillatt her. Ingenting er lagret.</p><p>${advice}</p><p><a href="${limit.kind === 'login' ? '/logg-inn' : '/'}">${limit.kind === 'login' ? 'Til innloggingen' : 'Til oversikten'}</a></p>`,
    ),
    413,
  );
}

/**
 * A form body the runtime could not parse (a multipart body cut off or with a broken boundary):
 * undici's Request.formData() rejects with this TypeError. It is the sender's fault, not a bug,
 * so it gets a 400 page instead of a 500 and a stack in the log.
 */
export function isUnreadableBody(err: unknown): boolean {
  return err instanceof TypeError && err.message.startsWith('Failed to parse body as FormData');
}

export function unreadableBody(c: Context): Response {
  c.header('Cache-Control', 'no-store');
  if (bodyLimitFor(c.req.path).audience === 'respondent') {
    return respondentNotice(
      c,
      400,
      (t) => t.unreadableTitle,
      (t) => t.unreadable,
    );
  }
  return c.html(
    page(
      'Skjemaet kunne ikke leses',
      html`<h1>Skjemaet kunne ikke leses</h1><p>Nettleseren sendte skjemaet i en form som ikke kunne leses, så ingenting er lagret. Gå tilbake, last siden på nytt og prøv igjen.</p><p><a href="/">Til oversikten</a></p>`,
    ),
    400,
  );
}
