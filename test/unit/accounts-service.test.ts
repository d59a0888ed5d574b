import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { accountViewSchema } from '../../shared/ipc/contract';
import { LEGACY_ACCOUNT_ID } from '../../electron/node/accounts/legacy-migration';
import { createCore, type CoreOptions } from '../../electron/node/core';
import { TOKEN_ACCOUNT, TOKEN_STORED_AT_KEY } from '../../electron/node/vault/credential-vault';
import { confStoreFactory } from '../../electron/node/settings/conf-store';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';
import { FakeClock, FakeTransport, FlakyKeychain, tokenAnswer } from './accounts-support';

const SERVICE = 'zpa-test-accounts-service';
const LEGACY = 'eyJ0eXAiOiJKV1QifQ.LEGACY-FIRST-VERSION.sig';
const SECRET = 'svc-CLIENT-SECRET-123';
const TOKEN = 'eyJ0eXAiOiJKV1QifQ.PASTED-ACCOUNT-TOKEN.sig';

function core(t: TestContext, o: Partial<CoreOptions> & { dir?: string } = {}) {
  const dir = o.dir ?? tempDir(t);
  const transport = new FakeTransport((r) =>
    r.url.includes('/oauth/token') ? tokenAnswer({ token: 'issued-token' }) : { status: 200, text: '{"users":[]}' },
  );
  const c = createCore({
    dataDir: dir,
    apiBase: 'https://api.zoom.us/v2',
    transport,
    keychain: new MemoryKeychain(),
    clock: new FakeClock(),
    source: 'app',
    version: '0.0.0-test',
    keychainService: SERVICE,
    applyRetention: false,
    ...o,
  });
  return { dir, core: c, transport };
}

test('add, list, edit, setActive, remove: views hold no secret and say what is stored', async (t) => {
  const keychain = new MemoryKeychain();
  const { core: c, dir } = core(t, { keychain });
  const first = await c.accounts.add({
    name: 'Acme',
    cloud: 'zoom',
    credential: { kind: 's2s', accountId: 'Acct_1', clientId: 'cid', clientSecret: SECRET },
  });
  const second = await c.accounts.add({ name: 'Other', cloud: 'gov', credential: { kind: 'token', token: TOKEN } });
  assert.equal(first.active, true);
  assert.equal(second.active, false);
  const list = await c.accounts.list();
  assert.equal(list.activeId, first.id);
  for (const view of list.accounts) {
    assert.deepEqual(accountViewSchema.strict().parse(view), view, 'exactly the AccountView fields');
    assert.equal(view.secretStored, true);
    assert.ok(!JSON.stringify(view).includes(SECRET) && !JSON.stringify(view).includes(TOKEN));
  }
  assert.equal((await c.accounts.setActive('other')).active, true);
  assert.equal(c.info().activeAccount?.name, 'Other');
  assert.equal(c.info().activeAccount?.apiBase, 'https://api.zoomgov.com/v2');
  const renamed = await c.accounts.edit('Other', { name: 'Other EU' });
  assert.equal(renamed.name, 'Other EU');
  assert.equal(renamed.active, true);

  // The secret disappears from the keychain behind the app's back: the view says so.
  await keychain.deletePassword(SERVICE, `account:${first.id}:client-secret`);
  assert.equal((await c.accounts.list()).accounts[0]?.secretStored, false);

  assert.deepEqual(await c.accounts.remove('Other EU'), { activeId: first.id });
  assert.deepEqual(await c.accounts.remove(first.id), { activeId: null });
  assert.deepEqual([...keychain.entries.keys()], []);
  assert.deepEqual(filesContaining(dir, SECRET), []);
  assert.deepEqual(filesContaining(dir, TOKEN), []);
});

test('resolve: by name or id, the active one by default; clear errors otherwise', async (t) => {
  const { core: c } = core(t);
  await assert.rejects(c.accounts.resolve(), { code: 'no_token' });
  const a = await c.accounts.add({ name: 'Acme', cloud: 'zoom', credential: { kind: 'token', token: TOKEN } });
  assert.equal((await c.accounts.resolve()).id, a.id);
  assert.equal((await c.accounts.resolve('ACME')).id, a.id);
  assert.equal((await c.accounts.resolve(a.id)).id, a.id);
  await assert.rejects(c.accounts.resolve('Nope'), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.field, 'account');
    assert.match(e.action ?? '', /"Acme"/);
    return true;
  });
});

