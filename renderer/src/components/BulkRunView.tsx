import { useState } from 'react';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';
import { formatCount } from '../format/time';
import { useBulkRun } from '../hooks/use-bulk-run';
import { useNow } from '../hooks/use-now';
import { BulkProgress } from './BulkProgress';
import { BulkRunActions } from './BulkRunActions';
import { BulkRunHeader } from './BulkRunHeader';
import { BulkRunNotice } from './BulkRunNotice';
import { BulkRunTable } from './BulkRunTable';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorCallout } from './ErrorCallout';
import { ExportNotice } from './ExportNotice';

const ROWS = { one: 'row', many: 'rows' };

/** One run, live while it goes on: progress, controls, notices and every row's result; then its results. */
export function BulkRunView({
  runId,
  onRerun,
  onNewImport,
}: {
  runId: string;
  /** A new run of the failed rows started: show it. */
  onRerun: (runId: string) => void;
  onNewImport: () => void;
}) {
  const run = useBulkRun(runId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [task, setTask] = useState<'export' | 'rerun' | null>(null);
  const [exported, setExported] = useState<{ rows: number; file: string } | null>(null);
  const [taskError, setTaskError] = useState<{ title: string; error: UiError } | null>(null);
  const { status } = run;
  // The clock the daily-limit countdown reads.
  const now = useNow(status?.state === 'daily_limit');

  if (status === null) {
    return run.error === null ? (
      <div className="bulk-loading" aria-busy="true" />
    ) : (
      <ErrorCallout error={run.error} title="The run could not be read" />
    );
  }

  const exportResults = async () => {
    setTask('export');
    setTaskError(null);
    const result = await bulkApi.exportResults(runId);
    setTask(null);
    if (!result.ok) setTaskError({ title: 'The results were not exported', error: result.error });
    else if (result.value.status === 'saved') setExported({ rows: result.value.rows, file: result.value.file });
  };
  const rerun = async () => {
    setTask('rerun');
    setTaskError(null);
    const result = await bulkApi.rerunFailed(runId);
    setTask(null);
    if (result.ok) onRerun(result.value.runId);
    else setTaskError({ title: 'The failed rows were not re-run', error: result.error });
  };

  const remaining = status.counts.remaining;
  return (
    <div className="bulk-run" data-run-id={status.runId}>
      <section className="card bulk-run-card" aria-label="Run progress and controls">
        <BulkRunHeader status={status} />
        <BulkProgress status={status} />
        <div className="bulk-run-footer">
          <p className="bulk-run-message" data-testid="bulk-run-message">
            {status.message}
          </p>
          <BulkRunActions
            status={status}
            acting={run.acting}
            onAct={(action) => void run.act(action)}
            onCancel={() => setConfirmCancel(true)}
            exporting={task === 'export'}
            onExport={() => void exportResults()}
            rerunning={task === 'rerun'}
            onRerun={() => void rerun()}
            onNewImport={onNewImport}
          />
        </div>
      </section>
      {run.error === null ? null : <ErrorCallout error={run.error} title="The run did not answer" />}
      {taskError === null ? null : <ErrorCallout error={taskError.error} title={taskError.title} />}
      {exported === null ? null : (
        <ExportNotice
          rows={exported.rows}
          file={exported.file}
          onDismiss={() => setExported(null)}
          unit={ROWS}
          testId="bulk-export"
        />
      )}
      <BulkRunNotice status={status} now={now} />
      <BulkRunTable status={status} />
      <ConfirmDialog
        open={confirmCancel}
        title="Cancel this run?"
        icon="stop"
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        busy={run.acting === 'cancel'}
        onConfirm={() => {
          void run.act('cancel').then(() => setConfirmCancel(false));
        }}
        onCancel={() => setConfirmCancel(false)}
      >
        <p>
          The {formatCount(remaining)} {remaining === 1 ? 'row' : 'rows'} not sent yet will not be sent. Passwords
          already changed stay changed; requests on their way get their answer first.
        </p>
      </ConfirmDialog>
    </div>
  );
}
