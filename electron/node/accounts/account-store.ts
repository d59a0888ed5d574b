import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import { tokenSchema, type Notice } from '../../../shared/ipc/contract';
import { systemClock, type Clock, type Keychain, type KeyValueStore } from '../ports';
import { AccountRecords, type AccountsState } from './account-records';
import { AccountSecrets } from './account-secrets';
import {
  accountNameSchema,
  clientIdSchema,
  clientSecretSchema,
  nameKey,
  zoomAccountIdSchema,
  type Account,
  type AccountPatch,
  type Credential,
  type NewAccountInput,
  type SecretKind,
} from './account-types';
import { resolveCloudUrls, urlsAfterPatch } from './account-urls';

export interface AccountStoreOptions {
  settings: KeyValueStore;
  /** A function defers loading keytar until a secret is first needed. */
  keychain: Keychain | (() => Keychain);
  /** Keychain service name; default KEYCHAIN_SERVICE (tests pass their own). */
  service?: string;
  clock?: Clock;
  platform?: NodeJS.Platform;
  /** Our account ids; default 16 random base64url characters. */
  newId?: () => string;
  /**
   * Called after an account's credential or addresses changed, or it was removed, so cached
   * tokens of it are dropped (TokenProvider.forget).
   */
  onCredentialChange?: (accountId: string) => void;
}

/** The keychain entry that holds an account's secret. */
export function secretKindOf(credential: Credential): SecretKind {
  return credential.kind === 'token' ? 'token' : 'client-secret';
}

/**
 * Named Zoom accounts: their settings in the settings store (`accounts`, `activeAccount`), their
 * secrets in the OS keychain (one entry per account, named after its stable id). Changes are
 * serialised, and every change writes the keychain first, then settings, then deletes what is
 * no longer needed, so an interruption never leaves an account pointing at a missing secret
 * that it used to have, nor a secret that nothing refers to (removal deletes the secrets first).
 * Reads go to the settings store every time, so the app and zpa see each other's changes.
 */
export class AccountStore {
  /** What the user should be told (an unreadable accounts list that was set aside). */
  readonly notices: Notice[] = [];
  readonly secrets: AccountSecrets;
  private readonly records: AccountRecords;
  private readonly clock: Clock;
  private readonly newId: () => string;
  private readonly onCredentialChange: (accountId: string) => void;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(o: AccountStoreOptions) {
    this.clock = o.clock ?? systemClock;
    this.records = new AccountRecords(o.settings, this.clock, this.notices);
    this.secrets = new AccountSecrets({
      keychain: o.keychain,
      ...(o.service === undefined ? {} : { service: o.service }),
      ...(o.platform === undefined ? {} : { platform: o.platform }),
    });
    this.newId = o.newId ?? (() => randomBytes(12).toString('base64url'));
    this.onCredentialChange = o.onCredentialChange ?? (() => undefined);
  }

  /** Every account, in the order they were added. */
  list(): Account[] {
    return this.records.read().accounts;
  }

  /** The active account's id; null only when there is no account. */
  activeId(): string | null {
    return this.records.read().activeId;
  }

  /** The active account; null only when there is no account. */
  active(): Account | null {
    const { accounts, activeId } = this.records.read();
    return accounts.find((a) => a.id === activeId) ?? null;
  }

  /** An account by name (ignoring case) or by id; null when there is none. */
  get(ref: string): Account | null {
    return findAccount(this.records.read().accounts, ref);
  }

  /**
   * The account named `ref`, or the active one when `ref` is undefined. Throws AppError
   * invalid_input (field 'account', listing the names) for an unknown name, no_token when there is
   * no account at all.
   */
  require(ref?: string): Account {
    const { accounts, activeId } = this.records.read();
    if (accounts.length === 0) {
      throw new AppError('no_token', 'No Zoom account is set up yet.', {
        action: 'Add one under Accounts, or with `zpa account add <name> --token` or `--s2s`.',
      });
    }
    const found = ref === undefined ? accounts.find((a) => a.id === activeId) : findAccount(accounts, ref);
    if (found) return found;
    throw new AppError('invalid_input', `There is no Zoom account named "${(ref ?? '').trim()}".`, {
      field: 'account',
      action: `Use one of: ${accounts.map((a) => `"${a.name}"`).join(', ')}.`,
    });
  }

