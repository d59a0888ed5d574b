import { useCallback, useEffect, useState } from 'react';
import type { BulkRunState, BulkRunStatus, IpcResult } from '../../../shared/ipc/contract';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';
import { isActiveRun } from '../bulk/row-states';

/** How often the screen asks main for news: often while requests go out, less while nothing moves. */
const POLL_MS: Readonly<Record<BulkRunState, number>> = {
  running: 300,
  paused: 1000,
  daily_limit: 2000,
  finished: 0,
  cancelled: 0,
  interrupted: 0,
};
// After a failed poll (main busy, a hiccup), try again a little later rather than give up on the run.
const RETRY_MS = 2000;

export type RunAction = 'pause' | 'resume' | 'cancel';

export interface BulkRunView {
  status: BulkRunStatus | null;
  /** Why the run could not be read, or why the last action failed. */
  error: UiError | null;
  acting: RunAction | null;
  act(action: RunAction): Promise<void>;
}

/**
 * Follows one run: polls getBulkRun while main is working on it (running, paused, waiting out a daily
 * limit) and stops once it is over. Pause, resume and cancel answer with the new status at once.
 */
export function useBulkRun(runId: string): BulkRunView {
  const [latest, setLatest] = useState<{ runId: string; status: BulkRunStatus } | null>(null);
  const [error, setError] = useState<{ runId: string; error: UiError } | null>(null);
  const [acting, setActing] = useState<RunAction | null>(null);
  // Bumped after an action so polling starts again (a resumed run was not being polled).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      const result = await bulkApi.get(runId);
      if (!live) return;
      let next = RETRY_MS;
      if (result.ok) {
        setLatest({ runId, status: result.value });
        setError(null);
        next = POLL_MS[result.value.state];
      } else {
        setError({ runId, error: result.error });
        // A run main does not know (removed, another data folder) will not come back.
        if (result.error.code === 'invalid_input' || result.error.code === 'invalid_request') next = 0;
      }
      if (next > 0) timer = window.setTimeout(() => void poll(), next);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [runId, generation]);

  const act = useCallback(
    async (action: RunAction) => {
      setActing(action);
      const calls: Record<RunAction, (id: string) => Promise<IpcResult<BulkRunStatus>>> = {
        pause: bulkApi.pause,
        resume: bulkApi.resume,
        cancel: bulkApi.cancel,
      };
      const result = await calls[action](runId);
      setActing(null);
      if (result.ok) {
        setLatest({ runId, status: result.value });
        setError(null);
        if (isActiveRun(result.value.state)) setGeneration((g) => g + 1);
      } else {
        setError({ runId, error: result.error });
      }
    },
    [runId],
  );

  return {
    status: latest?.runId === runId ? latest.status : null,
    error: error?.runId === runId ? error.error : null,
    acting,
    act,
  };
}
