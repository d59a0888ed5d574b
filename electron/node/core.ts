import type { AppInfo, Notice } from '../../shared/ipc/contract';
import { PRODUCT_NAME } from './data-dir';
import { HistoryStore } from './history/history-store';
import { PasswordService } from './password-service';
import { systemClock, type Clock, type Keychain, type Transport } from './ports';
import { RecentUsers } from './recent-users';
import { HistoryRetention } from './retention-setting';
import { openSettingsStore, type StoreFactory } from './settings/settings-store';
import { CredentialVault } from './vault/credential-vault';
import { normaliseApiBase } from './zoom/api-base';
import { ZoomClient } from './zoom/zoom-client';

export interface CoreOptions {
  dataDir: string;
  apiBase: string;
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
  readonly vault: CredentialVault;
  readonly history: HistoryStore;
  readonly recentUsers: RecentUsers;
  readonly passwords: PasswordService;
  /** The history retention period (Settings > History retention), applied at start and when set. */
  readonly retention: HistoryRetention;
  /** What the user should be told about (recovered settings, a repaired history), oldest first. */
  notices(): Notice[];
  info(): AppInfo;
}

/**
 * The plain-Node core both shells (Electron main and zpa) run: one data folder, one keychain
 * entry, one Zoom client. Applies the stored history retention period (see CoreOptions.applyRetention).
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
  const vault = new CredentialVault({
    keychain: o.keychain,
    settings: settings.store,
    clock,
    platform,
    ...(o.keychainService ? { service: o.keychainService } : {}),
  });
  const recentUsers = new RecentUsers(settings.store);
  const zoom = new ZoomClient({
    transport: o.transport,
    clock,
    apiBase,
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
  });
  const passwords = new PasswordService({ vault, zoom, history, recentUsers, apiBase, source: o.source, clock });
  const retention = new HistoryRetention(settings.store, history);
  if (o.applyRetention ?? true) retention.applyStored();
  const notices = (): Notice[] => [...settings.notices, ...history.notices, ...retention.notices];
  return {
    dataDir: o.dataDir,
    apiBase,
    vault,
    history,
    recentUsers,
    passwords,
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
    }),
  };
}
