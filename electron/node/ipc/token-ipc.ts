import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/**
 * Token handlers. They answer with the vault's status only: the token goes into main and never
 * comes back out over IPC.
 */
export function registerTokenHandlers(core: Core): Pick<HandlerTable, 'getTokenStatus' | 'setToken' | 'clearToken'> {
  return {
    getTokenStatus: () => core.vault.status(),
    setToken: ({ token }) => core.vault.setToken(token),
    clearToken: () => core.vault.clearToken(),
  };
}
