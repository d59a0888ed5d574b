/**
 * Network fault matrix for a BULK RUN (issue 8), through the whole core (accounts, token, rate limiter,
 * runner, journal, Zoom client over the real Node transport, history) against the Zoom simulator over
 * HTTPS. Each fault hits one or a few rows of a 12-row run. For every case: each row ends with exactly
 * one outcome, every request sent is exactly one history entry (tagged with the run's id), the rows and
 * the run say what happened and what to do, and the simulator's own count shows no user changed twice.
 * The single-change matrix is network-faults.test.ts. Run with ZPA_TEST_CA_DIR and NODE_EXTRA_CA_CERTS.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { HistoryEntry } from '../../shared/domain/history';
import type { BulkRunRow, BulkRunStatus } from '../../shared/ipc/bulk-schemas';
import { createCore, type Core } from '../../electron/node/core';
import type { Clock, Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { DEMO_TOKEN, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import type { SimFault } from '../simulator/sim-faults';
import type { SimUserSeed } from '../simulator/sim-types';
import type { ZoomSimulator } from '../simulator/zoom-simulator';
import { bulkSimulator, bulkUsers, writeCsv } from '../support/bulk-fixtures';
import { registerSecrets } from '../support/leak-registry';
import { MemoryKeychain } from '../support/memory-keychain';
import { unreachableApiBase } from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';

const TIMEOUT_MS = 1500;
const ROWS = 12;
/** Rows the faults hit: one early, one late in the run. */
const HIT = [3, 8] as const;

/** One PUT password request as it left the app (never its body or token). */
interface Sent {
  requestId: string;
  user: string;
  startedAt: number;
  answeredAt: number | null;
  status: number | null;
  /** Sent to the closed port instead of the simulator. */
  redirected: boolean;
}

/** The real Node transport, recording every password PUT; `unreachable` sends them to a closed port. */
function recordingTransport(sim: ZoomSimulator, closedOrigin: string) {
  const inner = createNodeTransport();
  const sent: Sent[] = [];
  const control = { unreachable: false };
  const transport: Transport = {
    async send(request) {
      const url = control.unreachable ? request.url.replace(sim.url, closedOrigin) : request.url;
      if (request.method !== 'PUT') return inner.send({ ...request, url });
      const user = decodeURIComponent(/\/users\/([^/]+)\/password$/.exec(request.url)?.[1] ?? '');
      const record: Sent = {
        requestId: request.requestId,
        user,
        startedAt: Date.now(),
        answeredAt: null,
        status: null,
        redirected: control.unreachable,
      };
      sent.push(record);
      try {
        const response = await inner.send({ ...request, url });
        record.status = response.status;
        return response;
      } finally {
        record.answeredAt = Date.now();
      }
    },
  };
  return { transport, sent, control };
}

/** A clock the test can move forward (Zoom's daily limit resets at midnight UTC). */
function movableClock(): Clock & { offsetMs: number } {
  return {
    offsetMs: 0,
    now() {
      return new Date(Date.now() + this.offsetMs);
    },
  };
}

interface Setup {
  sim: ZoomSimulator;
  core: Core;
  users: SimUserSeed[];
  /** Each user's password in the CSV (all rows bring their own, so a check can send the same again). */
  passwords: Map<string, string>;
  csv: string;
  dir: string;
  sent: Sent[];
  control: { unreachable: boolean };
}

