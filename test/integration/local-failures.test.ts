/**
 * Local failures, through the app's own path (dispatcher → handlers → core) with the Zoom simulator:
 * a locked keychain, a read-only data folder, a full disk while the history is written. Each one is
 * reported with what happened and what to do; nothing is sent that cannot be recorded; the history
 * stays intact. As root (npm test here and in CI) the read-only folder and the full disk are real
 * (a read-only tmpfs, a tiny tmpfs); otherwise the folder is made read-only with chmod and the full
 * disk is an injected ENOSPC from the writes into the history folder.
 *
 * Covered elsewhere: no D-Bus session / no Secret Service (keychain.test.ts in a child process, zpa
 * exit 3 in zpa-cli.test.ts, the Electron main in electron-main-shell.test.ts), a corrupted settings
 * file (settings.test.ts: backup kept, notice; the renderer shows it in test/e2e/settings.spec.ts),
 * torn and damaged history lines (history-crash.test.ts, history.test.ts), two app instances
 * (electron-main-shell.test.ts) and zpa and the app appending at once (history-writers.test.ts).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { AppErrorShape } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createCore, type Core } from '../../electron/node/core';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { createHandlerTable } from '../../electron/node/ipc/handler-table';
import type { Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { SAMPLE, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp-dir';
import { recordingShell } from '../security/ipc-surface';

const USER = SAMPLE.memberEmail;
const TRUSTED = { frameUrl: 'zpa://app/index.html', isMainFrame: true };

/** Whether this process can mount a tmpfs (root on Linux). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = fs.mkdtempSync('/tmp/zpa-mount-probe-');
  try {
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status !== 0) return false;
    spawnSync('umount', [probe]);
    return true;
  } finally {
    fs.rmdirSync(probe);
  }
}

// ZPA_TEST_NO_MOUNT=1 tries the fallbacks (chmod, an injected ENOSPC) where mounting would work.
const MOUNTS = process.env['ZPA_TEST_NO_MOUNT'] !== '1' && canMount();
const IS_ROOT = process.getuid?.() === 0;

/**
 * A data folder for one test: a tmpfs of `size` when mounting works, else a plain temporary folder.
 * `readOnly()` makes it read-only (remount, or chmod); the one cleanup undoes that, unmounts, removes.
 */
