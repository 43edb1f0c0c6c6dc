import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { isEmail, isPhone } from './contact.csv.ts';
import { contactHistory, currentContacts, importContacts, removeContact, updateContact } from './contact.service.ts';
import { miniContactsCsv, miniRound } from './fixtures.ts';

const header = 'kommunenummer,rolle,navn,epost,telefon';
const t0 = new Date('2019-12-01T10:00:00Z');
const t1 = new Date('2019-12-02T10:00:00Z');

describe('e-mail and phone checks', () => {
  it('accepts ordinary addresses, including a Norwegian letter in the domain', () => {
    for (const ok of ['ola@oslo.kommune.no', 'ola.nordmann+svar@bærum.kommune.no', "o'neil@x.example.com", 'POST@Kommune.NO']) {
      assert.equal(isEmail(ok), true, ok);
    }
  });
  it('refuses addresses that cannot be delivered to', () => {
    for (const bad of [
      'ola@',
      '@kommune.no',
      'ola',
      'ola@kommune',
      'ola..n@kommune.no',
      '.ola@kommune.no',
      'ola@-x.no',
      'ola nordmann@kommune.no',
      'ola@kommune.n',
    ]) {
      assert.equal(isEmail(bad), false, bad);
    }
  });
  it('accepts phone numbers with spaces and a country code, refuses words', () => {
    assert.equal(isPhone('+47 22 00 00 00'), true);
    assert.equal(isPhone('22000000'), true);
    assert.equal(isPhone('ring sentralbordet'), false);
    assert.equal(isPhone('12'), false);
  });
});

