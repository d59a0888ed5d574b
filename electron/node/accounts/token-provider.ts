import { AppError } from '../../../shared/domain/errors';
import { systemClock, type Clock } from '../ports';
import { normaliseOAuthBase, type OAuthClient, type OAuthToken } from '../zoom/oauth-client';
import type { Account } from './account-types';

/** Renew this long before a token expires, so no request starts with a token about to lapse. */
export const DEFAULT_RENEW_BEFORE_SECONDS = 60;

/** A token ready for `Authorization: Bearer`. Main-process only: never sent to the renderer. */
export interface AccessToken {
  token: string;
  /** `oauth`: fetched from the token endpoint; `stored`: pasted by the admin, read from the keychain. */
  source: 'oauth' | 'stored';
  /** The scopes the token carries; null when unknown (pasted tokens). */
  scopes: string[] | null;
  expiresAt: Date | null;
  obtainedAt: Date | null;
  /** Zoom's `api_url` for OAuth tokens. */
  apiUrl: string | null;
}

/** Non-secret facts about a cached token, for status displays. */
export interface CachedTokenInfo {
  expiresAt: Date;
  obtainedAt: Date;
  scopes: string[];
  apiUrl: string | null;
}

export interface TokenProviderOptions {
  oauth: Pick<OAuthClient, 'fetchToken'>;
  /** Where secrets come from (an AccountStore). */
  secrets: { readSecret(account: Pick<Account, 'id' | 'credential'>): Promise<string | null> };
  clock?: Clock;
  renewBeforeSeconds?: number;
  /** ZPA_OAUTH_BASE_URL: sends every token request there instead of the account's token endpoint. */
  oauthBaseOverride?: string;
}

interface Entry {
  /** The token endpoint and app the entry belongs to: an edited account starts afresh. */
  fingerprint: string;
  token: OAuthToken | undefined;
  inflight: Promise<OAuthToken> | undefined;
}

/**
 * Access tokens for accounts. Pasted tokens are read from the keychain on every call (so a newly
 * stored one is used at once). OAuth tokens are fetched in this process, kept in memory only, shared
 * by every request of the account (one fetch, however many requests start at once), and renewed
 * when a request starts less than `renewBeforeSeconds` before expiry (or, for short-lived tokens,
 * in the last half of their life).
 */
export class TokenProvider {
  private readonly oauth: TokenProviderOptions['oauth'];
  private readonly secrets: TokenProviderOptions['secrets'];
  private readonly clock: Clock;
  private readonly renewBeforeMs: number;
  private readonly oauthBaseOverride: string | null;
  private readonly entries = new Map<string, Entry>();

  constructor(o: TokenProviderOptions) {
    this.oauth = o.oauth;
    this.secrets = o.secrets;
    this.clock = o.clock ?? systemClock;
    const renewBefore = o.renewBeforeSeconds ?? DEFAULT_RENEW_BEFORE_SECONDS;
    if (!Number.isFinite(renewBefore) || renewBefore < 0) throw new RangeError('renewBeforeSeconds must be >= 0');
    this.renewBeforeMs = renewBefore * 1000;
    this.oauthBaseOverride = o.oauthBaseOverride ? normaliseOAuthBase(o.oauthBaseOverride) : null;
  }

  /** The token endpoint used for an account (the override, when set). */
  oauthBaseFor(account: Pick<Account, 'oauthBase'>): string {
    return this.oauthBaseOverride ?? account.oauthBase;
  }

