import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { AccountPolicy } from '../../../shared/domain/policy';
import {
  MAX_BULK_CONCURRENCY,
  type BulkPreview,
  type BulkRunState,
  type BulkRunStatus,
  type BulkRunSummary,
  type PlanName,
  type RateLimitSetting,
} from '../../../shared/ipc/bulk-schemas';
import { BASIC_POLICY, type PasswordPolicy } from '../../../shared/password/rules';
import { CLOUD_LABELS, type Account } from '../accounts/account-types';
import type { HistoryStore } from '../history/history-store';
import { systemClock, type Clock } from '../ports';
import {
  BulkJournal,
  liveOwner,
  releaseOwnership,
  takeOwnership,
  type JournalRow,
  type JournalSnapshot,
  type RunHeader,
} from './bulk-journal';
import { writeResultsCsv } from './bulk-results';
import {
  BulkRunner,
  isFinalRowState,
  type ChangeFn,
  type LookupFn,
  type RunnerOptions,
  type RunnerRow,
} from './bulk-runner';
import { decodeCsv, parseBulkCsv, type ColumnChoice, type ImportRow, type ParsedImport } from './csv-import';
import { generateSafePassword, PasswordsOutFile } from './passwords-out';
import type { RateLimitSettings } from './rate-limit-settings';
import type { AccountRateLimiter } from './rate-limiter';

export interface BulkServiceOptions {
  dataDir: string;
  accounts: { resolve(ref?: string): Promise<Account>; urlsFor(account: Account): { apiBase: string } };
  /** PasswordService.change: every request of a run goes through the same pipeline as single changes. */
  change: ChangeFn;
  /** UsersService.lookup, for dry runs; null when not available. */
  lookup: LookupFn | null;
  /** PolicyService.get; null: Zoom's basic rules. */
  policy: ((r: { account: string }) => Promise<AccountPolicy>) | null;
  limiter: AccountRateLimiter;
  rateLimits: RateLimitSettings;
  history: Pick<HistoryStore, 'append' | 'list'>;
  source: HistoryEntry['source'];
  clock?: Clock;
}

export interface StartOptions extends ColumnChoice {
  /** A preview's import, or a file to import now. */
  importId?: string;
  file?: string;
  generate: boolean;
  /** Absolute path of the file generated passwords go to (only when asked). */
  passwordsOut?: string;
  rate?: number;
  concurrency?: number;
  dryRun?: boolean;
  reason?: string;
  account?: string;
}

interface Import {
  id: string;
  file: string;
  sha256: string;
  account: Account;
  policy: AccountPolicy;
  parsed: ParsedImport;
}

interface LiveRun {
  runner: BulkRunner;
  journal: BulkJournal;
  passwordsOut: PasswordsOutFile | null;
}

/** Imports kept for a run to start from (the newest ones; they hold passwords, in memory only). */
const MAX_IMPORTS = 5;
/** A policy read this recently was just fetched from Zoom (not from the cache). */
const FRESH_READ_MS = 5000;
/** Runs listed (the newest ones). */
const MAX_LISTED = 50;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A run id that sorts by creation time and can name a folder: run-20260301-142233-k3x9qa. */
export function newRunId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `run-${stamp}-${suffix}`;
}

/** Enough requests in flight to reach `perSecond` when each takes up to half a second. */
export function defaultConcurrency(perSecond: number): number {
  return Math.min(MAX_BULK_CONCURRENCY, Math.max(4, Math.ceil(perSecond / 2)));
}

/**
 * Bulk password changes (issue 6): CSV import and preview, runs through the shared request pipeline,
 * journalled in <data>/runs/<run id>/ so a crash or a forced quit can be resumed without sending a
 * completed row again, re-runs of failed rows, and the results as CSV.
 */
export class BulkService {
  private readonly o: BulkServiceOptions;
  private readonly clock: Clock;
  private readonly imports = new Map<string, Import>();
  private readonly runs = new Map<string, LiveRun>();

  constructor(o: BulkServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
  }