describeStores('contacts', (test) => {
  test('imports a contact for every unit and role (; BOM CRLF) and lists them with unit names', async (store) => {
    await miniRound(store);
    const csv = `\uFEFF${(await miniContactsCsv(store, { separator: ';' })).replaceAll('\n', '\r\n')}`;
    const r = await importContacts(store, 2019, csv, 'kontakter.csv', 'kari', t0);
    assert.deepEqual(r, { contacts: 22, added: 22, changed: 0, unchanged: 0 });
    const school = await currentContacts(store, 2019, 'skolesjef');
    assert.equal(school.length, 6);
    const capital = school.find((c) => c.unitNumber === '0301');
    assert.equal(capital?.unitName, 'Hovedstad');
    assert.equal(capital?.email, 'skolesjef.0301@kommune.example.no');
    assert.equal(capital?.phone, '22 00 00 00');
    assert.equal(capital?.createdBy, 'kari');
    assert.equal((await currentContacts(store, 2019)).length, 22);
  });

  test('names line and column of a bad e-mail address and saves nothing', async (store) => {
    await miniRound(store);
    const csv = [
      header,
      '0301,kommunedirektor,Ola,ola@oslo.kommune.no,',
      '0302,kommunedirektor,Kari,kari@lillevik.no,',
      '0303,kommunedirektor,Per,ola@,',
    ].join('\n');
    await assert.rejects(importContacts(store, 2019, csv, 'kontakter.csv', 'kari'), {
      message: 'kontakter.csv line 4, column epost: "ola@" is not an e-mail address',
    });
    assert.equal((await currentContacts(store, 2019)).length, 0);
  });

  test('refuses an unknown unit, an unknown role and a unit that does not take part in that role, counting the problems', async (store) => {
    await miniRound(store);
    const csv = [
      header,
      '0999,kommunedirektor,Ola,ola@x.no,',
      '301,rektor,Kari,kari@x.no,',
      '030101,skolesjef,Per,per@x.no,',
      '0302,skolesjef,,per@x.no,abc',
    ].join('\n');
    await assert.rejects(importContacts(store, 2019, csv, 'kontakter.csv', 'kari'), (e: AppError) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.message, 'kontakter.csv line 2, column kommunenummer: 0999 is not in the 2019 registry (and 4 more problems)');
      assert.deepEqual(e.texts('en').slice(1), [
        'kontakter.csv line 3, column rolle: "rektor" is not a role (kommunedirektor, integreringsansvarlig, skolesjef)',
        'kontakter.csv line 4, column rolle: 030101 does not take part as skolesjef in the 2019 round',
        'kontakter.csv line 5, column navn: the name is empty',
        'kontakter.csv line 5, column telefon: "abc" is not a phone number',
      ]);
      return true;
    });
    assert.equal((await currentContacts(store, 2019)).length, 0);
  });

  test('words every problem of a contacts file in Norwegian, with line and column', async (store) => {
    await miniRound(store);
    const csv = [
      header,
      '0999,kommunedirektor,Ola,ola@x.no,',
      '30a,rektor,Kari,kari@,',
      '0301,skolesjef,Per,per@x.no,',
      '0301,skolesjef,Per,per@x.no,',
    ].join('\n');
    await assert.rejects(importContacts(store, 2019, csv, 'kontakter.csv', 'kari'), (e: AppError) => {
      assert.ok(e instanceof AppError);
      assert.deepEqual(e.texts('nb'), [
        'kontakter.csv linje 2, kolonne kommunenummer: 0999 finnes ikke i registeret for 2019',
        'kontakter.csv linje 3, kolonne kommunenummer: «30a» er ikke et kommunenummer (4 sifre) eller bydelsnummer (6 sifre)',
        'kontakter.csv linje 3, kolonne rolle: «rektor» er ikke en rolle (kommunedirektor, integreringsansvarlig, skolesjef)',
        'kontakter.csv linje 3, kolonne epost: «kari@» er ikke en e-postadresse',
        'kontakter.csv linje 5, kolonne kommunenummer: 0301 som skolesjef står allerede på linje 4',
      ]);
      assert.equal(
        e.text('nb'),
        'kontakter.csv linje 2, kolonne kommunenummer: 0999 finnes ikke i registeret for 2019 (og 4 problemer til)',
      );
      return true;
    });
  });

  test('refuses the same unit and role twice in one file', async (store) => {
    await miniRound(store);
    const csv = [header, '0301,skolesjef,Ola,ola@x.no,', '0301,skolesjef,Kari,kari@x.no,'].join('\n');
    await assert.rejects(
      importContacts(store, 2019, csv, 'k.csv', 'kari'),
      /k\.csv line 3, column kommunenummer: 0301 as skolesjef already appears on line 2/,
    );
  });

  test('a re-import keeps equal contacts, supersedes changed ones and keeps the history', async (store) => {
    await miniRound(store);
    await importContacts(
      store,
      2019,
      [header, '0301,skolesjef,Ola,ola@x.no,', '0302,skolesjef,Kari,kari@x.no,'].join('\n'),
      'k.csv',
      'kari',
      t0,
    );
    const r = await importContacts(
      store,
      2019,
      [header, '0301,skolesjef,Ola,ola@x.no,', '0302,skolesjef,Kari Nord,kari.nord@x.no,'].join('\n'),
      'k.csv',
      'per',
      t1,
    );
    assert.deepEqual(r, { contacts: 2, added: 0, changed: 1, unchanged: 1 });
    const history = await contactHistory(store, '0302', 'skolesjef');
    assert.deepEqual(
      history.map((c) => [c.name, c.email, c.createdBy, c.createdAt.toISOString(), c.supersededAt?.toISOString() ?? null]),
      [
        ['Kari Nord', 'kari.nord@x.no', 'per', t1.toISOString(), null],
        ['Kari', 'kari@x.no', 'kari', t0.toISOString(), t1.toISOString()],
      ],
    );
    assert.equal((await contactHistory(store, '0301', 'skolesjef')).length, 1);
    assert.equal((await currentContacts(store, 2019, 'skolesjef')).length, 2);
  });

  test('editing one contact supersedes it, an equal edit changes nothing, a bad field is named', async (store) => {
    await miniRound(store);
    const first = await updateContact(
      store,
      { year: 2019, unitNumber: '0301', role: 'integreringsansvarlig', name: 'Ola', email: 'ola@x.no' },
      'kari',
      t0,
    );
    assert.equal(first.changed, true);
    const same = await updateContact(
      store,
      { unitNumber: '0301', role: 'integreringsansvarlig', name: ' Ola ', email: 'ola@x.no', phone: '' },
      'kari',
      t1,
    );
    assert.deepEqual([same.changed, same.contact.id], [false, first.contact.id]);
    const changed = await updateContact(
      store,
      { unitNumber: '0301', role: 'integreringsansvarlig', name: 'Ola', email: 'ola@y.no', phone: '+47 99 99 99 99' },
      'per',
      t1,
    );
    assert.equal(changed.changed, true);
    assert.equal(changed.contact.phone, '+47 99 99 99 99');
    await assert.rejects(updateContact(store, { unitNumber: '0301', role: 'integreringsansvarlig', name: 'Ola', email: 'ola@' }, 'per'), {
      message: 'epost: "ola@" is not an e-mail address',
    });
    await assert.rejects(
      updateContact(store, { year: 2019, unitNumber: '030101', role: 'skolesjef', name: 'Ola', email: 'o@x.no' }, 'per'),
      /does not take part as skolesjef/,
    );
    assert.deepEqual(
      (await contactHistory(store, '0301', 'integreringsansvarlig')).map((c) => c.email),
      ['ola@y.no', 'ola@x.no'],
    );
    assert.equal(await removeContact(store, '0301', 'integreringsansvarlig', t1), true);
    assert.equal((await currentContacts(store, 2019)).length, 0);
    assert.equal((await contactHistory(store, '0301', 'integreringsansvarlig')).length, 2);
  });
});
