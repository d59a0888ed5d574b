import { useCallback, useEffect, useState } from 'react';
import type { IpcResult, TokenStatus } from '../../../shared/ipc/contract';
import { api, type UiError } from '../api/client';

export interface TokenState {
  status: TokenStatus | null;
  /** Why the status could not be read (keychain unavailable...). */
  error: UiError | null;
  loaded: boolean;
  refresh(): Promise<void>;
  store(token: string): Promise<IpcResult<TokenStatus>>;
  clear(): Promise<IpcResult<TokenStatus>>;
}

/** Whether a token is stored, and the actions that change it. The token itself never comes back. */
export function useTokenStatus(): TokenState {
  const [status, setStatus] = useState<TokenStatus | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback((result: IpcResult<TokenStatus>) => {
    if (result.ok) {
      setStatus(result.value);
      setError(null);
    }
    setLoaded(true);
    return result;
  }, []);

  const refresh = useCallback(async () => {
    const result = await api.getTokenStatus();
    apply(result);
    if (!result.ok) setError(result.error);
  }, [apply]);

  useEffect(() => {
    let live = true;
    void api.getTokenStatus().then((result) => {
      if (!live) return;
      apply(result);
      if (!result.ok) setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [apply]);

  const store = useCallback(async (token: string) => apply(await api.setToken(token)), [apply]);
  const clear = useCallback(async () => apply(await api.clearToken()), [apply]);

  return { status, error, loaded, refresh, store, clear };
}
