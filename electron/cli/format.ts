import type { HistoryEntry } from '../../shared/domain/history';

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

const COLUMNS = ['WHEN', 'USER', 'OUTCOME', 'HTTP', 'CODE', 'MS', 'TRACKING ID', 'MESSAGE'] as const;

/** A plain-text table, one entry per line, columns padded to fit; the message comes last and is never cut. */
export function historyTable(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((e) => [
    formatWhen(e.at),
    oneLine(e.user),
    e.outcome,
    e.httpStatus === null ? '-' : String(e.httpStatus),
    e.zoomCode === null ? '-' : String(e.zoomCode),
    String(e.durationMs),
    e.trackingId === null ? '-' : oneLine(e.trackingId),
    oneLine(e.message),
  ]);
  const all = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
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
