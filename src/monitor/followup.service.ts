/**
 * The follow-up log: staff record a phone call or an e-mail (who, when, outcome, note) per unit
 * and role, shown on the unit's page next to its mails and response status.
 */
import { z } from 'zod';
import { type Role, roleSchema } from '../questionnaire/model.ts';
import { roundUnits } from '../round/round.service.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { issue, parseOrThrow } from '../shared/validation.ts';
import type { Store } from '../store/store.ts';
import * as repo from './followup.repository.ts';

export const channels = ['phone', 'email', 'other'] as const;
export const channelNames: Record<(typeof channels)[number], string> = { phone: 'Telefon', email: 'E-post', other: 'Annet' };

export const followupInput = z.object({
  role: roleSchema,
  channel: z.enum(channels),
  outcome: z
    .string()
    .trim()
    .refine((s) => s.length > 0, issue(msg('monitor.outcome_missing')))
    .max(200),
  note: z.string().trim().max(4000).default(''),
  /** When it happened; now when absent. */
  at: z.date().optional(),
});
export type FollowupInput = z.input<typeof followupInput>;

export interface Followup {
  readonly id: number;
  readonly role: Role;
  readonly at: Date;
  readonly byUser: string;
  readonly channel: (typeof channels)[number];
  readonly outcome: string;
  readonly note: string;
}

export async function recordFollowup(
  store: Store,
  year: number,
  unitNumber: string,
  input: FollowupInput,
  byUser: string,
  now = new Date(),
): Promise<number> {
  const f = parseOrThrow(followupInput, input, 'follow-up');
  if (!(await roundUnits(store, year, f.role)).includes(unitNumber))
    throw invalid(msg('round.unit_not_in_round', { unit: unitNumber, role: f.role, year }));
  return repo.insertFollowup(store.db, {
    round_year: year,
    role: f.role,
    unit_number: unitNumber,
    at: (f.at ?? now).toISOString(),
    by_user: byUser,
    channel: f.channel,
    outcome: f.outcome,
    note: f.note,
  });
}

export async function followupsOf(store: Store, year: number, unitNumber: string): Promise<Followup[]> {
  return (await repo.followupsOf(store.db, year, unitNumber)).map((r) => ({
    id: r.id,
    role: r.role as Role,
    at: new Date(r.at),
    byUser: r.by_user,
    channel: r.channel,
    outcome: r.outcome,
    note: r.note,
  }));
}
