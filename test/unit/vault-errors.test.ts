import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { CredentialVault } from '../../electron/node/vault/credential-vault';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-token-value.sig';

interface Case {
  platform: NodeJS.Platform;
  error: string;
  message: RegExp;
  action: RegExp[];
}

// The texts libsecret/keytar really give (see machine-notes and the keyring integration test).
const CASES: Case[] = [
  {
    platform: 'linux',
    error: 'Cannot autolaunch D-Bus without X11 $DISPLAY',
    message: /no D-Bus session bus/,
    action: [/gnome-keyring/, /KWallet/, /desktop session/, /DBUS_SESSION_BUS_ADDRESS/],
  },
  {
    platform: 'linux',
    error: 'Could not connect: No such file or directory',
    message: /no D-Bus session bus/,
    action: [/gnome-keyring/, /desktop session/],
  },
  {
    platform: 'linux',
    error: 'The name org.freedesktop.secrets was not provided by any .service files',
    message: /no Secret Service \(gnome-keyring or KWallet\)/,
    action: [/gnome-keyring/, /KWallet/],
  },
  {
    platform: 'linux',
    error: 'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
    message: /keyring is locked/,
    action: [/Unlock your login keyring/],
  },
  {
    platform: 'linux',
    error: 'Cannot create an item in a locked collection',
    message: /keyring is locked/,
    action: [/Unlock your login keyring/],
  },
  { platform: 'linux', error: 'Prompt dismissed', message: /prompt was dismissed/, action: [/Unlock/] },
  { platform: 'linux', error: 'The operation was cancelled', message: /locked/, action: [/Unlock/] },
  {
    platform: 'linux',
    error: 'GDBus.Error:org.freedesktop.DBus.Error.Failed: something odd',
    message: /Secret Service refused/,
    action: [/gnome-keyring or KWallet is running and unlocked/],
  },
  {
    platform: 'darwin',
    error: 'User canceled the operation.',
    message: /login keychain is locked or access was not allowed/,
    action: [/Keychain Access/, /Allow/],
  },
  {
    platform: 'darwin',
    error: 'User interaction is not allowed.',
    message: /locked/,
    action: [/Unlock the login keychain/],
  },
  {
    platform: 'darwin',
    error: 'The specified keychain could not be found. (-25294)',
    message: /macOS keychain refused the request.*-25294/,
    action: [/Keychain First Aid/],
  },
  {
    platform: 'win32',
    error: 'Element not found.',
    message: /Windows Credential Manager refused the request.*Element not found/,
    action: [/Credential Manager/],
  },
];

for (const c of CASES) {
  test(`${c.platform}: "${c.error}" becomes keychain_unavailable naming the cause and what to do`, async (t) => {
    const dir = tempDir(t);
    const { store } = openSettingsStore({ dataDir: dir });
    const keychain = new MemoryKeychain();
    const vault = new CredentialVault({ keychain, settings: store, platform: c.platform });
    keychain.failWith(new Error(c.error));
    const operations: [string, () => Promise<unknown>][] = [
      ['read the token from', () => vault.status()],
      ['store the token in', () => vault.setToken(TOKEN)],
      ['remove the token from', () => vault.clearToken()],
      ['read the token from', () => vault.readToken()],
    ];
    for (const [verb, run] of operations) {
      await assert.rejects(run(), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'keychain_unavailable');
        assert.ok(error.message.startsWith(`Could not ${verb} the system keychain: `), error.message);
        assert.match(error.message, c.message);
        assert.ok(error.message.includes(c.error), 'the original cause is quoted');
        for (const action of c.action) assert.match(error.action ?? '', action);
        assert.equal(error.cause, undefined);
        return true;
      });
    }
    // Never a plaintext fallback: nothing about the token reached the data folder.
    assert.equal(store.get('tokenStoredAt'), undefined);
    assert.deepEqual(filesContaining(dir, TOKEN), []);
  });
}

test('a keychain error that echoes the token is redacted', async (t) => {
  const { store } = openSettingsStore({ dataDir: tempDir(t) });
  const keychain = new MemoryKeychain().failWith(new Error(`Prompt dismissed while storing ${TOKEN}`));
  const vault = new CredentialVault({ keychain, settings: store, platform: 'linux' });
  await assert.rejects(vault.setToken(` ${TOKEN} `), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.ok(!JSON.stringify({ ...error.toShape(), stack: error.stack }).includes(TOKEN));
    assert.match(error.message, /\[redacted\]/);
    return true;
  });
});

test('a non-Error rejection is reported too', async (t) => {
  const { store } = openSettingsStore({ dataDir: tempDir(t) });
  const vault = new CredentialVault({
    keychain: {
      getPassword: () => Promise.reject('plain string failure'),
      setPassword: () => Promise.reject(new Error('x')),
      deletePassword: () => Promise.reject(new Error('x')),
    },
    settings: store,
    platform: 'linux',
  });
  await assert.rejects(vault.status(), /plain string failure/);
});

test('on Linux the message says when DBUS_SESSION_BUS_ADDRESS is not set, and not when it is', async (t) => {
  const saved = process.env['DBUS_SESSION_BUS_ADDRESS'];
  t.after(() => {
    if (saved === undefined) delete process.env['DBUS_SESSION_BUS_ADDRESS'];
    else process.env['DBUS_SESSION_BUS_ADDRESS'] = saved;
  });
  const { store } = openSettingsStore({ dataDir: tempDir(t) });
  const keychain = new MemoryKeychain().failWith(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
  const vault = new CredentialVault({ keychain, settings: store, platform: 'linux' });
  delete process.env['DBUS_SESSION_BUS_ADDRESS'];
  await assert.rejects(vault.status(), /\(DBUS_SESSION_BUS_ADDRESS is not set\)/);
  process.env['DBUS_SESSION_BUS_ADDRESS'] = 'unix:path=/nonexistent';
  await assert.rejects(vault.status(), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.doesNotMatch(error.message, /is not set/);
    return true;
  });
});
