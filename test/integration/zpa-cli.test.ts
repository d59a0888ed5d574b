// The zpa command end to end: separate processes, the Zoom simulator over HTTPS with the test CA, and the real
// Secret Service (gnome-keyring in a D-Bus session) for the token. Each exit code is checked with its stderr line.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import { HistoryStore } from '../../electron/node/history/history-store';
import { DEMO_TOKEN, EXPIRED_TOKEN, NO_SCOPE_TOKEN, SAMPLE, uniqueValidPassword } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import {
  caEnv,
  keychainSkipReason,
  NO_KEYCHAIN_ENV,
  testCaDir,
  unreachableApiBase,
  uniqueKeychainService,
  zpaEnv,
  ZpaRunner,
  type ZpaResult,
} from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';

const HISTORY_FIELDS = ['id', 'at', 'user', 'outcome', 'httpStatus', 'zoomCode', 'message', 'trackingId', 'durationMs'];

/** Exactly one line on stderr, and it matches. */
function assertOneErrorLine(result: ZpaResult, pattern: RegExp): void {
  const lines = result.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one stderr line expected, got:\n${result.stderr}`);
  assert.match(lines[0] ?? '', pattern);
}

function assertExit(result: ZpaResult, code: number): void {
  assert.equal(
    result.code,
    code,
    `zpa ${result.args.join(' ')} → ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
  );
}

function parseHistory(result: ZpaResult): HistoryEntry[] {
  assertExit(result, 0);
  const parsed: unknown = JSON.parse(result.stdout);
  assert.ok(Array.isArray(parsed), 'history --json prints one array');
  return parsed as HistoryEntry[];
}

function seedEntry(n: number, over: Partial<HistoryEntry>): HistoryEntry {
  return {
    id: `seed-${n}`,
    at: new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString(),
    user: 'someone@example.com',
    outcome: 'updated',
    httpStatus: 204,
    zoomCode: null,
    message: 'Password updated.',
    zoomMessage: null,
    trackingId: `trk-${n}`,
    durationMs: 10 + n,
    apiBase: 'https://api.zoom.us/v2',
    source: 'app',
    retryAfterSeconds: null,
    ...over,
  };
}

describe('zpa without a keychain or network', () => {
  let runner: ZpaRunner;
  const dataDir = tempDir({ after }, 'zpa-cli-offline-');

  before(async () => {
    // History written by the real store, as the app would have left it.
    const store = HistoryStore.open({ dataDir });
    store.append(seedEntry(1, { user: 'alice@example.com' }));
    store.append(seedEntry(2, { user: 'bob@example.com', outcome: 'rejected', httpStatus: 400, zoomCode: 1129 }));
    store.append(seedEntry(3, { user: 'Alice@Example.com', outcome: 'unknown', httpStatus: null, trackingId: null }));
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir, apiBase: await unreachableApiBase() }),
      ...NO_KEYCHAIN_ENV,
    });
  });

  it('lists the history newest first as a table', async () => {
    const result = await runner.run(['history']);
    assertExit(result, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^WHEN\s+USER\s+OUTCOME/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(/\s{2,}/)[1]),
      ['Alice@Example.com', 'bob@example.com', 'alice@example.com'],
    );
    assert.equal(result.stderr, '');
  });

  it('prints one JSON array with every field, filtered by user, outcome and limit', async () => {
    const all = parseHistory(await runner.run(['history', '--json']));
    assert.deepEqual(
      all.map((e) => e.id),
      ['seed-3', 'seed-2', 'seed-1'],
    );
    for (const entry of all) for (const field of HISTORY_FIELDS) assert.ok(field in entry, `${field} in entry`);
    assert.equal(all[1]?.zoomCode, 1129);

    const alice = parseHistory(await runner.run(['history', '--json', '--user', 'ALICE']));
    assert.deepEqual(
      alice.map((e) => e.id),
      ['seed-3', 'seed-1'],
    );
    const rejected = parseHistory(await runner.run(['history', '--json', '--outcome', 'rejected']));
    assert.deepEqual(
      rejected.map((e) => e.id),
      ['seed-2'],
    );
    const limited = parseHistory(await runner.run(['history', '--json', '--limit', '1']));
    assert.deepEqual(
      limited.map((e) => e.id),
      ['seed-3'],
    );
  });

  it('says when nothing matches, and refuses an invalid --limit with exit 2', async () => {
    const none = await runner.run(['history', '--user', 'nobody-at-all']);
    assertExit(none, 0);
    assert.match(none.stdout, /No history entries match/);
    const bad = await runner.run(['history', '--limit', '-3']);
    assertExit(bad, 2);
    assertOneErrorLine(bad, /^zpa: .*--limit.*whole number/);
  });

  it('exits 3 with the vault message and action when no keychain is reachable', async () => {
    for (const [args, stdin] of [
      [['token', 'status'], ''],
      [['token', 'set'], `${DEMO_TOKEN}\n`],
      [['password', 'set', SAMPLE.memberEmail, '--password-stdin'], `${uniqueValidPassword()}\n`],
    ] as const) {
      const result = await runner.run(args, { stdin });
      assertExit(result, 3);
      assertOneErrorLine(result, /^zpa: Could not .* system keychain: no D-Bus session bus .*dbus-run-session/);
    }
  });

  it('exits 2 for an API base that is not https (nothing read, nothing sent)', async () => {
    const result = await runner.run(['history'], { env: { ZPA_API_BASE_URL: 'http://zoom.example.com/v2' } });
    assertExit(result, 2);
    assertOneErrorLine(result, /^zpa: ZPA_API_BASE_URL is not usable: .*https/);
  });
});

