import type { Outcome } from '../../../shared/domain/outcome';
import type { Account } from './account-types';
import type { AccessToken, TokenProvider } from './token-provider';

/** What a Zoom call reports; PasswordChangeAttempt is one. */
export interface TokenRetryable {
  outcome: Outcome;
  zoomCode: number | null;
}

/** Zoom's "token invalid or expired" (zoom-api.md): the one answer a renewed token can fix. */
export const EXPIRED_TOKEN_CODE = 124;

/**
 * Runs `call` with the account's token. When Zoom answers `unauthorized` with code 124 and the
 * account uses OAuth, the token is renewed once and `call` runs exactly once more with the new one;
 * every other outcome (and pasted tokens, which cannot be renewed) comes back as it is.
 * `retried` says whether the second call was made (the first one changed nothing: Zoom refused
 * it before doing anything). Token-endpoint failures while renewing reject with OAuthError.
 */
export async function withTokenRetry<T extends TokenRetryable>(
  provider: Pick<TokenProvider, 'getToken' | 'invalidate'>,
  account: Account,
  call: (token: AccessToken) => Promise<T>,
): Promise<{ result: T; retried: boolean }> {
  const first = await provider.getToken(account);
  const result = await call(first);
  if (
    account.credential.kind !== 's2s' ||
    result.outcome !== 'unauthorized' ||
    result.zoomCode !== EXPIRED_TOKEN_CODE
  ) {
    return { result, retried: false };
  }
  provider.invalidate(account, first.token);
  const second = await provider.getToken(account);
  // The same token again would get the same answer.
  if (second.token === first.token) return { result, retried: false };
  return { result: await call(second), retried: true };
}
