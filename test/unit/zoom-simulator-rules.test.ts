import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clock } from '../../electron/node/ports';
import { SAMPLE_POLICY, uniqueValidPassword } from '../../test/simulator/sample-users';
import { FaultInjector } from '../../test/simulator/sim-faults';
import { longestRun, refusePassword } from '../../test/simulator/sim-password-rules';
import { RateLimiter } from '../../test/simulator/sim-rate-limit';
import type { SimPolicy } from '../../test/simulator/sim-types';

const BASIC: SimPolicy = {
  minimumPasswordLength: 0,
  haveSpecialCharacter: false,
  consecutiveCharactersLength: 0,
  weakEnhanceDetection: false,
  passwordHistoryCount: 0,
};

function code(password: string, policy: Partial<SimPolicy> = {}): number | null {
  return refusePassword(password, { ...BASIC, ...policy })?.code ?? null;
}

describe('simulator password rules', () => {
  it("apply Zoom's basic rules with their codes", () => {
    assert.equal(code('Kite7harbor'), null);
    assert.equal(code('Kt7hrbr'), 1124, 'under 8');
    assert.equal(code('Kite7harbor'.repeat(3)), 300, 'over 31');
    assert.equal(code('aaaaaaaa'), 1130);
    assert.equal(code('24680246'), 1125);
    assert.equal(code('Kiteharbor'), 1126);
    assert.equal(code('kite7harbor'), 1128);
    assert.equal(code('Kite-123456'), 1131);
    assert.equal(code('Kite-12345'), null, 'a run of 5 passes the basic rule');
    assert.equal(code('Kite-fedcba-9'), 1131, 'descending runs count');
  });

  it('apply the account policy', () => {
    assert.equal(code('Kite7harb', { minimumPasswordLength: 10 }), 1124);
    assert.equal(code('Kite7harbor', { haveSpecialCharacter: true }), 1127);
    assert.equal(code('Kite-7harbor', { haveSpecialCharacter: true }), null);
    assert.equal(code('Kite-1234-q', { consecutiveCharactersLength: 4 }), 1131);
    assert.equal(code('Kite-123-q', { consecutiveCharactersLength: 4 }), null);
    for (const weak of ['Welcome2026!', 'P@ssw0rd123', 'Password1', 'Qwerty2024', 'Starwars99']) {
      assert.equal(code(weak, { weakEnhanceDetection: true }), 1136, weak);
      assert.equal(code(weak), null, `${weak} passes without the dictionary`);
    }
  });

  it('measures runs like Zoom', () => {
    assert.equal(longestRun(''), 0);
    assert.equal(longestRun('a'), 1);
    assert.equal(longestRun('abcXYZ'), 3);
    assert.equal(longestRun('a1b2'), 1);
    assert.equal(longestRun('9abc'), 3);
  });

  it('uniqueValidPassword always satisfies the sample policy and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const password = uniqueValidPassword();
      assert.equal(refusePassword(password, SAMPLE_POLICY), null, password);
      assert.ok(!seen.has(password));
      seen.add(password);
    }
  });
});

describe('simulator rate limiter', () => {
  function clockAt(ms: number): Clock & { set(ms: number): void } {
    let now = ms;
    return { now: () => new Date(now), set: (v) => (now = v) };
  }

  it('limits per second per account and category, with seconds in Retry-After', () => {
    const clock = clockAt(Date.parse('2026-11-23T12:00:00Z'));
    const limiter = new RateLimiter({ perSecond: 2 }, clock);
    assert.equal(limiter.take('a', 'Medium'), null);
    assert.equal(limiter.take('a', 'Medium'), null);
    const hit = limiter.take('a', 'Medium');
    assert.equal(hit?.type, 'QPS');
    assert.equal(hit?.headers['Retry-After'], '1');
    assert.equal(hit?.headers['X-RateLimit-Category'], 'Medium');
    assert.equal(limiter.take('b', 'Medium'), null, 'another account has its own budget');
    assert.equal(limiter.take('a', 'Light'), null, 'another category has its own budget');
    clock.set(Date.parse('2026-11-23T12:00:01Z'));
    assert.equal(limiter.take('a', 'Medium'), null, 'the window moved on');
  });

  it('has a daily limit reset at 00:00 UTC, with an ISO time in Retry-After', () => {
    const clock = clockAt(Date.parse('2026-11-23T22:00:00Z'));
    const limiter = new RateLimiter({ perSecond: 100, daily: 1 }, clock);
    assert.equal(limiter.take('a', 'Medium'), null);
    const hit = limiter.take('a', 'Medium');
    assert.equal(hit?.type, 'Daily-limit');
    assert.equal(hit?.headers['Retry-After'], '2026-11-24T00:00:00.000Z');
    clock.set(Date.parse('2026-11-24T00:00:01Z'));
    assert.equal(limiter.take('a', 'Medium'), null);
  });

  it('can leave the headers out', () => {
    const limiter = new RateLimiter({ perSecond: 1, omitHeaders: true }, clockAt(0));
    limiter.take('a', 'Medium');
    assert.deepEqual(limiter.take('a', 'Medium')?.headers, {});
  });
});

describe('simulator faults', () => {
  it('match by user and method, are used up, and the first match wins', () => {
    const faults = new FaultInjector();
    faults.add({ match: { userId: 'X@Example.com' }, times: 2, fault: { kind: 'reset-after-apply' } });
    faults.add({ fault: { kind: 'no-tracking-id' } });
    assert.equal(faults.take({ method: 'PUT', users: ['someone'] })?.kind, 'no-tracking-id');
    assert.equal(faults.take({ method: 'PUT', users: ['someone'] }), null);
    assert.equal(faults.take({ method: 'PUT', users: ['abc', 'x@example.com'] })?.kind, 'reset-after-apply');
    assert.equal(faults.take({ method: 'PUT', users: ['x@example.com'] })?.kind, 'reset-after-apply');
    assert.equal(faults.pending, 0);
    faults.add({ match: { method: 'get' }, times: Infinity, fault: { kind: 'delay', ms: 1 } });
    assert.equal(faults.take({ method: 'PUT', users: [] }), null);
    for (let i = 0; i < 5; i += 1) assert.equal(faults.take({ method: 'GET', users: [] })?.kind, 'delay');
    faults.clear();
    assert.equal(faults.pending, 0);
    assert.throws(() => faults.add({ times: 0, fault: { kind: 'no-tracking-id' } }), RangeError);
  });
});
