import assert from 'node:assert/strict';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { importContacts } from './contact.service.ts';
import { at, miniContactsCsv, miniRound } from './fixtures.ts';

const contacts = (store: Store) => store.db.selectFrom('contact').selectAll().orderBy('id').execute();

describeStores('contacts import of a file with text the store cannot keep', (test) => {
  test('refuses a NUL in a name, naming line and column, and stores none of the file', async (store) => {
    await miniRound(store);
    const good = await miniContactsCsv(store);
    await importContacts(store, 2019, good.split('\n').slice(0, 4).join('\n'), 'kontakter.csv', 'test', at.opening);
    const before = await contacts(store);
    const lines = good.trimEnd().split('\n');
    lines[5] = (lines[5] as string).replace('Kontakt', 'Kon\u0000takt');
    await assert.rejects(importContacts(store, 2019, Buffer.from(lines.join('\n')), 'kontakter.csv', 'test', at.opening), {
      message: 'kontakter.csv line 6, column navn: the cell holds a control character U+0000 (NUL) at character 4; remove it',
    });
    assert.deepEqual(await contacts(store), before);
  });

  test('refuses a file that is not UTF-8, naming the line, and stores none of it', async (store) => {
    await miniRound(store);
    const lines = (await miniContactsCsv(store)).trimEnd().split('\n');
    lines[3] = (lines[3] as string).replace('Kontakt', 'Kontakt Ås');
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
    await assert.rejects(importContacts(store, 2019, bytes, 'kontakter.csv', 'test', at.opening), {
      message: /^kontakter\.csv line 4, byte \d+: the file is not UTF-8 \(byte 0xC5\)/,
    });
    assert.deepEqual(await contacts(store), []);
  });
});
