/**
 * The survey team's pages in a real browser (Debian's Chromium through playwright-core) against a
 * real `kommunepuls serve` process that sends its mail to a capture SMTP server in this test
 * process: log in, import contacts, see the automatic invitations go out, send invitations now,
 * open the personal link from a captured mail in another browser (no admin session), answer and
 * submit, and see the dashboard, the chase list and the unit's page change. Every admin page
 * visited is checked with axe-core and at 320 px. KOMMUNEPULS_SCREENSHOTS=<dir> also writes a
 * screenshot of each of them there.
 */
import assert from 'node:assert/strict';
import { after, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser } from '../../auth/user.service.ts';
import { type CapturedMessage, startCaptureSmtp } from '../../outreach/capture-smtp.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { roleName } from '../labels.ts';
import { skolesjef as walk } from '../respondent/respondent.walks.ts';
import { answersShown, checkPage, closeBrowser, fill, go, h1, newPage, pathOf, press, sectionOf, textOf } from '../testing/browser.ts';
import { startServer } from '../testing/server-process.ts';

after(closeBrowser);

/** Inside the 2019 round's window (3–29 January 2020). */
const inWindow = '2020-01-15T10:00:00Z';

// The respondent browser test's country: four municipalities and a city district (which gets
// no school director form).
const registryCsv = `kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;deltakere_intro;bosatt_mottak;bosatt_overforing
3001;Nordvik;30;Viken;25000;40;12;0
3002;Sørdal;30;Viken;1800;0;0;0
3003;Østby;30;Viken;60000;120;20;8
0301;Oslo;03;Oslo;690000;500;100;50
030101;Bydel Nord;03;Oslo;50000;80;10;5
`;

const admin = { email: 'admin@kommunepuls.example.no', password: 'riktig-hemmelig-passord', name: 'Ada Admin' };
const role = walk.role;
const emailOf = (unit: string) => `${role}.${unit}@kommune.example.no`;
// Two of the four school directors; the walk answers for the first.
const contactsCsv = `kommunenummer,rolle,navn,epost,telefon
${walk.unit},${role},Siri Skolesjef,${emailOf(walk.unit)},22 00 00 01
3003,${role},Sverre Skolesjef,${emailOf('3003')},22 00 00 02
`;

/** The cells of a role's row in the dashboard's table of municipalities, by column heading. */
async function figures(page: Page): Promise<Record<string, string>> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: /^Kommuner$/ }) });
  const headings = await table.locator('thead th').allInnerTexts();
  const row = table.locator('tbody tr', { has: page.locator('th', { hasText: roleName(role) }) });
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headings.map((h, i) => [h.trim(), (cells[i] ?? '').trim()]));
}

/** The personal link in a mail's text. */
function linkIn(m: CapturedMessage): URL {
  const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(m.text)?.[0];
  assert.ok(link, `a personal link in the mail to ${m.to.join(', ')}:\n${m.text}`);
  return new URL(link);
}

const to = (messages: readonly CapturedMessage[], unit: string) => messages.filter((m) => m.to.includes(emailOf(unit)));

/** The respondent, in a browser of their own: from the link to the receipt, answering as the walk does. */
async function respond(link: URL): Promise<void> {
  const page = await newPage({ js: true });
  const base = link.pathname;
  await page.goto(link.href);
  assert.equal(await textOf(page.locator('.notice')), 'Du har ikke begynt på skjemaet ennå.');
  await go(page, () => page.getByRole('link', { name: 'Start', exact: true }).click());
  const seen: string[] = [];
  while (pathOf(page) !== `${base}/oppsummering`) {
    const section = sectionOf(page);
    assert.ok(section, `a page of questions, not ${page.url()}`);
    seen.push(section);
    // The follow-ups' triggers first: the script reveals the follow-ups in place.
    await fill(
      page,
      walk.followUps.filter((f) => f.section === section).map((f) => f.trigger),
    );
    await fill(page, walk.pages[section] ?? []);
    assert.equal(await press(page, 'next'), 200, `the ${section} page is accepted`);
  }
  assert.deepEqual(seen, Object.keys(walk.pages), 'the pages the unit sees');
  await go(page, () => page.getByRole('button', { name: 'Send inn svarene' }).click());
  assert.equal(pathOf(page), `${base}/kvittering`);
  assert.equal(await h1(page), 'Takk! Svarene er sendt inn');
  const shown = await answersShown(page);
  assert.deepEqual(
    walk.receipt.filter((a) => !shown.includes(a)),
    [],
    `the receipt shows every answer (${shown.join(' | ')})`,
  );
  await page.context().close();
}

/** Polls `read` (reloading the page) until it returns `want`, for up to 5 s; the last value read. */
async function eventually<T>(page: Page, read: () => Promise<T>, want: T): Promise<T> {
  const deadline = Date.now() + 5000;
  let got = await read();
  while (!Object.is(got, want) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    await page.reload();
    got = await read();
  }
  return got;
}

