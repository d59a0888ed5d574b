import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../../../shared/domain/errors';
import {
  historyEntrySchema,
  historyMarkerSchema,
  historyQuerySchema,
  MAX_RETENTION_DAYS,
  type HistoryEntry,
  type HistoryEntryInput,
  type HistoryFilter,
  type HistoryPage,
  type HistoryQuery,
  type HistoryRetentionResult,
  type HistorySummary,
  type HistoryVerifyResult,
} from '../../../shared/domain/history';
import type { Notice } from '../../../shared/ipc/contract';
import { systemClock, type Clock } from '../ports';
import { errorCode } from '../settings/backup-file';
import { appendRecords, appendRecordsDeferred } from './history-append';
import { csvStages, jsonStages, writeExport, type ExportStages, type HistoryExportResult } from './history-export';
import { historyStorageError } from './history-files';
import type { RowRef } from './history-index';
import { pickEntry } from './history-lines';
import { readEntriesAt } from './history-pages';
import { HistoryReader } from './history-reader';
import { repairHistory } from './history-repair';
import { retainHistory } from './history-retention';
import { verifyHistory } from './history-verify';

export type { HistoryExportResult } from './history-export';

export const HISTORY_DIR = 'history';
export const HISTORY_FILE = 'history.jsonl';
/** The index file: a cache of the in-memory index, rebuilt from history.jsonl whenever it does not match. */
export const HISTORY_INDEX_FILE = 'history.index';
export const DEFAULT_HISTORY_LIMIT = 100;
/** The index file is (re)written once this many entries were read from history.jsonl beyond it. */
export const INDEX_AFTER_ENTRIES = 2000;

export interface HistoryStoreOptions {
  dataDir: string;
  clock?: Clock;
  /** See INDEX_AFTER_ENTRIES (tests lower it). */
  indexAfterEntries?: number;
}

/**
 * The request history: a hash-chained, append-only JSON Lines file at `<dataDir>/history/history.jsonl`.
 * Appends (from the app and zpa alike) take a lock file, read the chain head from the end of the file,
 * write one line and flush it: a few milliseconds however long the history is. Reading keeps a compact
 * index in memory (saved as `history.index` so the next start does not parse the whole file) and reads
 * only what was appended since; listed entries are read back from history.jsonl. Unreadable lines are
 * never dropped silently (see repairHistory); verify() checks the chain.
 */
export class HistoryStore {
  readonly file: string;
  private readonly found: Notice[] = [];
  private readonly clock: Clock;
  private readonly reader: HistoryReader;
  private repairing = false;

  private constructor(file: string, clock: Clock, indexAfter: number) {
    this.file = file;
    this.clock = clock;
    this.reader = new HistoryReader(file, {
      indexFile: path.join(path.dirname(file), HISTORY_INDEX_FILE),
      indexAfter,
    });
  }

