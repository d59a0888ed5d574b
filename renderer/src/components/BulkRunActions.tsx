import type { BulkRunStatus } from '../../../shared/ipc/contract';
import { isActiveRun } from '../bulk/row-states';
import type { RunAction } from '../hooks/use-bulk-run';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** Pause, resume, cancel while the run goes on; export, re-run failed rows, a new import once it is over. */
export function BulkRunActions({
  status,
  acting,
  onAct,
  onCancel,
  exporting,
  onExport,
  rerunning,
  onRerun,
  onNewImport,
}: {
  status: BulkRunStatus;
  acting: RunAction | null;
  onAct: (action: RunAction) => void;
  /** Asks before cancelling. */
  onCancel: () => void;
  exporting: boolean;
  onExport: () => void;
  rerunning: boolean;
  onRerun: () => void;
  onNewImport: () => void;
}) {
  const busy = acting !== null;
  const active = isActiveRun(status.state);
  const failed = status.dryRun ? 0 : status.counts.failed;
  return (
    <div className="bulk-actions">
      {status.state === 'running' ? (
        <button
          type="button"
          className="button"
          onClick={() => onAct('pause')}
          disabled={busy}
          aria-busy={acting === 'pause'}
        >
          {acting === 'pause' ? <Spinner /> : <Icon name="pause" size={16} />}
          Pause
        </button>
      ) : null}
      {status.state === 'paused' || status.state === 'interrupted' ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => onAct('resume')}
          disabled={busy}
          aria-busy={acting === 'resume'}
        >
          {acting === 'resume' ? <Spinner /> : <Icon name="play" size={16} />}
          Resume
        </button>
      ) : null}
      {active || status.state === 'interrupted' ? (
        <button
          type="button"
          className="button button-danger-outline"
          onClick={onCancel}
          disabled={busy}
          aria-busy={acting === 'cancel'}
        >
          {acting === 'cancel' ? <Spinner /> : <Icon name="stop" size={16} />}
          Cancel run…
        </button>
      ) : null}
      {active ? null : (
        <>
          <button type="button" className="button" onClick={onExport} disabled={exporting} aria-busy={exporting}>
            {exporting ? <Spinner /> : <Icon name="download" size={16} />}
            Export results CSV
          </button>
          {failed > 0 && status.state !== 'interrupted' ? (
            <button type="button" className="button" onClick={onRerun} disabled={rerunning} aria-busy={rerunning}>
              {rerunning ? <Spinner /> : <Icon name="rotate-ccw" size={16} />}
              Re-run {failed} failed {failed === 1 ? 'row' : 'rows'}
            </button>
          ) : null}
          <button type="button" className="button" onClick={onNewImport}>
            <Icon name="folder" size={16} />
            New import
          </button>
        </>
      )}
    </div>
  );
}
