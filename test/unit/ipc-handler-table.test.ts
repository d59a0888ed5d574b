import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { IPC_CHANNELS, type IpcMethod } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createCore } from '../../electron/node/core';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { createHandlerTable } from '../../electron/node/ipc/handler-table';
import type { Transport, TransportRequest } from '../../electron/node/ports';
import { MemoryClipboard } from '../support/memory-clipboard';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.HANDLER-TABLE-SECRET-TOKEN.c2ln';
const PASSWORD = 'Kx9-Table-Pass';
const CLIENT_SECRET = 'TABLE-CLIENT-SECRET-9f8e7d';
const OAUTH_TOKEN = 'eyJ0eXAiOiJKV1QifQ.TABLE-OAUTH-ISSUED-TOKEN.c2ln';
const SECRETS = ['HANDLER-TABLE-SECRET-TOKEN', 'TABLE-OAUTH-ISSUED-TOKEN', 'TABLE-CLIENT-SECRET', PASSWORD];
const SENDER = { frameUrl: 'zpa://app/index.html', isMainFrame: true };

/** A Zoom that answers 204 to every password change and records what it was sent. */
function fakeZoom(): Transport & { requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  return {
    requests,
    async send(request) {
      requests.push(request);
      if (request.url.endsWith('/oauth/token') || request.url.includes('/oauth/token?')) {
        const body = {
          access_token: OAUTH_TOKEN,
          token_type: 'bearer',
          expires_in: 3599,
          scope: 'user:update:password:admin',
          api_url: 'https://api.zoom.us',
        };
        return { status: 200, headers: new Headers({ 'x-zm-trackingid': 'trk-oauth' }), text: JSON.stringify(body) };
      }
      if (request.method === 'GET') {
        return { status: 200, headers: new Headers(), text: JSON.stringify({ users: [], total_records: 0 }) };
      }
      return { status: 204, headers: new Headers({ 'x-zm-trackingid': 'trk-table-1' }), text: '' };
    },
  };
}

function setup(t: TestContext) {
  const dataDir = tempDir(t, 'zpa-ipc-table-');
  const keychain = new MemoryKeychain();
  const transport = fakeZoom();
  const opened: string[] = [];
  const core = createCore({
    dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport,
    keychain,
    source: 'app',
    keychainService: 'zpa-test-ipc-handler-table',
    version: '0.0.0-test',
  });
  const table = createHandlerTable(core, {
    openExternal: async (url) => {
      opened.push(url);
    },
    // No export happens in these tests: a dialog would be a bug, answered as a cancel.
    chooseSaveFile: async () => null,
    chooseOpenFile: async () => null,
    clipboard: new MemoryClipboard(),
  });
  const dispatch = createDispatcher(table, createSenderPolicy(APP_ORIGIN), { checkResponses: true });
  const responses: IpcResult<unknown>[] = [];
  const call = async (method: IpcMethod, payload?: unknown): Promise<IpcResult<unknown>> => {
    const result = await dispatch(IPC_CHANNELS[method], SENDER, payload);
    responses.push(result);
    return result;
  };
  return { dataDir, keychain, transport, opened, table, call, responses };
}

/** Every string anywhere in a value, keys included. */
function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) allStrings(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      allStrings(item, out);
    }
  }
  return out;
}

function valueOf<T>(result: IpcResult<T>): T {
  assert.equal(result.ok, true, `expected success, got ${JSON.stringify(result)}`);
  if (!result.ok) throw new Error('unreachable');
  return result.value;
}

