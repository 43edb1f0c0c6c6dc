import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at } from './fixtures.ts';
import { decide, dueSteps, invitationKey, reminderDueAt, reminderKey, type ScheduleRound, type Target } from './schedule.ts';

const round: ScheduleRound = {
  year: 2019,
  window: { opens: '2020-01-03' },
  opensAt: at.opening,
  closesAt: at.closed,
  reminders: [21, 7, 14],
};

const target = (unitNumber: string, t: Partial<Target> = {}): Target => ({
  role: 'skolesjef',
  unitNumber,
  hasLink: false,
  linkSentAt: null,
  submitted: false,
  ...t,
});

describe('reminder schedule', () => {
  it('falls due at 00:00 Oslo time the given number of days after the opening day', () => {
    assert.equal(reminderDueAt(round, 7).toISOString(), '2020-01-09T23:00:00.000Z');
    assert.equal(reminderDueAt(round, 21).toISOString(), '2020-01-23T23:00:00.000Z');
  });

  it('makes nothing due before the window opens or once it has closed', () => {
    assert.deepEqual(dueSteps(round, at.beforeOpening), { invitation: false, reminderDay: undefined });
    assert.deepEqual(dueSteps(round, at.closed), { invitation: false, reminderDay: undefined });
  });

  it('makes the invitation due from opening and only the latest reminder day that has come', () => {
    assert.deepEqual(dueSteps(round, at.opening), { invitation: true, reminderDay: undefined });
    assert.deepEqual(dueSteps(round, new Date(at.day7.getTime() - 1)), { invitation: true, reminderDay: undefined });
    assert.deepEqual(dueSteps(round, at.day7), { invitation: true, reminderDay: 7 });
    assert.deepEqual(dueSteps(round, at.day15), { invitation: true, reminderDay: 14 });
  });

  it('invites those without a link, and reminds only those whose link went out and who have not submitted', () => {
    const targets = [
      target('0301'),
      target('0302', { hasLink: true }), // invitation queued, not sent yet
      target('0303', { hasLink: true, linkSentAt: at.opening }),
      target('0401', { hasLink: true, linkSentAt: at.opening, submitted: true }),
      target('0402', { submitted: true }), // answered through a forwarded link before any mail
    ];
    const d = decide(round, at.day8, targets, new Set());
    assert.deepEqual(
      d.map((x) => x.sendKey),
      [invitationKey(2019, 'skolesjef', '0301'), reminderKey(2019, 7, 'skolesjef', '0303')],
    );
    assert.equal(d[1]?.sendKey, '2019:reminder7:skolesjef:0303');
  });

  it('does not follow a late invitation at once with a reminder that fell due before it went out', () => {
    const late = target('0303', { hasLink: true, linkSentAt: new Date(at.day7.getTime() + 3_600_000) });
    assert.deepEqual(decide(round, at.day8, [late], new Set()), []);
    assert.deepEqual(
      decide(round, at.day15, [late], new Set()).map((x) => x.sendKey),
      ['2019:reminder14:skolesjef:0303'],
    );
  });

  it('leaves out decisions whose send key was used', () => {
    const used = new Set(['2019:invitation:skolesjef:0301', '2019:reminder7:skolesjef:0303']);
    assert.deepEqual(decide(round, at.day8, [target('0301'), target('0303', { hasLink: true, linkSentAt: at.opening })], used), []);
  });
});