test('the first version token becomes "Default" on first use, once; the vault keeps working on it', async (t) => {
  const keychain = new MemoryKeychain();
  const dir = tempDir(t);
  const settings = confStoreFactory({ cwd: dir, name: 'config' });
  settings.set(TOKEN_STORED_AT_KEY, '2026-01-02T03:04:05.000Z');
  await keychain.setPassword(SERVICE, TOKEN_ACCOUNT, LEGACY);
  const { core: c } = core(t, { keychain, dir });
  assert.equal(keychain.calls.length, 1, 'createCore itself touches nothing');
  const status = await c.vault.status();
  assert.deepEqual(status, { stored: true, storedAt: '2026-01-02T03:04:05.000Z' });
  assert.equal(await c.vault.readToken(), LEGACY);
  const { accounts, activeId } = await c.accounts.list();
  assert.equal(accounts.length, 1);
  assert.equal(accounts[0]?.name, 'Default');
  assert.equal(accounts[0]?.id, LEGACY_ACCOUNT_ID);
  assert.equal(activeId, LEGACY_ACCOUNT_ID);
  assert.equal(await keychain.getPassword(SERVICE, TOKEN_ACCOUNT), null, 'the old entry is gone');
  assert.ok(c.notices().some((n) => n.id === 'accounts-migrated-token'));
  const reads = keychain.calls.filter((k) => k.account === TOKEN_ACCOUNT).length;
  await c.accounts.list();
  assert.equal(keychain.calls.filter((k) => k.account === TOKEN_ACCOUNT).length, reads, 'memoised');
});

test('a failed migration is a notice, keeps the old token, and is retried on the next start', async (t) => {
  const dir = tempDir(t);
  const keychain = new FlakyKeychain();
  await keychain.setPassword(SERVICE, TOKEN_ACCOUNT, LEGACY);
  // The first version always recorded when its token was stored.
  fs.writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ [TOKEN_STORED_AT_KEY]: '2026-01-02T03:04:05.000Z' }),
  );
  keychain.failOnce('get', new Error('The name org.freedesktop.secrets was not provided by any .service files'));
  const first = core(t, { keychain, dir }).core;
  await assert.rejects(first.vault.status(), { code: 'keychain_unavailable' });
  await assert.rejects(first.passwords.change({ user: 'a@example.com', password: 'Kq7-vRt2-Lm9x' }), {
    code: 'keychain_unavailable',
  });
  const notice = first.notices().find((n) => n.id === 'accounts-migration-failed');
  assert.match(notice?.message ?? '', /could not be turned into an account/);
  assert.match(notice?.action ?? '', /next start/);
  assert.equal(await keychain.getPassword(SERVICE, TOKEN_ACCOUNT), LEGACY, 'nothing lost');

  const second = core(t, { keychain, dir }).core;
  assert.equal(await second.vault.readToken(), LEGACY);
  assert.equal((await second.accounts.list()).accounts[0]?.name, 'Default');
});

test('vault compatibility: setToken creates "Default", then replaces its token; OAuth accounts refuse', async (t) => {
  const { core: c } = core(t, { apiBase: 'https://api.zoomgov.com/v2' });
  assert.deepEqual(await c.vault.status(), { stored: false, storedAt: null });
  assert.deepEqual(await c.vault.clearToken(), { stored: false, storedAt: null });
  const stored = await c.vault.setToken(`  ${TOKEN}\n`);
  assert.equal(stored.stored, true);
  const [account] = (await c.accounts.list()).accounts;
  assert.equal(account?.name, 'Default');
  assert.equal(account?.cloud, 'gov', 'the cloud follows the configured API base');
  await c.vault.setToken(`${TOKEN}-2`);
  assert.equal(await c.vault.readToken(), `${TOKEN}-2`);
  assert.equal((await c.accounts.list()).accounts.length, 1);
  assert.deepEqual(await c.vault.clearToken(), { stored: false, storedAt: null });
  assert.equal(await c.vault.readToken(), null);
  assert.equal((await c.accounts.list()).accounts[0]?.secretStored, false, 'the account stays, without a token');

  await c.accounts.add(
    {
      name: 'OAuth',
      cloud: 'zoom',
      credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: SECRET },
    },
    { activate: true },
  );
  for (const run of [() => c.vault.setToken(TOKEN), () => c.vault.clearToken()]) {
    await assert.rejects(run(), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'invalid_input');
      assert.match(e.message, /"OAuth".*Server-to-Server OAuth/);
      return true;
    });
  }
  assert.equal((await c.vault.status()).stored, true, 'its client secret is stored');
  assert.equal(await c.vault.readToken(), null, 'an OAuth account has no stored token');
  await assert.rejects(c.vault.setToken('has space'), { code: 'invalid_input', field: 'token' });
});

