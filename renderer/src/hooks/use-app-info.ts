import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { api, type UiError } from '../api/client';

export interface AppInfoState {
  info: AppInfo | null;
  error: UiError | null;
  loaded: boolean;
}

/** Loads the app's identity, API base, demo flag and start-up notices once. */
export function useAppInfo(): AppInfoState {
  const [state, setState] = useState<AppInfoState>({ info: null, error: null, loaded: false });
  useEffect(() => {
    let live = true;
    void api.getAppInfo().then((result) => {
      if (!live) return;
      setState(
        result.ok
          ? { info: result.value, error: null, loaded: true }
          : { info: null, error: result.error, loaded: true },
      );
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
