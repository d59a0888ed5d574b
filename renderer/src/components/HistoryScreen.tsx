import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { Outcome } from '../../../shared/domain/outcome';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useHistoryPager } from '../hooks/use-history-pager';
import { EmptyState } from './EmptyState';
import { ErrorCallout } from './ErrorCallout';
import { HistoryDetails } from './HistoryDetails';
import { HistoryTable } from './HistoryTable';
import { HistoryToolbar } from './HistoryToolbar';
import { Icon } from './Icon';

/** Every request ever sent, newest first, filterable, with the details of the selected one. */
export function HistoryScreen({ onStartChange }: { onStartChange: () => void }) {
  const [userFilter, setUserFilter] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [selected, setSelected] = useState<HistoryEntry | null>(null);
  const settledUser = useDebouncedValue(userFilter.trim(), 200);
  const { pager, snapshot } = useHistoryPager({
    ...(settledUser === '' ? {} : { user: settledUser }),
    ...(outcome === '' ? {} : { outcome }),
  });
  const filtered = settledUser !== '' || outcome !== '';
  const clearFilters = () => {
    setUserFilter('');
    setOutcome('');
  };

  let body;
  if (snapshot.error !== null && snapshot.total === null) {
    body = (
      <div className="history-message">
        <ErrorCallout error={snapshot.error} title="The history could not be read">
          <button type="button" className="button button-small" onClick={() => void pager.refresh()}>
            Try again
          </button>
        </ErrorCallout>
      </div>
    );
  } else if (snapshot.total === 0) {
    body = filtered ? (
      <EmptyState
        icon="filter"
        title="No matching entries"
        action={
          <button type="button" className="button" onClick={clearFilters}>
            Clear filters
          </button>
        }
      >
        No request matches these filters. Try part of the user&apos;s e-mail, or another outcome.
      </EmptyState>
    ) : (
      <EmptyState
        icon="inbox"
        title="No history yet"
        action={
          <button type="button" className="button button-primary" onClick={onStartChange}>
            <Icon name="key" size={16} />
            Change a password
          </button>
        }
      >
        Every password change made here or with the zpa command is recorded, with Zoom&apos;s answer and tracking ID.
        The history stays on this computer and is readable offline.
      </EmptyState>
    );
  } else if (snapshot.total === null) {
    body = <div className="history-message" aria-busy="true" />;
  } else {
    body = (
      <div className={`history-body${selected === null ? '' : ' has-details'}`}>
        <HistoryTable
          key={pager.filtersKey}
          pager={pager}
          snapshot={snapshot}
          total={snapshot.total}
          selectedId={selected?.id ?? null}
          onSelect={setSelected}
          onClear={() => setSelected(null)}
        />
        {selected === null ? null : <HistoryDetails entry={selected} onClose={() => setSelected(null)} />}
      </div>
    );
  }

  return (
    <div className="history">
      <HistoryToolbar
        userFilter={userFilter}
        onUserFilter={setUserFilter}
        outcome={outcome}
        onOutcome={setOutcome}
        total={snapshot.total}
        overall={snapshot.overall}
        loading={snapshot.loading}
        onRefresh={() => void pager.refresh()}
      />
      {snapshot.error !== null && snapshot.total !== null ? (
        <div className="history-message">
          <ErrorCallout error={snapshot.error} title="Part of the history could not be read" />
        </div>
      ) : null}
      {body}
    </div>
  );
}
