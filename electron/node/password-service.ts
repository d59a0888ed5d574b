import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { checkUserId } from '../../shared/domain/user-id';
import { BASIC_POLICY, firstPasswordProblem } from '../../shared/password/rules';
import type { HistoryStore } from './history/history-store';
import { systemClock, type Clock } from './ports';
import type { RecentUsers } from './recent-users';
import type { CredentialVault } from './vault/credential-vault';
import type { PasswordChangeAttempt, ZoomClient } from './zoom/zoom-client';

export interface PasswordServiceOptions {
  vault: Pick<CredentialVault, 'readToken'>;
  zoom: Pick<ZoomClient, 'setPassword'>;
  history: Pick<HistoryStore, 'append'>;
  recentUsers: Pick<RecentUsers, 'touch'>;
  /** Recorded with each entry: where the request went. */
  apiBase: string;
  source: HistoryEntry['source'];
  clock?: Clock;
  newRequestId?: () => string;
}

// The history schema's limits; Zoom's texts are cut rather than losing the record of a real request.
const MAX_MESSAGE = 2000;
const MAX_TRACKING_ID = 200;

/**
 * One password change, start to end: checks the input (nothing is sent or recorded when it is
 * invalid), reads the token, asks Zoom, records the answer in history and recent users, and returns
 * the entry. The password is never stored, logged or put in an error.
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
   * Changes `user`'s password and returns the history entry as recorded (with seq, prevHash and hash);
   * throws AppError invalid_input (with the field), no_token, keychain_unavailable or storage_error.
   */
  async change(r: { user: string; password: string }): Promise<HistoryEntry> {
    const user = checkUserId(r.user);
    if (!user.ok) throw new AppError('invalid_input', user.reason, { field: 'user' });
    const problem = firstPasswordProblem(r.password, BASIC_POLICY);
    if (problem !== null) throw new AppError('invalid_input', problem, { field: 'password' });
    const token = await this.o.vault.readToken();
    if (token === null) {
      throw new AppError('no_token', 'No Zoom access token is stored.', {
        action: 'Store one in Settings or with `zpa token set`.',
      });
    }
    const requestId = this.newRequestId();
    const at = this.clock.now().toISOString();
    const secrets = [r.password, token];
    let attempt: PasswordChangeAttempt;
    try {
      attempt = await this.o.zoom.setPassword({ token, userId: user.value, password: r.password, requestId });
    } catch (error) {
      // The client answers every HTTP or network problem itself; anything thrown is a bug, and the
      // request may or may not have left: record that honestly rather than nothing.
      attempt = unexpectedFailure(error, this.clock.now().getTime() - Date.parse(at));
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
      apiBase: this.o.apiBase,
      source: this.o.source,
      retryAfterSeconds: attempt.retryAfterSeconds,
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
