import { DEFAULT_ACCOUNT_LABEL, type HistoryEntry } from '../../shared/domain/history';

// C0 and C1 control characters (ANSI escapes included): text from Zoom or from a history file must not be able
// to move the cursor or recolour the terminal. Built from code points so no control character sits in the source.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+', 'gu');

/** Collapses text onto one line, with control characters turned into spaces. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Zoom's code, the HTTP status when there is no code, and the tracking id, e.g. "(Zoom code 1129, tracking id abc)". */
export function zoomDetails(entry: Pick<HistoryEntry, 'zoomCode' | 'httpStatus' | 'trackingId'>): string {
  const parts: string[] = [];
  if (entry.zoomCode !== null) parts.push(`Zoom code ${entry.zoomCode}`);
  else if (entry.httpStatus !== null) parts.push(`HTTP ${entry.httpStatus}`);
  if (entry.trackingId !== null) parts.push(`tracking id ${oneLine(entry.trackingId)}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

interface Column {
  header: string;
  cell: (e: HistoryEntry) => string;
}

const COLUMNS: readonly Column[] = [
  { header: 'WHEN', cell: (e) => formatWhen(e.at) },
  { header: 'USER', cell: (e) => oneLine(e.user) },
  {
    header: 'OUTCOME',
    cell: (e) => (e.outcome === 'updated' && e.confirmed === true ? 'updated (confirmed)' : e.outcome),
  },
  { header: 'HTTP', cell: (e) => (e.httpStatus === null ? '-' : String(e.httpStatus)) },
  { header: 'CODE', cell: (e) => (e.zoomCode === null ? '-' : String(e.zoomCode)) },
  { header: 'MS', cell: (e) => String(e.durationMs) },
  { header: 'TRACKING ID', cell: (e) => (e.trackingId === null ? '-' : oneLine(e.trackingId)) },
  { header: 'MESSAGE', cell: (e) => oneLine(e.message) },
];
const ACCOUNT: Column = { header: 'ACCOUNT', cell: (e) => oneLine(e.account ?? DEFAULT_ACCOUNT_LABEL) };
const REASON: Column = { header: 'REASON', cell: (e) => (e.reason ? oneLine(e.reason) : '-') };

/** The table's columns: ACCOUNT and REASON only when one of the entries shown names an account or a reason. */
function columnsFor(entries: readonly HistoryEntry[]): Column[] {
  const columns = [...COLUMNS];
  if (entries.some((e) => typeof e.account === 'string')) columns.splice(1, 0, ACCOUNT);
  // Before the message, which stays last and whole.
  if (entries.some((e) => typeof e.reason === 'string' && oneLine(e.reason) !== '')) {
    columns.splice(columns.length - 1, 0, REASON);
  }
  return columns;
}

/** A plain-text table, one entry per line, columns padded to fit; the message comes last and is never cut. */
export function historyTable(entries: readonly HistoryEntry[]): string {
  const columns = columnsFor(entries);
  return plainTable([columns.map((c) => c.header), ...entries.map((e) => columns.map((c) => c.cell(e)))]);
}

/** Rows as text, columns two spaces apart and padded to fit; the last column is never padded or cut. */
export function plainTable(all: readonly (readonly string[])[]): string {
  const widths = (all[0] ?? []).map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  return (
    all
      .map((row) =>
        row
          .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** `2026-11-23T17:42:05.123+01:00` → `2026-11-23 17:42:05` (the time as recorded, with its own offset). */
export function formatWhen(at: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(at);
  if (!match) return oneLine(at);
  const zone = match[3] === undefined ? '' : match[3] === 'Z' ? ' UTC' : ` ${match[3]}`;
  return `${match[1]} ${match[2]}${zone}`;
}
