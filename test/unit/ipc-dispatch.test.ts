import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { IPC_CHANNELS, type IpcMethod } from '../../shared/ipc/channels';
import type { AccountView, ConnectionTestResultView, IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createDispatcher, createSenderPolicy, type SenderInfo } from '../../electron/node/ipc/dispatch';
import { BULK_HANDLERS, BULK_VALID, bulkBadPayloads } from './bulk-ipc-fixtures';
import type { HandlerTable } from '../../electron/node/ipc/handler-table';

const TRUSTED: SenderInfo = { frameUrl: 'zpa://app/index.html', isMainFrame: true };
const PASSWORD = 'Zq7-Secret-Pass';
const TOKEN = 'eyJhbGciOiJIUzUxMiJ9.SECRET-TOKEN-PAYLOAD.sig';
const CLIENT_SECRET = 'CLIENTSECRET-5up3r-s3cr3t';

const ENTRY: HistoryEntry = {
  id: 'req-1',
  at: '2026-11-23T10:00:00.000Z',
  user: 'ana@example.com',
  outcome: 'updated',
  httpStatus: 204,
  zoomCode: null,
  message: 'The password was changed.',
  zoomMessage: null,
  trackingId: 'trk-1',
  durationMs: 120,
  apiBase: 'https://api.zoom.us/v2',
  source: 'app',
};

const VIEW: AccountView = {
  id: 'acct-123456',
  name: 'Acme',
  cloud: 'zoom',
  apiBase: 'https://api.zoom.us/v2',
  oauthBase: 'https://zoom.us/oauth/token',
  credential: { kind: 's2s', accountId: 'AbCdEf123', clientId: 'client-1' },
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  secretStoredAt: '2026-11-23T09:00:00.000Z',
  secretStored: true,
  active: true,
};

const TEST_RESULT: ConnectionTestResultView = {
  ok: true,
  failedAt: null,
  accountId: VIEW.id,
  accountName: VIEW.name,
  cloud: 'zoom',
  apiBase: VIEW.apiBase,
  oauthBase: VIEW.oauthBase,
  tokenSource: 'oauth',
  tokenExpiresAt: '2026-11-23T10:00:00.000Z',
  apiUrl: 'https://api.zoom.us',
  scopes: ['user:update:password:admin'],
  capabilities: { changePasswords: 'allowed', lookUpUsers: 'missing', readPasswordPolicy: 'missing' },
  scopesToAdd: ['user:read:user:admin', 'account:read:settings:admin'],
  oauthReason: null,
  httpStatus: 200,
  zoomCode: null,
  trackingId: 'trk-2',
  durationMs: 40,
  message: 'Connected.',
  action: null,
};

