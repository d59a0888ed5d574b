import type { BulkPreview } from '../../../shared/ipc/contract';
import { formatCount } from '../format/time';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** The imported file: its name, how it was read, and a way to pick another one. */
export function BulkFileBar({
  preview,
  opening,
  disabled,
  onOpen,
}: {
  preview: BulkPreview;
  opening: boolean;
  disabled: boolean;
  onOpen: () => void;
}) {
  const { rows } = preview.counts;
  return (
    <div className="bulk-file">
      <span className="bulk-file-icon" aria-hidden="true">
        <Icon name="file-text" size={20} />
      </span>
      <div className="bulk-file-text">
        <span className="bulk-file-name" data-testid="bulk-file-name">
          {preview.fileName}
        </span>
        <span className="bulk-file-meta">
          {formatCount(rows)} {rows === 1 ? 'row' : 'rows'} · {preview.delimiter === ';' ? 'semicolons' : 'commas'}
          {' · '}
          {preview.hasHeader ? 'header row found' : 'no header row'}
          {' · '}
          {preview.policy.source === 'account'
            ? "passwords checked against the account's policy"
            : `Zoom's basic password rules${preview.policy.reason === null ? '' : ` (${preview.policy.reason})`}`}
        </span>
      </div>
      <button
        type="button"
        className="button"
        onClick={onOpen}
        disabled={opening || disabled}
        aria-busy={opening}
        aria-keyshortcuts="Control+O"
      >
        {opening ? <Spinner /> : <Icon name="folder" size={16} />}
        Open another file…
      </button>
    </div>
  );
}
