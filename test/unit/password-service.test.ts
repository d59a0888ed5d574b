import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryStore } from '../../electron/node/history/history-store';
import { PasswordService } from '../../electron/node/password-service';
import type { Transport, TransportRequest, TransportResponse } from '../../electron/node/ports';
import type { RecentUsers } from '../../electron/node/recent-users';
import { createCore } from '../../electron/node/core';
import { ZoomClient } from '../../electron/node/zoom/zoom-client';
import { MemoryKeychain } from '../support/memory-keychain';
import { fixedTokenAccount } from '../support/account-fixtures';
import { filesContaining, tempDir } from '../support/temp-dir';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.token-for-tests.sig';
const PASSWORD = 'Kq7-vRt2-Lm9x';
const API = 'https://api.zoom.us/v2';
const NOW = new Date('2026-05-06T07:08:09.000Z');

type Answer = { status: number; headers?: Record<string, string>; text?: string };

class FakeTransport implements Transport {
  readonly sent: TransportRequest[] = [];
  constructor(private readonly answer: (r: TransportRequest) => Answer = () => ({ status: 204 })) {}
  async send(request: TransportRequest): Promise<TransportResponse> {
    this.sent.push(request);
    const a = this.answer(request);
    const headers = new Map(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { status: a.status, headers: { get: (n) => headers.get(n.toLowerCase()) ?? null }, text: a.text ?? '' };
  }
}

async function setup(t: TestContext, o: { answer?: (r: TransportRequest) => Answer; token?: boolean } = {}) {
  const dir = tempDir(t);
  const clock = { now: () => NOW };
  const keychain = new MemoryKeychain();
  const transport = new FakeTransport(o.answer);
  const core = createCore({
    dataDir: dir,
    apiBase: API,
    transport,
    keychain,
    clock,
    source: 'zpa',
    version: '0.0.0-test',
    applyRetention: false,
  });
  if (o.token !== false) {
    await core.accounts.add({ name: 'Acme', cloud: 'zoom', credential: { kind: 'token', token: TOKEN } });
  }
  keychain.calls.length = 0;
  return { dir, keychain, transport, history: core.history, recentUsers: core.recentUsers, service: core.passwords };
}

const ACCOUNT = fixedTokenAccount(NOW);

/** A service around a given Zoom client and history, with a fixed pasted-token account. */
function serviceWith(o: {
  zoom: Pick<ZoomClient, 'setPassword'>;
  history: Pick<HistoryStore, 'append'>;
  recentUsers: RecentUsers;
  newRequestId?: () => string;
}): PasswordService {
  return new PasswordService({
    accounts: { resolve: async () => ACCOUNT, urlsFor: (a) => ({ apiBase: a.apiBase, oauthBase: a.oauthBase }) },
    tokens: {
      getToken: async () => ({
        token: TOKEN,
        source: 'stored',
        scopes: null,
        expiresAt: null,
        obtainedAt: null,
        apiUrl: null,
      }),
      invalidate: () => undefined,
    },
    zoomFor: () => o.zoom,
    history: o.history,
    recentUsers: o.recentUsers,
    source: 'app',
    ...(o.newRequestId ? { newRequestId: o.newRequestId } : {}),
  });
}

function invalid(field: string, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'invalid_input');
    assert.equal(error.field, field);
    assert.match(error.message, message);
    return true;
  };
}

test('an invalid user is refused: nothing sent, nothing recorded, the keychain not even read', async (t) => {
  const s = await setup(t);
  for (const user of ['', '   ', 'not an e-mail@', 'two words', 'a/b', 'x'.repeat(400), 'tab\there']) {
    await assert.rejects(s.service.change({ user, password: PASSWORD }), invalid('user', /./));
  }
  assert.equal(s.transport.sent.length, 0);
  assert.equal(s.keychain.calls.length, 0);
  assert.equal(s.history.list({}).total, 0);
  assert.deepEqual(s.recentUsers.list(), []);
});

test('a password that breaks the rules is refused without repeating it; nothing sent or recorded', async (t) => {
  const s = await setup(t);
  const cases: [string, RegExp][] = [
    ['Sh0rt', /8 to 31 characters/],
    ['alllowercase1x', /upper- and lower-case/],
    ['NoDigitsHere', /letter and one digit/],
    ['Abc123456xyz', /no runs of 6/],
    ['Aa1'.repeat(14), /is 42 characters long; Zoom accepts at most 31/],
    ['Tab\tInside9x', /line breaks, tabs/],
  ];
  for (const [password, message] of cases) {
    await assert.rejects(s.service.change({ user: 'alice@example.com', password }), (error: unknown) => {
      invalid('password', message)(error);
      assert.ok(!(error as AppError).message.includes(password));
      return true;
    });
  }
  assert.equal(s.transport.sent.length, 0);
  assert.equal(s.history.list({}).total, 0);
  assert.deepEqual(s.recentUsers.list(), []);
});

test('no account set up: no_token with what to do; nothing sent or recorded', async (t) => {
  const s = await setup(t, { token: false });
  await assert.rejects(s.service.change({ user: 'alice@example.com', password: PASSWORD }), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'no_token');
    assert.equal(error.message, 'No Zoom account is set up.');
    assert.match(error.action ?? '', /Accounts.*zpa account add/);
    return true;
  });
  assert.equal(s.transport.sent.length, 0);
  assert.equal(s.history.list({}).total, 0);
});