/** A table whose handlers answer valid responses and record every call. */
function recordingTable(overrides: Partial<HandlerTable> = {}): { table: HandlerTable; calls: [IpcMethod, unknown][] } {
  const calls: [IpcMethod, unknown][] = [];
  const status = { stored: true, storedAt: '2026-11-23T09:00:00.000Z' };
  const base: HandlerTable = {
    getAppInfo: async () => ({
      productName: 'Zoom Password Admin',
      version: '0.1.0',
      dataDir: '/tmp/zpa',
      apiBase: 'https://api.zoom.us/v2',
      demo: false,
      platform: 'linux',
      notices: [],
      activeAccount: { id: VIEW.id, name: VIEW.name, cloud: 'zoom', apiBase: VIEW.apiBase },
    }),
    openExternal: async () => ({ opened: true }),
    getTokenStatus: async () => status,
    setToken: async () => status,
    clearToken: async () => ({ stored: false, storedAt: null }),
    changePassword: async () => ({ entry: ENTRY }),
    listHistory: async () => ({ entries: [ENTRY], total: 1 }),
    getHistorySummary: async () => ({
      entries: 1,
      unchained: 0,
      skippedLines: 0,
      oldestAt: ENTRY.at,
      newestAt: ENTRY.at,
      markers: [],
    }),
    verifyHistory: async () => ({
      ok: true,
      checked: 1,
      unchained: 0,
      skippedLines: 0,
      lastSeq: 1,
      lastHash: 'a'.repeat(64),
      retention: null,
    }),
    exportHistory: async () => ({ status: 'saved', rows: 1, file: '/home/ana/history.csv' }),
    getRetention: async () => ({ days: null }),
    setRetention: async () => ({ days: 365, applied: { removed: 0, kept: 1, marker: null } }),
    listRecentUsers: async () => [{ user: 'ana@example.com', lastAt: ENTRY.at, lastOutcome: 'updated' }],
    listAccounts: async () => ({ accounts: [VIEW], activeId: VIEW.id }),
    addAccount: async () => VIEW,
    editAccount: async () => VIEW,
    removeAccount: async () => ({ activeId: null }),
    setActiveAccount: async () => VIEW,
    testAccount: async () => TEST_RESULT,
    lookupUser: async () => ({
      status: 'not_found',
      query: 'ana@example.com',
      account: 'Acme',
      asOf: ENTRY.at,
      reason: 'No such user.',
    }),
    listUsers: async () => ({ account: 'Acme', asOf: ENTRY.at, total: 0, matched: 0, offset: 0, users: [] }),
    getPasswordPolicy: async () => ({
      account: 'Acme',
      policy: { minLength: 8, requireSpecial: false, consecutiveLength: 0, weakDetection: false },
      source: 'basic',
      reason: 'Free plan.',
      asOf: null,
    }),
    copyNewPassword: async () => ({ copied: true, clearsAt: null }),
    getPreferences: async () => ({ clipboardClearSeconds: 30 }),
    setPreferences: async () => ({ clipboardClearSeconds: 30 }),
    ...BULK_HANDLERS,
  };
  const table = {} as Record<IpcMethod, (request: unknown) => Promise<unknown>>;
  for (const method of Object.keys(base) as IpcMethod[]) {
    const handler = (overrides[method] ?? base[method]) as (request: unknown) => Promise<unknown>;
    table[method] = (request) => {
      calls.push([method, request]);
      return handler(request);
    };
  }
  return { table: table as unknown as HandlerTable, calls };
}

function setup(
  o: { overrides?: Partial<HandlerTable>; policy?: (s: SenderInfo) => boolean; checkResponses?: boolean } = {},
) {
  const { table, calls } = recordingTable(o.overrides);
  const logs: string[] = [];
  const dispatch = createDispatcher(table, o.policy ?? createSenderPolicy(APP_ORIGIN), {
    log: (line) => logs.push(line),
    ...(o.checkResponses === undefined ? {} : { checkResponses: o.checkResponses }),
  });
  return { dispatch, calls, logs };
}

