import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { ACCOUNTS_BACKUP_PREFIX, ACCOUNTS_KEY, ACTIVE_ACCOUNT_KEY } from '../../electron/node/accounts/account-records';
import { secretEntryName } from '../../electron/node/accounts/account-secrets';
import { AccountStore } from '../../electron/node/accounts/account-store';
import { CLOUD_URLS, type Account, type NewAccountInput } from '../../electron/node/accounts/account-types';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { filesContaining, tempDir } from '../support/temp-dir';
import { FakeClock, FlakyKeychain, MapStore } from './accounts-support';

const SERVICE = 'zpa-test-accounts';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.account-token.sig';
const SECRET = 'Cs7xQ2mLp9VbR4tYw8Zk1Nd3';
const S2S = {
  kind: 's2s',
  accountId: 'nwT9kq3XRb2mZx7YpLs0aQ',
  clientId: 'AbCdEf123456',
  clientSecret: SECRET,
} as const;

function setup(o: { settings?: MapStore; keychain?: FlakyKeychain; clock?: FakeClock } = {}) {
  const settings = o.settings ?? new MapStore();
  const keychain = o.keychain ?? new FlakyKeychain();
  const clock = o.clock ?? new FakeClock();
  const changed: string[] = [];
  let n = 0;
  const store = new AccountStore({
    settings,
    keychain,
    service: SERVICE,
    clock,
    newId: () => `acct${String((n += 1)).padStart(4, '0')}`,
    onCredentialChange: (id) => changed.push(id),
  });
  return { settings, keychain, clock, store, changed };
}

function tokenAccount(name: string, extra: Partial<NewAccountInput> = {}): NewAccountInput {
  return { name, cloud: 'zoom', credential: { kind: 'token', token: TOKEN }, ...extra };
}

function rejectsWith(field: string | undefined, code = 'invalid_input') {
  return (error: unknown): boolean => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code);
    assert.equal(error.field, field);
    assert.ok(!error.message.includes(TOKEN) && !error.message.includes(SECRET), 'never repeats a secret');
    return true;
  };
}

