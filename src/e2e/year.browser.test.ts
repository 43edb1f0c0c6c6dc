/**
 * A whole survey year in a real browser (Debian's Chromium through playwright-core) against a real
 * `kommunepuls serve` process on a fresh database, with its mail going to a capture SMTP server in
 * this test process. Only the admin user exists beforehand; everything else happens in the web:
 * log in, import the registry from the start page, create the 2019 round from the built-in
 * template, import contacts, send the invitations. A respondent opens the personal link from the
 * captured mail in a browser of their own, answers a question with a follow-up, saves, resumes in
 * yet another browser, and submits. The admin then sees the submission on the dashboard, builds
 * the report (HTML and PDF) and finds the answer in its numbers, and downloads the researchers'
 * CSV, which has the answer and none of the contact's details. The start page, the dashboard and
 * the report page are checked with axe-core and at 320 px.
 */
import assert from 'node:assert/strict';
import { after, describe } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { addUser } from '../auth/user.service.ts';
import { type CapturedMessage, startCaptureSmtp } from '../outreach/capture-smtp.ts';
import { roles } from '../questionnaire/model.ts';
import { roleName } from '../server/labels.ts';
import {
  answersShown,
  assertShows,
  checkPage,
  closeBrowser,
  type Fill,
  fill,
  go,
  h1,
  newPage,
  pathOf,
  press,
  sectionOf,
  textOf,
} from '../server/testing/browser.ts';
import { startServer } from '../server/testing/server-process.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';

after(closeBrowser);

/** Inside the 2019 round's window (3–29 January 2020). */
const inWindow = '2020-01-15T10:00:00Z';

// Six municipalities with the attributes the 2019 template's eligibility and the report use.
// 3001 has introduction programme participants and settled refugees from reception centres only.
const registryCsv = `kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet;innvandrerandel;ar_med_bosetting;innvandrere;deltakere_intro;bosatt_mottak;bosatt_overforing
3001;Nordvik;30;Viken;25000;3;12,5;5;3100;40;12;0
3002;Sørdal;30;Viken;1800;6;4,2;0;75;0;0;0
3003;Østby;30;Viken;60000;2;18,1;5;10800;120;20;8
4601;Vestfjord;46;Vestland;9000;4;8,3;3;750;15;5;2
5001;Midtby;50;Trøndelag;4500;5;6;2;270;6;3;0
1804;Nordhavn;18;Nordland;52000;3;10,4;5;5400;60;10;4
`;
const unitNumbers = ['3001', '3002', '3003', '4601', '5001', '1804'];

const admin = { email: 'admin@kommunepuls.example.no', password: 'riktig-hemmelig-passord', name: 'Ada Admin' };

// The respondent: 3001's integreringsansvarlig.
const unit = '3001';
const role = 'integreringsansvarlig';
const contact = { name: 'Ingrid Integrering', email: 'ingrid.integrering@example.org', phone: '22 33 44 55' };
const emailOf = (r: string, n: string) => (r === role && n === unit ? contact.email : `${r}.${n}@example.org`);
const contactsCsv = [
  'kommunenummer,rolle,navn,epost,telefon',
  ...unitNumbers.flatMap((n) =>
    roles.map((r) =>
      r === role && n === unit
        ? `${n},${r},${contact.name},${contact.email},${contact.phone}`
        : `${n},${r},Kontakt ${r} ${n},${emailOf(r, n)},`,
    ),
  ),
].join('\n');

