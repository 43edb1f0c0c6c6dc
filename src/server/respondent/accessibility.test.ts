import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../config/config.ts';
import { html } from '../../shared/html.ts';
import { openStore } from '../../store/store.ts';
import { createApp } from '../app.ts';
import { respondentPage } from './layout.ts';

const store = await openStore(':memory:');
after(() => store.close());

describe('the accessibility statement', () => {
  it('is open to anyone, in the three languages, with the last check and where to report a problem', async () => {
    const app = createApp(store, loadConfig({ KOMMUNEPULS_A11Y_CONTACT: 'uu@imdi.example.no', KOMMUNEPULS_A11Y_CHECKED: '2026-11-30' }));
    const nb = await app.request('/tilgjengelighet');
    assert.equal(nb.status, 200);
    assert.match(nb.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const page = await nb.text();
    assert.match(page, /<html lang="nb">/);
    assert.match(page, /<h1>Tilgjengelighetserklæring<\/h1>/);
    assert.match(page, /WCAG 2\.1 på nivå AA/);
    assert.match(page, /Siste automatiske kontroll: 30\. november 2026\./);
    assert.match(page, /<a href="mailto:uu@imdi\.example\.no">uu@imdi\.example\.no<\/a>/);
    assert.match(page, /uutilsynet\.no/);
    const nn = await (await app.request('/tilgjengelighet?lang=nn')).text();
    assert.match(nn, /<h1>Tilgjengeerklæring<\/h1>/);
    const en = await (await app.request('/tilgjengelighet?lang=en')).text();
    assert.match(en, /<h1>Accessibility statement<\/h1>/);
    assert.match(en, /Last automated check: 2026-11-30\./);
    assert.match(await (await app.request('/tilgjengelighet?lang=xx')).text(), /<html lang="nb">/);
  });

  it('says when no check date is configured, and takes the sender of the mail as the contact', async () => {
    const app = createApp(store, loadConfig({ KOMMUNEPULS_MAIL_FROM: 'Kommuneundersøkelsen <undersokelse@example.no>' }));
    const page = await (await app.request('/tilgjengelighet')).text();
    assert.match(page, /Datoen for siste automatiske kontroll er ikke oppgitt/);
    assert.match(page, /mailto:undersokelse@example\.no/);
  });

  it('is linked from the foot of every respondent page, in the page’s language', () => {
    for (const [lang, words] of [
      ['nb', 'Tilgjengelighetserklæring'],
      ['en', 'Accessibility statement'],
    ] as const) {
      const page = respondentPage({ lang, languages: [lang], here: null, title: 'T', surveyTitle: 'S', footer: false }, html`<p>x</p>`);
      assert.match(page, new RegExp(`<footer><p><a href="/tilgjengelighet\\?lang=${lang}">${words}</a></p></footer>`));
    }
  });
});
