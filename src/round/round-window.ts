/**
 * Changing a round's window: extend or shorten it, or move it before it opens.
 *
 * The reminder schedule and the forms read the window from the round each time (outreach/
 * schedule.ts, `isOpen`), so moving it reschedules the reminders and letters written from then on
 * carry the new `{frist}`. The rules:
 * - Once the window has opened, the invitations are out: the opening day stays, the closing day
 *   may move (later, or earlier down to today).
 * - The closing day cannot be in the past: "close now" is today's date.
 * - A round that had closed and is extended opens again; reminders whose day has passed are not
 *   sent again (each has its send key), but the latest one due may go out to those who never had
 *   it, as after a scheduler pause. The result says which reminder days fall after the new close
 *   (they will not be sent) and whether the change reopened the round.
 */
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { addDays, osloDate, osloMidnightUtc } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import * as repo from './round.repository.ts';
import { getRound, isOpen, type Round } from './round.service.ts';

export interface WindowChange {
  /** First and last day (Oslo dates); a missing one stays as it is. */
  readonly opens?: string;
  readonly closes?: string;
}

export interface WindowChanged {
  readonly round: Round;
  readonly before: { readonly opens: string; readonly closes: string };
  /** Reminder days that now fall on or after the close: they will not be sent. */
  readonly remindersAfterClose: readonly number[];
  /** The round was closed at `now` and is open again. */
  readonly reopened: boolean;
}

function date(label: string, value: string): string {
  try {
    osloMidnightUtc(value);
  } catch {
    throw invalid(msg('round.not_a_date', { label, value }));
  }
  return value;
}

export async function changeRoundWindow(store: Store, year: number, change: WindowChange, now: Date): Promise<WindowChanged> {
  const round = await getRound(store, year);
  const opens = change.opens === undefined ? round.window.opens : date('--opens', change.opens);
  const closes = change.closes === undefined ? round.window.closes : date('--closes', change.closes);
  if (closes < opens) throw invalid(msg('round.closes_before_opens', { opens, closes }));
  if (opens !== round.window.opens && now >= round.opensAt) throw invalid(msg('round.opens_fixed', { opens: round.window.opens }));
  const today = osloDate(now);
  if (closes !== round.window.closes && closes < today) throw invalid(msg('round.closes_passed', { closes, today }));
  const opensAt = osloMidnightUtc(opens);
  const closesAt = osloMidnightUtc(addDays(closes, 1));
  await repo.updateWindow(store.db, year, opensAt.toISOString(), closesAt.toISOString());
  const after = await getRound(store, year);
  return {
    round: after,
    before: round.window,
    remindersAfterClose: after.reminders.filter((d) => osloMidnightUtc(addDays(opens, d)) >= closesAt),
    reopened: !isOpen(round, now) && now >= round.opensAt && isOpen(after, now),
  };
}