function dataFolder(t: TestContext, size: string | null): { dir: string; readOnly(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-local-failure-'));
  const mounted = size !== null && MOUNTS;
  if (mounted) execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  t.after(() => {
    if (mounted) spawnSync('umount', ['-l', dir]);
    else spawnSync('chmod', ['-R', 'u+w', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir,
    readOnly() {
      if (mounted) execFileSync('mount', ['-o', 'remount,ro', dir]);
      else execFileSync('chmod', ['-R', 'a-w', dir]);
    },
  };
}

let sim: ZoomSimulator;
before(async () => {
  sim = await startZoomSimulator({ rateLimit: { perSecond: 10_000 }, maxChangesPer24h: 10_000 });
});
after(async () => {
  await sim?.stop();
});

/** The app's side of one data folder: a core, the handlers behind the real dispatcher, what reached the network. */
function app(dataDir: string, keychain = new MemoryKeychain()) {
  const sent: string[] = [];
  const real = createNodeTransport();
  const transport: Transport = {
    send(request) {
      sent.push(`${request.method} ${request.url}`);
      return real.send(request);
    },
  };
  const core = createCore({
    dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport,
    keychain,
    keychainService: 'zpa-local-failures',
    source: 'app',
    version: '0.1.0',
    timeoutMs: 10_000,
  });
  const dispatch = createDispatcher(
    createHandlerTable(core, recordingShell(dataDir).shell),
    createSenderPolicy(APP_ORIGIN),
    { checkResponses: true },
  );
  const call = async (method: keyof typeof IPC_CHANNELS, payload?: unknown) =>
    (await dispatch(IPC_CHANNELS[method], TRUSTED, payload)) as IpcResult<unknown>;
  return { core, keychain, sent, call };
}

async function addAccount(core: Core): Promise<void> {
  await core.accounts.add({
    name: 'Northwind',
    cloud: 'custom',
    apiBase: sim.apiBase,
    oauthBase: sim.oauthBase,
    credential: { kind: 's2s', ...SAMPLE_OAUTH.full },
  });
}

function failure(result: IpcResult<unknown>): AppErrorShape {
  assert.equal(result.ok, false, JSON.stringify(result));
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function changed(result: IpcResult<unknown>): HistoryEntry {
  assert.ok(result.ok, JSON.stringify(result));
  return (result.value as { entry: HistoryEntry }).entry;
}

describe('a locked keychain', () => {
  it('refuses the change with what to do; nothing is sent, nothing recorded', async (t) => {
    const { core, keychain, sent, call } = app(tempDir(t, 'zpa-locked-'));
    await addAccount(core);
    // What libsecret says when the collection is locked and no prompt can be shown.
    keychain.failWith(new Error('Cannot get secret of a locked object'));
    const password = uniqueValidPassword();
    const error = failure(await call('changePassword', { user: USER, password }));
    assert.equal(error.code, 'keychain_unavailable');
    assert.match(error.message, /locked/);
    assert.match(error.action ?? '', /Unlock your login keyring/);
    assert.ok(!JSON.stringify(error).includes(password));
    assert.deepEqual(sent, [], 'nothing reached Zoom');
    assert.equal(core.history.list({}).total, 0, 'no history entry for a change that was never sent');
    keychain.failWith(null);
    assert.equal(changed(await call('changePassword', { user: USER, password })).outcome, 'updated', 'unlocked: works');
  });
});

describe('a read-only data folder', () => {
  const how = MOUNTS ? 'a read-only tmpfs' : 'chmod a-w';
  const skip = !MOUNTS && IS_ROOT ? 'root ignores file modes and cannot mount here' : false;

  it(`(${how}) opens and shows the history; a change is refused before anything is sent`, { skip }, async (t) => {
    const folder = dataFolder(t, '4m');
    const dataDir = folder.dir;
    const first = app(dataDir);
    await addAccount(first.core);
    const earlier = changed(await first.call('changePassword', { user: USER, password: uniqueValidPassword() }));
    const countBefore = sim.state.passwordChangeCount(USER);

    folder.readOnly();

    const { sent, call } = app(dataDir);
    const page = await call('listHistory', {});
    assert.ok(page.ok, JSON.stringify(page));
    assert.deepEqual((page.value as { entries: HistoryEntry[] }).entries, [earlier], 'the history can be read');
    const accounts = await call('listAccounts');
    assert.ok(accounts.ok && (accounts.value as { accounts: unknown[] }).accounts.length === 1);

    const password = uniqueValidPassword();
    const error = failure(await call('changePassword', { user: USER, password }));
    assert.equal(error.code, 'storage_error');
    assert.match(error.message, /^Nothing was sent to Zoom: Could not write to the history file .*(EROFS|EACCES)/);
    assert.match(error.action ?? '', /writable/);
    assert.ok(!JSON.stringify(error).includes(password));
    assert.deepEqual(sent, [], 'not even a token request or a look-up');
    assert.equal(sim.state.passwordChangeCount(USER), countBefore, 'the password did not change');

    const add = failure(
      await call('addAccount', {
        name: 'Other',
        cloud: 'zoom',
        credential: { kind: 'token', token: 'eyJ0eXAiOiJKV1QifQ.read-only-test.token' },
      }),
    );
    assert.equal(add.code, 'storage_error');
    assert.match(add.action ?? '', /writable/);
  });
});

/**
 * Runs `body` while every write into `dir` fails with ENOSPC, as on a full disk (the writes the
 * history makes go through fs.writeSync; /proc tells which file a descriptor is).
 */
async function withFullDisk<T>(dir: string, body: () => Promise<T>): Promise<T> {
  const original = fs.writeSync;
  const inDir = (fd: unknown): boolean => {
    try {
      return typeof fd === 'number' && fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(dir);
    } catch {
      return true;
    }
  };
  fs.writeSync = ((fd: number, ...rest: never[]) => {
    if (inDir(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (original as (...a: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  try {
    return await body();
  } finally {
    fs.writeSync = original;
  }
}

describe('a full disk while the history is written', () => {
  const how = MOUNTS ? 'a full tmpfs' : 'an injected ENOSPC';

  it(`(${how}) says what Zoom answered and that it was not recorded; the history stays intact`, async (t) => {
    const dataDir = dataFolder(t, '1m').dir;
    const { core, call } = app(dataDir);
    await addAccount(core);
    const password = uniqueValidPassword();
    const countBefore = sim.state.passwordChangeCount(USER);

    let result: IpcResult<unknown>;
    if (MOUNTS) {
      // Fill every free block: the history file is still empty, so its first line needs a new one.
      const filler = path.join(dataDir, 'filler');
      const fd = fs.openSync(filler, 'w');
      const block = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) fs.writeSync(fd, block);
      } catch (error) {
        assert.equal((error as NodeJS.ErrnoException).code, 'ENOSPC');
      }
      for (let size = 4096; size > 0; size = Math.floor(size / 2)) {
        try {
          for (;;) fs.writeSync(fd, block.subarray(0, size));
        } catch {
          // Full at this size: try a smaller piece.
        }
      }
      fs.closeSync(fd);
      result = await call('changePassword', { user: USER, password });
      fs.rmSync(filler);
    } else {
      result = await withFullDisk(fs.realpathSync(dataDir), () => call('changePassword', { user: USER, password }));
    }

    const error = failure(result);
    assert.equal(error.code, 'storage_error');
    assert.match(error.message, /^Zoom's answer for priya\.patel@northwind\.example \(tracking id v=2\.0;[^)]+\): /);
    assert.match(error.message, /Password updated/, "Zoom's answer is not lost: the user learns it was applied");
    assert.match(error.message, /could not be recorded in the history: .*ENOSPC/);
    assert.match(error.action ?? '', /Free some disk space/);
    assert.ok(!JSON.stringify(error).includes(password));
    assert.equal(sim.state.passwordChangeCount(USER) - countBefore, 1, 'applied once, and not sent again');

    // Space again: the next change is recorded and the chain is whole.
    const next = changed(await call('changePassword', { user: USER, password: uniqueValidPassword() }));
    assert.equal(next.outcome, 'updated');
    assert.equal(next.seq, 1, 'the chain goes on where it was');
    const verified = await call('verifyHistory');
    assert.ok(verified.ok && (verified.value as { ok: boolean }).ok, JSON.stringify(verified));
  });
});