test('a keychain failure is passed on and nothing is sent', async (t) => {
  const s = await setup(t);
  s.keychain.failWith(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
  await assert.rejects(s.service.change({ user: 'alice@example.com', password: PASSWORD }), {
    code: 'keychain_unavailable',
  });
  assert.equal(s.transport.sent.length, 0);
  assert.equal(s.history.list({}).total, 0);
});

test('success: Zoom is asked once, the entry is recorded in history and recent users, and returned', async (t) => {
  const s = await setup(t, {
    answer: () => ({ status: 204, headers: { 'x-zm-trackingid': 'v=2.0;clid=us06;rid=XYZ' } }),
  });
  const entry = await s.service.change({ user: '  Alice+ops@Example.com ', password: PASSWORD });
  // Main reads the policy and looks the user up first (GET); the password change is the one PUT.
  const puts = s.transport.sent.filter((r) => r.method === 'PUT');
  assert.equal(puts.length, 1);
  const [request] = puts;
  assert.equal(request?.method, 'PUT');
  assert.equal(request?.url, `${API}/users/Alice%2Bops%40Example.com/password`);
  assert.equal(request?.headers['authorization'], `Bearer ${TOKEN}`);
  assert.match(request?.requestId ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(entry, {
    id: request?.requestId,
    at: NOW.toISOString(),
    user: 'Alice+ops@Example.com',
    outcome: 'updated',
    httpStatus: 204,
    zoomCode: null,
    message: entry.message,
    zoomMessage: null,
    trackingId: 'v=2.0;clid=us06;rid=XYZ',
    durationMs: 0,
    apiBase: API,
    source: 'zpa',
    retryAfterSeconds: null,
    account: 'Acme',
    cloud: 'Zoom',
    // The stored entry opens the hash chain.
    seq: 1,
    prevHash: null,
    hash: entry.hash,
  });
  assert.match(entry.hash ?? '', /^[0-9a-f]{64}$/);
  assert.ok(entry.message.length > 0);
  assert.deepEqual(s.history.list({}).entries, [entry]);
  assert.deepEqual(s.recentUsers.list(), [
    { user: 'Alice+ops@Example.com', lastAt: NOW.toISOString(), lastOutcome: 'updated' },
  ]);
  // Neither secret reached any file of the data folder.
  assert.deepEqual(filesContaining(s.dir, PASSWORD), []);
  assert.deepEqual(filesContaining(s.dir, TOKEN), []);

  const second = await s.service.change({ user: 'me', password: PASSWORD });
  assert.notEqual(second.id, entry.id, 'every request gets a fresh id');
});

test("Zoom's refusal is recorded too, with its code and message", async (t) => {
  const s = await setup(t, {
    answer: () => ({
      status: 400,
      headers: { 'x-zm-trackingid': 'track-1129', 'content-type': 'application/json' },
      text: JSON.stringify({ code: 1129, message: 'You cannot reuse a recent password.' }),
    }),
  });
  const entry = await s.service.change({ user: 'bob@example.com', password: PASSWORD });
  assert.equal(entry.outcome, 'rejected');
  assert.equal(entry.zoomCode, 1129);
  assert.equal(entry.zoomMessage, 'You cannot reuse a recent password.');
  assert.deepEqual(s.history.list({ outcome: 'rejected' }).entries, [entry]);
  assert.equal(s.recentUsers.list()[0]?.lastOutcome, 'rejected');
});

test('a server that echoes the password or token gets them cut out of history', async (t) => {
  const s = await setup(t, {
    answer: () => ({ status: 400, text: JSON.stringify({ code: 300, message: `Bad ${PASSWORD} with ${TOKEN}` }) }),
  });
  const entry = await s.service.change({ user: 'bob@example.com', password: PASSWORD });
  assert.equal(entry.zoomMessage, 'Bad [redacted] with [redacted]');
  assert.deepEqual(filesContaining(s.dir, PASSWORD), []);
});

test('a Zoom client that throws (a bug) is still recorded, as outcome unknown', async (t) => {
  const s = await setup(t);
  const service = serviceWith({
    zoom: {
      setPassword: async () => {
        throw new Error('boom');
      },
    },
    history: s.history,
    recentUsers: s.recentUsers,
    newRequestId: () => 'fixed-id',
  });
  const entry = await service.change({ user: 'KzW3x_9-abc', password: PASSWORD });
  assert.equal(entry.id, 'fixed-id');
  assert.equal(entry.outcome, 'unknown');
  assert.match(entry.message, /may or may not have reached Zoom/);
  assert.deepEqual(s.history.list({}).entries, [entry]);
});

test("a history that cannot be written still tells Zoom's answer, as a storage_error", async (t) => {
  const s = await setup(t, { answer: () => ({ status: 204, headers: { 'x-zm-trackingid': 'tid-7' } }) });
  const service = serviceWith({
    zoom: new ZoomClient({ transport: s.transport, apiBase: API }),
    history: {
      append: () => {
        throw new AppError('storage_error', 'Could not write to the history file: ENOSPC.', { action: 'Free space.' });
      },
    },
    recentUsers: s.recentUsers,
  });
  await assert.rejects(service.change({ user: 'bob@example.com', password: PASSWORD }), (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'storage_error');
    assert.match(error.message, /bob@example\.com \(tracking id tid-7\)/);
    assert.match(error.message, /ENOSPC/);
    assert.equal(error.action, 'Free space.');
    assert.ok(!error.message.includes(PASSWORD));
    return true;
  });
});