/** A simulator with ROWS bulk users, an app core on it (a pasted token, or Server-to-Server OAuth), and a CSV. */
async function setUp(
  t: TestContext,
  tag: string,
  o: { s2s?: boolean; clock?: Clock; perSecond?: number; faults?: (users: SimUserSeed[]) => FaultList } = {},
): Promise<Setup> {
  const users = bulkUsers(ROWS, tag);
  const sim = await bulkSimulator(users, { rateLimit: { perSecond: 1000 } });
  t.after(() => sim.stop());
  // The data folder and exports are kept for the suite's leak scan; the CSV (it holds the passwords) is not.
  const dir = tempDir(t, `zpa-bulk-faults-${tag}-`);
  const input = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-bulk-faults-input-'));
  t.after(() => fs.rmSync(input, { recursive: true, force: true }));
  const { transport, sent, control } = recordingTransport(sim, new URL(await unreachableApiBase()).origin);
  const core = createCore({
    dataDir: path.join(dir, 'data'),
    apiBase: 'https://api.zoom.us/v2',
    transport,
    keychain: new MemoryKeychain(),
    keychainService: 'zpa-bulk-faults',
    source: 'app',
    version: '0.1.0',
    timeoutMs: TIMEOUT_MS,
    ...(o.clock === undefined ? {} : { clock: o.clock }),
  });
  t.after(() => core.bulk.shutdown());
  // A token of this test only, so the suite's leak scan can look for it.
  const token = `zpa-bulk-faults.${tag}.${randomUUID()}`;
  const demo = sim.state.token(DEMO_TOKEN);
  assert.ok(demo !== undefined);
  sim.state.addToken({ ...demo, token });
  registerSecrets(token);
  t.after(() => registerSecrets(...sim.oauth.issued.map((i) => i.token)));
  await core.accounts.add({
    name: 'Northwind',
    cloud: 'custom',
    apiBase: sim.apiBase,
    oauthBase: sim.oauthBase,
    credential: o.s2s === true ? { kind: 's2s', ...SAMPLE_OAUTH.full } : { kind: 'token', token },
  });
  await core.bulk.setRateLimit({ perSecond: o.perSecond ?? 50 });
  const passwords = new Map(users.map((u) => [u.email, uniqueValidPassword()]));
  const csv = writeCsv(input, 'users.csv', [
    'email,password',
    ...users.map((u) => `${u.email},${passwords.get(u.email)}`),
  ]);
  for (const [user, fault] of o.faults?.(users) ?? []) {
    sim.faults.add({ match: { userId: user, method: 'PUT' }, fault });
  }
  return { sim, core, users, passwords, csv, dir, sent, control };
}

type FaultList = [user: string, fault: SimFault][];

function hitUsers(users: readonly SimUserSeed[]): string[] {
  return HIT.map((i) => users[i]?.email ?? '');
}

