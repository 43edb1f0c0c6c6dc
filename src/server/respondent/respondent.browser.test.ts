/**
 * The respondent forms in a real browser (Debian's Chromium through playwright-core) against a
 * real `kommunepuls serve` process on SQLite and PostgreSQL: each 2019 questionnaire answered
 * from the personal link to the receipt without JavaScript, follow-ups revealed in place with
 * JavaScript, durability across restarts and SIGKILL, axe-core on every page type, a 320 px
 * screen, and a keyboard-only walk. KOMMUNEPULS_SCREENSHOTS=<dir> also writes a screenshot of
 * each page type there.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { formState, openForm } from '../../collect/form.service.ts';
import { ensureLinks } from '../../collect/link.service.ts';
import type { Role } from '../../questionnaire/model.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores, openTestStore } from '../../store/testing.ts';
import {
  answersShown,
  assertShows,
  checkPage,
  closeBrowser,
  type Focused,
  fill,
  focusedScript,
  focusOn,
  go,
  h1,
  newPage,
  pathOf,
  press,
  sectionOf,
  textOf,
} from '../testing/browser.ts';
import { type ServerProcess, startServer } from '../testing/server-process.ts';
import { integreringsansvarlig, kommunedirektor, skolesjef, type Walk } from './respondent.walks.ts';

after(closeBrowser);

/** Inside the 2019 round's window (3–29 January 2020), and outside it on either side. */
const inWindow = '2020-01-15T10:00:00Z';
const afterWindow = '2020-02-10T10:00:00Z';
const beforeWindow = '2019-12-20T10:00:00Z';

// 3001 runs the introduction programme and settled refugees from reception centres only; 3002
// does neither; 3003 and the capital do both. 030101 is a city district (no school director).
const registryCsv = `kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;deltakere_intro;bosatt_mottak;bosatt_overforing
3001;Nordvik;30;Viken;25000;40;12;0
3002;Sørdal;30;Viken;1800;0;0;0
3003;Østby;30;Viken;60000;120;20;8
0301;Oslo;03;Oslo;690000;500;100;50
030101;Bydel Nord;03;Oslo;50000;80;10;5
`;

/** `role:unit` → `/s/<token>` */
type Links = ReadonlyMap<string, string>;

