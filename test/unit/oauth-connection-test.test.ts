import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { Account } from '../../electron/node/accounts/account-types';
import { cloudForApiBase, effectiveUrls, resolveCloudUrls } from '../../electron/node/accounts/account-urls';
import { testConnection } from '../../electron/node/accounts/connection-test';
import { APP_ACTIONS, capabilitiesFor, scopeToAdd } from '../../electron/node/accounts/scopes';
import type { AccessToken } from '../../electron/node/accounts/token-provider';
import { TransportError } from '../../electron/node/ports';
import { explainOAuthFailure } from '../../electron/node/zoom/explain';
import { OAuthError } from '../../electron/node/zoom/oauth-client';
import { FakeClock, FakeTransport, type FakeAnswer } from './accounts-support';

const TOKEN = 'eyJ.connection-test-token.sig';
const ACCOUNT: Account = {
  id: 'acctConn01',
  name: 'Acme',
  cloud: 'gov',
  apiBase: 'https://api.zoomgov.com/v2',
  oauthBase: 'https://zoomgov.com/oauth/token',
  credential: { kind: 's2s', accountId: 'za1', clientId: 'c1' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  secretStoredAt: null,
};

function provider(o: { scopes?: string[] | null; fail?: Error } = {}) {
  const calls: { fresh?: boolean }[] = [];
  return {
    calls,
    oauthBaseFor: (a: Pick<Account, 'oauthBase'>) => a.oauthBase,
    getToken: async (_a: Account, opts: { fresh?: boolean } = {}): Promise<AccessToken> => {
      calls.push(opts);
      if (o.fail) throw o.fail;
      return {
        token: TOKEN,
        source: 'oauth',
        scopes: o.scopes === undefined ? ['user:update:password:admin'] : o.scopes,
        expiresAt: new Date('2026-06-01T10:00:00.000Z'),
        obtainedAt: new Date('2026-06-01T09:00:00.000Z'),
        apiUrl: 'https://api.zoomgov.com',
      };
    },
  };
}

async function run(answer: FakeAnswer | Error, o: { scopes?: string[] | null } = {}) {
  const transport = new FakeTransport(() => {
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const p = provider(o);
  const report = await testConnection({ account: ACCOUNT, provider: p, transport, clock: new FakeClock() });
  assert.ok(!JSON.stringify(report).includes(TOKEN), 'the report holds no token');
  assert.ok(report.message.length > 10);
  return { report, transport, p };
}

describe('testConnection', () => {
  it('asks for a fresh token and makes one harmless GET on the account’s API', async () => {
    const { report, transport, p } = await run({
      status: 200,
      text: '{"users":[]}',
      headers: { 'x-zm-trackingid': 'T1' },
    });
    assert.deepEqual(p.calls, [{ fresh: true }]);
    assert.equal(transport.sent.length, 1);
    assert.equal(transport.sent[0]?.method, 'GET');
    assert.equal(transport.sent[0]?.url, 'https://api.zoomgov.com/v2/users?page_size=1');
    assert.equal(transport.sent[0]?.headers['authorization'], `Bearer ${TOKEN}`);
    assert.equal(transport.sent[0]?.body, undefined);
    assert.equal(report.ok, true);
    assert.equal(report.trackingId, 'T1');
    assert.equal(report.oauthBase, 'https://zoomgov.com/oauth/token');
    assert.equal(report.tokenExpiresAt, '2026-06-01T10:00:00.000Z');
    assert.match(report.message, /Zoom for Government/);
    assert.deepEqual(report.scopesToAdd, ['user:read:user:admin', 'account:read:settings:admin']);
  });

  const failures: [string, FakeAnswer | Error, RegExp][] = [
    [
      '429',
      { status: 429, headers: { 'retry-after': '3' }, text: '{"code":429,"message":"slow"}' },
      /Test again in 3 seconds/,
    ],
    ['503', { status: 503, text: '{"code":503,"message":"x"}' }, /problem on its side/],
    ['404 without a code', { status: 404, text: 'Not Found' }, /did not answer like Zoom's API/],
    ['another refusal', { status: 400, text: '{"code":1234,"message":"Odd."}' }, /code 1234.*Odd\./],
    ['a refusal echoing the token', { status: 400, text: `{"code":1,"message":"bad ${TOKEN}"}` }, /bad \[redacted\]/],
    ['a 124', { status: 401, text: '{"code":124,"message":"Invalid access token."}' }, /did not accept it/],
    ['no answer', new TransportError('dns', false, 'ENOTFOUND'), /name could not be found/],
    ['a timeout', new TransportError('timeout', true, 'timeout'), /timed out/],
  ];
  for (const [label, answer, words] of failures) {
    it(`reports ${label} as failed at the API, explained`, async () => {
      const { report } = await run(answer);
      assert.equal(report.ok, false);
      assert.equal(report.failedAt, 'api');
      assert.match(`${report.message} ${report.action ?? ''}`, words);
      assert.ok((report.action ?? '').length > 10);
    });
  }

  it('a token refusal is a result, not a throw; local problems still throw', async () => {
    const tokenUrl = ACCOUNT.oauthBase;
    const fail = new OAuthError({
      reason: 'invalid_account',
      tokenUrl,
      httpStatus: 400,
      zoomCode: 4700,
      explanation: explainOAuthFailure('invalid_account', { tokenUrl, zoomCode: 4700 }),
    });
    const transport = new FakeTransport(() => ({ status: 200 }));
    const report = await testConnection({ account: ACCOUNT, provider: provider({ fail }), transport });
    assert.deepEqual(
      [report.ok, report.failedAt, report.oauthReason, report.zoomCode],
      [false, 'token', 'invalid_account', 4700],
    );
    assert.equal(transport.sent.length, 0);
    const noSecret = new AppError('no_token', 'missing');
    await assert.rejects(
      testConnection({ account: ACCOUNT, provider: provider({ fail: noSecret }), transport }),
      /missing/,
    );
  });
});

describe('scopes → app actions', () => {
  it('granular and classic scopes; unknown when the scopes are not known', () => {
    assert.deepEqual(capabilitiesFor(null), {
      changePasswords: 'unknown',
      lookUpUsers: 'unknown',
      readPasswordPolicy: 'unknown',
    });
    assert.deepEqual(capabilitiesFor([]), {
      changePasswords: 'missing',
      lookUpUsers: 'missing',
      readPasswordPolicy: 'missing',
    });
    assert.deepEqual(capabilitiesFor(['user:update:password:admin', 'account:read:settings:admin']), {
      changePasswords: 'allowed',
      lookUpUsers: 'missing',
      readPasswordPolicy: 'allowed',
    });
    assert.deepEqual(capabilitiesFor(['user:write:admin']), {
      changePasswords: 'allowed',
      lookUpUsers: 'allowed',
      readPasswordPolicy: 'missing',
    });
    assert.equal(capabilitiesFor(['user:read:admin']).lookUpUsers, 'allowed');
    assert.equal(capabilitiesFor(['account:read:admin']).readPasswordPolicy, 'allowed');
    assert.equal(scopeToAdd('changePasswords'), 'user:update:password:admin');
    assert.ok(Object.values(APP_ACTIONS).every((a) => a.label.length > 0));
  });
});

describe('account URLs', () => {
  it('clouds, custom validation, migration guess and overrides', () => {
    assert.deepEqual(resolveCloudUrls('zoom'), {
      apiBase: 'https://api.zoom.us/v2',
      oauthBase: 'https://zoom.us/oauth/token',
    });
    assert.deepEqual(resolveCloudUrls('gov'), {
      apiBase: 'https://api.zoomgov.com/v2',
      oauthBase: 'https://zoomgov.com/oauth/token',
    });
    assert.deepEqual(resolveCloudUrls('custom', { apiBase: 'http://127.0.0.1:5/v2/', oauthBase: 'http://[::1]:5/t' }), {
      apiBase: 'http://127.0.0.1:5/v2',
      oauthBase: 'http://[::1]:5/t',
    });
    assert.throws(
      () => resolveCloudUrls('custom', { apiBase: 'https://a/v2' }),
      (e: unknown) => (e as AppError).field === 'oauthBase',
    );
    assert.equal(cloudForApiBase('https://api.zoom.us/v2').cloud, 'zoom');
    assert.equal(cloudForApiBase('https://api.zoomgov.com/v2/').cloud, 'gov');
    assert.deepEqual(cloudForApiBase('https://eu01api.zoomgov.com/v2'), {
      cloud: 'custom',
      apiBase: 'https://eu01api.zoomgov.com/v2',
      oauthBase: 'https://zoomgov.com/oauth/token',
    });
    const urls = resolveCloudUrls('gov');
    assert.deepEqual(effectiveUrls(urls), urls);
    assert.deepEqual(
      effectiveUrls(urls, { apiBase: 'https://127.0.0.1:7/v2', oauthBase: 'https://127.0.0.1:7/oauth/token' }),
      {
        apiBase: 'https://127.0.0.1:7/v2',
        oauthBase: 'https://127.0.0.1:7/oauth/token',
      },
    );
    assert.throws(
      () => effectiveUrls(urls, { oauthBase: 'http://example.com/t' }),
      (e: unknown) => e instanceof AppError,
    );
  });
});
