import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { checkUserId } from '../../shared/domain/user-id';
import type { UserLookup } from '../../shared/domain/users';
import { BASIC_POLICY, firstPasswordProblem, type PasswordCheckOptions } from '../../shared/password/rules';
import { loadStrengthEstimator } from '../../shared/password/strength';
import { CLOUD_LABELS, type Account } from './accounts/account-types';
import type { AccountUrls } from './accounts/account-urls';
import type { TokenProvider } from './accounts/token-provider';
import type { AccountRateLimiter } from './bulk/rate-limiter';
import { withTokenRetry } from './accounts/token-retry';
import type { HandoffService } from './handoff-service';
import type { HistoryStore } from './history/history-store';
import { checkReason, eligibilityGate, MAX_REASON_LENGTH, findUnknownEntry, settleCheck } from './password-checks';
import { systemClock, type Clock } from './ports';
import type { RecentUsers } from './recent-users';
import type { PolicyService } from './users/policy-service';
import type { UsersService } from './users/users-service';
import { OAuthError } from './zoom/oauth-client';
import type { PasswordChangeAttempt, ZoomClient } from './zoom/zoom-client';

export interface PasswordServiceOptions {
  /** Which account a change runs against, and where its requests go (an AccountsService). */
  accounts: { resolve(ref?: string): Promise<Account>; urlsFor(account: AccountUrls): AccountUrls };
  tokens: Pick<TokenProvider, 'getToken' | 'invalidate'>;
  /** The Zoom client for an API base. */
  zoomFor: (apiBase: string) => Pick<ZoomClient, 'setPassword'>;
  /** Where entries are recorded; `list` finds the `unknown` entry a check settles. */
  history: Pick<HistoryStore, 'append'> & Partial<Pick<HistoryStore, 'appendFlushed' | 'list' | 'checkWritable'>>;
  recentUsers: Pick<RecentUsers, 'touch'>;
  source: HistoryEntry['source'];
  /** The per-account request pipeline shared with bulk runs (Zoom's rate limit is per account). */
  limiter?: Pick<AccountRateLimiter, 'run'>;
  /** The account's password policy; Zoom's basic rules when absent. */
  policies?: Pick<PolicyService, 'rulesFor'>;
  /** The lookup before sending (eligibility); no lookup when absent. */
  users?: Pick<UsersService, 'lookup'>;
  /** Keeps an updated change's password for the one-time copy; none when absent. */
  handoff?: Pick<HandoffService, 'keep'>;
  /** The weak-password check (loaded on first need); default: zxcvbn-ts's common passwords. */
  commonPasswordCheck?: () => Promise<(password: string) => boolean>;
  clock?: Clock;
  newRequestId?: () => string;
}

