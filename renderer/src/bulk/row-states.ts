import type { BulkRowState, BulkRunRow, BulkRunState } from '../../../shared/ipc/contract';
import type { IconName } from '../components/Icon';
import type { Tone } from '../format/outcome';

/** How a run row's state reads in the table: a short label, a colour family and an icon. */
export const ROW_STATE_STYLE: Readonly<Record<BulkRowState, { label: string; tone: Tone; icon: IconName }>> = {
  pending: { label: 'Waiting to send', tone: 'neutral', icon: 'circle' },
  sending: { label: 'Sending…', tone: 'neutral', icon: 'clock' },
  waiting: { label: 'Retrying soon', tone: 'warning', icon: 'clock' },
  updated: { label: 'Updated', tone: 'success', icon: 'check-circle' },
  failed: { label: 'Failed', tone: 'danger', icon: 'x-circle' },
  unknown: { label: 'Needs a check', tone: 'warning', icon: 'help' },
  cancelled: { label: 'Not sent (cancelled)', tone: 'neutral', icon: 'stop' },
  eligible: { label: 'Eligible', tone: 'success', icon: 'check-circle' },
  ineligible: { label: 'Not eligible', tone: 'danger', icon: 'user-x' },
  lookup_failed: { label: 'Lookup failed', tone: 'warning', icon: 'alert' },
};

/** The run's state as a headline badge. */
export const RUN_STATE_STYLE: Readonly<Record<BulkRunState, { label: string; tone: Tone | 'accent'; icon: IconName }>> =
  {
    running: { label: 'Running', tone: 'accent', icon: 'play' },
    paused: { label: 'Paused', tone: 'warning', icon: 'pause' },
    daily_limit: { label: 'Daily limit reached', tone: 'warning', icon: 'clock' },
    finished: { label: 'Finished', tone: 'success', icon: 'check-circle' },
    cancelled: { label: 'Cancelled', tone: 'neutral', icon: 'stop' },
    interrupted: { label: 'Interrupted', tone: 'warning', icon: 'alert' },
  };

/** States in which main is still working on the run: the screen keeps asking for news. */
export function isActiveRun(state: BulkRunState): boolean {
  return state === 'running' || state === 'paused' || state === 'daily_limit';
}

/** Rows whose state is final: they no longer change. */
export function isSettledRow(row: BulkRunRow): boolean {
  return row.state !== 'pending' && row.state !== 'sending' && row.state !== 'waiting';
}

export const RUN_ROW_FILTERS = ['all', 'failed', 'unknown', 'updated', 'open'] as const;
export type RunRowFilter = (typeof RUN_ROW_FILTERS)[number];

export const RUN_ROW_FILTER_LABELS: Readonly<Record<RunRowFilter, string>> = {
  all: 'All',
  failed: 'Failed',
  unknown: 'Needs a check',
  updated: 'Updated',
  open: 'Not done yet',
};

/** Whether a run row belongs under a filter tab (dry-run answers count as done or failed like changes). */
export function matchesRunFilter(row: BulkRunRow, filter: RunRowFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'failed':
      return row.state === 'failed' || row.state === 'ineligible' || row.state === 'lookup_failed';
    case 'unknown':
      return row.state === 'unknown';
    case 'updated':
      return row.state === 'updated' || row.state === 'eligible';
    case 'open':
      return !isSettledRow(row) || row.state === 'cancelled';
  }
}