  /** Reads and checks a CSV file; nothing is sent. The preview names the import for start(). */
  async preview(file: string, o: ColumnChoice & { account?: string } = {}): Promise<BulkPreview> {
    const imported = await this.importFile(file, o);
    return this.show(imported);
  }

  /** Picks other columns for an import (the preview is recomputed). */
  setColumns(importId: string, choice: { userColumn: number; passwordColumn: number | null }): BulkPreview {
    const imported = this.importOf(importId);
    const text = this.readText(imported.file, imported.sha256);
    imported.parsed = parseBulkCsv(text, {
      fileName: path.basename(imported.file),
      policy: imported.policy.policy,
      userColumn: choice.userColumn,
      passwordColumn: choice.passwordColumn,
    });
    return this.show(imported);
  }

  /** Starts a run in the background and returns its id once its journal exists. */
  async start(o: StartOptions): Promise<string> {
    let imported: Import;
    if (o.importId !== undefined) {
      imported = this.importOf(o.importId);
      if (o.account !== undefined) {
        const account = await this.o.accounts.resolve(o.account);
        if (account.id !== imported.account.id)
          imported = await this.importFile(imported.file, { ...columnsOf(imported), account: account.id });
      }
    } else if (o.file !== undefined) {
      imported = await this.importFile(o.file, { ...o });
    } else {
      throw new AppError('invalid_input', 'Choose a CSV file first.', { field: 'file' });
    }
    const { parsed } = imported;
    if (parsed.preview.userColumn === null) {
      throw new AppError('invalid_input', 'No user column is chosen.', {
        action: 'Pick the column that holds the users (e-mail or Zoom ID).',
        field: 'userColumn',
      });
    }
    const rows = parsed.rows.filter((r) => r.problems.length === 0);
    if (rows.length === 0) {
      throw new AppError('invalid_input', 'No row can be sent: every row has a problem.', {
        action: 'Fix the file (see the problems in the preview) and import it again.',
        field: 'file',
      });
    }
    const dryRun = o.dryRun ?? false;
    const withoutPassword = rows.filter((r) => r.password === null).length;
    if (!dryRun && withoutPassword > 0 && !o.generate) {
      throw new AppError(
        'invalid_input',
        `${withoutPassword} row${withoutPassword === 1 ? ' has' : 's have'} no password.`,
        {
          action: 'Turn on "Generate passwords" (zpa: --generate), or add a password column.',
          field: 'generate',
        },
      );
    }
    if (o.passwordsOut !== undefined && !o.generate) {
      throw new AppError('invalid_input', 'A passwords file is only written for generated passwords.', {
        action: 'Turn on "Generate passwords" (zpa: --generate), or leave the passwords file out.',
        field: 'passwordsOut',
      });
    }
    if (dryRun && this.o.lookup === null) {
      throw new AppError('not_allowed', 'A dry run needs user lookups, which are not available here.');
    }
    const header = this.newHeader(imported, rows, o, dryRun);
    const passwordsOut = !dryRun && o.passwordsOut !== undefined ? PasswordsOutFile.open(o.passwordsOut) : null;
    const journal = BulkJournal.create(this.o.dataDir, { ...header, passwordsOut: passwordsOut?.file ?? null });
    takeOwnership(journal.dir, header.runId);
    const runnerRows: RunnerRow[] = rows.map((r) => newRow(r.index, r.user, r.password));
    this.launch(header, journal, passwordsOut, runnerRows, imported.policy.policy, {
      state: 'running',
      message: 'Starting.',
    });
    return header.runId;
  }

  /** A run's status: live, or read from its journal. */
  status(runId: string): BulkRunStatus {
    const live = this.runs.get(runId);
    if (live !== undefined) return live.runner.status();
    return this.fromJournal(BulkJournal.read(this.o.dataDir, runId)).status();
  }

  /** Resolves when the run's current execution stops, with its status then. */
  async wait(runId: string): Promise<BulkRunStatus> {
    const live = this.runs.get(runId);
    if (live !== undefined) await live.runner.settled();
    return this.status(runId);
  }

