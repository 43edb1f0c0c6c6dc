/**
 * Contacts: the named person who gets the invitation for a unit and role. Contacts belong to the
 * unit, not to a round, so next year's round starts with this year's people. A change closes the
 * old row and adds a new one, so who was contacted when is always known.
 */
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { normaliseUnitNumber } from '../registry/registry.csv.ts';
import { getRegistry } from '../registry/registry.service.ts';
import { getRound, roundUnits } from '../round/round.service.ts';
import { readCsv } from '../shared/csv.ts';
import { invalid, notFound, ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { type ContactInput, contactProblems, parseContactsCsv } from './contact.csv.ts';
import * as repo from './contact.repository.ts';

export type { ContactInput } from './contact.csv.ts';

export interface Contact {
  readonly id: number;
  readonly unitNumber: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
  /** When a newer contact replaced this one; null for the current contact. */
  readonly supersededAt: Date | null;
}

export interface RoundContact extends Contact {
  readonly unitName: string;
  readonly unitKind: 'kommune' | 'bydel';
}

function toContact(r: repo.ContactRow): Contact {
  return {
    id: r.id,
    unitNumber: r.unit_number,
    role: r.role as Role,
    name: r.name,
    email: r.email,
    phone: r.phone,
    createdAt: new Date(r.created_at),
    createdBy: r.created_by,
    supersededAt: r.superseded_at === null ? null : new Date(r.superseded_at),
  };
}

const same = (a: repo.ContactRow, b: ContactInput) => a.name === b.name && a.email === b.email && (a.phone ?? null) === b.phone;

export interface ContactImportResult {
  readonly contacts: number;
  readonly added: number;
  readonly changed: number;
  readonly unchanged: number;
}

/**
 * Writes checked contacts in the caller's transaction: equal ones stay as they are, changed ones
 * supersede the current row.
 */
async function applyContacts(
  db: Parameters<typeof repo.currentContacts>[0],
  inputs: readonly ContactInput[],
  byUser: string,
  now: Date,
): Promise<{ added: number; changed: number; unchanged: number; rows: repo.ContactRow[] }> {
  const current = new Map((await repo.currentContacts(db)).map((c) => [`${c.role}:${c.unit_number}`, c]));
  const superseded: number[] = [];
  const fresh: repo.NewContactRow[] = [];
  let added = 0;
  let unchanged = 0;
  for (const c of inputs) {
    const old = current.get(`${c.role}:${c.unitNumber}`);
    if (old && same(old, c)) {
      unchanged++;
      continue;
    }
    if (old) superseded.push(old.id);
    else added++;
    fresh.push({
      unit_number: c.unitNumber,
      role: c.role,
      name: c.name,
      email: c.email,
      phone: c.phone,
      created_at: now.toISOString(),
      created_by: byUser,
      superseded_at: null,
    });
  }
  await repo.supersede(db, superseded, now.toISOString());
  const rows = await repo.insertContacts(db, fresh);
  return { added, changed: superseded.length, unchanged, rows };
}

/**
 * Imports contacts for the units of a round, all or nothing. A row equal to the current contact
 * changes nothing; a changed row supersedes it. Contacts not in the file stay as they are.
 */
export async function importContacts(
  store: Store,
  year: number,
  text: string | Buffer,
  file: string,
  byUser: string,
  now = new Date(),
): Promise<ContactImportResult> {
  const round = await getRound(store, year);
  const units = new Set((await getRegistry(store, round.registryYear)).map((u) => u.number));
  const perRole = new Map<Role, Set<string>>();
  for (const r of roles) perRole.set(r, new Set(await roundUnits(store, year, r)));
  const inputs = parseContactsCsv(readCsv(text, file), { year, registryYear: round.registryYear, units, roundUnits: perRole });
  const r = await store.db.transaction().execute((trx) => applyContacts(trx, inputs, byUser, now));
  return { contacts: inputs.length, added: r.added, changed: r.changed, unchanged: r.unchanged };
}

export interface ContactUpdate {
  readonly unitNumber: string;
  readonly role: string;
  readonly name: string;
  readonly email: string;
  readonly phone?: string | null;
  /** When given, the unit must take part in this round in this role. */
  readonly year?: number;
}

/**
 * Sets one unit's contact for a role (the web form). Problems are reported per field, named by
 * the CSV column (`epost: "ola@" is not an e-mail address`); the first in the error's problem, the
 * others in `more`. Returns the current contact and whether anything changed.
 */
export async function updateContact(
  store: Store,
  input: ContactUpdate,
  byUser: string,
  now = new Date(),
): Promise<{ contact: Contact; changed: boolean }> {
  const problems = new ProblemList();
  const unitNumber = normaliseUnitNumber(input.unitNumber);
  const role = roleSchema.safeParse(input.role);
  const fields = { name: input.name.trim(), email: input.email.trim(), phone: (input.phone ?? '').trim() };
  const at = (where: string, what: Message) => msg('common.at', { where, what });
  if (unitNumber === undefined) problems.add(at('kommunenummer', msg('outreach.not_unit', { raw: input.unitNumber })));
  if (!role.success) problems.add(at('rolle', msg('outreach.not_a_role', { raw: input.role, roles: roles.join(', ') })));
  for (const [column, problem] of contactProblems(fields)) problems.add(at(column, problem));
  problems.throwIfAny();
  const unit = unitNumber as string;
  const r = role.data as Role;
  if (input.year !== undefined) {
    if (!(await roundUnits(store, input.year, r)).includes(unit))
      throw invalid(at('kommunenummer', msg('outreach.not_in_round', { number: unit, role: r, year: input.year })));
  } else if (!(await repo.unitExists(store.db, unit))) {
    throw notFound(at('kommunenummer', msg('outreach.in_no_registry', { number: unit })));
  }
  const contact: ContactInput = {
    unitNumber: unit,
    role: r,
    name: fields.name,
    email: fields.email,
    phone: fields.phone === '' ? null : fields.phone,
  };
  return store.db.transaction().execute(async (trx) => {
    const result = await applyContacts(trx, [contact], byUser, now);
    const row = result.rows[0] ?? (await repo.currentContacts(trx, { role: r, unitNumber: unit }))[0];
    if (!row) throw notFound(msg('outreach.no_contact', { number: unit, role: r }));
    return { contact: toContact(row), changed: result.rows.length > 0 };
  });
}

/** Removes a unit's contact for a role (it then gets no mail); the history keeps the old row. */
export async function removeContact(store: Store, unitNumber: string, role: Role, now = new Date()): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const current = await repo.currentContacts(trx, { role, unitNumber });
    await repo.supersede(
      trx,
      current.map((c) => c.id),
      now.toISOString(),
    );
    return current.length > 0;
  });
}

/** The current contacts of the units taking part in a round (optionally one role), with unit names. */
export async function currentContacts(store: Store, year: number, role?: Role): Promise<RoundContact[]> {
  const round = await getRound(store, year);
  const rows = await repo.currentContactsInRound(store.db, year, round.registryYear, role);
  return rows.map((r) => ({ ...toContact(r), unitName: r.unit_name, unitKind: r.unit_kind }));
}

/** Every contact a unit has had for a role, newest first. */
export async function contactHistory(store: Store, unitNumber: string, role: Role): Promise<Contact[]> {
  return (await repo.contactHistory(store.db, unitNumber, role)).map(toContact);
}
