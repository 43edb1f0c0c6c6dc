import assert from 'node:assert/strict';
import { loadConfig } from '../../config/config.ts';
import { importRegistry } from '../../registry/registry.service.ts';
import { definitionVersions, importDefinition, roundDefinition, saveDefinition } from '../../report/definition.service.ts';
import { loadReportDefinition, type ReportDefinition } from '../../report/definition.ts';
import { miniRegistryCsv } from '../../round/fixtures.ts';
import { createRound } from '../../round/round.service.ts';
import type { Store } from '../../store/store.ts';
import { describeStores } from '../../store/testing.ts';
import { createApp } from '../app.ts';
import { type ChapterForm, chapterForm, type FigureField, figureFields } from './report.editor.form.ts';
import { logIn } from './testing.ts';

const editor = '/runde/2019/rapport/definisjon';

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  return createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2020-02-10T12:00:00Z' }));
}

/** The fields the chapter page posts for a form, as the browser sends them. */
function fieldsOf(form: ChapterForm, action = 'lagre'): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { grunnlag: form.base, tittel: form.title, id: form.id, handling: action };
  form.blocks.forEach((b, i) => {
    out[`b.${i}.type`] = b.type;
    out[`b.${i}.orig`] = b.orig;
    if (b.type === 'text') out[`b.${i}.tekst`] = b.text;
    else if (b.type === 'yaml') out[`b.${i}.yaml`] = b.yaml;
    else {
      for (const [k, v] of Object.entries(b.f)) if (k !== 'by' && !(k === 'excludeExtras' && v === '')) out[`b.${i}.f.${k}`] = v;
      out[`b.${i}.f.by`] = b.f.by.split(',').filter((x) => x !== '');
      [...b.questions, { ref: '', label: '' }].forEach((q, j) => {
        out[`b.${i}.q.${j}.ref`] = q.ref;
        out[`b.${i}.q.${j}.label`] = q.label;
      });
    }
  });
  return out;
}

/** Chapter 2 ("Generelt") of the round's definition as its page's form. */
async function chapter2(store: Store): Promise<ChapterForm> {
  const own = await roundDefinition(store, 2019);
  return chapterForm(own.definition.chapters[1] as ReportDefinition['chapters'][number], own.version?.version ?? 0);
}

type Blocks = ChapterForm['blocks'];
const withBlock = (form: ChapterForm, i: number, b: Blocks[number]): ChapterForm => ({
  ...form,
  blocks: form.blocks.map((x, j) => (j === i ? b : x)),
});

/** The HTML of the block with this index on the chapter page. */
function blockHtml(page: string, i: number): string {
  const start = page.lastIndexOf('<section', page.indexOf(`id="blokk-${i}"`));
  const end = page.indexOf('</section>', start);
  return page.slice(start, end);
}

