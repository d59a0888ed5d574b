import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/** History and recent users: local reads only, so they work offline and without a token. */
export function registerHistoryHandlers(core: Core): Pick<HandlerTable, 'listHistory' | 'listRecentUsers'> {
  return {
    listHistory: async (query) => core.history.list(query),
    listRecentUsers: async () => core.recentUsers.list(),
  };
}
