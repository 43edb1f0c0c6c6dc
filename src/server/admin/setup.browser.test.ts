/**
 * Preparing next year's survey in a real browser (Debian's Chromium through playwright-core)
 * against a real `kommunepuls serve` process: log in, upload the 2020 registry where two
 * municipalities merged and the mapping, create the 2020 round from 2019 and see the merge, edit
 * the questionnaire (a new follow-up question picked in two steps, a new option with its automatic
 * code, a move), preview it as units with and without an eligibility-limited question, and after a
 * restart inside the response window see a structural change refused while a wording change
 * saves. The new-round page, the editor overview, the question edit page and the preview are
 * checked with axe-core and at 320 px (screenshots with KOMMUNEPULS_SCREENSHOTS=<dir>).
 */
import assert from 'node:assert/strict';
import { after, describe } from 'node:test';
import type { Page } from 'playwright-core';
import YAML from 'yaml';
import { addUser } from '../../auth/user.service.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { checkPage, closeBrowser, go, h1, newPage, pathOf, textOf } from '../testing/browser.ts';
import { startServer } from '../testing/server-process.ts';

after(closeBrowser);

const template = writeMiniTemplate();
/** Before the 2020 round's window (3–29 January 2021): the structure may change. */
const beforeWindow = '2020-06-01T10:00:00Z';
/** Inside it: only the wording may change. */
const inWindow = '2021-01-10T10:00:00Z';

// 2020: Fjellbygd (0401) and Dalbygd (0402) merged into Fjelldal (0404).
const registry2020 = miniRegistryCsv
  .replace('0401;Fjellbygd;04;Innlandet;4000;\n', '')
  .replace('0402;Dalbygd;04;Innlandet;8000;12', '0404;Fjelldal;04;Innlandet;12000;12');
const mappingCsv = 'fra_nummer,til_nummer\n0401,0404\n0402,0404\n';

