import type { AppErrorShape } from '../../../shared/domain/errors';
import type { HistoryFilter, HistoryQuery } from '../../../shared/domain/history';
import type { ExportFormat, IpcRequest, IpcResult, ZpaApi } from '../../../shared/ipc/contract';

export type UiError = AppErrorShape;

/** The optional parts of a change request. */
export interface ChangeOptions {
  reason?: string;
  force?: boolean;
  checkOf?: string;
}

// The request schemas are strict: optional fields are left out rather than sent as undefined.
function definedOnly(options: ChangeOptions): ChangeOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ChangeOptions;
}

/** True when the preload (or the test harness) has put the API on window. */
export function bridgeAvailable(): boolean {
  const candidate = (window as Partial<Window>).zpa;
  return typeof candidate === 'object' && candidate !== null;
}

// A rejected invoke means the bridge itself broke (main crashed, window torn down): turn it into a result so
// every caller has exactly one error path to render.
export async function safe<T>(run: (zpa: ZpaApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  if (!bridgeAvailable()) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The app could not reach its main process.',
        action: 'Restart Zoom Password Admin.',
      },
    };
  }
  try {
    return await run(window.zpa);
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'The request to the main process failed unexpectedly.',
        action: 'Try again; if it keeps failing, restart Zoom Password Admin.',
      },
    };
  }
}

/** Typed wrappers over window.zpa that never throw. */
export const api = {
  getAppInfo: () => safe((zpa) => zpa.getAppInfo()),
  openExternal: (url: string) => safe((zpa) => zpa.openExternal({ url })),
  getTokenStatus: () => safe((zpa) => zpa.getTokenStatus()),
  setToken: (token: string) => safe((zpa) => zpa.setToken({ token })),
  clearToken: () => safe((zpa) => zpa.clearToken()),
  /**
   * `account`: the account id to run against (the one the screen showed), else the active one.
   * `options`: a reason for the history, `force` past an ineligible lookup, `checkOf` to settle an unknown outcome.
   */
  changePassword: (user: string, password: string, account?: string, options: ChangeOptions = {}) =>
    safe((zpa) =>
      zpa.changePassword({ user, password, ...(account === undefined ? {} : { account }), ...definedOnly(options) }),
    ),
  lookupUser: (user: string, account?: string) =>
    safe((zpa) => zpa.lookupUser(account === undefined ? { user } : { user, account })),
  listUsers: (request: IpcRequest<'listUsers'>) => safe((zpa) => zpa.listUsers(request)),
  getPasswordPolicy: (account?: string, refresh = false) =>
    safe((zpa) => zpa.getPasswordPolicy({ ...(account === undefined ? {} : { account }), refresh })),
  /** Main writes the password to the clipboard itself (once); it never comes back to the renderer. */
  copyNewPassword: (entryId: string) => safe((zpa) => zpa.copyNewPassword({ entryId })),
  getPreferences: () => safe((zpa) => zpa.getPreferences()),
  setPreferences: (request: IpcRequest<'setPreferences'>) => safe((zpa) => zpa.setPreferences(request)),
  listHistory: (query: HistoryQuery) => safe((zpa) => zpa.listHistory(query)),
  getHistorySummary: () => safe((zpa) => zpa.getHistorySummary()),
  verifyHistory: () => safe((zpa) => zpa.verifyHistory()),
  /** Main asks the user where to save (a native dialog); the renderer never names a file. */
  exportHistory: (query: HistoryFilter, format: ExportFormat) => safe((zpa) => zpa.exportHistory({ query, format })),
  getRetention: () => safe((zpa) => zpa.getRetention()),
  setRetention: (days: number | null) => safe((zpa) => zpa.setRetention({ days })),
  listRecentUsers: () => safe((zpa) => zpa.listRecentUsers()),
  listAccounts: () => safe((zpa) => zpa.listAccounts()),
  /** The secret in `request` goes to main once, for the keychain; it never comes back. */
  addAccount: (request: IpcRequest<'addAccount'>) => safe((zpa) => zpa.addAccount(request)),
  editAccount: (ref: string, patch: IpcRequest<'editAccount'>['patch']) =>
    safe((zpa) => zpa.editAccount({ ref, patch })),
  removeAccount: (ref: string) => safe((zpa) => zpa.removeAccount({ ref })),
  setActiveAccount: (ref: string) => safe((zpa) => zpa.setActiveAccount({ ref })),
  testAccount: (ref: string) => safe((zpa) => zpa.testAccount({ ref })),
};
