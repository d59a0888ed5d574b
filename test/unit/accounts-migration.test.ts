import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { ACCOUNTS_KEY } from '../../electron/node/accounts/account-records';
import { secretEntryName } from '../../electron/node/accounts/account-secrets';
import { AccountStore } from '../../electron/node/accounts/account-store';
import { LEGACY_ACCOUNT_ID, migrateLegacyToken } from '../../electron/node/accounts/legacy-migration';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { CredentialVault, TOKEN_ACCOUNT, TOKEN_STORED_AT_KEY } from '../../electron/node/vault/credential-vault';
import { filesContaining, tempDir } from '../support/temp-dir';
import { FakeClock, FlakyKeychain, MapStore } from './accounts-support';

const SERVICE = 'zpa-test-migration';
const LEGACY = 'eyJhbGciOiJIUzI1NiJ9.first-version-token.sig';
const STORED_AT = '2026-02-03T04:05:06.000Z';
const NEW_ENTRY = secretEntryName(LEGACY_ACCOUNT_ID, 'token');

async function setup(o: { legacy?: boolean } = {}) {
  const settings = new MapStore();
  const keychain = new FlakyKeychain();
  const clock = new FakeClock();
  if (o.legacy !== false) {
    await keychain.setPassword(SERVICE, TOKEN_ACCOUNT, LEGACY);
    settings.set(TOKEN_STORED_AT_KEY, STORED_AT);
  }
  let n = 0;
  const store = new AccountStore({ settings, keychain, service: SERVICE, clock, newId: () => `acct000${(n += 1)}` });
  const migrate = (apiBase = 'https://api.zoom.us/v2') => migrateLegacyToken({ store, settings, apiBase, clock });
  return { settings, keychain, clock, store, migrate };
}