// What the respondent answers, page by page. frivillig_samarbeid = Ja asks frivillig_omrader.
const saved: readonly Fill[] = [
  { q: 'frivillig_samarbeid', code: 1 },
  { q: 'frivillig_omrader', code: 1 },
  { q: 'frivillig_omrader', code: 5 },
  { q: 'frivillig_omrader', code: 7 },
  { q: 'frivillig_omrader', specify: 'Leksehjelp på biblioteket' },
];
const pages: Readonly<Record<string, readonly Fill[]>> = {
  om_deg: [{ q: 'rolle', text: 'Flyktningkonsulent' }],
  frivillige: saved,
  introduksjonsprogram: [
    { q: 'resultatmal', code: 2 },
    { q: 'tiltak_utdanning', code: 2 },
  ],
  imdi: [{ q: 'imdi_kjennskap', item: 'imdi_no', code: 1 }],
  bosetting: [{ q: 'kartlegging_rett_instans', code: 3 }],
};
const receipt = [
  'Flyktningkonsulent',
  'Ja',
  'Frivillighetssentral',
  'Møteplasser/språkkafé',
  'Annet (spesifiser): Leksehjelp på biblioteket',
  'Ja, andel i arbeid og/eller utdanning ett år etter avsluttet program',
  'imdi.no: Ja',
];

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Polls `read` until it returns something, for up to `timeoutMs`; fails with `what` otherwise. */
async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await read();
    if (got !== undefined) return got;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The personal link in a mail's text. */
function linkIn(m: CapturedMessage): URL {
  const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(m.text)?.[0];
  assert.ok(link, `a personal link in the mail to ${m.to.join(', ')}:\n${m.text}`);
  return new URL(link);
}

/** The cells of the role's row in the dashboard's table of municipalities, by column heading. */
async function figures(page: Page): Promise<Record<string, string>> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: /^Kommuner$/ }) });
  const headings = await table.locator('thead th').allInnerTexts();
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: roleName(role) }) });
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headings.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
}

/** The respondent, each visit in a browser of their own (no admin cookie): answer, save, resume, submit. */
async function respond(link: URL): Promise<void> {
  const base = link.pathname;
  let page = await newPage({ js: true });
  await page.goto(link.href);
  assert.equal(await textOf(page.locator('.notice')), 'Du har ikke begynt på skjemaet ennå.');
  await go(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());

  const seen: string[] = [];
  while (pathOf(page) !== `${base}/oppsummering`) {
    const section = sectionOf(page);
    assert.ok(section, `a page of questions, not ${page.url()}`);
    seen.push(section);
    const fills = pages[section];
    assert.ok(fills, `unexpected page ${section}`);
    if (section === 'frivillige') {
      // The follow-up is revealed in place by the page's script once Ja is ticked.
      const followUp = (p: Page) => p.locator('#q-frivillig_omrader');
      assert.equal(await followUp(page).isHidden(), true, 'frivillig_omrader is not asked before Ja');
      await fill(page, fills.slice(0, 1));
      await followUp(page).waitFor({ state: 'visible', timeout: 5000 });
      await fill(page, fills.slice(1));

      // Save and come back later on another device: only the link, no cookies.
      assert.equal(await press(page, 'save'), 200);
      assert.equal(pathOf(page), `${base}/lagret`);
      assert.equal(await h1(page), 'Svarene er lagret');
      await page.context().close();
      page = await newPage({ js: true });
      await page.goto(link.href);
      assert.match(await textOf(page.locator('.notice')), /^Du har begynt på skjemaet\. Sist lagret/);
      await go(page, () => page.getByRole('link', { name: 'Fortsett der du slapp' }).click());
      assert.equal(sectionOf(page), section, 'the link brings the respondent back to the page they left');
      assert.equal(await followUp(page).isVisible(), true, 'the follow-up is still asked');
      await assertShows(page, fills, 'after save and resume in another browser');
    } else {
      await fill(page, fills);
    }
    assert.equal(await press(page, 'next'), 200, `the ${section} page is accepted`);
  }
  assert.deepEqual(seen, Object.keys(pages), 'the pages the unit sees');
  assert.equal(await h1(page), 'Se over svarene før du sender inn');
  await go(page, () => page.getByRole('button', { name: 'Send inn svarene' }).click());
  assert.equal(pathOf(page), `${base}/kvittering`);
  assert.equal(await h1(page), 'Takk! Svarene er sendt inn');
  const shown = await answersShown(page);
  assert.deepEqual(
    receipt.filter((a) => !shown.includes(a)),
    [],
    `the receipt shows every answer (${shown.join(' | ')})`,
  );
  await page.context().close();
}

