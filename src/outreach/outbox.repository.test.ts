/**
 * The outbox's status steps on both dialects: each changes only a message that is still queued
 * (a sent message keeps its status and first `sent_at`, a failed one stays failed), and the
 * failed / retry / release steps only under the worker's own lease.
 */
import assert from 'node:assert/strict';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { at, baseUrl, miniRoundWithContacts } from './fixtures.ts';
import * as repo from './outbox.repository.ts';
import { scheduleDue } from './outbox.service.ts';

const t1 = '2020-01-05T09:00:00.000Z';
const t2 = '2020-01-06T09:00:00.000Z';
const t3 = '2020-01-07T09:00:00.000Z';

/** The mini round's 22 invitations, queued; their ids in order. */
async function queued(store: Store): Promise<number[]> {
  await miniRoundWithContacts(store);
  await scheduleDue(store, 2019, at.opening, baseUrl);
  const rows = await store.db.selectFrom('outbox').select('id').orderBy('id').execute();
  assert.equal(rows.length, 22);
  return rows.map((r) => r.id);
}

async function row(store: Store, id: number) {
  const r = await store.db
    .selectFrom('outbox')
    .select(['status', 'sent_at', 'last_error', 'claimed_until', 'attempts'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...r, attempts: Number(r.attempts) };
}

const claim = (store: Store, now: string, until: string, batch = 100) =>
  repo.claim(store.db, { now, until, batch, year: 2019, skipLocked: store.dialect === 'postgres' });

describeStores('outbox status steps', (test) => {
  test('marking a sent message sent again keeps its first sent_at', async (store) => {
    const [a = 0] = await queued(store);
    await repo.markSent(store.db, a, t1);
    await repo.markSent(store.db, a, t2);
    assert.deepEqual(await row(store, a), { status: 'sent', sent_at: t1, last_error: null, claimed_until: null, attempts: 0 });
  });

  test('marking a failed message sent leaves it failed, without a sent_at', async (store) => {
    const [a = 0] = await queued(store);
    await repo.markFailed(store.db, { id: a, lease: null }, '550 no such user');
    await repo.markSent(store.db, a, t1);
    assert.deepEqual(await row(store, a), {
      status: 'failed',
      sent_at: null,
      last_error: '550 no such user',
      claimed_until: null,
      attempts: 0,
    });
  });

  test('markSentMany marks only messages still queued, each at its own time', async (store) => {
    const [a = 0, b = 0, c = 0, d = 0] = await queued(store);
    await repo.markSent(store.db, a, t1);
    await repo.markFailed(store.db, { id: b, lease: null }, '550 no such user');
    await repo.markSentMany(store.db, [
      { id: a, at: t2 },
      { id: b, at: t2 },
      { id: c, at: t3 },
    ]);
    assert.equal((await row(store, a)).sent_at, t1, 'the first time stays');
    assert.deepEqual([(await row(store, b)).status, (await row(store, b)).sent_at], ['failed', null]);
    assert.deepEqual([(await row(store, c)).status, (await row(store, c)).sent_at], ['sent', t3]);
    assert.equal((await row(store, d)).status, 'queued', 'not in the list');
    // One message alone takes the single-row path.
    await repo.markSentMany(store.db, [{ id: a, at: t3 }]);
    assert.equal((await row(store, a)).sent_at, t1);
  });

  test('failing, holding back and giving back change nothing of a sent message', async (store) => {
    const [a = 0] = await queued(store);
    await repo.markSent(store.db, a, t1);
    await repo.markFailed(store.db, { id: a, lease: null }, 'late failure');
    await repo.markRetry(store.db, { id: a, lease: null }, '421 try later', t3);
    await repo.release(store.db, [{ id: a, lease: null }]);
    assert.deepEqual(await row(store, a), { status: 'sent', sent_at: t1, last_error: null, claimed_until: null, attempts: 0 });
  });

  test('marks only the queued messages of a round sent when recording its past', async (store) => {
    const [a = 0, b = 0] = await queued(store);
    await repo.markSent(store.db, a, t1);
    await repo.markFailed(store.db, { id: b, lease: null }, '550 no such user');
    assert.equal(await repo.markQueuedSent(store.db, 2019, t2), 20);
    assert.equal((await row(store, a)).sent_at, t1);
    assert.deepEqual([(await row(store, b)).status, (await row(store, b)).sent_at], ['failed', null]);
  });

  test('claims only queued messages nobody holds, and counts the attempt of those alone', async (store) => {
    const [a = 0, b = 0, c = 0, ...rest] = await queued(store);
    await repo.markSent(store.db, a, t1);
    await repo.markFailed(store.db, { id: b, lease: null }, '550 no such user');
    await repo.markRetry(store.db, { id: c, lease: null }, '421 try later', t3);
    const got = await claim(store, t2, '2020-01-06T09:05:00.000Z');
    assert.deepEqual(
      got.map((r) => r.id),
      rest,
    );
    assert.ok(got.every((r) => r.claimed_until === '2020-01-06T09:05:00.000Z' && Number(r.attempts) === 1));
    assert.deepEqual(await row(store, a), { status: 'sent', sent_at: t1, last_error: null, claimed_until: null, attempts: 0 });
    assert.deepEqual([(await row(store, b)).status, (await row(store, b)).attempts], ['failed', 0]);
    assert.deepEqual([(await row(store, c)).claimed_until, (await row(store, c)).attempts], [t3, 0], 'held back until t3');
    // Once its hold has passed, the held-back one is claimed too.
    assert.deepEqual(
      (await claim(store, '2020-01-07T09:00:01.000Z', '2020-01-07T09:05:00.000Z')).map((r) => r.id),
      [c, ...rest],
    );
  });

  test('claims at most a batch at a time, oldest first', async (store) => {
    const ids = await queued(store);
    const first = await claim(store, t1, '2020-01-05T09:05:00.000Z', 5);
    assert.deepEqual(
      first.map((r) => r.id),
      ids.slice(0, 5),
    );
    const next = await claim(store, t1, '2020-01-05T09:05:00.000Z', 5);
    assert.deepEqual(
      next.map((r) => r.id),
      ids.slice(5, 10),
    );
    const held = await store.db.selectFrom('outbox').select('id').where('claimed_until', 'is not', null).execute();
    assert.equal(held.length, 10, 'the rest are not held');
  });

  test('a worker whose lease ran out cannot fail, hold back or give back a message another worker claimed', async (store) => {
    const [a = 0] = await queued(store);
    const first = await claim(store, '2020-01-05T09:00:00.000Z', '2020-01-05T09:05:00.000Z', 1);
    assert.deepEqual(
      first.map((r) => r.id),
      [a],
    );
    const stale = { id: a, lease: first[0]?.claimed_until ?? null };
    // The first lease has run out: a second worker takes the message over.
    const second = await claim(store, '2020-01-05T09:06:00.000Z', '2020-01-05T09:11:00.000Z', 1);
    assert.deepEqual(
      second.map((r) => r.id),
      [a],
    );
    const held = { status: 'queued', sent_at: null, last_error: null, claimed_until: '2020-01-05T09:11:00.000Z', attempts: 2 };
    await repo.markRetry(store.db, stale, '421 try later', '2020-01-05T09:06:30.000Z');
    assert.deepEqual(await row(store, a), held, 'the second lease is not shortened');
    await repo.markFailed(store.db, stale, '550 no such user');
    assert.deepEqual(await row(store, a), held, 'not failed under the second worker');
    await repo.release(store.db, [stale]);
    assert.deepEqual(await row(store, a), held, 'not given back under the second worker');
    // The holder of the lease can.
    const current = { id: a, lease: second[0]?.claimed_until ?? null };
    await repo.markRetry(store.db, current, '421 try later', '2020-01-05T09:20:00.000Z');
    assert.deepEqual(await row(store, a), { ...held, last_error: '421 try later', claimed_until: '2020-01-05T09:20:00.000Z' });
    await repo.release(store.db, [{ id: a, lease: '2020-01-05T09:20:00.000Z' }]);
    assert.deepEqual(await row(store, a), { ...held, last_error: '421 try later', claimed_until: null, attempts: 1 });
    await repo.markFailed(store.db, { id: a, lease: null }, '550 no such user');
    assert.equal((await row(store, a)).status, 'failed');
  });
});