// The history schema's limits; Zoom's texts are cut rather than losing the record of a real request.
const MAX_MESSAGE = 2000;
const MAX_TRACKING_ID = 200;
const MAX_NAME = 320;

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
   * returns the history entry as recorded (with seq, prevHash and hash). Before anything is sent the
   * password is checked against the account's policy (AppError invalid_input, field 'password'), and
   * unless `force`, `skipLookup` or `checkOf` the user is looked up: an ineligible or unknown user is
   * refused with AppError ineligible (nothing sent, nothing recorded). Also throws invalid_input
   * (fields user, reason, checkOf, account), no_token, keychain_unavailable or storage_error.
   */
  async change(r: {
    user: string;
    password: string;
    account?: string;
    /** Why (a reason or ticket number), kept with the entry; at most 500 characters. */
    reason?: string;
    /** Send even when the lookup says Zoom will refuse the user. */
    force?: boolean;
    /** The id of an `unknown` entry to check: the same password is sent once more. */
    checkOf?: string;
    /** Bulk runs: no lookup before sending, and no copy hand-off (the run has its own passwords file). */
    skipLookup?: boolean;
    /** The bulk run this change belongs to (stored in the history entry). */
    runId?: string;
    /**
     * Called right before the request takes its turn in the rate limiter and is sent, with the history
     * entry's id. Bulk runs write their journal (and the generated password) here; when it throws,
     * nothing is sent and nothing is recorded. A request withdrawn from the limiter afterwards (signal)
     * ends in WithdrawnError: it was not sent either.
     */
    onSending?: (requestId: string) => void | Promise<void>;
    /** Withdraws the request while it still waits for the rate limiter (AppError, nothing sent). */
    signal?: AbortSignal;
    /** Rate-limiter priority: single changes 1 (the default), bulk rows 0. */
    priority?: number;
  }): Promise<HistoryEntry> {
    const user = checkUserId(r.user);
    if (!user.ok) throw new AppError('invalid_input', user.reason, { field: 'user' });
    const reason = checkReason(r.reason);
    const basicProblem = firstPasswordProblem(r.password, BASIC_POLICY);
    if (basicProblem !== null) throw new AppError('invalid_input', basicProblem, { field: 'password' });
    // Nothing is sent that could not be recorded: a read-only data folder is found here, before Zoom is asked.
    this.o.history.checkWritable?.();
    const checked =
      r.checkOf === undefined
        ? null
        : findUnknownEntry(this.o.history.list?.bind(this.o.history), r.checkOf, user.value);
    // A check goes to the account the unknown change went to.
    const account = await this.resolveAccount(r.account ?? checked?.account ?? undefined);
    if (checked !== null && typeof checked.account === 'string' && checked.account !== account.name) {
      throw new AppError(
        'invalid_input',
        `The change being checked went to the account "${checked.account}", not "${account.name}".`,
        { field: 'checkOf', action: 'Check it with the same account.' },
      );
    }
    const policy = this.o.policies === undefined ? BASIC_POLICY : await this.o.policies.rulesFor(account);
    const options: PasswordCheckOptions = policy.weakDetection === true ? { isCommon: await this.commonCheck() } : {};
    const problem = firstPasswordProblem(r.password, policy, options);
    if (problem !== null) throw new AppError('invalid_input', problem, { field: 'password' });

    let userName: string | null = null;
    let email: string | null = null;
    if (this.o.users !== undefined && r.force !== true && r.skipLookup !== true && checked === null) {
      const lookup: UserLookup = await this.o.users.lookup({ user: user.value, account: account.id });
      const gate = eligibilityGate(lookup);
      if (gate.refusal !== null) throw gate.refusal;
      userName = gate.userName;
      email = gate.email;
    }
    userName ??= checked?.userName ?? null;

    const { apiBase } = this.o.accounts.urlsFor(account);
    const zoom = this.o.zoomFor(apiBase);
    const requestId = this.newRequestId();
    const at = this.clock.now().toISOString();
    const secrets = [r.password];
    let attempt: PasswordChangeAttempt;
    try {
      const { result } = await withTokenRetry(this.o.tokens, account, async (token) => {
        secrets.push(token.token);
        const send = (): Promise<PasswordChangeAttempt> =>
          zoom.setPassword({ token: token.token, userId: user.value, password: r.password, requestId });
        // The caller's records reach the disk first; the limiter then times the request itself, so
        // what it counts is what reaches Zoom (a slow disk cannot bunch requests up).
        await r.onSending?.(requestId);
        const limiter = this.o.limiter;
        if (limiter === undefined) return send();
        return limiter.run(account.id, send, {
          priority: r.priority ?? 1,
          ...(r.signal === undefined ? {} : { signal: r.signal }),
        });
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
    let confirmed = false;
    if (checked !== null) ({ attempt, confirmed } = settleCheck(attempt, checked));
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
      ...(r.runId === undefined ? {} : { runId: r.runId }),
      ...(userName === null ? {} : { userName: clean(userName, secrets, MAX_NAME) }),
      ...(reason === null ? {} : { reason: clean(reason, secrets, MAX_REASON_LENGTH) }),
      ...(checked === null ? {} : { checkOf: checked.id }),
      ...(confirmed ? { confirmed: true } : {}),
    };
    let stored: HistoryEntry;
    try {
      // As recorded: with its place in the history's hash chain (seq, prevHash, hash).
      // Flushed off the event loop where the store can, so other requests in flight keep their pace.
      const history = this.o.history;
      stored = history.appendFlushed ? await history.appendFlushed(entry) : history.append(entry);
    } catch (error) {
      const reason = error instanceof AppError ? error.message : 'the history could not be written';
      throw new AppError(
        'storage_error',
        `Zoom's answer for ${entry.user}${entry.trackingId ? ` (tracking id ${entry.trackingId})` : ''}: ` +
          `${entry.message} This could not be recorded in the history: ${reason}`,
        { action: error instanceof AppError ? error.action : undefined, cause: error },
      );
    }
    if (stored.outcome === 'updated' && r.skipLookup !== true) this.o.handoff?.keep(stored.id, r.password);
    try {
      // A bulk run's users would push everyone else out of the recent list (and rewrite settings per row).
      if (r.runId === undefined)
        this.o.recentUsers.touch(entry.user, entry.at, entry.outcome, { name: userName, email });
    } catch {
      // The request is recorded in history; a settings problem must not hide Zoom's answer.
    }
    return stored;
  }

  private async commonCheck(): Promise<(password: string) => boolean> {
    if (this.o.commonPasswordCheck !== undefined) return this.o.commonPasswordCheck();
    const estimator = await loadStrengthEstimator();
    return (password) => estimator.isCommon(password);
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
