/**
 * The survey team's users: admins run the survey, analysts only read. Passwords are scrypt
 * hashes; a session is a random id in a cookie of which only the SHA-256 is stored, so a copy of
 * the database does not let anyone log in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import * as repo from './user.repository.ts';

export const userRoles = ['admin', 'analyst'] as const;
export type UserRole = (typeof userRoles)[number];

export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: UserRole;
}

/** How long a login lasts. */
export const sessionHours = 12;

const emailSchema = z.email();
const toUser = (r: repo.UserRow): User => ({ id: r.id, email: r.email, name: r.name, role: r.role });
const hashId = (id: string) => createHash('sha256').update(id).digest('base64url');
// Verifying against this when the e-mail is unknown keeps the answer time the same.
let dummyHash: Promise<string> | undefined;

export interface AddUserInput {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  readonly role?: UserRole;
}

/** Adds a user, or sets the password (and name/role when given) of an existing one. */
export async function addUser(store: Store, input: AddUserInput, now = new Date()): Promise<{ user: User; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) throw invalid(msg('auth.not_email', { value: input.email }));
  const problem = passwordProblem(input.password);
  if (problem) throw invalid(problem);
  const password_hash = await hashPassword(input.password);
  const existing = await repo.findUserByEmail(store.db, email);
  if (existing) {
    await repo.updateUser(store.db, existing.id, {
      password_hash,
      disabled_at: null,
      ...(input.name ? { name: input.name } : {}),
      ...(input.role ? { role: input.role } : {}),
    });
    await repo.deleteSessionsOf(store.db, existing.id);
    return { user: toUser({ ...existing, name: input.name ?? existing.name, role: input.role ?? existing.role }), created: false };
  }
  const row = {
    email,
    name: input.name ?? email,
    role: input.role ?? 'admin',
    password_hash,
    created_at: now.toISOString(),
    disabled_at: null,
  };
  const id = await repo.insertUser(store.db, row);
  return { user: toUser({ ...row, id }), created: true };
}

export async function listUsers(store: Store): Promise<(User & { disabled: boolean })[]> {
  return (await repo.listUsers(store.db)).map((r) => ({ ...toUser(r), disabled: r.disabled_at !== null }));
}

/** The user with this e-mail and password, or null. */
export async function authenticate(store: Store, email: string, password: string): Promise<User | null> {
  const row = await repo.findUserByEmail(store.db, email.trim().toLowerCase());
  if (!row || row.disabled_at !== null) {
    dummyHash ??= hashPassword('not a real password');
    await verifyPassword(password, await dummyHash);
    return null;
  }
  return (await verifyPassword(password, row.password_hash)) ? toUser(row) : null;
}

/** Starts a session; the returned id goes in the cookie and is never stored. */
export async function startSession(store: Store, user: User, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await repo.deleteExpiredSessions(store.db, now.toISOString());
  await repo.insertSession(store.db, {
    id_hash: hashId(id),
    user_id: user.id,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
  });
  return id;
}

export async function sessionUser(store: Store, id: string | undefined, now = new Date()): Promise<User | null> {
  if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
  const row = await repo.findSessionUser(store.db, hashId(id), now.toISOString());
  return row ? toUser(row) : null;
}

export async function endSession(store: Store, id: string | undefined): Promise<void> {
  if (id) await repo.deleteSession(store.db, hashId(id));
}