function errorOf(result: IpcResult<unknown>) {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

const VALID: Record<IpcMethod, unknown> = {
  getAppInfo: undefined,
  openExternal: { url: 'https://developers.zoom.us/docs/api/' },
  getTokenStatus: undefined,
  setToken: { token: TOKEN },
  clearToken: undefined,
  changePassword: { user: 'ana@example.com', password: PASSWORD },
  listHistory: { user: 'ana', outcome: 'updated', limit: 50, offset: 0 },
  getHistorySummary: undefined,
  verifyHistory: undefined,
  exportHistory: { query: { user: 'ana', since: '2026-01-01T00:00:00Z', order: 'oldest' }, format: 'csv' },
  getRetention: undefined,
  setRetention: { days: 365 },
  listRecentUsers: undefined,
  listAccounts: undefined,
  addAccount: {
    name: 'Acme',
    cloud: 'zoom',
    credential: { kind: 's2s', accountId: 'AbCdEf123', clientId: 'client-1', clientSecret: CLIENT_SECRET },
    activate: true,
  },
  editAccount: { ref: 'Acme', patch: { name: 'Acme EU', credential: { kind: 's2s', clientSecret: CLIENT_SECRET } } },
  removeAccount: { ref: 'Acme' },
  setActiveAccount: { ref: 'Acme' },
  testAccount: {},
  lookupUser: { user: 'ana@example.com', account: 'Acme' },
  listUsers: { search: 'ana', refresh: true, offset: 0, limit: 100 },
  getPasswordPolicy: { refresh: true },
  copyNewPassword: { entryId: 'req-1' },
  getPreferences: undefined,
  setPreferences: { clipboardClearSeconds: 0 },
  ...BULK_VALID,
};

describe('dispatch: the happy path', () => {
  for (const [method, channel] of Object.entries(IPC_CHANNELS) as [IpcMethod, string][]) {
    test(`${method} reaches its handler with the validated request`, async () => {
      const { dispatch, calls } = setup();
      const result = await dispatch(channel, TRUSTED, VALID[method]);
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.deepEqual(calls, [[method, VALID[method]]]);
    });
  }

  test('the handler gets the parsed value (the token is trimmed by the contract)', async () => {
    const { dispatch, calls } = setup();
    await dispatch(IPC_CHANNELS.setToken, TRUSTED, { token: `  ${TOKEN}\n` });
    assert.deepEqual(calls, [['setToken', { token: TOKEN }]]);
  });
});

describe('dispatch: unknown channels', () => {
  for (const channel of [
    '',
    'app:get-info ',
    'APP:GET-INFO',
    'getAppInfo',
    'token:get',
    'toString',
    '__proto__',
    'constructor',
  ]) {
    test(`refuses ${JSON.stringify(channel)} without calling anything`, async () => {
      const { dispatch, calls } = setup();
      const error = errorOf(await dispatch(channel, TRUSTED, undefined));
      assert.equal(error.code, 'unknown_channel');
      assert.equal(calls.length, 0);
    });
  }

  test('refuses a channel that is not even a string', async () => {
    const { dispatch, calls } = setup();
    const error = errorOf(await dispatch(42 as unknown as string, TRUSTED, undefined));
    assert.equal(error.code, 'unknown_channel');
    assert.equal(calls.length, 0);
  });
});

describe('dispatch: untrusted senders', () => {
  const untrusted: [string, SenderInfo][] = [
    ['another https origin', { frameUrl: 'https://evil.example/index.html', isMainFrame: true }],
    ['a subframe of our own origin', { frameUrl: 'zpa://app/index.html', isMainFrame: false }],
    ['a file:// page', { frameUrl: 'file:///work/main/dist/renderer/index.html', isMainFrame: true }],
    ['another zpa host', { frameUrl: 'zpa://other/index.html', isMainFrame: true }],
    ['our host on a port', { frameUrl: 'zpa://app:8080/index.html', isMainFrame: true }],
    ['credentials in the URL', { frameUrl: 'zpa://user:pw@app/index.html', isMainFrame: true }],
    ['a loopback page', { frameUrl: 'http://127.0.0.1:5173/', isMainFrame: true }],
    ['about:blank', { frameUrl: 'about:blank', isMainFrame: true }],
    ['a data: URL', { frameUrl: 'data:text/html,<p>hi</p>', isMainFrame: true }],
    ['a blob: URL', { frameUrl: 'blob:zpa://app/1f0e', isMainFrame: true }],
    ['no frame at all', { frameUrl: '', isMainFrame: false }],
    ['a frame URL that is not a URL', { frameUrl: 'not a url', isMainFrame: true }],
  ];
  for (const [name, sender] of untrusted) {
    test(`refuses ${name}`, async () => {
      const { dispatch, calls } = setup();
      const error = errorOf(await dispatch(IPC_CHANNELS.setToken, sender, { token: TOKEN }));
      assert.equal(error.code, 'forbidden_sender');
      assert.equal(calls.length, 0);
    });
  }

  test('a sender check that throws counts as untrusted', async () => {
    const { dispatch, calls } = setup({
      policy: () => {
        throw new Error('boom');
      },
    });
    assert.equal(errorOf(await dispatch(IPC_CHANNELS.getAppInfo, TRUSTED, undefined)).code, 'forbidden_sender');
    assert.equal(calls.length, 0);
  });

  test('the policy for the browser harness trusts exactly its loopback origin', () => {
    const policy = createSenderPolicy('http://127.0.0.1:5173');
    assert.equal(policy({ frameUrl: 'http://127.0.0.1:5173/index.html?x=1#h', isMainFrame: true }), true);
    assert.equal(policy({ frameUrl: 'http://127.0.0.1:5174/index.html', isMainFrame: true }), false);
    assert.equal(policy({ frameUrl: 'http://localhost:5173/index.html', isMainFrame: true }), false);
    assert.equal(policy({ frameUrl: 'https://127.0.0.1:5173/index.html', isMainFrame: true }), false);
    assert.equal(policy({ frameUrl: 'http://127.0.0.1:5173/index.html', isMainFrame: false }), false);
  });

  test('the zpa policy accepts any page of zpa://app in the top frame, whatever the case of the host', () => {
    const policy = createSenderPolicy(APP_ORIGIN);
    assert.equal(policy({ frameUrl: 'zpa://app/', isMainFrame: true }), true);
    assert.equal(policy({ frameUrl: 'zpa://APP/index.html#/history', isMainFrame: true }), true);
    assert.equal(policy({ frameUrl: 'zpa://app.evil/index.html', isMainFrame: true }), false);
  });

  test('a policy cannot be built from something that is not an origin', () => {
    assert.throws(() => createSenderPolicy('file:///tmp'));
    assert.throws(() => createSenderPolicy('nonsense'));
  });
});

describe('dispatch: invalid payloads are refused for every method', () => {
  const huge = 'x'.repeat(1_000_000);
  const commonBad: [string, unknown][] = [
    ['null', null],
    ['a string', PASSWORD],
    ['a number', 7],
    ['a boolean', true],
    ['an array', [PASSWORD]],
    ['a huge string', huge],
    ['a nested object', { a: { b: { c: [PASSWORD] } } }],
  ];
  const noPayload: [string, unknown][] = [...commonBad, ['an empty object', {}], ['an object', { token: TOKEN }]];
  const perMethod: Record<IpcMethod, [string, unknown][]> = {
    getAppInfo: noPayload,
    getTokenStatus: noPayload,
    clearToken: noPayload,
    listRecentUsers: noPayload,
    getHistorySummary: noPayload,
    verifyHistory: noPayload,
    getRetention: noPayload,
    listAccounts: noPayload,
    addAccount: [
      ...commonBad,
      ['nothing', undefined],
      ['no credential', { name: 'Acme', cloud: 'zoom' }],
      ['an unknown cloud', { name: 'Acme', cloud: 'eu', credential: { kind: 'token', token: TOKEN } }],
      ['an empty name', { name: '  ', cloud: 'zoom', credential: { kind: 'token', token: TOKEN } }],
      ['a name with a line break', { name: 'A\nB', cloud: 'zoom', credential: { kind: 'token', token: TOKEN } }],
      ['an unknown credential kind', { name: 'Acme', cloud: 'zoom', credential: { kind: 'jwt', token: TOKEN } }],
      ['a token with spaces', { name: 'Acme', cloud: 'zoom', credential: { kind: 'token', token: `a ${TOKEN}` } }],
      ['a huge token', { name: 'Acme', cloud: 'zoom', credential: { kind: 'token', token: huge } }],
      [
        'a client secret with a space',
        {
          name: 'Acme',
          cloud: 'zoom',
          credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: `${CLIENT_SECRET} x` },
        },
      ],
      [
        'a client secret longer than 512 characters',
        {
          name: 'Acme',
          cloud: 'zoom',
          credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: CLIENT_SECRET.repeat(40) },
        },
      ],
      [
        'a client secret that is not ASCII',
        {
          name: 'Acme',
          cloud: 'zoom',
          credential: { kind: 's2s', accountId: 'A1', clientId: 'c1', clientSecret: `${CLIENT_SECRET}é` },
        },
      ],
      [
        'no client secret',
        { name: 'Acme', cloud: 'zoom', credential: { kind: 's2s', accountId: 'A1', clientId: 'c1' } },
      ],
      [
        'a client id with a colon',
        {
          name: 'Acme',
          cloud: 'zoom',
          credential: { kind: 's2s', accountId: 'A1', clientId: 'c:1', clientSecret: CLIENT_SECRET },
        },
      ],
      [
        'the secret next to the credential',
        { name: 'Acme', cloud: 'zoom', credential: { kind: 'token', token: TOKEN }, clientSecret: CLIENT_SECRET },
      ],
      [
        'a huge API address',
        { name: 'Acme', cloud: 'custom', apiBase: huge, credential: { kind: 'token', token: TOKEN } },
      ],
    ],
    editAccount: [
      ...commonBad,
      ['nothing', undefined],
      ['no ref', { patch: {} }],
      ['no patch', { ref: 'Acme' }],
      ['an empty ref', { ref: ' ', patch: {} }],
      [
        'a client secret with a line break',
        { ref: 'Acme', patch: { credential: { kind: 's2s', clientSecret: `${CLIENT_SECRET}\n` + 'x' } } },
      ],
      ['a token that is an object', { ref: 'Acme', patch: { credential: { kind: 'token', token: { v: TOKEN } } } }],
      ['an unknown field in the patch', { ref: 'Acme', patch: { secret: CLIENT_SECRET } }],
    ],
    removeAccount: [...commonBad, ['nothing', undefined], ['no ref', {}], ['a huge ref', { ref: huge }]],
    setActiveAccount: [...commonBad, ['nothing', undefined], ['no ref', {}], ['a ref that is a number', { ref: 7 }]],
    testAccount: [
      ...commonBad.filter(([name]) => name !== 'a nested object'),
      ['nothing', undefined],
      ['an extra key', { ref: 'Acme', token: TOKEN }],
      ['a ref that is an array', { ref: [TOKEN] }],
    ],
    exportHistory: [
      ...commonBad,
      ['nothing', undefined],
      ['no format', { query: {} }],
      ['no query', { format: 'csv' }],
      ['an unknown format', { query: {}, format: 'xlsx' }],
      ['a format in capitals', { query: {}, format: 'CSV' }],
      ['a file path from the renderer', { query: {}, format: 'csv', file: '/etc/cron.d/zpa' }],
      ['a path inside the query', { query: { path: '/tmp/x.csv' }, format: 'csv' }],
      ['paging in the query', { query: { limit: 10 }, format: 'json' }],
      ['an offset in the query', { query: { offset: 5 }, format: 'json' }],
      ['a date without a zone', { query: { since: '2026-01-01T00:00:00' }, format: 'csv' }],
      ['a date that is not a date', { query: { until: PASSWORD }, format: 'csv' }],
      ['an unknown order', { query: { order: 'random' }, format: 'csv' }],
      ['a huge search', { query: { search: huge }, format: 'csv' }],
      ['a query that is a string', { query: PASSWORD, format: 'csv' }],
      ['a query that is an array', { query: [], format: 'csv' }],
    ],
    setRetention: [
      ...commonBad,
      ['nothing', undefined],
      ['no days', {}],
      ['zero days', { days: 0 }],
      ['negative days', { days: -30 }],
      ['a fraction of a day', { days: 1.5 }],
      ['more than 100 years', { days: 36_501 }],
      ['days as a string', { days: '365' }],
      ['infinite days', { days: Number.POSITIVE_INFINITY }],
      ['not a number', { days: Number.NaN }],
      ['an extra key', { days: 365, removeNow: true }],
    ],
    openExternal: [
      ...commonBad,
      ['nothing', undefined],
      ['no url', {}],
      ['a url that is a number', { url: 5 }],
      ['a url that is too long', { url: `https://zoom.us/${huge}` }],
      ['an extra key', { url: 'https://zoom.us/', extra: PASSWORD }],
    ],
    setToken: [
      ...commonBad,
      ['nothing', undefined],
      ['no token', {}],
      ['an empty token', { token: '   ' }],
      ['a token with spaces', { token: `abc ${TOKEN}` }],
      ['a token with a line break', { token: `${TOKEN}\nrest` }],
      ['a huge token', { token: huge }],
      ['a token that is an object', { token: { value: TOKEN } }],
      ['an extra key', { token: TOKEN, password: PASSWORD }],
    ],
    changePassword: [
      ...commonBad,
      ['nothing', undefined],
      ['no password', { user: 'ana@example.com' }],
      ['no user', { password: PASSWORD }],
      ['a password that is a number', { user: 'ana@example.com', password: 12345678 }],
      ['a password that is an array', { user: 'ana@example.com', password: [PASSWORD] }],
      ['a huge password', { user: 'ana@example.com', password: `${PASSWORD}${huge}` }],
      ['a huge user', { user: huge, password: PASSWORD }],
      ['an extra key', { user: 'ana@example.com', password: PASSWORD, confirm: PASSWORD }],
      ['the password as a key', { user: 'ana@example.com', password: 'x', [PASSWORD]: true }],
      ['a prototype key', JSON.parse(`{"user":"a","password":"${PASSWORD}","__proto__":{"x":1}}`)],
      ['an account that is a number', { user: 'ana@example.com', password: PASSWORD, account: 5 }],
      ['an empty account', { user: 'ana@example.com', password: PASSWORD, account: '  ' }],
      ['force that is a string', { user: 'ana@example.com', password: PASSWORD, force: 'yes' }],
      ['a huge reason', { user: 'ana@example.com', password: PASSWORD, reason: huge }],
      ['an empty checkOf', { user: 'ana@example.com', password: PASSWORD, checkOf: '' }],
    ],
    lookupUser: [
      ...commonBad,
      ['nothing', undefined],
      ['no user', {}],
      ['a huge user', { user: huge }],
      ['an extra key', { user: 'ana@example.com', password: PASSWORD }],
    ],
    listUsers: [
      ...commonBad.filter(([name]) => name !== 'a nested object'),
      ['nothing', undefined],
      ['a limit of zero', { limit: 0 }],
      ['a huge limit', { limit: 1_000_000 }],
      ['a negative offset', { offset: -1 }],
      ['a huge search', { search: huge }],
      ['refresh as a string', { refresh: 'yes' }],
      ['an extra key', { search: 'ana', token: TOKEN }],
    ],
    getPasswordPolicy: [
      ...commonBad.filter(([name]) => name !== 'a nested object'),
      ['nothing', undefined],
      ['refresh as a number', { refresh: 1 }],
      ['an extra key', { refresh: true, password: PASSWORD }],
    ],
    copyNewPassword: [
      ...commonBad,
      ['nothing', undefined],
      ['no entry id', {}],
      ['an empty entry id', { entryId: '' }],
      ['a huge entry id', { entryId: huge }],
      ['the password itself', { entryId: 'req-1', password: PASSWORD }],
    ],
    getPreferences: noPayload,
    setPreferences: [
      ...commonBad,
      ['nothing', undefined],
      ['no value', {}],
      ['a negative delay', { clipboardClearSeconds: -1 }],
      ['more than an hour', { clipboardClearSeconds: 3601 }],
      ['a fraction', { clipboardClearSeconds: 1.5 }],
      ['a string', { clipboardClearSeconds: '30' }],
      ['an extra key', { clipboardClearSeconds: 30, password: PASSWORD }],
    ],
    listHistory: [
      ...commonBad.filter(([name]) => name !== 'a nested object'),
      ['nothing', undefined],
      ['an unknown outcome', { outcome: PASSWORD }],
      ['a limit of zero', { limit: 0 }],
      ['a huge limit', { limit: 1_000_000 }],
      ['a fractional limit', { limit: 1.5 }],
      ['a negative offset', { offset: -1 }],
      ['a limit that is a string', { limit: '10' }],
      ['a huge user filter', { user: huge }],
      ['an extra key', { user: 'ana', token: TOKEN }],
    ],
    ...bulkBadPayloads(commonBad, noPayload, huge, PASSWORD),
  };

  for (const [method, cases] of Object.entries(perMethod) as [IpcMethod, [string, unknown][]][]) {
    for (const [name, payload] of cases) {
      test(`${method}: ${name}`, async () => {
        const { dispatch, calls } = setup();
        const error = errorOf(await dispatch(IPC_CHANNELS[method], TRUSTED, payload));
        assert.equal(error.code, 'invalid_request');
        assert.ok(error.message.length > 0 && error.message.length < 600, error.message);
        assert.equal(calls.length, 0, 'no handler may run for a refused payload');
        const text = JSON.stringify(error);
        for (const secret of [PASSWORD, TOKEN, 'SECRET-TOKEN', CLIENT_SECRET, 'CLIENTSECRET', huge.slice(0, 50)]) {
          assert.ok(!text.includes(secret), `the error repeats what was sent: ${text.slice(0, 300)}`);
        }
      });
    }
  }

  test('the message names the field and the problem', async () => {
    const { dispatch } = setup();
    const typeError = errorOf(
      await dispatch(IPC_CHANNELS.changePassword, TRUSTED, { user: 'ana@example.com', password: 12345678 }),
    );
    assert.equal(typeError.field, 'password');
    assert.match(typeError.message, /"password" must be a string/);

    const tooLong = errorOf(
      await dispatch(IPC_CHANNELS.changePassword, TRUSTED, { user: 'ana@example.com', password: 'A1b'.repeat(100) }),
    );
    assert.equal(tooLong.field, 'password');
    assert.match(tooLong.message, /"password" is too long \(at most 256 characters\)/);

    const missing = errorOf(await dispatch(IPC_CHANNELS.changePassword, TRUSTED, { user: 'ana@example.com' }));
    assert.match(missing.message, /"password" is missing/);

    const extra = errorOf(await dispatch(IPC_CHANNELS.setToken, TRUSTED, { token: TOKEN, a: 1, b: 2 }));
    assert.match(extra.message, /has 2 fields this call does not take/);

    const outcome = errorOf(await dispatch(IPC_CHANNELS.listHistory, TRUSTED, { outcome: 'done' }));
    assert.equal(outcome.field, 'outcome');
    assert.match(outcome.message, /"outcome" must be one of: "updated", "rejected"/);

    const noInput = errorOf(await dispatch(IPC_CHANNELS.getAppInfo, TRUSTED, { a: 1 }));
    assert.match(noInput.message, /takes no input/);
  });

  test("the contract's own messages reach the user, without a bug report action", async () => {
    const { dispatch } = setup();
    const error = errorOf(await dispatch(IPC_CHANNELS.setToken, TRUSTED, { token: 'has a space' }));
    assert.equal(error.field, 'token');
    assert.match(error.message, /A token has no spaces/);
    assert.equal(error.action, undefined);
  });

  test('a message that would contain what was sent is replaced by a generic one', async () => {
    // "string" is a word the generated messages use: as a sent value it must not come back.
    const { dispatch } = setup();
    const error = errorOf(await dispatch(IPC_CHANNELS.changePassword, TRUSTED, { user: 'string', password: 5 }));
    assert.equal(error.message.toLowerCase().includes('string'), false, error.message);
    assert.equal(error.field, 'password');
  });
});

