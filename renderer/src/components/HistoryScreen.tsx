import { useCallback, useMemo, useRef, useState } from 'react';
import { DEFAULT_ACCOUNT_LABEL, type HistoryEntry } from '../../../shared/domain/history';
import { isFiltering } from '../api/history-pager';
import {
  dateRangeProblem,
  EMPTY_FILTER_FORM,
  toHistoryFilter,
  type FilterForm,
  type SortOrder,
} from '../history/filter-form';
import { useColumnWidths } from '../hooks/use-column-widths';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useHistoryPager } from '../hooks/use-history-pager';
import { useHistoryExport, useHistoryVerify } from '../hooks/use-history-tasks';
import { EmptyState } from './EmptyState';
import { ErrorCallout } from './ErrorCallout';
import { ExportNotice } from './ExportNotice';
import { HistoryDetails } from './HistoryDetails';
import { HistoryFilters } from './HistoryFilters';
import { HistoryStatusBar } from './HistoryStatusBar';
import { HistoryTable } from './HistoryTable';
import { HistoryToolbar } from './HistoryToolbar';
import { Icon } from './Icon';
import { VerifyReport } from './VerifyReport';

const FILTER_DEBOUNCE_MS = 250;

/**
 * The review screen: every request ever sent, searchable and filterable, sortable by time, with the
 * details of one entry, export of what the filters show, and the integrity check. Reads only local
 * files, so it works offline and without a keychain.
 */
export function HistoryScreen({ onStartChange }: { onStartChange: () => void }) {
  const [form, setForm] = useState<FilterForm>(EMPTY_FILTER_FORM);
  const [order, setOrder] = useState<SortOrder>('newest');
  const [selected, setSelected] = useState<HistoryEntry | null>(null);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const settledForm = useDebouncedValue(form, FILTER_DEBOUNCE_MS);
  const filter = useMemo(() => toHistoryFilter(settledForm, order), [settledForm, order]);
  const { pager, snapshot } = useHistoryPager(filter);
  const { widths, resize, reset } = useColumnWidths();
  const refresh = useCallback(() => void pager.refresh(), [pager]);
  const exporter = useHistoryExport(filter);
  const verifier = useHistoryVerify(refresh);
  const filtered = isFiltering(filter);

  const accounts = useMemo(() => {
    const seen = new Set<string>([DEFAULT_ACCOUNT_LABEL]);
    for (const entries of snapshot.pages.values()) for (const e of entries) if (e.account) seen.add(e.account);
    return [...seen].sort((a, b) => a.localeCompare(b));
  }, [snapshot.pages]);

  const patchForm = useCallback((patch: Partial<FilterForm>) => setForm((prev) => ({ ...prev, ...patch })), []);
  const clearFilters = useCallback(() => setForm(EMPTY_FILTER_FORM), []);
  const open = useCallback((entry: HistoryEntry) => {
    setSelected(entry);
    setDetailsOpen(true);
  }, []);
  const closeDetails = useCallback(() => {
    setDetailsOpen(false);
    gridRef.current?.focus();
  }, []);
  const escape = useCallback(() => {
    if (detailsOpen) setDetailsOpen(false);
    else setSelected(null);
  }, [detailsOpen]);

  let body;
  if (snapshot.error !== null && snapshot.total === null) {
    body = (
      <div className="history-message">
        <ErrorCallout error={snapshot.error} title="The history could not be read">
          <button type="button" className="button button-small" onClick={refresh}>
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
        No request matches all of these filters. Try part of the user&apos;s e-mail, a wider date range, or another
        outcome.
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
      <HistoryTable
        pager={pager}
        snapshot={snapshot}
        total={snapshot.total}
        widths={widths}
        order={order}
        onOrder={setOrder}
        onResize={resize}
        onResetWidth={reset}
        selectedId={selected?.id ?? null}
        onSelect={setSelected}
        onOpen={open}
        onEscape={escape}
        gridRef={gridRef}
      />
    );
  }

  const showDetails = detailsOpen && selected !== null && snapshot.total !== null && snapshot.total > 0;
  const { state: exportState } = exporter;
  const { state: verifyState } = verifier;
  return (
    <div className="history">
      <HistoryToolbar
        search={form.search}
        onSearch={(search) => patchForm({ search })}
        exporting={exportState.busy}
        onExport={(format) => void exporter.run(format)}
        canExport={snapshot.total !== null && snapshot.total > 0}
        verifying={verifyState.busy}
        onVerify={() => void verifier.run()}
      />
      {exportState.done === null ? null : (
        <ExportNotice rows={exportState.done.rows} file={exportState.done.file} onDismiss={exporter.dismiss} />
      )}
      {exportState.error === null ? null : (
        <div className="history-message">
          <ErrorCallout error={exportState.error} title="The history was not exported" />
        </div>
      )}
      {verifyState.result === null ? null : (
        <VerifyReport result={verifyState.result} markers={verifyState.markers} onDismiss={verifier.dismiss} />
      )}
      {verifyState.error === null ? null : (
        <div className="history-message">
          <ErrorCallout error={verifyState.error} title="The history could not be verified" />
        </div>
      )}
      {snapshot.error !== null && snapshot.total !== null ? (
        <div className="history-message">
          <ErrorCallout error={snapshot.error} title="Part of the history could not be read" />
        </div>
      ) : null}
      <div className={`history-main${showDetails ? ' has-details' : ''}`}>
        <div className="panel history-panel">
          <HistoryFilters
            form={form}
            onChange={patchForm}
            onClear={clearFilters}
            dateProblem={dateRangeProblem(form)}
            accounts={accounts}
          />
          <div className="grid-body history-body">{body}</div>
          <HistoryStatusBar
            total={snapshot.total}
            overall={snapshot.overall}
            filtered={filtered}
            order={order}
            loading={snapshot.loading}
            onRefresh={refresh}
          />
        </div>
        {showDetails ? <HistoryDetails entry={selected} onClose={closeDetails} /> : null}
      </div>
    </div>
  );
}
