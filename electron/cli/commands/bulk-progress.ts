import type { BulkRunRow, BulkRunStatus } from '../../../shared/ipc/bulk-schemas';
import { oneLine } from '../format';
import type { CliOutput } from '../io';

const BAR_WIDTH = 24;

/** A row that has reached its end (what is worth a line of its own). */
function isDone(row: BulkRunRow): boolean {
  return !['pending', 'sending', 'waiting'].includes(row.state);
}

/** One plain line for a finished row: index, user, state, then Zoom's details or the message. */
export function rowLine(row: BulkRunRow): string {
  const parts = [`row ${row.index}`, oneLine(row.user), row.state];
  if (row.state === 'updated') {
    if (row.trackingId) parts.push(`tracking id ${oneLine(row.trackingId)}`);
  } else {
    if (row.zoomCode !== undefined && row.zoomCode !== null) parts.push(`Zoom code ${row.zoomCode}`);
    if (row.message) parts.push(oneLine(row.message));
    if (row.trackingId) parts.push(`tracking id ${oneLine(row.trackingId)}`);
  }
  return parts.join(' · ');
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The one-line progress shown on a terminal: bar, counts, rate and time left. */
export function progressLine(status: BulkRunStatus): string {
  const { counts } = status;
  const filled = counts.total === 0 ? BAR_WIDTH : Math.round((counts.done / counts.total) * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
  const outcome = status.dryRun
    ? `${counts.eligible} eligible · ${counts.ineligible} not eligible`
    : `${counts.updated} updated · ${counts.failed} failed${counts.unknown > 0 ? ` · ${counts.unknown} unknown` : ''}`;
  const eta = status.etaSeconds === null ? '' : ` · ${duration(status.etaSeconds)} left`;
  return `${bar} ${counts.done}/${counts.total} · ${outcome} · ${counts.remaining} remaining · ${status.ratePerSecond}/s${eta}`;
}

/**
 * Shows a run as it goes: on a terminal a progress line rewritten in place (rows that did not end
 * updated are printed above it), otherwise one plain line per finished row.
 */
export class ProgressPrinter {
  private readonly printed = new Set<number>();
  private lastWidth = 0;

  constructor(
    private readonly out: CliOutput,
    private readonly tty: boolean,
  ) {}

  update(status: BulkRunStatus): void {
    const lines: string[] = [];
    for (const row of status.rows) {
      if (!isDone(row) || this.printed.has(row.index)) continue;
      this.printed.add(row.index);
      if (!this.tty || (row.state !== 'updated' && row.state !== 'eligible')) lines.push(rowLine(row));
    }
    if (!this.tty) {
      if (lines.length > 0) this.out.write(`${lines.join('\n')}\n`);
      return;
    }
    const progress = progressLine(status);
    const clear = this.lastWidth > 0 ? `\r${' '.repeat(this.lastWidth)}\r` : '';
    this.out.write(`${clear}${lines.map((l) => `${l}\n`).join('')}${progress}`);
    this.lastWidth = progress.length;
  }

  /** Ends the progress line (a terminal's cursor goes to the next line). */
  finish(): void {
    if (this.tty && this.lastWidth > 0) this.out.write('\n');
    this.lastWidth = 0;
  }
}
