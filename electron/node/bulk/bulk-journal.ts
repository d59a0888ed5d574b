import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import { outcomeSchema } from '../../../shared/domain/outcome';
import { bulkRowStateSchema, bulkRunStateSchema } from '../../../shared/ipc/bulk-schemas';
import { appendDurably } from '../history/history-files';
import { processAlive } from '../process-alive';
import { errorCode } from '../settings/backup-file';
import { DurableAppender } from './durable-append';

/** Runs live in <data folder>/runs/<run id>/: the journal and the owner file. */
export const RUNS_DIR = 'runs';
export const JOURNAL_FILE = 'journal.jsonl';
export const OWNER_FILE = 'owner';

/** Run ids are made here and checked before they name a folder: no path can be smuggled in. */
export const RUN_ID_PATTERN = /^run-\d{8}-\d{6}-[a-z0-9]{6}$/;

/** What a run is, written once as its journal's first line. Holds no password. */
export const runHeaderSchema = z.object({
  t: z.literal('run'),
  v: z.literal(1),
  runId: z.string(),
  createdAt: z.string(),
  account: z.object({ id: z.string(), name: z.string() }),
  /** The imported file: where it was, and its SHA-256 (a resume re-reads it and checks it is the same). */
  file: z.object({ path: z.string(), name: z.string(), sha256: z.string() }),
  columns: z.object({ user: z.number().int().nonnegative(), password: z.number().int().nonnegative().nullable() }),
  generate: z.boolean(),
  dryRun: z.boolean(),
  reason: z.string().nullable(),
  /** The run's own rate (requests per second), when lower than the account's. */
  rate: z.number().positive().nullable(),
  concurrency: z.number().int().positive(),
  passwordsOut: z.string().nullable(),
  /** The run whose failed rows this one sends again. */
  rerunOf: z.string().nullable(),
  /** The rows of the run: index in the file, user, and whether the file gives the password. */
  rows: z.array(z.object({ i: z.number().int().positive(), user: z.string(), own: z.boolean() })),
});
export type RunHeader = z.infer<typeof runHeaderSchema>;

const sendingSchema = z.object({
  t: z.literal('sending'),
  i: z.number().int().positive(),
  /** The history entry's id (x-zpa-request-id). */
  requestId: z.string(),
  at: z.string(),
});

const resultSchema = z.object({
  t: z.literal('result'),
  i: z.number().int().positive(),
  state: bulkRowStateSchema,
  at: z.string(),
  requestId: z.string().nullable().optional(),
  outcome: outcomeSchema.optional(),
  httpStatus: z.number().int().nullable().optional(),
  zoomCode: z.number().int().nullable().optional(),
  message: z.string().optional(),
  trackingId: z.string().nullable().optional(),
});
export type RowResult = z.infer<typeof resultSchema>;

const stateSchema = z.object({
  t: z.literal('state'),
  state: bulkRunStateSchema,
  at: z.string(),
  message: z.string(),
  resumeAt: z.string().nullable().optional(),
});
export type StateRecord = z.infer<typeof stateSchema>;

const recordSchema = z.discriminatedUnion('t', [runHeaderSchema, sendingSchema, resultSchema, stateSchema]);
type JournalRecord = z.infer<typeof recordSchema>;

/** A row as the journal last saw it. `sending` with no result after it: the answer never arrived. */
export interface JournalRow {
  i: number;
  user: string;
  own: boolean;
  state: z.infer<typeof bulkRowStateSchema>;
  attempts: number;
  result: RowResult | null;
  /** The last request sent, when no answer to it is journalled. */
  inFlight: { requestId: string; at: string } | null;
}

/** A run replayed from its journal. */
export interface JournalSnapshot {
  header: RunHeader;
  rows: JournalRow[];
  state: StateRecord | null;
  updatedAt: string;
}

function storageError(doing: string, file: string, error: unknown): AppError {
  return new AppError('storage_error', `The bulk run's journal could not be ${doing} (${file}).`, {
    action: 'Check that the data folder is writable and has free space, then resume the run.',
    cause: error,
  });
}

/**
 * A run's append-only journal (JSON lines, each flushed to disk before the call returns), so a crash or
 * a forced quit loses nothing: a row is journalled as `sending` before its request leaves, and with its
 * result after. Never holds a password or a token.
 */
export class BulkJournal {
  readonly dir: string;
  readonly file: string;
  private appender: DurableAppender | null = null;

  private constructor(dir: string) {
    this.dir = dir;
    this.file = path.join(dir, JOURNAL_FILE);
  }

  /** The folder of a run (checks the id's shape first). */
  static dirOf(dataDir: string, runId: string): string {
    if (!RUN_ID_PATTERN.test(runId)) {
      throw new AppError('invalid_input', `"${runId.slice(0, 80)}" is not a bulk run id.`, {
        action: 'Run ids look like run-20260301-142233-k3x9qa; `zpa bulk` prints it first.',
        field: 'runId',
      });
    }
    return path.join(dataDir, RUNS_DIR, runId);
  }

