import type { Notice } from '../../../shared/ipc/contract';
import type { Clock, KeyValueStore } from '../ports';
import { accountSchema, CLOUD_URLS, nameKey, type Account } from './account-types';
import { resolveCloudUrls } from './account-urls';

/** Settings keys: the list of accounts, the active account's id, and copies of unreadable lists. */
export const ACCOUNTS_KEY = 'accounts';
export const ACTIVE_ACCOUNT_KEY = 'activeAccount';
export const ACCOUNTS_BACKUP_PREFIX = 'accountsBackup-';

export interface AccountsState {
  accounts: Account[];
  /** The active account's id; null only when there is no account. */
  activeId: string | null;
}

/**
 * The accounts part of settings, validated on every read. An unreadable value is never a crash
 * and never silently dropped: the raw value is copied under `accountsBackup-<time>` first, the
 * readable accounts are kept, and a notice says what happened.
 */
export class AccountRecords {
  constructor(
    private readonly settings: KeyValueStore,
    private readonly clock: Clock,
    private readonly notices: Notice[],
  ) {}

  read(): AccountsState {
    const raw = this.settings.get(ACCOUNTS_KEY);
    const { accounts, problems } = parseAccounts(raw);
    if (problems.length > 0) this.setAside(raw, accounts, problems);
    const active = this.settings.get(ACTIVE_ACCOUNT_KEY);
    const activeId =
      typeof active === 'string' && accounts.some((a) => a.id === active) ? active : (accounts[0]?.id ?? null);
    return { accounts, activeId };
  }

  write(state: AccountsState): void {
    this.settings.set(ACCOUNTS_KEY, state.accounts);
    if (state.activeId === null) this.settings.delete(ACTIVE_ACCOUNT_KEY);
    else this.settings.set(ACTIVE_ACCOUNT_KEY, state.activeId);
  }

  private setAside(raw: unknown, kept: Account[], problems: string[]): void {
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    let key = `${ACCOUNTS_BACKUP_PREFIX}${stamp}`;
    for (let n = 2; this.settings.get(key) !== undefined; n += 1) key = `${ACCOUNTS_BACKUP_PREFIX}${stamp}-${n}`;
    // Copy first: if writing the repaired list fails, the original is still there to recover from.
    this.settings.set(key, raw);
    this.settings.set(ACCOUNTS_KEY, kept);
    const dropped = problems.length === 1 ? problems[0] : `${problems.length} problems, first: ${problems[0]}`;
    this.notices.push({
      id: `accounts-recovered:${key}`,
      level: 'warning',
      message:
        `Some saved Zoom accounts could not be read (${dropped}), so ${kept.length === 0 ? 'no account was' : `only ${kept.length} account${kept.length === 1 ? ' was' : 's were'}`} kept. ` +
        `The saved list was copied unchanged into the settings file under "${key}".`,
      action:
        'Add the missing accounts again (their secrets may still be in the system keychain, but must be entered again). ' +
        'Delete the copy from the settings file once you no longer need it.',
    });
  }
}

/** Validates a stored accounts list item by item; duplicates (same id or same name) are problems too. */
export function parseAccounts(raw: unknown): { accounts: Account[]; problems: string[] } {
  if (raw === undefined) return { accounts: [], problems: [] };
  if (!Array.isArray(raw)) return { accounts: [], problems: ['the list is not a list'] };
  const accounts: Account[] = [];
  const problems: string[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  raw.forEach((item, index) => {
    const parsed = accountSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`entry ${index + 1}: ${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    const account = withCloudUrls(parsed.data);
    if (account === null) {
      problems.push(`entry ${index + 1}: its addresses are not valid`);
      return;
    }
    if (ids.has(account.id) || names.has(nameKey(account.name))) {
      problems.push(`entry ${index + 1}: a second account with the same id or name`);
      return;
    }
    ids.add(account.id);
    names.add(nameKey(account.name));
    accounts.push(account);
  });
  return { accounts, problems };
}

/** Zoom's and Zoom for Government's URLs come from the cloud, whatever was stored; custom ones must be valid. */
function withCloudUrls(account: Account): Account | null {
  if (account.cloud !== 'custom') return { ...account, ...CLOUD_URLS[account.cloud] };
  try {
    return { ...account, ...resolveCloudUrls('custom', account) };
  } catch {
    return null;
  }
}
