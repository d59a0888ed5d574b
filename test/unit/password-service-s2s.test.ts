import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createCore } from '../../electron/node/core';
import { TransportError, type TransportRequest } from '../../electron/node/ports';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';
import { FakeClock, FakeTransport, tokenAnswer, type FakeAnswer } from './accounts-support';

/*
 * Password changes with a Server-to-Server OAuth account, through createCore: the token is fetched
 * in the core, shared, renewed before expiry and once after a 401/124; token endpoint failures are
 * recorded in history in plain words.
 */

const API = 'https://api.zoom.us/v2';
const TOKEN_URL = 'https://zoom.us/oauth/token';
const CLIENT_SECRET = 'cs-S3cr3t-value-for-tests';
const PASSWORD = 'Kq7-vRt2-Lm9x';

type ApiAnswer = (token: string, r: TransportRequest) => FakeAnswer | Promise<FakeAnswer>;

function isTokenRequest(r: TransportRequest): boolean {
  return r.url.startsWith(TOKEN_URL);
}

async function setup(
  t: TestContext,
  o: { api?: ApiAnswer; token?: (n: number) => FakeAnswer | Promise<FakeAnswer>; expiresIn?: number } = {},
) {
  const dir = tempDir(t);
  const clock = new FakeClock();
  let issued = 0;
  const transport = new FakeTransport(async (r) => {
    if (isTokenRequest(r)) {
      issued += 1;
      if (o.token) return o.token(issued);
      // Let concurrent requests pile up on the one fetch under way.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return tokenAnswer({ token: `oauth-tok-${issued}`, expiresIn: o.expiresIn ?? 3599 });
    }
    // The policy read and the user lookup before each change (GET) find Zoom busy: they do not block the
    // change and leave the token alone, so these tests see the password requests' own token handling.
    if (r.method === 'GET') return { status: 503, headers: {} };
    const bearer = (r.headers['authorization'] ?? '').replace(/^Bearer /, '');
    return o.api ? o.api(bearer, r) : { status: 204, headers: { 'x-zm-trackingid': `api-${bearer}` } };
  });
  const core = createCore({
    dataDir: dir,
    apiBase: API,
    transport,
    keychain: new MemoryKeychain(),
    clock,
    source: 'app',
    version: '0.0.0-test',
    applyRetention: false,
  });
  await core.accounts.add({
    name: 'Acme S2S',
    cloud: 'zoom',
    credential: { kind: 's2s', accountId: 'AcmeAcct_01', clientId: 'acme-client', clientSecret: CLIENT_SECRET },
  });
  const tokenRequests = () => transport.sent.filter(isTokenRequest);
  const apiRequests = () => transport.sent.filter((r) => !isTokenRequest(r) && r.method === 'PUT');
  return { dir, clock, core, transport, tokenRequests, apiRequests };
}

const expired = (): FakeAnswer => ({
  status: 401,
  headers: { 'content-type': 'application/json', 'x-zm-trackingid': 'api-124' },
  text: JSON.stringify({ code: 124, message: 'Invalid access token.' }),
});

test('20 concurrent changes share one token fetch; each is recorded once with the account and cloud', async (t) => {
  const s = await setup(t);
  const users = Array.from({ length: 20 }, (_, i) => `user${i}@example.com`);
  const entries = await Promise.all(users.map((user) => s.core.passwords.change({ user, password: PASSWORD })));
  assert.equal(s.tokenRequests().length, 1, 'one token request for all of them');
  assert.equal(s.apiRequests().length, 20);
  for (const r of s.apiRequests()) assert.equal(r.headers['authorization'], 'Bearer oauth-tok-1');
  const [tokenRequest] = s.tokenRequests();
  assert.equal(
    tokenRequest?.headers['authorization'],
    `Basic ${Buffer.from(`acme-client:${CLIENT_SECRET}`).toString('base64')}`,
  );
  assert.ok(entries.every((e) => e.outcome === 'updated' && e.account === 'Acme S2S' && e.cloud === 'Zoom'));
  assert.equal(s.core.history.list({}).total, 20);
  assert.deepEqual(filesContaining(s.dir, CLIENT_SECRET), []);
  assert.deepEqual(filesContaining(s.dir, 'oauth-tok-1'), []);
  assert.deepEqual(filesContaining(s.dir, PASSWORD), []);
});

test('the token is reused while fresh and renewed about a minute before it expires', async (t) => {
  const s = await setup(t);
  await s.core.passwords.change({ user: 'a@example.com', password: PASSWORD });
  s.clock.advance(3000);
  await s.core.passwords.change({ user: 'b@example.com', password: PASSWORD });
  assert.equal(s.tokenRequests().length, 1, 'still fresh after 50 minutes');
  s.clock.advance(3599 - 3000 - 59); // 59 s before expiry: inside the renewal margin
  await s.core.passwords.change({ user: 'c@example.com', password: PASSWORD });
  assert.equal(s.tokenRequests().length, 2, 'renewed before expiry');
  assert.deepEqual(
    s.apiRequests().map((r) => r.headers['authorization']),
    ['Bearer oauth-tok-1', 'Bearer oauth-tok-1', 'Bearer oauth-tok-2'],
  );
});

