import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/**
 * Accounts: list, add, edit, remove, pick the active one, test. A token or client secret arrives
 * here once (add/edit, already checked by the contract), goes to the keychain, and never comes
 * back: every answer is an AccountView or a connection test result, neither of which can hold one.
 */
export function registerAccountHandlers(
  core: Core,
): Pick<
  HandlerTable,
  'listAccounts' | 'addAccount' | 'editAccount' | 'removeAccount' | 'setActiveAccount' | 'testAccount'
> {
  return {
    listAccounts: () => core.accounts.list(),
    addAccount: ({ activate, ...input }) => core.accounts.add(input, activate === undefined ? {} : { activate }),
    editAccount: ({ ref, patch }) => core.accounts.edit(ref, patch),
    removeAccount: ({ ref }) => core.accounts.remove(ref),
    setActiveAccount: ({ ref }) => core.accounts.setActive(ref),
    testAccount: ({ ref }) => core.accounts.test(ref),
  };
}
