import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HistoryFilter } from '../../../shared/domain/history';
import { onHistoryChanged } from '../api/events';
import { HistoryPager, type HistorySnapshot } from '../api/history-pager';
import { useWindowFocus } from './use-window-focus';

/**
 * The history for the given filter and order, paged for a virtual table. Reloads when a request
 * finishes anywhere in the app and when the window regains focus (the zpa command may have written
 * entries meanwhile).
 */
export function useHistoryPager(filter: HistoryFilter): { pager: HistoryPager; snapshot: HistorySnapshot } {
  const [pager] = useState(() => new HistoryPager());
  const snapshot = useSyncExternalStore(pager.subscribe, pager.getSnapshot);
  // The pager compares filters by value, so a new object with the same fields does not reload.
  useEffect(() => pager.setFilter(filter), [pager, filter]);
  useEffect(() => onHistoryChanged(() => void pager.refresh()), [pager]);
  useWindowFocus(() => void pager.refresh());
  return { pager, snapshot };
}
