import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { TransportError, type TransportFailureKind } from '../../electron/node/ports';
import {
  GOV_OAUTH_BASE,
  OAuthClient,
  OAuthError,
  ZOOM_OAUTH_BASE,
  normaliseOAuthBase,
  oauthFailureReason,
  parseOAuthErrorBody,
  parseScopes,
  type OAuthFailureReason,
  type S2SCredentials,
} from '../../electron/node/zoom/oauth-client';
import { FakeClock, FakeTransport, tokenAnswer, type FakeAnswer } from './accounts-support';

const SECRET = 'Zs8kQ3xLm2VbP7tRw9Yc4Nh6';
const CREDS: S2SCredentials = { accountId: 'acctAbc123', clientId: 'clientXyz789', clientSecret: SECRET };
const BASIC = Buffer.from(`${CREDS.clientId}:${SECRET}`).toString('base64');

function client(
  answer: (r: Parameters<FakeTransport['send']>[0]) => FakeAnswer | Promise<FakeAnswer>,
  clock = new FakeClock(),
) {
  const transport = new FakeTransport(answer);
  return { transport, clock, oauth: new OAuthClient({ transport, clock, newRequestId: () => 'req-1' }) };
}

function noSecrets(error: unknown): void {
  const text = JSON.stringify({
    ...(error as object),
    message: (error as Error).message,
    action: (error as AppError).action,
  });
  assert.ok(!text.includes(SECRET), 'the secret appears nowhere in the error');
  assert.ok(!text.includes(BASIC), 'nor its Basic-auth form');
}

async function failure(answer: FakeAnswer): Promise<OAuthError> {
  const { oauth } = client(() => answer);
  try {
    await oauth.fetchToken({ oauthBase: ZOOM_OAUTH_BASE, credentials: CREDS });
  } catch (error) {
    assert.ok(error instanceof OAuthError, String(error));
    assert.equal(error.code, 'oauth_failed');
    noSecrets(error);
    return error;
  }
  assert.fail('expected a failure');
}

