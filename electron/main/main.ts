import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, dialog, Menu, net, session, shell } from 'electron';
import { isAppError } from '../../shared/domain/errors';
import { APP_ORIGIN } from '../node/app-assets';
import { createCore } from '../node/core';
import { createDispatcher, createSenderPolicy } from '../node/ipc/dispatch';
import { createHandlerTable, type OpenFileRequest, type SaveFileRequest } from '../node/ipc/handler-table';
import { loadKeytar } from '../node/vault/keytar-keychain';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { readMainConfig, type MainConfig } from './config';
import { seedDemoAccount, trustDemoCa } from './demo';
import { electronStoreFactory } from './electron-store-factory';
import { registerIpcHandlers } from './ipc-main';
import { chooseOpenFile } from './open-dialog';
import { chooseSaveFile } from './save-dialog';
import { buildAppMenu } from './menu';
import { createNetTransport } from './net-transport';
import { guardAllWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

// The bundle is dist/main/main.mjs; preload and renderer are its siblings under dist/.
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = path.join(distDir, 'renderer');
const preloadPath = path.join(distDir, 'preload', 'preload.cjs');

/** The app's own version: app.getVersion() is Electron's when started as `electron dist/main/main.mjs`. */
function readAppVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(distDir, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : app.getVersion();
  } catch {
    return app.getVersion();
  }
}

function failStartup(error: unknown): void {
  const text = isAppError(error)
    ? [error.message, error.action].filter((part) => part !== undefined).join('\n\n')
    : `Zoom Password Admin could not start: ${error instanceof Error ? error.message : String(error)}`;
  console.error(text);
  if (!isAppError(error) && error instanceof Error && error.stack) console.error(error.stack);
  dialog.showErrorBox('Zoom Password Admin could not start', text);
  app.exit(1);
}

const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let mainWindow: BrowserWindow | null = null;

function openWindow(config: MainConfig): void {
  mainWindow = createMainWindow({ preloadPath, devTools: config.dev });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function whenReady(config: MainConfig): Promise<void> {
  hardenSession(session.defaultSession);
  if (config.demoCaFile !== null) trustDemoCa(session.defaultSession, config.demoCaFile);
  serveAppProtocol(rendererDir);

  const core = createCore({
    dataDir: config.dataDir,
    apiBase: config.apiBase,
    ...(config.apiBaseOverride === undefined ? {} : { apiBaseOverride: config.apiBaseOverride }),
    ...(config.oauthBaseOverride === undefined ? {} : { oauthBaseOverride: config.oauthBaseOverride }),
    transport: createNetTransport((url, init) => net.fetch(url, init)),
    // Loaded on first use: the app still starts, and shows history, when keytar cannot load.
    keychain: loadKeytar,
    storeFactory: electronStoreFactory,
    source: 'app',
    ...(config.keychainService === undefined ? {} : { keychainService: config.keychainService }),
    demo: config.demo,
    version: readAppVersion(),
  });
  if (config.demo && config.demoToken !== null) await seedDemoAccount(core, config.demoToken);

  const shellServices = {
    openExternal,
    chooseSaveFile: (request: SaveFileRequest) => chooseSaveFile(mainWindow, request),
    chooseOpenFile: (request: OpenFileRequest) => chooseOpenFile(mainWindow, request),
    clipboard,
  };
  // A bulk run is paused before quitting, so requests in flight get their answer recorded (a run left
  // mid-request would have to mark those rows unknown when resumed).
  app.on('before-quit', (event) => {
    if (!core.bulk.running) return;
    event.preventDefault();
    void core.bulk.shutdown().finally(() => app.quit());
  });
  // A copied password must not outlive the app on the clipboard: clear it (if still there), then quit.
  app.on('will-quit', (event) => {
    if (!core.handoff.clearPending) return;
    event.preventDefault();
    void core.handoff.dispose(clipboard).finally(() => app.quit());
  });
  const dispatch = createDispatcher(createHandlerTable(core, shellServices), createSenderPolicy(APP_ORIGIN), {
    checkResponses: config.dev,
  });
  registerIpcHandlers(
    dispatch,
    (contents) => mainWindow !== null && !mainWindow.isDestroyed() && contents === mainWindow.webContents,
  );
  Menu.setApplicationMenu(buildAppMenu({ dev: config.dev, platform: process.platform, openExternal }));

  openWindow(config);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(config);
  });
}

function start(): void {
  registerAppScheme();
  let config: MainConfig;
  try {
    config = readMainConfig(process.env, { userDataDir: app.getPath('userData'), packaged: app.isPackaged });
  } catch (error) {
    failStartup(error);
    return;
  }
  // Chromium's own files go to a subfolder of the data folder, and the single-instance lock follows
  // the data folder: two test runs with their own ZPA_DATA_DIR do not block each other.
  app.setPath('userData', config.dataDir);
  app.setPath('sessionData', path.join(config.dataDir, 'chromium'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.enableSandbox();
  guardAllWebContents(app, openExternal);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // catch() rather than then()'s second argument: a failure inside whenReady() must reach the user too.
  app
    .whenReady()
    .then(() => whenReady(config))
    .catch(failStartup);
}

start();
