import { formatCount } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';

/** Where the run's results went: the number of rows and the file the user chose. */
export function BulkExportNotice({ rows, file, onDismiss }: { rows: number; file: string; onDismiss: () => void }) {
  return (
    <div className="callout callout-success history-notice" role="status" data-testid="bulk-export-result">
      <Icon name="check-circle" size={18} className="callout-icon" />
      <div className="callout-body">
        <p>
          Exported {formatCount(rows)} {rows === 1 ? 'row' : 'rows'} to{' '}
          <code className="notice-path" data-testid="bulk-export-file">
            {file}
          </code>
        </p>
      </div>
      <span className="notice-actions">
        <CopyButton value={file} label="Copy file path" />
        <button
          type="button"
          className="button button-icon button-quiet"
          onClick={onDismiss}
          aria-label="Dismiss"
          title="Dismiss"
        >
          <Icon name="x" size={16} />
        </button>
      </span>
    </div>
  );
}
