import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Readable, type Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { DEFAULT_ACCOUNT_LABEL, type HistoryEntry } from '../../../shared/domain/history';
import type { RowRef } from './history-index';
import { readEntriesAt } from './history-pages';

/** Entries read from the file at a time while exporting. */
const BATCH = 500;

/** The CSV columns, in order: what an auditor reads first comes first. */
export const CSV_COLUMNS: readonly {
  header: string;
  value: (e: HistoryEntry) => string | number | null | undefined;
}[] = [
  { header: 'Time', value: (e) => e.at },
  { header: 'Account', value: (e) => e.account ?? DEFAULT_ACCOUNT_LABEL },
  { header: 'User', value: (e) => e.user },
  { header: 'User name', value: (e) => e.userName },
  { header: 'Outcome', value: (e) => e.outcome },
  { header: 'HTTP status', value: (e) => e.httpStatus },
  { header: 'Zoom code', value: (e) => e.zoomCode },
  { header: 'Message', value: (e) => e.message },
  { header: 'Zoom message', value: (e) => e.zoomMessage },
  { header: 'Tracking ID', value: (e) => e.trackingId },
  { header: 'Duration (ms)', value: (e) => e.durationMs },
  { header: 'Reason', value: (e) => e.reason },
  { header: 'Cloud', value: (e) => e.cloud },
  { header: 'Run ID', value: (e) => e.runId },
  { header: 'Source', value: (e) => e.source },
  { header: 'API base', value: (e) => e.apiBase },
  { header: 'Request ID', value: (e) => e.id },
  { header: 'Seq', value: (e) => e.seq },
  { header: 'Hash', value: (e) => e.hash },
  // Newer columns go last: scripts that read the earlier ones by position keep working.
  { header: 'Confirmed', value: (e) => (e.confirmed === true ? 'yes' : null) },
  { header: 'Check of', value: (e) => e.checkOf },
];

/** A source and the transforms after it; errors anywhere reach the pipeline. */
export type ExportStages = [Readable, ...Transform[]];

export interface HistoryExportResult {
  /** Entries written. */
  rows: number;
  /** The file written, when a path was given. */
  file: string | null;
}

/** The entries at `refs`, read in batches from history.jsonl (open as `fd`, kept open by the caller). */
async function* entriesAt(
  fd: number,
  refs: readonly RowRef[],
  counted: { rows: number },
): AsyncGenerator<HistoryEntry> {
  for (let i = 0; i < refs.length; i += BATCH) {
    const batch = readEntriesAt(fd, refs.slice(i, i + BATCH));
    for (const entry of batch) {
      if (entry === null) throw new Error('the history file was changed while it was being exported; export again');
      counted.rows += 1;
      yield entry;
    }
  }
}

/**
 * CSV with a header row, UTF-8 with a byte-order mark (so spreadsheets read accents correctly), quoting
 * as RFC 4180, and formula injection neutralised: a text cell starting with =, +, -, @, tab or CR (or
 * their full-width forms) gets a leading single quote, so a spreadsheet shows it instead of running it.
 */
export function csvStages(fd: number, refs: readonly RowRef[], counted: { rows: number }): ExportStages {
  const rows = Readable.from(
    (async function* () {
      for await (const entry of entriesAt(fd, refs, counted)) yield CSV_COLUMNS.map((c) => c.value(entry) ?? null);
    })(),
  );
  const csv = stringify({
    header: true,
    columns: CSV_COLUMNS.map((c) => c.header),
    bom: true,
    escape_formulas: true,
    record_delimiter: '\r\n',
    // Quote cells holding a bare CR or LF too (not only CRLF), so every reader keeps them in their cell.
    quote_record_delimiter: true,
  });
  return [rows, csv];
}

/** A JSON array of the entries as stored (integrity fields included), one entry per line. */
export function jsonStages(fd: number, refs: readonly RowRef[], counted: { rows: number }): ExportStages {
  const text = Readable.from(
    (async function* () {
      let first = true;
      yield '[';
      for await (const entry of entriesAt(fd, refs, counted)) {
        yield `${first ? '\n' : ',\n'}${JSON.stringify(entry)}`;
        first = false;
      }
      yield first ? ']\n' : '\n]\n';
    })(),
  );
  return [text];
}

/**
 * Sends `source` to `target`: a stream (left open, e.g. stdout) or a file path, written under a temporary
 * name and renamed when complete, so a failed export never leaves a partial file looking finished.
 */
export async function writeExport(stages: ExportStages, target: Writable | string): Promise<string | null> {
  if (typeof target !== 'string') {
    await pipeline([...stages, target], { end: false });
    return null;
  }
  const tmp = `${target}.tmp-${process.pid}-${randomUUID()}`;
  try {
    await pipeline([...stages, fs.createWriteStream(tmp, { flags: 'wx' })]);
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  return target;
}