describe('dispatch: handler errors', () => {
  test('an AppError becomes its typed shape, cause left out', async () => {
    const { dispatch } = setup({
      overrides: {
        changePassword: async () => {
          throw new AppError('invalid_input', 'The password needs a digit.', {
            field: 'password',
            action: 'Add a digit.',
            cause: new Error(`internal detail ${PASSWORD}`),
          });
        },
      },
    });
    const error = errorOf(await dispatch(IPC_CHANNELS.changePassword, TRUSTED, VALID.changePassword));
    assert.deepEqual(error, {
      code: 'invalid_input',
      message: 'The password needs a digit.',
      action: 'Add a digit.',
      field: 'password',
    });
  });

  test('no_token and keychain errors pass through as they are', async () => {
    const { dispatch } = setup({
      overrides: {
        getTokenStatus: async () => {
          throw new AppError('keychain_unavailable', 'No keychain.', { action: 'Unlock it.' });
        },
      },
    });
    const error = errorOf(await dispatch(IPC_CHANNELS.getTokenStatus, TRUSTED, undefined));
    assert.equal(error.code, 'keychain_unavailable');
    assert.equal(error.action, 'Unlock it.');
  });

  test('anything else becomes `internal`, without details, and the log leaves the payload out', async () => {
    const { dispatch, logs } = setup({
      overrides: {
        changePassword: async () => {
          throw new TypeError(`cannot read property of undefined near ${PASSWORD}`);
        },
      },
    });
    const error = errorOf(await dispatch(IPC_CHANNELS.changePassword, TRUSTED, VALID.changePassword));
    assert.equal(error.code, 'internal');
    assert.match(error.message, /Something went wrong inside the app/);
    assert.ok(!JSON.stringify(error).includes('cannot read'), 'internal details must not reach the renderer');
    assert.equal(logs.length, 1);
    assert.match(logs[0] ?? '', /changePassword failed: TypeError/);
    assert.ok(!(logs[0] ?? '').includes(PASSWORD), 'the log must not contain the password');
    assert.ok(!(logs[0] ?? '').includes('ana@example.com'), 'the log must not contain the payload');
  });

  test('a thrown non-Error value is `internal` too', async () => {
    const { dispatch, logs } = setup({
      overrides: {
        listRecentUsers: async () => {
          throw 'a string';
        },
      },
    });
    assert.equal(errorOf(await dispatch(IPC_CHANNELS.listRecentUsers, TRUSTED, undefined)).code, 'internal');
    assert.match(logs[0] ?? '', /non-error value of type string/);
  });
});

