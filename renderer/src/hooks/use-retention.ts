import { useCallback, useEffect, useState } from 'react';
import type { HistoryRetentionResult } from '../../../shared/domain/history';
import { api, type UiError } from '../api/client';
import { emitHistoryChanged } from '../api/events';

export interface RetentionState {
  /** The stored period; undefined until loaded, null keeps everything. */
  days: number | null | undefined;
  saving: boolean;
  /** What the last change did, for the user to see. */
  applied: { days: number | null; result: HistoryRetentionResult | null } | null;
  error: UiError | null;
}

/** The history retention setting: read on mount, changed (and applied at once) through main. */
export function useRetention() {
  const [state, setState] = useState<RetentionState>({ days: undefined, saving: false, applied: null, error: null });
  useEffect(() => {
    let live = true;
    void api.getRetention().then((result) => {
      if (!live) return;
      setState((prev) =>
        result.ok ? { ...prev, days: result.value.days } : { ...prev, days: null, error: result.error },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  const save = useCallback(async (days: number | null): Promise<boolean> => {
    setState((prev) => ({ ...prev, saving: true, error: null }));
    const result = await api.setRetention(days);
    if (!result.ok) {
      setState((prev) => ({ ...prev, saving: false, error: result.error }));
      return false;
    }
    setState({
      days: result.value.days,
      saving: false,
      applied: { days: result.value.days, result: result.value.applied },
      error: null,
    });
    // Entries may have gone: every view showing history reloads.
    if ((result.value.applied?.removed ?? 0) > 0) emitHistoryChanged();
    return true;
  }, []);
  return { state, save };
}
