import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { OpenFileRequest } from '../node/ipc/handler-table';

/**
 * The native open dialog, attached to the app window when there is one. Answers the absolute path of
 * the file the user chose, or null when they cancelled: the renderer cannot name a file to read.
 */
export async function chooseOpenFile(window: BrowserWindow | null, request: OpenFileRequest): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: request.title,
    filters: [...request.filters, { name: 'All files', extensions: ['*'] }],
    properties: ['openFile'],
  };
  const answer =
    window === null || window.isDestroyed()
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(window, options);
  const file = answer.filePaths[0];
  return answer.canceled || file === undefined || file === '' ? null : file;
}
