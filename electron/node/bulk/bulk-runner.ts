import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import { isAppError } from '../../../shared/domain/errors';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Outcome } from '../../../shared/domain/outcome';
import type { UserLookup } from '../../../shared/domain/users';
import {
  BULK_FINAL_ROW_STATES,
  type BulkRowState,
  type BulkRunCounts,
  type BulkRunRow,
  type BulkRunState,
  type BulkRunStatus,
} from '../../../shared/ipc/bulk-schemas';
import type { Clock } from '../ports';
import type { BulkJournal } from './bulk-journal';
import type { PasswordsOutFile } from './passwords-out';
import { slidingWindow, WithdrawnError, type AccountRateLimiter, type DailyBlock } from './rate-limiter';

/** Retries after a 429 (per row) before the row is given up as failed; a storm rarely hits one row twice. */
export const MAX_RATE_LIMIT_RETRIES = 8;
/** Retries of a request that never left (connection refused, DNS, no token from the token endpoint). */
export const MAX_UNSENT_RETRIES = 3;
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_CAP_MS = 30_000;
/** The window the current rate is measured over. */
const RATE_WINDOW_MS = 5000;

/** What a run asks of the password service (PasswordService.change). */
export type ChangeFn = (r: {
  user: string;
  password: string;
  account: string;
  runId: string;
  reason?: string;
  skipLookup: true;
  onSending: (requestId: string) => Promise<void>;
  signal: AbortSignal;
  priority: number;
}) => Promise<HistoryEntry>;

export type LookupFn = (r: { user: string; account: string }) => Promise<UserLookup>;

/** A row of a run in memory. Its password (own or generated) never leaves this object except to Zoom. */
export interface RunnerRow {
  index: number;
  user: string;
  /** The file's password for the row; null: one is generated. */
  ownPassword: string | null;
  generated: string | null;
  /** Whether `generated` is in the passwords file already. */
  written: boolean;
  state: BulkRowState;
  attempts: number;
  outcome?: Outcome;
  httpStatus?: number | null;
  zoomCode?: number | null;
  message?: string;
  trackingId?: string | null;
  entryId?: string;
}

export interface RunnerOptions {
  runId: string;
  account: { id: string; name: string };
  fileName: string;
  createdAt: string;
  dryRun: boolean;
  reason: string | null;
  concurrency: number;
  /** The run's own rate, when lower than the account's. */
  rate: number | null;
  passwordsFile: string | null;
  rows: RunnerRow[];
  /** null for a run only shown (read from its journal elsewhere): it cannot be started. */
  journal: BulkJournal | null;
  change: ChangeFn;
  lookup: LookupFn | null;
  limiter: Pick<AccountRateLimiter, 'dailyBlock' | 'budget'>;
  passwordsOut: PasswordsOutFile | null;
  generate: (() => string) | null;
  clock: Clock;
  random?: () => number;
  /** Called whenever an execution stops (finished, paused, cancelled, daily limit). */
  onStop?: (runner: BulkRunner) => void;
}

const FINAL: ReadonlySet<BulkRowState> = new Set(BULK_FINAL_ROW_STATES);

interface StopReason {
  state: Extract<BulkRunState, 'paused' | 'daily_limit' | 'cancelled'>;
  message: string;
  resumeAt: string | null;
}

/** Full-jitter exponential backoff (AWS' recommendation): uniform in [0, min(cap, base * 2^n)]. */
export function backoffMs(retry: number, random: () => number, atLeastMs = 0): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
  return Math.max(atLeastMs, Math.round(random() * ceiling));
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve(false);
      return;
    }
    const done = (finished: boolean): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(finished);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', onAbort);
  });
}

/**
 * Sends a run's rows through the account's rate limiter with bounded concurrency. Per row: the
 * generated password is written to the passwords file and the row journalled as `sending` right before
 * its request leaves (inside the limiter's slot, see PasswordService.change onSending); the answer is
 * journalled after. Retries (backoff with jitter) only when the request cannot have applied: a 429, or
 * a request that never left. An `unknown` answer is never sent again: the row is left for the check.
 * A daily-limit 429 pauses the run until Zoom's reset; a refused token or a storage problem pauses it
 * with the reason. Pause, resume and cancel act between requests (those in flight finish).
 */
export class BulkRunner {
  readonly runId: string;
  readonly rows: RunnerRow[];
  private readonly o: RunnerOptions;
  private readonly random: () => number;
  private state: BulkRunState;
  private message: string;
  private resumeAt: string | null = null;
  private finishedAt: string | null = null;
  private stop: StopReason | null = null;
  private controller = new AbortController();
  private execution: Promise<void> | null = null;
  private queue: RunnerRow[] = [];
  private readonly sentAt: number[] = [];
  private executionStarted = 0;
  private readonly gate: PQueue | null;