  /** The account's token (pasted-token accounts) or client secret (OAuth accounts); null when missing. */
  async readSecret(account: Pick<Account, 'id' | 'credential'>): Promise<string | null> {
    return this.secrets.read(account.id, secretKindOf(account.credential));
  }

  /**
   * Adds an account; its secret goes to the keychain only. The first account becomes active, and so
   * does any account added with `activate`. Throws AppError invalid_input (with the field),
   * keychain_unavailable or storage_error; nothing is kept when it throws.
   */
  add(input: NewAccountInput, o: { activate?: boolean } = {}): Promise<Account> {
    return this.exclusive(async () => {
      const state = this.records.read();
      const name = this.checkName(input.name, state.accounts, null);
      const urls = resolveCloudUrls(input.cloud, input);
      const { credential, secret } = checkNewCredential(input.credential);
      let id = this.newId();
      while (state.accounts.some((a) => a.id === id)) id = this.newId();
      const now = this.clock.now().toISOString();
      const account: Account = {
        id,
        name,
        cloud: input.cloud,
        ...urls,
        credential,
        createdAt: now,
        updatedAt: now,
        secretStoredAt: now,
      };
      const kind = secretKindOf(credential);
      await this.secrets.write(id, kind, secret);
      const activeId = o.activate === true || state.activeId === null ? id : state.activeId;
      await this.writeOrUndo({ accounts: [...state.accounts, account], activeId }, () => this.secrets.delete(id, kind));
      return account;
    });
  }

  /**
   * Changes an account. A new secret replaces the stored one; a credential of another kind replaces
   * the old credential and its keychain entry. Throws like add(); on failure nothing changes.
   */
  edit(ref: string, patch: AccountPatch): Promise<Account> {
    return this.exclusive(async () => {
      const state = this.records.read();
      const current = this.require(ref);
      const name = patch.name === undefined ? current.name : this.checkName(patch.name, state.accounts, current.id);
      const cloud = patch.cloud ?? current.cloud;
      const urls = urlsAfterPatch(current, patch);
      const change = patch.credential === undefined ? null : checkCredentialPatch(current.credential, patch.credential);
      const credential = change?.credential ?? current.credential;
      const now = this.clock.now().toISOString();
      const updated: Account = {
        ...current,
        name,
        cloud,
        ...urls,
        credential,
        updatedAt: now,
        secretStoredAt: change?.secret === undefined ? current.secretStoredAt : now,
      };
      const oldKind = secretKindOf(current.credential);
      const newKind = secretKindOf(credential);
      let undo = async (): Promise<void> => undefined;
      if (change?.secret !== undefined) {
        const previous = newKind === oldKind ? await this.secrets.read(current.id, newKind) : null;
        await this.secrets.write(current.id, newKind, change.secret);
        undo = async () => {
          if (previous === null) await this.secrets.delete(current.id, newKind);
          else await this.secrets.write(current.id, newKind, previous);
        };
      }
      const accounts = state.accounts.map((a) => (a.id === current.id ? updated : a));
      await this.writeOrUndo({ accounts, activeId: state.activeId }, undo);
      if (newKind !== oldKind) await this.deleteQuietly(current.id, oldKind);
      if (change !== null || urls.apiBase !== current.apiBase || urls.oauthBase !== current.oauthBase) {
        this.onCredentialChange(current.id);
      }
      return updated;
    });
  }

  /** Renames an account; its keychain entries stay where they are (they are named after its id). */
  rename(ref: string, name: string): Promise<Account> {
    return this.edit(ref, { name });
  }

  /**
   * Removes an account and deletes its keychain entries (first: if that fails, the account stays
   * and can be removed again). Removing the active account makes the first remaining one active.
   */
  remove(ref: string): Promise<{ removed: Account; activeId: string | null }> {
    return this.exclusive(async () => {
      const current = this.require(ref);
      await this.secrets.deleteAll(current.id);
      const state = this.records.read();
      const accounts = state.accounts.filter((a) => a.id !== current.id);
      const activeId =
        state.activeId === current.id || state.activeId === null ? (accounts[0]?.id ?? null) : state.activeId;
      this.records.write({ accounts, activeId });
      this.onCredentialChange(current.id);
      return { removed: current, activeId };
    });
  }

  /** Makes an account the one every action runs against unless told otherwise. */
  setActive(ref: string): Promise<Account> {
    return this.exclusive(async () => {
      const account = this.require(ref);
      const state = this.records.read();
      this.records.write({ accounts: state.accounts, activeId: account.id });
      return account;
    });
  }

