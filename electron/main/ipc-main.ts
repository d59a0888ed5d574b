import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { Dispatch, SenderInfo } from '../node/ipc/dispatch';

const UNTRUSTED: SenderInfo = { frameUrl: '', isMainFrame: false };

function senderOf(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  // A frame that navigated away or was destroyed is null: nothing to trust.
  if (frame === null || frame === undefined) return UNTRUSTED;
  return { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame };
}

/**
 * The only place that touches ipcMain: one handle() per contract channel, all going through the
 * dispatcher. Messages from any web contents other than our window are refused there as untrusted.
 * Call it after the core is created: it also drops `ipcMain.on` listeners that libraries added on
 * their own (electron-store answers 'electron-store-get-data' with the data folder to any renderer),
 * so the contract is the whole IPC surface. Returns a function that removes the handlers.
 */
export function registerIpcHandlers(dispatch: Dispatch, isOurWindow: (contents: WebContents) => boolean): () => void {
  for (const name of ipcMain.eventNames()) if (typeof name === 'string') ipcMain.removeAllListeners(name);
  const channels = Object.values(IPC_CHANNELS);
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload: unknown) =>
      dispatch(channel, isOurWindow(event.sender) ? senderOf(event) : UNTRUSTED, payload),
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
