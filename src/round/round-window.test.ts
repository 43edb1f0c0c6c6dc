import assert from 'node:assert/strict';
import { deadlineText } from '../outreach/mail-template.service.ts';
import { dueSteps } from '../outreach/schedule.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { miniRegistryCsv, writeMiniTemplate } from './fixtures.ts';
import { createRound, getRound, isOpen } from './round.service.ts';
import { changeRoundWindow } from './round-window.ts';

// The mini template's window: 3 to 29 January 2020 (Oslo), a reminder 7 days after opening.
const template = writeMiniTemplate();
const at = (iso: string) => new Date(iso);

async function setUp(store: Parameters<typeof createRound>[0]) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
}

const refused = (pattern: RegExp) => (e: unknown) => e instanceof AppError && e.code === 'invalid_input' && pattern.test(e.text('nb'));

describeStores('changing a round’s window', (test) => {
  test('extends an open round: the forms, the reminder schedule and the letters’ deadline follow', async (store) => {
    await setUp(store);
    const now = at('2020-01-20T10:00:00Z');
    const r = await changeRoundWindow(store, 2019, { closes: '2020-02-12' }, now);
    assert.deepEqual(r.before, { opens: '2020-01-03', closes: '2020-01-29' });
    assert.deepEqual(r.round.window, { opens: '2020-01-03', closes: '2020-02-12' });
    assert.equal(r.round.closesAt.toISOString(), '2020-02-12T23:00:00.000Z', '24:00 Oslo time on the last day');
    assert.equal(r.reopened, false);
    const round = await getRound(store, 2019);
    const afterOldClose = at('2020-02-05T12:00:00Z');
    assert.equal(isOpen(round, afterOldClose), true);
    assert.deepEqual(dueSteps(round, afterOldClose), { invitation: true, reminderDay: 7 });
    assert.match(deadlineText(round), /12\. februar 2020/);
  });

  test('reopens a closed round and says so; a reminder day after the new close is named as not sent', async (store) => {
    await setUp(store);
    const now = at('2020-02-03T09:00:00Z');
    assert.equal(isOpen(await getRound(store, 2019), now), false);
    const r = await changeRoundWindow(store, 2019, { closes: '2020-02-07' }, now);
    assert.equal(r.reopened, true);
    assert.deepEqual(r.remindersAfterClose, []);
    const short = await changeRoundWindow(store, 2019, { closes: '2020-02-03' }, now);
    assert.equal(short.reopened, false, 'it was open already');
    // Before opening the whole window can move; reminder day 7 of a window of five days never comes.
    const early = at('2019-12-01T09:00:00Z');
    await changeRoundWindow(store, 2019, { closes: '2020-01-29' }, at('2020-01-20T09:00:00Z'));
    const moved = await changeRoundWindow(store, 2019, { opens: '2020-01-10', closes: '2020-01-14' }, early);
    assert.deepEqual(moved.round.window, { opens: '2020-01-10', closes: '2020-01-14' });
    assert.deepEqual(moved.remindersAfterClose, [7]);
  });

  test('refuses what cannot be, with the reason, and changes nothing', async (store) => {
    await setUp(store);
    const now = at('2020-01-20T10:00:00Z');
    const before = await getRound(store, 2019);
    await assert.rejects(changeRoundWindow(store, 2019, { opens: '2020-01-06' }, now), refused(/åpningsdatoen kan ikke flyttes/));
    await assert.rejects(
      changeRoundWindow(store, 2019, { closes: '2020-01-19' }, now),
      refused(/allerede passert \(i dag er 2020-01-20\)/),
    );
    await assert.rejects(changeRoundWindow(store, 2019, { closes: '2020-13-01' }, now), refused(/«2020-13-01» er ikke en dato/));
    await assert.rejects(
      changeRoundWindow(store, 2019, { opens: '2020-03-01', closes: '2020-02-01' }, at('2019-12-01T00:00:00Z')),
      refused(/slutter \(2020-02-01\) før den åpner \(2020-03-01\)/),
    );
    await assert.rejects(
      changeRoundWindow(store, 2031, { closes: '2032-01-01' }, now),
      (e) => e instanceof AppError && e.code === 'not_found',
    );
    assert.deepEqual(await getRound(store, 2019), before);
    // Closing today is allowed: the last day is today.
    const today = await changeRoundWindow(store, 2019, { closes: '2020-01-20' }, now);
    assert.equal(isOpen(today.round, now), true);
  });
});
