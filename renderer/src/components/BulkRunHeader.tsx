import type { BulkRunStatus } from '../../../shared/ipc/contract';
import { RUN_STATE_STYLE } from '../bulk/row-states';
import { Icon } from './Icon';
import { Spinner } from './Spinner';
import { Timestamp } from './Timestamp';

/** Which run this is (file, account, when) and its state as a badge. */
export function BulkRunHeader({ status }: { status: BulkRunStatus }) {
  const style = RUN_STATE_STYLE[status.state];
  return (
    <div className="bulk-run-header">
      <span className="bulk-file-icon" aria-hidden="true">
        <Icon name={status.dryRun ? 'search' : 'layers'} size={20} />
      </span>
      <div className="bulk-file-text">
        <h2 className="bulk-run-title">
          {status.dryRun ? 'Dry run of ' : 'Run of '}
          <span className="bulk-file-name">{status.fileName}</span>
        </h2>
        <span className="bulk-file-meta">
          {status.account} · started <Timestamp iso={status.createdAt} />
          {status.finishedAt === null ? null : (
            <>
              {' '}
              · ended <Timestamp iso={status.finishedAt} />
            </>
          )}{' '}
          · <span className="mono">{status.runId}</span>
        </span>
      </div>
      <span
        className={`badge badge-${style.tone} bulk-run-state`}
        role="status"
        data-testid="bulk-run-state"
        data-state={status.state}
      >
        {status.state === 'running' ? <Spinner /> : <Icon name={style.icon} size={14} />}
        {style.label}
      </span>
    </div>
  );
}
