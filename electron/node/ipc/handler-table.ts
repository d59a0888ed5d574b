import type { z } from 'zod';
import type { IpcMethod } from '../../../shared/ipc/channels';
import type { IpcContract, IpcResponse } from '../../../shared/ipc/contract';
import type { Clipboard } from '../ports';
import type { Core } from '../core';
import { registerAccountHandlers } from './accounts-ipc';
import { registerAppHandlers } from './app-ipc';
import { registerBulkHandlers } from './bulk-ipc';
import { registerHistoryHandlers } from './history-ipc';
import { registerPasswordHandlers } from './password-ipc';
import { registerRetentionHandlers } from './retention-ipc';
import { registerTokenHandlers } from './token-ipc';
import { registerUsersHandlers } from './users-ipc';

/** One handler per IPC method; each receives a request already validated against the contract. */
export type HandlerTable = {
  [M in IpcMethod]: (request: z.output<IpcContract[M]['request']>) => Promise<IpcResponse<M>>;
};

/** What the native save dialog is asked for. */
export interface SaveFileRequest {
  title: string;
  /** The proposed file name (no folder). */
  defaultName: string;
  filters: { name: string; extensions: string[] }[];
}

/** What the native open dialog is asked for. */
export interface OpenFileRequest {
  title: string;
  filters: { name: string; extensions: string[] }[];
}

/** What a handler may ask of the desktop shell (Electron's `shell` and `dialog`, or a recorder in tests). */
export interface ShellServices {
  openExternal(url: string): Promise<void>;
  /** Asks the user where to save a file (a native save dialog); the chosen absolute path, or null when cancelled. */
  chooseSaveFile(request: SaveFileRequest): Promise<string | null>;
  /** Asks the user for a file to open (a native open dialog); its absolute path, or null when cancelled. */
  chooseOpenFile(request: OpenFileRequest): Promise<string | null>;
  /** The system clipboard: a new password is copied to it in main (Electron's `clipboard`). */
  clipboard: Clipboard;
}

/**
 * The whole IPC surface in one object. Electron main and the browser test harness bind this same
 * table behind the dispatcher, so the renderer is always tested against the real handlers.
 */
export function createHandlerTable(core: Core, shell: ShellServices): HandlerTable {
  return {
    ...registerAppHandlers(core, shell),
    ...registerTokenHandlers(core),
    ...registerPasswordHandlers(core),
    ...registerHistoryHandlers(core, shell),
    ...registerRetentionHandlers(core),
    ...registerAccountHandlers(core),
    ...registerBulkHandlers(core, shell),
    ...registerUsersHandlers(core, shell),
  };
}
