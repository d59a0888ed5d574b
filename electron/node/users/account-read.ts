import { AppError } from '../../../shared/domain/errors';
import type { Account } from '../accounts/account-types';
import type { AccountUrls } from '../accounts/account-urls';
import type { TokenProvider } from '../accounts/token-provider';
import { withTokenRetry } from '../accounts/token-retry';
import type { Clock, Transport } from '../ports';
import { OAuthError } from '../zoom/oauth-client';
import type { ZoomRead, ZoomReadContext, ZoomReadFailure } from '../zoom/zoom-reads';

/** What the users and policy services need to read from Zoom with an account's token. */
export interface AccountReadDeps {
  accounts: { resolve(ref?: string): Promise<Account>; urlsFor(account: AccountUrls): AccountUrls };
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  transport: Transport;
  clock?: Clock;
  timeoutMs?: number;
}

/** A read that gave no value: Zoom's answer (classified), or why no request could be made. */
export interface AccountReadFailure {
  /** What happened, in plain words. */
  message: string;
  action?: string;
  /** Zoom's answer, when there was one; null when no token could be obtained or nothing answered. */
  failure: ZoomReadFailure | null;
  /**
   * Trying again later may give another answer (network, Zoom's side, rate limit, token endpoint
   * unreachable); false when Zoom's answer stands (missing scope, not found).
   */
  transient: boolean;
}

export type AccountReadResult<T> =
  { ok: true; value: T; trackingId: string | null } | { ok: false; problem: AccountReadFailure };

const TRANSIENT_OUTCOMES = new Set(['failed', 'rate_limited', 'unknown']);

/**
 * Runs one Zoom read with the account's token, renewing an expired OAuth token once. Token-endpoint
 * failures and a missing secret come back as a failure with the reason; other errors are thrown.
 */
export async function readWithAccount<T>(
  deps: AccountReadDeps,
  account: Account,
  read: (ctx: ZoomReadContext, token: string) => Promise<ZoomRead<T>>,
): Promise<AccountReadResult<T>> {
  const ctx: ZoomReadContext = {
    transport: deps.transport,
    apiBase: deps.accounts.urlsFor(account).apiBase,
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
  };
  let answer: ZoomRead<T>;
  try {
    const { result } = await withTokenRetry(deps.tokens, account, async (token) => {
      const r = await read(ctx, token.token);
      return {
        outcome: r.ok ? ('updated' as const) : r.failure.outcome,
        zoomCode: r.ok ? null : r.failure.zoomCode,
        r,
      };
    });
    answer = result.r;
  } catch (error) {
    if (error instanceof OAuthError) {
      const transient =
        error.reason === 'network' || error.reason === 'server_error' || error.reason === 'rate_limited';
      return {
        ok: false,
        problem: {
          message: `No token could be obtained: ${error.message}`,
          ...(error.action === undefined ? {} : { action: error.action }),
          failure: null,
          transient,
        },
      };
    }
    if (error instanceof AppError && (error.code === 'no_token' || error.code === 'keychain_unavailable')) {
      return {
        ok: false,
        problem: {
          message: error.message,
          ...(error.action === undefined ? {} : { action: error.action }),
          failure: null,
          transient: error.code === 'keychain_unavailable',
        },
      };
    }
    throw error;
  }
  if (answer.ok) return answer;
  return {
    ok: false,
    problem: {
      message: answer.failure.message,
      failure: answer.failure,
      transient: TRANSIENT_OUTCOMES.has(answer.failure.outcome),
    },
  };
}
