import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/** The password change: the service validates, sends, records history and returns the entry it recorded. */
export function registerPasswordHandlers(core: Core): Pick<HandlerTable, 'changePassword'> {
  return {
    changePassword: async ({ user, password, account, reason, force, checkOf }) => ({
      entry: await core.passwords.change({
        user,
        password,
        ...(account === undefined ? {} : { account }),
        ...(reason === undefined ? {} : { reason }),
        ...(force === undefined ? {} : { force }),
        ...(checkOf === undefined ? {} : { checkOf }),
      }),
    }),
  };
}