describe('account store: add, list, get', () => {
  it('adds accounts of each cloud and kind; secrets go to the keychain only, one entry per account', async () => {
    const { store, keychain, settings } = setup();
    const a = await store.add(tokenAccount('Acme'));
    const b = await store.add({ name: 'Agency', cloud: 'gov', credential: S2S });
    const c = await store.add({
      name: 'Lab',
      cloud: 'custom',
      apiBase: 'https://127.0.0.1:8443/v2/',
      oauthBase: 'http://localhost:9000/oauth/token',
      credential: { kind: 'token', token: `  ${TOKEN}\n` },
    });
    assert.deepEqual(
      store.list().map((x) => [x.name, x.cloud, x.apiBase, x.oauthBase, x.credential.kind]),
      [
        ['Acme', 'zoom', 'https://api.zoom.us/v2', 'https://zoom.us/oauth/token', 'token'],
        ['Agency', 'gov', 'https://api.zoomgov.com/v2', 'https://zoomgov.com/oauth/token', 's2s'],
        ['Lab', 'custom', 'https://127.0.0.1:8443/v2', 'http://localhost:9000/oauth/token', 'token'],
      ],
    );
    assert.deepEqual(b.credential, { kind: 's2s', accountId: S2S.accountId, clientId: S2S.clientId });
    assert.deepEqual(keychain.names(SERVICE), [
      secretEntryName(a.id, 'token'),
      secretEntryName(b.id, 'client-secret'),
      secretEntryName(c.id, 'token'),
    ]);
    assert.equal(await store.readSecret(a), TOKEN);
    assert.equal(await store.readSecret(b), SECRET);
    assert.equal(await store.readSecret(c), TOKEN, 'trimmed');
    const stored = JSON.stringify([...settings.data.entries()]);
    assert.ok(!stored.includes(TOKEN) && !stored.includes(SECRET), 'settings hold no secret');
    assert.equal(store.activeId(), a.id, 'the first account becomes active');
    assert.equal(store.get('ACME')?.id, a.id, 'names ignore case');
    assert.equal(store.get(' agency ')?.id, b.id);
    assert.equal(store.get(c.id)?.name, 'Lab', 'found by id too');
    assert.equal(store.get('nobody'), null);
  });

  it('refuses invalid input with the field at fault, storing nothing', async () => {
    const { store, keychain } = setup();
    await store.add(tokenAccount('Acme'));
    const before = keychain.names(SERVICE);
    const cases: [NewAccountInput, string][] = [
      [tokenAccount(''), 'name'],
      [tokenAccount('   '), 'name'],
      [tokenAccount('x'.repeat(65)), 'name'],
      [tokenAccount('two\nlines'), 'name'],
      [tokenAccount('acme'), 'name'],
      [tokenAccount(' ACME '), 'name'],
      [{ name: 'T', cloud: 'zoom', credential: { kind: 'token', token: 'has space' } }, 'token'],
      [{ name: 'T', cloud: 'zoom', credential: { kind: 'token', token: '' } }, 'token'],
      [{ name: 'T', cloud: 'zoom', credential: { ...S2S, accountId: '' } }, 'accountId'],
      [{ name: 'T', cloud: 'zoom', credential: { ...S2S, accountId: 'a b' } }, 'accountId'],
      [{ name: 'T', cloud: 'zoom', credential: { ...S2S, clientId: 'id:with-colon' } }, 'clientId'],
      [{ name: 'T', cloud: 'zoom', credential: { ...S2S, clientSecret: ' ' } }, 'clientSecret'],
      [{ name: 'T', cloud: 'zoom', credential: { ...S2S, clientSecret: `${SECRET} x` } }, 'clientSecret'],
      [tokenAccount('T', { cloud: 'custom', oauthBase: 'https://zoom.us/oauth/token' }), 'apiBase'],
      [tokenAccount('T', { cloud: 'custom', apiBase: 'https://api.zoom.us/v2' }), 'oauthBase'],
      [
        tokenAccount('T', { cloud: 'custom', apiBase: 'http://api.example.com/v2', oauthBase: 'https://a/t' }),
        'apiBase',
      ],
      [tokenAccount('T', { cloud: 'custom', apiBase: 'https://a/v2', oauthBase: 'http://example.com/t' }), 'oauthBase'],
      [tokenAccount('T', { cloud: 'custom', apiBase: 'https://a/v2', oauthBase: 'https://u:p@a/t' }), 'oauthBase'],
      [tokenAccount('T', { cloud: 'gov', apiBase: 'https://api.zoom.us/v2' }), 'apiBase'],
    ];
    for (const [input, field] of cases) {
      await assert.rejects(store.add(input), rejectsWith(field), `${JSON.stringify(input.name)} → ${field}`);
    }
    assert.deepEqual(keychain.names(SERVICE), before);
    assert.equal(store.list().length, 1);
    // Giving a fixed cloud its own URLs is fine.
    const ok = await store.add(tokenAccount('Gov', { cloud: 'gov', apiBase: CLOUD_URLS.gov.apiBase + '/' }));
    assert.equal(ok.apiBase, CLOUD_URLS.gov.apiBase);
  });

  it('a keychain failure stores nothing; a settings failure removes the keychain entry again', async () => {
    const { store, keychain, settings } = setup();
    keychain.failOnce('set', new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    await assert.rejects(store.add(tokenAccount('Acme')), rejectsWith(undefined, 'keychain_unavailable'));
    assert.deepEqual(store.list(), []);
    settings.failSet = (key) => key === ACCOUNTS_KEY;
    await assert.rejects(store.add({ name: 'Acme', cloud: 'zoom', credential: S2S }), /disk full/);
    settings.failSet = null;
    assert.deepEqual(store.list(), []);
    assert.deepEqual(keychain.names(SERVICE), [], 'no orphaned secret');
  });

  it('a keychain error about a client secret says so, and never holds the secret', async () => {
    const { store, keychain } = setup();
    keychain.failOnce('set', new Error(`prompt dismissed for ${SECRET}`));
    await assert.rejects(store.add({ name: 'Acme', cloud: 'zoom', credential: S2S }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'keychain_unavailable');
      assert.match(error.message, /client secret/);
      assert.ok(!error.message.includes(SECRET));
      return true;
    });
  });

  it('require(): the active account by default, an unknown name lists the names, no account at all is no_token', async () => {
    const { store } = setup();
    assert.throws(() => store.require(), rejectsWith(undefined, 'no_token'));
    const a = await store.add(tokenAccount('Acme'));
    await store.add(tokenAccount('Beta'));
    assert.equal(store.require().id, a.id);
    assert.equal(store.require('beta').name, 'Beta');
    assert.throws(
      () => store.require('Gamma'),
      (error: unknown) =>
        error instanceof AppError && error.field === 'account' && /"Acme", "Beta"/.test(error.action ?? ''),
    );
  });

  it('concurrent adds of the same name: exactly one wins', async () => {
    const { store } = setup();
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => store.add(tokenAccount('Same'))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal(store.list().length, 1);
  });
});

