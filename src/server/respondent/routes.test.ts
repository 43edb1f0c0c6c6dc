import assert from 'node:assert/strict';
import { ensureLinks, reissueLink } from '../../collect/link.service.ts';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';

const template = writeMiniTemplate();
const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>'"&`;

async function setUp(store: Store, clock = '2020-01-15T10:00:00Z', registry = miniRegistryCsv, templateName = template) {
  await importRegistry(store, 2019, registry, 'r.csv');
  await createRound(store, { year: 2019, template: templateName });
  const link = (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === '0303');
  assert.ok(link);
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: clock }));
  const base = `/s/${link.token}`;
  const csrfOf = async (path: string) => {
    const body = await (await app.request(path)).text();
    const m = body.match(/name="_csrf" value="([^"]+)"/);
    assert.ok(m, `no CSRF field on ${path}`);
    return m[1] as string;
  };
  const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
    return app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  };
  return { app, base, token: link.token, csrfOf, post };
}

describeStores('respondent pages', (test) => {
  test('walks from the start page through the pages to the review, submit and receipt', async (store) => {
    const { app, base, csrfOf, post } = await setUp(store);
    const start = await app.request(base);
    assert.equal(start.status, 200);
    const startHtml = await start.text();
    assert.match(startHtml, /Storvik – skjema for kommunedirektør/);
    assert.match(startHtml, /åpen fra 3\. januar 2020 til og med 29\. januar 2020/);
    const csrf = await csrfOf(`${base}/side/om_deg`);
    const first = await post(`${base}/side/om_deg`, { _csrf: csrf, action: 'next', 'q.rolle': 'Rådmann' });
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), `${base}/side/tema`);
    const reveal = await post(`${base}/side/tema`, { _csrf: csrf, action: 'next', 'q.samarbeid': '1' });
    assert.equal(
      reveal.headers.get('location'),
      `${base}/side/tema?nye=samarbeid_med#q-samarbeid_med`,
      'a revealed follow-up keeps the respondent on the page',
    );
    const shown = await (await app.request(`${base}/side/tema?nye=samarbeid_med`)).text();
    assert.match(shown, /<div class="q-wrap" id="q-samarbeid_med" data-show-if="[^"]+">/);
    const done = await post(`${base}/side/tema`, { _csrf: csrf, action: 'next', 'q.samarbeid': '1', 'q.samarbeid_med': ['2'] });
    assert.equal(done.headers.get('location'), `${base}/oppsummering`);
    const review = await (await app.request(`${base}/oppsummering`)).text();
    assert.match(review, /<dd>Rådmann<\/dd>/);
    assert.match(review, /<dd>Skole<\/dd>/);
    const sent = await post(`${base}/send`, { _csrf: csrf });
    assert.equal(sent.headers.get('location'), `${base}/kvittering`);
    const receipt = await (await app.request(`${base}/kvittering`)).text();
    assert.match(receipt, /Takk! Svarene er sendt inn/);
    assert.match(receipt, /sendt inn 15\.01\.2020/);
  });

  test('shows a page with errors again with a summary linking to the fields and what was typed', async (store) => {
    const { base, csrfOf, post } = await setUp(store);
    const csrf = await csrfOf(`${base}/side/tema`);
    const res = await post(`${base}/side/tema`, { _csrf: csrf, action: 'next', 'q.har_oversikt': '1', 'q.antall': '9999' });
    assert.equal(res.status, 422);
    const body = await res.text();
    assert.match(
      body,
      /<div class="error-summary" role="alert"[^>]*>.*<a href="#f-antall">[^<]*Hvor mange\?: Tallet kan ikke være større enn 500<\/a>/s,
    );
    assert.match(body, /<title>Feil: Tema/);
    assert.match(body, /id="f-antall" name="q\.antall" value="9999" aria-describedby="f-antall-range f-antall-error" aria-invalid="true"/);
  });

  test('refuses a post without the form token or from another origin, and saves nothing', async (store) => {
    const { app, base, csrfOf, post } = await setUp(store);
    const csrf = await csrfOf(`${base}/side/om_deg`);
    assert.equal((await post(`${base}/side/om_deg`, { action: 'next', 'q.rolle': 'A' })).status, 403);
    assert.equal((await post(`${base}/side/om_deg`, { _csrf: `${csrf.slice(0, -2)}xx`, 'q.rolle': 'B' })).status, 403);
    assert.equal(
      (await post(`${base}/side/om_deg`, { _csrf: csrf, 'q.rolle': 'C' }, { origin: 'https://evil.example', host: 'localhost' })).status,
      403,
    );
    assert.equal((await post(`${base}/send`, {})).status, 403);
    const page = await (await app.request(`${base}/side/om_deg`)).text();
    assert.match(page, /name="q\.rolle" value=""/);
    assert.equal(
      (await post(`${base}/side/om_deg`, { _csrf: csrf, 'q.rolle': 'D' }, { origin: 'http://localhost', host: 'localhost' })).status,
      303,
    );
  });

  test('does not accept one link’s form token on another link', async (store) => {
    const { app, base, csrfOf, post } = await setUp(store);
    const csrf = await csrfOf(`${base}/side/om_deg`);
    const other = (await ensureLinks(store, 2019, 'skolesjef'))[0];
    assert.ok(other);
    assert.equal((await post(`/s/${other.token}/side/om_deg`, { _csrf: csrf, 'q.rolle': 'x' })).status, 403);
    assert.ok(app);
  });

  test('escapes script in free text, "annet" text and registry names on every page', async (store) => {
    const registry = miniRegistryCsv.replace('0303;Storvik', `0303;"${xss.replace(/"/g, '""')}"`);
    const { app, base, csrfOf, post } = await setUp(store, undefined, registry);
    const csrf = await csrfOf(`${base}/side/om_deg`);
    await post(`${base}/side/om_deg`, { _csrf: csrf, 'q.rolle': xss.slice(0, 190) });
    await post(`${base}/side/tema`, { _csrf: csrf, 'q.samarbeid': '1', 'q.samarbeid_med': ['3'], 'q.samarbeid_med.tekst': xss });
    // and a draft with the payload (a page with an error shows it back)
    await post(`${base}/side/tema`, { _csrf: csrf, 'q.samarbeid': '1', 'q.samarbeid_med': ['3', '4'], 'q.samarbeid_med.tekst': xss });
    await post(`${base}/send`, { _csrf: csrf });
    for (const path of [base, `${base}/side/om_deg`, `${base}/side/tema`, `${base}/oppsummering`, `${base}/kvittering`, `${base}/lagret`]) {
      const body = await (await app.request(path)).text();
      assert.ok(!body.includes('<script>alert'), `${path} contains the script unescaped`);
      assert.ok(!body.includes('<img src=x'), `${path} contains the img unescaped`);
      assert.ok(!/onerror=alert\(1\)>'"/.test(body), path);
    }
    const tema = await (await app.request(`${base}/side/tema`)).text();
    assert.ok(tema.includes('value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&#39;&quot;&amp;"'));
  });

  test('answers unknown, malformed and revoked links with the same plain 404', async (store) => {
    const { app, token } = await setUp(store);
    await reissueLink(store, 2019, 'kommunedirektor', '0303');
    const bodies = [];
    for (const path of [`/s/${token}`, '/s/abc', `/s/${'A'.repeat(43)}`, `/s/${token}/oppsummering`]) {
      const res = await app.request(path);
      assert.equal(res.status, 404, path);
      bodies.push(await res.text());
    }
    assert.equal(new Set(bodies).size, 1);
    assert.ok(!bodies[0]?.includes('Storvik'));
  });

  test('slows down an address that keeps guessing links, but still opens a valid link for it', async (store) => {
    const { app, base } = await setUp(store);
    let status = 0;
    for (let i = 0; i < 31; i++) status = (await app.request(`/s/${'B'.repeat(40)}${i}`)).status;
    assert.equal(status, 429);
    assert.equal((await app.request(base)).status, 200, 'a valid link is never blocked');
  });

  test('shows the dates instead of the form before and after the window', async (store) => {
    const before = await setUp(store, '2020-01-02T22:59:00Z');
    const early = await (await before.app.request(`${before.base}/side/om_deg`)).text();
    assert.match(early, /Undersøkelsen er ikke åpen ennå/);
    assert.match(early, /fra 3\. januar 2020 til og med 29\. januar 2020/);
    assert.doesNotMatch(early, /<form/);
    const after = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-01-29T23:00:00Z' }));
    const late = await after.request(before.base);
    assert.match(await late.text(), /Undersøkelsen er avsluttet/);
    const posted = await after.request(`${before.base}/side/om_deg`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: await before.csrfOf(`${before.base}`).catch(() => 'x'), 'q.rolle': 'late' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.notEqual(posted.status, 303, 'nothing is saved after the window closed');
  });

  test('switches language where the questionnaire has it and remembers the choice', async (store) => {
    const { app, base } = await setUp(store, undefined, miniRegistryCsv, 'kommuneundersokelse-2019');
    const en = await app.request(`${base}?lang=en`);
    const body = await en.text();
    assert.ok(body.includes('<html lang="en">'));
    assert.ok(body.includes('Questionnaire for the municipal director'), 'the questionnaire title in English');
    const cookie = en.headers.get('set-cookie') ?? '';
    assert.match(cookie, /kp_lang=en/);
    assert.match(cookie, /HttpOnly/);
    const next = await (await app.request(`${base}/side/om_deg`, { headers: { cookie: cookie.split(';')[0] as string } })).text();
    assert.ok(next.includes('Page 1 of 4'));
    const nn = await (await app.request(`${base}/side/om_deg?lang=nn`)).text();
    assert.ok(nn.includes('<html lang="nn">') && nn.includes('Lagre og hald fram seinare'));
  });

  test('stays in bokmål when the questionnaire has no translation', async (store) => {
    const { app, base } = await setUp(store);
    const body = await (await app.request(`${base}?lang=en`)).text();
    assert.ok(body.includes('<html lang="nb">'));
    assert.ok(!body.includes('aria-label="Språk"'), 'no language switch with one language');
  });

  test('sends respondent pages uncached under a script-hash Content-Security-Policy', async (store) => {
    const { app, base } = await setUp(store);
    const res = await app.request(`${base}/side/tema`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    const body = await res.text();
    assert.doesNotMatch(body, /(src|href)="https?:/, 'no third-party requests');
  });
});
