import { IPC_CHANNELS, type IpcChannel, type IpcMethod } from './channels';
import type { ZpaApi } from './contract';

/**
 * Builds the fixed renderer API over an `invoke` function: ipcRenderer.invoke in the preload,
 * a Playwright binding in the browser tests. Only the contract's channels can be reached.
 */
export function createBridge(invoke: (channel: IpcChannel, payload: unknown) => Promise<unknown>): ZpaApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(IPC_CHANNELS) as [IpcMethod, IpcChannel][]) {
    api[method] = (payload?: unknown) => invoke(channel, payload);
  }
  return Object.freeze(api) as unknown as ZpaApi;
}