  /** The history of `dataDir`, creating its folder if needed; the file itself is read on first use. */
  static open(o: HistoryStoreOptions): HistoryStore {
    const dir = path.join(o.dataDir, HISTORY_DIR);
    const store = new HistoryStore(
      path.join(dir, HISTORY_FILE),
      o.clock ?? systemClock,
      o.indexAfterEntries ?? INDEX_AFTER_ENTRIES,
    );
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw historyStorageError('create the folder of', store.file, error);
    }
    // Read on first use, so a process that only appends (zpa) never reads the file.
    return store;
  }

  /**
   * Problems found while reading (a damaged file, an unreadable one), for the user to see.
   * Reading them brings the index up to date first, so damage is reported at start-up.
   */
  get notices(): Notice[] {
    try {
      this.withFile(() => undefined);
    } catch (error) {
      const id = `history-unreadable:${this.file}`;
      if (!this.found.some((n) => n.id === id)) {
        const problem = historyStorageError('read', this.file, error);
        this.found.push({
          id,
          level: 'error',
          message: problem.message,
          ...(problem.action ? { action: problem.action } : {}),
        });
      }
    }
    return [...this.found];
  }

  /** Lines skipped because a write was cut short (a crash mid-append); not damage. */
  get skippedLines(): number {
    return this.reader.torn + (this.reader.tornTail ? 1 : 0);
  }

  /**
   * Records one entry durably and returns it as stored (with seq, prevHash and hash). Unknown keys are
   * stripped and given integrity fields replaced; an invalid entry is refused (AppError invalid_input).
   */
  append(e: HistoryEntryInput): HistoryEntry {
    return this.appendMany([e])[0] as HistoryEntry;
  }

  /**
   * Throws the storage_error (with what to do) an append would give when the history cannot be written
   * at all: a read-only data folder or file. Called before a password change is sent, so nothing reaches
   * Zoom that could not be recorded. A full disk only shows when writing: append reports that.
   */
  checkWritable(): void {
    const dir = path.dirname(this.file);
    try {
      fs.mkdirSync(dir, { recursive: true });
      // The folder too: every append creates a lock file next to the history.
      fs.accessSync(dir, fs.constants.W_OK);
      fs.closeSync(fs.openSync(this.file, 'a', 0o600));
    } catch (error) {
      const problem = historyStorageError('write to', this.file, error);
      throw new AppError('storage_error', `Nothing was sent to Zoom: ${problem.message}`, {
        ...(problem.action === undefined ? {} : { action: problem.action }),
        cause: error,
      });
    }
  }

  /**
   * Records one entry like append, but resolves once it is on disk without blocking the event loop
   * while the disk flushes (a request pipeline keeps its pace). Same errors as append.
   */
  async appendFlushed(e: HistoryEntryInput): Promise<HistoryEntry> {
    const { records, flushed } = appendRecordsDeferred(this.file, [checkEntry(e)]);
    await flushed;
    return pickEntry(records[0] as HistoryEntry);
  }

  /** Records several entries with one write and one flush (bulk runs, imports, seeding tests). */
  appendMany(entries: readonly HistoryEntryInput[]): HistoryEntry[] {
    const valid = entries.map(checkEntry);
    if (valid.length === 0) return [];
    return appendRecords(this.file, valid).map((r) => pickEntry(r as HistoryEntry));
  }

  /**
   * Entries matching the query (user, account, outcome, since/until, free text; all combinable), newest
   * first unless `order: 'oldest'`, one page at a time, with the total number of matches.
   */
  list(q: HistoryQuery = {}): HistoryPage {
    const query = checkQuery(q);
    const limit = query.limit ?? DEFAULT_HISTORY_LIMIT;
    const offset = query.offset ?? 0;
    for (let attempt = 0; ; attempt += 1) {
      const page = this.withFile((fd) => {
        if (fd === null) return { entries: [], total: 0 };
        const index = this.reader.index;
        const { rows, total } = index.query(query, limit, offset);
        const entries = readEntriesAt(
          fd,
          rows.map((r) => index.ref(r)),
        );
        return entries.every((e) => e !== null) ? { entries, total } : null;
      });
      if (page !== null) return page;
      // A line no longer holds what the index says: the file was changed in place. Read it anew.
      this.reader.invalidate(true);
      if (attempt > 0) throw historyStorageError('read', this.file, new Error('it keeps changing while being read'));
    }
  }

  /** Counts, time span and the retention and repair records, for the review screen. */
  summary(): HistorySummary {
    return this.withFile(() => {
      const index = this.reader.index;
      const span = index.timeRange();
      return {
        entries: index.rows,
        unchained: this.reader.legacy,
        skippedLines: this.skippedLines,
        oldestAt: span ? new Date(span[0]).toISOString() : null,
        newestAt: span ? new Date(span[1]).toISOString() : null,
        markers: this.reader.markers.flatMap((m) => {
          const parsed = historyMarkerSchema.safeParse(m);
          return parsed.success ? [parsed.data] : [];
        }),
      };
    });
  }

  /**
   * Checks the whole file's hash chain (reads history.jsonl itself, never the index) and reports the
   * first altered, removed, reordered or unreadable record. Yields to the event loop while it reads.
   */
  async verify(): Promise<HistoryVerifyResult> {
    let result: HistoryVerifyResult;
    try {
      result = await verifyHistory(this.file);
    } catch (error) {
      throw historyStorageError('read', this.file, error);
    }
    // Whatever changed may be in the index file too: the next read takes history.jsonl as it is.
    if (!result.ok) this.reader.invalidate(true);
    return result;
  }

  /**
   * Removes the entries older than `days` days (before `now`) in one step and records that in the
   * chain (see retainHistory). Keeping everything is the default: call this only when the user chose
   * a retention period. AppError invalid_input for a period outside 1..MAX_RETENTION_DAYS.
   */
  applyRetention(days: number, now: Date = this.clock.now()): HistoryRetentionResult {
    if (!Number.isInteger(days) || days < 1 || days > MAX_RETENTION_DAYS) {
      throw new AppError(
        'invalid_input',
        `A retention period is a whole number of days from 1 to ${MAX_RETENTION_DAYS}.`,
        {
          field: 'days',
        },
      );
    }
    let result: HistoryRetentionResult;
    try {
      result = retainHistory(this.file, days, now);
    } catch (error) {
      throw historyStorageError('rewrite', this.file, error);
    }
    if (result.marker !== null) {
      // Read the rewritten file now (and save its index), rather than on the next list().
      this.reader.invalidate();
      this.withFile(() => undefined);
    }
    return result;
  }

  /** Exports every entry matching `filter` (in its order) as CSV to a stream or a file path. */
  exportCsv(filter: HistoryFilter, target: Writable | string): Promise<HistoryExportResult> {
    return this.export(filter, target, csvStages);
  }

  /** Exports every entry matching `filter` (in its order) as a JSON array to a stream or a file path. */
  exportJson(filter: HistoryFilter, target: Writable | string): Promise<HistoryExportResult> {
    return this.export(filter, target, jsonStages);
  }

  private async export(
    filter: HistoryFilter,
    target: Writable | string,
    stagesOf: (fd: number, refs: readonly RowRef[], counted: { rows: number }) => ExportStages,
  ): Promise<HistoryExportResult> {
    const { limit: _limit, offset: _offset, ...rest } = filter as HistoryQuery;
    const query = checkQuery(rest);
    const fd = this.openSynced();
    const index = this.reader.index;
    const refs = fd === null ? [] : Array.from(index.matchAll(query), (r) => index.ref(r));
    const counted = { rows: 0 };
    try {
      // The open descriptor keeps this version of the file readable even if a retention run replaces it.
      const file = await writeExport(stagesOf(fd ?? -1, refs, counted), target);
      return { rows: counted.rows, file };
    } catch (error) {
      const where = typeof target === 'string' ? target : 'the output';
      throw new AppError('storage_error', `Could not export the history to ${where}: ${describe(error)}.`, {
        action:
          errorCode(error) === 'ENOSPC'
            ? 'Free some disk space, then export again.'
            : 'Check that the folder exists and is writable, then export again.',
        cause: error,
      });
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  /** Runs `fn` with history.jsonl open and the index up to date (null when there is no file yet). */
  private withFile<T>(fn: (fd: number | null) => T): T {
    const fd = this.openSynced();
    try {
      return fn(fd);
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  private openSynced(): number | null {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw historyStorageError('read', this.file, error);
      this.reader.clear();
      return null;
    }
    let damaged: number;
    try {
      damaged = this.reader.sync(fd).damaged;
    } catch (error) {
      fs.closeSync(fd);
      throw historyStorageError('read', this.file, error);
    }
    // Damage that appears while re-reading a just-repaired file waits for the next full read: no loop.
    if (damaged === 0 || this.repairing) return fd;
    fs.closeSync(fd);
    this.repair();
    this.repairing = true;
    try {
      return this.openSynced();
    } finally {
      this.repairing = false;
    }
  }

  private repair(): void {
    const at = this.clock.now();
    let result: ReturnType<typeof repairHistory>;
    try {
      result = repairHistory(this.file, at);
    } catch (error) {
      this.found.push({
        id: `history-damaged:${at.toISOString()}`,
        level: 'warning',
        message: `The history file ${this.file} has unreadable lines and could not be repaired (${describe(error)}). Every readable entry is shown; nothing was deleted.`,
        action: `Check that ${path.dirname(this.file)} is writable and has free space, then restart to repair it.`,
      });
      return;
    }
    // The file was replaced: read the repaired one from the start.
    this.reader.invalidate();
    if (result.kind === 'clean') return;
    const lines = result.unreadable === 1 ? '1 line' : `${result.unreadable} lines`;
    this.found.push({
      id: `history-damaged:${path.basename(result.backup)}`,
      level: 'warning',
      message:
        `The history file had ${lines} that could not be read. A copy of the file as it was is at ` +
        `${result.backup}; all ${result.kept} readable entries were kept.`,
      action:
        'Nothing else to do. Keep the copy if you want to look at the unreadable lines; delete it when you no longer need it.',
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The full schema check (stripping unknown keys); the store sets seq, prevHash and hash itself. */
function checkEntry(e: HistoryEntryInput): HistoryEntryInput {
  const parsed = historyEntrySchema.safeParse(e);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'invalid_input',
      `The history entry was not recorded: ${issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'it is not valid'}.`,
    );
  }
  const { seq: _seq, prevHash: _prevHash, hash: _hash, ...entry } = parsed.data;
  return entry;
}

function checkQuery(q: HistoryQuery): HistoryQuery {
  const parsed = historyQuerySchema.safeParse(q);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  throw new AppError(
    'invalid_input',
    `The history filter is not valid: ${field ? `${field}: ` : ''}${issue?.message ?? 'check it'}.`,
    field ? { field } : {},
  );
}