  constructor(o: RunnerOptions, initial: { state: BulkRunState; message: string; finishedAt?: string | null }) {
    this.o = o;
    this.runId = o.runId;
    this.rows = o.rows;
    this.random = o.random ?? Math.random;
    this.state = initial.state;
    this.message = initial.message;
    this.finishedAt = initial.finishedAt ?? null;
    this.gate = o.rate === null ? null : new PQueue(slidingWindow(o.rate));
  }

  get currentState(): BulkRunState {
    return this.state;
  }

  /** Whether requests are being sent (or finishing) now. */
  get active(): boolean {
    return this.execution !== null;
  }

  /** Starts (or resumes) sending; resolves when this execution stops. */
  run(): Promise<void> {
    if (this.execution !== null) return this.execution;
    if (this.state === 'finished' || this.state === 'cancelled') return Promise.resolve();
    this.execution = this.execute().finally(() => {
      this.execution = null;
      this.o.onStop?.(this);
    });
    return this.execution;
  }

  /** Stops taking new rows; requests in flight finish. Resolves when they have. */
  async pause(): Promise<void> {
    if (this.execution === null) return;
    this.requestStop({
      state: 'paused',
      message: 'Paused. Resume to go on: rows already sent are never sent again.',
      resumeAt: null,
    });
    await this.execution;
  }

  /** Ends the run: rows not sent yet are marked cancelled (requests in flight finish). */
  async cancel(): Promise<void> {
    if (this.state === 'finished' || this.state === 'cancelled') return;
    const reason: StopReason = { state: 'cancelled', message: '', resumeAt: null };
    if (this.execution !== null) {
      this.requestStop(reason);
      await this.execution;
      return;
    }
    await this.settle(reason);
    this.o.onStop?.(this);
  }

  /** Waits for the current execution, if any. */
  async settled(): Promise<void> {
    if (this.execution !== null) await this.execution;
  }

  status(): BulkRunStatus {
    const counts = this.counts();
    const limit = this.o.rate ?? this.o.limiter.budget(this.o.account.id).perSecond;
    const rate = this.currentRate();
    const running = this.state === 'running';
    const pace = rate > 0 ? rate : limit;
    return {
      runId: this.runId,
      state: this.state,
      dryRun: this.o.dryRun,
      account: this.o.account.name,
      fileName: this.o.fileName,
      createdAt: this.o.createdAt,
      finishedAt: this.finishedAt,
      counts,
      ratePerSecond: Math.round(rate * 10) / 10,
      limitPerSecond: limit,
      etaSeconds: running ? Math.ceil(counts.remaining / pace) : null,
      resumeAt: this.resumeAt,
      passwordsFile: this.o.passwordsFile,
      rows: this.rows.map(viewRow),
      message: running ? `Sending: ${counts.done} of ${counts.total} rows done.` : this.message,
    };
  }

  counts(): BulkRunCounts {
    const c: BulkRunCounts = {
      total: this.rows.length,
      done: 0,
      updated: 0,
      failed: 0,
      remaining: 0,
      unknown: 0,
      eligible: 0,
      ineligible: 0,
    };
    for (const row of this.rows) {
      if (FINAL.has(row.state)) c.done += 1;
      if (row.state === 'updated') c.updated += 1;
      else if (row.state === 'failed' || row.state === 'lookup_failed') c.failed += 1;
      else if (row.state === 'unknown') c.unknown += 1;
      else if (row.state === 'eligible') c.eligible += 1;
      else if (row.state === 'ineligible') c.ineligible += 1;
    }
    c.remaining = c.total - c.done;
    return c;
  }

  private currentRate(): number {
    const now = this.o.clock.now().getTime();
    while (this.sentAt.length > 0 && now - (this.sentAt[0] ?? now) > RATE_WINDOW_MS) this.sentAt.shift();
    if (this.sentAt.length === 0) return 0;
    const span = Math.min(RATE_WINDOW_MS, Math.max(1000, now - Math.max(this.executionStarted, now - RATE_WINDOW_MS)));
    return this.sentAt.length / (span / 1000);
  }

  private requestStop(reason: StopReason): void {
    // The first reason wins (a cancel after a pause request is still a cancel).
    if (this.stop === null || reason.state === 'cancelled') this.stop = reason;
    this.controller.abort();
  }

