import { useCallback, useEffect, useState } from 'react';
import type { IpcResponse } from '../../../shared/ipc/contract';
import { api, type UiError } from '../api/client';

export type Preferences = IpcResponse<'getPreferences'>;

export interface PreferencesState {
  /** Undefined until loaded. */
  preferences: Preferences | undefined;
  saving: boolean;
  /** True right after a successful save, until the next edit. */
  saved: boolean;
  error: UiError | null;
}

/** The app's preferences (clipboard clearing), read on mount and saved through main. */
export function usePreferences() {
  const [state, setState] = useState<PreferencesState>({
    preferences: undefined,
    saving: false,
    saved: false,
    error: null,
  });
  useEffect(() => {
    let live = true;
    void api.getPreferences().then((result) => {
      if (!live) return;
      setState((prev) => (result.ok ? { ...prev, preferences: result.value } : { ...prev, error: result.error }));
    });
    return () => {
      live = false;
    };
  }, []);
  const save = useCallback(async (preferences: Preferences): Promise<boolean> => {
    setState((prev) => ({ ...prev, saving: true, saved: false, error: null }));
    const result = await api.setPreferences(preferences);
    setState((prev) =>
      result.ok
        ? { preferences: result.value, saving: false, saved: true, error: null }
        : { ...prev, saving: false, error: result.error },
    );
    return result.ok;
  }, []);
  const clearSaved = useCallback(() => setState((prev) => (prev.saved ? { ...prev, saved: false } : prev)), []);
  return { state, save, clearSaved };
}
