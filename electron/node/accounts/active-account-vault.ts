import { AppError } from '../../../shared/domain/errors';
import { tokenSchema, type TokenStatus } from '../../../shared/ipc/contract';
import type { AccountStore } from './account-store';
import { CLOUD_LABELS, type Account } from './account-types';
import { cloudForApiBase } from './account-urls';
import type { AccountsService } from './accounts-service';
import { LEGACY_ACCOUNT_NAME } from './legacy-migration';

/**
 * The first version's "one stored token", kept working on top of accounts (zpa token …, the token
 * screen): it acts on the active account when that uses a pasted token. Storing a token with no
 * account set up creates a "Default" token account (cloud from the configured API base) and makes
 * it active. An active Server-to-Server OAuth account has no token to store or clear.
 */
export class ActiveAccountVault {
  readonly service: string;

  constructor(
    private readonly accounts: AccountsService,
    private readonly store: AccountStore,
    /** The configured API base, for the cloud of an account created by setToken. */
    private readonly apiBase: string,
  ) {
    this.service = store.secrets.service;
  }

  /** Whether the active account's secret (token or client secret) is stored, and since when. */
  async status(): Promise<TokenStatus> {
    const account = await this.active();
    if (account === null) return { stored: false, storedAt: null };
    const stored = (await this.store.readSecret(account)) !== null;
    return stored ? { stored: true, storedAt: account.secretStoredAt } : { stored: false, storedAt: null };
  }

  /** Stores (or replaces) the active account's token; refused for an OAuth account. */
  async setToken(token: string): Promise<TokenStatus> {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) {
      throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? 'That is not a Zoom access token.', {
        field: 'token',
        action: 'Paste the access token exactly as Zoom (or your OAuth tool) gave it.',
      });
    }
    const account = await this.active();
    if (account === null) {
      const { cloud, apiBase, oauthBase } = cloudForApiBase(this.apiBase);
      const added = await this.accounts.add({
        name: LEGACY_ACCOUNT_NAME,
        cloud,
        ...(cloud === 'custom' ? { apiBase, oauthBase } : {}),
        credential: { kind: 'token', token: parsed.data },
      });
      return { stored: true, storedAt: added.secretStoredAt };
    }
    this.refuseOAuth(account, 'store a token for it');
    const edited = await this.accounts.edit(account.id, { credential: { kind: 'token', token: parsed.data } });
    return { stored: true, storedAt: edited.secretStoredAt };
  }

  /** Removes the active account's token (the account stays); nothing stored is not an error. */
  async clearToken(): Promise<TokenStatus> {
    const account = await this.active();
    if (account === null) return { stored: false, storedAt: null };
    this.refuseOAuth(account, 'clear its token');
    await this.store.exclusive(async () => {
      await this.store.secrets.delete(account.id, 'token');
      const state = this.store.readState();
      this.store.writeState({
        ...state,
        accounts: state.accounts.map((a) => (a.id === account.id ? { ...a, secretStoredAt: null } : a)),
      });
    });
    return { stored: false, storedAt: null };
  }

  /** The active account's pasted token, for main and zpa only; null when none (or it uses OAuth). */
  async readToken(): Promise<string | null> {
    const account = await this.active();
    if (account === null || account.credential.kind !== 'token') return null;
    return this.store.readSecret(account);
  }

  private async active(): Promise<Account | null> {
    await this.accounts.ready();
    const account = this.store.active();
    // No account because the earlier version's token could not be migrated: say why (keychain locked).
    if (account === null) {
      const reason = this.accounts.unmigrated(new AppError('no_token', 'No Zoom account is set up.'));
      if (reason instanceof AppError && reason.code !== 'no_token') throw reason;
    }
    return account;
  }

  private refuseOAuth(account: Account, what: string): void {
    if (account.credential.kind === 'token') return;
    throw new AppError(
      'invalid_input',
      `The active account "${account.name}" (${CLOUD_LABELS[account.cloud]}) uses Server-to-Server OAuth: its tokens are fetched automatically, so you cannot ${what}.`,
      {
        field: 'token',
        action:
          'Choose a pasted-token account first (Accounts, or `zpa account use <name>`), or add one with `zpa account add <name> --token`.',
      },
    );
  }
}
