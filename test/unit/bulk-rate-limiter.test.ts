import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AccountRateLimiter,
  isDailyLimit,
  nextUtcMidnight,
  WINDOW_MARGIN_MS,
  WithdrawnError,
  type LimitedResult,
  type RateBudget,
} from '../../electron/node/bulk/rate-limiter';
import { RateLimitSettings } from '../../electron/node/bulk/rate-limit-settings';
import type { KeyValueStore } from '../../electron/node/ports';

const OK: LimitedResult = { outcome: 'updated', retryAfterSeconds: null, rateLimitType: null };

function limiter(budget: RateBudget): AccountRateLimiter {
  return new AccountRateLimiter(() => budget);
}

function memoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

describe('account rate limiter', () => {
  it('never lets more than the budget start in any rolling second (plus margin), and keeps close to it', async () => {
    const l = limiter({ perSecond: 40, perDay: null });
    // Warm up (another account's lane): a cold first call runs late after its slot was taken.
    await l.run('warm-up', async () => OK);
    const starts: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 60 }, () =>
        l.run('acct', async () => {
          starts.push(performance.now());
          return OK;
        }),
      ),
    );
    for (let i = 0; i < starts.length; i++) {
      // Ticks are whole milliseconds (Date.now): allow 2 ms of rounding against performance.now().
      const inWindow = starts.filter(
        (s) => s >= (starts[i] ?? 0) && s < (starts[i] ?? 0) + 1000 + WINDOW_MARGIN_MS - 2,
      );
      assert.ok(inWindow.length <= 40, `${inWindow.length} starts within one window`);
    }
    const elapsed = (performance.now() - started) / 1000;
    // 40 in the first window, the next 20 as the first ones age out: about 1.05 s.
    assert.ok(elapsed >= 1, `60 requests at 40/s took ${elapsed.toFixed(2)} s`);
  });

  it('serves single changes (priority 1) before bulk rows (priority 0) waiting in the same lane', async () => {
    const l = limiter({ perSecond: 2, perDay: null });
    const order: string[] = [];
    const call = (name: string) => async () => {
      order.push(name);
      return OK;
    };
    const bulk = [l.run('acct', call('bulk-1'), { priority: 0 }), l.run('acct', call('bulk-2'), { priority: 0 })];
    const bulkLater = [l.run('acct', call('bulk-3'), { priority: 0 }), l.run('acct', call('bulk-4'), { priority: 0 })];
    const single = l.run('acct', call('single'), { priority: 1 });
    await Promise.all([...bulk, ...bulkLater, single]);
    assert.ok(order.indexOf('single') < order.indexOf('bulk-3'), `order: ${order.join(', ')}`);
  });

  it('pauses the account for Retry-After after a 429, and for a second when Zoom does not say', async () => {
    const l = limiter({ perSecond: 100, perDay: null });
    await l.run('acct', async () => ({ outcome: 'rate_limited', retryAfterSeconds: 2, rateLimitType: 'QPS' }));
    assert.ok(l.pausedFor('acct') > 1900);
    assert.equal(l.pausedFor('other'), 0, 'other accounts are not held up');
    const l2 = limiter({ perSecond: 100, perDay: null });
    await l2.run('acct', async () => ({ outcome: 'rate_limited', retryAfterSeconds: null, rateLimitType: null }));
    const paused = l2.pausedFor('acct');
    assert.ok(paused > 900 && paused <= 1000, `paused ${paused} ms`);
    const before = performance.now();
    await l2.run('acct', async () => OK);
    assert.ok(performance.now() - before >= 850, 'the next request waited');
  });

  it("remembers Zoom's daily limit until its reset (by header, or by message when the header is missing)", async () => {
    const l = limiter({ perSecond: 100, perDay: null });
    await l.run('acct', async () => ({
      outcome: 'rate_limited',
      retryAfterSeconds: 3600,
      rateLimitType: 'Daily-limit',
    }));
    const block = l.dailyBlock('acct');
    assert.equal(block?.source, 'zoom');
    assert.ok((block?.until.getTime() ?? 0) - Date.now() > 3500_000);
    assert.equal(l.pausedFor('acct'), 0, 'a daily limit is not retried after a pause: runs stop instead');
    assert.ok(
      isDailyLimit({
        outcome: 'rate_limited',
        retryAfterSeconds: null,
        rateLimitType: null,
        zoomMessage: 'You have reached the maximum daily rate limit for this API.',
      }),
    );
    assert.ok(!isDailyLimit({ outcome: 'rate_limited', retryAfterSeconds: 1, rateLimitType: 'QPS' }));
  });

  it("counts the account's own daily budget and blocks at it until midnight UTC", async () => {
    const l = limiter({ perSecond: 1000, perDay: 3 });
    for (let i = 0; i < 3; i++) await l.run('acct', async () => OK);
    const block = l.dailyBlock('acct');
    assert.equal(block?.source, 'local');
    assert.equal(block?.until.toISOString(), nextUtcMidnight(new Date()).toISOString());
  });

  it('withdraws a request that still waits, without ever calling it', async () => {
    const l = limiter({ perSecond: 1, perDay: null });
    await l.run('acct', async () => OK);
    const controller = new AbortController();
    let called = false;
    const waiting = l.run(
      'acct',
      async () => {
        called = true;
        return OK;
      },
      { signal: controller.signal },
    );
    controller.abort();
    await assert.rejects(waiting, WithdrawnError);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    assert.equal(called, false);
  });
});

describe('rate limit settings', () => {
  const acct = { id: 'acct1', name: 'Acme' };

  it("defaults to Pro's 20/s, takes a plan's defaults, and custom values over them", () => {
    const settings = new RateLimitSettings(memoryStore());
    assert.deepEqual(settings.get(acct), {
      account: 'Acme',
      perSecond: 20,
      perDay: null,
      plan: null,
      source: 'default',
    });
    assert.deepEqual(settings.set(acct, { plan: 'free', perSecond: null }), {
      account: 'Acme',
      perSecond: 2,
      perDay: 2000,
      plan: 'free',
      source: 'plan',
    });
    assert.deepEqual(settings.set(acct, { perSecond: 1.5 }), {
      account: 'Acme',
      perSecond: 1.5,
      perDay: 2000,
      plan: 'free',
      source: 'custom',
    });
    assert.deepEqual(settings.set(acct, { plan: 'business', perSecond: null, perDay: null }).perSecond, 60);
    assert.deepEqual(settings.budget('acct1'), { perSecond: 60, perDay: null });
  });

  it('takes a free plan from the cached policy read, and refuses nonsense', () => {
    const store = memoryStore();
    store.set('passwordPolicies', {
      acct1: {
        policy: { minLength: 8, requireSpecial: false, consecutiveLength: 0, weakDetection: false },
        source: 'basic',
        reason:
          "The account's password policy is unavailable on this Zoom plan (free accounts cannot read it), so Zoom's basic rules apply.",
        asOf: null,
      },
    });
    const settings = new RateLimitSettings(store);
    assert.equal(settings.get(acct).plan, 'free');
    assert.equal(settings.get(acct).perSecond, 2);
    assert.throws(() => settings.set(acct, { perSecond: 0 }), /more than 0/);
    assert.throws(() => settings.set(acct, { perSecond: 5, perDay: 2.5 }), /whole number/);
  });
});
