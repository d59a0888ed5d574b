/**
 * Network fault matrix for ONE password change, through the whole core (accounts, token, Zoom client
 * over the real Node transport, history) against the Zoom simulator: for each fault, the outcome
 * recorded, a message saying what happened and what to do, exactly one history entry for the change,
 * and the simulator's own count shows the user's password changed at most once (never twice).
 * How each fault is classified is tested in detail in zoom-client.test.ts; zpa's exit codes for some
 * of them in zpa-cli.test.ts. Run with ZPA_TEST_CA_DIR and NODE_EXTRA_CA_CERTS (npm test sets them).
 */
import assert from 'node:assert/strict';
import { after, describe, it, type TestContext } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import type { Outcome } from '../../shared/domain/outcome';
import { createCore, type Core } from '../../electron/node/core';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { OAuthClient } from '../../electron/node/zoom/oauth-client';
import { EXPIRED_TOKEN, SAMPLE, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import type { SimFault } from '../simulator/sim-faults';
import { startZoomSimulator, type ZoomSimulator, type ZoomSimulatorOptions } from '../simulator/zoom-simulator';
import { MemoryKeychain } from '../support/memory-keychain';
import { unreachableApiBase } from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';

const TIMEOUT_MS = 1500;
const USER = SAMPLE.memberEmail;
const started: ZoomSimulator[] = [];

after(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const sim = await startZoomSimulator({
    maxChangesPer24h: 10_000,
    policy: { passwordHistoryCount: 0 },
    ...options,
    rateLimit: { perSecond: 10_000, ...options.rateLimit },
  });
  started.push(sim);
  return sim;
}

/** A fresh app core on `sim` with one account: Server-to-Server OAuth (default) or a pasted token. */
async function appOn(t: TestContext, sim: ZoomSimulator, o: { token?: string; apiBase?: string } = {}): Promise<Core> {
  const core = createCore({
    dataDir: tempDir(t, 'zpa-net-faults-'),
    apiBase: 'https://api.zoom.us/v2',
    transport: createNodeTransport(),
    keychain: new MemoryKeychain(),
    keychainService: 'zpa-net-faults',
    source: 'app',
    version: '0.1.0',
    timeoutMs: TIMEOUT_MS,
  });
  const urls = { cloud: 'custom' as const, apiBase: o.apiBase ?? sim.apiBase, oauthBase: sim.oauthBase };
  await core.accounts.add({
    name: 'Northwind',
    ...urls,
    credential: o.token === undefined ? { kind: 's2s', ...SAMPLE_OAUTH.full } : { kind: 'token', token: o.token },
  });
  return core;
}

interface Expect {
  outcome: Outcome;
  /** What the message must say happened, and what to do. */
  what: RegExp;
  todo: RegExp;
  /** How many times the simulator applied a new password for the user: 0 or 1, never more. */
  applied: 0 | 1;
  /** PUT requests the simulator saw for this change; default 1; 'checked' when the test checks them itself. */
  puts?: 1 | 'checked';
}

/** One change, and everything the matrix requires of it. */
async function changeOnce(core: Core, sim: ZoomSimulator, expect: Expect): Promise<HistoryEntry> {
  const countBefore = sim.state.passwordChangeCount(USER);
  const historyBefore = core.history.list({ limit: 1 }).total;
  const password = uniqueValidPassword();
  const entry = await core.passwords.change({ user: USER, password });
  // The delay fault applies the change after the client gave up: wait for the simulator to finish.
  const deadline = Date.now() + 10_000;
  while (sim.requests.filter((r) => r.requestId === entry.id).length < 1 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));

  assert.equal(entry.outcome, expect.outcome, `${entry.message} ${JSON.stringify(sim.requests.slice(-3))}`);
  assert.match(entry.message, expect.what, 'the message says what happened');
  assert.match(entry.message, expect.todo, 'and what to do');
  assert.ok(!JSON.stringify(entry).includes(password), 'the password is not in the entry');
  const page = core.history.list({ limit: 5 });
  assert.equal(page.total, historyBefore + 1, 'exactly one history entry for the change');
  assert.deepEqual(page.entries[0], entry, 'recorded as returned');
  assert.equal((await core.history.verify()).ok, true, 'the history chain is intact');
  assert.equal(sim.state.passwordChangeCount(USER) - countBefore, expect.applied, 'changed at most once');
  const puts = sim.requests.filter((r) => r.method === 'PUT' && r.requestId === entry.id);
  if (expect.puts !== 'checked') assert.equal(puts.length, 1, 'the app did not send it again on its own');
  return entry;
}

const MAY_HAVE_APPLIED = /may have applied/i;
const CHECK = /check|sign in|before/i;
const TRY_AGAIN = /try again|wait/i;

