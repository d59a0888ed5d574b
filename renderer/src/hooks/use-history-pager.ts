import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HistoryQuery } from '../../../shared/domain/history';
import { onHistoryChanged } from '../api/events';
import { HistoryPager, type HistorySnapshot } from '../api/history-pager';
import { useWindowFocus } from './use-window-focus';

/**
 * The history for the given filters, paged for a virtual table. Reloads when a request finishes anywhere
 * in the app and when the window regains focus (the zpa command may have written entries meanwhile).
 */
export function useHistoryPager(filters: Pick<HistoryQuery, 'user' | 'outcome'>): {
  pager: HistoryPager;
  snapshot: HistorySnapshot;
} {
  const [pager] = useState(() => new HistoryPager());
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  const { user, outcome } = filters;

  useEffect(() => {
    pager.setFilters({
      ...(user === undefined ? {} : { user }),
      ...(outcome === undefined ? {} : { outcome }),
    });
  }, [pager, user, outcome]);

  useEffect(() => onHistoryChanged(() => void pager.refresh()), [pager]);
  useWindowFocus(() => void pager.refresh());

  return { pager, snapshot };
}