describe('account store: edit, rename, remove, setActive', () => {
  it('rename keeps the id and the keychain entries where they are', async () => {
    const { store, keychain, clock, changed } = setup();
    const a = await store.add({ name: 'Acme', cloud: 'zoom', credential: S2S });
    const namesBefore = keychain.names(SERVICE);
    clock.advance(60);
    const renamed = await store.rename('acme', 'Acme Corp (EU)');
    assert.equal(renamed.id, a.id);
    assert.equal(renamed.name, 'Acme Corp (EU)');
    assert.notEqual(renamed.updatedAt, a.updatedAt);
    assert.equal(renamed.secretStoredAt, a.secretStoredAt, 'the secret was not touched');
    assert.deepEqual(keychain.names(SERVICE), namesBefore);
    assert.equal(await store.readSecret(renamed), SECRET);
    assert.deepEqual(changed, [], 'a rename does not drop cached tokens');
    // Changing only the case of its own name is allowed; taking another's is not.
    await store.rename(a.id, 'ACME CORP (EU)');
    await store.add(tokenAccount('Other'));
    await assert.rejects(store.rename('other', 'acme corp (eu)'), rejectsWith('name'));
  });

  it('edit: new secret, switching kinds (old entry deleted), cloud and addresses', async () => {
    const { store, keychain, changed } = setup();
    const a = await store.add(tokenAccount('Acme'));
    const updated = await store.edit('Acme', { credential: { kind: 'token', token: 'eyJ.new-token.sig' } });
    assert.equal(await store.readSecret(updated), 'eyJ.new-token.sig');
    assert.deepEqual(changed, [a.id]);

    await assert.rejects(
      store.edit('Acme', { credential: { kind: 's2s', accountId: S2S.accountId, clientId: S2S.clientId } }),
      rejectsWith('clientSecret'),
      'switching kind needs the new secret',
    );
    const s2s = await store.edit('Acme', { credential: S2S });
    assert.deepEqual(s2s.credential, { kind: 's2s', accountId: S2S.accountId, clientId: S2S.clientId });
    assert.deepEqual(keychain.names(SERVICE), [secretEntryName(a.id, 'client-secret')], 'the token entry was deleted');

    const sameSecret = await store.edit('Acme', { credential: { kind: 's2s', clientId: 'NewClientId99' } });
    assert.deepEqual(sameSecret.credential, { kind: 's2s', accountId: S2S.accountId, clientId: 'NewClientId99' });
    assert.equal(await store.readSecret(sameSecret), SECRET, 'the stored secret is kept');

    const custom = await store.edit('Acme', {
      cloud: 'custom',
      apiBase: 'https://127.0.0.1:1/v2',
      oauthBase: 'https://127.0.0.1:1/oauth/token',
    });
    assert.equal(custom.apiBase, 'https://127.0.0.1:1/v2');
    const onlyApi = await store.edit('Acme', { apiBase: 'https://127.0.0.1:2/v2' });
    assert.equal(onlyApi.oauthBase, 'https://127.0.0.1:1/oauth/token', 'a custom account keeps the other address');
    const gov = await store.edit('Acme', { cloud: 'gov' });
    assert.deepEqual([gov.apiBase, gov.oauthBase], [CLOUD_URLS.gov.apiBase, CLOUD_URLS.gov.oauthBase]);
    await assert.rejects(store.edit('Acme', { cloud: 'custom' }), rejectsWith('apiBase'));
    assert.equal(store.get('Acme')?.cloud, 'gov', 'a refused edit changes nothing');
  });

  it('a failed edit puts the old secret back', async () => {
    const { store, settings } = setup();
    const a = await store.add(tokenAccount('Acme'));
    settings.failSet = (key) => key === ACCOUNTS_KEY;
    await assert.rejects(store.edit('Acme', { credential: { kind: 'token', token: 'eyJ.other.sig' } }), /disk full/);
    settings.failSet = null;
    assert.equal(await store.readSecret(a), TOKEN);
  });

  it('remove deletes every keychain entry of the account; the next account becomes active', async () => {
    const { store, keychain, changed } = setup();
    const a = await store.add({ name: 'Acme', cloud: 'zoom', credential: S2S });
    const b = await store.add(tokenAccount('Beta'));
    // A leftover of an interrupted kind switch is deleted too.
    await keychain.setPassword(SERVICE, secretEntryName(a.id, 'token'), 'leftover');
    assert.equal(store.activeId(), a.id);
    const { removed, activeId } = await store.remove('ACME');
    assert.equal(removed.id, a.id);
    assert.equal(activeId, b.id);
    assert.equal(store.activeId(), b.id);
    assert.deepEqual(keychain.names(SERVICE), [secretEntryName(b.id, 'token')]);
    assert.deepEqual(changed, [a.id]);
    await store.remove('Beta');
    assert.deepEqual(keychain.names(SERVICE), [], 'no keychain entry left behind');
    assert.equal(store.activeId(), null);
    await assert.rejects(store.remove('Beta'), rejectsWith(undefined, 'no_token'));
  });

  it('remove keeps the account when the keychain cannot be reached, so it can be removed again', async () => {
    const { store, keychain } = setup();
    const a = await store.add(tokenAccount('Acme'));
    keychain.failOnce('delete', new Error('The name org.freedesktop.secrets was not provided by any .service files'));
    await assert.rejects(store.remove('Acme'), rejectsWith(undefined, 'keychain_unavailable'));
    assert.equal(store.get('Acme')?.id, a.id);
    await store.remove('Acme');
    assert.deepEqual(keychain.names(SERVICE), []);
  });

  it('setActive; a dangling active id falls back to the first account', async () => {
    const { store, settings } = setup();
    const a = await store.add(tokenAccount('Acme'));
    const b = await store.add(tokenAccount('Beta'), { activate: true });
    assert.equal(store.active()?.id, b.id, 'add with activate');
    await store.setActive('acme');
    assert.equal(store.active()?.id, a.id);
    assert.equal(settings.get(ACTIVE_ACCOUNT_KEY), a.id);
    settings.set(ACTIVE_ACCOUNT_KEY, 'gone-account');
    assert.equal(store.active()?.id, a.id);
    settings.set(ACTIVE_ACCOUNT_KEY, 42);
    assert.equal(store.activeId(), a.id);
    await assert.rejects(store.setActive('nobody'), rejectsWith('account'));
  });
});

