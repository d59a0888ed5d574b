/**
 * Accounts, the token provider, renew-and-retry and the connection test against the Zoom simulator
 * (HTTPS with the test CA). Run with NODE_EXTRA_CA_CERTS=<dir>/ca.pem and ZPA_TEST_CA_DIR=<dir>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { AccountStore } from '../../electron/node/accounts/account-store';
import type { Account, NewAccountInput } from '../../electron/node/accounts/account-types';
import { testConnection } from '../../electron/node/accounts/connection-test';
import { TokenProvider } from '../../electron/node/accounts/token-provider';
import { withTokenRetry } from '../../electron/node/accounts/token-retry';
import { TransportError, type Clock, type Transport } from '../../electron/node/ports';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { OAuthClient, OAuthError } from '../../electron/node/zoom/oauth-client';
import { ZoomClient } from '../../electron/node/zoom/zoom-client';
import {
  DEMO_TOKEN,
  EXPIRED_TOKEN,
  NO_SCOPE_TOKEN,
  SAMPLE,
  SAMPLE_OAUTH,
  uniqueValidPassword,
} from '../simulator/sample-users';
import {
  SIM_OAUTH_PATH,
  startZoomSimulator,
  type ZoomSimulator,
  type ZoomSimulatorOptions,
} from '../simulator/zoom-simulator';
import { MemoryKeychain } from '../support/memory-keychain';
import { filesContaining, tempDir } from '../support/temp-dir';
import { FakeClock } from '../unit/accounts-support';

const transport = createNodeTransport();
const started: ZoomSimulator[] = [];
let counter = 0;

async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const s = await startZoomSimulator({
    rateLimit: { perSecond: 10_000 },
    maxChangesPer24h: 10_000,
    policy: { passwordHistoryCount: 0 },
    ...options,
  });
  started.push(s);
  return s;
}

/** An account store on a real settings file in a temp folder, an in-memory keychain, and a token provider. */
function world(t: TestContext, o: { transport?: Transport; clock?: Clock } = {}) {
  const dir = tempDir(t);
  const clock = o.clock ?? new FakeClock();
  const keychain = new MemoryKeychain();
  const { store: settings } = openSettingsStore({ dataDir: dir, clock });
  const via = o.transport ?? transport;
  const store = new AccountStore({
    settings,
    keychain,
    service: `zpa-it-${process.pid}`,
    clock,
    onCredentialChange: (id) => provider.forget(id),
  });
  const provider = new TokenProvider({
    oauth: new OAuthClient({ transport: via, clock, timeoutMs: 5000 }),
    secrets: store,
    clock,
  });
  const change = (account: Account, user: string = SAMPLE.member) =>
    withTokenRetry(provider, account, (token) =>
      new ZoomClient({ transport: via, clock, apiBase: account.apiBase, timeoutMs: 5000 }).setPassword({
        token: token.token,
        userId: user,
        password: uniqueValidPassword(),
        requestId: `acct-it-${(counter += 1)}`,
      }),
    );
  const test = (account: Account) => testConnection({ account, provider, transport: via, clock, timeoutMs: 5000 });
  return { dir, clock, keychain, store, provider, change, test };
}

function s2s(
  sim: ZoomSimulator,
  name: string,
  app: (typeof SAMPLE_OAUTH)[keyof typeof SAMPLE_OAUTH] = SAMPLE_OAUTH.full,
): NewAccountInput {
  return {
    name,
    cloud: 'custom',
    apiBase: sim.apiBase,
    oauthBase: sim.oauthBase,
    credential: { kind: 's2s', ...app },
  };
}

/** Sends zoom.us / zoomgov.com requests to two simulators, keeping the URLs the app asked for. */
function cloudTransport(zoom: ZoomSimulator, gov: ZoomSimulator): Transport & { urls: string[] } {
  const targets: Record<string, string> = {
    'https://zoom.us': zoom.url,
    'https://api.zoom.us': zoom.url,
    'https://zoomgov.com': gov.url,
    'https://api.zoomgov.com': gov.url,
  };
  const urls: string[] = [];
  return {
    urls,
    send(request) {
      urls.push(request.url);
      const url = new URL(request.url);
      const target = targets[url.origin];
      if (target === undefined) return Promise.reject(new TransportError('dns', false, 'not a Zoom host'));
      return transport.send({ ...request, url: `${target}${url.pathname}${url.search}` });
    },
  };
}

before(() => {
  assert.ok(
    process.env.ZPA_TEST_CA_DIR !== undefined && process.env.NODE_EXTRA_CA_CERTS !== undefined,
    'Run with ZPA_TEST_CA_DIR=<dir> NODE_EXTRA_CA_CERTS=<dir>/ca.pem (make the CA with test/simulator/make-test-ca.ts).',
  );
});