describe('OAuthClient.fetchToken', () => {
  it('sends grant_type=account_credentials and account_id as a form, client ID and secret as Basic auth', async () => {
    const { oauth, transport, clock } = client(() =>
      tokenAnswer({ token: 'tok-1', scope: 'user:update:password:admin  user:read:user:admin user:read:user:admin' }),
    );
    const token = await oauth.fetchToken({ oauthBase: 'https://zoomgov.com/oauth/token/', credentials: CREDS });
    const [request] = transport.sent;
    assert.ok(request);
    assert.equal(request.url, GOV_OAUTH_BASE);
    assert.equal(request.method, 'POST');
    assert.equal(request.headers['authorization'], `Basic ${BASIC}`);
    assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(new TextDecoder().decode(request.body), 'grant_type=account_credentials&account_id=acctAbc123');
    assert.equal(request.requestId, 'req-1');
    assert.ok(!request.url.includes(SECRET) && !request.url.includes('account_id'), 'nothing in the query string');
    assert.equal(token.accessToken, 'tok-1');
    assert.deepEqual(token.scopes, ['user:update:password:admin', 'user:read:user:admin']);
    assert.equal(token.apiUrl, 'https://api.zoom.us');
    assert.equal(token.expiresInSeconds, 3599);
    assert.equal(token.obtainedAt.getTime(), clock.now().getTime());
    assert.equal(token.expiresAt.getTime(), clock.now().getTime() + 3599_000);
    assert.equal(token.trackingId, 'v=2.0;rid=TOKEN');
  });

  it('reads odd but usable answers; refuses unusable ones', async () => {
    const ok = async (body: unknown) => {
      const { oauth } = client(() => ({ status: 200, text: JSON.stringify(body) }));
      return oauth.fetchToken({ oauthBase: ZOOM_OAUTH_BASE, credentials: CREDS });
    };
    const bare = await ok({ access_token: 'tok' });
    assert.equal(bare.expiresInSeconds, 3599, 'a missing expires_in means Zoom’s usual hour');
    assert.deepEqual(bare.scopes, []);
    assert.equal(bare.apiUrl, null);
    assert.equal((await ok({ access_token: 'tok', expires_in: '120' })).expiresInSeconds, 120);
    assert.equal((await ok({ access_token: 'tok', expires_in: 1e12 })).expiresInSeconds, 86400, 'capped at a day');
    assert.equal((await ok({ access_token: 'tok', api_url: 'http://evil.example' })).apiUrl, null);
    for (const body of [
      {},
      { access_token: '' },
      { access_token: 'two words' },
      { access_token: 'x', token_type: 'mac' },
      [],
    ]) {
      assert.equal((await failure({ status: 200, text: JSON.stringify(body) })).reason, 'unexpected_answer');
    }
    assert.equal((await failure({ status: 200, text: '<html>Sign in to Wi-Fi</html>' })).reason, 'wrong_address');
  });

  const CASES: [string, FakeAnswer, OAuthFailureReason, RegExp][] = [
    [
      '4702 invalid client',
      { status: 400, text: '{"code":4702,"message":"Invalid client."}' },
      'invalid_client',
      /Client ID or Client Secret/,
    ],
    [
      '4704 invalid secret',
      { status: 401, text: '{"code":4704,"message":"Invalid client secret."}' },
      'invalid_client',
      /Client ID or Client Secret/,
    ],
    [
      'reason-style invalid_client',
      { status: 400, text: '{"reason":"Invalid client_id or client_secret","error":"invalid_client"}' },
      'invalid_client',
      /Client ID or Client Secret/,
    ],
    [
      '4706 missing',
      { status: 400, text: '{"code":4706,"message":"Client ID or client secret is missing."}' },
      'missing_fields',
      /missing/,
    ],
    [
      '4705 grant type',
      { status: 400, text: '{"code":4705,"message":"Grant type is not supported from token endpoint."}' },
      'unsupported_grant',
      /Server-to-Server OAuth app/,
    ],
    [
      'reason-style grant type',
      { status: 400, text: '{"reason":"Unsupported grant type","error":"unsupported_grant_type"}' },
      'unsupported_grant',
      /Server-to-Server/,
    ],
    [
      '4717 disabled',
      { status: 400, text: '{"code":4717,"message":"The app has been disabled."}' },
      'app_disabled',
      /deactivated/,
    ],
    [
      'reason-style disabled',
      { status: 400, text: '{"reason":"The app has been disabled","error":"invalid_client"}' },
      'app_disabled',
      /deactivated/,
    ],
    [
      'wrong account id (code)',
      { status: 400, text: '{"code":4700,"message":"Invalid account_id."}' },
      'invalid_account',
      /Account ID/,
    ],
    [
      'wrong account id (reason)',
      { status: 400, text: '{"reason":"Invalid account_id","error":"invalid_request"}' },
      'invalid_account',
      /Account ID/,
    ],
    [
      '429',
      { status: 429, headers: { 'retry-after': '30' }, text: '{"code":429,"message":"Too many requests"}' },
      'rate_limited',
      /Wait 30 seconds/,
    ],
    [
      '503',
      { status: 503, text: '{"code":503,"message":"Service Unavailable"}' },
      'server_error',
      /Zoom's sign-in service/,
    ],
    [
      '404 html',
      { status: 404, text: '<html>Not found</html>' },
      'wrong_address',
      /did not answer like Zoom's token endpoint/,
    ],
    ['302', { status: 302, headers: { location: 'https://login.example' } }, 'wrong_address', /token address/],
    ['other refusal', { status: 400, text: '{"code":4799,"message":"Something new."}' }, 'refused', /Something new/],
  ];
  for (const [label, answer, reason, words] of CASES) {
    it(`explains ${label} as ${reason}`, async () => {
      const error = await failure(answer);
      assert.equal(error.reason, reason);
      assert.match(`${error.message} ${error.action ?? ''}`, words);
      assert.ok((error.action ?? '').length > 10, 'says what to do');
      assert.equal(error.httpStatus, answer.status);
    });
  }

  it('cuts the secret out of anything Zoom echoes', async () => {
    const error = await failure({
      status: 400,
      text: JSON.stringify({ code: 4799, message: `bad secret ${SECRET} / ${BASIC}` }),
    });
    assert.match(error.zoomMessage ?? '', /\[redacted\]/);
  });

  for (const kind of ['dns', 'refused', 'tls', 'timeout', 'connection_lost', 'network'] as TransportFailureKind[]) {
    it(`explains a network failure (${kind}) naming the token address`, async () => {
      const { oauth } = client(() => {
        throw new TransportError(kind, false, `failed (${kind})`);
      });
      await assert.rejects(
        oauth.fetchToken({ oauthBase: 'https://zoomgov.com/oauth/token', credentials: CREDS }),
        (error: unknown) => {
          assert.ok(error instanceof OAuthError);
          assert.equal(error.reason, 'network');
          assert.equal(error.transportKind, kind);
          assert.match(error.message, /zoomgov\.com\/oauth\/token/);
          assert.ok((error.action ?? '').length > 10);
          noSecrets(error);
          return true;
        },
      );
    });
  }

  it('sends nothing for empty credentials or a client ID with ":"; refuses a bad address', async () => {
    const { oauth, transport } = client(() => tokenAnswer({ token: 't' }));
    for (const bad of [
      { ...CREDS, accountId: ' ' },
      { ...CREDS, clientId: '' },
      { ...CREDS, clientSecret: '' },
      { ...CREDS, clientId: 'a:b' },
    ]) {
      await assert.rejects(oauth.fetchToken({ oauthBase: ZOOM_OAUTH_BASE, credentials: bad }), (e: unknown) => {
        return e instanceof OAuthError && e.reason === 'missing_fields';
      });
    }
    await assert.rejects(
      oauth.fetchToken({ oauthBase: 'http://zoom.us/oauth/token', credentials: CREDS }),
      (e: unknown) => {
        return e instanceof AppError && e.code === 'invalid_input' && e.field === 'oauthBase';
      },
    );
    assert.equal(transport.sent.length, 0);
  });
});

