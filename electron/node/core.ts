import type { AppInfo, Notice } from '../../shared/ipc/contract';
import { AccountStore } from './accounts/account-store';
import { AccountsService } from './accounts/accounts-service';
import { ActiveAccountVault } from './accounts/active-account-vault';
import { TokenProvider } from './accounts/token-provider';
import { BulkService } from './bulk/bulk-service';
import { RateLimitSettings } from './bulk/rate-limit-settings';
import { AccountRateLimiter } from './bulk/rate-limiter';
import { PRODUCT_NAME } from './data-dir';
import { HandoffService } from './handoff-service';
import { HistoryStore } from './history/history-store';
import { PasswordService } from './password-service';
import { systemClock, type Clock, type Keychain, type Timers, type Transport } from './ports';
import { PreferencesStore } from './preferences';
import { RecentUsers } from './recent-users';
import { HistoryRetention } from './retention-setting';
import { openSettingsStore, type StoreFactory } from './settings/settings-store';
import { PolicyService } from './users/policy-service';
import { UserDirectoryCache } from './users/user-directory-cache';
import { UsersService } from './users/users-service';
import { normaliseApiBase } from './zoom/api-base';
import { normaliseOAuthBase, OAuthClient } from './zoom/oauth-client';
import { ZoomClient } from './zoom/zoom-client';

export interface CoreOptions {
  dataDir: string;
  /** The configured API base (ZPA_API_BASE_URL or Zoom's): shown in info(), and the cloud of a migrated token. */
  apiBase: string;
  /** ZPA_API_BASE_URL: every account's API requests go there (tests, demo). */
  apiBaseOverride?: string;
  /** ZPA_OAUTH_BASE_URL: every account's token requests go there (tests, demo). */
  oauthBaseOverride?: string;
  transport: Transport;
  /** A function defers loading keytar: the app must start and show history without a keychain. */
  keychain: Keychain | (() => Keychain);
  storeFactory?: StoreFactory;
  clock?: Clock;
  source: 'app' | 'zpa';
  keychainService?: string;
  demo?: boolean;
  version: string;
  timeoutMs?: number;
  /** Timers for the password hand-off (expiry, clipboard clearing); the system's by default. */
  timers?: Timers;
  /** Reported in info(); defaults to this machine's. */
  platform?: NodeJS.Platform;
  /**
   * Apply the stored history retention period now (default true). Each run that removes entries is
   * recorded in the history; with no period stored (the default) nothing is read or written.
   */
  applyRetention?: boolean;
}

export interface Core {
  readonly dataDir: string;
  readonly apiBase: string;
  /** The first version's single token, now the active pasted-token account's (zpa token …, the token screen). */
  readonly vault: ActiveAccountVault;
  /** The named Zoom accounts; the first version's token is migrated on first use. */
  readonly accounts: AccountsService;
  /** OAuth tokens of the accounts, in memory only. */
  readonly tokens: TokenProvider;
  readonly history: HistoryStore;
  readonly recentUsers: RecentUsers;
  readonly passwords: PasswordService;
  /** Each account's request budget (plan defaults or the admin's), and the limiter every change goes through. */
  readonly rateLimits: RateLimitSettings;
  readonly limiter: AccountRateLimiter;
  /** Bulk runs from a CSV: import, run, pause/resume/cancel, resume after a crash, results. */
  readonly bulk: BulkService;
  /** User lookup (eligibility) and the account's user directory. */
  readonly users: UsersService;
  /** The password policy of each account (cached in settings). */
  readonly policies: PolicyService;
  /** The one-time copy of a new password to the clipboard. */
  readonly handoff: HandoffService;
  /** The app's preferences (clipboard clearing delay). */
  readonly preferences: PreferencesStore;
  /** The history retention period (Settings > History retention), applied at start and when set. */
  readonly retention: HistoryRetention;
  /** What the user should be told about (recovered settings, a repaired history), oldest first. */
  notices(): Notice[];
  info(): AppInfo;
}

/**
 * The plain-Node core both shells (Electron main and zpa) run: one data folder, the accounts (settings
 * plus one keychain entry each), a Zoom client per API base. Synchronous: the migration of the first
 * version's token runs on first use of accounts, vault or passwords. Applies the stored history
 * retention period (see CoreOptions.applyRetention).
 * Throws AppError('invalid_input') for an unusable API base and AppError('storage_error') when the
 * data folder cannot be used.
 */
