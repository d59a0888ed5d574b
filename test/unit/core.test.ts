import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { createCore, type CoreOptions } from '../../electron/node/core';
import type { KeyValueStore, Transport, TransportRequest } from '../../electron/node/ports';
import { confStoreFactory } from '../../electron/node/settings/conf-store';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp-dir';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.core-token.sig';
const PASSWORD = 'Zq8-wEr4-Tn6y';

function transport(sent: TransportRequest[] = []): Transport {
  return {
    send: async (request) => {
      sent.push(request);
      return {
        status: 204,
        headers: { get: (n) => (n.toLowerCase() === 'x-zm-trackingid' ? 'tid-core' : null) },
        text: '',
      };
    },
  };
}

function options(dataDir: string, over: Partial<CoreOptions> = {}): CoreOptions {
  return {
    dataDir,
    apiBase: 'https://api.zoom.us/v2/',
    transport: transport(),
    keychain: new MemoryKeychain(),
    source: 'app',
    version: '1.2.3',
    ...over,
  };
}

test('info() describes the app; the API base is normalised', (t) => {
  const dir = tempDir(t);
  const core = createCore(options(dir, { demo: true, apiBase: 'http://127.0.0.1:8443/v2/' }));
  assert.deepEqual(core.info(), {
    productName: 'Zoom Password Admin',
    version: '1.2.3',
    dataDir: dir,
    apiBase: 'http://127.0.0.1:8443/v2',
    demo: true,
    platform: process.platform,
    notices: [],
    activeAccount: null,
  });
  assert.equal(core.apiBase, 'http://127.0.0.1:8443/v2');
  assert.equal(createCore(options(tempDir(t))).info().demo, false);
});

test('an API base that is not https is refused', (t) => {
  assert.throws(
    () => createCore(options(tempDir(t), { apiBase: 'http://api.zoom.us/v2' })),
    (error: unknown) => error instanceof AppError && error.code === 'invalid_input',
  );
});

test('end to end over the core: token, change, history, recent users, shared with a second shell', async (t) => {
  const dir = tempDir(t);
  const keychain = new MemoryKeychain();
  const sent: TransportRequest[] = [];
  const app = createCore(options(dir, { keychain, transport: transport(sent), keychainService: 'zpa-test-core' }));
  await app.vault.setToken(TOKEN);
  // With no account yet, storing a token creates the "Default" pasted-token account.
  const [account] = (await app.accounts.list()).accounts;
  assert.equal(account?.name, 'Default');
  assert.equal(account?.cloud, 'zoom');
  assert.deepEqual(app.info().activeAccount, {
    id: account?.id,
    name: 'Default',
    cloud: 'zoom',
    apiBase: 'https://api.zoom.us/v2',
  });
  assert.deepEqual([...keychain.entries.keys()], [`zpa-test-core\u0000account:${account?.id}:token`]);
  const entry = await app.passwords.change({ user: 'carol@example.com', password: PASSWORD });
  assert.equal(entry.outcome, 'updated');
  assert.equal(entry.source, 'app');
  assert.equal(entry.apiBase, 'https://api.zoom.us/v2');
  assert.equal(entry.account, 'Default');
  // Main reads the account's policy and looks the user up first; one password change is sent.
  assert.equal(sent.filter((r) => r.method === 'PUT').length, 1);
  assert.deepEqual(app.history.list({}).entries, [entry]);

  // zpa on the same folder and keychain entry sees the same token, history and recent users.
  const zpa = createCore(options(dir, { keychain, source: 'zpa', keychainService: 'zpa-test-core' }));
  assert.equal((await zpa.vault.status()).stored, true);
  const second = await zpa.passwords.change({ user: 'dave@example.com', password: PASSWORD });
  assert.equal(second.source, 'zpa');
  assert.deepEqual(
    app.history.list({}).entries.map((e) => e.user),
    ['dave@example.com', 'carol@example.com'],
  );
  assert.deepEqual(
    app.recentUsers.list().map((r) => r.user),
    ['dave@example.com', 'carol@example.com'],
  );
});

test('starts and shows history without a keychain; keytar is only loaded when needed', async (t) => {
  const dir = tempDir(t);
  let loads = 0;
  const core = createCore(
    options(dir, {
      keychain: () => {
        loads += 1;
        throw new AppError('keychain_unavailable', 'The keychain library (keytar) could not be loaded.', {
          action: 'Reinstall.',
        });
      },
    }),
  );
  assert.equal(loads, 0);
  assert.deepEqual(core.history.list({}), { entries: [], total: 0 });
  assert.equal(core.info().productName, 'Zoom Password Admin');
  await assert.rejects(core.vault.status(), { code: 'keychain_unavailable' });
  await assert.rejects(core.passwords.change({ user: 'a@example.com', password: PASSWORD }), {
    code: 'keychain_unavailable',
  });
  assert.equal(loads, 1, 'one attempt (the migration) per start; the error is kept for the next calls');
  assert.equal(core.history.list({}).total, 0, 'nothing is recorded when nothing was sent');
});

test('notices gather the settings and history recoveries, settings first', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'config.json'), '{"recentUsers": [');
  fs.mkdirSync(path.join(dir, 'history'));
  fs.writeFileSync(path.join(dir, 'history', 'history.jsonl'), 'garbage\n');
  const core = createCore(options(dir));
  const notices = core.notices();
  assert.equal(notices.length, 2);
  assert.match(notices[0]?.message ?? '', /settings file could not be read/);
  assert.match(notices[1]?.message ?? '', /history file had 1 line/);
  assert.ok(notices.every((n) => n.level === 'warning'));
  assert.deepEqual(core.info().notices, notices);
});

test('a custom store factory (electron-store in the app) is used for settings', async (t) => {
  const dir = tempDir(t);
  const seen: string[] = [];
  const core = createCore(
    options(dir, {
      storeFactory: (o): KeyValueStore => {
        seen.push(o.name);
        return confStoreFactory(o);
      },
    }),
  );
  await core.vault.setToken(TOKEN);
  assert.deepEqual(seen, ['config']);
  assert.ok(fs.readFileSync(path.join(dir, 'config.json'), 'utf8').includes('"accounts"'));
});
