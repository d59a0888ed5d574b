import { AppError } from '../../../shared/domain/errors';
import type { Keychain } from '../ports';
import { KEYCHAIN_SERVICE, TOKEN_ACCOUNT } from '../vault/credential-vault';
import { keychainError, type KeychainOperation } from '../vault/keychain-errors';
import type { SecretKind } from './account-types';

/** The keychain entry ("account" in keytar's terms) of one account's secret. */
export function secretEntryName(accountId: string, kind: SecretKind): string {
  return `account:${accountId}:${kind}`;
}

export const SECRET_KINDS: readonly SecretKind[] = ['token', 'client-secret'];

/**
 * Accounts' secrets in the OS keychain, one entry per account and kind, named after the account's
 * stable id. Every keychain failure becomes AppError('keychain_unavailable') saying what to do;
 * the secret never appears in it.
 */
export class AccountSecrets {
  readonly service: string;
  private readonly source: Keychain | (() => Keychain);
  private readonly platform: NodeJS.Platform;
  private keychain: Keychain | undefined;

  constructor(o: { keychain: Keychain | (() => Keychain); service?: string; platform?: NodeJS.Platform }) {
    this.source = o.keychain;
    this.service = o.service ?? KEYCHAIN_SERVICE;
    this.platform = o.platform ?? process.platform;
  }

  /** The secret, or null when none is stored. */
  async read(accountId: string, kind: SecretKind): Promise<string | null> {
    const value = await this.call('read', kind, (k) => k.getPassword(this.service, secretEntryName(accountId, kind)));
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  async write(accountId: string, kind: SecretKind, secret: string): Promise<void> {
    await this.call('store', kind, (k) => k.setPassword(this.service, secretEntryName(accountId, kind), secret), [
      secret,
    ]);
  }

  /** Deletes one entry; deleting a missing entry is not an error. Resolves true when one was deleted. */
  async delete(accountId: string, kind: SecretKind): Promise<boolean> {
    return this.call('remove', kind, (k) => k.deletePassword(this.service, secretEntryName(accountId, kind)));
  }

  /** Deletes every entry an account may have (leftovers of a changed credential kind included). */
  async deleteAll(accountId: string): Promise<void> {
    for (const kind of SECRET_KINDS) await this.delete(accountId, kind);
  }

  /** The single token of the first version (entry `access-token`), for the migration. */
  async readLegacyToken(): Promise<string | null> {
    const value = await this.call('read', 'token', (k) => k.getPassword(this.service, TOKEN_ACCOUNT));
    return typeof value === 'string' && value.length > 0 ? value : null;
  }

  async deleteLegacyToken(): Promise<boolean> {
    return this.call('remove', 'token', (k) => k.deletePassword(this.service, TOKEN_ACCOUNT));
  }

  private async call<T>(
    operation: KeychainOperation,
    kind: SecretKind,
    run: (keychain: Keychain) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    try {
      this.keychain ??= typeof this.source === 'function' ? this.source() : this.source;
      return await run(this.keychain);
    } catch (error) {
      const appError = keychainError(error, {
        operation,
        platform: this.platform,
        busAddressSet: Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']),
        secrets,
      });
      if (kind === 'token' || appError.code !== 'keychain_unavailable') return Promise.reject(appError);
      // keychainError speaks of "the token"; say which secret this is.
      return Promise.reject(
        new AppError(appError.code, appError.message.replace('the token', 'the client secret'), {
          ...(appError.action === undefined ? {} : { action: appError.action }),
        }),
      );
    }
  }
}
