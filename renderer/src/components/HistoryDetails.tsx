import type { HistoryEntry } from '../../../shared/domain/history';
import { formatDuration, formatWait } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { OutcomeBadge } from './OutcomeBadge';
import { Timestamp } from './Timestamp';

/** Everything recorded about one request. */
export function HistoryDetails({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }) {
  return (
    <aside
      className="details"
      aria-labelledby="details-title"
      data-testid="history-details"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="details-header">
        <h2 id="details-title" className="details-title">
          Request details
        </h2>
        <button
          type="button"
          className="button button-icon button-quiet"
          onClick={onClose}
          aria-label="Close details"
          title="Close (Escape)"
        >
          <Icon name="x" size={16} />
        </button>
      </div>
      <div className="details-body">
        <OutcomeBadge outcome={entry.outcome} />
        <p className="details-message">{entry.message}</p>
        {entry.zoomMessage === null ? null : (
          <blockquote className="result-quote">
            <span className="result-quote-label">Zoom said</span>
            {entry.zoomMessage}
          </blockquote>
        )}
        <dl className="details-facts">
          <dt>When</dt>
          <dd>
            <Timestamp iso={entry.at} />
            <span className="details-iso mono">{entry.at}</span>
          </dd>
          <dt>User</dt>
          <dd className="mono">{entry.user}</dd>
          <dt>Zoom code</dt>
          <dd className={entry.zoomCode === null ? 'muted' : 'mono'}>{entry.zoomCode ?? 'None'}</dd>
          <dt>HTTP status</dt>
          <dd className={entry.httpStatus === null ? 'muted' : 'mono'}>{entry.httpStatus ?? 'No answer'}</dd>
          <dt>Tracking ID</dt>
          <dd className={entry.trackingId === null ? 'muted' : 'mono with-copy'}>
            {entry.trackingId === null ? (
              'None received'
            ) : (
              <>
                <span className="break-all">{entry.trackingId}</span>
                <CopyButton value={entry.trackingId} label="Copy tracking ID" />
              </>
            )}
          </dd>
          <dt>Duration</dt>
          <dd>{formatDuration(entry.durationMs)}</dd>
          {entry.retryAfterSeconds == null ? null : (
            <>
              <dt>Retry after</dt>
              <dd>{formatWait(entry.retryAfterSeconds)}</dd>
            </>
          )}
          <dt>Request ID</dt>
          <dd className="mono with-copy">
            <span className="break-all">{entry.id}</span>
            <CopyButton value={entry.id} label="Copy request ID" />
          </dd>
          <dt>API base</dt>
          <dd className="mono break-all">{entry.apiBase}</dd>
          <dt>Sent by</dt>
          <dd>{entry.source === 'app' ? 'This app' : 'The zpa command'}</dd>
        </dl>
      </div>
    </aside>
  );
}
