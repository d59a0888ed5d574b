import { memo } from 'react';
import { DEFAULT_ACCOUNT_LABEL, entryOutcomeLabel, type HistoryEntry } from '../../../shared/domain/history';
import { formatDuration } from '../format/time';
import { OutcomeBadge } from './OutcomeBadge';
import { Timestamp } from './Timestamp';

function Missing({ label = '—' }: { label?: string }) {
  return <span className="cell-missing">{label}</span>;
}

/** One history line in the virtual grid; a skeleton while its page loads. */
export const HistoryRow = memo(function HistoryRow({
  id,
  index,
  entry,
  selected,
  top,
  height,
  onPick,
}: {
  id: string;
  index: number;
  entry: HistoryEntry | undefined;
  selected: boolean;
  top: number;
  height: number;
  onPick: (entry: HistoryEntry, index: number) => void;
}) {
  // Position through the CSSOM (React's style prop), which a style-src 'self' CSP allows.
  const position = { transform: `translateY(${top}px)`, height: `${height}px` };
  if (entry === undefined) {
    return (
      <div className="grid-row is-loading" role="row" aria-rowindex={index + 2} style={position}>
        <div role="gridcell" className="cell-skeleton">
          <span className="visually-hidden">Loading…</span>
        </div>
      </div>
    );
  }
  const account = entry.account ?? null;
  return (
    <div
      id={id}
      className={`grid-row${selected ? ' is-selected' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-entry-id={entry.id}
      data-outcome={entry.outcome}
      style={position}
      onClick={() => onPick(entry, index)}
    >
      <div role="gridcell" className="col-time">
        <Timestamp iso={entry.at} compact />
      </div>
      <div role="gridcell" className={account === null ? 'col-account is-default' : 'col-account'}>
        {account ?? DEFAULT_ACCOUNT_LABEL}
      </div>
      <div
        role="gridcell"
        className="col-user"
        title={entry.userName ? `${entry.userName} <${entry.user}>` : entry.user}
      >
        {entry.userName ? (
          <>
            <span className="cell-primary">{entry.userName}</span>
            <span className="cell-secondary mono">{entry.user}</span>
          </>
        ) : (
          <span className="mono">{entry.user}</span>
        )}
      </div>
      <div role="gridcell" className="col-outcome">
        <OutcomeBadge outcome={entry.outcome} size="small" label={entryOutcomeLabel(entry)} />
      </div>
      <div role="gridcell" className="col-http mono">
        {entry.httpStatus ?? <Missing />}
      </div>
      <div role="gridcell" className="col-code mono">
        {entry.zoomCode ?? <Missing />}
      </div>
      <div role="gridcell" className="col-message" title={entry.message}>
        {entry.message}
      </div>
      <div role="gridcell" className="col-tracking mono" title={entry.trackingId ?? undefined}>
        {entry.trackingId ?? <Missing />}
      </div>
      <div role="gridcell" className="col-duration">
        {formatDuration(entry.durationMs)}
      </div>
      <div role="gridcell" className="col-reason" title={entry.reason ?? undefined}>
        {entry.reason ?? <Missing />}
      </div>
    </div>
  );
});
