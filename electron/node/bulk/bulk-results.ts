import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { AppError } from '../../../shared/domain/errors';
import type { BulkRunRow } from '../../../shared/ipc/bulk-schemas';

/** The results CSV's columns: what the issue asks for first (user, outcome, Zoom code, message, tracking id). */
export const RESULT_COLUMNS: readonly { header: string; value: (r: BulkRunRow) => string | number | null }[] = [
  { header: 'User', value: (r) => r.user },
  { header: 'Outcome', value: (r) => r.outcome ?? null },
  { header: 'Zoom code', value: (r) => r.zoomCode ?? null },
  { header: 'Message', value: (r) => r.message ?? null },
  { header: 'Tracking ID', value: (r) => r.trackingId ?? null },
  { header: 'Row', value: (r) => r.index },
  { header: 'State', value: (r) => r.state },
  { header: 'HTTP status', value: (r) => r.httpStatus ?? null },
  { header: 'Requests', value: (r) => r.attempts },
  { header: 'Request ID', value: (r) => r.entryId ?? null },
];

/**
 * The results as CSV, spreadsheet-safe like the history export: UTF-8 with BOM, CRLF, RFC 4180 quoting,
 * and a leading quote on cells a spreadsheet would run as a formula. Holds no password.
 */
export function resultsCsv(rows: readonly BulkRunRow[]): string {
  return stringify(
    rows.map((r) => RESULT_COLUMNS.map((c) => c.value(r))),
    {
      header: true,
      columns: RESULT_COLUMNS.map((c) => c.header),
      bom: true,
      escape_formulas: true,
      record_delimiter: '\r\n',
      quote_record_delimiter: true,
    },
  );
}

/** Writes the results to `file` under a temporary name, renamed when complete. */
export function writeResultsCsv(rows: readonly BulkRunRow[], file: string): { rows: number; file: string } {
  const tmp = `${file}.tmp-${process.pid}-${randomUUID()}`;
  try {
    fs.writeFileSync(tmp, resultsCsv(rows), { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('storage_error', `The results could not be saved to ${file}.`, {
      action: 'Choose a folder you can write to and export again.',
      cause: error,
    });
  }
  return { rows: rows.length, file };
}
