import { useMemo, useState } from 'react';
import type { BulkPreview, BulkPreviewRow } from '../../../shared/ipc/contract';
import { formatCount } from '../format/time';
import { EmptyState } from './EmptyState';
import { BulkGrid, type BulkGridColumn, type BulkGridRow } from './BulkGrid';
import { FilterTabs } from './FilterTabs';
import { Icon } from './Icon';

type PreviewFilter = 'all' | 'included' | 'excluded';

const COLUMNS: readonly BulkGridColumn[] = [
  { id: 'line', label: 'Line', track: '72px', numeric: true },
  { id: 'user', label: 'User', track: 'minmax(180px, 2fr)' },
  { id: 'password', label: 'Password', track: 'minmax(148px, 0.9fr)' },
  { id: 'status', label: 'Status', track: 'minmax(200px, 2fr)' },
];

function PasswordCell({ row, generate }: { row: BulkPreviewRow; generate: boolean }) {
  if (row.hasPassword) {
    return (
      <span className="bulk-password is-file">
        <Icon name="lock" size={13} />
        In the file
      </span>
    );
  }
  if (!row.included) return <span className="cell-missing">—</span>;
  return generate ? (
    <span className="bulk-password is-generated">
      <Icon name="refresh" size={13} />
      Will be generated
    </span>
  ) : (
    <span className="bulk-password is-missing">
      <Icon name="alert" size={13} />
      None: turn on Generate
    </span>
  );
}

function StatusCell({ row }: { row: BulkPreviewRow }) {
  if (row.included) {
    return (
      <span className="bulk-status is-included">
        <Icon name="check" size={14} />
        Ready to send
      </span>
    );
  }
  return (
    <span className="bulk-status is-excluded">
      <Icon name="x-circle" size={14} />
      <span className="bulk-problems">
        <strong>Excluded:</strong> {row.problems.map((p) => p.message).join(' ')}
      </span>
    </span>
  );
}

/** Where the included rows' passwords come from, in one line. */
function PasswordSummary({ preview, generate }: { preview: BulkPreview; generate: boolean }) {
  const { withPassword, withoutPassword } = preview.counts;
  const parts: string[] = [];
  if (withPassword > 0) parts.push(`${formatCount(withPassword)} from the file`);
  if (withoutPassword > 0)
    parts.push(generate ? `${formatCount(withoutPassword)} to generate` : `${formatCount(withoutPassword)} missing`);
  if (parts.length === 0) return null;
  return (
    <span className="bulk-table-note" data-testid="bulk-password-summary">
      <Icon name="key" size={13} />
      Passwords: {parts.join(' · ')}
    </span>
  );
}

/** Every row of the file with what will happen to it; excluded rows stand out and say why. */
export function BulkPreviewTable({ preview, generate }: { preview: BulkPreview; generate: boolean }) {
  const [filter, setFilter] = useState<PreviewFilter>('all');
  const rows = useMemo(
    () =>
      filter === 'all' ? preview.rows : preview.rows.filter((r) => (filter === 'included' ? r.included : !r.included)),
    [preview.rows, filter],
  );
  const { rows: total, included, excluded } = preview.counts;

  const row = (index: number): BulkGridRow => {
    const r = rows[index];
    if (r === undefined) return { key: `missing-${index}`, cells: [] };
    return {
      key: r.index,
      className: r.included ? 'bulk-row' : 'bulk-row is-excluded',
      data: { line: String(r.line), included: String(r.included) },
      title: r.included ? undefined : r.problems.map((p) => p.message).join('\n'),
      cells: [
        r.line,
        r.user === '' ? <span className="cell-missing">(empty)</span> : <span className="mono">{r.user}</span>,
        <PasswordCell key="password" row={r} generate={generate} />,
        <StatusCell key="status" row={r} />,
      ],
    };
  };

  return (
    <div className="bulk-table">
      <div className="bulk-table-bar">
        <FilterTabs
          label="Show rows"
          value={filter}
          onChange={setFilter}
          options={[
            { key: 'all', label: 'All rows', count: total },
            { key: 'included', label: 'Ready', count: included },
            { key: 'excluded', label: 'Excluded', count: excluded, tone: 'danger' },
          ]}
        />
        <PasswordSummary preview={preview} generate={generate} />
      </div>
      <div className="grid-body bulk-table-body">
        {rows.length === 0 ? (
          <EmptyState icon={filter === 'excluded' ? 'check-circle' : 'inbox'} title={emptyTitle(filter, total)}>
            {emptyText(filter, total)}
          </EmptyState>
        ) : (
          <BulkGrid
            label={`Rows of ${preview.fileName}`}
            columns={COLUMNS}
            count={rows.length}
            row={row}
            rowHeight={52}
            testId="bulk-preview-grid"
          />
        )}
      </div>
    </div>
  );
}

function emptyTitle(filter: PreviewFilter, total: number): string {
  if (total === 0) return 'The file has no rows';
  return filter === 'excluded' ? 'No row is excluded' : 'No row is ready to send';
}

function emptyText(filter: PreviewFilter, total: number): string {
  if (total === 0) return 'Only a header, or nothing at all, was found. Add one user per row and open the file again.';
  return filter === 'excluded'
    ? 'Every row can be sent as it is.'
    : 'Every row has a problem: see the Excluded rows, fix the file and open it again.';
}
