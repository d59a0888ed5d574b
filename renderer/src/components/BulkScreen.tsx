import { useCallback, useEffect, useState } from 'react';
import type { BulkPreview } from '../../../shared/ipc/contract';
import type { AccountView } from '../accounts/account-model';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';
import { toStartRequest, type BulkOptionsForm } from '../bulk/options-form';
import { useBulkImport } from '../hooks/use-bulk-import';
import type { BulkRunsState } from '../hooks/use-bulk-runs';
import type { BulkSession } from '../hooks/use-bulk-session';
import { useRateLimit } from '../hooks/use-rate-limit';
import { BulkPreviewView } from './BulkPreviewView';
import { BulkRecentRuns } from './BulkRecentRuns';
import { BulkResumeOffer } from './BulkResumeOffer';
import { BulkRunView } from './BulkRunView';
import { BulkStart } from './BulkStart';
import { EmptyState } from './EmptyState';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';

/**
 * Bulk password changes from a CSV: import, preview with every row's problems, options, then the run
 * with its progress and results. An interrupted run is offered for resuming. Ctrl/Cmd+O opens a file.
 */
export function BulkScreen({
  session,
  runs,
  account,
  modifierLabel,
  onOpenAccounts,
}: {
  session: BulkSession;
  /** The runs main knows, kept by the app frame (its banner offers interrupted ones too). */
  runs: BulkRunsState;
  account: AccountView | null;
  modifierLabel: string;
  onOpenAccounts: () => void;
}) {
  const { preview, setPreview, options, setOptions, runId, setRunId } = session;
  const onPreview = useCallback((next: BulkPreview) => setPreview(next), [setPreview]);
  const importer = useBulkImport(preview, onPreview);
  const { limit, error: limitError } = useRateLimit(account?.id ?? null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<UiError | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [resuming, setResuming] = useState(false);
  const [resumeError, setResumeError] = useState<UiError | null>(null);

  // Runs may have ended (or been left behind) while another screen was shown.
  const { refresh } = runs;
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const { open, busy } = importer;
  const canImport = runId === null && account !== null;
  useEffect(() => {
    if (!canImport) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'o')
        return;
      if (document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      if (busy === null) void open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canImport, busy, open]);

  if (account === null) {
    return (
      <EmptyState
        icon="building"
        title="Add a Zoom account first"
        action={
          <button type="button" className="button button-primary" onClick={onOpenAccounts}>
            <Icon name="building" size={16} />
            Open Accounts
          </button>
        }
      >
        Bulk changes run against a Zoom account, like single changes. Add one with its credentials, then come back to
        import a file.
      </EmptyState>
    );
  }

  const showRun = (id: string) => {
    setResumeError(null);
    setRunId(id);
  };
  const newImport = () => {
    setRunId(null);
    setPreview(null);
    setStartError(null);
    void runs.refresh();
  };

  if (runId !== null) {
    return (
      <BulkRunView
        key={runId}
        runId={runId}
        onRerun={(id) => {
          setRunId(id);
          void runs.refresh();
        }}
        onNewImport={newImport}
      />
    );
  }

  const start = async () => {
    if (preview === null) return;
    setStarting(true);
    setStartError(null);
    const result = await bulkApi.start(toStartRequest(options, preview.importId, account.id, limit));
    setStarting(false);
    if (result.ok) {
      showRun(result.value.runId);
      void runs.refresh();
    } else {
      setStartError(result.error);
    }
  };
  const resume = async (id: string) => {
    setResuming(true);
    setResumeError(null);
    const result = await bulkApi.resume(id);
    setResuming(false);
    if (result.ok) showRun(id);
    else setResumeError(result.error);
    void runs.refresh();
  };

  const offers = runs.resumable.filter((run) => !dismissed.has(run.runId));
  const offer = offers[0];
  const patchOptions = (patch: Partial<BulkOptionsForm>) => setOptions((prev) => ({ ...prev, ...patch }));
  return (
    <div className={`bulk${preview === null ? ' is-start' : ''}`}>
      {offer === undefined ? null : (
        <BulkResumeOffer
          run={offer}
          others={offers.length - 1}
          resuming={resuming}
          onResume={() => void resume(offer.runId)}
          onView={() => showRun(offer.runId)}
          onDismiss={() => setDismissed((prev) => new Set([...prev, offer.runId]))}
        />
      )}
      {resumeError === null ? null : <ErrorCallout error={resumeError} title="The run was not resumed" />}
      {preview === null ? (
        <>
          <BulkStart
            opening={busy === 'open'}
            error={importer.error}
            shortcut={`${modifierLabel}+O`}
            onOpen={() => void open()}
          />
          {runs.error === null ? null : <ErrorCallout error={runs.error} title="Earlier runs could not be listed" />}
          <BulkRecentRuns runs={runs.runs} onOpen={showRun} />
        </>
      ) : (
        <BulkPreviewView
          preview={preview}
          importer={importer}
          form={options}
          onForm={patchOptions}
          account={account.name}
          limit={limit}
          limitError={limitError}
          starting={starting}
          startError={startError}
          onStart={start}
        />
      )}
    </div>
  );
}
