import { formatCount } from '../format/time';
import type { SortOrder } from '../history/filter-form';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** Under the table: how many entries match out of how many, the order, and a manual refresh. */
export function HistoryStatusBar({
  total,
  overall,
  filtered,
  order,
  loading,
  onRefresh,
}: {
  total: number | null;
  overall: number | null;
  filtered: boolean;
  order: SortOrder;
  loading: boolean;
  onRefresh: () => void;
}) {
  const count =
    total === null
      ? 'Loading…'
      : filtered && overall !== null
        ? `${formatCount(total)} of ${formatCount(overall)} ${overall === 1 ? 'entry' : 'entries'}`
        : `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}`;
  return (
    <div className="history-statusbar">
      <span className="statusbar-count" role="status" data-testid="history-count">
        {count}
      </span>
      {total !== null && total > 0 ? (
        <span className="statusbar-note">{order === 'newest' ? 'Newest first' : 'Oldest first'}</span>
      ) : null}
      <span className="toolbar-spacer" />
      <span className="statusbar-note statusbar-offline">
        <Icon name="lock" size={12} />
        Stored on this computer
      </span>
      <button
        type="button"
        className="button button-icon button-quiet statusbar-refresh"
        onClick={onRefresh}
        aria-label="Refresh history"
        title="Refresh"
        aria-busy={loading}
      >
        {loading ? <Spinner /> : <Icon name="refresh" size={15} />}
      </button>
    </div>
  );
}
