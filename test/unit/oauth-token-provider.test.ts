import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { Outcome } from '../../shared/domain/outcome';
import type { Account } from '../../electron/node/accounts/account-types';
import { TokenProvider, type AccessToken } from '../../electron/node/accounts/token-provider';
import { withTokenRetry } from '../../electron/node/accounts/token-retry';
import { OAuthClient, OAuthError, type OAuthToken, type S2SCredentials } from '../../electron/node/zoom/oauth-client';
import { explainOAuthFailure } from '../../electron/node/zoom/explain';
import { FakeClock, FakeTransport, tokenAnswer } from './accounts-support';

const SECRET = 'Qw3eRt5yUi7oPa9sDf1gHj2k';
const PASTED = 'eyJhbGciOiJIUzI1NiJ9.pasted.sig';

function s2sAccount(o: Partial<Account> = {}): Account {
  return {
    id: 'acctS2S001',
    name: 'Acme',
    cloud: 'zoom',
    apiBase: 'https://api.zoom.us/v2',
    oauthBase: 'https://zoom.us/oauth/token',
    credential: { kind: 's2s', accountId: 'zoomAcct1', clientId: 'client1' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    secretStoredAt: null,
    ...o,
  };
}

const TOKEN_ACCOUNT = s2sAccount({ id: 'acctTok001', name: 'Pasted', credential: { kind: 'token' } });

/** A token endpoint stand-in: counts fetches, can be held open, issues tok-1, tok-2, ... */
class FakeOAuth {
  fetches: { oauthBase: string; credentials: S2SCredentials }[] = [];
  lifetime = 3599;
  failWith: Error | null = null;
  private gate: Promise<void> | null = null;
  private release: (() => void) | null = null;

  constructor(private readonly clock: FakeClock) {}

  hold(): void {
    this.gate = new Promise((r) => (this.release = r));
  }

  open(): void {
    this.release?.();
    this.gate = null;
  }

  async fetchToken(r: { oauthBase: string; credentials: S2SCredentials }): Promise<OAuthToken> {
    this.fetches.push(r);
    const n = this.fetches.length;
    if (this.gate) await this.gate;
    if (this.failWith) throw this.failWith;
    const now = this.clock.now();
    return {
      accessToken: `tok-${n}`,
      tokenType: 'bearer',
      expiresInSeconds: this.lifetime,
      obtainedAt: now,
      expiresAt: new Date(now.getTime() + this.lifetime * 1000),
      scopes: ['user:update:password:admin'],
      apiUrl: 'https://api.zoom.us',
      trackingId: null,
    };
  }
}

function setup(o: { secrets?: Record<string, string | null>; oauthBaseOverride?: string } = {}) {
  const clock = new FakeClock();
  const oauth = new FakeOAuth(clock);
  const secrets = o.secrets ?? { acctS2S001: SECRET, acctTok001: PASTED };
  const reads: string[] = [];
  const provider = new TokenProvider({
    oauth,
    clock,
    secrets: {
      readSecret: async (account) => {
        reads.push(account.id);
        return secrets[account.id] ?? null;
      },
    },
    ...(o.oauthBaseOverride === undefined ? {} : { oauthBaseOverride: o.oauthBaseOverride }),
  });
  return { clock, oauth, provider, reads };
}

describe('TokenProvider', () => {
  it('50 concurrent requests share one token fetch', async () => {
    const { oauth, provider } = setup();
    oauth.hold();
    const pending = Array.from({ length: 50 }, () => provider.getToken(s2sAccount()));
    await new Promise((r) => setImmediate(r));
    oauth.open();
    const tokens = await Promise.all(pending);
    assert.equal(oauth.fetches.length, 1);
    assert.deepEqual(new Set(tokens.map((t) => t.token)), new Set(['tok-1']));
    assert.equal(tokens[0]?.source, 'oauth');
    assert.deepEqual(oauth.fetches[0], {
      oauthBase: 'https://zoom.us/oauth/token',
      credentials: { accountId: 'zoomAcct1', clientId: 'client1', clientSecret: SECRET },
    });
    // And later requests reuse it.
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-1');
    assert.equal(oauth.fetches.length, 1);
  });

  it('50 concurrent requests through the real OAuth client make one HTTP request', async () => {
    const clock = new FakeClock();
    const transport = new FakeTransport(async () => {
      await new Promise((r) => setTimeout(r, 20));
      return tokenAnswer({ token: 'http-token' });
    });
    const provider = new TokenProvider({
      oauth: new OAuthClient({ transport, clock }),
      clock,
      secrets: { readSecret: async () => SECRET },
    });
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.getToken(s2sAccount())));
    assert.equal(transport.sent.length, 1);
    assert.ok(tokens.every((t) => t.token === 'http-token'));
  });

  it('renews about 60 s before expiry, with one fetch for everyone who asks then', async () => {
    const { clock, oauth, provider } = setup();
    const first = await provider.getToken(s2sAccount());
    assert.equal(first.expiresAt?.getTime(), clock.now().getTime() + 3599_000);
    clock.advance(3599 - 61);
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-1', '61 s before expiry: still used');
    assert.ok(provider.cached('acctS2S001') !== null);
    clock.advance(2);
    assert.equal(provider.cached('acctS2S001'), null, 'within the last minute it counts as due');
    const renewed = await Promise.all(Array.from({ length: 10 }, () => provider.getToken(s2sAccount())));
    assert.ok(
      renewed.every((t) => t.token === 'tok-2'),
      '59 s before expiry: renewed',
    );
    assert.equal(oauth.fetches.length, 2);
  });

  it('short-lived tokens are renewed in the second half of their life', async () => {
    const { clock, oauth, provider } = setup();
    oauth.lifetime = 30;
    await provider.getToken(s2sAccount());
    clock.advance(14);
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-1');
    clock.advance(2);
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-2');
  });

  it('fresh: fetches even when a token is cached, but joins a fetch under way', async () => {
    const { oauth, provider } = setup();
    await provider.getToken(s2sAccount());
    assert.equal((await provider.getToken(s2sAccount(), { fresh: true })).token, 'tok-2');
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-2', 'the fresh one is cached');
    oauth.hold();
    const a = provider.getToken(s2sAccount(), { fresh: true });
    const b = provider.getToken(s2sAccount(), { fresh: true });
    oauth.open();
    assert.deepEqual([(await a).token, (await b).token], ['tok-3', 'tok-3']);
  });

  it('invalidate(account, stale) only drops that token, so many 401s renew once', async () => {
    const { oauth, provider } = setup();
    const stale = (await provider.getToken(s2sAccount())).token;
    provider.invalidate(s2sAccount(), stale);
    const fresh = (await provider.getToken(s2sAccount())).token;
    assert.equal(fresh, 'tok-2');
    provider.invalidate(s2sAccount(), stale); // a late request with the old token
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-2');
    provider.invalidate('acctS2S001');
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-3');
    provider.invalidate('unknown-account');
    assert.equal(oauth.fetches.length, 3);
  });

  it('failures are shared by concurrent callers, explained, and not cached', async () => {
    const { oauth, provider } = setup();
    const tokenUrl = 'https://zoom.us/oauth/token';
    oauth.failWith = new OAuthError({
      reason: 'invalid_client',
      tokenUrl,
      httpStatus: 400,
      zoomCode: 4702,
      explanation: explainOAuthFailure('invalid_client', { tokenUrl, zoomCode: 4702 }),
    });
    oauth.hold();
    const attempts = Array.from({ length: 5 }, () => provider.getToken(s2sAccount()));
    oauth.open();
    const results = await Promise.allSettled(attempts);
    assert.equal(oauth.fetches.length, 1);
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      const error = (r as PromiseRejectedResult).reason as OAuthError;
      assert.equal(error.code, 'oauth_failed');
      assert.match(error.message, /Client ID or Client Secret/);
      assert.ok(!error.message.includes(SECRET) && !(error.action ?? '').includes(SECRET));
    }
    oauth.failWith = null;
    assert.equal((await provider.getToken(s2sAccount())).token, 'tok-2', 'the next request asks again');
  });

  it('a missing client secret is no_token naming the account; nothing is fetched', async () => {
    const { oauth, provider } = setup({ secrets: {} });
    await assert.rejects(provider.getToken(s2sAccount()), (e: unknown) => {
      return e instanceof AppError && e.code === 'no_token' && /client secret of the account "Acme"/.test(e.message);
    });
    assert.equal(oauth.fetches.length, 0);
  });

  it('pasted tokens come from the keychain every time and are never fetched', async () => {
    const secrets: Record<string, string | null> = { acctTok001: PASTED };
    const { oauth, provider, reads } = setup({ secrets });
    const token = await provider.getToken(TOKEN_ACCOUNT);
    assert.deepEqual(token, {
      token: PASTED,
      source: 'stored',
      scopes: null,
      expiresAt: null,
      obtainedAt: null,
      apiUrl: null,
    });
    secrets['acctTok001'] = 'eyJ.newer.sig';
    assert.equal((await provider.getToken(TOKEN_ACCOUNT)).token, 'eyJ.newer.sig');
    assert.equal(reads.length, 2);
    secrets['acctTok001'] = null;
    await assert.rejects(
      provider.getToken(TOKEN_ACCOUNT),
      (e: unknown) => e instanceof AppError && e.code === 'no_token',
    );
    assert.equal(oauth.fetches.length, 0);
  });

  it('an edited account (other app or endpoint) gets its own token; forget() drops a fetch under way', async () => {
    const { oauth, provider } = setup();
    await provider.getToken(s2sAccount());
    const edited = s2sAccount({ credential: { kind: 's2s', accountId: 'zoomAcct1', clientId: 'client2' } });
    assert.equal((await provider.getToken(edited)).token, 'tok-2');
    const gov = s2sAccount({
      cloud: 'gov',
      oauthBase: 'https://zoomgov.com/oauth/token',
      credential: edited.credential,
    });
    assert.equal((await provider.getToken(gov)).token, 'tok-3');
    assert.equal(oauth.fetches[2]?.oauthBase, 'https://zoomgov.com/oauth/token');
    oauth.hold();
    const during = provider.getToken(s2sAccount(), { fresh: true });
    provider.forget('acctS2S001');
    oauth.open();
    assert.equal((await during).token, 'tok-4');
    assert.equal(provider.cached('acctS2S001'), null, 'not cached after forget');
  });

  it('sends every token request to the override when one is set', async () => {
    const { oauth, provider } = setup({ oauthBaseOverride: 'https://127.0.0.1:9/oauth/token/' });
    await provider.getToken(s2sAccount({ cloud: 'gov', oauthBase: 'https://zoomgov.com/oauth/token' }));
    assert.equal(oauth.fetches[0]?.oauthBase, 'https://127.0.0.1:9/oauth/token');
    assert.throws(() => setup({ oauthBaseOverride: 'http://example.com/t' }), /https/);
  });
});

