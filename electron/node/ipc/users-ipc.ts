import type { Core } from '../core';
import type { HandlerTable, ShellServices } from './handler-table';

/**
 * Issue 5's handlers: user lookup and directory, the account's password policy, the one-time copy
 * of a new password (written to the clipboard here in main: the renderer never receives it) and the
 * preferences that copy follows.
 */
export function registerUsersHandlers(
  core: Core,
  shell: Pick<ShellServices, 'clipboard'>,
): Pick<
  HandlerTable,
  'lookupUser' | 'listUsers' | 'getPasswordPolicy' | 'copyNewPassword' | 'getPreferences' | 'setPreferences'
> {
  return {
    lookupUser: ({ user, account }) => core.users.lookup({ user, ...(account === undefined ? {} : { account }) }),
    listUsers: (request) => core.users.list(request),
    getPasswordPolicy: ({ account, refresh }) =>
      core.policies.get({
        ...(account === undefined ? {} : { account }),
        ...(refresh === undefined ? {} : { refresh }),
      }),
    copyNewPassword: async ({ entryId }) => core.handoff.copy(entryId, shell.clipboard),
    getPreferences: async () => core.preferences.get(),
    setPreferences: async (request) => core.preferences.set(request),
  };
}
