import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeStores } from '../store/testing.ts';
import { baseUrl, miniRoundWithContacts } from './fixtures.ts';
import { getMailTemplate, listMailTemplates, previewMail, resetMailTemplate, saveMailTemplate } from './mail-template.service.ts';
import { checkMailText, defaultMailText, fieldsIn, mailKinds, renderMail, roleLabel } from './mail-template.ts';

const values = {
  navn: 'Kari Nordmann',
  kommune: 'Lillevik',
  lenke: 'https://svar.example.no/s/abc',
  frist: '29. januar 2020',
  rolle: 'skolesjef',
};

describe('mail templates', () => {
  it('has bokmål defaults that use every merge field and pass their own check', () => {
    for (const kind of mailKinds) {
      const text = defaultMailText(kind);
      assert.deepEqual(checkMailText(text), text);
      assert.deepEqual(fieldsIn(text.body).sort(), ['frist', 'kommune', 'lenke', 'navn', 'rolle']);
      const out = renderMail(text, values);
      assert.doesNotMatch(`${out.subject}\n${out.body}`, /[{}]/);
      assert.match(out.body, /Hei, Kari Nordmann/);
      assert.match(out.body, /innen 29\. januar 2020|Fristen er 29\. januar 2020/);
      assert.match(out.body, /\nhttps:\/\/svar\.example\.no\/s\/abc\n/);
    }
    assert.equal(renderMail(defaultMailText('reminder'), values).subject, 'Påminnelse: kommuneundersøkelsen – Lillevik');
  });

  it('names an unknown merge field, and refuses a body without the link', () => {
    assert.throws(() => checkMailText({ subject: 'Hei {fornavn}', body: '{lenke}' }), {
      message: 'subject: unknown merge field {fornavn} (known: {navn}, {kommune}, {lenke}, {frist}, {rolle})',
    });
    assert.throws(() => checkMailText({ subject: 'Hei', body: 'Svar her: {link}' }), /body: unknown merge field \{link\}/);
    assert.throws(() => checkMailText({ subject: 'Hei', body: 'Svar innen {frist}' }), /body: the text must contain \{lenke\}/);
    assert.throws(() => checkMailText({ subject: 'Hei\ndu', body: '{lenke}' }), /one line/);
  });

  it('calls a city district’s director bydelsdirektør', () => {
    assert.equal(roleLabel('kommunedirektor'), 'kommunedirektør');
    assert.equal(roleLabel('kommunedirektor', 'bydel'), 'bydelsdirektør');
    assert.equal(roleLabel('skolesjef', 'bydel'), 'skolesjef');
  });
});

describeStores('mail templates of a round', (test) => {
  test('gives the default, saves a round’s own text, refuses an unknown field and resets', async (store) => {
    await miniRoundWithContacts(store);
    const before = await getMailTemplate(store, 2019, 'skolesjef', 'invitation');
    assert.equal(before.isDefault, true);
    const saved = await saveMailTemplate(store, 2019, 'skolesjef', 'invitation', {
      subject: 'Til {navn}',
      body: 'Svar her:\r\n{lenke}\r\n',
    });
    assert.deepEqual([saved.isDefault, saved.subject, saved.body], [false, 'Til {navn}', 'Svar her:\n{lenke}']);
    await assert.rejects(
      saveMailTemplate(store, 2019, 'skolesjef', 'invitation', { subject: 'x', body: '{lenke} {epost}' }),
      /unknown merge field \{epost\}/,
    );
    assert.equal((await getMailTemplate(store, 2019, 'skolesjef', 'invitation')).subject, 'Til {navn}');
    const all = await listMailTemplates(store, 2019);
    assert.equal(all.length, 6);
    assert.deepEqual(
      all.filter((t) => !t.isDefault).map((t) => `${t.role}:${t.kind}`),
      ['skolesjef:invitation'],
    );
    assert.equal((await resetMailTemplate(store, 2019, 'skolesjef', 'invitation')).isDefault, true);
  });

  test('previews a letter with a unit’s name and contact and the deadline', async (store) => {
    await miniRoundWithContacts(store);
    const p = await previewMail(store, 2019, 'kommunedirektor', 'invitation', { baseUrl, unitNumber: '030101' });
    assert.equal(p.subject, 'Invitasjon til kommuneundersøkelsen – Bydel Nord');
    assert.match(p.body, /Hei, Kontakt kommunedirektor 030101/);
    assert.match(p.body, /deg som bydelsdirektør/);
    assert.match(p.body, /innen 29\. januar 2020/);
  });
});
