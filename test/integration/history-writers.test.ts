/**
 * `zpa` and the app writing the same history at the same time lose nothing: several zpa processes
 * change passwords (real CLI, real keychain, the Zoom simulator) while the app's core in this process
 * keeps changing passwords too. Afterwards every change is in the history exactly once, numbered
 * without gaps, and the hash chain verifies (the core's check and `zpa history verify`).
 * Two HistoryStore instances and raw child writers are covered in test/unit/history-concurrency.test.ts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import { createCore, type Core } from '../../electron/node/core';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { DEMO_TOKEN, SAMPLE, uniqueValidPassword } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { caEnv, keychainSkipReason, testCaDir, uniqueKeychainService, zpaEnv, ZpaRunner } from '../support/run-zpa';
import { tempDir } from '../support/temp-dir';

const ZPA_PROCESSES = 6;
// Three different people (SAMPLE.member is the id of memberEmail).
const USERS = [SAMPLE.memberEmail, SAMPLE.plusEmail, SAMPLE.unicodeEmail];

describe('zpa and the app append to one history at once', async () => {
  const skip = await keychainSkipReason();

  it('every change is recorded once, in one unbroken chain', { skip, timeout: 120_000 }, async (t) => {
    const work = tempDir(t, 'zpa-writers-');
    const dataDir = path.join(work, 'data');
    const caDir = testCaDir(path.join(work, 'ca'));
    const sim = await startZoomSimulator({
      caDir,
      rateLimit: { perSecond: 10_000 },
      maxChangesPer24h: 10_000,
      policy: { passwordHistoryCount: 0 },
    });
    const service = uniqueKeychainService();
    const core = createCore({
      dataDir,
      apiBase: sim.apiBase,
      transport: createNodeTransport(),
      keychain: () => loadKeytar(),
      keychainService: service,
      source: 'app',
      version: '0.1.0',
    });
    const account = await core.accounts.add({
      name: 'Northwind',
      cloud: 'custom',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      credential: { kind: 'token', token: DEMO_TOKEN },
    });
    // In the test, not a hook: the hooks remove the data folder first.
    try {
      await writeTogether(
        core,
        new ZpaRunner({ ...zpaEnv({ dataDir, apiBase: sim.apiBase, keychainService: service }), ...caEnv(caDir) }),
        sim,
      );
    } finally {
      await core.accounts.remove(account.id);
      await sim.stop();
    }
  });
});

async function writeTogether(core: Core, zpa: ZpaRunner, sim: ZoomSimulator): Promise<void> {
  // The zpa processes start together; the app keeps changing passwords until the last one has ended.
  let running = ZPA_PROCESSES;
  const fromZpa = Array.from({ length: ZPA_PROCESSES }, (_, i) =>
    zpa
      .run(['password', 'set', USERS[i % USERS.length] ?? SAMPLE.member, '--password-stdin', '--json'], {
        stdin: `${uniqueValidPassword()}\n`,
      })
      .finally(() => (running -= 1)),
  );
  const fromApp: HistoryEntry[] = [];
  let i = 0;
  while (running > 0 || fromApp.length < 4) {
    const batch = await Promise.all(
      [0, 1].map(() =>
        core.passwords.change({
          user: USERS[(i += 1) % USERS.length] ?? SAMPLE.member,
          password: uniqueValidPassword(),
        }),
      ),
    );
    fromApp.push(...batch);
  }
  const zpaEntries = (await Promise.all(fromZpa)).map((run) => {
    assert.equal(run.code, 0, `zpa failed: ${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as HistoryEntry;
  });

  const written = [...fromApp, ...zpaEntries];
  for (const entry of written) assert.equal(entry.outcome, 'updated', entry.message);
  const page = core.history.list({ limit: 1000, order: 'oldest' });
  assert.equal(page.total, written.length, 'as many entries as changes');
  assert.deepEqual(page.entries.map((e) => e.id).sort(), written.map((e) => e.id).sort(), 'each change exactly once');
  // The page is in start-time order; the chain is in the order the writers took turns.
  const chain = [...page.entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  assert.deepEqual(
    chain.map((e) => e.seq),
    Array.from({ length: written.length }, (_, n) => n + 1),
    'numbered without gaps',
  );
  assert.equal(chain.filter((e) => e.source === 'zpa').length, ZPA_PROCESSES);
  const firstZpa = chain.findIndex((e) => e.source === 'zpa');
  assert.ok(
    chain.slice(firstZpa).some((e) => e.source === 'app'),
    'the writers really overlapped',
  );
  const verified = await core.history.verify();
  assert.equal(verified.ok, true, JSON.stringify(verified));
  assert.equal(verified.lastSeq, written.length);
  const cli = await zpa.run(['history', 'verify', '--json']);
  assert.equal(cli.code, 0, cli.stderr);
  assert.equal((JSON.parse(cli.stdout) as { ok: boolean; lastSeq: number }).lastSeq, written.length);
  assert.equal(
    USERS.reduce((sum, user) => sum + sim.state.passwordChangeCount(user), 0),
    written.length,
    'and Zoom saw each change once',
  );
}
