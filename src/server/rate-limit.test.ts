import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLoginLimits, loginThrottle, rateLimiter } from './rate-limit.ts';

const minute = 60_000;

function fakeClock(start = 1_000_000) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

describe('rate limiter', () => {
  it('blocks a key after its limit until the window has passed, and not other keys', () => {
    const clock = fakeClock();
    const limiter = rateLimiter(3, 10 * minute, clock.now);
    assert.equal(limiter.hit('a'), true);
    assert.equal(limiter.hit('a'), true);
    assert.equal(limiter.blocked('a'), false);
    assert.equal(limiter.hit('a'), true);
    assert.equal(limiter.blocked('a'), true);
    assert.equal(limiter.hit('a'), false);
    assert.equal(limiter.blocked('b'), false);
    clock.advance(4 * minute);
    assert.equal(limiter.retryAfterMs('a'), 6 * minute);
    clock.advance(6 * minute);
    assert.equal(limiter.blocked('a'), false, 'a new window');
    assert.equal(limiter.retryAfterMs('a'), 0);
  });

  it('forgets a key on reset', () => {
    const limiter = rateLimiter(1, minute, fakeClock().now);
    limiter.hit('a');
    assert.equal(limiter.blocked('a'), true);
    limiter.reset('a');
    assert.equal(limiter.blocked('a'), false);
  });

  it('holds a bounded number of keys under a flood of fresh ones and still counts new keys', () => {
    const clock = fakeClock();
    const limiter = rateLimiter(2, minute, clock.now);
    for (let i = 0; i < 120_000; i++) limiter.hit(`flood-${i}`);
    assert.ok(limiter.size() <= 50_000, `${limiter.size()} keys held`);
    limiter.hit('late');
    limiter.hit('late');
    assert.equal(limiter.blocked('late'), true);
  });
});

describe('login throttle', () => {
  const limits = { ...defaultLoginLimits, perPair: 3, perAddress: 5, perAccount: 8, windowMs: 15 * minute, knownForMs: 60 * minute };

  it('refuses one address on one account after its failures, but not that address on another account or the account elsewhere', () => {
    const clock = fakeClock();
    const t = loginThrottle(limits, clock.now);
    for (let i = 0; i < 3; i++) {
      assert.equal(t.refusal('kari@x.no', '10.0.0.1'), null);
      t.failed('kari@x.no', '10.0.0.1');
    }
    assert.equal(t.refusal('kari@x.no', '10.0.0.1')?.reason, 'pair');
    assert.equal(t.refusal('ola@x.no', '10.0.0.1'), null);
    assert.equal(t.refusal('kari@x.no', '10.0.0.2'), null, 'the real user elsewhere is not locked out');
    clock.advance(15 * minute);
    assert.equal(t.refusal('kari@x.no', '10.0.0.1'), null, 'the lock lasts one window');
  });

  it('refuses an address that tries many accounts, for every account', () => {
    const clock = fakeClock();
    const t = loginThrottle(limits, clock.now);
    for (let i = 0; i < 5; i++) t.failed(`user${i}@x.no`, '10.0.0.9');
    const refused = t.refusal('someone-else@x.no', '10.0.0.9');
    assert.equal(refused?.reason, 'address');
    assert.equal(refused?.retryAfterMs, 15 * minute);
    assert.equal(t.refusal('someone-else@x.no', '10.0.0.10'), null);
  });

  it('never lets a single address lock an account for everyone', () => {
    const t = loginThrottle(defaultLoginLimits, fakeClock().now);
    for (let i = 0; i < 500; i++) if (t.refusal('kari@x.no', '10.6.6.6') === null) t.failed('kari@x.no', '10.6.6.6');
    for (let i = 0; i < 500; i++) if (t.refusal(`other${i}@x.no`, '10.6.6.6') === null) t.failed(`other${i}@x.no`, '10.6.6.6');
    assert.ok(t.refusal('kari@x.no', '10.6.6.6'), 'the attacker is stopped');
    assert.equal(t.refusal('kari@x.no', '10.1.1.1'), null, 'the real user is not');
  });

  it('makes new addresses wait on an account attacked from many addresses, but lets in an address that logged in to it before', () => {
    const clock = fakeClock();
    const t = loginThrottle(limits, clock.now);
    t.succeeded('kari@x.no', '10.1.1.1');
    for (let i = 0; i < 8; i++) t.failed('kari@x.no', `10.7.0.${i}`);
    assert.equal(t.refusal('kari@x.no', '10.2.2.2')?.reason, 'account');
    assert.equal(t.refusal('kari@x.no', '10.1.1.1'), null, 'the known address gets in');
    assert.equal(t.refusal('ola@x.no', '10.2.2.2'), null, 'other accounts are not affected');
    clock.advance(15 * minute);
    assert.equal(t.refusal('kari@x.no', '10.2.2.2'), null, 'a new address waits one window at most');
  });

  it('forgets a known address after a while', () => {
    const clock = fakeClock();
    const t = loginThrottle(limits, clock.now);
    t.succeeded('kari@x.no', '10.1.1.1');
    clock.advance(61 * minute);
    for (let i = 0; i < 8; i++) t.failed('kari@x.no', `10.7.0.${i}`);
    assert.equal(t.refusal('kari@x.no', '10.1.1.1')?.reason, 'account');
  });

  it('clears an address’s failures on an account when it logs in', () => {
    const t = loginThrottle(limits, fakeClock().now);
    t.failed('kari@x.no', '10.0.0.1');
    t.failed('kari@x.no', '10.0.0.1');
    t.succeeded('kari@x.no', '10.0.0.1');
    t.failed('kari@x.no', '10.0.0.1');
    t.failed('kari@x.no', '10.0.0.1');
    assert.equal(t.refusal('kari@x.no', '10.0.0.1'), null);
  });
});
