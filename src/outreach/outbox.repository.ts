/**
 * SQL for the outbox: what the scheduler reads to decide, the message rows it writes, and the
 * worker's claim / sent / failed / retry steps. Each worker step is one statement, so it commits
 * on its own right away. Every step changes only a message that is still queued: a message sent
 * or failed keeps its status and its first `sent_at`. The failed / retry / release steps also
 * need the worker's own lease, so a worker whose lease ran out and was taken over by another
 * cannot fail, hold back or give back a message that the other is sending.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../store/schema.ts';

type Db = Kysely<Database>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Omit<OutboxRow, 'id' | 'attempts' | 'last_error' | 'claimed_until' | 'sent_at'>;

const chunk = 400;

/** A message as its claim left it: the lease (`claimed_until`) is the claiming worker's token; null when never claimed. */
export interface Claimed {
  readonly id: number;
  readonly lease: string | null;
}

/** The message is still queued and held by this claim. */
function heldBy(eb: ExpressionBuilder<Database, 'outbox'>, c: Claimed) {
  return eb.and([
    eb('id', '=', c.id),
    eb('status', '=', 'queued'),
    c.lease === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', c.lease),
  ]);
}

/** Kinds of message that carry the unit's personal link as a first contact. */
const linkKinds = ['invitation', 'manual'] as const;

export interface LinkState {
  role: string;
  unit_number: string;
  /** 1 when a mail with the link is queued or sent. */
  live: number;
  /** When such a mail first went out; null when none has. */
  first_sent_at: string | null;
}

export async function linkStates(db: Db, year: number): Promise<LinkState[]> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => [
      'role',
      'unit_number',
      eb.fn.max(eb.case().when('status', '<>', 'failed').then(1).else(0).end()).as('live'),
      eb.fn.min(eb.case().when('status', '=', 'sent').then(eb.ref('sent_at')).else(null).end()).as('first_sent_at'),
    ])
    .where('round_year', '=', year)
    .where('kind', 'in', linkKinds)
    .groupBy(['role', 'unit_number'])
    .execute();
  return rows.map((r) => ({ role: r.role, unit_number: r.unit_number, live: Number(r.live), first_sent_at: r.first_sent_at ?? null }));
}

/** Send keys of the round's automatic messages (invitations and reminders). */
export async function automaticKeys(db: Db, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select('send_key')
    .where('round_year', '=', year)
    .where('kind', 'in', ['invitation', 'reminder'])
    .execute();
  return rows.map((r) => r.send_key);
}

export async function submittedUnits(db: Db, year: number): Promise<{ role: string; unit_number: string }[]> {
  return db
    .selectFrom('response')
    .select(['role', 'unit_number'])
    .where('round_year', '=', year)
    .where('status', '=', 'submitted')
    .execute();
}