describe('dispatch: responses are checked against the contract', () => {
  test('a response with a field the contract does not name is refused', async () => {
    const { dispatch, logs } = setup({
      overrides: { getTokenStatus: async () => ({ stored: true, storedAt: null, token: TOKEN }) as never },
    });
    const error = errorOf(await dispatch(IPC_CHANNELS.getTokenStatus, TRUSTED, undefined));
    assert.equal(error.code, 'internal');
    assert.ok(!JSON.stringify(error).includes(TOKEN));
    assert.ok(!logs.join('\n').includes(TOKEN));
  });

  test('a response of the wrong shape is refused, naming only paths in the log', async () => {
    const { dispatch, logs } = setup({
      overrides: { listHistory: async () => ({ entries: [{ ...ENTRY, outcome: 'maybe' }], total: 1 }) as never },
    });
    assert.equal(errorOf(await dispatch(IPC_CHANNELS.listHistory, TRUSTED, {})).code, 'internal');
    assert.match(logs[0] ?? '', /entries\.0\.outcome invalid_value/);
  });

  test('without checks (production) the response passes as it is', async () => {
    const { dispatch } = setup({
      checkResponses: false,
      overrides: { getTokenStatus: async () => ({ stored: true, storedAt: null, extra: 1 }) as never },
    });
    const result = await dispatch(IPC_CHANNELS.getTokenStatus, TRUSTED, undefined);
    assert.deepEqual(result, { ok: true, value: { stored: true, storedAt: null, extra: 1 } });
  });
});
