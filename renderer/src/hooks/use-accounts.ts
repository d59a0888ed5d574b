import { useCallback, useEffect, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { AccountList, AccountView } from '../accounts/account-model';
import { api, type UiError } from '../api/client';

export interface AccountsState {
  list: AccountList | null;
  accounts: AccountView[];
  active: AccountView | null;
  /** Why the accounts could not be read (keychain unavailable...). */
  error: UiError | null;
  loaded: boolean;
  refresh(): Promise<void>;
  /** Makes an account the active one, then reloads the list. */
  activate(id: string): Promise<IpcResult<AccountView>>;
}

/** The Zoom accounts and which one is active. Secrets never come back from main, so none are here. */
export function useAccounts(): AccountsState {
  const [list, setList] = useState<AccountList | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [loaded, setLoaded] = useState(false);

  const apply = useCallback((result: IpcResult<AccountList>) => {
    if (result.ok) setList(result.value);
    setError(result.ok ? null : result.error);
    setLoaded(true);
  }, []);

  const refresh = useCallback(async () => apply(await api.listAccounts()), [apply]);

  useEffect(() => {
    let live = true;
    void api.listAccounts().then((result) => {
      if (live) apply(result);
    });
    return () => {
      live = false;
    };
  }, [apply]);

  const activate = useCallback(
    async (id: string) => {
      const result = await api.setActiveAccount(id);
      await refresh();
      return result;
    },
    [refresh],
  );

  const accounts = list?.accounts ?? [];
  const active = accounts.find((a) => a.id === list?.activeId) ?? null;
  return { list, accounts, active, error, loaded, refresh, activate };
}