/** Inserts messages; one whose send key exists already is skipped. Returns how many were added. */
export async function insertMessages(db: Db, rows: readonly NewOutboxRow[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const inserted = await db
      .insertInto('outbox')
      .values(rows.slice(i, i + chunk))
      .onConflict((oc) => oc.column('send_key').doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}

export interface ClaimOptions {
  readonly now: string;
  /** The lease: until then no other worker takes these messages. */
  readonly until: string;
  readonly batch: number;
  readonly year?: number;
  /** PostgreSQL: skip rows another worker is claiming at this moment instead of waiting. */
  readonly skipLocked: boolean;
}

/**
 * Claims up to `batch` queued messages nobody holds (no lease, or an expired one), oldest first,
 * and counts the attempt. One UPDATE: on SQLite the single writer makes it atomic; on PostgreSQL
 * the WHERE is re-checked on each row after a concurrent update, so two workers never both get
 * a row, and SKIP LOCKED lets them take different rows instead of waiting. The rows are picked
 * in a MATERIALIZED CTE on PostgreSQL: as a plain `IN (subquery)` the planner may run the
 * LIMIT … FOR UPDATE SKIP LOCKED subquery again for each row, each time skipping the rows this
 * UPDATE has just changed, and so claim every queued message instead of `batch`.
 */
export async function claim(db: Db, o: ClaimOptions): Promise<OutboxRow[]> {
  const rows = await db
    .with(
      (cte) => (o.skipLocked ? cte('picked').materialized() : cte('picked')),
      (qc) => {
        let q = qc
          .selectFrom('outbox as o')
          .select('o.id')
          .where('o.status', '=', 'queued')
          .where((w) => w.or([w('o.claimed_until', 'is', null), w('o.claimed_until', '<', o.now)]));
        if (o.year !== undefined) q = q.where('o.round_year', '=', o.year);
        q = q.orderBy('o.id').limit(o.batch);
        return o.skipLocked ? q.forUpdate().skipLocked() : q;
      },
    )
    .updateTable('outbox')
    .set((eb) => ({ claimed_until: o.until, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => eb.selectFrom('picked').select('picked.id'))
    .where('status', '=', 'queued')
    .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', o.now)]))
    .returningAll()
    .execute();
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Marks a message sent at `at`, once: a message already sent (by a worker whose lease ran out
 * and another that took it over) keeps its first time, and a failed one stays failed. The lease
 * is not required: the server has the message, whoever sent it.
 */
export async function markSent(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Marks several messages sent in one statement, each with its own time; as markSent, only those still queued. */
export async function markSentMany(db: Db, sent: readonly { id: number; at: string }[]): Promise<void> {
  const [first, ...rest] = sent;
  if (!first) return;
  if (rest.length === 0) return markSent(db, first.id, first.at);
  await db
    .updateTable('outbox')
    .set((eb) => {
      let c = eb.case().when('id', '=', first.id).then(first.at);
      for (const s of rest) c = c.when('id', '=', s.id).then(s.at);
      return { status: 'sent', sent_at: c.else(eb.ref('sent_at')).end(), claimed_until: null, last_error: null };
    })
    .where(
      'id',
      'in',
      sent.map((s) => s.id),
    )
    .where('status', '=', 'queued')
    .execute();
}

/** Marks every queued message of a round as sent at `at`, without sending it (a demo's past). */
export async function markQueuedSent(db: Db, year: number, at: string): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at, claimed_until: null, last_error: null })
    .where('round_year', '=', year)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Marks a message failed with the reason, when it is still queued and held by this claim. */
export async function markFailed(db: Db, claimed: Claimed, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'failed', last_error: error, claimed_until: null })
    .where((eb) => heldBy(eb, claimed))
    .execute();
}

/**
 * Leaves a message queued with the error, held until `retryAt` so it is not retried at once;
 * only under this claim (a stale worker must not shorten another's lease).
 */
export async function markRetry(db: Db, claimed: Claimed, error: string, retryAt: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ last_error: error, claimed_until: retryAt })
    .where((eb) => heldBy(eb, claimed))
    .execute();
}

/** Gives claimed messages back (a stopping worker) without counting the attempt; only those it still holds. */
export async function release(db: Db, claimed: readonly Claimed[]): Promise<void> {
  if (claimed.length === 0) return;
  await db
    .updateTable('outbox')
    .set((eb) => ({ claimed_until: null, attempts: eb('attempts', '-', 1) }))
    .where((eb) => eb.or(claimed.map((c) => heldBy(eb, c))))
    .execute();
}

export async function countByKindStatus(db: Db, year: number): Promise<{ kind: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['kind', 'status', eb.fn.countAll<number>().as('n')])
    .where('round_year', '=', year)
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, n: Number(r.n) }));
}

export interface ListFilter {
  readonly role?: string;
  readonly unitNumber?: string;
  readonly status?: OutboxRow['status'];
  readonly kind?: OutboxRow['kind'];
  readonly limit?: number;
  readonly offset?: number;
}

export async function listMessages(db: Db, year: number, f: ListFilter): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll().where('round_year', '=', year);
  if (f.role !== undefined) q = q.where('role', '=', f.role);
  if (f.unitNumber !== undefined) q = q.where('unit_number', '=', f.unitNumber);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit ?? 100)
    .offset(f.offset ?? 0)
    .execute();
}
