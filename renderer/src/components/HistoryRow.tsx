import type { HistoryEntry } from '../../../shared/domain/history';
import { formatDuration } from '../format/time';
import { OutcomeBadge } from './OutcomeBadge';
import { Timestamp } from './Timestamp';

/** One history line in the virtual grid; a skeleton while its page loads. */
export function HistoryRow({
  id,
  index,
  entry,
  selected,
  top,
  height,
  onSelect,
}: {
  id: string;
  index: number;
  entry: HistoryEntry | undefined;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (entry: HistoryEntry, index: number) => void;
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
      onClick={() => onSelect(entry, index)}
    >
      <div role="gridcell" className="col-time">
        <Timestamp iso={entry.at} compact />
      </div>
      <div role="gridcell" className="col-user mono" title={entry.user}>
        {entry.user}
      </div>
      <div role="gridcell" className="col-outcome">
        <OutcomeBadge outcome={entry.outcome} size="small" />
      </div>
      <div role="gridcell" className="col-http mono">
        {entry.httpStatus ?? '—'}
      </div>
      <div role="gridcell" className="col-code mono">
        {entry.zoomCode ?? '—'}
      </div>
      <div role="gridcell" className="col-message" title={entry.message}>
        {entry.message}
      </div>
      <div role="gridcell" className="col-tracking mono" title={entry.trackingId ?? undefined}>
        {entry.trackingId ?? '—'}
      </div>
      <div role="gridcell" className="col-duration">
        {formatDuration(entry.durationMs)}
      </div>
    </div>
  );
}