describe('zpa against the Zoom simulator and the real keychain', async () => {
  const skip = await keychainSkipReason();
  let sim: ZoomSimulator;
  let dailyLimited: ZoomSimulator;
  let runner: ZpaRunner;
  const work = tempDir({ after }, 'zpa-cli-');
  const dataDir = path.join(work, 'data');

  before(async () => {
    if (skip) return;
    const caDir = testCaDir(path.join(work, 'ca'));
    sim = await startZoomSimulator({ caDir });
    // A second account that allows one password change a day, for the rate-limit answer.
    dailyLimited = await startZoomSimulator({ caDir, rateLimit: { daily: 1 } });
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir, apiBase: sim.apiBase, keychainService: uniqueKeychainService() }),
      ...caEnv(caDir),
    });
  });

  after(async () => {
    if (skip) return;
    // Leave no entry behind in the test keyring, whatever failed.
    await runner.run(['token', 'clear']);
    await sim.stop();
    await dailyLimited.stop();
  });

  const setPassword = (user: string, password: string, extra: string[] = [], env?: NodeJS.ProcessEnv) =>
    runner.run(['password', 'set', user, '--password-stdin', ...extra], {
      stdin: `${password}\n`,
      ...(env ? { env } : {}),
    });

  it('reports no token, and exits 3 when a password change needs one', { skip }, async () => {
    const status = await runner.run(['token', 'status']);
    assertExit(status, 0);
    assert.match(status.stdout, /^Token: not stored\. Store one with: zpa token set/);
    assert.deepEqual(JSON.parse((await runner.run(['token', 'status', '--json'])).stdout), {
      stored: false,
      storedAt: null,
    });
    const before = sim.requests.length;
    const result = await setPassword(SAMPLE.memberEmail, uniqueValidPassword());
    assertExit(result, 3);
    // Accounts (issue 4): no account at all is still exit 3, and says how to add one.
    assertOneErrorLine(result, /^zpa: No Zoom account is set up\. .*zpa account add <name>/);
    assert.equal(sim.requests.length, before, 'nothing sent');
  });

  it('refuses a token given as an argument (exit 2) and an empty stdin, storing nothing', { skip }, async () => {
    const viaArgv = await runner.run(['token', 'set', DEMO_TOKEN]);
    assertExit(viaArgv, 2);
    assertOneErrorLine(viaArgv, /^zpa: Secrets are never accepted as arguments: .*shell history/);
    assert.ok(!viaArgv.stderr.includes(DEMO_TOKEN) && !viaArgv.stdout.includes(DEMO_TOKEN));
    const empty = await runner.run(['token', 'set'], { stdin: '' });
    assertExit(empty, 2);
    assertOneErrorLine(empty, /^zpa: No token on stdin/);
    assert.match((await runner.run(['token', 'status'])).stdout, /not stored/);
  });

  it('stores the token from stdin and reports since when', { skip }, async () => {
    const set = await runner.run(['token', 'set'], { stdin: `${DEMO_TOKEN}\r\n` });
    assertExit(set, 0);
    assert.match(set.stdout, /^Token stored in the OS keychain/);
    const status = await runner.run(['token', 'status']);
    assert.match(status.stdout, /^Token: stored in the OS keychain since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\.\n$/);
    const json = JSON.parse((await runner.run(['token', 'status', '--json'])).stdout) as {
      stored: boolean;
      storedAt: string;
    };
    assert.equal(json.stored, true);
    assert.ok(Math.abs(Date.parse(json.storedAt) - Date.now()) < 5 * 60_000);
  });

  it('exit 0: updates the password (Zoom applied it) and confirms on stdout', { skip }, async () => {
    const password = uniqueValidPassword();
    const result = await setPassword(SAMPLE.memberEmail, password);
    assertExit(result, 0);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^Password updated for priya\.patel@northwind\.example\. Zoom e-mails the user/);
    assert.ok(sim.state.passwordMatches(SAMPLE.memberEmail, password));
  });

  it('exit 0 with --json prints the history entry', { skip }, async () => {
    const password = uniqueValidPassword();
    const result = await setPassword(SAMPLE.plusEmail, password, ['--json']);
    assertExit(result, 0);
    const entry = JSON.parse(result.stdout) as HistoryEntry;
    assert.equal(entry.outcome, 'updated');
    assert.equal(entry.user, SAMPLE.plusEmail);
    assert.equal(entry.httpStatus, 204);
    assert.equal(entry.source, 'zpa');
    assert.ok(sim.state.passwordMatches(SAMPLE.plusEmail, password), 'the + in the e-mail was encoded');
  });

  it("exit 1: Zoom refuses (same password again), one line with Zoom's code and tracking id", { skip }, async () => {
    const password = uniqueValidPassword();
    assertExit(await setPassword(SAMPLE.member, password), 0);
    const result = await setPassword(SAMPLE.member, password);
    assertExit(result, 1);
    assertOneErrorLine(
      result,
      /^zpa: rejected: .*same as the user's current password.* \(Zoom code 300, tracking id v=2\.0;clid=sim1;rid=SIM_\w+\)$/,
    );
  });

  it('exit 1: user not found (Zoom code 1001)', { skip }, async () => {
    // --force: without it the lookup refuses the unknown user before sending (exit 2, zpa-users.test.ts).
    const result = await setPassword(SAMPLE.unknownEmail, uniqueValidPassword(), ['--force']);
    assertExit(result, 1);
    assertOneErrorLine(result, /^zpa: not_found: .*\(Zoom code 1001, tracking id v=2\.0;.*\)$/);
  });

  it('exit 2: invalid input is refused before anything is sent', { skip }, async () => {
    const before = sim.requests.length;
    const weak = await setPassword(SAMPLE.memberEmail, 'short1A');
    assertExit(weak, 2);
    assertOneErrorLine(weak, /^zpa: The password does not meet Zoom's rules: 8 to 31 characters\.$/);
    const long = await setPassword(SAMPLE.memberEmail, `Ab1${'x'.repeat(40)}`);
    assertExit(long, 2);
    assertOneErrorLine(long, /at most 31/);
    const badUser = await setPassword('not a user', uniqueValidPassword());
    assertExit(badUser, 2);
    assertOneErrorLine(badUser, /neither an e-mail address nor a Zoom user ID.*Nothing was sent/);
    const noFlag = await runner.run(['password', 'set', SAMPLE.memberEmail], { stdin: `${uniqueValidPassword()}\n` });
    assertExit(noFlag, 2);
    assertOneErrorLine(noFlag, /^zpa: zpa password set needs --password-stdin/);
    const empty = await runner.run(['password', 'set', SAMPLE.memberEmail, '--password-stdin'], { stdin: '' });
    assertExit(empty, 2);
    assertOneErrorLine(empty, /^zpa: No password on stdin/);
    const password = uniqueValidPassword();
    const inArgv = await runner.run(['password', 'set', SAMPLE.memberEmail, password]);
    assertExit(inArgv, 2);
    assert.ok(!inArgv.stderr.includes(password));
    assert.equal(sim.requests.length, before, 'nothing sent');
  });

  it('exit 3: Zoom refuses the token (expired: code 124; missing scope: code 4700 or 4711)', { skip }, async () => {
    try {
      for (const [token, code] of [
        [EXPIRED_TOKEN, 124],
        [NO_SCOPE_TOKEN, '47(00|11)'],
      ] as const) {
        assertExit(await runner.run(['token', 'set'], { stdin: `${token}\n` }), 0);
        const result = await setPassword(SAMPLE.memberEmail, uniqueValidPassword());
        assertExit(result, 3);
        assertOneErrorLine(
          result,
          new RegExp(
            `^zpa: unauthorized: .*\\(Zoom code ${code}, tracking id .*\\) Store the new token with: zpa token set$`,
          ),
        );
      }
    } finally {
      assertExit(await runner.run(['token', 'set'], { stdin: `${DEMO_TOKEN}\n` }), 0);
    }
  });

  it('exit 4: Zoom server error (503)', { skip }, async () => {
    sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'status', status: 503 } });
    const result = await setPassword(SAMPLE.memberEmail, uniqueValidPassword());
    assertExit(result, 4);
    assertOneErrorLine(
      result,
      /^zpa: failed: Zoom reported a problem on its side \(HTTP 503\).*\((Zoom code|HTTP) 503, tracking id .*\)$/,
    );
  });

  it('exit 4: the connection is lost after Zoom applied it (unknown), with how to check', { skip }, async () => {
    const password = uniqueValidPassword();
    sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
    const result = await setPassword(SAMPLE.memberEmail, password);
    assertExit(result, 4);
    assertOneErrorLine(
      result,
      /^zpa: unknown: .*may have applied the change\. Check before resending: .* zpa history --user priya\.patel@northwind\.example$/,
    );
    assert.ok(sim.state.passwordMatches(SAMPLE.memberEmail, password), 'Zoom did apply it');
  });

  it('exit 4: the API cannot be reached (nothing sent)', { skip }, async () => {
    const env = { ZPA_API_BASE_URL: await unreachableApiBase() };
    const result = await setPassword(SAMPLE.memberEmail, uniqueValidPassword(), [], env);
    assertExit(result, 4);
    assertOneErrorLine(result, /^zpa: failed: The server refused the connection; nothing was sent to Zoom\./);
  });

  it('exit 4: rate limited, with the wait Zoom asked for', { skip }, async () => {
    const env = { ZPA_API_BASE_URL: dailyLimited.apiBase };
    assertExit(await setPassword(SAMPLE.memberEmail, uniqueValidPassword(), [], env), 0);
    const result = await setPassword(SAMPLE.memberEmail, uniqueValidPassword(), [], env);
    assertExit(result, 4);
    assertOneErrorLine(
      result,
      /^zpa: rate_limited: Zoom's daily rate limit .*Wait \d+ (seconds|minutes|hours) .*\(Zoom code 429, tracking id .*\)$/,
    );
  });

  it('records every request in history: fields, filters, newest first', { skip }, async () => {
    const entries = parseHistory(await runner.run(['history', '--json']));
    const outcomes = entries.map((e) => e.outcome);
    for (const outcome of ['updated', 'rejected', 'not_found', 'unauthorized', 'failed', 'unknown', 'rate_limited']) {
      assert.ok(outcomes.includes(outcome as HistoryEntry['outcome']), `history has ${outcome}`);
    }
    assert.equal(outcomes[0], 'rate_limited', 'newest first');
    const sorted = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    assert.deepEqual(
      entries.map((e) => e.id),
      sorted.map((e) => e.id),
    );
    for (const entry of entries) {
      for (const field of HISTORY_FIELDS) assert.ok(field in entry, `${field} in ${entry.id}`);
      assert.equal(entry.source, 'zpa');
    }
    const unknown = entries.find((e) => e.outcome === 'unknown');
    assert.equal(unknown?.httpStatus, null);
    const rejected = entries.find((e) => e.outcome === 'rejected');
    assert.equal(rejected?.zoomCode, 300);
    assert.match(rejected?.trackingId ?? '', /^v=2\.0;clid=sim1;rid=SIM_/);

    const byUser = parseHistory(await runner.run(['history', '--json', '--user', 'JANE.DOE']));
    assert.ok(byUser.length === 1 && byUser[0]?.user === SAMPLE.plusEmail);
    const failed = parseHistory(await runner.run(['history', '--json', '--outcome', 'failed', '--limit', '1']));
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.outcome, 'failed');
  });

  it('reads the history with the keychain unavailable and the API unreachable', { skip }, async () => {
    const env = { ...NO_KEYCHAIN_ENV, ZPA_API_BASE_URL: await unreachableApiBase() };
    const online = parseHistory(await runner.run(['history', '--json']));
    const offline = parseHistory(await runner.run(['history', '--json'], { env }));
    assert.deepEqual(offline, online);
    const table = await runner.run(['history', '--limit', '2'], { env });
    assertExit(table, 0);
    assert.equal(table.stdout.trimEnd().split('\n').length, 3);
    assert.match(table.stderr, /^zpa: showing the 2 newest of \d+ entries/);
  });

  it('clears the token; a second clear says there was none; then exit 3 again', { skip }, async () => {
    const clear = await runner.run(['token', 'clear']);
    assertExit(clear, 0);
    assert.equal(clear.stdout, 'Token removed from the OS keychain.\n');
    const again = await runner.run(['token', 'clear']);
    assertExit(again, 0);
    assert.equal(again.stdout, 'No token was stored: nothing to remove.\n');
    assert.match((await runner.run(['token', 'status'])).stdout, /not stored/);
    assertExit(await setPassword(SAMPLE.memberEmail, uniqueValidPassword()), 3);
  });
});