  /** Starts a new run's journal with its header. */
  static create(dataDir: string, header: RunHeader): BulkJournal {
    const journal = new BulkJournal(BulkJournal.dirOf(dataDir, header.runId));
    let fd: number | null = null;
    try {
      fs.mkdirSync(journal.dir, { recursive: true, mode: 0o700 });
      fd = fs.openSync(journal.file, 'wx', 0o600);
      appendDurably(fd, Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'));
    } catch (error) {
      throw storageError('created', journal.file, error);
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
    journal.appender = new DurableAppender(journal.file);
    return journal;
  }

  /** Opens an existing run's journal for appending (resume). */
  static openExisting(dataDir: string, runId: string): BulkJournal {
    const journal = new BulkJournal(BulkJournal.dirOf(dataDir, runId));
    if (!fs.existsSync(journal.file)) throw unknownRun(runId);
    journal.appender = new DurableAppender(journal.file);
    return journal;
  }

  /** Every run id in the data folder, newest first (ids start with their creation time). */
  static list(dataDir: string): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(path.join(dataDir, RUNS_DIR));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    return names.filter((n) => RUN_ID_PATTERN.test(n)).sort((a, b) => b.localeCompare(a));
  }

  /** Replays a run's journal; a torn last line (a crash mid-write) is skipped. */
  static read(dataDir: string, runId: string): JournalSnapshot {
    const file = path.join(BulkJournal.dirOf(dataDir, runId), JOURNAL_FILE);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') throw unknownRun(runId);
      throw storageError('read', file, error);
    }
    return replay(runId, text);
  }

  /** A row's request is about to leave: resolves once that is on disk (AppError storage_error if it cannot be). */
  sending(i: number, requestId: string, at: string): Promise<void> {
    return this.append({ t: 'sending', i, requestId, at });
  }

  /**
   * A row's answer. Not flushed on its own: it reaches the disk with the next flush, and if a crash
   * loses it, the answer's history entry (flushed by the history) settles the row on resume.
   */
  result(r: Omit<RowResult, 't'>): Promise<void> {
    return this.append({ t: 'result', ...r }, false);
  }

  state(r: Omit<StateRecord, 't'>): Promise<void> {
    return this.append({ t: 'state', ...r });
  }

  /** Resolves when every record so far is on disk. */
  async settled(): Promise<void> {
    await this.appender?.settled();
  }

  async close(): Promise<void> {
    await this.appender?.close();
    this.appender = null;
  }

  private async append(record: JournalRecord, sync = true): Promise<void> {
    if (this.appender === null) throw storageError('written', this.file, new Error('closed'));
    try {
      await this.appender.append(`${JSON.stringify(record)}\n`, { sync });
    } catch (error) {
      throw storageError('written', this.file, error);
    }
  }
}

function unknownRun(runId: string): AppError {
  return new AppError('invalid_input', `There is no bulk run ${runId} in this data folder.`, {
    action: 'List the runs with `zpa bulk --list`, or check ZPA_DATA_DIR.',
    field: 'runId',
  });
}

function replay(runId: string, text: string): JournalSnapshot {
  const lines = text.split('\n');
  let header: RunHeader | null = null;
  const rows = new Map<number, JournalRow>();
  let state: StateRecord | null = null;
  let updatedAt = '';
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    let record: JournalRecord;
    try {
      record = recordSchema.parse(JSON.parse(line));
    } catch (error) {
      // Only the last line can be torn by a crash; anything else means the journal was damaged.
      if (n >= lines.length - 2) return;
      throw new AppError('storage_error', `Line ${n + 1} of the journal of run ${runId} is damaged.`, {
        action: 'The run cannot be resumed; its requests are in the history (filter by its run id).',
        cause: error,
      });
    }
    if (record.t === 'run') {
      header = record;
      for (const r of record.rows) {
        rows.set(r.i, {
          i: r.i,
          user: r.user,
          own: r.own,
          state: 'pending',
          attempts: 0,
          result: null,
          inFlight: null,
        });
      }
      updatedAt = record.createdAt;
      return;
    }
    updatedAt = record.at;
    if (record.t === 'state') {
      state = record;
      return;
    }
    const row = rows.get(record.i);
    if (row === undefined) return;
    if (record.t === 'sending') {
      row.inFlight = { requestId: record.requestId, at: record.at };
      row.state = 'sending';
      row.attempts += 1;
      return;
    }
    row.inFlight = null;
    row.state = record.state;
    row.result = record;
  });
  if (header === null) {
    throw new AppError('storage_error', `The journal of run ${runId} has no header.`, {
      action: 'The run cannot be resumed; its requests are in the history (filter by its run id).',
    });
  }
  return { header, rows: [...rows.values()].sort((a, b) => a.i - b.i), state, updatedAt };
}

/** Who is running a run now: the process that holds its owner file, if that process is alive. */
export interface RunOwner {
  pid: number;
  host: string;
}

/** The live process (other than this one) running the run, or null. */
export function liveOwner(runDir: string): RunOwner | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(runDir, OWNER_FILE), 'utf8');
  } catch {
    return null;
  }
  const [pid, host] = text.split('\n');
  const n = Number(pid);
  if (!Number.isSafeInteger(n) || n <= 0 || n === process.pid) return null;
  // A process on another machine (a shared data folder) cannot be checked: assume it is alive.
  if ((host ?? '') !== os.hostname()) return { pid: n, host: host ?? '' };
  return processAlive(n) ? { pid: n, host: host ?? '' } : null;
}

/** Marks this process as the run's owner, unless another live process is (AppError not_allowed). */
export function takeOwnership(runDir: string, runId: string): void {
  const other = liveOwner(runDir);
  if (other !== null) {
    throw new AppError('not_allowed', `Run ${runId} is going on in another window or zpa (process ${other.pid}).`, {
      action: 'Let it finish, or stop that process first.',
    });
  }
  fs.writeFileSync(path.join(runDir, OWNER_FILE), `${process.pid}\n${os.hostname()}\n`, { mode: 0o600 });
}

/** Gives the run up (it ended, or this process is closing). */
export function releaseOwnership(runDir: string): void {
  try {
    const [pid] = fs.readFileSync(path.join(runDir, OWNER_FILE), 'utf8').split('\n');
    if (Number(pid) === process.pid) fs.rmSync(path.join(runDir, OWNER_FILE), { force: true });
  } catch {
    // Nothing to give up.
  }
}
