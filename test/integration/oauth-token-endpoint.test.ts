/**
 * The OAuth client against the simulator's token endpoint (HTTPS with the test CA): every refusal
 * explained, token lifetime on the simulator's clock, faults. Run with NODE_EXTRA_CA_CERTS=<dir>/ca.pem
 * and ZPA_TEST_CA_DIR=<dir>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import {
  OAuthClient,
  OAuthError,
  type OAuthFailureReason,
  type S2SCredentials,
} from '../../electron/node/zoom/oauth-client';
import { ZoomClient } from '../../electron/node/zoom/zoom-client';
import { SAMPLE, SAMPLE_OAUTH, uniqueValidPassword } from '../simulator/sample-users';
import {
  SIM_OAUTH_PATH,
  startZoomSimulator,
  type ZoomSimulator,
  type ZoomSimulatorOptions,
} from '../simulator/zoom-simulator';
import { FakeClock } from '../unit/accounts-support';

const transport = createNodeTransport();
const started: ZoomSimulator[] = [];

async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const s = await startZoomSimulator({ rateLimit: { perSecond: 10_000 }, ...options });
  started.push(s);
  return s;
}

function secretsOf(c: S2SCredentials): string[] {
  return [c.clientSecret, Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')];
}

async function refusal(
  sim: ZoomSimulator,
  credentials: S2SCredentials,
  o: { transport?: Transport; oauthBase?: string; timeoutMs?: number } = {},
): Promise<OAuthError> {
  const client = new OAuthClient({ transport: o.transport ?? transport, timeoutMs: o.timeoutMs ?? 5000 });
  try {
    await client.fetchToken({ oauthBase: o.oauthBase ?? sim.oauthBase, credentials });
  } catch (error) {
    assert.ok(error instanceof OAuthError, String(error));
    const text = JSON.stringify({ ...error, message: error.message, action: error.action });
    for (const secret of secretsOf(credentials)) assert.ok(!text.includes(secret), 'no secret in the error');
    assert.ok(error.message.length > 20 && (error.action ?? '').length > 20, 'says what happened and what to do');
    return error;
  }
  assert.fail('expected the token request to fail');
}

let sim: ZoomSimulator;

before(async () => {
  assert.ok(
    process.env.ZPA_TEST_CA_DIR !== undefined && process.env.NODE_EXTRA_CA_CERTS !== undefined,
    'Run with ZPA_TEST_CA_DIR=<dir> NODE_EXTRA_CA_CERTS=<dir>/ca.pem (make the CA with test/simulator/make-test-ca.ts).',
  );
  sim = await simulator();
});

after(async () => {
  await Promise.all(started.map((s) => s.stop()));
});

describe('token endpoint: success', () => {
  it('issues a token with the app’s scopes and api_url; the API accepts it', async () => {
    assert.equal(sim.oauthBase, `${sim.url}${SIM_OAUTH_PATH}`);
    const before = sim.oauth.tokenRequests;
    const token = await new OAuthClient({ transport }).fetchToken({
      oauthBase: sim.oauthBase,
      credentials: SAMPLE_OAUTH.full,
    });
    assert.equal(sim.oauth.tokenRequests, before + 1);
    assert.equal(token.expiresInSeconds, 3599);
    assert.deepEqual(token.scopes, [
      'user:update:password:admin',
      'user:read:user:admin',
      'user:read:list_users:admin',
      'user:read:email:admin',
      'account:read:settings:admin',
    ]);
    assert.equal(token.apiUrl, sim.url);
    assert.match(token.trackingId ?? '', /^v=2\.0;/);
    const seen = sim.requests.at(-1);
    assert.equal(seen?.path, SIM_OAUTH_PATH);
    assert.equal(seen?.method, 'POST');
    assert.equal(seen?.applied, true);
    assert.ok(
      !JSON.stringify(sim.requests).includes(SAMPLE_OAUTH.full.clientSecret),
      'the simulator log holds no secret',
    );
    const attempt = await new ZoomClient({ transport, apiBase: sim.apiBase }).setPassword({
      token: token.accessToken,
      userId: SAMPLE.member,
      password: uniqueValidPassword(),
      requestId: 'oauth-it-1',
    });
    assert.equal(attempt.outcome, 'updated');
  });

  it('the lifetime runs on the simulator’s clock: the API answers 401/124 once it is over', async () => {
    const clock = new FakeClock();
    const s = await simulator({ clock, oauth: { tokenLifetimeSeconds: 120 } });
    const token = await new OAuthClient({ transport, clock }).fetchToken({
      oauthBase: s.oauthBase,
      credentials: SAMPLE_OAUTH.full,
    });
    assert.equal(token.expiresInSeconds, 120);
    assert.equal(token.expiresAt.getTime(), clock.now().getTime() + 120_000);
    const zoom = new ZoomClient({ transport, clock, apiBase: s.apiBase });
    const change = (n: string) =>
      zoom.setPassword({
        token: token.accessToken,
        userId: SAMPLE.member,
        password: uniqueValidPassword(),
        requestId: n,
      });
    clock.advance(119);
    assert.equal((await change('life-1')).outcome, 'updated', 'valid until its last second');
    clock.advance(1);
    const expired = await change('life-2');
    assert.equal(expired.outcome, 'unauthorized');
    assert.equal(expired.zoomCode, 124);
    assert.equal(expired.httpStatus, 401);
    assert.equal(s.oauth.issued[0]?.expiresAt, new Date(clock.now().getTime()).toISOString());
  });
});

describe('token endpoint: every refusal explained', () => {
  const cases: [string, () => S2SCredentials, OAuthFailureReason, number, RegExp][] = [
    [
      'an unknown client ID',
      () => ({ ...SAMPLE_OAUTH.full, clientId: 'noSuchClient000' }),
      'invalid_client',
      4702,
      /Client ID or Client Secret/,
    ],
    [
      'a wrong client secret',
      () => ({ ...SAMPLE_OAUTH.full, clientSecret: 'wrongSecretValue123' }),
      'invalid_client',
      4704,
      /Client ID or Client Secret/,
    ],
    [
      'a wrong account ID',
      () => ({ ...SAMPLE_OAUTH.full, accountId: 'someOtherAccount00' }),
      'invalid_account',
      4700,
      /Account ID/,
    ],
    ['a deactivated app', () => SAMPLE_OAUTH.disabled, 'app_disabled', 4717, /deactivated/],
  ];
  for (const style of ['code', 'reason'] as const) {
    for (const [label, credentials, reason, code, words] of cases) {
      it(`${label} (${style}-style answer) → ${reason}`, async () => {
        const s = style === 'code' ? sim : await simulator({ oauth: { errorStyle: 'reason' } });
        const error = await refusal(s, credentials());
        assert.equal(error.reason, reason);
        assert.equal(error.httpStatus, 400);
        assert.equal(error.zoomCode, style === 'code' ? code : null);
        assert.match(`${error.message} ${error.action ?? ''}`, words);
        assert.match(error.trackingId ?? '', /^v=2\.0;/, 'the tracking id is kept for Zoom support');
      });
    }
  }

  it('missing fields (no Basic auth reached Zoom) → missing_fields, 4706', async () => {
    const stripping: Transport = {
      send: (r) =>
        transport.send({
          ...r,
          headers: Object.fromEntries(Object.entries(r.headers).filter(([k]) => k !== 'authorization')),
        }),
    };
    const error = await refusal(sim, SAMPLE_OAUTH.full, { transport: stripping });
    assert.equal(error.reason, 'missing_fields');
    assert.equal(error.zoomCode, 4706);
  });

  it('a wrong token address → wrong_address', async () => {
    const error = await refusal(sim, SAMPLE_OAUTH.full, { oauthBase: `${sim.url}/oauth/tokn` });
    assert.equal(error.reason, 'wrong_address');
    assert.equal(error.httpStatus, 404);
    assert.match(error.message, /oauth\/tokn/);
  });

  it('an app disabled after its first token: the next request is refused', async () => {
    const s = await simulator();
    const client = new OAuthClient({ transport });
    await client.fetchToken({ oauthBase: s.oauthBase, credentials: SAMPLE_OAUTH.readOnly });
    s.oauth.updateApp(SAMPLE_OAUTH.readOnly.clientId, { disabled: true });
    assert.equal((await refusal(s, SAMPLE_OAUTH.readOnly)).reason, 'app_disabled');
  });
});

describe('token endpoint: faults (the simulator’s fault mechanism, matched by path)', () => {
  const only = { path: SIM_OAUTH_PATH };

  it('a 503 → server_error; the next request works', async () => {
    sim.faults.add({ match: only, fault: { kind: 'status', status: 503 } });
    assert.equal((await refusal(sim, SAMPLE_OAUTH.full)).reason, 'server_error');
    await new OAuthClient({ transport }).fetchToken({ oauthBase: sim.oauthBase, credentials: SAMPLE_OAUTH.full });
  });

  it('a dropped connection → network, naming the token address', async () => {
    for (const kind of ['reset-before-apply', 'reset-after-apply'] as const) {
      sim.faults.add({ match: only, fault: { kind } });
      const error = await refusal(sim, SAMPLE_OAUTH.full);
      assert.equal(error.reason, 'network', kind);
      assert.ok(error.message.includes(sim.oauthBase));
    }
  });

  it('a garbled success → wrong_address; a gateway’s HTML error page → server_error', async () => {
    sim.faults.add({ match: only, fault: { kind: 'malformed-body', status: 200 } });
    assert.equal((await refusal(sim, SAMPLE_OAUTH.full)).reason, 'wrong_address');
    sim.faults.add({ match: only, fault: { kind: 'malformed-body', status: 502 } });
    assert.equal((await refusal(sim, SAMPLE_OAUTH.full)).reason, 'server_error');
  });

  it('a slow token endpoint → network timeout', async () => {
    sim.faults.add({ match: only, fault: { kind: 'delay', ms: 1500 } });
    const error = await refusal(sim, SAMPLE_OAUTH.full, { timeoutMs: 300 });
    assert.equal(error.reason, 'network');
    assert.equal(error.transportKind, 'timeout');
  });

  it('a fault for another path leaves token requests alone', async () => {
    const id = sim.faults.add({ match: { path: '/v2/users' }, fault: { kind: 'status', status: 503 } });
    await new OAuthClient({ transport }).fetchToken({ oauthBase: sim.oauthBase, credentials: SAMPLE_OAUTH.full });
    assert.equal(sim.faults.pending, 1);
    sim.faults.remove(id);
  });
});
