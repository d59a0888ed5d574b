import type { Notice } from '../../../shared/ipc/contract';
import { systemClock, type Clock, type KeyValueStore } from '../ports';
import { TOKEN_STORED_AT_KEY } from '../vault/credential-vault';
import type { AccountStore } from './account-store';
import { CLOUD_LABELS, nameKey, type Account } from './account-types';
import { cloudForApiBase } from './account-urls';

/**
 * The fixed id of the account the first version's token becomes. Being fixed is what makes the
 * migration idempotent and safe to interrupt: a rerun finds the same keychain entry and account.
 */
export const LEGACY_ACCOUNT_ID = 'legacy-token';
export const LEGACY_ACCOUNT_NAME = 'Default';

export interface LegacyMigrationResult {
  /** `nothing`: no first-version token was found; `migrated`: it is now `account`. */
  status: 'nothing' | 'migrated';
  account: Account | null;
  notice: Notice | null;
}

/**
 * Turns the single token of the first version (keychain entry `access-token`, settings
 * `tokenStoredAt`) into an account named "Default", without asking for anything: the cloud comes
 * from the configured API base. Order: new keychain entry, then settings, then the old entry is
 * deleted; run it again after an interruption and it finishes the job. Running it when there is
 * nothing to migrate changes nothing. Throws AppError keychain_unavailable / storage_error (the
 * old token then stays where it was: run it again on the next start).
 */
export async function migrateLegacyToken(o: {
  store: AccountStore;
  settings: KeyValueStore;
  /** The API base the first version was configured with (ZPA_API_BASE_URL or Zoom's). */
  apiBase: string;
  clock?: Clock;
}): Promise<LegacyMigrationResult> {
  const clock = o.clock ?? systemClock;
  return o.store.exclusive(async () => {
    const legacy = await o.store.secrets.readLegacyToken();
    const state = o.store.readState();
    const earlier = state.accounts.find((a) => a.id === LEGACY_ACCOUNT_ID) ?? null;
    if (legacy === null) {
      // Interrupted after the old entry was deleted: only its date may be left.
      if (o.settings.get(TOKEN_STORED_AT_KEY) !== undefined) o.settings.delete(TOKEN_STORED_AT_KEY);
      return { status: 'nothing', account: earlier, notice: null };
    }
    if (earlier !== null && earlier.credential.kind !== 'token') {
      // The migrated account was since switched to OAuth: its own credentials win over the old token.
      await o.store.secrets.deleteLegacyToken();
      o.settings.delete(TOKEN_STORED_AT_KEY);
      return { status: 'nothing', account: earlier, notice: null };
    }
    const urls = cloudForApiBase(o.apiBase);
    // A migrated account that already has a token keeps it: it may have been replaced since.
    if (earlier === null || (await o.store.secrets.read(LEGACY_ACCOUNT_ID, 'token')) === null) {
      await o.store.secrets.write(LEGACY_ACCOUNT_ID, 'token', legacy);
    }
    let account = earlier;
    if (account === null) {
      const now = clock.now().toISOString();
      const storedAt = o.settings.get(TOKEN_STORED_AT_KEY);
      const since = typeof storedAt === 'string' && !Number.isNaN(Date.parse(storedAt)) ? storedAt : null;
      account = {
        id: LEGACY_ACCOUNT_ID,
        name: freeName(state.accounts),
        ...urls,
        credential: { kind: 'token' },
        createdAt: since ?? now,
        updatedAt: now,
        secretStoredAt: since,
      };
      o.store.writeState({ accounts: [...state.accounts, account], activeId: state.activeId ?? account.id });
    }
    await o.store.secrets.deleteLegacyToken();
    o.settings.delete(TOKEN_STORED_AT_KEY);
    return {
      status: 'migrated',
      account,
      notice: {
        id: 'accounts-migrated-token',
        level: 'info',
        message: `Your stored access token is now the account "${account.name}" (${CLOUD_LABELS[account.cloud]}). Nothing needs to be entered again.`,
        action: 'Rename it, or add Server-to-Server OAuth accounts, under Accounts.',
      },
    };
  });
}

function freeName(accounts: readonly Account[]): string {
  const taken = new Set(accounts.map((a) => nameKey(a.name)));
  if (!taken.has(nameKey(LEGACY_ACCOUNT_NAME))) return LEGACY_ACCOUNT_NAME;
  for (let n = 2; ; n += 1) {
    const name = `${LEGACY_ACCOUNT_NAME} ${n}`;
    if (!taken.has(nameKey(name))) return name;
  }
}