async function fromLoginToSubmission(store: Store, url: string, shot: string): Promise<void> {
  await importRegistry(store, 2019, registryCsv, 'registry.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  await addUser(store, { ...admin, role: 'admin' });
  const smtp = await startCaptureSmtp();
  const server = await startServer({
    db: url,
    clock: inWindow,
    env: { SMTP_URL: smtp.url, KOMMUNEPULS_OUTREACH_POLL_SECONDS: '0.5', KOMMUNEPULS_SMTP_RATE: '50' },
  });
  try {
    const page = await newPage({ js: true, bypassCSP: true, width: 320 });

    // Log in: the dashboard asks for it, and comes back after.
    await page.goto(`${server.url}/runde/2019`);
    assert.equal(pathOf(page), '/logg-inn');
    await checkPage(page, `${shot}01-login`);
    await page.locator('#email').fill(admin.email);
    await page.locator('#password').fill(admin.password);
    await go(page, () => page.getByRole('button', { name: 'Logg inn' }).click());
    assert.equal(pathOf(page), '/runde/2019');
    assert.equal(await h1(page), 'Innsamling 2019');
    const start = await figures(page);
    assert.deepEqual([start.Enheter, start.Invitert, start['Sendt inn']], ['4', '0', '0'], 'four school directors, none invited yet');

    // Import two contacts from a CSV file.
    await page.goto(`${server.url}/kontakter`);
    await page.locator('#fil').setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsCsv) });
    await go(page, () => page.getByRole('button', { name: 'Importer' }).click());
    assert.equal(await textOf(page.getByRole('status')), 'Importert: 2 nye, 0 endret, 0 uendret.');
    const listed = await page.locator('main table').last().locator('tbody tr').allInnerTexts();
    assert.equal(listed.length, 2);
    assert.match(listed[0] ?? '', /3002 Sørdal\s+Skolesjef\s+Siri Skolesjef\s+skolesjef\.3002@kommune\.example\.no\s+22 00 00 01/);
    await checkPage(page, `${shot}02-kontakter`);

    // The window is open, so the worker invites the new contacts by itself within a poll.
    const invitations = await smtp.waitFor(2);
    assert.deepEqual(invitations.map((m) => m.subject).sort(), [
      'Invitasjon til kommuneundersøkelsen – Sørdal',
      'Invitasjon til kommuneundersøkelsen – Østby',
    ]);

    // Send nå: the invitation once more, to the school directors who have not submitted.
    await page.goto(`${server.url}/utsendelser`);
    await page.locator('#send-type').selectOption('invitation');
    await page.locator('#send-rolle').selectOption(role);
    await go(page, () => page.getByRole('button', { name: 'Legg i kø' }).click());
    assert.equal(await textOf(page.getByRole('status')), '2 e-poster er lagt i kø og sendes om kort tid.');
    await checkPage(page, `${shot}03-utsendelser`);
    const all = await smtp.waitFor(4);
    const mails = to(all, walk.unit);
    assert.equal(mails.length, 2, 'the unit got the automatic invitation and the one sent now');
    const [auto, manual] = mails.map(linkIn);
    assert.ok(auto && manual);
    assert.equal(manual.href, auto.href, 'both carry the same personal link');
    assert.equal(manual.port, new URL(server.url).port, 'the link points at this server');

    await page.goto(`${server.url}/runde/2019`);
    // A mail counts once the worker has recorded the server's 250, just after the capture has it.
    const invited = await eventually(page, async () => (await figures(page)).Invitert, '2');
    assert.equal(invited, '2', 'the two invited units count as invited');
    const submittedBefore = Number((await figures(page))['Sendt inn']);

    // The respondent opens the link from the mail, with no session of the survey team's.
    await respond(manual);

    await page.reload();
    const now = await figures(page);
    assert.equal(Number(now['Sendt inn']), submittedBefore + 1, 'one more school director has submitted');
    assert.equal(now.Invitert, '2');
    assert.equal(now.Påbegynt, '1', 'started counts the submitted too');
    assert.match(await textOf(page.locator('main > p', { hasText: 'Minst ett skjema sendt inn' }).first()), /: 1 av 4 /);
    await checkPage(page, `${shot}04-dashboard`);

    // Only the other invited unit is left to chase among those with a contact.
    await page.goto(`${server.url}/runde/2019/purreliste?rolle=${role}`);
    const chase = await page.locator('main table tbody tr').allInnerTexts();
    // The first column is the priority (1, 2, 3: the order of chasing), the second the unit.
    assert.deepEqual(
      chase.map((r) => r.split('\t')[0]?.trim()),
      ['1', '2', '3'],
    );
    assert.deepEqual(chase.map((r) => r.split('\t')[1]?.trim()).sort(), ['0301 Oslo', '3001 Nordvik', '3003 Østby']);
    assert.match(chase.find((r) => r.includes('3003 Østby')) ?? '', /Ikke påbegynt\s+2\s+Ingen\s+22 00 00 02/);
    await checkPage(page, `${shot}05-purreliste`);

    await page.goto(`${server.url}/runde/2019/enhet/${walk.unit}`);
    const section = page.locator(`section[aria-labelledby="h-${role}"]`);
    assert.match(await textOf(section.locator('p', { hasText: 'Status:' })), /^Status: Sendt inn \d/);
    const rows = await section.locator('table tbody tr').allInnerTexts();
    assert.deepEqual(
      rows.map((r) =>
        r
          .split('\t')
          .slice(0, 3)
          .map((c) => c.trim()),
      ),
      [
        ['Sendt manuelt', emailOf(walk.unit), 'Sendt'],
        ['Invitasjon', emailOf(walk.unit), 'Sendt'],
      ],
      'both mails, newest first, accepted by the mail server',
    );
    assert.equal(await section.getByRole('button', { name: 'Send påminnelse nå' }).count(), 0, 'no reminder once submitted');
    await checkPage(page, `${shot}06-enhet`);
    await page.context().close();
  } finally {
    await server.stop();
    await smtp.close();
  }
}

describe('the survey team in a browser', { concurrency: true }, () => {
  describeStores(
    'from login to a submission',
    (test) => {
      test('logs in, imports contacts, sends invitations, and sees the submission from a mailed link on the dashboard and the unit page', (store, {
        url,
        dialect,
      }) => fromLoginToSubmission(store, url, dialect === 'sqlite' ? 'admin-' : 'admin-pg-'));
    },
    { file: true },
  );
});
