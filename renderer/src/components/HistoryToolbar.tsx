import { useId } from 'react';
import { OUTCOME_LABELS, OUTCOMES, type Outcome } from '../../../shared/domain/outcome';
import { formatCount } from '../format/time';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** Filters (user text, outcome), the counts, and a manual refresh. */
export function HistoryToolbar({
  userFilter,
  onUserFilter,
  outcome,
  onOutcome,
  total,
  overall,
  loading,
  onRefresh,
}: {
  userFilter: string;
  onUserFilter: (value: string) => void;
  outcome: Outcome | '';
  onOutcome: (value: Outcome | '') => void;
  total: number | null;
  overall: number | null;
  loading: boolean;
  onRefresh: () => void;
}) {
  const userId = useId();
  const outcomeId = useId();
  const filtered = userFilter.trim() !== '' || outcome !== '';
  const count =
    total === null
      ? 'Loading…'
      : filtered && overall !== null
        ? `${formatCount(total)} of ${formatCount(overall)} ${overall === 1 ? 'entry' : 'entries'}`
        : `${formatCount(total)} ${total === 1 ? 'entry' : 'entries'}`;

  return (
    <div className="toolbar" role="search" aria-label="Filter history">
      <div className="toolbar-field toolbar-search">
        <label htmlFor={userId} className="visually-hidden">
          Filter by user
        </label>
        <span className="input-with-icon">
          <Icon name="search" size={16} className="input-icon" />
          <input
            id={userId}
            className="input"
            type="search"
            placeholder="Filter by user"
            autoComplete="off"
            spellCheck={false}
            value={userFilter}
            onChange={(e) => onUserFilter(e.target.value)}
          />
        </span>
      </div>
      <div className="toolbar-field">
        <label htmlFor={outcomeId} className="toolbar-label">
          Outcome
        </label>
        <select
          id={outcomeId}
          className="select"
          value={outcome}
          onChange={(e) => onOutcome(e.target.value as Outcome | '')}
        >
          <option value="">All outcomes</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      {filtered ? (
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            onUserFilter('');
            onOutcome('');
          }}
        >
          Clear filters
        </button>
      ) : null}
      <span className="toolbar-spacer" />
      <span className="toolbar-count" role="status" data-testid="history-count">
        {count}
      </span>
      <button
        type="button"
        className="button button-icon"
        onClick={onRefresh}
        aria-label="Refresh history"
        title="Refresh"
        aria-busy={loading}
      >
        {loading ? <Spinner /> : <Icon name="refresh" size={16} />}
      </button>
    </div>
  );
}
