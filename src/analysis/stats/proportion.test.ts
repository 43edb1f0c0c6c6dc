import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { proportionCI, wilson, Z95 } from './proportion.ts';
import { assertClose, assertInterval } from './testing.ts';

// References: R 4.2.2 (Debian r-base-core 4.2.2.20221110-2), printed with sprintf("%.17g").

describe('wilson', () => {
  it('uses qnorm(0.975) as its default z', () => {
    // R: qnorm(0.975) = 1.9599639845400536
    assertClose(Z95, 1.9599639845400536, 1e-15);
  });

  it('matches the score interval of prop.test without continuity correction', () => {
    // R: prop.test(12, 40, correct = FALSE)$conf.int
    assertInterval(wilson(12, 40), [0.18074845229746531, 0.45430018818144935]);
    // R: prop.test(12, 40, correct = FALSE, conf.level = 0.90)$conf.int, z = qnorm(0.95)
    assertInterval(wilson(12, 40, { z: 1.6448536269514722 }), [0.19663289160383807, 0.42870848785434518]);
  });

  it('starts at exactly 0 for a count of 0 and ends at exactly 1 for a count of n', () => {
    // R: prop.test(0, 25, correct = FALSE)$conf.int and prop.test(25, 25, correct = FALSE)$conf.int
    assertInterval(wilson(0, 25), [0, 0.13319225093904843]);
    assertInterval(wilson(25, 25), [0.86680774906095159, 1]);
    assert.equal(wilson(0, 25)?.[0], 0);
    assert.equal(wilson(25, 25)?.[1], 1);
  });

  it("reproduces Newcombe's (1998) worked examples of the score method without correction", () => {
    // Newcombe RG (1998), Two-sided confidence intervals for the single proportion, Stat Med
    // 17:857-872, Table II, method 3: 81/263 0.2553-0.3662; 15/148 0.0624-0.1605;
    // 0/20 0.0000-0.1611; 1/29 0.0061-0.1718 (4 decimals, hence the 5e-5 tolerance) ...
    assertInterval(wilson(81, 263), [0.2553, 0.3662], 0, 5e-5);
    assertInterval(wilson(15, 148), [0.0624, 0.1605], 0, 5e-5);
    assertInterval(wilson(0, 20), [0, 0.1611], 0, 5e-5);
    assertInterval(wilson(1, 29), [0.0061, 0.1718], 0, 5e-5);
    // ... and to full precision, R: prop.test(x, n, correct = FALSE)$conf.int
    assertInterval(wilson(81, 263), [0.25528851987827428, 0.36620957698280016]);
    assertInterval(wilson(15, 148), [0.062386399530736283, 0.160487241723308]);
    assertInterval(wilson(0, 20), [0, 0.1611251580528193]);
    assertInterval(wilson(1, 29), [0.006113214292762661, 0.17175521879320282]);
  });

  it('with FPC equals the score interval with z² multiplied by (N − n)/(N − 1)', () => {
    // The FPC interval is prop.test's Wilson interval at z' = z·sqrt(f), i.e. at
    // conf.level = 2·pnorm(qnorm(0.975)·sqrt(f)) − 1. R:
    // prop.test(12, 40, correct = FALSE, conf.level = 2 * pnorm(qnorm(0.975) * sqrt(60 / 99)) - 1)$conf.int
    assertInterval(wilson(12, 40, { fpc: { population: 100 } }), [0.20296557157320322, 0.4190354512322132]);
    // R: prop.test(130, 220, correct = FALSE, conf.level = 2 * pnorm(qnorm(0.975) * sqrt(1280 / 1499)) - 1)$conf.int
    assertInterval(wilson(130, 220, { fpc: { population: 1500 } }), [0.52996528143186328, 0.64918179172716095]);
  });

  it('has zero width for a census (n = N) and is narrower with FPC than without', () => {
    assert.deepEqual(wilson(7, 20, { fpc: { population: 20 } }), [0.35, 0.35]);
    const plain = wilson(12, 40) as readonly [number, number];
    const fpc = wilson(12, 40, { fpc: { population: 100 } }) as readonly [number, number];
    assert.ok(fpc[0] > plain[0] && fpc[1] < plain[1]);
  });

  it('returns null for n = 0 (no interval), also with FPC', () => {
    assert.equal(wilson(0, 0), null);
    assert.equal(wilson(0, 0, { fpc: { population: 10 } }), null);
  });

  it('rejects impossible counts', () => {
    assert.throws(() => wilson(5, 4), RangeError);
    assert.throws(() => wilson(-1, 4), RangeError);
    assert.throws(() => wilson(1.5, 4), RangeError);
    assert.throws(() => wilson(1, 4, { fpc: { population: 3 } }), RangeError);
    assert.throws(() => wilson(1, 4, { z: 0 }), RangeError);
  });
});

describe('proportionCI (Wald)', () => {
  it('is p̂ ± z·sqrt(p̂(1 − p̂)/n) without FPC', () => {
    // R: p <- 12/40; p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 40)
    assertInterval(proportionCI(12, 40), [0.15798711745533733, 0.44201288254466264]);
  });

  it('multiplies the variance by (N − n)/(N − 1) with FPC (Cochran 1977, eq. 3.6)', () => {
    // Cochran's formula evaluated in R:
    // p <- 12/40; p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 40 * (100 - 40) / (100 - 1))
    assertInterval(proportionCI(12, 40, { fpc: { population: 100 } }), [0.18944312088164575, 0.41055687911835426]);
    // p <- 130/220; p + c(-1, 1) * qnorm(0.975) * sqrt(p * (1 - p) / 220 * (1500 - 220) / (1500 - 1))
    assertInterval(proportionCI(130, 220, { fpc: { population: 1500 } }), [0.53087317106928977, 0.65094501074889211]);
  });

  it('collapses to a point at p̂ = 0 and is truncated to [0, 1]', () => {
    assert.deepEqual(proportionCI(0, 30), [0, 0]);
    const [lo] = proportionCI(1, 30) as readonly [number, number];
    assert.equal(lo, 0);
  });

  it('returns null for n = 0', () => {
    assert.equal(proportionCI(0, 0), null);
  });
});