describe('migration of the first version’s single token', () => {
  it('nothing to migrate: changes nothing', async () => {
    const { store, settings, keychain, migrate } = await setup({ legacy: false });
    const result = await migrate();
    assert.deepEqual(result, { status: 'nothing', account: null, notice: null });
    assert.deepEqual(store.list(), []);
    assert.deepEqual([...settings.data.keys()], []);
    assert.deepEqual(keychain.names(SERVICE), []);
  });

  it('the token becomes the active account "Default" on Zoom, moved without re-entry', async () => {
    const { store, settings, keychain, migrate } = await setup();
    const result = await migrate();
    assert.equal(result.status, 'migrated');
    const account = store.require();
    assert.deepEqual(result.account, account);
    assert.equal(account.id, LEGACY_ACCOUNT_ID);
    assert.equal(account.name, 'Default');
    assert.equal(account.cloud, 'zoom');
    assert.deepEqual(account.credential, { kind: 'token' });
    assert.equal(account.createdAt, STORED_AT);
    assert.equal(account.secretStoredAt, STORED_AT);
    assert.equal(await store.readSecret(account), LEGACY);
    assert.deepEqual(keychain.names(SERVICE), [NEW_ENTRY], 'the old entry is gone');
    assert.equal(settings.get(TOKEN_STORED_AT_KEY), undefined);
    assert.equal(result.notice?.level, 'info');
    assert.match(result.notice?.message ?? '', /"Default" \(Zoom\)/);
    assert.ok(!JSON.stringify(result).includes(LEGACY));
  });

  for (const [apiBase, cloud, oauthBase] of [
    ['https://api.zoomgov.com/v2/', 'gov', 'https://zoomgov.com/oauth/token'],
    ['https://127.0.0.1:43121/v2', 'custom', 'https://127.0.0.1:43121/oauth/token'],
    ['https://eu01api.zoom.us/v2', 'custom', 'https://zoom.us/oauth/token'],
  ] as const) {
    it(`the cloud comes from the configured API base (${apiBase} → ${cloud})`, async () => {
      const { store, migrate } = await setup();
      await migrate(apiBase);
      const account = store.require();
      assert.equal(account.cloud, cloud);
      assert.equal(account.apiBase, apiBase.replace(/\/$/, ''));
      assert.equal(account.oauthBase, oauthBase);
    });
  }

  it('is idempotent', async () => {
    const { store, keychain, settings, migrate } = await setup();
    await migrate();
    const snapshot = JSON.stringify([...settings.data.entries()]);
    const again = await migrate();
    assert.equal(again.status, 'nothing');
    assert.equal(again.account?.id, LEGACY_ACCOUNT_ID);
    assert.equal(JSON.stringify([...settings.data.entries()]), snapshot);
    assert.deepEqual(keychain.names(SERVICE), [NEW_ENTRY]);
    assert.equal(store.list().length, 1);
  });

  it('interrupted after writing the new keychain entry (settings write fails): a rerun finishes it', async () => {
    const { store, settings, keychain, migrate } = await setup();
    settings.failSet = (key) => key === ACCOUNTS_KEY;
    await assert.rejects(migrate(), /disk full/);
    settings.failSet = null;
    assert.deepEqual(
      keychain.names(SERVICE),
      [TOKEN_ACCOUNT, NEW_ENTRY].sort(),
      'old entry kept until settings are written',
    );
    assert.deepEqual(store.list(), []);
    const result = await migrate();
    assert.equal(result.status, 'migrated');
    assert.equal(store.list().length, 1);
    assert.equal(store.require().secretStoredAt, STORED_AT);
    assert.deepEqual(keychain.names(SERVICE), [NEW_ENTRY]);
  });

  it('interrupted before the old entry is deleted: a rerun deletes it without a second account', async () => {
    const { store, keychain, settings, migrate } = await setup();
    keychain.failOnce('delete', new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'), TOKEN_ACCOUNT);
    await assert.rejects(migrate(), (e: unknown) => (e as { code?: string }).code === 'keychain_unavailable');
    assert.equal(store.list().length, 1, 'the account is already usable');
    assert.equal(await store.readSecret(store.require()), LEGACY);
    assert.equal(settings.get(TOKEN_STORED_AT_KEY), STORED_AT);
    const result = await migrate();
    assert.equal(result.status, 'migrated');
    assert.equal(store.list().length, 1);
    assert.deepEqual(keychain.names(SERVICE), [NEW_ENTRY]);
    assert.equal(settings.get(TOKEN_STORED_AT_KEY), undefined);
  });

  it('interrupted before tokenStoredAt is deleted: a rerun removes it', async () => {
    const { settings, migrate } = await setup();
    settings.failDelete = (key) => key === TOKEN_STORED_AT_KEY;
    await assert.rejects(migrate(), /disk full/);
    settings.failDelete = null;
    assert.equal(settings.get(TOKEN_STORED_AT_KEY), STORED_AT);
    assert.equal((await migrate()).status, 'nothing');
    assert.equal(settings.get(TOKEN_STORED_AT_KEY), undefined);
  });

  it('a migrated account whose token was replaced since keeps the new token', async () => {
    const { store, keychain, migrate } = await setup();
    keychain.failOnce('delete', new Error('locked'), TOKEN_ACCOUNT);
    await assert.rejects(migrate());
    await store.edit('Default', { credential: { kind: 'token', token: 'eyJ.replaced.sig' } });
    await migrate();
    assert.equal(await store.readSecret(store.require()), 'eyJ.replaced.sig');
    assert.deepEqual(keychain.names(SERVICE), [NEW_ENTRY]);
  });

  it('next to existing accounts: takes a free name and does not change the active account', async () => {
    const { store, migrate } = await setup();
    const existing = await store.add({
      name: 'default',
      cloud: 'zoom',
      credential: { kind: 'token', token: 'eyJ.x.y' },
    });
    await migrate();
    assert.deepEqual(
      store.list().map((a) => a.name),
      ['default', 'Default 2'],
    );
    assert.equal(store.activeId(), existing.id);
  });

  it('moves a token the first version’s vault stored; the data folder never holds it', async (t: TestContext) => {
    const dir = tempDir(t);
    const clock = new FakeClock();
    const keychain = new FlakyKeychain();
    const { store: settings } = openSettingsStore({ dataDir: dir, clock });
    const vault = new CredentialVault({ keychain, settings, clock, service: SERVICE });
    await vault.setToken(LEGACY);
    const store = new AccountStore({ settings, keychain, service: SERVICE, clock });
    const result = await migrateLegacyToken({ store, settings, apiBase: 'https://api.zoom.us/v2', clock });
    assert.equal(result.status, 'migrated');
    assert.equal(await vault.readToken(), null);
    assert.equal(await store.readSecret(store.require()), LEGACY);
    assert.equal(store.require().secretStoredAt, clock.now().toISOString());
    assert.deepEqual(filesContaining(dir, LEGACY), []);
  });
});
