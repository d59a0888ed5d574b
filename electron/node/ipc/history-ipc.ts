import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/domain/errors';
import type { ExportFormat } from '../../../shared/ipc/contract';
import type { Core } from '../core';
import type { HandlerTable, SaveFileRequest, ShellServices } from './handler-table';

const FORMATS: Readonly<Record<ExportFormat, { extension: string; filter: string }>> = {
  csv: { extension: 'csv', filter: 'CSV (comma-separated values)' },
  json: { extension: 'json', filter: 'JSON' },
};

/** What the save dialog proposes: a dated name, so exports made on different days do not collide. */
export function exportDialogRequest(format: ExportFormat, now: Date, filtered: boolean): SaveFileRequest {
  const { extension, filter } = FORMATS[format];
  const day = now.toISOString().slice(0, 10);
  return {
    title: `Export the history as ${format.toUpperCase()}`,
    defaultName: `zoom-password-history${filtered ? '-filtered' : ''}-${day}.${extension}`,
    filters: [{ name: filter, extensions: [extension] }],
  };
}

/**
 * The file to write for what the dialog answered. Some dialogs (GTK) do not add the extension of the
 * chosen filter: add it, unless a file of that name exists already (the user was not asked about that one).
 */
export function exportTarget(chosen: string, format: ExportFormat): string {
  if (!path.isAbsolute(chosen)) {
    throw new AppError('storage_error', 'The save dialog did not answer with a full file path.', {
      action: 'Export again and choose a folder and a file name.',
    });
  }
  if (path.extname(chosen) !== '') return chosen;
  const withExtension = `${chosen}.${FORMATS[format].extension}`;
  return fs.existsSync(withExtension) ? chosen : withExtension;
}

/**
 * History (list, summary, verify, export) and recent users: local reads only, so they work offline
 * and without a token. An export goes where the user picks in the native save dialog: the renderer
 * never names a path.
 */
export function registerHistoryHandlers(
  core: Core,
  shell: ShellServices,
  now: () => Date = () => new Date(),
): Pick<HandlerTable, 'listHistory' | 'getHistorySummary' | 'verifyHistory' | 'exportHistory' | 'listRecentUsers'> {
  return {
    listHistory: async (query) => core.history.list(query),
    getHistorySummary: async () => core.history.summary(),
    verifyHistory: () => core.history.verify(),
    exportHistory: async ({ query, format }) => {
      const filtered = Object.entries(query).some(([key, value]) => key !== 'order' && value !== undefined);
      const chosen = await shell.chooseSaveFile(exportDialogRequest(format, now(), filtered));
      if (chosen === null) return { status: 'cancelled' };
      const target = exportTarget(chosen, format);
      const done =
        format === 'csv' ? await core.history.exportCsv(query, target) : await core.history.exportJson(query, target);
      return { status: 'saved', rows: done.rows, file: done.file ?? target };
    },
    listRecentUsers: async () => core.recentUsers.list(),
  };
}
