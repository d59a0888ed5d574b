import type { ReactNode } from 'react';
import { DEFAULT_ACCOUNT_LABEL, entryOutcomeLabel, type HistoryEntry } from '../../../shared/domain/history';
import { formatCount, formatDuration, formatWait } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { OutcomeBadge } from './OutcomeBadge';
import { Timestamp } from './Timestamp';

/** One fact: a copyable monospace value, a muted placeholder when absent, or anything else. */
function Fact({
  label,
  value,
  copy,
  mono = false,
  missing = 'None',
}: {
  label: string;
  value: ReactNode;
  copy?: string | null;
  mono?: boolean;
  missing?: string;
}) {
  const absent = value === null || value === undefined || value === '';
  return (
    <>
      <dt>{label}</dt>
      <dd className={absent ? 'muted' : `${mono ? 'mono ' : ''}${copy ? 'with-copy' : ''}`.trim() || undefined}>
        {absent ? (
          missing
        ) : copy ? (
          <>
            <span className="break-all">{value}</span>
            <CopyButton value={copy} label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`} />
          </>
        ) : (
          value
        )}
      </dd>
    </>
  );
}

/** Everything recorded about one request, integrity fields included. */
export function HistoryDetails({ entry, onClose }: { entry: HistoryEntry; onClose: () => void }) {
  return (
    <aside
      className="panel details"
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
        <OutcomeBadge outcome={entry.outcome} label={entryOutcomeLabel(entry)} />
        <p className="details-message">{entry.message}</p>
        {entry.zoomMessage === null ? null : (
          <blockquote className="result-quote">
            <span className="caps-label caps-label-small result-quote-label">Zoom said</span>
            {entry.zoomMessage}
          </blockquote>
        )}
        <dl className="details-facts">
          <dt>When</dt>
          <dd>
            <Timestamp iso={entry.at} />
            <span className="details-iso mono">{entry.at}</span>
          </dd>
          <Fact label="User" value={entry.user} copy={entry.user} mono />
          <Fact label="Name" value={entry.userName} missing="Not known" />
          <Fact label="Account" value={entry.account ?? DEFAULT_ACCOUNT_LABEL} />
          {entry.cloud ? <Fact label="Cloud" value={entry.cloud} /> : null}
          <Fact label="Reason / ticket" value={entry.reason} missing="None given" />
          <Fact label="HTTP status" value={entry.httpStatus} mono missing="No answer" />
          <Fact label="Zoom code" value={entry.zoomCode} mono />
          <Fact label="Tracking ID" value={entry.trackingId} copy={entry.trackingId} mono missing="None received" />
          <Fact label="Duration" value={formatDuration(entry.durationMs)} />
          {entry.retryAfterSeconds == null ? null : (
            <Fact label="Retry after" value={formatWait(entry.retryAfterSeconds)} />
          )}
          <Fact label="Request ID" value={entry.id} copy={entry.id} mono />
          {entry.runId ? <Fact label="Bulk run" value={entry.runId} copy={entry.runId} mono /> : null}
          {entry.checkOf ? <Fact label="Checked request" value={entry.checkOf} copy={entry.checkOf} mono /> : null}
          <Fact label="API base" value={<span className="break-all">{entry.apiBase}</span>} mono />
          <Fact label="Sent by" value={entry.source === 'app' ? 'This app' : 'The zpa command'} />
        </dl>
        <section className="details-integrity" aria-labelledby="details-integrity-title">
          <h3 id="details-integrity-title" className="caps-label details-subtitle">
            <Icon name="lock" size={14} />
            Integrity
          </h3>
          {entry.seq === undefined ? (
            <p className="details-note">
              Written before the history was hash-chained: listed, but not covered by &ldquo;Verify history&rdquo;.
            </p>
          ) : (
            <dl className="details-facts">
              <Fact label="Sequence" value={`#${formatCount(entry.seq)}`} mono />
              <Fact label="Hash" value={entry.hash} copy={entry.hash} mono />
              <Fact label="Previous hash" value={entry.prevHash} copy={entry.prevHash} mono missing="None (first)" />
            </dl>
          )}
        </section>
      </div>
    </aside>
  );
}