async function wholeYear(store: Store, db: string, shot: string): Promise<void> {
  await addUser(store, { ...admin, role: 'admin' });
  const smtp = await startCaptureSmtp();
  const server = await startServer({
    db,
    clock: inWindow,
    env: { SMTP_URL: smtp.url, KOMMUNEPULS_OUTREACH_POLL_SECONDS: '0.5', KOMMUNEPULS_SMTP_RATE: '50' },
  });
  try {
    const page = await newPage({ js: true, bypassCSP: true, width: 320 });
    const url = server.url;

    // 1. Log in through the form; the start page comes back.
    await page.goto(`${url}/`);
    assert.equal(pathOf(page), '/logg-inn');
    await page.locator('#email').fill(admin.email);
    await page.locator('#password').fill(admin.password);
    await go(page, () => page.getByRole('button', { name: 'Logg inn' }).click());
    assert.equal(pathOf(page), '/');
    assert.equal(await h1(page), 'Kommunepuls');
    await checkPage(page, `${shot}01-start-tom`);

    // 2. The registry from the start page's import form (open while there is none).
    await page.locator('#register-ar').fill('2019');
    await page.locator('#register-fil').setInputFiles(csv('register-2019.csv', registryCsv));
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Importer registeret' }).click()), 200);
    assert.equal(await h1(page), 'Registeret for 2019 er importert');
    assert.match(await textOf(page.getByRole('status')), /^6 enheter/);

    // The round from the built-in template.
    await page.goto(`${url}/runder/ny`);
    await page.locator('#ar').fill('2019');
    await page.locator('#registerar').selectOption('2019');
    await page.locator('#grunnlag').selectOption('mal:kommuneundersokelse-2019');
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Opprett undersøkelsen' }).click()), 200);
    assert.equal(await h1(page), 'Undersøkelsen 2019 er opprettet');
    assert.match(await textOf(page.locator('main')), /Svarperiode: 3\. januar 2020 – 29\. januar 2020/);
    await page.goto(`${url}/`);
    await checkPage(page, `${shot}02-start`);

    // Contacts for every unit and role.
    await page.goto(`${url}/kontakter`);
    await page.locator('#fil').setInputFiles(csv('kontakter.csv', contactsCsv));
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Importer' }).click()), 200);
    assert.equal(await textOf(page.getByRole('status')), `Importert: ${unitNumbers.length * roles.length} nye, 0 endret, 0 uendret.`);

    // Invitations now to the integration officers. The window is open, so the worker also
    // invites every contact by itself, unless a mail sent now gave the unit its link first.
    await page.goto(`${url}/utsendelser`);
    await page.locator('#send-type').selectOption('invitation');
    await page.locator('#send-rolle').selectOption(role);
    await go(page, () => page.getByRole('button', { name: 'Legg i kø' }).click());
    assert.equal(await textOf(page.getByRole('status')), `${unitNumbers.length} e-poster er lagt i kø og sendes om kort tid.`);

    // The six are sent once the worker has the mail server's 250 for each.
    const manualRow = page.locator('tr', { has: page.locator('th', { hasText: 'Sendt manuelt' }) });
    await until(
      'the six invitations sent now marked sent',
      async () => {
        await page.goto(`${url}/utsendelser`);
        const [queued, sent, failed] = await manualRow.locator('td').allInnerTexts();
        assert.equal(failed, '0', 'no mail refused');
        return queued === '0' && sent === String(unitNumbers.length) ? true : undefined;
      },
      30_000,
    );

    // 3. The invitation is at the mail server; its link points at this server. The automatic
    // invitation, when the worker sent it before the one sent now, carries the same link.
    const mails = smtp.messages().filter((m) => m.to.includes(contact.email));
    assert.ok(mails.length >= 1 && mails.length <= 2, `one or two mails to ${contact.email}: ${mails.length}`);
    for (const m of mails) assert.equal(m.subject, 'Invitasjon til kommuneundersøkelsen – Nordvik');
    const link = linkIn(mails.at(-1) as CapturedMessage);
    assert.deepEqual(
      mails.map((m) => linkIn(m).href),
      mails.map(() => link.href),
      'every mail carries the same personal link',
    );
    assert.equal(link.port, new URL(url).port, 'the link points at this server');

    // 4. The respondent, in browsers of their own.
    await respond(link);

    // 5. The dashboard counts the submission.
    await page.goto(`${url}/runde/2019`);
    assert.equal(await h1(page), 'Innsamling 2019');
    const now = await figures(page);
    assert.equal(now.Enheter, String(unitNumbers.length));
    assert.equal(now['Sendt inn'], '1', 'one integration officer has submitted');
    await checkPage(page, `${shot}03-dashboard`);

    // 6. The report: build it (HTML and PDF, in the background), wait for it, read it.
    await page.goto(`${url}/runde/2019/rapport`);
    assert.equal(await h1(page), 'Rapport 2019');
    await go(page, () => page.getByRole('button', { name: 'Bygg rapporten' }).click());
    const notice = await until(
      'the report built',
      async () => {
        await page.goto(`${url}/runde/2019/rapport`);
        const failed = page.getByRole('alert');
        if ((await failed.count()) > 0) assert.fail(`the build failed: ${await textOf(failed)}`);
        const done = page.locator('.notice', { hasText: 'Sist bygget' });
        return (await done.count()) > 0 ? textOf(done) : undefined;
      },
      120_000,
      1000,
    );
    assert.match(notice, /Sist bygget .* av Ada Admin/);
    await checkPage(page, `${shot}04-rapport`);
    const pdfHref = await page.getByRole('link', { name: /^Last ned PDF/ }).getAttribute('href');
    assert.equal(pdfHref, '/runde/2019/rapport/pdf');
    const pdf = await page.request.get(`${url}${pdfHref}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');

    await go(page, () => page.getByRole('link', { name: 'Les rapporten' }).click());
    assert.equal(pathOf(page), '/runde/2019/rapport/vis');
    await checkPage(page, `${shot}05-rapport-vis`);
    const figure = page.locator('figure', {
      has: page.locator('figcaption', { hasText: /^Figur \d+: Har det vært samarbeid mellom kommunen og frivillige organisasjoner/ }),
    });
    assert.equal(await figure.count(), 1, 'one figure of frivillig_samarbeid');
    assert.match(squash(await textOf(figure.locator('figcaption'))), /\(Integreringsansvarlige, N=1\)$/);
    const rows: string[][] = [];
    for (const tr of await figure.locator('details table tbody tr').all())
      rows.push((await tr.locator('th, td').allTextContents()).map(squash));
    const ja = rows.find((r) => r[0] === 'Ja');
    assert.ok(ja, `a row for Ja in the figure's numbers (${JSON.stringify(rows)})`);
    assert.deepEqual(ja.slice(1, 3), ['1', '100 %'], 'one answer, 100 % Ja');

    // 7. The researchers' CSV: the unit's row with the code, and nothing of the contact.
    const res = await page.request.get(`${url}/runde/2019/eksport/${role}/data.csv`);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'] ?? '', /^text\/csv/);
    const text = (await res.body()).toString('utf8');
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true });
    const row = records.find((r) => r.kommunenummer === unit);
    assert.ok(row, `the unit's row (${text.slice(0, 300)})`);
    assert.equal(row.frivillig_samarbeid, '1');
    assert.equal(records.length, 1, 'only the unit that submitted');
    for (const secret of [contact.name, contact.email, contact.phone, 'example.org']) {
      assert.ok(!text.includes(secret), `the export holds no contact details (${secret})`);
    }
    await page.context().close();
  } finally {
    await server.stop();
    await smtp.close();
  }
}

describe('a whole survey year in a browser', { concurrency: true }, () => {
  describeStores(
    'from an empty database to the report and the export',
    (test) => {
      test('sets up the year in the web, invites by mail, takes a saved and resumed answer, and finds it on the dashboard, in the report and in the export', (store, {
        url,
        dialect,
      }) => wholeYear(store, url, dialect === 'sqlite' ? 'year-' : 'year-pg-'));
    },
    { file: true },
  );
});
