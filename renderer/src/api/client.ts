import type { AppErrorShape } from '../../../shared/domain/errors';
import type { HistoryFilter, HistoryQuery } from '../../../shared/domain/history';
import type { ExportFormat, IpcResult, ZpaApi } from '../../../shared/ipc/contract';

export type UiError = AppErrorShape;

/** True when the preload (or the test harness) has put the API on window. */
export function bridgeAvailable(): boolean {
  const candidate = (window as Partial<Window>).zpa;
  return typeof candidate === 'object' && candidate !== null;
}

// A rejected invoke means the bridge itself broke (main crashed, window torn down): turn it into a result so
// every caller has exactly one error path to render.
async function safe<T>(run: (zpa: ZpaApi) => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
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
  changePassword: (user: string, password: string) => safe((zpa) => zpa.changePassword({ user, password })),
  listHistory: (query: HistoryQuery) => safe((zpa) => zpa.listHistory(query)),
  getHistorySummary: () => safe((zpa) => zpa.getHistorySummary()),
  verifyHistory: () => safe((zpa) => zpa.verifyHistory()),
  /** Main asks the user where to save (a native dialog); the renderer never names a file. */
  exportHistory: (query: HistoryFilter, format: ExportFormat) => safe((zpa) => zpa.exportHistory({ query, format })),
  getRetention: () => safe((zpa) => zpa.getRetention()),
  setRetention: (days: number | null) => safe((zpa) => zpa.setRetention({ days })),
  listRecentUsers: () => safe((zpa) => zpa.listRecentUsers()),
};