test('ZPA_API_BASE_URL / ZPA_OAUTH_BASE_URL overrides apply to every account (test and change)', async (t) => {
  const { core: c, transport } = core(t, {
    apiBaseOverride: 'https://127.0.0.1:9443/v2/',
    oauthBaseOverride: 'https://127.0.0.1:9443/oauth/token',
  });
  await c.accounts.add({
    name: 'Gov',
    cloud: 'gov',
    credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: SECRET },
  });
  const result = await c.accounts.test();
  assert.equal(result.ok, true, result.message);
  assert.equal(result.apiBase, 'https://127.0.0.1:9443/v2');
  assert.equal(result.oauthBase, 'https://127.0.0.1:9443/oauth/token');
  assert.equal(c.info().activeAccount?.apiBase, 'https://127.0.0.1:9443/v2');
  const entry = await c.passwords.change({ user: 'a@example.com', password: 'Kq7-vRt2-Lm9x' });
  assert.equal(entry.apiBase, 'https://127.0.0.1:9443/v2');
  assert.ok(transport.sent.every((r) => r.url.startsWith('https://127.0.0.1:9443/')));
});

test('editing an OAuth account drops its cached token (onCredentialChange → forget)', async (t) => {
  const { core: c, transport } = core(t);
  await c.accounts.add({
    name: 'Acme',
    cloud: 'zoom',
    credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: SECRET },
  });
  await c.passwords.change({ user: 'a@example.com', password: 'Kq7-vRt2-Lm9x' });
  const tokenFetches = () => transport.sent.filter((r) => r.url.includes('/oauth/token')).length;
  assert.equal(tokenFetches(), 1);
  await c.passwords.change({ user: 'a@example.com', password: 'Kq7-vRt2-Lm9x' });
  assert.equal(tokenFetches(), 1, 'cached');
  await c.accounts.edit('Acme', { credential: { kind: 's2s', clientSecret: `${SECRET}-rotated` } });
  assert.equal(c.tokens.cached((await c.accounts.resolve()).id), null);
  await c.passwords.change({ user: 'a@example.com', password: 'Kq7-vRt2-Lm9x' });
  assert.equal(tokenFetches(), 2, 'a new token with the new secret');
});

test('a keychain that fails once the app is set up is announced at start, once, with what to do', async (t) => {
  const keychain = new MemoryKeychain();
  const dir = tempDir(t);
  await core(t, { keychain, dir }).core.accounts.add({
    name: 'Acme',
    cloud: 'zoom',
    credential: { kind: 'token', token: TOKEN },
  });
  // Next start: the Secret Service has gone away (libsecret's own words).
  keychain.failWith(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
  const restarted = core(t, { keychain, dir }).core;
  await restarted.accounts.ready();
  await restarted.accounts.probeKeychain();
  await restarted.accounts.probeKeychain();
  const notices = restarted.notices().filter((n) => n.id === 'keychain-unavailable');
  assert.equal(notices.length, 1);
  assert.equal(notices[0]?.level, 'error');
  assert.match(notices[0]?.message ?? '', /Secret Service/);
  assert.ok((notices[0]?.action ?? '').length > 0, 'says what to do');
  assert.ok(!JSON.stringify(notices).includes(TOKEN));
  // The list still shows the account, without its secret status.
  assert.equal((await restarted.accounts.list()).accounts[0]?.secretStored, false);
});
