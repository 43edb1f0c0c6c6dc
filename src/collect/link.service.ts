/**
 * Personal links: each unit and role in a round gets a random token (256 bits, base64url) that
 * opens its questionnaire at /s/<token>. A token can be revoked and a new one issued (a link sent
 * to the wrong person). Tokens never appear in logs; see server/log.ts.
 */
import { randomBytes } from 'node:crypto';
import { type Role, roles } from '../questionnaire/model.ts';
import { getRound, roundUnits } from '../round/round.service.ts';
import { notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import * as repo from './link.repository.ts';

export interface PersonalLink {
  readonly unitNumber: string;
  readonly role: Role;
  readonly token: string;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are base64url; anything else is rejected before touching the store. */
export function looksLikeToken(s: string): boolean {
  return /^[A-Za-z0-9_-]{40,64}$/.test(s);
}

export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/s/${token}`;
}

/** The active links of a round (optionally one role), creating those that are missing. */
export async function ensureLinks(store: Store, year: number, role?: Role, now = new Date()): Promise<PersonalLink[]> {
  await getRound(store, year);
  const wanted = role ? [role] : [...roles];
  const unitsOf = new Map<Role, string[]>();
  for (const r of wanted) unitsOf.set(r, await roundUnits(store, year, r));
  return store.db.transaction().execute(async (trx) => {
    const existing = await repo.activeTokens(trx, year, role);
    const have = new Set(existing.map((t) => `${t.role}:${t.unit_number}`));
    const created = [];
    for (const [r, units] of unitsOf) {
      for (const unit of units) {
        if (have.has(`${r}:${unit}`)) continue;
        created.push({ token: newToken(), round_year: year, role: r, unit_number: unit, created_at: now.toISOString(), revoked_at: null });
      }
    }
    await repo.insertTokens(trx, created);
    return [...existing, ...created]
      .map((t) => ({ unitNumber: t.unit_number, role: t.role as Role, token: t.token }))
      .sort((a, b) => a.role.localeCompare(b.role) || a.unitNumber.localeCompare(b.unitNumber));
  });
}

/** Revokes a unit's link for a role and issues a new one; the old link stops working at once. */
export async function reissueLink(store: Store, year: number, role: Role, unitNumber: string, now = new Date()): Promise<PersonalLink> {
  const units = await roundUnits(store, year, role);
  if (!units.includes(unitNumber)) throw notFound(msg('round.unit_not_in_round', { unit: unitNumber, role, year }));
  const token = newToken();
  await store.db.transaction().execute(async (trx) => {
    await repo.revokeTokens(trx, year, role, unitNumber, now.toISOString());
    await repo.insertTokens(trx, [
      { token, round_year: year, role, unit_number: unitNumber, created_at: now.toISOString(), revoked_at: null },
    ]);
  });
  return { unitNumber, role, token };
}

export async function revokeLink(store: Store, year: number, role: Role, unitNumber: string, now = new Date()): Promise<number> {
  return repo.revokeTokens(store.db, year, role, unitNumber, now.toISOString());
}

export interface TokenTarget {
  readonly year: number;
  readonly role: Role;
  readonly unitNumber: string;
}

export async function resolveToken(store: Store, token: string): Promise<TokenTarget | null> {
  if (!looksLikeToken(token)) return null;
  const row = await repo.findActiveToken(store.db, token);
  return row ? { year: row.round_year, role: row.role as Role, unitNumber: row.unit_number } : null;
}
