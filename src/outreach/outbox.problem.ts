/**
 * Why a letter in the outbox was not sent, as kept in its `last_error` column: our own reasons
 * ("gave up after …", "not sent: the round closed …") as a catalogue message in JSON, so each
 * page words them in its language; a mail server's reply or a connection error as the text it
 * came with (rows written before messages existed hold plain text too), shown as a failed send.
 */
import { isMessage, type Message, msg } from '../shared/i18n/message.ts';

/** The column's text for one of our own reasons. */
export function storeProblem(m: Message): string {
  return JSON.stringify(m);
}

/** The column's text as a message: our own reason, or a failed send with the server's reply. */
export function problemOf(stored: string | null): Message | null {
  if (stored === null) return null;
  if (stored.startsWith('{')) {
    try {
      const m: unknown = JSON.parse(stored);
      if (isMessage(m)) return m;
    } catch {
      // Not ours: a reply that happens to start with a brace.
    }
  }
  return msg('outreach.send_failed', { reply: stored });
}
