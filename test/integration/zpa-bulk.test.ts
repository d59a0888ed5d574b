/**
 * `zpa bulk` as a user runs it: the built CLI in a child process, the simulator over HTTPS, the real keychain.
 * The run is killed (SIGKILL) mid-way and resumed with --resume: every user ends up changed exactly once.
 * Needs the bundle (node scripts/build.mjs; built here when missing), NODE_EXTRA_CA_CERTS/ZPA_TEST_CA_DIR,
 * and a D-Bus session with an unlocked keyring (skipped without one, failed on CI).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { HistoryStore } from '../../electron/node/history/history-store';
import { DEMO_TOKEN } from '../simulator/sample-users';
import type { ZoomSimulator } from '../simulator/zoom-simulator';
import { bulkSimulator, bulkUsers, passwordPuts, writeCsv } from '../support/bulk-fixtures';
import {
  caEnv,
  keychainSkipReason,
  REPO_ROOT,
  testCaDir,
  ZPA_BUNDLE,
  ZPA_LAUNCHER,
  zpaEnv,
  ZpaRunner,
  type ZpaResult,
} from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';

const BUILT = [process.execPath, ZPA_LAUNCHER] as const;
const skip = await keychainSkipReason();

function assertExit(result: ZpaResult, codes: readonly number[]): void {
  assert.ok(
    result.code !== null && codes.includes(result.code),
    `zpa ${result.args.join(' ')} → ${result.code}\nstdout: ${result.stdout.slice(-2000)}\nstderr: ${result.stderr}`,
  );
}

function readCsvFile(file: string): string[][] {
  return parse(fs.readFileSync(file, 'utf8'), { bom: true }) as string[][];
}

describe('zpa bulk (built CLI, killed and resumed)', { skip }, () => {
  const users = bulkUsers(150, 'kill');
  const dir = tempDir({ after }, 'zpa-bulk-cli-');
  const dataDir = path.join(dir, 'data');
  let sim: ZoomSimulator;
  let runner: ZpaRunner;

  before(async () => {
    if (!fs.existsSync(ZPA_BUNDLE)) {
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
      assert.equal(built.status, 0, built.stderr);
    }
    sim = await bulkSimulator(users, { caDir: testCaDir(path.join(dir, 'ca')), rateLimit: { perSecond: 1000 } });
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir, apiBase: sim.apiBase }),
      ...caEnv(testCaDir(path.join(dir, 'ca'))),
    });
    assertExit(await runner.run(['token', 'set'], { stdin: `${DEMO_TOKEN}\n`, command: BUILT }), [0]);
  });
  after(async () => {
    await sim?.stop();
  });

  it('prints the run id first, survives SIGKILL, and --resume changes each user exactly once', async (t) => {
    const csv = writeCsv(dir, 'users.csv', ['Email', ...users.map((u) => u.email)]);
    const passwordsFile = path.join(dir, 'new-passwords.csv');
    const resultsFile = path.join(dir, 'results.csv');
    const args = ['bulk', csv, '--generate', '--passwords-out', passwordsFile, '--rate', '25', '--reason', 'INC-7'];

    // The first run: killed once about a third of the rows are done.
    const child = spawn(BUILT[0], [BUILT[1], ...args], { cwd: REPO_ROOT, env: { ...process.env, ...runner.env } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const killed = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('close', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no progress: ${stdout}\n${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if ((stdout.match(/^row \d+/gm) ?? []).length >= 50) {
          clearTimeout(timer);
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    assert.equal(await killed, 'SIGKILL');
    const firstLine = stdout.split('\n')[0] ?? '';
    const runId = /^run id: (run-\d{8}-\d{6}-[a-z0-9]{6})$/.exec(firstLine)?.[1];
    assert.ok(runId, `the first line names the run: ${firstLine}`);
    const doneBefore = users.filter((u) => sim.state.passwordChangeCount(u.email) > 0).length;
    assert.ok(doneBefore >= 50 && doneBefore < 150, `killed mid-run (${doneBefore} changed)`);

    // The journal shows it as interrupted, and the resume sends only what was not sent.
    const list = await runner.run(['bulk', '--list'], { command: BUILT });
    assertExit(list, [0]);
    assert.match(list.stdout, new RegExp(`${runId}\\s+interrupted.*resume: zpa bulk --resume ${runId}`));
    const resumed = await runner.run(['bulk', csv, '--resume', runId, '--out', resultsFile], {
      command: BUILT,
      timeoutMs: 120_000,
    });
    assertExit(resumed, [0, 4]);
    assert.equal(resumed.stdout.split('\n')[0], `run id: ${runId}`);

    // Rows whose request was out when the process died are "unknown": never resent by the run. The
    // ambiguous-outcome check (same password, from the passwords file) settles each of them.
    const results = readCsvFile(resultsFile);
    assert.deepEqual(results[0]?.slice(0, 5), ['User', 'Outcome', 'Zoom code', 'Message', 'Tracking ID']);
    const unknown = results.slice(1).filter((r) => r[1] === 'unknown');
    assert.equal(resumed.code, unknown.length > 0 ? 4 : 0, resumed.stdout.slice(-500));
    const passwords = new Map(
      readCsvFile(passwordsFile)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    );
    for (const row of unknown) {
      const [user, , , , , , , , , requestId] = row;
      const check = await runner.run(['password', 'set', user ?? '', '--password-stdin', '--check', requestId ?? ''], {
        stdin: `${passwords.get(user) ?? ''}\n`,
        command: BUILT,
      });
      assertExit(check, [0]);
    }

    const counts = users.map((u) => sim.state.passwordChangeCount(u.email));
    assert.deepEqual(
      counts.map((c, i) => [users[i]?.email, c]).filter(([, c]) => c !== 1),
      [],
      'every user changed exactly once',
    );
    // The last line per user in the passwords file is the password Zoom has now.
    assert.equal(passwords.size, 150);
    for (const u of users) assert.ok(sim.state.passwordMatches(u.email, passwords.get(u.email) ?? ''), u.email);
    // Every request is in the history, tagged with the run and its reason; no row was sent after it applied.
    const entries = HistoryStore.open({ dataDir })
      .list({ limit: 1000 })
      .entries.filter((e) => e.runId === runId);
    assert.equal(entries.filter((e) => e.outcome === 'updated').length, 150 - unknown.length);
    assert.ok(entries.every((e) => e.reason === 'INC-7' && e.source === 'zpa'));
    const putsPerUser = new Map<string, number>();
    for (const r of passwordPuts(sim)) putsPerUser.set(r.user ?? '', (putsPerUser.get(r.user ?? '') ?? 0) + 1);
    const checked = new Set(unknown.map((r) => r[0]));
    for (const u of users) {
      // A row out when the process died was either received by Zoom (the check then proves it) or not
      // (the check applies it): one or two requests, one change.
      const puts = putsPerUser.get(u.email) ?? 0;
      if (checked.has(u.email)) assert.ok(puts === 1 || puts === 2, `${u.email}: ${puts} requests`);
      else assert.equal(puts, 1, `${u.email} requests`);
    }
    t.diagnostic(`killed after ${doneBefore} of 150 changed; ${unknown.length} row(s) were out at the kill`);
  });

  it('exits 2 with the rows it leaves out, and sends nothing, when no row can be sent', async () => {
    const csv = writeCsv(dir, 'bad.csv', ['email;password', 'bad@;x', ';'], { eol: '\n' });
    const before = passwordPuts(sim).length;
    const result = await runner.run(['bulk', csv, '--generate'], { command: BUILT });
    assertExit(result, [2]);
    assert.match(result.stderr, /row 1 \(line 2, bad@\) left out: .*not a valid e-mail/);
    assert.match(result.stderr, /row 2 \(line 3\) left out: The row is empty/);
    assert.match(result.stderr, /No row can be sent/);
    assert.equal(result.stdout, '');
    assert.equal(passwordPuts(sim).length, before);
  });
});