after(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

describe('one token for many requests', () => {
  it('30 concurrent password changes of an OAuth account: the simulator counts one token request', async (t) => {
    const sim = await simulator();
    const { store, change } = world(t);
    const account = await store.add(s2s(sim, 'Northwind'));
    const results = await Promise.all(Array.from({ length: 30 }, () => change(account)));
    assert.ok(results.every((r) => r.result.outcome === 'updated' && !r.retried));
    assert.equal(sim.oauth.tokenRequests, 1);
    assert.equal(sim.requests.filter((r) => r.method === 'PUT').length, 30);
  });
});

describe('renewal with the simulator’s clock', () => {
  it('renewed about a minute before expiry, so Zoom never sees an expired token', async (t) => {
    const clock = new FakeClock();
    const sim = await simulator({ clock });
    const { store, change } = world(t, { clock });
    const account = await store.add(s2s(sim, 'Northwind'));
    assert.equal((await change(account)).result.outcome, 'updated');
    clock.advance(3599 - 61);
    assert.equal((await change(account)).result.outcome, 'updated');
    assert.equal(sim.oauth.tokenRequests, 1, 'still the first token');
    clock.advance(2);
    assert.equal((await change(account)).result.outcome, 'updated');
    assert.equal(sim.oauth.tokenRequests, 2, 'renewed 59 s before expiry');
    clock.advance(3599 * 5);
    assert.equal((await change(account)).result.outcome, 'updated');
    assert.equal(sim.oauth.tokenRequests, 3);
    assert.equal(sim.requests.filter((r) => r.status === 401).length, 0, 'no request was refused');
    const [first, second] = sim.oauth.issued;
    assert.ok(first && second && Date.parse(second.issuedAt) < Date.parse(first.expiresAt), 'renewed before expiry');
  });
});

describe('renew and retry exactly once on 401/124', () => {
  it('a token Zoom revoked (another process asked for one) is renewed once and the change retried once', async (t) => {
    const sim = await simulator({ oauth: { revokePreviousTokens: true } });
    const { store, change } = world(t);
    const account = await store.add(s2s(sim, 'Northwind'));
    assert.equal((await change(account)).result.outcome, 'updated');
    // Another process (e.g. a second copy of the app) fetches a token: Zoom revokes ours.
    await new OAuthClient({ transport }).fetchToken({ oauthBase: sim.oauthBase, credentials: SAMPLE_OAUTH.full });
    const puts = () => sim.requests.filter((r) => r.method === 'PUT');
    const before = puts().length;
    const { result, retried } = await change(account);
    assert.equal(result.outcome, 'updated');
    assert.equal(retried, true);
    assert.deepEqual(
      puts()
        .slice(before)
        .map((r) => [r.status, r.zoomCode]),
      [
        [401, 124],
        [204, null],
      ],
    );
    assert.equal(sim.oauth.tokenRequests, 3);
  });

  it('when the renewed token is refused too, the second answer stands: no third try', async (t) => {
    // Tokens that have expired at Zoom the moment they are issued (the answer's expires_in of 0 is
    // read as Zoom's usual hour, so the app believes them valid).
    const sim = await simulator({ oauth: { tokenLifetimeSeconds: 0 } });
    const { store, change } = world(t);
    const account = await store.add(s2s(sim, 'Northwind'));
    const { result, retried } = await change(account);
    assert.equal(retried, true);
    assert.equal(result.outcome, 'unauthorized');
    assert.equal(result.zoomCode, 124);
    assert.equal(sim.requests.filter((r) => r.method === 'PUT').length, 2);
    assert.equal(sim.oauth.tokenRequests, 2);
  });

  it('a renewal the token endpoint refuses (app deactivated meanwhile) is explained', async (t) => {
    const sim = await simulator();
    const { store, change } = world(t);
    const account = await store.add(s2s(sim, 'Northwind', SAMPLE_OAUTH.readOnly));
    sim.oauth.updateApp(SAMPLE_OAUTH.readOnly.clientId, { scopes: ['user:update:password:admin'] });
    await change(account);
    sim.oauth.issued.forEach((i) => sim.state.revokeToken(i.token));
    sim.oauth.updateApp(SAMPLE_OAUTH.readOnly.clientId, { disabled: true });
    await assert.rejects(change(account), (e: unknown) => e instanceof OAuthError && e.reason === 'app_disabled');
  });

  it('a pasted token that Zoom refuses is not retried', async (t) => {
    const sim = await simulator();
    const { store, change } = world(t);
    const account = await store.add({
      name: 'Pasted',
      cloud: 'custom',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      credential: { kind: 'token', token: EXPIRED_TOKEN },
    });
    const { result, retried } = await change(account);
    assert.deepEqual([result.outcome, result.zoomCode, retried], ['unauthorized', 124, false]);
    assert.equal(sim.requests.length, 1);
    assert.equal(sim.oauth.tokenRequests, 0);
  });
});

describe('Zoom for Government and custom URLs', () => {
  let zoom: ZoomSimulator;
  let gov: ZoomSimulator;

  before(async () => {
    zoom = await simulator();
    gov = await simulator();
  });

  for (const cloud of ['gov', 'zoom'] as const) {
    it(`a "${cloud}" account fetches tokens and calls the API on its own cloud only`, async (t) => {
      const via = cloudTransport(zoom, gov);
      const { store, change, test } = world(t, { transport: via });
      const account = await store.add({
        name: `On ${cloud}`,
        cloud,
        credential: { kind: 's2s', ...SAMPLE_OAUTH.full },
      });
      const target = cloud === 'gov' ? gov : zoom;
      const other = cloud === 'gov' ? zoom : gov;
      const [tokensBefore, otherTokens, otherRequests] = [
        target.oauth.tokenRequests,
        other.oauth.tokenRequests,
        other.requests.length,
      ];
      assert.equal((await change(account)).result.outcome, 'updated');
      const report = await test(account);
      assert.equal(report.ok, true, report.message);
      const [host, apiHost] =
        cloud === 'gov'
          ? ['https://zoomgov.com', 'https://api.zoomgov.com']
          : ['https://zoom.us', 'https://api.zoom.us'];
      assert.deepEqual(via.urls, [
        `${host}/oauth/token`,
        `${apiHost}/v2/users/${SAMPLE.member}/password`,
        `${host}/oauth/token`,
        `${apiHost}/v2/users?page_size=1`,
      ]);
      assert.equal(target.oauth.tokenRequests, tokensBefore + 2, 'the change and the test (a fresh token)');
      assert.equal(other.oauth.tokenRequests, otherTokens);
      assert.equal(other.requests.length, otherRequests, 'nothing went to the other cloud');
    });
  }

  it('a custom account uses exactly the URLs it was given', async (t) => {
    const { store, change } = world(t);
    const account = await store.add(s2s(gov, 'Lab'));
    const before = gov.requests.length;
    await change(account);
    assert.deepEqual(
      gov.requests.slice(before).map((r) => `${r.method} ${r.path}`),
      [`POST ${SIM_OAUTH_PATH}`, `PUT /v2/users/${SAMPLE.member}/password`],
    );
  });
});

describe('connection test', () => {
  let sim: ZoomSimulator;

  before(async () => {
    sim = await simulator();
  });

  it('OAuth with every scope: connected, each action allowed', async (t) => {
    const { store, test } = world(t);
    const report = await test(await store.add(s2s(sim, 'Full')));
    assert.equal(report.ok, true);
    assert.equal(report.tokenSource, 'oauth');
    assert.equal(report.httpStatus, 200);
    assert.match(report.trackingId ?? '', /^v=2\.0;/);
    assert.deepEqual(report.capabilities, {
      changePasswords: 'allowed',
      lookUpUsers: 'allowed',
      readPasswordPolicy: 'allowed',
    });
    assert.deepEqual(report.scopesToAdd, []);
    assert.equal(report.apiUrl, sim.url);
    assert.ok(report.tokenExpiresAt !== null);
    assert.match(report.message, /Connected/);
    assert.equal(report.action, null);
    assert.ok(!JSON.stringify(report).includes(SAMPLE_OAUTH.full.clientSecret));
    assert.ok(
      sim.oauth.issued.every((i) => !JSON.stringify(report).includes(i.token)),
      'no token in the report',
    );
    assert.equal(sim.requests.at(-1)?.path, '/v2/users');
  });

  it('OAuth without the password scope: says which scope to add', async (t) => {
    const { store, test } = world(t);
    const report = await test(await store.add(s2s(sim, 'Read only', SAMPLE_OAUTH.readOnly)));
    assert.equal(report.ok, true);
    assert.deepEqual(report.capabilities, {
      changePasswords: 'missing',
      lookUpUsers: 'allowed',
      readPasswordPolicy: 'missing',
    });
    assert.deepEqual(report.scopesToAdd, ['user:update:password:admin', 'account:read:settings:admin']);
    assert.match(report.message, /Not allowed: change passwords/);
    assert.match(report.action ?? '', /user:update:password:admin/);
  });

  it('classic scopes count too', async (t) => {
    const { store, test } = world(t);
    const report = await test(await store.add(s2s(sim, 'Classic', SAMPLE_OAUTH.classic)));
    assert.equal(report.ok, true);
    assert.deepEqual(report.capabilities, {
      changePasswords: 'allowed',
      lookUpUsers: 'allowed',
      readPasswordPolicy: 'allowed',
    });
  });

  it('a deactivated app: fails at the token, explained', async (t) => {
    const { store, test } = world(t);
    const report = await test(await store.add(s2s(sim, 'Disabled', SAMPLE_OAUTH.disabled)));
    assert.equal(report.ok, false);
    assert.equal(report.failedAt, 'token');
    assert.equal(report.oauthReason, 'app_disabled');
    assert.equal(report.zoomCode, 4717);
    assert.match(report.message, /deactivated/);
    assert.ok(!JSON.stringify(report).includes(SAMPLE_OAUTH.disabled.clientSecret));
  });

  it('pasted tokens: scopes unknown; expired → explained; no list scope → still connected', async (t) => {
    const { store, test } = world(t);
    const pasted = (name: string, token: string) =>
      store.add({
        name,
        cloud: 'custom',
        apiBase: sim.apiBase,
        oauthBase: sim.oauthBase,
        credential: { kind: 'token', token },
      });
    const good = await test(await pasted('Demo', DEMO_TOKEN));
    assert.equal(good.ok, true);
    assert.equal(good.tokenSource, 'stored');
    assert.equal(good.scopes, null);
    assert.deepEqual(good.capabilities, {
      changePasswords: 'unknown',
      lookUpUsers: 'unknown',
      readPasswordPolicy: 'unknown',
    });
    const expired = await test(await pasted('Expired', EXPIRED_TOKEN));
    assert.deepEqual([expired.ok, expired.failedAt, expired.zoomCode], [false, 'api', 124]);
    assert.match(expired.message, /invalid or has expired/);
    const noList = await test(await pasted('No list', NO_SCOPE_TOKEN));
    assert.equal(noList.ok, true);
    assert.equal(noList.zoomCode, 4711);
    assert.match(noList.message, /listing users/);
    const tokens = [DEMO_TOKEN, EXPIRED_TOKEN, NO_SCOPE_TOKEN];
    assert.ok(tokens.every((tok) => ![good, expired, noList].some((r) => JSON.stringify(r).includes(tok))));
  });

  it('token and API on different clouds: the API refuses the token, and the report says why', async (t) => {
    const other = await simulator();
    const { store, test } = world(t);
    const account = await store.add({ ...s2s(sim, 'Mixed'), apiBase: other.apiBase });
    const report = await test(account);
    assert.deepEqual([report.ok, report.failedAt, report.httpStatus], [false, 'api', 401]);
    assert.match(report.action ?? '', /same cloud/);
  });

  it('an API that cannot be reached: failed at the API, explained', async (t) => {
    const { store, test } = world(t);
    const account = await store.add({ ...s2s(sim, 'Nowhere'), apiBase: 'https://127.0.0.1:1/v2' });
    const report = await test(account);
    assert.deepEqual([report.ok, report.failedAt], [false, 'api']);
    assert.match(report.message, /127\.0\.0\.1:1/);
  });
});

describe('secrets stay in the keychain', () => {
  it('after adding accounts, changing passwords and testing, no secret or token is in the data folder', async (t) => {
    const sim = await simulator();
    const { dir, store, change, test, keychain } = world(t);
    const oauth = await store.add(s2s(sim, 'Northwind'));
    const pasted = await store.add({
      name: 'Pasted',
      cloud: 'custom',
      apiBase: sim.apiBase,
      oauthBase: sim.oauthBase,
      credential: { kind: 'token', token: DEMO_TOKEN },
    });
    await change(oauth);
    await change(pasted);
    await test(oauth);
    await store.rename('Northwind', 'Northwind Traders');
    const secrets = [
      SAMPLE_OAUTH.full.clientSecret,
      Buffer.from(`${SAMPLE_OAUTH.full.clientId}:${SAMPLE_OAUTH.full.clientSecret}`).toString('base64'),
      DEMO_TOKEN,
      ...sim.oauth.issued.map((i) => i.token),
    ];
    assert.ok(sim.oauth.issued.length >= 2);
    for (const secret of secrets) assert.deepEqual(filesContaining(dir, secret), [], 'not on disk');
    assert.equal(keychain.entries.size, 2, 'one keychain entry per account; fetched tokens are never stored');
    await store.remove('Northwind Traders');
    await store.remove('Pasted');
    assert.equal(keychain.entries.size, 0, 'removal leaves no keychain entry behind');
  });
});