describe('network fault matrix, one change', () => {
  const faults: [string, SimFault, Expect][] = [
    [
      'an answer slower than the timeout (Zoom applies it after the app gave up)',
      { kind: 'delay', ms: TIMEOUT_MS + 1000 },
      { outcome: 'unknown', what: /no answer came back in time/i, todo: CHECK, applied: 1 },
    ],
    [
      'a connection reset before Zoom applied the change',
      { kind: 'reset-before-apply' },
      { outcome: 'unknown', what: MAY_HAVE_APPLIED, todo: CHECK, applied: 0 },
    ],
    [
      'a connection reset after Zoom applied the change',
      { kind: 'reset-after-apply' },
      { outcome: 'unknown', what: MAY_HAVE_APPLIED, todo: CHECK, applied: 1 },
    ],
    [
      'HTTP 500',
      { kind: 'status', status: 500 },
      { outcome: 'failed', what: /problem on its side \(HTTP 500\)/, todo: TRY_AGAIN, applied: 0 },
    ],
    [
      'HTTP 503',
      { kind: 'status', status: 503 },
      { outcome: 'failed', what: /problem on its side \(HTTP 503\)/, todo: TRY_AGAIN, applied: 0 },
    ],
    [
      'a 502 page of HTML instead of JSON',
      { kind: 'malformed-body', status: 502 },
      { outcome: 'failed', what: /HTTP 502/, todo: TRY_AGAIN, applied: 0 },
    ],
    [
      'a 400 whose body is not JSON',
      { kind: 'malformed-body', status: 400, body: '{"code": 300, "message": "Inval' },
      { outcome: 'rejected', what: /could not be read/i, todo: TRY_AGAIN, applied: 0 },
    ],
  ];
  for (const [label, fault, expect] of faults) {
    it(label, async (t) => {
      const sim = await simulator();
      const core = await appOn(t, sim);
      sim.faults.add({ match: { userId: USER, method: 'PUT' }, fault });
      await changeOnce(core, sim, expect);
      assert.equal(sim.faults.pending, 0, 'the fault fired');
      // And the next change, with the network healthy again, goes through once.
      await changeOnce(core, sim, { outcome: 'updated', what: /Password updated/, todo: /.*/, applied: 1 });
    });
  }

  it('HTTP 429 without any rate-limit header', async (t) => {
    const sim = await simulator();
    const core = await appOn(t, sim);
    sim.faults.add({ match: { method: 'PUT' }, fault: { kind: 'rate-limited', type: 'QPS', omitHeaders: true } });
    const entry = await changeOnce(core, sim, {
      outcome: 'rate_limited',
      what: /rate limit for this account was reached/i,
      todo: /wait a few seconds and try again/i,
      applied: 0,
    });
    assert.equal(entry.httpStatus, 429);
    assert.equal(entry.retryAfterSeconds, null, 'no wait was given, none is made up');
  });

  it("Zoom's daily limit (HTTP 429, X-RateLimit-Type Daily-limit)", async (t) => {
    const sim = await simulator();
    const core = await appOn(t, sim);
    sim.faults.add({ match: { method: 'PUT' }, fault: { kind: 'rate-limited', type: 'Daily-limit' } });
    const entry = await changeOnce(core, sim, {
      outcome: 'rate_limited',
      what: /daily rate limit/i,
      todo: /wait .*(hours|minutes|seconds).* and try again/i,
      applied: 0,
    });
    assert.ok((entry.retryAfterSeconds ?? 0) > 0, 'the wait until midnight UTC is kept');
  });

  it('an OAuth token Zoom no longer accepts (401, code 124): renewed once, the change sent once more, applied once', async (t) => {
    const sim = await simulator({ oauth: { revokePreviousTokens: true } });
    const core = await appOn(t, sim);
    await changeOnce(core, sim, { outcome: 'updated', what: /Password updated/, todo: /.*/, applied: 1 });
    // Another copy of the app fetches a token for the same OAuth app: Zoom revokes ours.
    await new OAuthClient({ transport: createNodeTransport() }).fetchToken({
      oauthBase: sim.oauthBase,
      credentials: SAMPLE_OAUTH.full,
    });
    const seen = sim.requests.length;
    const tokensBefore = sim.oauth.tokenRequests;
    const entry = await changeOnce(core, sim, {
      outcome: 'updated',
      what: /Password updated/,
      todo: /.*/,
      applied: 1,
      puts: 'checked',
    });
    // The first request with the revoked token (the password change itself, or a look-up before it)
    // is refused with 124; a new token is fetched once; the password is set exactly once.
    const after = sim.requests.slice(seen);
    assert.deepEqual([after[0]?.status, after[0]?.zoomCode], [401, 124]);
    assert.equal(sim.oauth.tokenRequests - tokensBefore, 1, 'one renewal');
    const puts = after.filter((r) => r.method === 'PUT');
    assert.ok(puts.every((r) => r.requestId === entry.id));
    assert.deepEqual(
      puts.filter((r) => r.applied).map((r) => r.status),
      [204],
      'set once',
    );
  });

  it('a pasted token that has expired (401, code 124): not retried, the user is told to paste a new one', async (t) => {
    const sim = await simulator();
    const core = await appOn(t, sim, { token: EXPIRED_TOKEN });
    await changeOnce(core, sim, {
      outcome: 'unauthorized',
      what: /refused the access token|expired/i,
      todo: /token/i,
      applied: 0,
    });
  });

  it('the API host cannot be reached', async (t) => {
    const sim = await simulator();
    const core = await appOn(t, sim, { token: EXPIRED_TOKEN, apiBase: await unreachableApiBase() });
    const historyBefore = core.history.list({ limit: 1 }).total;
    const entry = await core.passwords.change({ user: USER, password: uniqueValidPassword() });
    assert.equal(entry.outcome, 'failed');
    assert.match(entry.message, /refused the connection; nothing was sent to Zoom/);
    assert.match(entry.message, /Check the internet connection/);
    assert.equal(entry.httpStatus, null);
    assert.equal(core.history.list({ limit: 1 }).total, historyBefore + 1);
    assert.equal(sim.state.passwordChangeCount(USER), 0);
  });
});
