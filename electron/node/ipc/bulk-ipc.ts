import { AppError } from '../../../shared/domain/errors';
import type { BulkMethod } from '../../../shared/ipc/bulk-schemas';
import type { Core } from '../core';
import type { HandlerTable, ShellServices } from './handler-table';
import { exportTarget } from './history-ipc';

const CSV_FILTER = { name: 'CSV (comma-separated values)', extensions: ['csv'] };

/**
 * Bulk runs: the renderer never names a file. The CSV comes from a native open dialog, the results and
 * the generated passwords go where the user picks in a native save dialog; passwords never cross IPC.
 */
export function registerBulkHandlers(
  core: Core,
  shell: ShellServices,
  now: () => Date = () => new Date(),
): Pick<HandlerTable, BulkMethod> {
  const day = (): string => now().toISOString().slice(0, 10);
  return {
    openBulkFile: async () => {
      const file = await shell.chooseOpenFile({
        title: 'Open a CSV file of users',
        filters: [CSV_FILTER, { name: 'Text', extensions: ['txt'] }],
      });
      return file === null ? null : core.bulk.preview(file);
    },
    setBulkColumns: async ({ importId, userColumn, passwordColumn }) =>
      core.bulk.setColumns(importId, { userColumn, passwordColumn }),
    startBulkRun: async ({ passwordsOut, ...request }) => {
      let passwordsFile: string | undefined;
      if (passwordsOut === true) {
        const chosen = await shell.chooseSaveFile({
          title: 'Save the generated passwords (keep this file safe)',
          defaultName: `zoom-passwords-${day()}.csv`,
          filters: [CSV_FILTER],
        });
        if (chosen === null) {
          throw new AppError(
            'invalid_input',
            'No file was chosen for the generated passwords: the run was not started.',
            {
              action: 'Start again and choose where to save them, or turn the passwords file off.',
              field: 'passwordsOut',
            },
          );
        }
        passwordsFile = exportTarget(chosen, 'csv');
      }
      const runId = await core.bulk.start({
        ...request,
        ...(passwordsFile === undefined ? {} : { passwordsOut: passwordsFile }),
      });
      return { runId };
    },
    getBulkRun: async ({ runId }) => core.bulk.status(runId),
    pauseBulkRun: ({ runId }) => core.bulk.pause(runId),
    resumeBulkRun: ({ runId }) => core.bulk.resume(runId),
    cancelBulkRun: ({ runId }) => core.bulk.cancel(runId),
    listBulkRuns: async () => ({ runs: core.bulk.list() }),
    rerunFailedRows: async ({ runId }) => ({ runId: await core.bulk.rerunFailed(runId) }),
    exportBulkResults: async ({ runId }) => {
      core.bulk.status(runId);
      const chosen = await shell.chooseSaveFile({
        title: 'Export the run results as CSV',
        defaultName: `zoom-bulk-results-${runId}.csv`,
        filters: [CSV_FILTER],
      });
      if (chosen === null) return { status: 'cancelled' };
      const done = core.bulk.exportResults(runId, exportTarget(chosen, 'csv'));
      return { status: 'saved', rows: done.rows, file: done.file };
    },
    getRateLimit: ({ account }) => core.bulk.rateLimit(account),
    setRateLimit: (request) => core.bulk.setRateLimit(request),
  };
}
