import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { Keychain } from '../../electron/node/ports';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { CredentialVault, KEYCHAIN_SERVICE, TOKEN_ACCOUNT } from '../../electron/node/vault/credential-vault';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.first-token.sig';
const OTHER = 'eyJhbGciOiJIUzI1NiJ9.second-token.sig';

function setup(t: Parameters<typeof tempDir>[0], keychain: Keychain | (() => Keychain) = new MemoryKeychain()) {
  const dir = tempDir(t);
  let now = new Date('2026-03-01T10:00:00.000Z');
  const clock = { now: () => now };
  const { store } = openSettingsStore({ dataDir: dir, clock });
  const vault = new CredentialVault({ keychain, settings: store, clock });
  return { dir, store, vault, setNow: (d: string) => (now = new Date(d)) };
}

test('no token at first', async (t) => {
  const { vault } = setup(t);
  assert.deepEqual(await vault.status(), { stored: false, storedAt: null });
  assert.equal(await vault.readToken(), null);
});

test('store, replace and clear: the token sits in the keychain only, its date in settings', async (t) => {
  const keychain = new MemoryKeychain();
  const { dir, store, vault, setNow } = setup(t, keychain);

  assert.deepEqual(await vault.setToken(TOKEN), { stored: true, storedAt: '2026-03-01T10:00:00.000Z' });
  assert.equal(keychain.entries.get(`${KEYCHAIN_SERVICE}\u0000${TOKEN_ACCOUNT}`), TOKEN);
  assert.deepEqual(await vault.status(), { stored: true, storedAt: '2026-03-01T10:00:00.000Z' });
  assert.equal(await vault.readToken(), TOKEN);
  assert.equal(store.get('tokenStoredAt'), '2026-03-01T10:00:00.000Z');
  assert.deepEqual(filesContaining(dir, TOKEN), []);

  setNow('2026-03-02T08:30:00.000Z');
  assert.deepEqual(await vault.setToken(OTHER), { stored: true, storedAt: '2026-03-02T08:30:00.000Z' });
  assert.equal(await vault.readToken(), OTHER);
  assert.equal(keychain.entries.size, 1);

  assert.deepEqual(await vault.clearToken(), { stored: false, storedAt: null });
  assert.equal(await vault.readToken(), null);
  assert.equal(store.get('tokenStoredAt'), undefined);
  assert.equal(keychain.entries.size, 0);
  // Clearing twice is not an error.
  assert.deepEqual(await vault.clearToken(), { stored: false, storedAt: null });
  assert.deepEqual(filesContaining(dir, OTHER), []);
});

test('a pasted token is trimmed; an invalid one is refused without repeating it and nothing is stored', async (t) => {
  const keychain = new MemoryKeychain();
  const { vault } = setup(t, keychain);
  await vault.setToken(`  ${TOKEN}\n`);
  assert.equal(await vault.readToken(), TOKEN);

  for (const bad of ['', '   ', 'two words', `${TOKEN}\n${TOKEN}`, 'tök-en', 'x'.repeat(9000)]) {
    await assert.rejects(vault.setToken(bad), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'invalid_input');
      assert.equal(error.field, 'token');
      if (bad.trim() !== '') assert.ok(!error.message.includes(bad.trim()), 'the token is not repeated');
      return true;
    });
  }
  assert.equal(await vault.readToken(), TOKEN);
});

test('a custom service name keeps tests away from the real entry', async (t) => {
  const keychain = new MemoryKeychain();
  const { store } = setup(t, keychain);
  const vault = new CredentialVault({ keychain, settings: store, service: 'zpa-test-123' });
  await vault.setToken(TOKEN);
  assert.deepEqual([...keychain.entries.keys()], [`zpa-test-123\u0000${TOKEN_ACCOUNT}`]);
  assert.equal(vault.service, 'zpa-test-123');
});

test('an entry removed outside the app reads as not stored, and its stale date is forgotten', async (t) => {
  const keychain = new MemoryKeychain();
  const { store, vault } = setup(t, keychain);
  await vault.setToken(TOKEN);
  keychain.entries.clear();
  assert.deepEqual(await vault.status(), { stored: false, storedAt: null });
  assert.equal(store.get('tokenStoredAt'), undefined);
});

test('a token whose date was lost (settings reset) is stored, since an unknown time', async (t) => {
  const { store, vault } = setup(t);
  await vault.setToken(TOKEN);
  store.set('tokenStoredAt', 'not a date');
  assert.deepEqual(await vault.status(), { stored: true, storedAt: null });
  store.delete('tokenStoredAt');
  assert.deepEqual(await vault.status(), { stored: true, storedAt: null });
});

test('a keychain given as a function is loaded on first use only, and its load error is passed on', async (t) => {
  let loads = 0;
  const keychain = new MemoryKeychain();
  const { store } = setup(t);
  const lazy = new CredentialVault({
    keychain: () => {
      loads += 1;
      return keychain;
    },
    settings: store,
  });
  assert.equal(loads, 0);
  await lazy.status();
  await lazy.setToken(TOKEN);
  assert.equal(loads, 1);

  const loadError = new AppError('keychain_unavailable', 'keytar could not be loaded', { action: 'reinstall' });
  const broken = new CredentialVault({
    keychain: () => {
      throw loadError;
    },
    settings: store,
  });
  await assert.rejects(broken.status(), (error: unknown) => error === loadError);
});

test('setToken still reports the token as stored when only its date cannot be saved', async () => {
  const keychain = new MemoryKeychain();
  const vault = new CredentialVault({
    keychain,
    settings: {
      get: () => undefined,
      set: () => {
        throw new AppError('storage_error', 'disk full');
      },
      delete: () => undefined,
    },
  });
  assert.deepEqual(await vault.setToken(TOKEN), { stored: true, storedAt: null });
  assert.equal(await vault.readToken(), TOKEN);
});
