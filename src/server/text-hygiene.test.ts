import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import YAML from 'yaml';
import { loadConfig } from '../config/config.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound, roundQuestionnaire } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { logIn, type Session } from './admin/testing.ts';
import { createApp } from './app.ts';
import { fieldLimits } from './limits.ts';
import { forbiddenField } from './text-hygiene.ts';

const template = writeMiniTemplate();

async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const app = createApp(store, loadConfig({ KOMMUNEPULS_CLOCK: '2019-12-01T10:00:00Z' }));
  return { app, s: await logIn(app, store) };
}

const contacts = (store: Store) => store.db.selectFrom('contact').selectAll().orderBy('id').execute();

/** Uploads a questionnaire file to the editor's import form. */
async function upload(app: ReturnType<typeof createApp>, s: Session, name: string, content: string | Uint8Array): Promise<Response> {
  const base = '/runde/2019/skjema/skolesjef';
  const token = (await (await s.get(base)).text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? '';
  const form = new FormData();
  form.set('_csrf', token);
  form.set('fil', new File([content], name));
  return app.request(`${base}/import`, { method: 'POST', body: form, headers: { cookie: s.cookie } });
}

describe('finding the posted field with a forbidden character', () => {
  it('names the field and where in it the character is', () => {
    assert.equal(
      forbiddenField({ _csrf: 'x', navn: 'Kari', notat: 'linje 1\nlin\u0000je 2' }),
      'Feltet «notat» har et usynlig kontrolltegn eller et ugyldig tegn (U+0000) i linje 2, tegn 4. Slike tegn kan ikke lagres.',
    );
    assert.match(forbiddenField({ tekst: ['ok', 'a\u0085'] }) ?? '', /^Feltet «tekst» .*\(U\+0085\) i tegn nummer 2\./);
  });

  it('names a field whose name holds one, cut short', () => {
    assert.match(forbiddenField({ [`${'n'.repeat(5000)}\u0000`]: 'x' }) ?? '', /^Navnet på feltet «n{40}…» har tegnet U\+0000/);
  });

  it('passes clean fields and files', () => {
    assert.equal(forbiddenField({ navn: 'Kari Nordmann\tÅs\r\n', fil: new File(['\u0000'], 'x.csv') }), undefined);
  });
});

describeStores('admin forms and text the store cannot keep', (test) => {
  test('refuses a contact with a NUL in the name with 400 naming the field, and changes nothing', async (store) => {
    const { s } = await setUp(store);
    const before = await contacts(store);
    const res = await s.post('/runde/2019/enhet/0302/kontakt', {
      rolle: 'skolesjef',
      navn: 'Ka\u0000ri',
      epost: 'kari@lillevik.kommune.no',
      telefon: '',
    });
    assert.equal(res.status, 400);
    const body = await res.text();
    assert.match(body, /Ingenting ble lagret/);
    assert.match(body, /Feltet «navn» har et usynlig kontrolltegn eller et ugyldig tegn \(U\+0000\) i tegn nummer 3/);
    assert.deepEqual(await contacts(store), before);
    const ok = await s.post('/runde/2019/enhet/0302/kontakt', { rolle: 'skolesjef', navn: 'Kari', epost: 'kari@lillevik.kommune.no' });
    assert.equal(ok.status, 303, 'a clean form still goes through');
  });

  test('refuses a field over its stated limit and a form with too many fields, and changes nothing', async (store) => {
    const { s } = await setUp(store);
    const templates = () => store.db.selectFrom('mail_template').selectAll().execute();
    const before = await templates();
    const long = await s.post('/utsendelser/mal?ar=2019', {
      rolle: 'skolesjef',
      type: 'reminder',
      emne: 'Påminnelse',
      tekst: 'x'.repeat(fieldLimits.chars + 1),
    });
    assert.equal(long.status, 400);
    assert.match(await long.text(), /Feltet «tekst» har 100\s001 tegn; høyst 100\s000 er tillatt\./);
    const many = await s.post(
      '/runde/2019/enhet/0302/kontakt',
      Object.fromEntries(Array.from({ length: fieldLimits.count + 1 }, (_, i) => [`f${i}`, 'x'])),
    );
    assert.equal(many.status, 400);
    assert.match(await many.text(), /Skjemaet har 2002 felt; høyst 2000 er tillatt\./);
    assert.deepEqual(await templates(), before);
    const ok = await s.post('/utsendelser/mal?ar=2019', {
      rolle: 'skolesjef',
      type: 'reminder',
      emne: 'Påminnelse',
      tekst: 'x'.repeat(fieldLimits.chars),
    });
    assert.notEqual(ok.status, 400, 'a field at the limit passes the guard');
  });

  test('refuses a letter text with a control character, and changes nothing', async (store) => {
    const { s } = await setUp(store);
    const templates = () => store.db.selectFrom('mail_template').selectAll().execute();
    const before = await templates();
    const res = await s.post('/utsendelser/mal?ar=2019', {
      rolle: 'skolesjef',
      type: 'reminder',
      emne: 'Påminnelse',
      tekst: 'Hei\n\u001b[31mrød\n',
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /Feltet «tekst» .*\(U\+001B\) i linje 2, tegn 1/);
    assert.deepEqual(await templates(), before);
  });

  test('leaves an uploaded file to the import, which names the line of bad UTF-8 and the path of a NUL', async (store) => {
    const { app, s } = await setUp(store);
    const qn = await roundQuestionnaire(store, 2019, 'skolesjef');
    const yaml = YAML.stringify(qn);
    const bytes = Buffer.from(yaml.replace('Samarbeider kommunen?', 'Samarbeider kommunen#'), 'utf8');
    bytes[bytes.indexOf('kommunen#') + 8] = 0xe5; // a Latin-1 "å"
    const line = yaml.slice(0, yaml.indexOf('Samarbeider kommunen?')).split('\n').length;
    const notUtf8 = await upload(app, s, 'latin1.yaml', bytes);
    assert.equal(notUtf8.status, 422);
    const notUtf8Page = await notUtf8.text();
    assert.match(
      notUtf8Page,
      new RegExp(`latin1\\.yaml linje ${line}, byte \\d+: filen er ikke UTF-8 \\(byte 0xE5\\); lagre den som UTF-8`),
    );
    assert.doesNotMatch(notUtf8Page, /not UTF-8|save it/);
    const bad = YAML.parse(yaml);
    bad.questions[1].options[1].label = { nb: 'N\u0000ei', en: 'No' };
    const nul = await upload(app, s, 'nul.yaml', YAML.stringify(bad));
    assert.equal(nul.status, 422);
    const nulPage = await nul.text();
    assert.match(nulPage, /skolesjef\.questions\[1\]\.options\[1\]\.label\.nb: teksten inneholder [^<]*U\+0000 \(NUL\)[^<]*; fjern det/);
    assert.doesNotMatch(nulPage, /the text holds|remove it/);
    assert.deepEqual(await roundQuestionnaire(store, 2019, 'skolesjef'), qn);
  });
});
