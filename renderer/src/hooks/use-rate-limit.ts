import { useEffect, useState } from 'react';
import type { RateLimitSetting } from '../../../shared/ipc/contract';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';

/** The account's request budget (per second, per day), which a run's rate may not exceed. */
export function useRateLimit(accountId: string | null): { limit: RateLimitSetting | null; error: UiError | null } {
  const [state, setState] = useState<{ key: string; limit: RateLimitSetting | null; error: UiError | null } | null>(
    null,
  );
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void bulkApi.getRateLimit(accountId).then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { key: accountId, limit: result.value, error: null }
          : { key: accountId, limit: null, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  return state?.key === accountId ? { limit: state.limit, error: state.error } : { limit: null, error: null };
}