  /**
   * Runs a change after the ones before it. Also used by the migration, which must not interleave
   * with an add of the same name.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Writes settings for the migration, which has already put the secret in the keychain. */
  writeState(state: AccountsState): void {
    this.records.write(state);
  }

  /** The current accounts and active id, validated (for the migration). */
  readState(): AccountsState {
    return this.records.read();
  }

  private checkName(input: string, accounts: readonly Account[], selfId: string | null): string {
    const name = parseField(accountNameSchema, input, 'name');
    const key = nameKey(name);
    const clash = accounts.find((a) => a.id !== selfId && nameKey(a.name) === key);
    if (clash) {
      throw new AppError('invalid_input', `There is already an account named "${clash.name}".`, {
        field: 'name',
        action: 'Choose another name (names are compared ignoring upper and lower case).',
      });
    }
    return name;
  }

  private async writeOrUndo(state: AccountsState, undo: () => Promise<unknown>): Promise<void> {
    try {
      this.records.write(state);
    } catch (error) {
      await undo().catch(() => undefined);
      throw error;
    }
  }

  private async deleteQuietly(accountId: string, kind: SecretKind): Promise<void> {
    try {
      await this.secrets.delete(accountId, kind);
    } catch {
      // The account no longer uses this entry; removing the account deletes it again.
    }
  }
}

/** An account by name (ignoring case), else by id. */
export function findAccount(accounts: readonly Account[], ref: string): Account | null {
  const key = nameKey(ref);
  return accounts.find((a) => nameKey(a.name) === key) ?? accounts.find((a) => a.id === ref.trim()) ?? null;
}

function checkNewCredential(input: NewAccountInput['credential']): { credential: Credential; secret: string } {
  if (input.kind === 'token')
    return { credential: { kind: 'token' }, secret: parseSecret(tokenSchema, input.token, 'token') };
  return {
    credential: {
      kind: 's2s',
      accountId: parseField(zoomAccountIdSchema, input.accountId, 'accountId'),
      clientId: parseField(clientIdSchema, input.clientId, 'clientId'),
    },
    secret: parseSecret(clientSecretSchema, input.clientSecret, 'clientSecret'),
  };
}

function checkCredentialPatch(
  current: Credential,
  patch: NonNullable<AccountPatch['credential']>,
): { credential: Credential; secret?: string } {
  const sameKind = patch.kind === current.kind;
  if (patch.kind === 'token') {
    if (patch.token === undefined) {
      if (sameKind) return { credential: current };
      throw missing('token', 'Paste the access token for this account.');
    }
    return { credential: { kind: 'token' }, secret: parseSecret(tokenSchema, patch.token, 'token') };
  }
  const old = current.kind === 's2s' ? current : null;
  const accountId = patch.accountId ?? old?.accountId;
  const clientId = patch.clientId ?? old?.clientId;
  if (accountId === undefined) throw missing('accountId', 'Enter the Account ID of the Server-to-Server OAuth app.');
  if (clientId === undefined) throw missing('clientId', 'Enter the Client ID of the Server-to-Server OAuth app.');
  if (patch.clientSecret === undefined && !sameKind) {
    throw missing('clientSecret', 'Enter the Client Secret of the Server-to-Server OAuth app.');
  }
  const credential: Credential = {
    kind: 's2s',
    accountId: parseField(zoomAccountIdSchema, accountId, 'accountId'),
    clientId: parseField(clientIdSchema, clientId, 'clientId'),
  };
  return patch.clientSecret === undefined
    ? { credential }
    : { credential, secret: parseSecret(clientSecretSchema, patch.clientSecret, 'clientSecret') };
}

function missing(field: string, action: string): AppError {
  return new AppError('invalid_input', 'Switching how this account signs in needs the new credentials.', {
    field,
    action,
  });
}

function parseField(schema: z.ZodType<string>, value: unknown, field: string): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? 'This value is not valid.', { field });
}

/** Like parseField; the schema messages are fixed texts, so the secret is never repeated. */
function parseSecret(schema: z.ZodType<string>, value: unknown, field: string): string {
  if (typeof value !== 'string') throw new AppError('invalid_input', 'This value is not valid.', { field });
  return parseField(schema, value, field);
}