describe('account store: what is on disk', () => {
  it('persists across reopen in config.json; no secret reaches the data folder', async (t: TestContext) => {
    const dir = tempDir(t);
    const keychain = new FlakyKeychain();
    const clock = new FakeClock();
    const open = () =>
      new AccountStore({
        settings: openSettingsStore({ dataDir: dir, clock }).store,
        keychain,
        service: SERVICE,
        clock,
      });
    const first = open();
    await first.add({ name: 'Acme', cloud: 'zoom', credential: S2S });
    await first.add(tokenAccount('Gov desk', { cloud: 'gov' }), { activate: true });
    const second = open();
    assert.deepEqual(
      second.list().map((a) => a.name),
      ['Acme', 'Gov desk'],
    );
    assert.equal(second.active()?.name, 'Gov desk');
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    assert.ok(Array.isArray(config[ACCOUNTS_KEY]));
    assert.deepEqual(filesContaining(dir, SECRET), []);
    assert.deepEqual(filesContaining(dir, TOKEN), []);
    assert.deepEqual(filesContaining(dir, Buffer.from(`${S2S.clientId}:${SECRET}`).toString('base64')), []);
  });

  for (const [label, value, kept] of [
    ['not a list', { oops: true }, 0],
    ['a list with a broken entry', 'mixed', 1],
    ['duplicate names', 'dupes', 1],
    ['a custom account with a plain-http address', 'http', 1],
  ] as const) {
    it(`a malformed accounts value (${label}) gives a notice and a backup, never a crash or a silent wipe`, () => {
      const { settings, clock } = setup();
      const good: Account = {
        id: 'goodAcct01',
        name: 'Good',
        cloud: 'zoom',
        apiBase: 'https://api.zoom.us/v2',
        oauthBase: 'https://zoom.us/oauth/token',
        credential: { kind: 'token' },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        secretStoredAt: null,
      };
      const raw =
        value === 'mixed'
          ? [good, { id: 'x', name: 42 }]
          : value === 'dupes'
            ? [good, { ...good, id: 'otherAcct2', name: 'GOOD' }]
            : value === 'http'
              ? [good, { ...good, id: 'customAcc3', name: 'Lab', cloud: 'custom', apiBase: 'http://example.com/v2' }]
              : value;
      settings.set(ACCOUNTS_KEY, raw);
      const store = new AccountStore({ settings, keychain: new FlakyKeychain(), service: SERVICE, clock });
      assert.equal(store.list().length, kept);
      assert.equal(store.notices.length, 1);
      const [notice] = store.notices;
      assert.equal(notice?.level, 'warning');
      const backupKey = [...settings.data.keys()].find((k) => k.startsWith(ACCOUNTS_BACKUP_PREFIX));
      assert.ok(backupKey !== undefined, 'a backup key was written');
      assert.deepEqual(settings.get(backupKey), raw, 'the raw value is kept unchanged');
      assert.ok(notice?.message.includes(backupKey), 'the notice names the backup');
      // Repaired once: reading again adds no second backup or notice.
      store.list();
      store.active();
      assert.equal(store.notices.length, 1);
      assert.equal([...settings.data.keys()].filter((k) => k.startsWith(ACCOUNTS_BACKUP_PREFIX)).length, 1);
    });
  }

  it('a stored zoom or gov account always uses its cloud’s URLs, whatever was stored', () => {
    const { settings, clock } = setup();
    settings.set(ACCOUNTS_KEY, [
      {
        id: 'govAcct001',
        name: 'Gov',
        cloud: 'gov',
        apiBase: 'https://evil.example/v2',
        oauthBase: 'https://evil.example/oauth/token',
        credential: { kind: 'token' },
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        secretStoredAt: null,
      },
    ]);
    const store = new AccountStore({ settings, keychain: new FlakyKeychain(), service: SERVICE, clock });
    assert.equal(store.get('Gov')?.apiBase, CLOUD_URLS.gov.apiBase);
    assert.equal(store.get('Gov')?.oauthBase, CLOUD_URLS.gov.oauthBase);
    assert.deepEqual(store.notices, []);
  });
});
