import type {
  AccountList,
  AccountView,
  ActiveAccountInfo,
  ConnectionTestResultView,
  Notice,
} from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/domain/errors';
import { systemClock, type Clock, type KeyValueStore, type Transport } from '../ports';
import type { AccountStore } from './account-store';
import type { Account, AccountPatch, NewAccountInput } from './account-types';
import { effectiveUrls, type AccountUrls } from './account-urls';
import { testConnection } from './connection-test';
import { migrateLegacyToken } from './legacy-migration';
import type { TokenProvider } from './token-provider';
import { TOKEN_STORED_AT_KEY } from '../vault/credential-vault';

export interface AccountsServiceOptions {
  store: AccountStore;
  provider: TokenProvider;
  /** The settings store the first version kept `tokenStoredAt` in (for the migration). */
  settings: KeyValueStore;
  transport: Transport;
  /** The API base the first version was configured with: the migrated account's cloud comes from it. */
  legacyApiBase: string;
  /** ZPA_API_BASE_URL / ZPA_OAUTH_BASE_URL: every account's requests go there instead (tests, demo). */
  apiBaseOverride?: string;
  oauthBaseOverride?: string;
  clock?: Clock;
  timeoutMs?: number;
  /** Where notices for the user go (the migration's, or why it failed). */
  notices: Notice[];
}

/**
 * The named Zoom accounts as both shells use them. The single token of the first version is turned
 * into an account once, before anything else reads or changes accounts; if that fails (keychain
 * locked), a notice says so and the old token stays where it was, to be migrated on the next start.
 * Never returns a token or a client secret.
 */
export class AccountsService {
  private readonly o: AccountsServiceOptions;
  private readonly clock: Clock;
  private migration: Promise<void> | undefined;
  private migrationError: AppError | null = null;
  private keychainProbed = false;

  constructor(o: AccountsServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
  }

  /** Runs the migration of the first version's token once (memoised); never rejects. */
  ready(): Promise<void> {
    this.migration ??= migrateLegacyToken({
      store: this.o.store,
      settings: this.o.settings,
      apiBase: this.o.legacyApiBase,
      clock: this.clock,
    }).then(
      (result) => {
        if (result.notice !== null) this.o.notices.push(result.notice);
      },
      (error: unknown) => {
        this.migrationError =
          error instanceof AppError ? error : new AppError('storage_error', 'The stored token could not be migrated.');
        // Without the first version's date in settings there is most likely no old token at all: a
        // keychain that cannot be read is then simply a keychain problem, and is reported as one.
        if (
          error instanceof AppError &&
          error.code === 'keychain_unavailable' &&
          this.o.settings.get(TOKEN_STORED_AT_KEY) === undefined
        ) {
          this.o.notices.push(keychainNotice(error));
          return;
        }
        const reason = error instanceof AppError ? error.message : 'an unexpected error';
        this.o.notices.push({
          id: 'accounts-migration-failed',
          level: 'warning',
          message: `The access token stored by an earlier version could not be turned into an account yet: ${reason}`,
          action:
            (error instanceof AppError && error.action ? `${error.action} ` : '') +
            'It stays where it was and is moved on the next start; nothing needs to be entered again.',
        });
      },
    );
    return this.migration;
  }

  /**
   * Reads the active account's secret once, so a keychain that cannot be used is reported when the app
   * starts (as a notice with what to do) rather than only when the user next sends something.
   */
  async probeKeychain(): Promise<void> {
    if (this.keychainProbed) return;
    this.keychainProbed = true;
    const active = this.o.store.active();
    // A failed migration already told the user about the keychain.
    if (active === null || this.migrationError !== null) return;
    try {
      await this.o.store.readSecret(active);
    } catch (error) {
      if (error instanceof AppError && error.code === 'keychain_unavailable')
        this.o.notices.push(keychainNotice(error));
    }
  }

  /** Every account (in the order they were added) and the active one's id. */
  async list(): Promise<AccountList> {
    await this.ready();
    const { accounts, activeId } = this.o.store.readState();
    const views = await Promise.all(accounts.map((a) => this.view(a, activeId)));
    return { accounts: views, activeId };
  }