describeStores('the report definition editor', (test) => {
  test('shows each problem of a refused chapter beside its field, keeps what was typed, and saves nothing', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const form = await chapter2(store);
    const text = form.blocks[0];
    const figure = form.blocks[1];
    assert.ok(text?.type === 'text' && figure?.type === 'figure');
    let bad = withBlock(form, 0, { ...text, text: 'Hele {{share role=kommunedirektor question=finnes_ikke codes=1}} svarte.' });
    bad = withBlock(bad, 1, { ...figure, f: { ...figure.f, codes: '1, a' } });
    const res = await s.post(`${editor}/kapittel/2`, fieldsOf(bad));
    assert.equal(res.status, 422);
    const page = await res.text();
    assert.match(page, /<h2>Kapitlet ble ikke lagret<\/h2>/);
    assert.match(
      page,
      /<li><a href="#b1-codes">Blokk 2, svaralternativer som telles \(koder\)<\/a>: skriv hele tall skilt med komma \(som 1, 2\), ikke «1, a»<\/li>/,
    );
    assert.match(blockHtml(page, 1), /<p class="problem" id="b1-codes-problem">skriv hele tall skilt med komma/);
    assert.match(
      blockHtml(page, 1),
      /<input type="text" id="b1-codes" name="b.1.f.codes" value="1, a" aria-invalid="true" aria-describedby="b1-codes-problem">/,
    );
    assert.match(
      blockHtml(page, 0),
      /Hele \{\{share role=kommunedirektor question=finnes_ikke codes=1\}\} svarte\./,
      'the typed text is kept',
    );
    assert.deepEqual(await definitionVersions(store, 2019), []);

    // With the codes right, the build finds the placeholder's unknown question, at the text.
    const res2 = await s.post(`${editor}/kapittel/2`, fieldsOf(withBlock(bad, 1, figure)));
    assert.equal(res2.status, 422);
    const page2 = await res2.text();
    assert.match(page2, /Kapitlet ble ikke lagret: rapporten kunne ikke bygges med det/);
    assert.match(
      blockHtml(page2, 0),
      /<p class="problem" id="b0-text-problem">\{\{share role=kommunedirektor question=finnes_ikke codes=1\}\}: [^<]*finnes_ikke/,
    );
    assert.doesNotMatch(blockHtml(page2, 1), /class="problem"/, 'nothing at the figure');
    assert.deepEqual(await definitionVersions(store, 2019), []);
  });

  test('shows a figure the build cannot compute at that figure, and a schema problem at its field', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const form = await chapter2(store);
    const figure = form.blocks[1];
    assert.ok(figure?.type === 'figure');
    const unknown = withBlock(form, 1, { ...figure, questions: [{ ref: 'kommunedirektor/finnes_ikke', label: '' }] });
    const page = await (await s.post(`${editor}/kapittel/2`, fieldsOf(unknown))).text();
    assert.match(blockHtml(page, 1), /<section class="block figure has-problem"/);
    assert.match(
      blockHtml(page, 1),
      /<option value="kommunedirektor\/finnes_ikke" selected>kommunedirektor\/finnes_ikke \(finnes ikke i rundens skjema\)<\/option>/,
    );
    assert.match(blockHtml(page, 1), /<p class="problem">[^<]*finnes_ikke/);
    assert.doesNotMatch(blockHtml(page, 0), /class="problem"/);

    const trend = withBlock(form, 1, { ...figure, f: { ...figure.f, kind: 'trend' } });
    const page2 = await (await s.post(`${editor}/kapittel/2`, fieldsOf(trend))).text();
    assert.match(
      blockHtml(page2, 1),
      /<p class="problem" id="b1-codes-problem">en trend trenger svaralternativene den følger \(codes\)<\/p>/,
    );
    assert.match(blockHtml(page2, 1), /<p class="problem" id="b1-from-problem">en trend trenger årene sine/);
  });

  test('saves a chapter as a new version with who and when, and the buttons only redraw it', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const form = await chapter2(store);
    const moved = await s.post(`${editor}/kapittel/2`, fieldsOf(form, 'ned.0'));
    assert.equal(moved.status, 200);
    const redrawn = await moved.text();
    assert.match(redrawn, /Ikke lagret ennå/);
    assert.ok(redrawn.indexOf('Blokk 1 · Figur 1') < redrawn.indexOf('Blokk 2 · Tekst'), 'the text moved below the figure');
    assert.deepEqual(await definitionVersions(store, 2019), []);

    const text = form.blocks[0];
    assert.ok(text?.type === 'text');
    const res = await s.post(`${editor}/kapittel/2`, fieldsOf(withBlock(form, 0, { ...text, text: 'Ny tekst for {{year}}.' })));
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${editor}/kapittel/2?lagret=1`);
    const [v1] = await definitionVersions(store, 2019);
    assert.equal(v1?.by, 'Test admin');
    assert.match(v1?.at.toISOString() ?? '', /^2020-02-10T12:0/, 'on the clock of the server');
    assert.deepEqual((await roundDefinition(store, 2019)).definition.chapters[1]?.blocks[0], { text: 'Ny tekst for {{year}}.' });
    const shown = await (await s.get(`${editor}/kapittel/2?lagret=1&forhandsvis=1`)).text();
    assert.match(shown, /Kapitlet er lagret som en ny versjon/);
    assert.match(shown, /<section class="preview" id="forhandsvisning"[^>]*>.*<p>Ny tekst for 2019\.<\/p>/s);
    const overview = await (await s.get(editor)).text();
    assert.match(overview, /Rapporten bygges fra <strong>versjon 1<\/strong>/);
    assert.match(overview, /<td>Test admin<\/td><td>Kapittel 2 redigert <strong>\(i bruk\)<\/strong><\/td>/);
  });

  test('adds a figure, removes a block and saves the figure list as it then stands', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const form = await chapter2(store);
    const n = form.blocks.length;

    const added = await s.post(`${editor}/kapittel/2`, fieldsOf(form, 'ny-figur'));
    assert.equal(added.status, 200);
    assert.match(blockHtml(await added.text(), n), new RegExp(`Blokk ${n + 1} · Figur`), 'a new figure at the end');
    const removed = await s.post(`${editor}/kapittel/2`, fieldsOf(form, 'fjern.0'));
    assert.equal(removed.status, 200);
    assert.match(blockHtml(await removed.text(), 0), /Blokk 1 · Figur 1/, 'the text before figure 1 is gone');
    assert.deepEqual(await definitionVersions(store, 2019), [], 'the buttons save nothing');

    const f = Object.fromEntries(figureFields.map((k) => [k, ''])) as Record<FigureField, string>;
    const figure: Blocks[number] = {
      type: 'figure',
      orig: '',
      f: { ...f, kind: 'bars', note: 'Ny figur.' },
      questions: [{ ref: 'integreringsansvarlig/brukermedvirkning', label: '' }],
    };
    const res = await s.post(`${editor}/kapittel/2`, fieldsOf({ ...form, blocks: [...form.blocks.slice(1), figure] }));
    assert.equal(res.status, 303);
    const saved = (await roundDefinition(store, 2019)).definition.chapters[1]?.blocks ?? [];
    const before = loadReportDefinition('kommuneundersokelse-2019').chapters[1]?.blocks ?? [];
    assert.equal(saved.length, n);
    assert.deepEqual(saved.slice(0, n - 1), before.slice(1), 'the other blocks as they were, moved up one');
    const last = saved.at(-1);
    assert.ok(last && 'figure' in last);
    assert.deepEqual(
      [last.figure.kind, last.figure.note, last.figure.questions],
      ['bars', 'Ny figur.', [{ role: 'integreringsansvarlig', question: 'brukermedvirkning' }]],
    );
    assert.equal((await definitionVersions(store, 2019)).length, 1);
  });

  test("refuses a save over someone else's later change to the same chapter", async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const opened = await chapter2(store);
    const def = loadReportDefinition('kommuneundersokelse-2019');
    const other = { ...def, chapters: def.chapters.map((c, i) => (i === 1 ? { ...c, title: 'Endret av Bo' } : c)) };
    await saveDefinition(store, 2019, other, { byUser: 'Bo' });
    const res = await s.post(`${editor}/kapittel/2`, fieldsOf({ ...opened, title: 'Mitt navn' }));
    assert.equal(res.status, 409);
    assert.match(await res.text(), /kapittel 2 er endret av Bo \(versjon 1\) etter at du åpnet det/);
    assert.equal((await definitionVersions(store, 2019)).length, 1);
  });

  test('lists the versions, shows one, restores it as a new version, and shows an imported definition’s problems per chapter', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'admin');
    const def = loadReportDefinition('kommuneundersokelse-2019');
    await saveDefinition(store, 2019, { ...def, title: 'Første {{year}}' }, { byUser: 'Ada' });
    const bad = { ...def, chapters: def.chapters.map((c, i) => (i === 2 ? { ...c, blocks: [{ text: '{{rate role=ordfører}}' }] } : c)) };
    await importDefinition(store, 2019, JSON.stringify(bad), 'utkast.json', { byUser: 'Bo' });
    const overview = await (await s.get(editor)).text();
    assert.match(overview, /<td>Bo<\/td><td>Importert fra utkast\.json <strong>\(i bruk\)<\/strong>/);
    assert.match(overview, /<a class="problem" href="\/runde\/2019\/rapport\/definisjon\/kapittel\/3">1 problem<\/a>/);
    const chapter = await (await s.get(`${editor}/kapittel/3`)).text();
    assert.match(chapter, /<p class="problem" id="b0-text-problem">\{\{rate role=ordfører\}\}: /);

    const v1 = await (await s.get(`${editor}/versjon/1`)).text();
    assert.match(v1, /title: Første \{\{year\}\}/);
    const restored = await s.post(`${editor}/versjon/1/gjenopprett`);
    assert.equal(restored.status, 303);
    assert.equal((await roundDefinition(store, 2019)).definition.title, 'Første {{year}}');
    assert.deepEqual(
      (await definitionVersions(store, 2019)).map((v) => v.by),
      ['Ada', 'Bo', 'Test admin'],
    );
    const yaml = await s.get(`${editor}.yaml`);
    assert.match(yaml.headers.get('content-disposition') ?? '', /rapportdefinisjon-2019-v3\.yaml/);
    assert.match(await yaml.text(), /^title: Første \{\{year\}\}/);
  });

  test('lets an analyst read the editor and preview a chapter but not change anything', async (store) => {
    const app = await setUp(store);
    const s = await logIn(app, store, 'analyst');
    const page = await (await s.get(`${editor}/kapittel/2?forhandsvis=1`)).text();
    assert.match(page, /Du har lesetilgang/);
    assert.match(page, /<fieldset class="plain" disabled>/);
    assert.match(page, /id="forhandsvisning"/);
    const res = await s.post(`${editor}/kapittel/2`, fieldsOf(await chapter2(store)));
    assert.equal(res.status, 403);
    assert.equal((await s.post(`${editor}/versjon/1/gjenopprett`)).status, 403);
    assert.deepEqual(await definitionVersions(store, 2019), []);
  });
});