export function createCore(o: CoreOptions): Core {
  const clock = o.clock ?? systemClock;
  const apiBase = normaliseApiBase(o.apiBase);
  const settings = openSettingsStore({
    dataDir: o.dataDir,
    clock,
    ...(o.storeFactory ? { factory: o.storeFactory } : {}),
  });
  const history = HistoryStore.open({ dataDir: o.dataDir, clock });
  const platform = o.platform ?? process.platform;
  const apiBaseOverride = o.apiBaseOverride?.trim() ? normaliseApiBase(o.apiBaseOverride) : undefined;
  const oauthBaseOverride = o.oauthBaseOverride?.trim() ? normaliseOAuthBase(o.oauthBaseOverride) : undefined;
  const accountNotices: Notice[] = [];
  const tokens: TokenProvider = new TokenProvider({
    oauth: new OAuthClient({
      transport: o.transport,
      clock,
      ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
    }),
    // The store is created next; secrets are read only when a token is needed.
    secrets: { readSecret: (account) => store.readSecret(account) },
    clock,
    ...(oauthBaseOverride ? { oauthBaseOverride } : {}),
  });
  const store = new AccountStore({
    settings: settings.store,
    keychain: o.keychain,
    clock,
    platform,
    ...(o.keychainService ? { service: o.keychainService } : {}),
    // An edited or removed account's cached OAuth token must never be used again.
    onCredentialChange: (id) => tokens.forget(id),
  });
  const accounts = new AccountsService({
    store,
    provider: tokens,
    settings: settings.store,
    transport: o.transport,
    legacyApiBase: apiBase,
    clock,
    notices: accountNotices,
    ...(apiBaseOverride ? { apiBaseOverride } : {}),
    ...(oauthBaseOverride ? { oauthBaseOverride } : {}),
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
  });
  const vault = new ActiveAccountVault(accounts, store, apiBase);
  const recentUsers = new RecentUsers(settings.store);
  const clients = new Map<string, ZoomClient>();
  const zoomFor = (base: string): ZoomClient => {
    let client = clients.get(base);
    if (client === undefined) {
      client = new ZoomClient({
        transport: o.transport,
        clock,
        apiBase: base,
        ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
      });
      clients.set(base, client);
    }
    return client;
  };
  const readDeps = {
    accounts,
    tokens,
    transport: o.transport,
    clock,
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
  };
  const users = new UsersService({ ...readDeps, cache: new UserDirectoryCache(o.dataDir), recentUsers });
  const policies = new PolicyService({ ...readDeps, settings: settings.store });
  const preferences = new PreferencesStore(settings.store);
  const handoff = new HandoffService({ preferences, clock, ...(o.timers ? { timers: o.timers } : {}) });
  const rateLimits = new RateLimitSettings(settings.store);
  const limiter = new AccountRateLimiter((accountId) => rateLimits.budget(accountId), clock);
  const passwords = new PasswordService({
    limiter,
    accounts,
    tokens,
    zoomFor,
    history,
    recentUsers,
    source: o.source,
    clock,
    policies,
    users,
    handoff,
  });
  const bulk = new BulkService({
    dataDir: o.dataDir,
    accounts,
    change: (r) => passwords.change(r),
    lookup: (r) => users.lookup(r),
    policy: (r) => policies.get(r),
    limiter,
    rateLimits,
    history,
    source: o.source,
    clock,
  });
  const retention = new HistoryRetention(settings.store, history);
  if (o.applyRetention ?? true) retention.applyStored();
  const notices = (): Notice[] => [
    ...settings.notices,
    ...history.notices,
    ...retention.notices,
    ...store.notices,
    ...accountNotices,
  ];
  return {
    dataDir: o.dataDir,
    apiBase,
    vault,
    accounts,
    tokens,
    history,
    recentUsers,
    passwords,
    rateLimits,
    limiter,
    bulk,
    users,
    policies,
    handoff,
    preferences,
    retention,
    notices,
    info: () => ({
      productName: PRODUCT_NAME,
      version: o.version,
      dataDir: o.dataDir,
      apiBase,
      demo: o.demo ?? false,
      platform,
      notices: notices(),
      activeAccount: accounts.activeInfo(),
    }),
  };
}
