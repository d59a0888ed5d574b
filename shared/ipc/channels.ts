/**
 * The whole IPC surface: one method name per channel. The preload exposes exactly these methods,
 * and main registers exactly these handlers; nothing else crosses the bridge.
 * Kept free of schemas so the sandboxed preload stays small.
 */
export const IPC_CHANNELS = {
  getAppInfo: 'app:get-info',
  openExternal: 'app:open-external',
  getTokenStatus: 'token:get-status',
  setToken: 'token:set',
  clearToken: 'token:clear',
  changePassword: 'password:change',
  listHistory: 'history:list',
  getHistorySummary: 'history:summary',
  verifyHistory: 'history:verify',
  exportHistory: 'history:export',
  getRetention: 'history:get-retention',
  setRetention: 'history:set-retention',
  listRecentUsers: 'recent-users:list',
  listAccounts: 'accounts:list',
  addAccount: 'accounts:add',
  editAccount: 'accounts:edit',
  removeAccount: 'accounts:remove',
  setActiveAccount: 'accounts:set-active',
  testAccount: 'accounts:test',
  lookupUser: 'users:lookup',
  listUsers: 'users:list',
  getPasswordPolicy: 'password:get-policy',
  copyNewPassword: 'password:copy-new',
  getPreferences: 'preferences:get',
  setPreferences: 'preferences:set',
  openBulkFile: 'bulk:open-file',
  setBulkColumns: 'bulk:set-columns',
  startBulkRun: 'bulk:start',
  getBulkRun: 'bulk:get',
  pauseBulkRun: 'bulk:pause',
  resumeBulkRun: 'bulk:resume',
  cancelBulkRun: 'bulk:cancel',
  listBulkRuns: 'bulk:list',
  rerunFailedRows: 'bulk:rerun-failed',
  exportBulkResults: 'bulk:export',
  getRateLimit: 'rate-limit:get',
  setRateLimit: 'rate-limit:set',
} as const;

export type IpcMethod = keyof typeof IPC_CHANNELS;
export type IpcChannel = (typeof IPC_CHANNELS)[IpcMethod];

/** Name under which the preload exposes the API on `window`. */
export const BRIDGE_GLOBAL = 'zpa';

/** Looks a channel name up; undefined for anything that is not part of the contract. */
export function methodForChannel(channel: string): IpcMethod | undefined {
  for (const [method, name] of Object.entries(IPC_CHANNELS)) {
    if (name === channel) return method as IpcMethod;
  }
  return undefined;
}
