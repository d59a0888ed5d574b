import type { BulkRunSummary } from '../../../shared/ipc/contract';
import { formatCount } from '../format/time';
import { Icon } from './Icon';

/** Shown on every screen but Bulk at start when a bulk run stopped before its end: a way to it. */
export function InterruptedRunBanner({
  run,
  onReview,
  onDismiss,
}: {
  run: BulkRunSummary;
  onReview: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className="banner banner-warning" role="status" data-testid="interrupted-run-banner">
      <Icon name="alert" size={18} className="banner-icon" />
      <div className="banner-text">
        <span>
          A bulk run stopped before the end: <strong>{run.fileName}</strong>, {formatCount(run.counts.done)} of{' '}
          {formatCount(run.counts.total)} rows done.
        </span>
        <span className="banner-action">It can be resumed; rows already sent are not sent again.</span>
      </div>
      <button type="button" className="button button-small" onClick={onReview}>
        Review run
      </button>
      <button
        type="button"
        className="button button-icon button-quiet"
        onClick={onDismiss}
        aria-label="Dismiss notice"
        title="Dismiss"
      >
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}