  private async execute(): Promise<void> {
    this.stop = null;
    this.controller = new AbortController();
    // Every row waiting for its turn listens to it: as many listeners as rows in flight, not a leak.
    setMaxListeners(0, this.controller.signal);
    this.resumeAt = null;
    this.executionStarted = this.o.clock.now().getTime();
    this.queue = this.rows.filter((r) => !FINAL.has(r.state));
    for (const row of this.queue) row.state = 'pending';
    this.state = 'running';
    this.track(this.journal.state({ state: 'running', at: this.now(), message: 'Running.' }));
    const workers = Math.max(1, Math.min(this.o.concurrency, this.queue.length));
    await Promise.all(Array.from({ length: workers }, () => this.worker()));
    await this.settle(this.stop);
  }

  private async settle(stop: StopReason | null): Promise<void> {
    const at = this.now();
    const remaining = this.rows.filter((r) => !FINAL.has(r.state));
    for (const row of remaining) row.state = 'pending';
    let state: BulkRunState;
    let message: string;
    let resumeAt: string | null = null;
    if (stop?.state === 'cancelled') {
      for (const row of remaining) row.state = 'cancelled';
      state = 'cancelled';
      message = `Cancelled: ${remaining.length} row${remaining.length === 1 ? ' was' : 's were'} not sent. ${this.summary()}`;
    } else if (stop !== null && remaining.length > 0) {
      state = stop.state;
      message = stop.message;
      resumeAt = stop.resumeAt;
    } else {
      state = 'finished';
      message = `Finished. ${this.summary()}`;
    }
    this.state = state;
    this.message = message;
    this.resumeAt = resumeAt;
    if (state === 'finished' || state === 'cancelled') this.finishedAt = at;
    try {
      await this.journal.settled();
      await this.journal.state({ state, at, message, resumeAt });
    } catch (error) {
      // The run stops all the same; a resume replays the journal as far as it was written.
      this.message = `${message} ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** A journal write that nothing waits for: a failure stops the run (rows must not go unrecorded). */
  private track(write: Promise<void>): void {
    write.catch((error: unknown) => {
      this.requestStop({
        state: 'paused',
        message: `Paused: ${error instanceof Error ? error.message : String(error)}`,
        resumeAt: null,
      });
    });
  }

  private summary(): string {
    const c = this.counts();
    if (this.o.dryRun) {
      return `Dry run, nothing was changed: ${c.eligible} eligible, ${c.ineligible} not eligible, ${c.failed} could not be looked up.`;
    }
    // What to do about failed rows, in the one line zpa prints at the end (the app has a button for it).
    const failed =
      c.failed > 0 ? `${c.failed} failed (each row says why; re-run the failed rows once that is fixed)` : '0 failed';
    const parts = [`${c.updated} updated`, failed];
    if (c.unknown > 0) parts.push(`${c.unknown} unknown (check these users before sending again)`);
    return `${parts.join(', ')}.`;
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.stop !== null) return;
      const row = this.queue.shift();
      if (row === undefined) return;
      try {
        if (this.o.dryRun) await this.lookupRow(row);
        else await this.sendRow(row);
      } catch (error) {
        // A bug, not an answer: stop the run rather than spin through every row.
        if (!FINAL.has(row.state)) row.state = 'pending';
        this.requestStop({
          state: 'paused',
          message: `The run stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}`,
          resumeAt: null,
        });
      }
    }
  }

  private async waitForGate(): Promise<boolean> {
    if (this.gate === null) return true;
    try {
      await this.gate.add(() => undefined, { signal: this.controller.signal });
      return true;
    } catch {
      return false;
    }
  }

  private async lookupRow(row: RunnerRow): Promise<void> {
    const lookup = this.o.lookup;
    if (lookup === null) throw new Error('user lookups are not available');
    row.state = 'sending';
    if (!(await this.waitForGate())) {
      row.state = 'pending';
      return;
    }
    this.sentAt.push(this.o.clock.now().getTime());
    row.attempts += 1;
    const found = await lookup({ user: row.user, account: this.o.account.id });
    if (found.status === 'found') {
      row.state = found.eligibility.eligible ? 'eligible' : 'ineligible';
      row.message = found.eligibility.eligible
        ? `Eligible: ${found.user.displayName || found.user.email}.`
        : (found.eligibility.reason ?? 'Not eligible.');
      row.zoomCode = found.eligibility.code;
      row.trackingId = found.trackingId;
    } else if (found.status === 'not_found') {
      row.state = 'ineligible';
      row.outcome = 'not_found';
      row.message = found.reason;
    } else {
      row.state = 'lookup_failed';
      row.message = found.action === undefined ? found.reason : `${found.reason} ${found.action}`;
    }
    this.track(
      this.journal.result({
        i: row.index,
        state: row.state,
        at: this.now(),
        ...(row.outcome === undefined ? {} : { outcome: row.outcome }),
        zoomCode: row.zoomCode ?? null,
        message: row.message,
        trackingId: row.trackingId ?? null,
      }),
    );
  }

  private passwordFor(row: RunnerRow): string {
    if (row.ownPassword !== null) return row.ownPassword;
    if (row.generated === null) {
      if (this.o.generate === null) throw new Error('this run has no password generator');
      row.generated = this.o.generate();
      row.written = false;
    }
    return row.generated;
  }

  private async sendRow(row: RunnerRow): Promise<void> {
    let rateLimited = 0;
    let unsent = 0;
    for (;;) {
      if (this.stop !== null) {
        row.state = 'pending';
        return;
      }
      const block = this.o.limiter.dailyBlock(this.o.account.id);
      if (block !== null) {
        row.state = 'pending';
        this.dailyLimit(block);
        return;
      }
      row.state = 'sending';
      if (!(await this.waitForGate())) {
        row.state = 'pending';
        return;
      }
      const password = this.passwordFor(row);
      let sent = false;
      let entry: HistoryEntry;
      try {
        entry = await this.o.change({
          user: row.user,
          password,
          account: this.o.account.id,
          runId: this.runId,
          ...(this.o.reason === null ? {} : { reason: this.o.reason }),
          skipLookup: true,
          priority: 0,
          signal: this.controller.signal,
          onSending: async (requestId) => {
            const at = this.now();
            // The password reaches the disk before Zoom can apply it, then the journal says it is out.
            if (row.generated !== null && !row.written && this.o.passwordsOut !== null) {
              await this.o.passwordsOut.write({ user: row.user, password, row: row.index, runId: this.runId, at });
              row.written = true;
            }
            await this.journal.sending(row.index, requestId, at);
            sent = true;
            row.attempts += 1;
            row.entryId = requestId;
            this.sentAt.push(this.o.clock.now().getTime());
          },
        });
      } catch (error) {
        this.changeFailed(row, error, sent);
        return;
      }
      this.record(row, entry);
      const applied = entry.outcome === 'updated';
      if (applied) return this.finish(row, 'updated', entry);
      if (entry.outcome === 'unknown') {
        return this.finish(
          row,
          'unknown',
          entry,
          `${entry.message} It is not sent again automatically: check this user (history entry ${entry.id}).`,
        );
      }
      if (entry.outcome === 'rate_limited') {
        const daily = this.o.limiter.dailyBlock(this.o.account.id);
        if (daily !== null) {
          this.journalRow(row, 'pending', entry);
          row.state = 'pending';
          this.dailyLimit(daily);
          return;
        }
        rateLimited += 1;
        if (rateLimited > MAX_RATE_LIMIT_RETRIES) {
          return this.finish(
            row,
            'failed',
            entry,
            `Zoom kept answering "rate limited" (${rateLimited} times); not sent again. Re-run the failed rows later.`,
          );
        }
        if (!(await this.retryAfter(row, entry, rateLimited, (entry.retryAfterSeconds ?? 0) * 1000))) return;
        continue;
      }
      if (!sent || (entry.outcome === 'failed' && entry.httpStatus === null)) {
        // Nothing reached Zoom (no token from the token endpoint, connection refused, DNS...).
        if (entry.outcome === 'unauthorized') {
          this.journalRow(row, 'pending', entry);
          row.state = 'pending';
          this.requestStop({ state: 'paused', message: `Paused: ${entry.message}`, resumeAt: null });
          return;
        }
        unsent += 1;
        if (unsent > MAX_UNSENT_RETRIES) return this.finish(row, 'failed', entry);
        if (!(await this.retryAfter(row, entry, unsent, 0))) return;
        continue;
      }
      if (entry.outcome === 'unauthorized') {
        // Zoom refused the token: every later row would be refused the same way. The row was not changed.
        this.journalRow(row, 'pending', entry);
        row.state = 'pending';
        this.requestStop({
          state: 'paused',
          message: `Paused: Zoom refused the account's token. ${entry.message} Fix it under Accounts, then resume.`,
          resumeAt: null,
        });
        return;
      }
      return this.finish(row, 'failed', entry);
    }
  }

  /** Journals a retry and waits; false when the run stops meanwhile (the row goes back to pending). */
  private async retryAfter(row: RunnerRow, entry: HistoryEntry, retry: number, atLeastMs: number): Promise<boolean> {
    row.state = 'waiting';
    this.journalRow(row, 'waiting', entry);
    const waited = await sleep(backoffMs(retry, this.random, atLeastMs), this.controller.signal);
    if (!waited) row.state = 'pending';
    return waited;
  }

  private changeFailed(row: RunnerRow, error: unknown, sent: boolean): void {
    const reason = isAppError(error) ? error : null;
    if (error instanceof WithdrawnError) {
      // Taken back from the limiter by a pause or cancel: journalled as out, but never sent.
      row.state = 'pending';
      if (sent) {
        row.attempts = Math.max(0, row.attempts - 1);
        this.track(
          this.journal.result({
            i: row.index,
            state: 'pending',
            at: this.now(),
            requestId: row.entryId ?? null,
            message: 'Withdrawn before it was sent.',
          }),
        );
      }
      return;
    }
    if (!sent) {
      row.state = 'pending';
      this.requestStop({
        state: 'paused',
        message: `Paused, nothing was sent for ${row.user}: ${reason?.message ?? String(error)}${reason?.action ? ` ${reason.action}` : ''}`,
        resumeAt: null,
      });
      return;
    }
    // The request left but its answer could not be recorded (history unwritable): it may have applied.
    const message = reason?.message ?? (error instanceof Error ? error.message : String(error));
    row.state = 'unknown';
    row.outcome = 'unknown';
    row.message = `${message} Not sent again: check this user.`;
    // If this fails too, the journal's 'sending' line still marks the row as in flight (unknown on resume).
    this.journal
      .result({
        i: row.index,
        state: 'unknown',
        at: this.now(),
        requestId: row.entryId ?? null,
        outcome: 'unknown',
        message: row.message,
      })
      .catch(() => undefined);
    this.requestStop({
      state: 'paused',
      message: `Paused: ${message}${reason?.action ? ` ${reason.action}` : ''}`,
      resumeAt: null,
    });
  }

  private dailyLimit(block: DailyBlock): void {
    const until = block.until.toISOString();
    const why =
      block.source === 'zoom'
        ? "Zoom's daily limit for this account is reached"
        : "This account's daily request limit (set under the rate limit) is used up";
    this.requestStop({
      state: 'daily_limit',
      message: `${why}; it resets at ${until}. The run is paused: resume it after that time.`,
      resumeAt: until,
    });
  }

  private record(row: RunnerRow, entry: HistoryEntry): void {
    row.outcome = entry.outcome;
    row.httpStatus = entry.httpStatus;
    row.zoomCode = entry.zoomCode;
    row.message = entry.message;
    row.trackingId = entry.trackingId;
    row.entryId = entry.id;
  }

  private finish(row: RunnerRow, state: BulkRowState, entry: HistoryEntry, message?: string): void {
    if (message !== undefined) row.message = message;
    row.state = state;
    this.journalRow(row, state, entry);
  }

  private journalRow(row: RunnerRow, state: BulkRowState, entry: HistoryEntry): void {
    this.track(
      this.journal.result({
        i: row.index,
        state,
        at: this.now(),
        requestId: entry.id,
        outcome: entry.outcome,
        httpStatus: entry.httpStatus,
        zoomCode: entry.zoomCode,
        message: row.message ?? entry.message,
        trackingId: entry.trackingId,
      }),
    );
  }

  private get journal(): BulkJournal {
    if (this.o.journal === null) throw new Error('this run is only shown here, not run');
    return this.o.journal;
  }

  private now(): string {
    return this.o.clock.now().toISOString();
  }
}

/** A row as the renderer and zpa see it (never the password). */
export function viewRow(row: RunnerRow): BulkRunRow {
  return {
    index: row.index,
    user: row.user,
    state: row.state,
    attempts: row.attempts,
    ...(row.outcome === undefined ? {} : { outcome: row.outcome }),
    ...(row.httpStatus === undefined ? {} : { httpStatus: row.httpStatus }),
    ...(row.zoomCode === undefined ? {} : { zoomCode: row.zoomCode }),
    ...(row.message === undefined ? {} : { message: row.message }),
    ...(row.trackingId === undefined ? {} : { trackingId: row.trackingId }),
    ...(row.entryId === undefined ? {} : { entryId: row.entryId }),
  };
}

/** A run that is not running in this process (read from its journal), for status and lists. */
export function isFinalRowState(state: BulkRowState): boolean {
  return FINAL.has(state);
}