async function setUp(store: Store): Promise<Links> {
  await importRegistry(store, 2019, registryCsv, 'registry.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  return new Map((await ensureLinks(store, 2019)).map((l) => [`${l.role}:${l.unitNumber}`, `/s/${l.token}`]));
}

function linkOf(links: Links, role: Role, unit: string): string {
  const l = links.get(`${role}:${unit}`);
  assert.ok(l, `no link for ${role} ${unit}`);
  return l;
}

/** Follow-ups appear in place when the script runs: no reload, and they hide again. */
async function revealsInPlace(server: ServerProcess, base: string, spec: Walk): Promise<void> {
  const page = await newPage({ js: true });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  for (const f of spec.followUps) {
    await page.goto(`${server.url}${base}/side/${f.section}`);
    const wrap = page.locator(`#q-${f.reveals}`);
    assert.equal(await wrap.isHidden(), true, `${f.reveals} starts hidden`);
    await page.evaluate('window.kpSamePage = true');
    await fill(page, [f.trigger]);
    await wrap.waitFor({ state: 'visible', timeout: 2000 });
    assert.equal(await page.evaluate<boolean>('window.kpSamePage === true'), true, 'revealed without loading a page');
    await fill(page, [f.off]);
    await wrap.waitFor({ state: 'hidden', timeout: 2000 });
  }
  assert.deepEqual(problems, [], 'no script errors or CSP violations');
  await page.context().close();
}

async function walk(server: ServerProcess, links: Links, spec: Walk): Promise<void> {
  const base = linkOf(links, spec.role, spec.unit);
  await revealsInPlace(server, linkOf(links, spec.role, spec.jsUnit), spec);

  let page = await newPage({ js: false });
  await page.goto(`${server.url}${base}`);
  assert.equal(await textOf(page.locator('.notice')), 'Du har ikke begynt på skjemaet ennå.');
  await go(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());

  const seen: string[] = [];
  while (pathOf(page) !== `${base}/oppsummering`) {
    const section = sectionOf(page);
    assert.ok(section, `a page of questions, not ${page.url()}`);
    seen.push(section);

    for (const f of spec.followUps.filter((x) => x.section === section)) {
      const wrap = page.locator(`#q-${f.reveals}`);
      assert.equal(await wrap.isHidden(), true, `${f.reveals} is not asked yet`);
      await fill(page, [f.trigger]);
      assert.equal(await press(page, 'next'), 200);
      assert.equal(sectionOf(page), section, 'without JavaScript the same page comes back with the follow-up');
      assert.equal(new URL(page.url()).searchParams.get('nye'), f.reveals);
      assert.equal(await wrap.isVisible(), true, `${f.reveals} is asked now`);
      assert.match(await textOf(page.getByRole('status')), /Svaret ditt ga flere spørsmål på denne siden/);
      await assertShows(page, [f.trigger], 'the answer that asked the follow-up is kept');
    }

    if (spec.invalid.section === section) {
      const bad = spec.invalid;
      if (bad.prepare) await page.evaluate(bad.prepare);
      await fill(page, bad.fills);
      assert.equal(await press(page, 'next'), 422);
      assert.equal(sectionOf(page), section);
      assert.match(await page.title(), /^Feil: /);
      const summary = page.locator('.error-summary');
      assert.equal(await focusOn(page, 'error-summary'), 'error-summary', 'the error summary has focus');
      const link = summary.getByRole('link');
      assert.equal(await link.count(), 1);
      assert.match(await textOf(link), new RegExp(bad.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.equal(await link.getAttribute('href'), `#${bad.target}`);
      await link.click();
      assert.equal(await focusOn(page, bad.target), bad.target, 'the summary link moves focus to the field');
      const description = await page.evaluate<string>(
        `document.getElementById(${JSON.stringify(bad.target)}).getAttribute('aria-describedby').split(' ').map((id) => document.getElementById(id).textContent).join(' ')`,
      );
      assert.ok(description.includes(bad.message), `the field itself carries the error (${description})`);
      await assertShows(page, bad.fills, 'what was typed is shown back');
    }

    if (spec.eligibility?.section === section) {
      for (const q of spec.eligibility.absent) assert.equal(await page.locator(`#q-${q}`).count(), 0, `${q} is not asked of this unit`);
      for (const q of spec.eligibility.present) assert.equal(await page.locator(`#q-${q}`).count(), 1, `${q} is asked of this unit`);
    }

    const fills = spec.pages[section];
    assert.ok(fills, `unexpected page ${section}`);
    await fill(page, fills);

    if (section === spec.saveAt) {
      assert.equal(await press(page, 'save'), 200);
      assert.equal(pathOf(page), `${base}/lagret`);
      assert.equal(await h1(page), 'Svarene er lagret');
      await page.context().close();
      // Another device: no cookies, only the link.
      page = await newPage({ js: false });
      await page.goto(`${server.url}${base}`);
      assert.match(await textOf(page.locator('.notice')), /^Du har begynt på skjemaet\. Sist lagret/);
      await go(page, () => page.getByRole('link', { name: 'Fortsett der du slapp' }).click());
      assert.equal(sectionOf(page), section, 'the link brings the respondent back to the page they left');
      await assertShows(page, fills, 'after save and resume on another device');
      await page.reload();
      await assertShows(page, fills, 'after a reload');
      await server.stop();
      await server.start();
      await page.reload();
      await assertShows(page, fills, 'after a server restart');
    }
    assert.equal(await press(page, 'next'), 200);
  }
  assert.deepEqual(seen, Object.keys(spec.pages), 'the pages the unit sees');

  assert.equal(await h1(page), 'Se over svarene før du sender inn');
  assertIncludes(await answersShown(page), spec.receipt, 'review');
  await go(page, () => page.getByRole('button', { name: 'Send inn svarene' }).click());
  assert.equal(pathOf(page), `${base}/kvittering`);
  assert.equal(await h1(page), 'Takk! Svarene er sendt inn');
  assertIncludes(await answersShown(page), spec.receipt, 'receipt');

  // Change after submit: from the receipt to the page, then on to the review and submit again.
  const change = spec.change;
  await go(page, () => page.locator(`a[href="${base}/side/${change.section}"]`).click());
  await fill(page, [change.fill]);
  while (pathOf(page) !== `${base}/oppsummering`) assert.equal(await press(page, 'next'), 200);
  await go(page, () => page.getByRole('button', { name: 'Send inn endringene' }).click());
  assert.equal(pathOf(page), `${base}/kvittering`);
  const after = await answersShown(page);
  assertIncludes(after, [change.to], 'receipt after the change');
  assert.ok(!after.includes(change.from), `the receipt no longer shows ${change.from}`);
  await page.context().close();

  if (spec.eligibility) {
    const other = linkOf(links, spec.role, spec.eligibility.otherUnit);
    const p = await newPage({ js: false });
    await p.goto(`${server.url}${other}`);
    assert.deepEqual(await p.locator('main ol li').allInnerTexts(), spec.eligibility.otherUnitPages, 'the pages of a unit not eligible');
    await p.goto(`${server.url}${other}/side/${spec.eligibility.section}`);
    assert.equal(pathOf(p), other, 'a page the unit does not see leads back to the start page');
    await p.context().close();
  }
}

function assertIncludes(shown: readonly string[], expected: readonly string[], where: string): void {
  const missing = expected.filter((e) => !shown.includes(e));
  assert.deepEqual(missing, [], `${where} shows every answer (it shows: ${shown.join(' | ')})`);
}

/** A questionnaire answered end to end on a fresh store of one dialect. */
async function answers(store: Store, url: string, spec: Walk): Promise<void> {
  const links = await setUp(store);
  if (spec.role === 'skolesjef') assert.ok(!links.has('skolesjef:030101'), 'city districts get no school director form');
  const server = await startServer({ db: url, clock: inWindow });
  try {
    await walk(server, links, spec);
  } finally {
    await server.stop();
  }
}

/** Runs `fn` on a fresh SQLite file (the pages do not depend on the store's dialect). */
async function onSqlite(fn: (store: Store, url: string) => Promise<void>): Promise<void> {
  const opened = await openTestStore('sqlite', { file: true });
  try {
    await fn(opened.store, opened.url);
  } finally {
    await opened.dispose();
  }
}

async function survivesSigkill(store: Store, url: string): Promise<void> {
  const links = await setUp(store);
  const base = linkOf(links, 'integreringsansvarlig', '3003');
  const server = await startServer({ db: url, clock: inWindow });
  try {
    const page = await newPage({ js: false });
    await page.goto(`${server.url}${base}/side/om_deg`);
    await page.locator('#f-rolle').fill('Leder for flyktningtjenesten');
    assert.equal(await press(page, 'next'), 200);
    assert.equal(sectionOf(page), 'frivillige');
    await server.kill();
    await server.start();
    const ctx = await openForm(store, base.slice(3));
    assert.ok(ctx);
    assert.deepEqual((await formState(store, ctx)).answers.get('rolle'), { kind: 'text', value: 'Leder for flyktningtjenesten' });
    await page.goto(`${server.url}${base}/side/om_deg`);
    assert.equal(await page.locator('#f-rolle').inputValue(), 'Leder for flyktningtjenesten');
    await page.context().close();
  } finally {
    await server.stop();
  }
}

/** Every page type a respondent can meet, checked with axe and at 320 px. */
async function everyPageType(store: Store, url: string): Promise<void> {
  const links = await setUp(store);
  const servers = await Promise.all([inWindow, afterWindow, beforeWindow].map((clock) => startServer({ db: url, clock })));
  try {
    const [server, closed, notOpen] = servers;
    assert.ok(server && closed && notOpen);
    const base = linkOf(links, 'integreringsansvarlig', '3003');
    const page = await newPage({ js: true, bypassCSP: true, width: 320 });

    await page.goto(`${server.url}${base}`);
    await checkPage(page, '01-start');
    await go(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());
    await checkPage(page, '02-section-om_deg');
    await fill(page, [{ q: 'rolle', text: 'Flyktningkonsulent' }]);
    await press(page, 'next');
    await fill(page, [
      { q: 'frivillig_samarbeid', code: 1 },
      { q: 'frivillig_omrader', code: 7 },
    ]);
    assert.equal(await press(page, 'next'), 422);
    await checkPage(page, '03-section-with-errors');
    await fill(page, [{ q: 'frivillig_omrader', specify: 'Leksehjelp' }]);
    await press(page, 'next');
    for (const section of ['introduksjonsprogram', 'imdi', 'bosetting']) {
      assert.equal(sectionOf(page), section);
      await checkPage(page, `04-section-${section}`);
      if (section !== 'bosetting') await press(page, 'next');
    }
    assert.equal(await press(page, 'save'), 200);
    await checkPage(page, '05-saved');
    await go(page, () => page.getByRole('link', { name: 'Fortsett der du slapp' }).click());
    await press(page, 'next');
    await checkPage(page, '06-review');
    await go(page, () => page.getByRole('button', { name: 'Send inn svarene' }).click());
    await checkPage(page, '07-receipt');

    await page.goto(`${closed.url}${base}`);
    assert.equal(await h1(page), 'Undersøkelsen er avsluttet');
    await checkPage(page, '08-closed-with-answers');
    await page.goto(`${notOpen.url}${linkOf(links, 'skolesjef', '3001')}`);
    assert.equal(await h1(page), 'Undersøkelsen er ikke åpen ennå');
    await checkPage(page, '09-not-open');

    const missing = await page.goto(`${server.url}/s/${'A'.repeat(43)}`);
    assert.equal(missing?.status(), 404);
    await checkPage(page, '10-unknown-link');

    // A form posted with a token that no longer fits gets a page of its own.
    await page.goto(`${server.url}${linkOf(links, 'skolesjef', '3001')}/side/om_deg`);
    await page.evaluate(`document.querySelector('input[name=_csrf]').value = 'stale'`);
    assert.equal(await press(page, 'next'), 403);
    await checkPage(page, '11-expired-form');
    await page.context().close();
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

async function keyboardOnly(store: Store, url: string): Promise<void> {
  const links = await setUp(store);
  const server = await startServer({ db: url, clock: inWindow });
  try {
    const page = await newPage({ js: true });
    await page.goto(`${server.url}${linkOf(links, 'kommunedirektor', '3002')}`);
    const visited = await keyboardWalk(page);
    assert.deepEqual(visited, ['start', 'om_deg', 'planarbeid', 'imdi', 'vold_nsk', 'oppsummering', 'kvittering']);
    assert.equal(await h1(page), 'Takk! Svarene er sendt inn');
    const shown = await answersShown(page);
    assert.equal(shown[0], 'Kommunedirektør');
    assert.equal(await page.locator('dd.muted').count(), 0, 'every question asked got an answer');
    // The follow-ups the keyboard's "Ja" revealed in place were answered too.
    assertIncludes(shown, ['Politi', 'Ja'], 'receipt');
    await page.context().close();
  } finally {
    await server.stop();
  }
}

/** Tabs through each page, answers every question with the first choice, and goes on; the pages passed. */
async function keyboardWalk(page: Page): Promise<string[]> {
  const visited: string[] = [];
  for (let pages = 0; pages < 12; pages++) {
    const here = pathOf(page);
    const name = here.endsWith('/oppsummering')
      ? 'oppsummering'
      : here.endsWith('/kvittering')
        ? 'kvittering'
        : (sectionOf(page) ?? 'start');
    visited.push(name);
    if (name === 'kvittering') return visited;
    let moved = false;
    for (let tabs = 0; tabs < 120 && !moved; tabs++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate<Focused>(focusedScript);
      if (f.tag === 'body') continue;
      assert.notEqual(f.outline, '', `focus is visible on ${f.tag}#${f.id || f.text} (${name})`);
      assert.ok(f.inView, `the focused ${f.tag}#${f.id || f.text} is on screen (${name})`);
      const enter = () => go(page, () => page.keyboard.press('Enter'));
      if (f.tag === 'input' && f.type === 'text' && f.value === '') {
        await page.keyboard.type(f.className.includes('num') ? '3' : 'Kommunedirektør');
      } else if ((f.type === 'radio' || f.type === 'checkbox') && !f.groupAnswered) {
        await page.keyboard.press('Space');
      } else if (f.tag === 'a' && f.text === 'Start') {
        moved = (await enter()) === 200;
      } else if (f.tag === 'button' && (f.value === 'next' || f.text === 'Send inn svarene')) {
        moved = (await enter()) === 200;
      }
    }
    assert.ok(moved, `the keyboard got past the ${name} page`);
  }
  return visited;
}

// ---------------------------------------------------------------------------------------------
// Three lanes side by side (the tests mostly wait on the browser and the server processes), each
// running one test at a time. The main walk and SIGKILL run on both stores; the rest do not
// depend on the store's dialect.

const endToEnd = 'without JavaScript from the link to a changed receipt, across save, reload and restart';

describe('respondent forms in a browser', { concurrency: true }, () => {
  describe('main walk', { concurrency: 1 }, () => {
    describeStores(
      'answered',
      (test) => {
        test(`answers the integreringsansvarlig questionnaire ${endToEnd}`, (store, { url }) => answers(store, url, integreringsansvarlig));
      },
      { file: true },
    );
  });

  describe('durability and the kommunedirektor questionnaire', { concurrency: 1 }, () => {
    describeStores(
      'killed',
      (test) => {
        test('keeps an answer once the next page is shown, even when the server is killed with SIGKILL', (store, { url }) =>
          survivesSigkill(store, url));
      },
      { file: true },
    );
    it(`answers the kommunedirektor questionnaire ${endToEnd} [sqlite]`, () =>
      onSqlite((store, url) => answers(store, url, kommunedirektor)));
  });

  describe('the skolesjef questionnaire and every page type [sqlite]', { concurrency: 1 }, () => {
    it(`answers the skolesjef questionnaire ${endToEnd}`, () => onSqlite((store, url) => answers(store, url, skolesjef)));
    it('has no WCAG 2.1 A/AA axe violations and no horizontal scrolling at 320 px on every page type', () => onSqlite(everyPageType));
    it('can be answered from the link to the receipt with Tab, Space and Enter alone, focus always visible', () => onSqlite(keyboardOnly));
  });
});