describe('the handler table', () => {
  test('covers exactly the channels of the contract', (t) => {
    const { table } = setup(t);
    assert.deepEqual(Object.keys(table).sort(), Object.keys(IPC_CHANNELS).sort());
    for (const handler of Object.values(table)) assert.equal(typeof handler, 'function');
  });

  test('a full session over the real core never hands the token back', async (t) => {
    const { call, responses, keychain, transport, dataDir } = setup(t);

    assert.deepEqual(valueOf(await call('getTokenStatus')), { stored: false, storedAt: null });
    const afterSet = valueOf(await call('setToken', { token: `  ${TOKEN}  ` })) as { stored: boolean };
    assert.equal(afterSet.stored, true);
    assert.equal([...keychain.entries.values()][0], TOKEN, 'the token went into the keychain, trimmed');
    const status = valueOf(await call('getTokenStatus')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(status).sort(), ['stored', 'storedAt']);
    assert.equal(status['stored'], true);
    assert.equal(typeof status['storedAt'], 'string');

    const change = valueOf(await call('changePassword', { user: 'ana@example.com', password: PASSWORD })) as {
      entry: { outcome: string; trackingId: string; user: string };
    };
    assert.equal(change.entry.outcome, 'updated');
    assert.equal(change.entry.trackingId, 'trk-table-1');
    // Main reads the account's policy and looks the user up first; one password change is sent.
    assert.equal(transport.requests.filter((r) => r.method === 'PUT').length, 1);
    assert.equal(transport.requests[0]?.headers['authorization'], `Bearer ${TOKEN}`, 'main used the stored token');

    const page = valueOf(await call('listHistory', {})) as { entries: { user: string }[]; total: number };
    assert.equal(page.total, 1);
    assert.equal(page.entries[0]?.user, 'ana@example.com');
    const recent = valueOf(await call('listRecentUsers')) as { user: string }[];
    assert.deepEqual(
      recent.map((r) => r.user),
      ['ana@example.com'],
    );
    const info = valueOf(await call('getAppInfo')) as { dataDir: string; version: string };
    assert.equal(info.dataDir, dataDir);
    assert.equal(info.version, '0.0.0-test');

    // Replacing and clearing answer with a status too.
    assert.equal((valueOf(await call('setToken', { token: `${TOKEN}-2` })) as { stored: boolean }).stored, true);
    assert.deepEqual(valueOf(await call('clearToken')), { stored: false, storedAt: null });
    assert.equal(keychain.entries.size, 0);

    assert.ok(responses.length >= 9);
    for (const response of responses) {
      for (const text of allStrings(response)) {
        assert.ok(!text.includes('HANDLER-TABLE-SECRET-TOKEN'), `a response contains the token: ${text}`);
        assert.ok(!text.includes(PASSWORD), `a response contains the password: ${text}`);
      }
    }
    assert.deepEqual(filesContaining(dataDir, 'HANDLER-TABLE-SECRET-TOKEN'), []);
    assert.deepEqual(filesContaining(dataDir, PASSWORD), []);
  });

  test('accounts: add, edit, test, switch, change and remove S2S and token accounts; no secret ever comes back', async (t) => {
    const { call, responses, keychain, transport, dataDir } = setup(t);
    assert.deepEqual(valueOf(await call('listAccounts')), { accounts: [], activeId: null });
    assert.equal((valueOf(await call('getAppInfo')) as { activeAccount: unknown }).activeAccount, null);

    const s2s = valueOf(
      await call('addAccount', {
        name: 'Acme Gov',
        cloud: 'gov',
        credential: { kind: 's2s', accountId: 'GovAcct_1', clientId: 'gov-client', clientSecret: ` ${CLIENT_SECRET} ` },
      }),
    ) as { id: string; active: boolean; secretStored: boolean; apiBase: string; oauthBase: string };
    assert.equal(s2s.active, true, 'the first account becomes active');
    assert.equal(s2s.secretStored, true);
    assert.equal(s2s.apiBase, 'https://api.zoomgov.com/v2');
    assert.equal(s2s.oauthBase, 'https://zoomgov.com/oauth/token');
    assert.ok([...keychain.entries.values()].includes(CLIENT_SECRET), 'trimmed, in the keychain');

    const pasted = valueOf(
      await call('addAccount', { name: 'Pasted', cloud: 'zoom', credential: { kind: 'token', token: TOKEN } }),
    ) as { id: string; active: boolean };
    assert.equal(pasted.active, false);

    const tested = valueOf(await call('testAccount', {})) as { ok: boolean; accountName: string; scopes: string[] };
    assert.equal(tested.ok, true, JSON.stringify(tested));
    assert.equal(tested.accountName, 'Acme Gov');
    assert.deepEqual(tested.scopes, ['user:update:password:admin']);

    const change = valueOf(await call('changePassword', { user: 'ana@example.com', password: PASSWORD })) as {
      entry: { outcome: string; account: string; cloud: string; apiBase: string };
    };
    assert.equal(change.entry.outcome, 'updated');
    assert.equal(change.entry.account, 'Acme Gov');
    assert.equal(change.entry.cloud, 'Zoom for Government');
    assert.equal(change.entry.apiBase, 'https://api.zoomgov.com/v2');
    const put = transport.requests.find((r) => r.method === 'PUT');
    assert.equal(put?.headers['authorization'], `Bearer ${OAUTH_TOKEN}`);
    assert.ok(
      transport.requests.some((r) => r.url === 'https://zoomgov.com/oauth/token'),
      'Gov token endpoint',
    );

    const byName = valueOf(
      await call('changePassword', { user: 'bo@example.com', password: PASSWORD, account: 'pasted' }),
    ) as { entry: { account: string } };
    assert.equal(byName.entry.account, 'Pasted', 'the account option, matched ignoring case');

    const edited = valueOf(
      await call('editAccount', {
        ref: 'Acme Gov',
        patch: { name: 'Acme Government', credential: { kind: 's2s', clientSecret: `${CLIENT_SECRET}-new` } },
      }),
    ) as { name: string; credential: Record<string, unknown> };
    assert.equal(edited.name, 'Acme Government');
    assert.deepEqual(Object.keys(edited.credential).sort(), ['accountId', 'clientId', 'kind']);
    assert.equal((valueOf(await call('setActiveAccount', { ref: 'Pasted' })) as { active: boolean }).active, true);
    const info = valueOf(await call('getAppInfo')) as { activeAccount: { name: string } };
    assert.equal(info.activeAccount.name, 'Pasted');

    const unknown = await call('setActiveAccount', { ref: 'Nobody' });
    assert.equal(!unknown.ok && unknown.error.field, 'account');
    const s2sToken = await call('setActiveAccount', { ref: 'Acme Government' }).then(() =>
      call('setToken', { token: TOKEN }),
    );
    assert.equal(!s2sToken.ok && s2sToken.error.code, 'invalid_input', 'no token for an OAuth account');

    assert.deepEqual(valueOf(await call('removeAccount', { ref: 'Acme Government' })), { activeId: pasted.id });
    assert.deepEqual(valueOf(await call('removeAccount', { ref: 'Pasted' })), { activeId: null });
    assert.equal(keychain.entries.size, 0, 'removing deletes the keychain entries');
    const list = valueOf(await call('listAccounts')) as { accounts: unknown[] };
    assert.deepEqual(list.accounts, []);

    assert.ok(responses.length >= 15);
    for (const response of responses) {
      assert.ok(response.ok || ['invalid_input'].includes(response.error.code), JSON.stringify(response));
      for (const text of allStrings(response)) {
        for (const secret of SECRETS) assert.ok(!text.includes(secret), `a response contains a secret: ${text}`);
      }
    }
    for (const secret of SECRETS) assert.deepEqual(filesContaining(dataDir, secret), []);
  });

  test('errors from the core come back typed, and nothing is sent without a token', async (t) => {
    const { call, transport } = setup(t);
    const noToken = await call('changePassword', { user: 'ana@example.com', password: PASSWORD });
    assert.equal(noToken.ok, false);
    assert.equal(!noToken.ok && noToken.error.code, 'no_token');

    await call('setToken', { token: TOKEN });
    const weak = await call('changePassword', { user: 'ana@example.com', password: 'Wq7' });
    assert.equal(!weak.ok && weak.error.code, 'invalid_input');
    assert.equal(!weak.ok && weak.error.field, 'password');
    assert.ok(!JSON.stringify(weak).includes('Wq7'), 'the error does not repeat the password');
    const badUser = await call('changePassword', { user: 'not a user', password: PASSWORD });
    assert.equal(!badUser.ok && badUser.error.field, 'user');
    assert.equal(transport.requests.length, 0);
  });

  test('openExternal opens allow-listed Zoom links only', async (t) => {
    const { call, opened } = setup(t);
    assert.deepEqual(valueOf(await call('openExternal', { url: 'https://marketplace.zoom.us/develop/create' })), {
      opened: true,
    });
    for (const url of [
      'http://zoom.us/',
      'https://zoom.us.evil.example/',
      'file:///etc/passwd',
      'https://u:p@zoom.us/',
    ]) {
      const refused = await call('openExternal', { url });
      assert.equal(!refused.ok && refused.error.code, 'not_allowed', url);
    }
    assert.deepEqual(opened, ['https://marketplace.zoom.us/develop/create']);
  });
});
