/**
 * The reminder schedule as pure functions: what is due at an instant, and for whom.
 *
 * - The invitation is due from the moment the window opens until it closes, for every unit and
 *   role with a current contact that has not had one (nor a manual mail with its link), and that
 *   has not submitted already (e.g. by a forwarded link or an import).
 * - Reminder day d is due from 00:00 Oslo time d days after the opening day until the next
 *   reminder day; only the latest due day counts, so a scheduler that was down on day 7 does not
 *   send day 7 and day 14 together on day 15. It goes to those who were sent their link (an
 *   invitation or a manual mail that went out before that day fell due) and have not submitted.
 * - Each decision has a deterministic send key, so deciding twice adds nothing.
 */
import type { Role } from '../questionnaire/model.ts';
import { addDays, osloMidnightUtc } from '../shared/time.ts';

export interface ScheduleRound {
  readonly year: number;
  readonly window: { readonly opens: string };
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly reminders: readonly number[];
}

/** When reminder day `day` falls due: 00:00 Oslo time, `day` days after the opening day. */
export function reminderDueAt(round: ScheduleRound, day: number): Date {
  return osloMidnightUtc(addDays(round.window.opens, day));
}

export interface DueSteps {
  readonly invitation: boolean;
  /** The reminder day due now, if any. */
  readonly reminderDay: number | undefined;
}

export function dueSteps(round: ScheduleRound, now: Date): DueSteps {
  if (now < round.opensAt || now >= round.closesAt) return { invitation: false, reminderDay: undefined };
  const due = [...round.reminders].sort((a, b) => a - b).filter((d) => reminderDueAt(round, d) <= now);
  return { invitation: true, reminderDay: due.at(-1) };
}

export function invitationKey(year: number, role: Role, unitNumber: string): string {
  return `${year}:invitation:${role}:${unitNumber}`;
}

export function reminderKey(year: number, day: number, role: Role, unitNumber: string): string {
  return `${year}:reminder${day}:${role}:${unitNumber}`;
}

export function manualKey(year: number, kind: string, role: Role, unitNumber: string, id: string): string {
  return `${year}:manual-${kind}:${role}:${unitNumber}:${id}`;
}

/** A unit and role with a current contact, and what it has had so far. */
export interface Target {
  readonly role: Role;
  readonly unitNumber: string;
  /** An invitation or a manual mail exists that has not failed (queued or sent). */
  readonly hasLink: boolean;
  /** When such a mail first went out (the SMTP server accepted it); null when none has. */
  readonly linkSentAt: Date | null;
  readonly submitted: boolean;
}

export interface Decision {
  readonly target: Target;
  readonly kind: 'invitation' | 'reminder';
  readonly sendKey: string;
}

/** The messages due at `now`; keys already used are left out. */
export function decide(round: ScheduleRound, now: Date, targets: readonly Target[], usedKeys: ReadonlySet<string>): Decision[] {
  const steps = dueSteps(round, now);
  const out: Decision[] = [];
  for (const t of targets) {
    if (t.submitted) continue;
    if (steps.invitation && !t.hasLink) {
      const key = invitationKey(round.year, t.role, t.unitNumber);
      if (!usedKeys.has(key)) out.push({ target: t, kind: 'invitation', sendKey: key });
    }
    // A reminder only reaches those whose link went out before that reminder day fell due: an
    // invitation sent late (a contact added on day 9) is not followed by day 7's reminder at once.
    if (steps.reminderDay !== undefined && t.linkSentAt !== null && t.linkSentAt < reminderDueAt(round, steps.reminderDay)) {
      const key = reminderKey(round.year, steps.reminderDay, t.role, t.unitNumber);
      if (!usedKeys.has(key)) out.push({ target: t, kind: 'reminder', sendKey: key });
    }
  }
  return out;
}
