import { useEffect, useState } from 'react';
import type { RecentUser } from '../../../shared/ipc/contract';
import { api, type UiError } from '../api/client';
import { onHistoryChanged } from '../api/events';

export interface RecentUsersState {
  users: RecentUser[];
  error: UiError | null;
}

/** The users acted on, newest first; reloads after every finished request. */
export function useRecentUsers(): RecentUsersState {
  const [state, setState] = useState<RecentUsersState>({ users: [], error: null });
  useEffect(() => {
    let live = true;
    const load = () => {
      void api.listRecentUsers().then((result) => {
        if (!live) return;
        setState(result.ok ? { users: result.value, error: null } : { users: [], error: result.error });
      });
    };
    load();
    const off = onHistoryChanged(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}
