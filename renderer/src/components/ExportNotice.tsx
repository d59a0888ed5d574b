import { formatCount } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';

/** What one exported item is called, in the singular and the plural. */
export interface ExportUnit {
  one: string;
  many: string;
}

const ENTRIES: ExportUnit = { one: 'entry', many: 'entries' };

/**
 * Where an export went: how many items and the file the user chose. History exports entries, a bulk run
 * exports rows; `testId` prefixes the notice's test ids so each screen's tests find their own notice.
 */
export function ExportNotice({
  rows,
  file,
  onDismiss,
  unit = ENTRIES,
  testId = 'export',
}: {
  rows: number;
  file: string;
  onDismiss: () => void;
  unit?: ExportUnit;
  testId?: string;
}) {
  return (
    <div className="callout callout-success history-notice" role="status" data-testid={`${testId}-result`}>
      <Icon name="check-circle" size={18} className="callout-icon" />
      <div className="callout-body">
        <p>
          Exported {formatCount(rows)} {rows === 1 ? unit.one : unit.many} to{' '}
          <code className="notice-path" data-testid={`${testId}-file`}>
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
