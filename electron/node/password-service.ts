import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { checkUserId } from '../../shared/domain/user-id';
import { BASIC_POLICY, firstPasswordProblem } from '../../shared/password/rules';
import { CLOUD_LABELS, type Account } from './accounts/account-types';
import type { AccountUrls } from './accounts/account-urls';
import type { TokenProvider } from './accounts/token-provider';
import { withTokenRetry } from './accounts/token-retry';
import type { HistoryStore } from './history/history-store';
import { systemClock, type Clock } from './ports';
import type { RecentUsers } from './recent-users';
import { OAuthError } from './zoom/oauth-client';
import type { PasswordChangeAttempt, ZoomClient } from './zoom/zoom-client';

export interface PasswordServiceOptions {
  /** Which account a change runs against, and where its requests go (an AccountsService). */
  accounts: { resolve(ref?: string): Promise<Account>; urlsFor(account: AccountUrls): AccountUrls };
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  /** The Zoom client for an API base. */
  zoomFor: (apiBase: string) => Pick<ZoomClient, 'setPassword'>;
  history: Pick<HistoryStore, 'append'>;
  recentUsers: Pick<RecentUsers, 'touch'>;
  source: HistoryEntry['source'];
  clock?: Clock;
  newRequestId?: () => string;
}

// The history schema's limits; Zoom's texts are cut rather than losing the record of a real request.
const MAX_MESSAGE = 2000;
const MAX_TRACKING_ID = 200;

/**
 * One password change, start to end: checks the input (nothing is sent or recorded when it is
 * invalid), picks the account, gets its token (fetched by Server-to-Server OAuth, or the stored one),
 * asks Zoom (renewing an expired OAuth token once), records ONE history entry with the account's
 * name and cloud, touches recent users, and returns the entry. A token endpoint failure is an
 * outcome like any other. The password is never stored, logged or put in an error.
 */
export class PasswordService {
  private readonly o: PasswordServiceOptions;
  private readonly clock: Clock;
  private readonly newRequestId: () => string;

  constructor(o: PasswordServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
    this.newRequestId = o.newRequestId ?? randomUUID;
  }

  /**
   * Changes `user`'s password with `account` (name or id; the active account when absent) and
   * returns the history entry as recorded (with seq, prevHash and hash); throws AppError
   * invalid_input (with the field), no_token, keychain_unavailable or storage_error.
   */
  async change(r: { user: string; password: string; account?: string }): Promise<HistoryEntry> {
    const user = checkUserId(r.user);
    if (!user.ok) throw new AppError('invalid_input', user.reason, { field: 'user' });
    const problem = firstPasswordProblem(r.password, BASIC_POLICY);
    if (problem !== null) throw new AppError('invalid_input', problem, { field: 'password' });
    const account = await this.resolveAccount(r.account);
    const { apiBase } = this.o.accounts.urlsFor(account);
    const zoom = this.o.zoomFor(apiBase);
    const requestId = this.newRequestId();
    const at = this.clock.now().toISOString();
    const secrets = [r.password];
    let attempt: PasswordChangeAttempt;
    try {
      const { result } = await withTokenRetry(this.o.tokens, account, (token) => {
        secrets.push(token.token);
        return zoom.setPassword({ token: token.token, userId: user.value, password: r.password, requestId });
      });
      attempt = result;
    } catch (error) {
      if (error instanceof OAuthError) {
        attempt = tokenEndpointFailure(error, this.clock.now().getTime() - Date.parse(at));
      } else if (error instanceof AppError) {
        // Nothing was sent (no secret in the keychain, keychain locked): there is nothing to record.
        throw error;
      } else {
        // The client answers every HTTP or network problem itself; anything thrown is a bug, and the
        // request may or may not have left: record that honestly rather than nothing.
        attempt = unexpectedFailure(error, this.clock.now().getTime() - Date.parse(at));
      }
    }
    const entry: HistoryEntry = {
      id: requestId,
      at,
      user: user.value,
      outcome: attempt.outcome,
      httpStatus: attempt.httpStatus,
      zoomCode: attempt.zoomCode,
      message: clean(attempt.message, secrets, MAX_MESSAGE),
      zoomMessage: attempt.zoomMessage === null ? null : clean(attempt.zoomMessage, secrets, MAX_MESSAGE),
      trackingId: attempt.trackingId === null ? null : clean(attempt.trackingId, secrets, MAX_TRACKING_ID),
      durationMs: Math.max(0, Math.round(attempt.durationMs)),
      apiBase,
      source: this.o.source,
      retryAfterSeconds: attempt.retryAfterSeconds,
      account: account.name,
      cloud: CLOUD_LABELS[account.cloud],
    };
    let stored: HistoryEntry;
    try {
      // As recorded: with its place in the history's hash chain (seq, prevHash, hash).
      stored = this.o.history.append(entry);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'the history could not be written';
      throw new AppError(
        'storage_error',
        `Zoom's answer for ${entry.user}${entry.trackingId ? ` (tracking id ${entry.trackingId})` : ''}: ` +
          `${entry.message} This could not be recorded in the history: ${reason}`,
        { action: error instanceof AppError ? error.action : undefined, cause: error },
      );
    }
    try {
      this.o.recentUsers.touch(entry.user, entry.at, entry.outcome);
    } catch {
      // The request is recorded in history; a settings problem must not hide Zoom's answer.
    }
    return stored;
  }

  private async resolveAccount(ref: string | undefined): Promise<Account> {
    try {
      return await this.o.accounts.resolve(ref);
    } catch (error) {
      if (error instanceof AppError && error.code === 'no_token') {
        throw new AppError('no_token', 'No Zoom account is set up.', {
          action:
            'Add one under Accounts (a Server-to-Server OAuth app or a pasted access token), or with `zpa account add <name> --s2s` or `--token`.',
          cause: error,
        });
      }
      throw error;
    }
  }
}

/**
 * The token endpoint gave no token, so the password request was never sent: `unauthorized` when
 * it refused the app's credentials (fixing them is the user's job), `failed` when it could not
 * answer (network, Zoom's side, rate limit: trying again later can work).
 */
function tokenEndpointFailure(error: OAuthError, elapsedMs: number): PasswordChangeAttempt {
  const transient = error.reason === 'network' || error.reason === 'server_error' || error.reason === 'rate_limited';
  return {
    outcome: transient ? 'failed' : 'unauthorized',
    httpStatus: error.httpStatus,
    zoomCode: error.zoomCode,
    zoomMessage: error.zoomMessage,
    message: `No token could be obtained, so the password was not changed. ${error.message}${error.action ? ` ${error.action}` : ''}`,
    trackingId: error.trackingId,
    durationMs: Math.max(0, elapsedMs),
    retryAfterSeconds: error.retryAfterSeconds,
    rateLimitType: null,
  };
}

function unexpectedFailure(error: unknown, elapsedMs: number): PasswordChangeAttempt {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    outcome: 'unknown',
    httpStatus: null,
    zoomCode: null,
    zoomMessage: null,
    message: `The request stopped on an unexpected error (${reason}); it may or may not have reached Zoom. Check the user's sign-in before trying again.`,
    trackingId: null,
    durationMs: Math.max(0, elapsedMs),
    retryAfterSeconds: null,
    rateLimitType: null,
  };
}

/** Cuts any secret out (in case a server ever echoes it) and keeps the text within the schema's limit. */
function clean(text: string, secrets: readonly string[], max: number): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