describe('OAuth helpers', () => {
  it('normaliseOAuthBase: https, or http on loopback only; no credentials, query or fragment', () => {
    assert.equal(normaliseOAuthBase(' https://zoom.us/oauth/token/ '), ZOOM_OAUTH_BASE);
    assert.equal(normaliseOAuthBase('http://127.0.0.1:9/oauth/token'), 'http://127.0.0.1:9/oauth/token');
    assert.equal(normaliseOAuthBase('http://[::1]:9/oauth/token'), 'http://[::1]:9/oauth/token');
    for (const bad of [
      'zoom.us/oauth/token',
      'http://zoom.us/oauth/token',
      'https://u:p@zoom.us/t',
      'https://zoom.us/t?x=1',
      'https://zoom.us/t#x',
      'ftp://zoom.us/t',
    ]) {
      assert.throws(
        () => normaliseOAuthBase(bad),
        (e: unknown) => e instanceof AppError && e.field === 'oauthBase',
        bad,
      );
    }
    assert.throws(
      () => normaliseOAuthBase('https://user:hunter2@zoom.us/t'),
      (e: unknown) => !(e as Error).message.includes('hunter2'),
    );
  });

  it('parses both error body shapes and classifies by code, error, message, then status', () => {
    assert.deepEqual(parseOAuthErrorBody('{"code":"4702","message":" Invalid client. "}'), {
      code: 4702,
      error: null,
      message: 'Invalid client.',
    });
    assert.deepEqual(parseOAuthErrorBody('{"error":"invalid_client","reason":"x"}'), {
      code: null,
      error: 'invalid_client',
      message: 'x',
    });
    assert.equal(parseOAuthErrorBody('{}'), null);
    assert.equal(parseOAuthErrorBody('nope'), null);
    assert.equal(oauthFailureReason(400, { code: null, error: null, message: 'Missing account_id' }), 'missing_fields');
    assert.equal(
      oauthFailureReason(400, { code: null, error: null, message: 'Account does not exist' }),
      'invalid_account',
    );
    assert.equal(oauthFailureReason(500, null), 'server_error');
    assert.equal(oauthFailureReason(400, { code: 1, error: null, message: null }), 'refused');
    assert.deepEqual(parseScopes(' a  b\na '), ['a', 'b']);
    assert.deepEqual(parseScopes(42), []);
  });
});
