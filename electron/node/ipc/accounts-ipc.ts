import { AppError } from '../../../shared/domain/errors';
import type { AccountPatch } from '../../../shared/domain/accounts';
import { urlsAfterPatch } from '../accounts/account-urls';
import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/**
 * A renderer must not be able to point an account it did not just enter a secret for at another
 * server: the stored token or client secret would go there with the next request. So an edit that
 * changes where the account's requests go needs its secret in the same edit. (zpa, run by the user
 * at a terminal, edits the store directly.)
 */
async function refuseMovingStoredSecret(core: Core, ref: string, patch: AccountPatch): Promise<void> {
  if (patch.cloud === undefined && patch.apiBase === undefined && patch.oauthBase === undefined) return;
  const current = await core.accounts.resolve(ref);
  const next = urlsAfterPatch(current, patch);
  if (next.apiBase === current.apiBase && next.oauthBase === current.oauthBase) return;
  const kind = patch.credential?.kind ?? current.credential.kind;
  const newSecret =
    patch.credential?.kind === 'token'
      ? patch.credential.token !== undefined
      : patch.credential?.kind === 's2s' && patch.credential.clientSecret !== undefined;
  if (newSecret) return;
  const secret = kind === 'token' ? 'access token' : 'client secret';
  throw new AppError(
    'invalid_input',
    `Changing where "${current.name}" sends its requests needs its ${secret} again: the stored one is never sent to a new address.`,
    {
      field: kind === 'token' ? 'token' : 'clientSecret',
      action: `Enter the ${secret} for the new address, then save again.`,
    },
  );
}

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
    editAccount: async ({ ref, patch }) => {
      await refuseMovingStoredSecret(core, ref, patch);
      return core.accounts.edit(ref, patch);
    },
    removeAccount: ({ ref }) => core.accounts.remove(ref),
    setActiveAccount: ({ ref }) => core.accounts.setActive(ref),
    testAccount: ({ ref }) => core.accounts.test(ref),
  };
}
