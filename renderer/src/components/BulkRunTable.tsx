import { useMemo, useState } from 'react';
import type { BulkRunRow, BulkRunStatus } from '../../../shared/ipc/contract';
import { OUTCOME_LABELS } from '../../../shared/domain/outcome';
import {
  isActiveRun,
  isSettledRow,
  matchesRunFilter,
  ROW_STATE_STYLE,
  RUN_ROW_FILTER_LABELS,
  type RunRowFilter,
} from '../bulk/row-states';
import { BulkCheckbox } from './BulkCheckbox';
import { BulkGrid, type BulkGridColumn, type BulkGridRow } from './BulkGrid';
import { EmptyState } from './EmptyState';
import { FilterTabs } from './FilterTabs';
import { Icon } from './Icon';

const FOLLOW_AHEAD = 3;

const COLUMNS: readonly BulkGridColumn[] = [
  { id: 'row', label: 'Row', track: '64px', numeric: true },
  { id: 'user', label: 'User', track: 'minmax(170px, 1.6fr)' },
  { id: 'result', label: 'Result', track: 'minmax(150px, 1fr)' },
  { id: 'code', label: 'Zoom code', track: '104px', numeric: true },
  { id: 'message', label: 'Message', track: 'minmax(200px, 2.4fr)' },
  { id: 'tracking', label: 'Tracking ID', track: 'minmax(120px, 1fr)' },
];

function ResultCell({ row }: { row: BulkRunRow }) {
  const style = ROW_STATE_STYLE[row.state];
  const outcome = row.outcome === undefined || row.state === 'unknown' ? null : OUTCOME_LABELS[row.outcome];
  const label = row.state === 'failed' && outcome !== null ? outcome : style.label;
  return (
    <span className={`badge badge-small badge-${style.tone}${row.state === 'sending' ? ' is-sending' : ''}`}>
      <Icon name={style.icon} size={12} />
      {label}
      {row.attempts > 1 ? <span className="bulk-attempts">×{row.attempts}</span> : null}
    </span>
  );
}

/** The run's rows as they complete, narrowed by result; while it runs, the view follows the progress. */
export function BulkRunTable({ status }: { status: BulkRunStatus }) {
  const [filter, setFilter] = useState<RunRowFilter>('all');
  const [follow, setFollow] = useState(true);
  const rows = useMemo(() => status.rows.filter((row) => matchesRunFilter(row, filter)), [status.rows, filter]);
  const counts = useMemo(() => {
    const result = {} as Record<RunRowFilter, number>;
    for (const key of Object.keys(RUN_ROW_FILTER_LABELS) as RunRowFilter[])
      result[key] = status.rows.filter((row) => matchesRunFilter(row, key)).length;
    return result;
  }, [status.rows]);

  const active = isActiveRun(status.state);
  // The last row with a final answer, and a few of those coming next: kept in view while the run goes on.
  let lastSettled = -1;
  if (active && follow && filter === 'all') {
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i];
      if (row !== undefined && isSettledRow(row)) {
        lastSettled = i;
        break;
      }
    }
  }

  const row = (index: number): BulkGridRow => {
    const r = rows[index];
    if (r === undefined) return { key: `missing-${index}`, cells: [] };
    return {
      key: r.index,
      className: `bulk-row is-${r.state}`,
      data: { row: String(r.index), state: r.state },
      cells: [
        r.index,
        <span key="user" className="mono" title={r.user}>
          {r.user}
        </span>,
        <ResultCell key="result" row={r} />,
        r.zoomCode ?? <span className="cell-missing">—</span>,
        <span key="message" title={r.message}>
          {r.message ?? <span className="cell-missing">—</span>}
        </span>,
        r.trackingId ? (
          <span key="tracking" className="mono bulk-tracking" title={r.trackingId}>
            {r.trackingId}
          </span>
        ) : (
          <span className="cell-missing">—</span>
        ),
      ],
    };
  };

  const dryRunLabels: Partial<Record<RunRowFilter, string>> = status.dryRun
    ? { failed: 'Not eligible', updated: 'Eligible', open: 'Not looked up yet' }
    : {};
  const keys: RunRowFilter[] = status.dryRun
    ? ['all', 'updated', 'failed', 'open']
    : ['all', 'updated', 'failed', 'unknown', 'open'];

  return (
    <div className="panel bulk-panel bulk-table">
      <div className="bulk-table-bar">
        <FilterTabs
          label="Show rows"
          value={filter}
          onChange={setFilter}
          options={keys.map((key) => ({
            key,
            label: dryRunLabels[key] ?? RUN_ROW_FILTER_LABELS[key],
            count: counts[key],
            tone: key === 'failed' ? 'danger' : key === 'unknown' ? 'warning' : undefined,
          }))}
        />
        {active ? (
          <div className="bulk-follow">
            <BulkCheckbox label="Follow progress" checked={follow} onChange={setFollow} />
          </div>
        ) : null}
      </div>
      <div className="grid-body bulk-table-body">
        {rows.length === 0 ? (
          <EmptyState icon="check-circle" title="No rows here">
            No row of this run has this result{active ? ' yet' : ''}.
          </EmptyState>
        ) : (
          <BulkGrid
            label={`Rows of the run of ${status.fileName}`}
            columns={COLUMNS}
            count={rows.length}
            row={row}
            follow={lastSettled >= 0 ? Math.min(rows.length - 1, lastSettled + FOLLOW_AHEAD) : null}
            testId="bulk-run-grid"
          />
        )}
      </div>
    </div>
  );
}
