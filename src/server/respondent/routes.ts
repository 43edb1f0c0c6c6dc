/**
 * HTTP for respondents: `/s/<token>` and the pages below it. Thin: it resolves the link, checks
 * the window and the CSRF token, and hands the posted fields to the form service (a post's body
 * is read only after its link is found, and is capped by body-limit.ts). Links are never logged;
 * unknown links all get the same plain 404, and an address that keeps guessing gets 429 for
 * unknown links.
 *
 * A link that exists is never refused, however many wrong ones its address tried: behind a
 * proxy or a municipality's shared NAT many respondents share one address, and blocking valid
 * links would let one person (or one typo-prone browser) lock all of them out. This gives a
 * blocked guesser nothing: they could tell a hit from a miss anyway (200 against 429), but
 * tokens are 256 random bits (link.service.ts), so with about 1 300 live links one guess hits
 * with probability 2^-245; no rate a server can answer makes that a real chance. The link's
 * secrecy rests on its entropy, not on the limiter, which only tells a scanner to stop (429
 * with Retry-After) in a way clients and monitoring notice.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  type FormContext,
  formState,
  hasPage,
  openForm,
  pages as pagesOf,
  questionNumbers,
  rememberSection,
  saveSection,
  sectionForm,
  submit,
} from '../../collect/form.service.ts';
import type { RawForm } from '../../collect/form.ts';
import { looksLikeToken } from '../../collect/link.service.ts';
import { type Language, languages } from '../../questionnaire/model.ts';
import { isOpen } from '../../round/round.service.ts';
import type { Clock } from '../../shared/clock.ts';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../../store/store.ts';
import { type Csrf, sameOrigin } from '../csrf.ts';
import { type Now, rateLimiter } from '../rate-limit.ts';
import { respondentComparePage } from './compare.pages.ts';
import { respondentPolicy } from './layout.ts';
import {
  expiredFormPage,
  outsideWindowPage,
  pageHref,
  receiptPage,
  reviewPage,
  savedPage,
  sectionPage,
  startPage,
  unknownLinkPage,
  type View,
} from './pages.ts';

export interface RespondentOptions {
  readonly clock: Clock;
  readonly csrf: () => Promise<Csrf>;
  readonly secureCookies: boolean;
  /** The client's address (client-address.ts), the key of the guessing limit. */
  readonly clientAddress: (c: Context) => string;
  /** Unknown links one address may try per window before it gets 429 for unknown links. */
  readonly guessLimit?: number;
  readonly guessWindowMs?: number;
  /** The guessing limiter's clock in milliseconds. */
  readonly now?: Now;
}

const langCookie = 'kp_lang';