const admin = { email: 'admin@kommunepuls.example.no', password: 'riktig-hemmelig-passord', name: 'Ada Admin' };
const editor = '/runde/2020/skjema/skolesjef';
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Opens `path`, logging in first when the server asks for it. */
async function open(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}${path}`);
  if (pathOf(page) !== '/logg-inn') return;
  await page.locator('#email').fill(admin.email);
  await page.locator('#password').fill(admin.password);
  await go(page, () => page.getByRole('button', { name: 'Logg inn' }).click());
  assert.equal(pathOf(page), path.split('?')[0], 'back where the login began');
}

/** The question keys of the editor overview, in order. */
const keysShown = async (page: Page) =>
  (await page.locator('tr[id^="q-"]').evaluateAll((rows) => rows.map((r) => r.id))).map((id) => id.slice(2));

const lagre = (page: Page) => go(page, () => page.locator('button.primary[name=handling][value=lagre]').click());

async function prepareNextYear(store: Store, db: string, shot: string): Promise<void> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
  await createRound(store, { year: 2019, template });
  await addUser(store, { ...admin, role: 'admin' });
  let server = await startServer({ db, clock: beforeWindow });
  try {
    const page = await newPage({ js: true, bypassCSP: true, width: 320 });

    // The 2020 registry and the mapping, through the registry page's upload forms.
    await open(page, server.url, '/registry/2019');
    await page.locator('#register-ar').fill('2020');
    await page.locator('#register-fil').setInputFiles(csv('register-2020.csv', registry2020));
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Importer registeret' }).click()), 200);
    assert.equal(await h1(page), 'Registeret for 2020 er importert');
    assert.match(await textOf(page.getByRole('status')), /^7 enheter: 5 kommuner og 2 bydeler/);
    await page.goto(`${server.url}/registry/2020`);
    assert.equal(await page.locator('#kobling-fra').inputValue(), '2019');
    assert.equal(await page.locator('#kobling-til').inputValue(), '2020');
    await page.locator('#kobling-fil').setInputFiles(csv('kobling.csv', mappingCsv));
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Importer koblingen' }).click()), 200);
    assert.equal(await h1(page), 'Koblingen fra 2019 til 2020 er importert');
    assert.equal(await textOf(page.locator('main li').first()), '0404 Fjelldal fra 0401 Fjellbygd, 0402 Dalbygd');

    // The 2020 round from 2019: the form proposes it, and the result lists the merge.
    await page.goto(`${server.url}/runder/ny`);
    assert.equal(await page.locator('#ar').inputValue(), '2020');
    assert.equal(await page.locator('#registerar').inputValue(), '2020');
    assert.equal(await page.locator('#grunnlag').inputValue(), 'runde:2019');
    await checkPage(page, `${shot}01-ny-runde`);
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Opprett undersøkelsen' }).click()), 200);
    assert.equal(await h1(page), 'Undersøkelsen 2020 er opprettet');
    assert.match(await textOf(page.locator('main')), /Svarperiode: 3\. januar 2021 – 29\. januar 2021/);
    const merged = page.locator('h3', { hasText: 'Slått sammen (1)' }).locator('xpath=following-sibling::ul[1]/li');
    assert.deepEqual(await merged.allInnerTexts(), ['0404 Fjelldal fra 0401 Fjellbygd, 0402 Dalbygd']);
    assert.deepEqual(await page.locator('h3', { hasText: 'Nye enheter' }).allInnerTexts(), ['Nye enheter (1)']);
    await checkPage(page, `${shot}02-runde-opprettet`);

    // The editor: a new question that follows up "Ja" to samarbeid, picked in two steps.
    await open(page, server.url, editor);
    assert.equal(await h1(page), 'Spørreskjema for skolesjef (2020)');
    await checkPage(page, `${shot}03-skjema`);
    await page.locator('#ny-type').selectOption('single');
    await page.locator('#ny-seksjon').selectOption('tema');
    await go(page, () => page.getByRole('button', { name: 'Legg til spørsmål' }).click());
    assert.equal(pathOf(page), `${editor}/nytt`);
    await page.locator('#f-nokkel').fill('hyppighet');
    await page.locator('#f-tekst-nb').fill('Hvor ofte samarbeider dere?');
    await page.locator('#f-nyalt-0-nb').fill('Ofte');
    await page.locator('#f-nyalt-1-nb').fill('Sjelden');
    assert.equal(await page.locator('input[name="vis.0.koder"]').count(), 0, 'no answers to tick before a question is picked');
    await page.locator('#f-vis-0-sporsmal').selectOption('samarbeid');
    assert.equal(await go(page, () => page.getByRole('button', { name: 'Velg' }).click()), 200);
    assert.equal(await page.locator('#f-tekst-nb').inputValue(), 'Hvor ofte samarbeider dere?', 'what was typed is kept');
    await page.locator('#f-vis-0-koder-1').check();
    assert.equal(await lagre(page), 200);
    assert.equal(pathOf(page), editor);
    assert.equal(await textOf(page.getByRole('status').first()), 'Spørsmålet er lagret.');
    assert.match(await textOf(page.locator('#q-hyppighet')), /Vises når svaret på 2\. Samarbeider kommunen\? er «Ja»\./);

    // A new option to an old question gets the next free code, shown on the edit page.
    await page.goto(`${server.url}${editor}/sporsmal/samarbeid`);
    assert.equal(await h1(page), 'Spørsmål 2: samarbeid');
    await checkPage(page, `${shot}04-sporsmal`);
    await page.locator('#f-nyalt-0-nb').fill('Delvis');
    assert.equal(await lagre(page), 200);
    assert.equal(await textOf(page.getByRole('status').first()), 'Spørsmålet er lagret.');
    assert.match(await textOf(page.locator('ul.log')), /samarbeid\.options\[3\]: svaralternativ 3 er lagt til/);
    await page.goto(`${server.url}${editor}/sporsmal/samarbeid`);
    const codes = await Promise.all((await page.locator('input[name^="alt."][name$=".kode"]').all()).map((i) => i.inputValue()));
    assert.deepEqual(codes, ['1', '2', '9', '3']);
    assert.equal(await page.locator('#f-alt-3-nb').inputValue(), 'Delvis');
    assert.equal(await textOf(page.locator('tr', { has: page.locator('#f-alt-3-nb') }).locator('td.num')), '3');

    // Move kjennskap above utfordring.
    await page.goto(`${server.url}${editor}`);
    const before = await keysShown(page);
    assert.deepEqual(before.slice(3, 5), ['utfordring', 'kjennskap']);
    await go(page, () => page.getByRole('button', { name: /^Flytt opp: 5\. Kjenner du til/ }).click());
    assert.equal(await textOf(page.getByRole('status').first()), 'Spørsmålet er flyttet.');
    const moved = await keysShown(page);
    assert.deepEqual(moved.slice(3, 5), ['kjennskap', 'utfordring']);
    assert.equal(moved.at(-1), 'hyppighet');

    // The preview: intro_maal is only for units with intro participants (0302 has none).
    for (const [unit, eligible] of [
      ['0302', false],
      ['0303', true],
    ] as const) {
      await page.goto(`${server.url}${editor}/forhandsvis?enhet=${unit}`);
      assert.match(await textOf(page.locator('.notice', { hasText: 'Forhåndsvisning' })), new RegExp(`Forhåndsvisning som ${unit} `));
      await page.locator('#f-rolle').fill('Rektor');
      await go(page, () => page.locator('button[name=action][value=next]').click());
      // The preview answers a page's post with the next page (no redirect, nothing saved).
      assert.equal(await page.locator('#f-samarbeid-1').count(), 1, 'the tema page');
      assert.equal(await page.locator('#f-samarbeid-3').count(), 1, 'the new option is in the preview');
      assert.equal(await page.locator('#q-intro_maal').count(), eligible ? 1 : 0, `intro_maal for ${unit}`);
      if (!eligible) await checkPage(page, `${shot}05-forhandsvis`);
    }
    await page.context().close();

    // Restart inside the window: the structure is locked.
    await server.stop();
    server = await startServer({ db, clock: inWindow });
    const later = await newPage({ js: true, bypassCSP: true, width: 320 });
    await open(later, server.url, editor);
    assert.match(await textOf(later.locator('.notice').first()), /^Strukturen er låst\. Svarperioden åpnet 3\. januar 2021/);
    assert.equal(await later.getByRole('button', { name: /^Flytt opp/ }).count(), 0);

    // The edit page offers no new options; a file that adds one is refused with the reason.
    await later.goto(`${server.url}${editor}/sporsmal/samarbeid`);
    assert.equal(await later.locator('#f-nyalt-0-nb').count(), 0);
    const exported = await (await later.request.get(`${server.url}${editor}/eksport.yaml`)).text();
    const qn = YAML.parse(exported);
    const samarbeid = qn.questions.find((q: { key: string }) => q.key === 'samarbeid');
    samarbeid.options.push({ code: 4, label: 'Kanskje' });
    await later.goto(`${server.url}${editor}`);
    await later
      .locator('#fil')
      .setInputFiles({ name: 'skjema.yaml', mimeType: 'application/yaml', buffer: Buffer.from(YAML.stringify(qn)) });
    assert.equal(await go(later, () => later.getByRole('button', { name: 'Importer' }).click()), 409);
    const refusal = await textOf(later.getByRole('alert'));
    assert.match(refusal, /Filen ble ikke importert\. Ingenting er endret\./);
    assert.match(
      refusal,
      /Svarperioden åpnet 3\. januar 2021, så nå kan bare ordlyden endres, ikke strukturen\. Ikke lagret: samarbeid\.options\[4\]: svaralternativ 4 er lagt til\./,
    );

    // A wording change saves.
    await later.goto(`${server.url}${editor}/sporsmal/samarbeid`);
    await later.locator('#f-tekst-nb').fill('Samarbeider kommunen med andre?');
    await later.locator('#f-alt-3-nb').fill('Delvis (noen ganger)');
    assert.equal(await lagre(later), 200);
    assert.equal(await textOf(later.getByRole('status').first()), 'Spørsmålet er lagret.');
    assert.match(await textOf(later.locator('#q-samarbeid')), /Samarbeider kommunen med andre\?/);
    await later.goto(`${server.url}${editor}/sporsmal/samarbeid`);
    assert.equal(await later.locator('#f-alt-3-nb').inputValue(), 'Delvis (noen ganger)');
    await later.context().close();
  } finally {
    await server.stop();
  }
}

describe('preparing next year in a browser', { concurrency: true }, () => {
  describeStores(
    'from the registry to a locked questionnaire',
    (test) => {
      test('uploads a merged registry, creates the round from last year, edits and previews the questionnaire, and locks its structure in the window', (store, {
        url,
        dialect,
      }) => prepareNextYear(store, url, dialect === 'sqlite' ? 'setup-' : 'setup-pg-'));
    },
    { file: true },
  );
});
