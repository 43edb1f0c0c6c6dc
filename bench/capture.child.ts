/**
 * The loopback capture SMTP server in a process of its own for the outreach bench, so parsing
 * the received mail does not share an event loop with the sender being measured. Talks over IPC:
 * sends `{port}` when listening; answers `stats` with the count of messages and of Message-IDs
 * received more than once, `clear` empties it, `close` ends it.
 */
import { startCaptureSmtp } from '../src/outreach/capture-smtp.ts';

const smtp = await startCaptureSmtp({ parse: 'headers' });
process.send?.({ port: smtp.port });
process.on('message', (m: string) => {
  if (m === 'stats') {
    const perId = new Map<string, number>();
    for (const msg of smtp.messages()) perId.set(msg.messageId, (perId.get(msg.messageId) ?? 0) + 1);
    const duplicates = [...perId.values()].reduce((s, n) => s + n - 1, 0);
    process.send?.({ received: smtp.messages().length, unique: perId.size, duplicates });
  } else if (m === 'clear') {
    smtp.clear();
    process.send?.({ cleared: true });
  } else if (m === 'close') {
    void smtp.close().then(() => process.exit(0));
  }
});