  async pause(runId: string): Promise<BulkRunStatus> {
    const live = this.liveRun(runId);
    await live.runner.pause();
    return live.runner.status();
  }

  async cancel(runId: string): Promise<BulkRunStatus> {
    const live = this.runs.get(runId);
    if (live !== undefined) {
      await live.runner.cancel();
      return live.runner.status();
    }
    // An interrupted run: end it without sending anything (after settling rows left in flight).
    const loaded = await this.load(runId, {});
    await loaded.runner.cancel();
    return loaded.runner.status();
  }

  /**
   * Resumes a paused run, or one interrupted by a crash or a forced quit (`file`: where the imported
   * file is now, when it moved). Rows journalled as sent but without an answer are marked unknown (and
   * recorded in history if the crash came before their entry was written): they are never sent again.
   */
  async resume(runId: string, o: { file?: string } = {}): Promise<BulkRunStatus> {
    const live = this.runs.get(runId);
    const state = live?.runner.currentState;
    if (live !== undefined && state !== 'finished' && state !== 'cancelled') {
      void live.runner.run();
      return live.runner.status();
    }
    const loaded = live ?? (await this.load(runId, o));
    const now = loaded.runner.currentState;
    if (now === 'finished' || now === 'cancelled') {
      throw new AppError('not_allowed', `Run ${runId} is ${now}: there is nothing left to send.`, {
        action: 'Re-run its failed rows instead (zpa: --rerun-failed).',
      });
    }
    void loaded.runner.run();
    return loaded.runner.status();
  }

  /** Runs that stopped before their end (a crash, a forced quit, a paused run left behind) and can be resumed. */
  interrupted(): BulkRunSummary[] {
    return this.list().filter((r) => r.resumable);
  }

  /** The newest runs, live ones and those in the data folder. */
  list(): BulkRunSummary[] {
    const out: BulkRunSummary[] = [];
    for (const runId of BulkJournal.list(this.o.dataDir).slice(0, MAX_LISTED)) {
      try {
        out.push(this.summary(runId));
      } catch {
        // A damaged or half-created journal: status() on it explains; the list skips it.
      }
    }
    return out;
  }

  /** Starts a new run with the failed rows of `runId` (same file, options and passwords file). */
  async rerunFailed(runId: string, o: { file?: string } = {}): Promise<string> {
    const snapshot = BulkJournal.read(this.o.dataDir, runId);
    const live = this.runs.get(runId);
    if (live?.runner.active === true) {
      throw new AppError('not_allowed', `Run ${runId} is still going on.`, {
        action: 'Wait for it to end, or cancel it.',
      });
    }
    const states = new Map(
      live?.runner.rows.map((r) => [r.index, r.state]) ?? snapshot.rows.map((r) => [r.i, r.state]),
    );
    const failed = snapshot.rows.filter((r) => states.get(r.i) === 'failed' || states.get(r.i) === 'lookup_failed');
    if (failed.length === 0) throw new AppError('not_allowed', `Run ${runId} has no failed rows.`);
    const account = await this.o.accounts.resolve(snapshot.header.account.id);
    const passwords = this.ownPasswords(snapshot.header, failed, o.file);
    const policy = await this.policyFor(account);
    const header: RunHeader = {
      ...snapshot.header,
      runId: newRunId(this.clock.now()),
      createdAt: this.clock.now().toISOString(),
      account: { id: account.id, name: account.name },
      rerunOf: runId,
      rows: failed.map((r) => ({ i: r.i, user: r.user, own: r.own })),
    };
    const passwordsOut = header.passwordsOut === null ? null : PasswordsOutFile.open(header.passwordsOut);
    const journal = BulkJournal.create(this.o.dataDir, header);
    takeOwnership(journal.dir, header.runId);
    const rows = failed.map((r) => newRow(r.i, r.user, passwords.get(r.i) ?? null));
    this.launch(header, journal, passwordsOut, rows, policy.policy, { state: 'running', message: 'Starting.' });
    return header.runId;
  }

