import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { SaveFileRequest } from '../node/ipc/handler-table';

function documentsFolder(): string | null {
  try {
    return app.getPath('documents');
  } catch {
    // Some Linux desktops have no documents folder: the dialog then opens where it likes.
    return null;
  }
}

/**
 * The native save dialog, attached to the app window (a sheet on macOS) when there is one. Answers the
 * absolute path the user chose, or null when they cancelled. The folder and the name come from the user
 * only: the renderer cannot name a file.
 */
export async function chooseSaveFile(window: BrowserWindow | null, request: SaveFileRequest): Promise<string | null> {
  const folder = documentsFolder();
  const options: SaveDialogOptions = {
    title: request.title,
    defaultPath: folder === null ? request.defaultName : path.join(folder, request.defaultName),
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const answer =
    window === null || window.isDestroyed()
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(window, options);
  return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
}
