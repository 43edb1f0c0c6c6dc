import assert from 'node:assert/strict';
import { ensureLinks } from '../collect/link.service.ts';
import { importResponses } from '../collect/response-import.ts';
import { describeStores } from '../store/testing.ts';
import { removeContact } from './contact.service.ts';
import { at, baseUrl, miniRoundWithContacts } from './fixtures.ts';
import * as repo from './outbox.repository.ts';
import { listOutbox, outboxStatus, queueManual, scheduleDue } from './outbox.service.ts';

describeStores('outbox scheduling', (test) => {
  test('queues nothing before opening, then one invitation per contact with its personal link; running again adds nothing', async (store) => {
    await miniRoundWithContacts(store);
    assert.deepEqual(await scheduleDue(store, 2019, at.beforeOpening, baseUrl), { invitations: 0, reminders: 0, reminderDay: undefined });
    assert.deepEqual(await scheduleDue(store, 2019, at.opening, baseUrl), { invitations: 22, reminders: 0, reminderDay: undefined });
    assert.deepEqual(await scheduleDue(store, 2019, at.opening, baseUrl), { invitations: 0, reminders: 0, reminderDay: undefined });
    assert.deepEqual(await scheduleDue(store, 2019, at.day3, baseUrl), { invitations: 0, reminders: 0, reminderDay: undefined });
    const messages = await listOutbox(store, 2019, { role: 'skolesjef', unitNumber: '0302' });
    assert.equal(messages.length, 1);
    const m = messages[0];
    const [link] = (await ensureLinks(store, 2019, 'skolesjef')).filter((l) => l.unitNumber === '0302');
    assert.equal(m?.sendKey, '2019:invitation:skolesjef:0302');
    assert.equal(m?.toAddress, 'skolesjef.0302@kommune.example.no');
    assert.equal(m?.subject, 'Invitasjon til kommuneundersøkelsen – Lillevik');
    assert.ok(m?.body.includes(`\n${baseUrl}/s/${link?.token}\n`));
    assert.match(m?.body ?? '', /Hei, Kontakt skolesjef 0302\n/);
    assert.match(m?.body ?? '', /innen 29\. januar 2020/);
    assert.deepEqual([m?.status, m?.attempts, m?.createdBy], ['queued', 0, 'system']);
  });

  test('two schedulers deciding at the same moment queue each invitation once', async (store) => {
    await miniRoundWithContacts(store);
    const [a, b] = await Promise.all([scheduleDue(store, 2019, at.opening, baseUrl), scheduleDue(store, 2019, at.opening, baseUrl)]);
    assert.equal((a?.invitations ?? 0) + (b?.invitations ?? 0), 22);
    assert.equal((await outboxStatus(store, 2019)).total, 22);
  });

  test('reminds on a reminder day only those whose link went out and who have not submitted', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    // Every invitation went out except skolesjef 0302's, which is still queued.
    for (const m of await listOutbox(store, 2019, { limit: 1000 })) {
      if (!(m.role === 'skolesjef' && m.unitNumber === '0302')) await repo.markSent(store.db, m.id, at.day3.toISOString());
    }
    await importResponses(store, { year: 2019, role: 'skolesjef', text: 'kommunenummer,samarbeid\n0301,Ja\n', file: 'svar.csv' }, at.day3);
    await removeContact(store, '0303', 'skolesjef', at.day3);

    assert.equal((await scheduleDue(store, 2019, at.day3, baseUrl)).reminders, 0);
    assert.deepEqual(await scheduleDue(store, 2019, at.day8, baseUrl), { invitations: 0, reminders: 8 + 8 + 3, reminderDay: 7 });
    assert.equal((await scheduleDue(store, 2019, at.day8, baseUrl)).reminders, 0);
    const school = await listOutbox(store, 2019, { role: 'skolesjef', kind: 'reminder' });
    assert.deepEqual(school.map((m) => m.unitNumber).sort(), ['0401', '0402', '0403']);
    assert.equal(school[0]?.sendKey.startsWith('2019:reminder7:skolesjef:'), true);
    assert.match(school[0]?.subject ?? '', /^Påminnelse: /);
    assert.deepEqual(await scheduleDue(store, 2019, at.day15, baseUrl), { invitations: 0, reminders: 19, reminderDay: 14 });
    assert.deepEqual(await scheduleDue(store, 2019, at.closed, baseUrl), { invitations: 0, reminders: 0, reminderDay: undefined });
  });

  test('"send now" queues the chosen text with a fresh key each time and refuses a unit without a contact or a closed round', async (store) => {
    await miniRoundWithContacts(store);
    const pick = [{ unitNumber: '0301', role: 'skolesjef' as const }];
    assert.deepEqual(await queueManual(store, 2019, pick, 'invitation', 'kari', at.beforeOpening, baseUrl), { queued: 1 });
    assert.deepEqual(await queueManual(store, 2019, [...pick, ...pick], 'reminder', 'kari', at.day3, baseUrl), { queued: 1 });
    const manual = await listOutbox(store, 2019, { kind: 'manual' });
    assert.equal(manual.length, 2);
    assert.match(manual[0]?.sendKey ?? '', /^2019:manual-reminder:skolesjef:0301:[0-9a-f-]{36}$/);
    assert.match(manual[0]?.subject ?? '', /^Påminnelse/);
    assert.equal(manual[1]?.createdBy, 'kari');
    // The manual invitation counts as the unit's invitation: the schedule does not invite it again.
    assert.equal((await scheduleDue(store, 2019, at.opening, baseUrl)).invitations, 21);
    await assert.rejects(queueManual(store, 2019, [{ unitNumber: '030101', role: 'skolesjef' }], 'reminder', 'kari', at.day3, baseUrl), {
      message: '030101 has no contact as skolesjef in the 2019 round',
    });
    await assert.rejects(
      queueManual(store, 2019, pick, 'reminder', 'kari', at.closed, baseUrl),
      /the 2019 round closed on 29\. januar 2020/,
    );
    assert.equal((await listOutbox(store, 2019, { kind: 'manual' })).length, 2);
  });

  test('counts messages by status and kind', async (store) => {
    await miniRoundWithContacts(store);
    await scheduleDue(store, 2019, at.opening, baseUrl);
    await queueManual(store, 2019, [{ unitNumber: '0301', role: 'skolesjef' }], 'reminder', 'kari', at.day3, baseUrl);
    const [first, second] = await listOutbox(store, 2019, { kind: 'invitation', limit: 2 });
    await repo.markSent(store.db, first?.id ?? 0, at.day3.toISOString());
    await repo.markFailed(store.db, { id: second?.id ?? 0, lease: null }, '550 no such user');
    const s = await outboxStatus(store, 2019);
    assert.deepEqual(s, {
      year: 2019,
      total: 23,
      byStatus: { queued: 21, sent: 1, failed: 1 },
      byKind: {
        invitation: { queued: 20, sent: 1, failed: 1 },
        reminder: { queued: 0, sent: 0, failed: 0 },
        manual: { queued: 1, sent: 0, failed: 0 },
      },
    });
  });
});