type Result = { outcome: Outcome; zoomCode: number | null; token: string };

describe('withTokenRetry', () => {
  const answer = (outcome: Outcome, zoomCode: number | null) => async (t: AccessToken) => ({
    outcome,
    zoomCode,
    token: t.token,
  });

  it('on 401/124: renews once and retries exactly once', async () => {
    const { oauth, provider } = setup();
    const calls: string[] = [];
    const { result, retried } = await withTokenRetry(provider, s2sAccount(), async (t): Promise<Result> => {
      calls.push(t.token);
      return calls.length === 1
        ? { outcome: 'unauthorized', zoomCode: 124, token: t.token }
        : { outcome: 'updated', zoomCode: null, token: t.token };
    });
    assert.deepEqual(calls, ['tok-1', 'tok-2']);
    assert.equal(result.outcome, 'updated');
    assert.equal(retried, true);
    assert.equal(oauth.fetches.length, 2);
  });

  it('a second 124 is returned as it is: no third call', async () => {
    const { oauth, provider } = setup();
    let calls = 0;
    const { result, retried } = await withTokenRetry(provider, s2sAccount(), async (t) => {
      calls += 1;
      return answer('unauthorized', 124)(t);
    });
    assert.equal(calls, 2);
    assert.equal(retried, true);
    assert.equal(result.token, 'tok-2');
    assert.equal(oauth.fetches.length, 2);
  });

  for (const [outcome, code] of [
    ['unauthorized', 4711],
    ['unauthorized', 4700],
    ['unauthorized', null],
    ['rejected', 124],
    ['rate_limited', 429],
    ['failed', null],
    ['unknown', null],
    ['updated', null],
  ] as [Outcome, number | null][]) {
    it(`never retries ${outcome}/${code}`, async () => {
      const { oauth, provider } = setup();
      let calls = 0;
      const { retried } = await withTokenRetry(provider, s2sAccount(), async (t) => {
        calls += 1;
        return answer(outcome, code)(t);
      });
      assert.equal(calls, 1);
      assert.equal(retried, false);
      assert.equal(oauth.fetches.length, 1);
    });
  }

  it('never retries a pasted token (it cannot be renewed)', async () => {
    const { provider } = setup();
    let calls = 0;
    const { retried } = await withTokenRetry(provider, TOKEN_ACCOUNT, async (t) => {
      calls += 1;
      return answer('unauthorized', 124)(t);
    });
    assert.equal(calls, 1);
    assert.equal(retried, false);
  });

  it('20 concurrent requests all refused with the same expired token: one renewal, each retried once', async () => {
    const { oauth, provider } = setup();
    await provider.getToken(s2sAccount());
    const calls = new Map<number, string[]>();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        withTokenRetry(provider, s2sAccount(), async (t): Promise<Result> => {
          calls.set(i, [...(calls.get(i) ?? []), t.token]);
          await new Promise((r) => setImmediate(r));
          return t.token === 'tok-1'
            ? { outcome: 'unauthorized', zoomCode: 124, token: t.token }
            : { outcome: 'updated', zoomCode: null, token: t.token };
        }),
      ),
    );
    assert.equal(oauth.fetches.length, 2, 'one initial fetch, one renewal');
    assert.ok(results.every((r) => r.retried && r.result.outcome === 'updated'));
    assert.ok([...calls.values()].every((c) => c.join() === 'tok-1,tok-2'));
  });

  it('a renewal the token endpoint refuses rejects with the explained OAuthError', async () => {
    const { oauth, provider } = setup();
    await provider.getToken(s2sAccount());
    const tokenUrl = 'https://zoom.us/oauth/token';
    oauth.failWith = new OAuthError({
      reason: 'app_disabled',
      tokenUrl,
      explanation: explainOAuthFailure('app_disabled', { tokenUrl }),
    });
    await assert.rejects(
      withTokenRetry(provider, s2sAccount(), answer('unauthorized', 124)),
      (e: unknown) => e instanceof OAuthError && e.reason === 'app_disabled' && /deactivated/.test(e.message),
    );
  });
});