  /** Writes the run's results as CSV to `file`. */
  exportResults(runId: string, file: string): { rows: number; file: string } {
    return writeResultsCsv(this.status(runId).rows, file);
  }

  /** An account's request budget (the active account when absent). */
  async rateLimit(account?: string): Promise<RateLimitSetting> {
    return this.o.rateLimits.get(await this.o.accounts.resolve(account));
  }

  /** Edits an account's request budget; later requests (single changes and runs) use it at once. */
  async setRateLimit(r: {
    account?: string;
    plan?: PlanName | null;
    perSecond: number | null;
    perDay?: number | null;
  }): Promise<RateLimitSetting> {
    const account = await this.o.accounts.resolve(r.account);
    const { account: _ref, ...change } = r;
    const setting = this.o.rateLimits.set(account, change);
    this.o.limiter.budgetChanged(account.id);
    return setting;
  }

  /** Whether a run is sending requests in this process now. */
  get running(): boolean {
    return [...this.runs.values()].some((r) => r.runner.active);
  }

  /** Pauses every live run and waits for requests in flight (the app is closing). */
  async shutdown(): Promise<void> {
    await Promise.all([...this.runs.values()].map((r) => r.runner.pause()));
  }

  private liveRun(runId: string): LiveRun {
    const live = this.runs.get(runId);
    if (live === undefined) {
      BulkJournal.read(this.o.dataDir, runId);
      throw new AppError('not_allowed', `Run ${runId} is not going on in this window.`, {
        action: 'Resume it first.',
      });
    }
    return live;
  }

  private summary(runId: string): BulkRunSummary {
    const live = this.runs.get(runId);
    const snapshot = live === undefined ? BulkJournal.read(this.o.dataDir, runId) : null;
    const runner = live?.runner ?? this.fromJournal(snapshot as JournalSnapshot);
    const status = runner.status();
    return {
      runId,
      state: status.state,
      dryRun: status.dryRun,
      account: status.account,
      fileName: status.fileName,
      createdAt: status.createdAt,
      updatedAt: snapshot?.updatedAt ?? this.clock.now().toISOString(),
      counts: status.counts,
      resumable: status.state === 'interrupted',
    };
  }

