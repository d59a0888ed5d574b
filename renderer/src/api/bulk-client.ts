import type { StartBulkRunRequest } from '../../../shared/ipc/contract';
import { safe } from './client';

/** Typed wrappers over the bulk part of window.zpa; like `api`, they never throw. */
export const bulkApi = {
  /** Main shows the open dialog and parses the file; null when the dialog was cancelled. */
  openFile: () => safe((zpa) => zpa.openBulkFile()),
  setColumns: (importId: string, userColumn: number, passwordColumn: number | null) =>
    safe((zpa) => zpa.setBulkColumns({ importId, userColumn, passwordColumn })),
  start: (request: StartBulkRunRequest) => safe((zpa) => zpa.startBulkRun(request)),
  get: (runId: string) => safe((zpa) => zpa.getBulkRun({ runId })),
  pause: (runId: string) => safe((zpa) => zpa.pauseBulkRun({ runId })),
  resume: (runId: string) => safe((zpa) => zpa.resumeBulkRun({ runId })),
  cancel: (runId: string) => safe((zpa) => zpa.cancelBulkRun({ runId })),
  list: () => safe((zpa) => zpa.listBulkRuns()),
  rerunFailed: (runId: string) => safe((zpa) => zpa.rerunFailedRows({ runId })),
  /** Main asks where to save (a native dialog); the renderer never names a file. */
  exportResults: (runId: string) => safe((zpa) => zpa.exportBulkResults({ runId })),
  getRateLimit: (account?: string) => safe((zpa) => zpa.getRateLimit(account === undefined ? {} : { account })),
};