async function waitFor(core: Core, runId: string, until: (s: BulkRunStatus) => boolean): Promise<BulkRunStatus> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = core.bulk.status(runId);
    if (until(status)) return status;
    assert.ok(Date.now() < deadline, `run ${runId} never reached the expected state: ${status.message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the simulator has handled every request that reached it (a delayed one ends after the app gave up). */
async function simSettled(s: Setup): Promise<void> {
  const deadline = Date.now() + 10_000;
  const handled = (id: string): boolean => s.sim.requests.some((r) => r.requestId === id);
  while (s.sent.some((r) => !r.redirected && !handled(r.requestId)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function allEntries(core: Core): HistoryEntry[] {
  return core.history.list({ limit: 1000, order: 'oldest' }).entries;
}

function row(status: BulkRunStatus, user: string): BulkRunRow {
  const found = status.rows.find((r) => r.user === user);
  assert.ok(found !== undefined, `no row for ${user}`);
  return found;
}

const FINAL_STATES = new Set(['updated', 'failed', 'unknown']);

/**
 * What every case requires of a run: one row per user, each with one final outcome (unless `open`: rows
 * not sent yet stay pending); each request that left is exactly one history entry and each entry one
 * request (over the whole test); the run's entries carry its id and the row shows the newest; and the
 * simulator changed no user twice.
 */
async function assertRun(s: Setup, status: BulkRunStatus, users: readonly string[], o: { open?: boolean } = {}) {
  await simSettled(s);
  assert.deepEqual(status.rows.map((r) => r.user).sort(), [...users].sort(), 'one row per user');
  assert.equal(status.counts.total, users.length);
  for (const r of status.rows) {
    if (o.open === true && r.state === 'pending') continue;
    assert.ok(FINAL_STATES.has(r.state), `row ${r.user} ends ${r.state}`);
    assert.ok((r.message ?? '').length > 0, `row ${r.user} says what happened`);
  }
  if (o.open !== true) {
    assert.equal(status.counts.remaining, 0);
    // The exported results hold each row once, with its outcome.
    const file = path.join(s.dir, `${status.runId}.csv`);
    assert.deepEqual(s.core.bulk.exportResults(status.runId, file), { rows: users.length, file });
    const [header, ...lines] = parse(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];
    assert.deepEqual(header?.slice(0, 2), ['User', 'Outcome']);
    assert.deepEqual(lines.map((l) => [l[0], l[1]]).sort(), status.rows.map((r) => [r.user, r.outcome ?? '']).sort());
  }

  const entries = allEntries(s.core);
  const ids = entries.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'no entry recorded twice');
  assert.deepEqual(
    [...new Set(s.sent.map((r) => r.requestId))].sort(),
    [...ids].sort(),
    'every request sent is one history entry, and every entry a request sent',
  );
  assert.ok(
    entries.every((e) => e.runId !== undefined || e.checkOf !== undefined),
    'every request of a run carries its id (only the checks, single changes, do not)',
  );
  const mine = entries.filter((e) => e.runId === status.runId);
  for (const r of status.rows) {
    const forUser = mine.filter((e) => e.user === r.user);
    if (r.state === 'pending') {
      assert.ok(forUser.every((e) => e.outcome === 'rate_limited' || e.httpStatus === null));
      continue;
    }
    const newest = forUser.at(-1);
    assert.ok(newest !== undefined, `row ${r.user} has its history entry`);
    assert.equal(r.entryId, newest.id, `row ${r.user} shows its newest entry`);
    assert.equal(r.outcome, newest.outcome);
  }
  assert.ok(
    mine.every((e) => users.includes(e.user)),
    'the run tags only its own rows',
  );
  assert.equal((await s.core.history.verify()).ok, true, 'the history chain is intact');
  assertNoneTwice(s);
}

function assertNoneTwice(s: Setup): void {
  const twice = s.users.filter((u) => s.sim.state.passwordChangeCount(u.email) > 1).map((u) => u.email);
  assert.deepEqual(twice, [], 'no user changed twice');
  // And from the simulator's log: no user's password was applied by two requests.
  const applied = s.sim.requests.filter((q) => q.method === 'PUT' && q.applied).map((q) => q.user);
  assert.equal(new Set(applied).size, applied.length, 'no two requests applied for one user');
}

/** How many times the app sent `user`'s password (distinct requests; a token renewal resends one). */
function requestsFor(s: Setup, user: string): number {
  return new Set(s.sent.filter((r) => r.user === user).map((r) => r.requestId)).size;
}

const CHECK_THIS_USER = /not sent again automatically: check this user/;
/** The run's summary of failed rows: what happened and what to do. */
const FAILED = (n: number): string => `${n} failed (each row says why; re-run the failed rows once that is fixed)`;

describe('network fault matrix, bulk run', () => {
  const ambiguous: [string, SimFault, 0 | 1, RegExp][] = [
    [
      'an answer slower than the timeout (Zoom applies it after the app gave up)',
      { kind: 'delay', ms: TIMEOUT_MS + 1000 },
      1,
      /No answer came back in time/,
    ],
    ['a connection reset before Zoom applied the change', { kind: 'reset-before-apply' }, 0, /may have applied/],
    ['a connection reset after Zoom applied the change', { kind: 'reset-after-apply' }, 1, /may have applied/],
  ];
  for (const [label, fault, applied, what] of ambiguous) {
    it(`${label}: the rows end unknown, are never resent, and the check settles them`, async (t) => {
      const s = await setUp(t, `amb${fault.kind.replace(/-/g, '')}`, {
        faults: (users) => hitUsers(users).map((u) => [u, fault]),
      });
      const emails = s.users.map((u) => u.email);
      const hit = hitUsers(s.users);
      const status = await s.core.bulk.wait(await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 }));

      assert.equal(status.state, 'finished', status.message);
      assert.deepEqual([status.counts.updated, status.counts.failed, status.counts.unknown], [ROWS - 2, 0, 2]);
      assert.equal(
        status.message,
        `Finished. ${ROWS - 2} updated, 0 failed, 2 unknown (check these users before sending again).`,
      );
      for (const user of hit) {
        const r = row(status, user);
        assert.equal(r.state, 'unknown');
        assert.match(r.message ?? '', what, 'the row says what happened');
        assert.match(r.message ?? '', CHECK_THIS_USER, 'and what to do');
        assert.equal(requestsFor(s, user), 1, `${user} was sent once, never resent`);
      }
      await assertRun(s, status, emails);
      assert.equal(s.sim.faults.pending, 0, 'both faults fired');
      for (const user of hit) assert.equal(s.sim.state.passwordChangeCount(user), applied);

      // The check (the same password once more) settles each unknown row; nobody is changed twice.
      for (const user of hit) {
        const check = await s.core.passwords.change({
          user,
          password: s.passwords.get(user) ?? '',
          checkOf: row(status, user).entryId ?? '',
        });
        assert.equal(check.outcome, 'updated', check.message);
        if (applied === 1) {
          assert.equal(check.confirmed, true, 'updated (confirmed): the first attempt had applied');
          assert.match(check.message, /^Confirmed: .* did reach Zoom/);
        } else {
          assert.equal(check.confirmed, undefined);
          assert.match(check.message, /had not applied; this check set the password now/);
        }
        assert.equal(s.sim.state.passwordChangeCount(user), 1);
        assert.ok(s.sim.state.passwordMatches(user, s.passwords.get(user) ?? ''));
      }
      await assertRun(s, status, emails);
      assert.ok(
        emails.every((u) => s.sim.state.passwordChangeCount(u) === 1),
        'in the end, each user changed once',
      );
    });
  }

  it('HTTP 500 and 503: the rows fail, are not resent by the run, and the re-run sends only them, once each', async (t) => {
    const s = await setUp(t, 'fivexx', {
      faults: (users) => {
        const [a = '', b = ''] = hitUsers(users);
        return [
          [a, { kind: 'status', status: 500 }],
          [b, { kind: 'status', status: 503 }],
        ];
      },
    });
    const emails = s.users.map((u) => u.email);
    const hit = hitUsers(s.users);
    const runId = await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 });
    const status = await s.core.bulk.wait(runId);

    assert.equal(status.state, 'finished', status.message);
    assert.deepEqual([status.counts.updated, status.counts.failed, status.counts.unknown], [ROWS - 2, 2, 0]);
    assert.equal(status.message, `Finished. ${ROWS - 2} updated, ${FAILED(2)}.`);
    for (const [i, user] of hit.entries()) {
      const r = row(status, user);
      assert.equal(r.state, 'failed');
      assert.equal(r.httpStatus, i === 0 ? 500 : 503);
      assert.match(r.message ?? '', /Zoom reported a problem on its side \(HTTP 50[03]\)/);
      assert.match(r.message ?? '', /Try again in a few minutes/);
      assert.equal(requestsFor(s, user), 1, 'a 5xx may have applied: never resent automatically');
    }
    await assertRun(s, status, emails);

    const rerunId = await s.core.bulk.rerunFailed(runId);
    const rerun = await s.core.bulk.wait(rerunId);
    assert.equal(rerun.state, 'finished', rerun.message);
    assert.deepEqual(rerun.rows.map((r) => [r.user, r.state]).sort(), hit.map((u) => [u, 'updated']).sort());
    await assertRun(s, rerun, hit);
    for (const user of hit) assert.equal(requestsFor(s, user), 2, 'the re-run sent it once more');
    assert.equal(
      s.sent.filter((r) => !hit.includes(r.user)).length,
      ROWS - 2,
      'the re-run sent nothing for the updated rows',
    );
    assert.ok(emails.every((u) => s.sim.state.passwordChangeCount(u) === 1));
  });

  it('answers whose body is not JSON: a 502 page, a cut-off 400, and a 200 page after Zoom applied it', async (t) => {
    const s = await setUp(t, 'malformed', {
      faults: (users) => [
        [users[2]?.email ?? '', { kind: 'malformed-body', status: 502 }],
        [users[6]?.email ?? '', { kind: 'malformed-body', status: 400, body: '{"code": 300, "message": "Inval' }],
        [users[10]?.email ?? '', { kind: 'malformed-body', status: 200 }],
      ],
    });
    const emails = s.users.map((u) => u.email);
    const status = await s.core.bulk.wait(await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 }));

    assert.equal(status.state, 'finished', status.message);
    assert.deepEqual([status.counts.updated, status.counts.failed, status.counts.unknown], [ROWS - 2, 2, 0]);
    assert.equal(status.message, `Finished. ${ROWS - 2} updated, ${FAILED(2)}.`);
    const html = row(status, emails[2] ?? '');
    assert.deepEqual([html.state, html.outcome, html.httpStatus], ['failed', 'failed', 502]);
    assert.match(html.message ?? '', /problem on its side \(HTTP 502\).*Try again/);
    const cut = row(status, emails[6] ?? '');
    assert.deepEqual([cut.state, cut.outcome, cut.httpStatus], ['failed', 'rejected', 400]);
    assert.match(cut.message ?? '', /its answer could not be read.*Try again/);
    const ok = row(status, emails[10] ?? '');
    assert.deepEqual([ok.state, ok.outcome], ['updated', 'updated']);
    for (const i of [2, 6, 10]) assert.equal(requestsFor(s, emails[i] ?? ''), 1, 'sent once');
    await assertRun(s, status, emails);
    assert.equal(s.sim.state.passwordChangeCount(emails[10] ?? ''), 1);
    assert.equal(s.sim.state.passwordChangeCount(emails[2] ?? ''), 0);
  });

  it('HTTP 429 without any header: a default wait is honoured, the rows are sent again once, none lost or doubled', async (t) => {
    const s = await setUp(t, 'bare429', {
      faults: (users) => hitUsers(users).map((u) => [u, { kind: 'rate-limited', type: 'QPS', omitHeaders: true }]),
    });
    const emails = s.users.map((u) => u.email);
    const hit = hitUsers(s.users);
    const status = await s.core.bulk.wait(await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 }));

    assert.equal(status.state, 'finished', status.message);
    assert.equal(status.message, `Finished. ${ROWS} updated, 0 failed.`);
    assert.equal(status.counts.updated, ROWS);
    for (const user of hit) {
      const [refused, retried, ...more] = s.sent.filter((r) => r.user === user);
      assert.ok(refused !== undefined && retried !== undefined && more.length === 0, `${user}: a 429, then one more`);
      assert.equal(refused.status, 429);
      assert.equal(retried.status, 204);
      // Zoom gave no Retry-After: the account's lane waits a default second before sending anything.
      const answered = refused.answeredAt ?? 0;
      const during = s.sent.filter((r) => r.startedAt > answered + 20 && r.startedAt < answered + 950);
      assert.deepEqual(during, [], 'nothing was sent during the default wait');
      assert.ok(retried.startedAt - answered >= 950, `sent again ${retried.startedAt - answered} ms after the 429`);
      const entries = allEntries(s.core).filter((e) => e.user === user);
      assert.deepEqual(
        entries.map((e) => [e.outcome, e.runId]),
        [
          ['rate_limited', status.runId],
          ['updated', status.runId],
        ],
      );
      assert.match(entries[0]?.message ?? '', /rate limit .* reached.*Wait a few seconds and try again/);
    }
    await assertRun(s, status, emails);
    assert.ok(emails.every((u) => s.sim.state.passwordChangeCount(u) === 1));
  });

  it("Zoom's daily limit (429 Daily-limit): the run pauses with a clear message, sends nothing more, resumes after the reset", async (t) => {
    const clock = movableClock();
    const s = await setUp(t, 'daily', {
      clock,
      perSecond: 20,
      faults: (users) => [[users[5]?.email ?? '', { kind: 'rate-limited', type: 'Daily-limit' }]],
    });
    const emails = s.users.map((u) => u.email);
    const limited = emails[5] ?? '';
    const status = await s.core.bulk.wait(await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 }));

    assert.equal(status.state, 'daily_limit', status.message);
    assert.match(
      status.message,
      /^Zoom's daily limit for this account is reached; it resets at \S+Z\. The run is paused: resume it after that time\.$/,
    );
    assert.ok(status.resumeAt !== null && Date.parse(status.resumeAt) > Date.now());
    assert.equal(row(status, limited).state, 'pending', 'the refused row stays to be sent');
    assert.equal(status.counts.failed + status.counts.unknown, 0);
    assert.equal(status.counts.updated + status.counts.remaining, ROWS, 'no row lost');
    const refused = s.sent.find((r) => r.status === 429);
    assert.ok(refused !== undefined && refused.user === limited);
    assert.deepEqual(
      s.sent.filter((r) => r.startedAt > (refused.answeredAt ?? 0)),
      [],
      'nothing was sent after the daily limit answer',
    );
    await assertRun(s, status, emails, { open: true });
    const sentBefore = s.sent.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(s.sent.length, sentBefore, 'nothing is sent while paused');

    // After Zoom's reset (midnight UTC), resuming sends the rest, the refused row once more.
    clock.offsetMs = Date.parse(status.resumeAt ?? '') - Date.now() + 1000;
    await s.core.bulk.resume(status.runId);
    const done = await s.core.bulk.wait(status.runId);
    assert.equal(done.state, 'finished', done.message);
    assert.equal(done.counts.updated, ROWS);
    assert.equal(requestsFor(s, limited), 2);
    await assertRun(s, done, emails);
    assert.ok(emails.every((u) => s.sim.state.passwordChangeCount(u) === 1));
  });

  it('the Server-to-Server token expires mid-run (401, code 124): renewed once, the run goes on, each user changed once', async (t) => {
    const s = await setUp(t, 'expiry', { s2s: true, perSecond: 10 });
    const emails = s.users.map((u) => u.email);
    const runId = await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 3 });
    await waitFor(s.core, runId, (st) => st.counts.updated >= 4);
    const first = s.sim.oauth.issued.at(-1);
    const record = first === undefined ? undefined : s.sim.state.token(first.token);
    assert.ok(first !== undefined && record !== undefined);
    assert.equal(s.sim.oauth.issued.length, 1, 'one token so far');
    // Zoom ends the token's life now (its clock and ours disagree, or it was revoked).
    s.sim.state.addToken({ ...record, expiresAt: Date.now() });
    const status = await s.core.bulk.wait(runId);

    assert.equal(status.state, 'finished', status.message);
    assert.equal(status.message, `Finished. ${ROWS} updated, 0 failed.`);
    assert.equal(s.sim.oauth.issued.length, 2, 'the token was renewed exactly once');
    const refused = s.sim.requests.filter((r) => r.method === 'PUT' && r.status === 401);
    assert.ok(refused.length >= 1 && refused.length <= 3, `${refused.length} requests met the expired token`);
    assert.ok(refused.every((r) => r.zoomCode === 124));
    for (const r of refused) {
      const again = s.sim.requests.filter((q) => q.requestId === r.requestId && q.status === 204);
      assert.equal(again.length, 1, 'the refused request was sent once more with the new token, and applied');
    }
    await assertRun(s, status, emails);
    assert.equal(allEntries(s.core).length, ROWS, 'one entry per row: the renewal is part of the same request');
    assert.ok(emails.every((u) => s.sim.state.passwordChangeCount(u) === 1));
  });

  it('the API host becomes unreachable mid-run: the rest fail saying what to do, nothing lost; the re-run finishes them', async (t) => {
    const s = await setUp(t, 'unreach', { perSecond: 10 });
    const emails = s.users.map((u) => u.email);
    const runId = await s.core.bulk.start({ file: s.csv, generate: false, concurrency: 4 });
    await waitFor(s.core, runId, (st) => st.counts.updated >= 4);
    s.control.unreachable = true;
    const status = await s.core.bulk.wait(runId);

    assert.equal(status.state, 'finished', status.message);
    const failed = status.rows.filter((r) => r.state === 'failed');
    assert.ok(failed.length >= 1, 'rows after the cut failed');
    assert.equal(status.counts.updated + failed.length, ROWS, 'every row is updated or failed: none lost');
    assert.equal(status.message, `Finished. ${status.counts.updated} updated, ${FAILED(failed.length)}.`);
    for (const r of failed) {
      assert.equal(r.httpStatus, null);
      assert.match(r.message ?? '', /refused the connection; nothing was sent to Zoom/);
      assert.match(r.message ?? '', /Check the internet connection/);
      assert.equal(s.sim.state.passwordChangeCount(r.user), 0);
    }
    await assertRun(s, status, emails);

    s.control.unreachable = false;
    const rerun = await s.core.bulk.wait(await s.core.bulk.rerunFailed(runId));
    assert.equal(rerun.state, 'finished', rerun.message);
    assert.equal(rerun.counts.updated, failed.length);
    await assertRun(
      s,
      rerun,
      failed.map((r) => r.user),
    );
    assert.ok(
      emails.every((u) => s.sim.state.passwordChangeCount(u) === 1),
      'each user changed once in the end',
    );
  });
});
