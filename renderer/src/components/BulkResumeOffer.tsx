import type { BulkRunSummary } from '../../../shared/ipc/contract';
import { formatCount, formatRelative } from '../format/time';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** A run that stopped before its end (a crash, a forced quit): offered for resuming, rows done are never resent. */
export function BulkResumeOffer({
  run,
  others,
  resuming,
  onResume,
  onView,
  onDismiss,
}: {
  run: BulkRunSummary;
  /** More interrupted runs, listed under Recent runs. */
  others: number;
  resuming: boolean;
  onResume: () => void;
  onView: () => void;
  onDismiss: () => void;
}) {
  const { done, total } = run.counts;
  return (
    <div className="callout callout-warning bulk-resume" role="region" aria-label="Interrupted run">
      <Icon name="alert" size={18} className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">A bulk run stopped before the end</p>
        <p>
          <strong>{run.fileName}</strong> on {run.account}, started {formatRelative(run.createdAt)}: {formatCount(done)}{' '}
          of {formatCount(total)} rows done. Resuming sends only the rows not done yet; rows already sent are never sent
          again.
          {others > 0 ? ` ${others} more interrupted ${others === 1 ? 'run is' : 'runs are'} listed below.` : ''}
        </p>
        <div className="form-actions">
          <button
            type="button"
            className="button button-primary button-small"
            onClick={onResume}
            disabled={resuming}
            aria-busy={resuming}
          >
            {resuming ? <Spinner /> : <Icon name="play" size={14} />}
            Resume run
          </button>
          <button type="button" className="button button-small" onClick={onView} disabled={resuming}>
            View rows
          </button>
        </div>
      </div>
      <button
        type="button"
        className="button button-icon button-quiet bulk-resume-dismiss"
        onClick={onDismiss}
        aria-label="Not now"
        title="Not now"
      >
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}
