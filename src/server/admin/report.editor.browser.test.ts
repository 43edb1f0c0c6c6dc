/**
 * Writing the report in a real browser (Debian's Chromium through playwright-core) against a real
 * `kommunepuls serve` process: from the report page to the definition editor, a chapter's text
 * rewritten and one of its figures given another question and a note, saved as a new version, a
 * mistake shown beside its field, the chapter previewed with the new text and figure, and the
 * version listed with who saved it. The editor's pages are checked with axe-core and at 320 px
 * (screenshots with KOMMUNEPULS_SCREENSHOTS=<dir>).
 */
import assert from 'node:assert/strict';
import { after, describe } from 'node:test';
import type { Page } from 'playwright-core';
import { addUser } from '../../auth/user.service.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { definitionVersions, roundDefinition } from '../../report/definition.service.ts';
import { miniRegistryCsv } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { checkPage, closeBrowser, go, h1, newPage, pathOf, textOf } from '../testing/browser.ts';
import { startServer } from '../testing/server-process.ts';

after(closeBrowser);

const admin = { email: 'admin@kommunepuls.example.no', password: 'riktig-hemmelig-passord', name: 'Ada Admin' };
const chapter = '/runde/2019/rapport/definisjon/kapittel/2';

async function logIn(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.locator('#email').fill(admin.email);
  await page.locator('#password').fill(admin.password);
  await go(page, () => page.getByRole('button', { name: 'Logg inn' }).click());
  assert.equal(pathOf(page), path);
}

async function writeTheReport(store: Store, db: string, shot: string): Promise<void> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  await addUser(store, { ...admin, role: 'admin' });
  const server = await startServer({ db, clock: '2020-02-10T10:00:00Z' });
  try {
    const page = await newPage({ js: true, bypassCSP: true, width: 320 });
    await logIn(page, server.url, '/runde/2019/rapport');
    await go(page, () => page.getByRole('link', { name: 'rediger kapitler, tekst og figurer' }).click());
    assert.equal(await h1(page), 'Rapportdefinisjon 2019');
    assert.match(await textOf(page.locator('main')), /bygges fra den innebygde definisjonen kommuneundersokelse-2019/);
    await checkPage(page, `${shot}01-definisjon`);

    await go(page, () => page.getByRole('link', { name: 'Generelt', exact: true }).click());
    assert.equal(pathOf(page), chapter);
    assert.equal(await h1(page), 'Kapittel 2: Generelt');
    await checkPage(page, `${shot}02-kapittel`);

    // The first text rewritten, and figure 2 (block 4) showing another question with a note.
    await page.locator('#b0-text').fill('## Planarbeid\nI {{year}} svarte {{responses role=kommunedirektor}} kommunedirektører.\n');
    await page.locator('#b3-q0').selectOption('integreringsansvarlig/brukermedvirkning');
    await page.locator('#b3-note').fill('Spørsmålet gikk til alle integreringsansvarlige.');
    // A mistake first: the codes field of figure 1 does not read as codes, and is shown there.
    await page.locator('#blokk-1 summary').click();
    await page.locator('#b1-codes').fill('ja');
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Lagre kapitlet' }).click()), 422);
    assert.equal(await textOf(page.locator('#b1-codes-problem')), 'skriv hele tall skilt med komma (som 1, 2), ikke «ja»');
    assert.equal(await page.locator('#b1-codes').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#b0-text').inputValue(), /^## Planarbeid\nI \{\{year\}\} svarte/, 'what was typed is kept');
    await checkPage(page, `${shot}03-kapittel-feil`);
    assert.deepEqual(await definitionVersions(store, 2019), []);

    await page.locator('#b1-codes').fill('');
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Lagre kapitlet' }).click()), 200);
    assert.equal(pathOf(page), chapter);
    assert.equal(await textOf(page.getByRole('status').first()), 'Kapitlet er lagret som en ny versjon.');
    const saved = (await roundDefinition(store, 2019)).definition.chapters[1]?.blocks;
    assert.deepEqual(saved?.[0], { text: '## Planarbeid\nI {{year}} svarte {{responses role=kommunedirektor}} kommunedirektører.\n' });
    const fig = saved?.[3];
    assert.ok(fig && 'figure' in fig);
    assert.deepEqual(fig.figure.questions, [{ role: 'integreringsansvarlig', question: 'brukermedvirkning' }]);
    assert.equal(fig.figure.note, 'Spørsmålet gikk til alle integreringsansvarlige.');

    // The preview builds only this chapter, numbered as in the whole report, in seconds.
    const t0 = Date.now();
    await go(page, () => page.getByRole('link', { name: 'Forhåndsvis kapitlet slik det er lagret' }).click());
    const seconds = (Date.now() - t0) / 1000;
    assert.ok(seconds < 10, `the preview took ${seconds} s`);
    const preview = page.locator('#forhandsvisning');
    assert.match(await textOf(preview.locator('h2').first()), /^Forhåndsvisning – bygget på \d+,\d s$/);
    assert.equal(await textOf(preview.locator('h3').first()), 'Planarbeid');
    assert.equal(await textOf(preview.locator('p').first()), 'I 2019 svarte 0 kommunedirektører.');
    assert.match(await textOf(preview.locator('figcaption').nth(1)), /^Figur 2: Har kommunen benyttet metoder for brukermedvirkning/);
    assert.equal(
      await textOf(preview.locator('figure').nth(1).locator('p.note').first()),
      'Spørsmålet gikk til alle integreringsansvarlige.',
    );
    await checkPage(page, `${shot}04-forhandsvisning`);

    await page.goto(`${server.url}/runde/2019/rapport/definisjon`);
    assert.match(await textOf(page.locator('main')), /Rapporten bygges fra versjon 1, lagret .* av Ada Admin\./);
    assert.deepEqual(
      (
        await page
          .locator('table', { has: page.locator('th', { hasText: 'Versjon' }) })
          .locator('tbody td')
          .allInnerTexts()
      ).slice(2, 4),
      ['Ada Admin', 'Kapittel 2 redigert (i bruk)'],
    );
    await page.context().close();
  } finally {
    await server.stop();
  }
}

describe('writing the report in a browser', { concurrency: true }, () => {
  describeStores(
    'the report definition editor',
    (test) => {
      test("rewrites a chapter's text and changes a figure, saves them as a version and previews the chapter", (store, { url, dialect }) =>
        writeTheReport(store, url, dialect === 'sqlite' ? 'rapport-' : 'rapport-pg-'));
    },
    { file: true },
  );
});
