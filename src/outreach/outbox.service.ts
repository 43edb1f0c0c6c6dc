/**
 * The outbox, on the deciding side: what is due is decided and written as message rows in one
 * transaction, each row with a send key, so a decision is made once however often (or however
 * many processes) run it. Rows hold the rendered letter with the personal link; the worker
 * (outbox.worker.ts) only sends what is here.
 */
import { randomUUID } from 'node:crypto';
import { ensureLinks, linkUrl } from '../collect/link.service.ts';
import type { Role } from '../questionnaire/model.ts';
import { getRound, type Round } from '../round/round.service.ts';
import { conflict, invalid, ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as contactRepo from './contact.repository.ts';
import { deadlineText, getMailTemplate } from './mail-template.service.ts';
import { type MailKind, type MailText, mailKinds, renderMail, roleLabel } from './mail-template.ts';
import { problemOf } from './outbox.problem.ts';
import * as repo from './outbox.repository.ts';
import { decide, dueSteps, manualKey, type Target } from './schedule.ts';

/** Who decided: automatic messages are created by this user name. */
export const systemUser = 'system';

export interface ScheduleResult {
  readonly invitations: number;
  readonly reminders: number;
  /** The reminder day that was due, if any. */
  readonly reminderDay: number | undefined;
}

async function templateTexts(store: Store, year: number, roles: Iterable<Role>): Promise<Map<string, MailText>> {
  const out = new Map<string, MailText>();
  for (const role of new Set(roles))
    for (const kind of mailKinds) out.set(`${role}:${kind}`, await getMailTemplate(store, year, role, kind));
  return out;
}

interface Letter {
  readonly round: Round;
  readonly texts: ReadonlyMap<string, MailText>;
  readonly tokens: ReadonlyMap<string, string>;
  readonly baseUrl: string;
}

function letterRow(
  l: Letter,
  c: contactRepo.ContactInRoundRow,
  textKind: MailKind,
  rowKind: repo.OutboxRow['kind'],
  sendKey: string,
  byUser: string,
  now: Date,
): repo.NewOutboxRow {
  const role = c.role as Role;
  const token = l.tokens.get(`${role}:${c.unit_number}`);
  const text = l.texts.get(`${role}:${textKind}`);
  if (token === undefined || text === undefined) throw new Error(`no link or template for ${role} ${c.unit_number}`);
  const mail = renderMail(text, {
    navn: c.name,
    kommune: c.unit_name,
    lenke: linkUrl(l.baseUrl, token),
    frist: deadlineText(l.round),
    rolle: roleLabel(role, c.unit_kind),
  });
  return {
    send_key: sendKey,
    round_year: l.round.year,
    role,
    unit_number: c.unit_number,
    kind: rowKind,
    contact_id: c.id,
    to_address: c.email,
    subject: mail.subject,
    body: mail.body,
    status: 'queued',
    created_at: now.toISOString(),
    created_by: byUser,
  };
}

async function prepareLetters(store: Store, round: Round, baseUrl: string, now: Date, roles?: Iterable<Role>): Promise<Letter> {
  const links = await ensureLinks(store, round.year, undefined, now);
  const tokens = new Map(links.map((l) => [`${l.role}:${l.unitNumber}`, l.token]));
  const texts = await templateTexts(store, round.year, roles ?? new Set(links.map((l) => l.role)));
  return { round, texts, tokens, baseUrl };
}

/**
 * Decides what is due at `now` (see schedule.ts) and queues it. Running it again, at the same or
 * a later time, adds only what has become due since.
 */
export async function scheduleDue(store: Store, year: number, now: Date, baseUrl: string): Promise<ScheduleResult> {
  const round = await getRound(store, year);
  const steps = dueSteps(round, now);
  if (!steps.invitation && steps.reminderDay === undefined) return { invitations: 0, reminders: 0, reminderDay: undefined };
  const letter = await prepareLetters(store, round, baseUrl, now);
  return store.db.transaction().execute(async (trx) => {
    const contacts = await contactRepo.currentContactsInRound(trx, year, round.registryYear);
    const states = new Map((await repo.linkStates(trx, year)).map((s) => [`${s.role}:${s.unit_number}`, s]));
    const submitted = new Set((await repo.submittedUnits(trx, year)).map((s) => `${s.role}:${s.unit_number}`));
    const used = new Set(await repo.automaticKeys(trx, year));
    const byKey = new Map(contacts.map((c) => [`${c.role}:${c.unit_number}`, c]));
    const targets: Target[] = contacts.map((c) => {
      const key = `${c.role}:${c.unit_number}`;
      const state = states.get(key);
      return {
        role: c.role as Role,
        unitNumber: c.unit_number,
        hasLink: state?.live === 1,
        linkSentAt: state?.first_sent_at ? new Date(state.first_sent_at) : null,
        submitted: submitted.has(key),
      };
    });
    const rows = { invitation: [] as repo.NewOutboxRow[], reminder: [] as repo.NewOutboxRow[] };
    for (const d of decide(round, now, targets, used)) {
      const c = byKey.get(`${d.target.role}:${d.target.unitNumber}`) as contactRepo.ContactInRoundRow;
      rows[d.kind].push(letterRow(letter, c, d.kind, d.kind, d.sendKey, systemUser, now));
    }
    return {
      invitations: await repo.insertMessages(trx, rows.invitation),
      reminders: await repo.insertMessages(trx, rows.reminder),
      reminderDay: steps.reminderDay,
    };
  });
}

/**
 * The invitations of a round as if they had gone out when its window opened: queued by the
 * schedule at that instant and recorded as sent, without an SMTP server (the demo's history, so
 * its dashboard counts the invited and its reminders follow them). Returns how many.
 */
export async function recordInvitationsSent(store: Store, year: number, baseUrl: string): Promise<number> {
  const round = await getRound(store, year);
  await scheduleDue(store, year, round.opensAt, baseUrl);
  return repo.markQueuedSent(store.db, year, round.opensAt.toISOString());
}

export interface Selected {
  readonly unitNumber: string;
  readonly role: Role;
}

/**
 * "Send now": queues the invitation or reminder text to the selected units and roles, whatever
 * the schedule says (each gets a fresh send key). Refused as a whole when one of them has no
 * current contact, or when the window has closed.
 */
export async function queueManual(
  store: Store,
  year: number,
  selection: readonly Selected[],
  kind: MailKind,
  byUser: string,
  now: Date,
  baseUrl: string,
): Promise<{ queued: number }> {
  const round = await getRound(store, year);
  if (now >= round.closesAt) throw conflict(msg('outreach.round_closed', { year, date: deadlineText(round) }));
  if (selection.length === 0) throw invalid(msg('outreach.nothing_selected'));
  const wanted = [...new Map(selection.map((s) => [`${s.role}:${s.unitNumber}`, s])).values()];
  const letter = await prepareLetters(store, round, baseUrl, now, new Set(wanted.map((s) => s.role)));
  return store.db.transaction().execute(async (trx) => {
    const contacts = new Map(
      (await contactRepo.currentContactsInRound(trx, year, round.registryYear)).map((c) => [`${c.role}:${c.unit_number}`, c]),
    );
    const problems = new ProblemList();
    const rows: repo.NewOutboxRow[] = [];
    for (const s of wanted) {
      const c = contacts.get(`${s.role}:${s.unitNumber}`);
      if (!c) {
        problems.add(msg('outreach.no_contact_in_round', { number: s.unitNumber, role: s.role, year }));
        continue;
      }
      rows.push(letterRow(letter, c, kind, 'manual', manualKey(year, kind, s.role, s.unitNumber, randomUUID()), byUser, now));
    }
    problems.throwIfAny();
    return { queued: await repo.insertMessages(trx, rows) };
  });
}

export type OutboxKind = repo.OutboxRow['kind'];
export type OutboxStatusName = repo.OutboxRow['status'];
export type StatusCounts = Record<OutboxStatusName, number>;

export interface OutboxStatus {
  readonly year: number;
  readonly total: number;
  readonly byStatus: StatusCounts;
  readonly byKind: Record<OutboxKind, StatusCounts>;
}

const zero = (): StatusCounts => ({ queued: 0, sent: 0, failed: 0 });

/** Messages of a round counted by status and by kind. */
export async function outboxStatus(store: Store, year: number): Promise<OutboxStatus> {
  const byStatus = zero();
  const byKind: Record<OutboxKind, StatusCounts> = { invitation: zero(), reminder: zero(), manual: zero() };
  let total = 0;
  for (const r of await repo.countByKindStatus(store.db, year)) {
    const status = r.status as OutboxStatusName;
    byStatus[status] += r.n;
    byKind[r.kind as OutboxKind][status] += r.n;
    total += r.n;
  }
  return { year, total, byStatus, byKind };
}

export interface OutboxMessage {
  readonly id: number;
  readonly sendKey: string;
  readonly kind: OutboxKind;
  readonly role: Role;
  readonly unitNumber: string;
  readonly contactId: number;
  readonly toAddress: string;
  readonly subject: string;
  readonly body: string;
  readonly status: OutboxStatusName;
  readonly attempts: number;
  /** Why it was not sent (yet), worded where it is shown. */
  readonly lastError: Message | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  readonly sentAt: Date | null;
}

function toMessage(r: repo.OutboxRow): OutboxMessage {
  return {
    id: r.id,
    sendKey: r.send_key,
    kind: r.kind,
    role: r.role as Role,
    unitNumber: r.unit_number,
    contactId: r.contact_id,
    toAddress: r.to_address,
    subject: r.subject,
    body: r.body,
    status: r.status,
    attempts: r.attempts,
    lastError: problemOf(r.last_error),
    createdAt: new Date(r.created_at),
    createdBy: r.created_by,
    sentAt: r.sent_at === null ? null : new Date(r.sent_at),
  };
}

/** A round's messages, newest first, optionally of one unit, role, status or kind (100 by default). */
export async function listOutbox(store: Store, year: number, filter: repo.ListFilter = {}): Promise<OutboxMessage[]> {
  return (await repo.listMessages(store.db, year, filter)).map(toMessage);
}