  private async importFile(file: string, o: ColumnChoice & { account?: string }): Promise<Import> {
    if (!path.isAbsolute(file)) {
      throw new AppError('invalid_input', 'The CSV file needs a full path.', { field: 'file' });
    }
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new AppError('invalid_input', `The file ${file} could not be read.`, {
        action: 'Check the path and that you may read the file.',
        field: 'file',
        cause: error,
      });
    }
    const text = decodeCsv(bytes);
    const account = await this.o.accounts.resolve(o.account);
    const policy = await this.policyFor(account);
    // A policy just read from Zoom was a request in the same category as password changes.
    if (policy.asOf !== null && this.clock.now().getTime() - Date.parse(policy.asOf) < FRESH_READ_MS) {
      this.o.limiter.noteExternal(account.id);
    }
    const parsed = parseBulkCsv(text, {
      fileName: path.basename(file),
      policy: policy.policy,
      ...(o.userColumn === undefined ? {} : { userColumn: o.userColumn }),
      ...(o.passwordColumn === undefined ? {} : { passwordColumn: o.passwordColumn }),
    });
    const imported: Import = {
      id: `import-${randomBytes(8).toString('hex')}`,
      file,
      sha256: sha256(bytes),
      account,
      policy,
      parsed,
    };
    this.imports.set(imported.id, imported);
    while (this.imports.size > MAX_IMPORTS) {
      const oldest = this.imports.keys().next().value;
      if (oldest === undefined) break;
      this.imports.delete(oldest);
    }
    return imported;
  }

  private show(imported: Import): BulkPreview {
    return {
      importId: imported.id,
      ...imported.parsed.preview,
      policy: { source: imported.policy.source, reason: imported.policy.reason },
    };
  }

  private importOf(importId: string): Import {
    const imported = this.imports.get(importId);
    if (imported === undefined) {
      throw new AppError('invalid_input', 'That import is no longer open.', {
        action: 'Open the CSV file again.',
        field: 'importId',
      });
    }
    return imported;
  }

  private readText(file: string, expectedSha: string): string {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      throw new AppError('invalid_input', `The file ${file} can no longer be read.`, {
        action: 'Put it back where it was, or give its new place.',
        field: 'file',
        cause: error,
      });
    }
    if (sha256(bytes) !== expectedSha) {
      throw new AppError('invalid_input', `The file ${file} has changed since it was imported.`, {
        action: 'Import it again and check the preview (a resumed run needs the file as it was).',
        field: 'file',
      });
    }
    return decodeCsv(bytes);
  }

  private async policyFor(account: Account): Promise<AccountPolicy> {
    if (this.o.policy === null) {
      return {
        account: account.name,
        policy: { ...BASIC_POLICY, weakDetection: false },
        source: 'basic',
        reason: null,
        asOf: null,
      };
    }
    return this.o.policy({ account: account.id });
  }

  private newHeader(imported: Import, rows: ImportRow[], o: StartOptions, dryRun: boolean): RunHeader {
    const budget = this.o.limiter.budget(imported.account.id);
    // Lookups (dry runs) do not go through the password pipeline: the run's own gate paces them.
    const own = o.rate !== undefined && o.rate < budget.perSecond ? o.rate : null;
    const rate = dryRun ? (own ?? budget.perSecond) : own;
    const now = this.clock.now();
    return {
      t: 'run',
      v: 1,
      runId: newRunId(now),
      createdAt: now.toISOString(),
      account: { id: imported.account.id, name: imported.account.name },
      file: { path: imported.file, name: path.basename(imported.file), sha256: imported.sha256 },
      columns: { user: imported.parsed.preview.userColumn ?? 0, password: imported.parsed.preview.passwordColumn },
      generate: o.generate,
      dryRun,
      reason: o.reason?.trim() ? o.reason.trim() : null,
      rate,
      concurrency: o.concurrency ?? defaultConcurrency(rate ?? budget.perSecond),
      passwordsOut: null,
      rerunOf: null,
      rows: rows.map((r) => ({ i: r.index, user: r.user, own: r.password !== null })),
    };
  }

  private launch(
    header: RunHeader,
    journal: BulkJournal,
    passwordsOut: PasswordsOutFile | null,
    rows: RunnerRow[],
    policy: Readonly<PasswordPolicy>,
    initial: { state: BulkRunState; message: string },
  ): LiveRun {
    const runner = this.runnerFor(header, rows, { journal, passwordsOut, policy }, initial);
    const live: LiveRun = { runner, journal, passwordsOut };
    this.runs.set(header.runId, live);
    void runner.run();
    return live;
  }

  private runnerFor(
    header: RunHeader,
    rows: RunnerRow[],
    io: { journal: BulkJournal; passwordsOut: PasswordsOutFile | null; policy: Readonly<PasswordPolicy> },
    initial: { state: BulkRunState; message: string; finishedAt?: string | null },
  ): BulkRunner {
    return new BulkRunner(
      {
        ...runnerFieldsOf(header),
        rows,
        journal: io.journal,
        change: this.o.change,
        lookup: this.o.lookup,
        limiter: this.o.limiter,
        passwordsOut: io.passwordsOut,
        generate: header.generate ? () => generateSafePassword(io.policy) : null,
        clock: this.clock,
        onStop: (runner) => {
          const state = runner.currentState;
          if (state === 'finished' || state === 'cancelled') {
            releaseOwnership(io.journal.dir);
            void io.passwordsOut?.close();
            void io.journal.close();
          }
        },
      },
      initial,
    );
  }

  /** A read-only runner for a run that is not live here (status, list). Its journal is never written. */
  private fromJournal(snapshot: JournalSnapshot): BulkRunner {
    const { header } = snapshot;
    const dir = BulkJournal.dirOf(this.o.dataDir, header.runId);
    const last = snapshot.state?.state ?? 'running';
    const ended = last === 'finished' || last === 'cancelled';
    const state: BulkRunState = ended ? last : liveOwner(dir) !== null ? last : 'interrupted';
    const message = ended
      ? (snapshot.state?.message ?? '')
      : state === 'interrupted'
        ? 'This run stopped before its end (the app or zpa was closed or crashed). Resume it: rows already sent are never sent again.'
        : (snapshot.state?.message ?? 'Running in another window or zpa.');
    const rows = snapshot.rows.map((r) => rowFromJournal(r, last === 'cancelled'));
    return new BulkRunner(
      {
        ...runnerFieldsOf(header),
        rows,
        journal: null,
        change: this.o.change,
        lookup: null,
        limiter: this.o.limiter,
        passwordsOut: null,
        generate: null,
        clock: this.clock,
      },
      { state, message, finishedAt: ended ? (snapshot.state?.at ?? null) : null },
    );
  }

  /** Takes an interrupted run over: settles rows left in flight, reloads passwords, and makes it live. */
  private async load(runId: string, o: { file?: string }): Promise<LiveRun> {
    const snapshot = BulkJournal.read(this.o.dataDir, runId);
    const { header } = snapshot;
    const last = snapshot.state?.state ?? 'running';
    if (last === 'finished' || last === 'cancelled') {
      throw new AppError('not_allowed', `Run ${runId} is ${last}: there is nothing left to send.`, {
        action: 'Re-run its failed rows instead (zpa: --rerun-failed).',
      });
    }
    const journal = BulkJournal.openExisting(this.o.dataDir, runId);
    try {
      takeOwnership(journal.dir, runId);
      const account = await this.o.accounts.resolve(header.account.id);
      for (const row of snapshot.rows) {
        if (row.inFlight !== null) await this.settleInFlight(header, account, row, journal);
        if (row.state === 'waiting' || row.state === 'sending') row.state = 'pending';
      }
      const pending = snapshot.rows.filter((r) => !isFinalRowState(r.state));
      const passwords = this.ownPasswords(header, pending, o.file);
      const policy = await this.policyFor(account);
      const passwordsOut =
        header.passwordsOut === null || pending.length === 0 ? null : PasswordsOutFile.open(header.passwordsOut);
      const rows = snapshot.rows.map((r) => ({ ...rowFromJournal(r, false), ownPassword: passwords.get(r.i) ?? null }));
      const runner = this.runnerFor(
        header,
        rows,
        { journal, passwordsOut, policy: policy.policy },
        {
          state: last === 'running' ? 'interrupted' : last,
          message: snapshot.state?.message ?? '',
        },
      );
      const live: LiveRun = { runner, journal, passwordsOut };
      this.runs.set(runId, live);
      return live;
    } catch (error) {
      await journal.close();
      releaseOwnership(BulkJournal.dirOf(this.o.dataDir, runId));
      throw error;
    }
  }

  /**
   * A row journalled as sent with no answer after it: the process stopped while its request was out.
   * Its history entry (written before the journal's result) says what Zoom answered, if it got that far;
   * otherwise the request is recorded as unknown. Either way it is never sent again automatically.
   */
  private async settleInFlight(
    header: RunHeader,
    account: Account,
    row: JournalRow,
    journal: BulkJournal,
  ): Promise<void> {
    const flight = row.inFlight;
    if (flight === null) return;
    const recorded = this.o.history
      .list({ user: row.user, order: 'newest', limit: 1000 })
      .entries.find((e) => e.id === flight.requestId);
    let entry: HistoryEntry;
    if (recorded !== undefined) {
      entry = recorded;
    } else {
      entry = this.o.history.append({
        id: flight.requestId,
        at: flight.at,
        user: row.user,
        outcome: 'unknown',
        httpStatus: null,
        zoomCode: null,
        message:
          'The app or zpa stopped (a crash or a forced quit) after this request was sent and before Zoom answered: it may have been applied. It is not sent again automatically: check this user.',
        zoomMessage: null,
        trackingId: null,
        durationMs: 0,
        apiBase: this.o.accounts.urlsFor(account).apiBase,
        source: this.o.source,
        account: account.name,
        cloud: CLOUD_LABELS[account.cloud],
        runId: header.runId,
        ...(header.reason === null ? {} : { reason: header.reason }),
      });
    }
    const state =
      entry.outcome === 'updated'
        ? 'updated'
        : entry.outcome === 'unknown'
          ? 'unknown'
          : entry.outcome === 'rate_limited' ||
              entry.outcome === 'unauthorized' ||
              (entry.outcome === 'failed' && entry.httpStatus === null)
            ? 'pending'
            : 'failed';
    row.state = state;
    row.inFlight = null;
    const answer = {
      requestId: entry.id,
      outcome: entry.outcome,
      httpStatus: entry.httpStatus,
      zoomCode: entry.zoomCode,
      message: entry.message,
      trackingId: entry.trackingId,
    };
    await journal.result({ i: row.i, state, at: this.clock.now().toISOString(), ...answer });
    row.result = { t: 'result', i: row.i, state, at: entry.at, ...answer };
  }

  /** The file's passwords for rows that have their own, re-read from the file (checked unchanged). */
  private ownPasswords(header: RunHeader, rows: readonly JournalRow[], file: string | undefined): Map<number, string> {
    const out = new Map<number, string>();
    if (!rows.some((r) => r.own)) return out;
    const text = this.readText(file ?? header.file.path, header.file.sha256);
    const parsed = parseBulkCsv(text, {
      fileName: header.file.name,
      policy: BASIC_POLICY,
      userColumn: header.columns.user,
      passwordColumn: header.columns.password,
    });
    const byIndex = new Map(parsed.rows.map((r) => [r.index, r]));
    for (const row of rows) {
      if (!row.own) continue;
      const found = byIndex.get(row.i);
      if (found === undefined || found.user !== row.user || found.password === null) {
        throw new AppError('invalid_input', `Row ${row.i} of ${header.file.name} is not what the run journalled.`, {
          action: 'Import the file again and start a new run.',
          field: 'file',
        });
      }
      out.set(row.i, found.password);
    }
    return out;
  }
}