function toRaw(body: Record<string, unknown>): RawForm {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function respondentRoutes(store: Store, opts: RespondentOptions): Hono {
  const app = new Hono();
  const guesses = rateLimiter(opts.guessLimit ?? 30, opts.guessWindowMs ?? 10 * 60_000, opts.now);

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', respondentPolicy);
    c.header('Cache-Control', 'no-store');
  });

  function language(c: Context, ctx: FormContext): Language {
    const available = ctx.questionnaire.languages ?? ['nb'];
    const asked = c.req.query('lang');
    if (asked && (languages as readonly string[]).includes(asked) && (asked === 'nb' || available.includes(asked as Language))) {
      setCookie(c, langCookie, asked, {
        path: '/s',
        httpOnly: true,
        sameSite: 'Lax',
        secure: opts.secureCookies,
        maxAge: 60 * 60 * 24 * 120,
      });
      return asked as Language;
    }
    const saved = getCookie(c, langCookie);
    return saved && (saved === 'nb' || available.includes(saved as Language)) ? (saved as Language) : 'nb';
  }

  /** Resolves the link; unknown links get the plain 404 (or 429 after too many); a valid one always opens. */
  async function open(c: Context): Promise<{ ctx: FormContext; view: View } | Response> {
    const token = c.req.param('token') ?? '';
    const ip = opts.clientAddress(c);
    const ctx = looksLikeToken(token) ? await openForm(store, token) : null;
    if (!ctx) {
      if (guesses.blocked(ip)) {
        return c.html(unknownLinkPage(true), 429, { 'Retry-After': String(Math.ceil(guesses.retryAfterMs(ip) / 1000)) });
      }
      guesses.hit(ip);
      return c.html(unknownLinkPage(false), 404);
    }
    const csrf = await opts.csrf();
    return { ctx, view: { ctx, lang: language(c, ctx), base: `/s/${token}`, csrf: csrf.token(token) } };
  }

  /** The window check: outside it, the friendly page with the dates (and the receipt if submitted). */
  async function outside(c: Context, view: View): Promise<Response | null> {
    const now = opts.clock();
    if (isOpen(view.ctx.round, now)) return null;
    const state = await formState(store, view.ctx);
    const shown =
      state.status === 'submitted' ? { state, pages: pagesOf(view.ctx, state.answers), numbers: questionNumbers(view.ctx) } : null;
    return c.html(outsideWindowPage(view, now < view.ctx.round.opensAt ? 'before' : 'after', shown), 200);
  }

  async function checkPost(c: Context, view: View, body: RawForm): Promise<Response | null> {
    const headers = {
      origin: c.req.header('origin'),
      referer: c.req.header('referer'),
      host: c.req.header('host'),
      fetchSite: c.req.header('sec-fetch-site'),
    };
    const csrf = await opts.csrf();
    const given = body._csrf;
    if (!sameOrigin(headers) || !csrf.verify(view.base.slice(3), typeof given === 'string' ? given : undefined)) {
      return c.html(expiredFormPage(view, c.req.path), 403);
    }
    return null;
  }

  app.get('/:token', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    const state = await formState(store, o.ctx);
    return c.html(startPage(o.view, state, pagesOf(o.ctx, state.answers)));
  });

  app.get('/:token/side/:section', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    const state = await formState(store, o.ctx);
    const pages = pagesOf(o.ctx, state.answers);
    const index = pages.findIndex((p) => p.section.key === c.req.param('section'));
    if (index < 0) return c.redirect(o.view.base, 303);
    const key = (pages[index] as (typeof pages)[number]).section.key;
    const form = sectionForm(o.ctx, state, key);
    await rememberSection(store, o.ctx, key, opts.clock());
    const revealed = (c.req.query('nye') ?? '').split('.').filter((k) => form.asked.has(k));
    return c.html(sectionPage(o.view, { pages, index, ...form, numbers: questionNumbers(o.ctx), revealed }));
  });

  app.post('/:token/side/:section', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const body = toRaw(await c.req.parseBody({ all: true }));
    const refused = await checkPost(c, o.view, body);
    if (refused) return refused;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    const key = c.req.param('section');
    if (!hasPage(o.ctx, key)) return c.redirect(o.view.base, 303);
    const action = body.action === 'back' || body.action === 'save' ? body.action : 'next';
    const result = await saveSection(store, o.ctx, key, body, opts.clock());
    const v = o.view;
    if (action === 'save') return c.redirect(`${v.base}/lagret`, 303);
    const state = await formState(store, o.ctx);
    const pages = pagesOf(o.ctx, state.answers);
    const index = pages.findIndex((p) => p.section.key === key);
    if (result.errors.length > 0 && action === 'next') {
      const form = sectionForm(o.ctx, state, key);
      return c.html(sectionPage(v, { pages, index, ...form, numbers: questionNumbers(o.ctx), revealed: [] }), 422);
    }
    if (action === 'back') {
      const prev = pages[index - 1];
      return c.redirect(prev ? pageHref(v, prev.section.key) : v.base, 303);
    }
    if (result.revealed.length > 0) return c.redirect(`${pageHref(v, key)}?nye=${result.revealed.join('.')}#q-${result.revealed[0]}`, 303);
    const next = pages[index + 1];
    return c.redirect(next ? pageHref(v, next.section.key) : `${v.base}/oppsummering`, 303);
  });

  app.get('/:token/oppsummering', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    const state = await formState(store, o.ctx);
    return c.html(reviewPage(o.view, state, pagesOf(o.ctx, state.answers), questionNumbers(o.ctx)));
  });

  app.post('/:token/send', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const body = toRaw(await c.req.parseBody({ all: true }));
    const refused = await checkPost(c, o.view, body);
    if (refused) return refused;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    try {
      await submit(store, o.ctx, opts.clock());
    } catch (e) {
      if (e instanceof AppError && e.code === 'conflict') return c.redirect(`${o.view.base}/oppsummering`, 303);
      throw e;
    }
    return c.redirect(`${o.view.base}/kvittering`, 303);
  });

  app.get('/:token/kvittering', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const closed = await outside(c, o.view);
    if (closed) return closed;
    const state = await formState(store, o.ctx);
    if (state.status !== 'submitted') return c.redirect(`${o.view.base}/oppsummering`, 303);
    return c.html(receiptPage(o.view, state, pagesOf(o.ctx, state.answers), questionNumbers(o.ctx), true));
  });

  app.get('/:token/lagret', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    const state = await formState(store, o.ctx);
    const resume = state.currentSection ? pageHref(o.view, state.currentSection) : o.view.base;
    return c.html(savedPage(o.view, resume));
  });

  app.get('/:token/sammenlign', async (c) => {
    const o = await open(c);
    if (o instanceof Response) return o;
    return c.html(await respondentComparePage(store, o.view, opts.clock()));
  });

  app.all('*', (c) => c.html(unknownLinkPage(false), 404));
  return app;
}
