/**
 * The credential vault against a REAL Secret Service (gnome-keyring in a D-Bus session), through
 * keytar. Run it the way the test runner does:
 *   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null;
 *     node --import tsx --test test/integration/keychain.test.ts'
 * with HOME, XDG_DATA_HOME and XDG_CONFIG_HOME pointed at a temporary folder.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AppErrorShape } from '../../shared/domain/errors';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { CredentialVault, TOKEN_ACCOUNT } from '../../electron/node/vault/credential-vault';
import { loadKeytar } from '../../electron/node/vault/keytar-keychain';
import { filesContaining, listFiles, tempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = path.join(ROOT, 'test/support/no-keychain-child.ts');
const HAS_BUS = Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);
const IN_CI = process.env['CI'] === 'true';
const NEEDS_KEYRING =
  HAS_BUS || IN_CI
    ? false
    : 'no D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset): run inside `dbus-run-session` with an unlocked gnome-keyring (see the top of this file)';

// A run-unique service: these tests never touch the real "Zoom Password Admin" entry.
const SERVICE = `zpa-test-${process.pid}-${randomUUID()}`;
const TOKEN = `eyJ0eXAiOiJKV1QifQ.${randomUUID()}.first`;
const OTHER = `eyJ0eXAiOiJKV1QifQ.${randomUUID()}.second`;

function vaultIn(t: TestContext, service = SERVICE) {
  const dir = tempDir(t);
  const { store } = openSettingsStore({ dataDir: dir });
  return { dir, store, vault: new CredentialVault({ keychain: () => loadKeytar(), settings: store, service }) };
}

test('real keyring: store, replace, status and clear through the vault', { skip: NEEDS_KEYRING }, async (t) => {
  assert.ok(HAS_BUS, 'CI=true: the keyring tests must run inside a D-Bus session with gnome-keyring');
  const keytar = loadKeytar();
  t.after(() => keytar.deletePassword(SERVICE, TOKEN_ACCOUNT));
  const { dir, store, vault } = vaultIn(t);

  assert.deepEqual(await vault.status(), { stored: false, storedAt: null });
  const stored = await vault.setToken(TOKEN);
  assert.equal(stored.stored, true);
  assert.ok(stored.storedAt !== null && !Number.isNaN(Date.parse(stored.storedAt)));
  assert.equal(await keytar.getPassword(SERVICE, TOKEN_ACCOUNT), TOKEN, 'the entry is in the real keyring');
  assert.deepEqual(await vault.status(), stored);
  assert.equal(store.get('tokenStoredAt'), stored.storedAt);

  await vault.setToken(OTHER);
  assert.equal(await vault.readToken(), OTHER);
  assert.equal(await keytar.getPassword(SERVICE, TOKEN_ACCOUNT), OTHER);

  // A second shell (zpa) on another data folder reads the same keychain entry.
  const zpa = vaultIn(t).vault;
  assert.equal(await zpa.readToken(), OTHER);

  assert.deepEqual(await vault.clearToken(), { stored: false, storedAt: null });
  assert.equal(await keytar.getPassword(SERVICE, TOKEN_ACCOUNT), null);
  assert.deepEqual(await zpa.status(), { stored: false, storedAt: null });
  assert.deepEqual(await vault.clearToken(), { stored: false, storedAt: null }, 'clearing twice is fine');

  assert.deepEqual(filesContaining(dir, TOKEN), []);
  assert.deepEqual(filesContaining(dir, OTHER), []);
});

interface ChildRun {
  results: Record<string, { ok: boolean; error?: AppErrorShape }>;
  output: string;
  dataDir: string;
}

/** Runs test/support/no-keychain-child.ts with `env` (plus a data folder and service) and the token on stdin. */
async function runChild(t: TestContext, env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<ChildRun> {
  const dataDir = tempDir(t);
  const home = tempDir(t);
  const childEnv: NodeJS.ProcessEnv = {
    ...env,
    HOME: home,
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    // gnome-keyring finds a running daemon through its control socket here: the child must not reach ours.
    XDG_RUNTIME_DIR: home,
    ZPA_DATA_DIR: dataDir,
    ZPA_KEYCHAIN_SERVICE: `${SERVICE}-child`,
  };
  const command = [...wrapper, process.execPath, '--import', 'tsx', CHILD];
  const child = spawn(command[0] ?? process.execPath, command.slice(1), { cwd: ROOT, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(TOKEN);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, `child failed: ${stderr}`);
  const start = stdout.lastIndexOf('{"setToken"');
  assert.ok(start >= 0, `no result from the child: ${stdout} ${stderr}`);
  return { results: JSON.parse(stdout.slice(start)), output: stdout + stderr, dataDir };
}

function assertNoKeychain(
  run: ChildRun,
  message: RegExp,
  action: RegExp[],
  failing = ['setToken', 'status', 'readToken', 'clearToken'],
): void {
  for (const name of failing) {
    const result = run.results[name];
    assert.equal(result?.ok, false, `${name} must fail without a keychain`);
    assert.equal(result?.error?.code, 'keychain_unavailable', `${name}: ${JSON.stringify(result)}`);
    assert.match(result?.error?.message ?? '', message);
    for (const a of action) assert.match(result?.error?.action ?? '', a);
  }
  // No plaintext fallback: the token reached no file and no output; no date was recorded.
  assert.ok(!run.output.includes(TOKEN));
  assert.deepEqual(filesContaining(run.dataDir, TOKEN), []);
  const config = path.join(run.dataDir, 'config.json');
  if (fs.existsSync(config)) assert.doesNotMatch(fs.readFileSync(config, 'utf8'), /tokenStoredAt/);
  assert.deepEqual(
    listFiles(run.dataDir).filter((f) => path.basename(f) !== 'config.json'),
    [],
  );
}

function withoutDisplay(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env['DISPLAY'];
  delete env['WAYLAND_DISPLAY'];
  return env;
}

test('no session bus at the given address: keychain_unavailable with what to do, nothing on disk', async (t) => {
  const run = await runChild(t, withoutDisplay({ DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }));
  assertNoKeychain(run, /no D-Bus session bus is reachable.*Could not connect/, [
    /gnome-keyring/,
    /KWallet/,
    /desktop session/,
  ]);
});

test('no session bus at all (DBUS_SESSION_BUS_ADDRESS unset, no display): keychain_unavailable', async (t) => {
  const env = withoutDisplay({});
  delete env['DBUS_SESSION_BUS_ADDRESS'];
  const run = await runChild(t, env);
  assertNoKeychain(run, /DBUS_SESSION_BUS_ADDRESS is not set.*Cannot autolaunch D-Bus/, [
    /DBUS_SESSION_BUS_ADDRESS/,
    /gnome-keyring/,
  ]);
});

const CAN_RUN_BUS =
  spawnSync('dbus-run-session', ['--version']).status === 0 &&
  spawnSync('gnome-keyring-daemon', ['--version']).status === 0;

test(
  'a session bus whose keyring is locked (no login keyring, no prompt possible): keychain_unavailable',
  { skip: CAN_RUN_BUS || IN_CI ? false : 'dbus-run-session or gnome-keyring-daemon is not installed' },
  async (t) => {
    const env = withoutDisplay({});
    delete env['DBUS_SESSION_BUS_ADDRESS'];
    // Start the daemon ourselves, with no password on stdin: its login keyring stays locked and, with no
    // display, nothing can prompt. Leaving it to D-Bus activation instead can hang for the bus timeout.
    const run = await runChild(t, env, [
      'dbus-run-session',
      '--',
      'sh',
      '-c',
      'gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 </dev/null; exec "$@"',
      'sh',
    ]);
    // Looking up a missing item needs no unlocking; storing one does.
    assertNoKeychain(run, /keyring is locked \(or missing\)/, [/Unlock your login keyring/], ['setToken']);
  },
);
