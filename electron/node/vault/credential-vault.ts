import { AppError } from '../../../shared/domain/errors';
import { tokenSchema, type TokenStatus } from '../../../shared/ipc/contract';
import { systemClock, type Clock, type Keychain, type KeyValueStore } from '../ports';
import { keychainError, type KeychainOperation } from './keychain-errors';

/** The keychain service name of the production entry; tests pass their own (ZPA_KEYCHAIN_SERVICE). */
export const KEYCHAIN_SERVICE = 'Zoom Password Admin';
export const TOKEN_ACCOUNT = 'access-token';
/** Settings key of when the token was stored: not secret, so it lives in config.json. */
export const TOKEN_STORED_AT_KEY = 'tokenStoredAt';

export interface CredentialVaultOptions {
  /** A function defers loading keytar until the keychain is first needed. */
  keychain: Keychain | (() => Keychain);
  settings: KeyValueStore;
  clock?: Clock;
  service?: string;
  /** Picks the advice in keychain errors; defaults to this machine's. */
  platform?: NodeJS.Platform;
}

/**
 * The Zoom access token in the OS keychain, and nowhere else: there is no plaintext fallback.
 * Every keychain failure becomes AppError('keychain_unavailable') naming the cause and what to do.
 * Only main (and zpa) call readToken(); the renderer only ever sees a TokenStatus.
 */
export class CredentialVault {
  readonly service: string;
  private readonly settings: KeyValueStore;
  private readonly clock: Clock;
  private readonly platform: NodeJS.Platform;
  private readonly keychainSource: Keychain | (() => Keychain);
  private keychain: Keychain | undefined;

  constructor(o: CredentialVaultOptions) {
    this.keychainSource = o.keychain;
    this.settings = o.settings;
    this.clock = o.clock ?? systemClock;
    this.service = o.service ?? KEYCHAIN_SERVICE;
    this.platform = o.platform ?? process.platform;
  }

  /** Whether a token is stored, and since when (null when the date was not recorded). */
  async status(): Promise<TokenStatus> {
    const token = await this.readToken();
    if (token === null) {
      // Cleared by hand in the OS keychain tool: forget the date too.
      if (this.storedAt() !== null) this.forgetStoredAt();
      return { stored: false, storedAt: null };
    }
    return { stored: true, storedAt: this.storedAt() };
  }

  /** Stores (or replaces) the token. Invalid input is refused with a message that never repeats it. */
  async setToken(token: string): Promise<TokenStatus> {
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) {
      throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? 'That is not a Zoom access token.', {
        field: 'token',
        action: 'Paste the access token exactly as Zoom (or your OAuth tool) gave it.',
      });
    }
    const value = parsed.data;
    await this.call('store', (k) => k.setPassword(this.service, TOKEN_ACCOUNT, value), [token, value]);
    const storedAt = this.clock.now().toISOString();
    try {
      this.settings.set(TOKEN_STORED_AT_KEY, storedAt);
    } catch {
      // The token is safely stored; only its date could not be kept, so report it as unknown.
      return { stored: true, storedAt: null };
    }
    return { stored: true, storedAt };
  }

  /** Removes the token; removing when none is stored is not an error. */
  async clearToken(): Promise<TokenStatus> {
    await this.call('remove', (k) => k.deletePassword(this.service, TOKEN_ACCOUNT));
    this.forgetStoredAt();
    return { stored: false, storedAt: null };
  }

  /** The token itself, for the Zoom client in main or zpa only; null when none is stored. */
  async readToken(): Promise<string | null> {
    const token = await this.call('read', (k) => k.getPassword(this.service, TOKEN_ACCOUNT));
    return typeof token === 'string' && token.length > 0 ? token : null;
  }

  private storedAt(): string | null {
    let value: unknown;
    try {
      value = this.settings.get(TOKEN_STORED_AT_KEY);
    } catch {
      return null;
    }
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null;
  }

  private forgetStoredAt(): void {
    try {
      this.settings.delete(TOKEN_STORED_AT_KEY);
    } catch {
      // Best effort: a stale date is ignored while no token is stored.
    }
  }

  private async call<T>(
    operation: KeychainOperation,
    run: (keychain: Keychain) => Promise<T>,
    secrets: readonly string[] = [],
  ): Promise<T> {
    try {
      return await run(this.resolveKeychain());
    } catch (error) {
      throw keychainError(error, {
        operation,
        platform: this.platform,
        busAddressSet: Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']),
        secrets,
      });
    }
  }

  private resolveKeychain(): Keychain {
    if (this.keychain) return this.keychain;
    this.keychain = typeof this.keychainSource === 'function' ? this.keychainSource() : this.keychainSource;
    return this.keychain;
  }
}