test('401/124: the token is renewed once and the change retried once; one history entry', async (t) => {
  const s = await setup(t, { api: (token) => (token === 'oauth-tok-1' ? expired() : { status: 204 }) });
  const entry = await s.core.passwords.change({ user: 'a@example.com', password: PASSWORD });
  assert.equal(entry.outcome, 'updated');
  assert.equal(s.tokenRequests().length, 2);
  assert.deepEqual(
    s.apiRequests().map((r) => r.headers['authorization']),
    ['Bearer oauth-tok-1', 'Bearer oauth-tok-2'],
  );
  assert.deepEqual(s.core.history.list({}).entries, [entry], 'only the final attempt is recorded');
});

test('a second 401/124 is recorded as unauthorized, not retried again', async (t) => {
  const s = await setup(t, { api: () => expired() });
  const entry = await s.core.passwords.change({ user: 'a@example.com', password: PASSWORD });
  assert.equal(entry.outcome, 'unauthorized');
  assert.equal(entry.zoomCode, 124);
  assert.equal(s.apiRequests().length, 2, 'exactly one retry');
  assert.equal(s.tokenRequests().length, 2);
  assert.equal(s.core.history.list({}).total, 1);
});

test('a pasted-token account is never retried on 124 (its token cannot be renewed)', async (t) => {
  const s = await setup(t, { api: () => expired() });
  await s.core.accounts.add(
    { name: 'Pasted', cloud: 'zoom', credential: { kind: 'token', token: 'pasted-token-value' } },
    { activate: true },
  );
  const entry = await s.core.passwords.change({ user: 'a@example.com', password: PASSWORD });
  assert.equal(entry.outcome, 'unauthorized');
  assert.equal(entry.account, 'Pasted');
  assert.equal(s.apiRequests().length, 1);
  assert.equal(s.tokenRequests().length, 0);
});

test('token endpoint failures are recorded in plain words; the password request is never sent', async (t) => {
  const cases: {
    name: string;
    answer: () => FakeAnswer | Promise<FakeAnswer>;
    outcome: string;
    message: RegExp;
    trackingId: string | null;
  }[] = [
    {
      name: 'bad client id or secret (4702)',
      answer: () => ({
        status: 401,
        headers: { 'x-zm-trackingid': 'oauth-trk-1' },
        text: JSON.stringify({ code: 4702, message: 'Invalid client_id or client_secret' }),
      }),
      outcome: 'unauthorized',
      message: /not changed.*Client ID or Client Secret/,
      trackingId: 'oauth-trk-1',
    },
    {
      name: 'app disabled (4717)',
      answer: () => ({
        status: 400,
        headers: { 'x-zm-trackingid': 'oauth-trk-2' },
        text: JSON.stringify({ code: 4717, message: 'This app has been disabled by Zoom' }),
      }),
      outcome: 'unauthorized',
      message: /deactivated/,
      trackingId: 'oauth-trk-2',
    },
    {
      name: 'wrong account id',
      answer: () => ({
        status: 400,
        text: JSON.stringify({ reason: 'Invalid request : Account ID is invalid', error: 'invalid_request' }),
      }),
      outcome: 'unauthorized',
      message: /Account ID/,
      trackingId: null,
    },
    {
      name: "Zoom's side (503)",
      answer: () => ({ status: 503, text: 'unavailable' }),
      outcome: 'failed',
      message: /problem on its side/,
      trackingId: null,
    },
    {
      name: 'no network',
      answer: () => Promise.reject(new TransportError('dns', false, 'getaddrinfo ENOTFOUND zoom.us')),
      outcome: 'failed',
      message: /could not be found/,
      trackingId: null,
    },
  ];
  for (const c of cases) {
    await t.test(c.name, async (tt) => {
      const s = await setup(tt, { token: c.answer });
      const entry = await s.core.passwords.change({ user: 'a@example.com', password: PASSWORD });
      assert.equal(entry.outcome, c.outcome);
      assert.match(entry.message, c.message);
      assert.equal(entry.trackingId, c.trackingId);
      assert.equal(entry.account, 'Acme S2S');
      assert.equal(s.apiRequests().length, 0, 'no password request without a token');
      assert.deepEqual(s.core.history.list({}).entries, [entry]);
      assert.ok(!JSON.stringify(entry).includes(CLIENT_SECRET));
    });
  }
});
