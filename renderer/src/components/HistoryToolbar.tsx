import { useId } from 'react';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** Free-text search, and the history's actions: verify its integrity, export what the filters show. */
export function HistoryToolbar({
  search,
  onSearch,
  exporting,
  onExport,
  canExport,
  verifying,
  onVerify,
}: {
  search: string;
  onSearch: (value: string) => void;
  exporting: ExportFormat | null;
  onExport: (format: ExportFormat) => void;
  canExport: boolean;
  verifying: boolean;
  onVerify: () => void;
}) {
  const searchId = useId();
  const busy = exporting !== null;
  return (
    <div className="toolbar history-toolbar">
      <div className="toolbar-search" role="search" aria-label="Search history">
        <label htmlFor={searchId} className="visually-hidden">
          Search history
        </label>
        <span className="input-with-icon">
          <Icon name="search" size={16} className="input-icon" />
          <input
            id={searchId}
            className="input"
            type="search"
            placeholder="Search names, messages, tracking IDs, tickets…"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </span>
      </div>
      <span className="toolbar-spacer" />
      <div className="toolbar-actions">
        <button
          type="button"
          className="button"
          onClick={onVerify}
          disabled={verifying}
          aria-busy={verifying}
          title="Check that no entry was altered, removed or reordered"
        >
          {verifying ? <Spinner /> : <Icon name="shield-check" size={16} />}
          {verifying ? 'Verifying…' : 'Verify history'}
        </button>
        <span className="toolbar-divider" aria-hidden="true" />
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            onClick={() => onExport(format)}
            disabled={busy || !canExport}
            aria-busy={exporting === format}
            title={`Save the entries the filters show as ${format.toUpperCase()}`}
          >
            {exporting === format ? <Spinner /> : <Icon name="download" size={16} />}
            {`Export ${format.toUpperCase()}`}
          </button>
        ))}
      </div>
    </div>
  );
}
