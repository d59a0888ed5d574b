import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY_URL } from '../node/app-assets';

export const WINDOW_TITLE = 'Zoom Password Admin';

/**
 * The one app window. The renderer runs sandboxed and isolated, with no Node and no <webview>; it
 * reaches main only through the preload's fixed API. Shown when its first paint is ready.
 */
export function createMainWindow(o: { preloadPath: string; devTools: boolean }): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1120,
    height: 780,
    minWidth: 760,
    minHeight: 540,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: o.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      experimentalFeatures: false,
      // Middle-click would open links through a path setWindowOpenHandler also covers; off anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: o.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