  /**
   * A token for the account. `fresh`: do not use the cached token (a connection test); a fetch already
   * under way is still shared. Throws OAuthError (code oauth_failed) when the token endpoint gives no
   * token, AppError no_token when the keychain holds no secret for the account, keychain_unavailable.
   */
  async getToken(account: Account, o: { fresh?: boolean } = {}): Promise<AccessToken> {
    if (account.credential.kind === 'token') {
      const token = await this.secrets.readSecret(account);
      if (token === null) throw missingSecret(account, 'access token');
      return { token, source: 'stored', scopes: null, expiresAt: null, obtainedAt: null, apiUrl: null };
    }
    const credential = account.credential;
    const entry = this.entryFor(account);
    if (o.fresh !== true && entry.token !== undefined && this.usable(entry.token)) return view(entry.token);
    if (entry.inflight === undefined) {
      const fetching = this.fetchInto(entry, account, credential);
      entry.inflight = fetching;
      // Failures are not cached: once this fetch settles, the next request may ask again.
      fetching
        .finally(() => {
          if (entry.inflight === fetching) entry.inflight = undefined;
        })
        .catch(() => undefined);
    }
    return view(await entry.inflight);
  }

  /**
   * Drops the account's cached token, so the next getToken fetches a new one (after a 401/124).
   * With `staleToken`, only when that is still the cached token: when many requests fail with the
   * same expired token, the first one renews it and the others reuse the renewed one.
   */
  invalidate(account: Pick<Account, 'id'> | string, staleToken?: string): void {
    const entry = this.entries.get(typeof account === 'string' ? account : account.id);
    if (entry === undefined) return;
    if (staleToken !== undefined && entry.token?.accessToken !== staleToken) return;
    entry.token = undefined;
  }

  /** Forgets everything about an account (edited or removed); a fetch under way is not cached. */
  forget(accountId: string): void {
    this.entries.delete(accountId);
  }

  /** The cached token's non-secret facts, or null when none is cached (or it needs renewing). */
  cached(accountId: string): CachedTokenInfo | null {
    const token = this.entries.get(accountId)?.token;
    if (token === undefined || !this.usable(token)) return null;
    return {
      expiresAt: token.expiresAt,
      obtainedAt: token.obtainedAt,
      scopes: [...token.scopes],
      apiUrl: token.apiUrl,
    };
  }

  private entryFor(account: Account): Entry {
    const credential = account.credential.kind === 's2s' ? account.credential : null;
    const fingerprint = JSON.stringify([this.oauthBaseFor(account), credential?.accountId, credential?.clientId]);
    let entry = this.entries.get(account.id);
    if (entry === undefined || entry.fingerprint !== fingerprint) {
      entry = { fingerprint, token: undefined, inflight: undefined };
      this.entries.set(account.id, entry);
    }
    return entry;
  }

  private async fetchInto(
    entry: Entry,
    account: Account,
    credential: Extract<Account['credential'], { kind: 's2s' }>,
  ): Promise<OAuthToken> {
    const clientSecret = await this.secrets.readSecret(account);
    if (clientSecret === null) throw missingSecret(account, 'client secret');
    const token = await this.oauth.fetchToken({
      oauthBase: this.oauthBaseFor(account),
      credentials: { accountId: credential.accountId, clientId: credential.clientId, clientSecret },
    });
    // Not cached when the account was edited or removed meanwhile.
    if (this.entries.get(account.id) === entry) entry.token = token;
    return token;
  }

  private usable(token: OAuthToken): boolean {
    const lifetime = token.expiresAt.getTime() - token.obtainedAt.getTime();
    const margin = Math.min(this.renewBeforeMs, lifetime / 2);
    return this.clock.now().getTime() < token.expiresAt.getTime() - margin;
  }
}

function view(token: OAuthToken): AccessToken {
  return {
    token: token.accessToken,
    source: 'oauth',
    scopes: [...token.scopes],
    expiresAt: token.expiresAt,
    obtainedAt: token.obtainedAt,
    apiUrl: token.apiUrl,
  };
}

function missingSecret(account: Account, what: string): AppError {
  return new AppError('no_token', `The ${what} of the account "${account.name}" is missing from the system keychain.`, {
    action: `Enter it again: edit the account under Accounts, or run \`zpa account add\` again after removing it.`,
  });
}
