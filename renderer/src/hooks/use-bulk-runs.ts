import { useCallback, useEffect, useState } from 'react';
import type { BulkRunSummary } from '../../../shared/ipc/contract';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';

export interface BulkRunsState {
  runs: BulkRunSummary[];
  /** Runs that stopped before the end (a crash, a forced quit), newest first. */
  resumable: BulkRunSummary[];
  error: UiError | null;
  loaded: boolean;
  refresh(): Promise<void>;
}

/** The runs main knows about (journalled in the data folder), newest first. */
export function useBulkRuns(): BulkRunsState {
  const [runs, setRuns] = useState<BulkRunSummary[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback((result: Awaited<ReturnType<typeof bulkApi.list>>) => {
    if (result.ok) setRuns([...result.value.runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    setError(result.ok ? null : result.error);
    setLoaded(true);
  }, []);
  const refresh = useCallback(async () => apply(await bulkApi.list()), [apply]);

  useEffect(() => {
    let live = true;
    void bulkApi.list().then((result) => {
      if (live) apply(result);
    });
    return () => {
      live = false;
    };
  }, [apply]);

  return { runs, resumable: runs.filter((run) => run.resumable), error, loaded, refresh };
}