  /** Adds an account (its secret to the keychain only); the first account becomes active. */
  async add(input: NewAccountInput, o: { activate?: boolean } = {}): Promise<AccountView> {
    await this.ready();
    const account = await this.o.store.add(input, o);
    return this.view(account, this.o.store.activeId());
  }

  /** Changes an account; a secret left out of the patch is kept. */
  async edit(ref: string, patch: AccountPatch): Promise<AccountView> {
    await this.ready();
    const account = await this.o.store.edit(ref, patch);
    return this.view(account, this.o.store.activeId());
  }

  /** Removes an account and deletes its keychain entries; answers which account is active now. */
  async remove(ref: string): Promise<{ activeId: string | null }> {
    await this.ready();
    const { activeId } = await this.o.store.remove(ref);
    return { activeId };
  }

  /** Makes an account the one every action runs against unless told otherwise. */
  async setActive(ref: string): Promise<AccountView> {
    await this.ready();
    const account = await this.o.store.setActive(ref);
    return this.view(account, account.id);
  }

  /**
   * Tests an account (the active one when `ref` is undefined): a fresh token and one harmless read
   * call. Token-endpoint and API failures come back as a result; only local problems reject.
   */
  async test(ref?: string): Promise<ConnectionTestResultView> {
    const account = await this.resolve(ref);
    return testConnection({
      account,
      provider: this.o.provider,
      transport: this.o.transport,
      clock: this.clock,
      ...(this.o.timeoutMs === undefined ? {} : { timeoutMs: this.o.timeoutMs }),
      ...(this.o.apiBaseOverride ? { apiBaseOverride: this.o.apiBaseOverride } : {}),
    });
  }

  /**
   * The account named `ref` (name ignoring case, or id), or the active one. AppError no_token when
   * no account is set up, invalid_input (field 'account') for an unknown name.
   */
  async resolve(ref?: string): Promise<Account> {
    await this.ready();
    try {
      return this.o.store.require(ref === undefined || ref.trim() === '' ? undefined : ref);
    } catch (error) {
      throw this.unmigrated(error);
    }
  }

  /**
   * What to report when no account is found: when the earlier version's token could not be migrated
   * (keychain locked), that reason rather than "no account", since the user did store a token.
   */
  unmigrated(error: unknown): unknown {
    return error instanceof AppError && error.code === 'no_token' && this.migrationError !== null
      ? this.migrationError
      : error;
  }

  /** Where an account's requests really go (the environment overrides applied). */
  urlsFor(account: AccountUrls): AccountUrls {
    return effectiveUrls(account, {
      ...(this.o.apiBaseOverride ? { apiBase: this.o.apiBaseOverride } : {}),
      ...(this.o.oauthBaseOverride ? { oauthBase: this.o.oauthBaseOverride } : {}),
    });
  }

  /** The active account as app info shows it; null when there is none (or settings cannot be read). */
  activeInfo(): ActiveAccountInfo | null {
    let account: Account | null;
    try {
      account = this.o.store.active();
    } catch {
      return null;
    }
    if (account === null) return null;
    return { id: account.id, name: account.name, cloud: account.cloud, apiBase: this.urlsFor(account).apiBase };
  }

  /** The account's settings plus whether its secret is in the keychain; never the secret. */
  private async view(account: Account, activeId: string | null): Promise<AccountView> {
    let secretStored: boolean;
    try {
      secretStored = (await this.o.store.readSecret(account)) !== null;
    } catch {
      // A locked or missing keychain must not hide the list; the action that needs the secret says why.
      secretStored = false;
    }
    return { ...account, secretStored, active: account.id === activeId };
  }
}

/** The start-up notice for a keychain that cannot be used: its cause and what to do. */
function keychainNotice(error: AppError): Notice {
  return {
    id: 'keychain-unavailable',
    level: 'error',
    message: error.message,
    ...(error.action === undefined ? {} : { action: error.action }),
  };
}