/** What a runner takes from the run's journal header, whether it runs the rows or only shows them. */
function runnerFieldsOf(
  header: RunHeader,
): Pick<
  RunnerOptions,
  'runId' | 'account' | 'fileName' | 'createdAt' | 'dryRun' | 'reason' | 'concurrency' | 'rate' | 'passwordsFile'
> {
  return {
    runId: header.runId,
    account: header.account,
    fileName: header.file.name,
    createdAt: header.createdAt,
    dryRun: header.dryRun,
    reason: header.reason,
    concurrency: header.concurrency,
    rate: header.rate,
    passwordsFile: header.passwordsOut,
  };
}

function columnsOf(imported: Import): ColumnChoice {
  return { userColumn: imported.parsed.preview.userColumn, passwordColumn: imported.parsed.preview.passwordColumn };
}

function newRow(index: number, user: string, ownPassword: string | null): RunnerRow {
  return { index, user, ownPassword, generated: null, written: false, state: 'pending', attempts: 0 };
}

function rowFromJournal(r: JournalRow, cancelled: boolean): RunnerRow {
  const result = r.result;
  const state = r.inFlight !== null ? 'sending' : cancelled && !isFinalRowState(r.state) ? 'cancelled' : r.state;
  return {
    index: r.i,
    user: r.user,
    ownPassword: null,
    generated: null,
    written: false,
    state,
    attempts: r.attempts,
    ...(result?.outcome === undefined ? {} : { outcome: result.outcome }),
    ...(result?.httpStatus === undefined ? {} : { httpStatus: result.httpStatus }),
    ...(result?.zoomCode === undefined ? {} : { zoomCode: result.zoomCode }),
    ...(result?.message === undefined ? {} : { message: result.message }),
    ...(result?.trackingId === undefined ? {} : { trackingId: result.trackingId }),
    ...(result?.requestId === undefined || result.requestId === null ? {} : { entryId: result.requestId }),
  };
}
