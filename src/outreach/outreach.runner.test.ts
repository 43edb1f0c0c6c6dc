import assert from 'node:assert/strict';
import { loadConfig } from '../config/config.ts';
import { clockFrom } from '../shared/clock.ts';
import { describeStores } from '../store/testing.ts';
import { startCaptureSmtp } from './capture-smtp.ts';
import { at, baseUrl, miniRoundWithContacts } from './fixtures.ts';
import { outboxStatus } from './outbox.service.ts';
import { startOutreachWorker } from './outreach.runner.ts';

describeStores('outreach worker in-process', (test) => {
  test('invites every contact of the open round and keeps running until stopped', async (store) => {
    await miniRoundWithContacts(store);
    const smtp = await startCaptureSmtp();
    const cfg = loadConfig({ SMTP_URL: smtp.url, KOMMUNEPULS_BASE_URL: baseUrl, KOMMUNEPULS_SMTP_RATE: '1000' });
    const controller = new AbortController();
    const lines: string[] = [];
    const running = startOutreachWorker(store, cfg, {
      signal: controller.signal,
      clock: clockFrom(at.day3),
      pollMs: 50,
      log: (l) => lines.push(l),
    });
    try {
      const got = await smtp.waitFor(22);
      assert.equal(new Set(got.map((m) => m.messageId)).size, 22);
      assert.ok(got.every((m) => m.text.includes(`${baseUrl}/s/`)));
    } finally {
      controller.abort();
      await running;
      await smtp.close();
    }
    assert.equal((await outboxStatus(store, 2019)).byStatus.sent, 22);
    assert.match(lines[0] ?? '', /^outreach: 2019: queued 22 invitation\(s\) and 0 reminder\(s\); sent 22, failed 0, to retry 0$/);
  });

  test('without SMTP_URL it says so and returns at once', async (store) => {
    const lines: string[] = [];
    await startOutreachWorker(store, loadConfig({}), { signal: new AbortController().signal, log: (l) => lines.push(l) });
    assert.deepEqual(lines, ['outreach: SMTP_URL is not set, so no invitations or reminders are sent']);
  });
});
