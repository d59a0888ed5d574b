/**
 * A stand-in for the `electron` module in the main process, for machines without an Electron binary.
 * The loader hook (register.ts) makes `import ... from 'electron'` resolve here. It follows Electron's
 * API shapes for what main uses, enforces the same before/after-ready rules, and records every call
 * (recorder.ts) so tests can check what main did. The `simulate*` helpers play Chromium's part.
 */
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ipcMain } from './ipc-main';
import { Menu, MenuItem } from './menu';
import { record, recorder } from './recorder';
import { FakeSession } from './session';
import { FakeWebContents, makeEvent } from './web-contents';

/** Options for one fake run, read from the FAKE_ELECTRON environment variable (JSON). */
export interface FakeElectronOptions {
  /** app.isPackaged; default false (a development run). */
  packaged?: boolean;
  /** What requestSingleInstanceLock() answers; default true. */
  singleInstanceLock?: boolean;
  /** app.getName(), used for the default userData folder; default 'Zoom Password Admin'. */
  appName?: string;
}

const options = JSON.parse(process.env['FAKE_ELECTRON'] ?? '{}') as FakeElectronOptions;

// Electron's main process says so; libraries (electron-store) look at it.
(process as { type?: string }).type = 'browser';

function requireReady(what: string): void {
  if (!recorder.ready) throw new Error(`${what} cannot be used before the app is ready`);
}

// ---- app -------------------------------------------------------------------------------------

function electronVersion(): string {
  try {
    return (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  } catch {
    return '0.0.0-fake';
  }
}

class FakeApp extends EventEmitter {
  readonly isPackaged = options.packaged ?? false;
  sandboxEnabled = false;
  readonly paths = new Map<string, string>();
  private readonly readyWaiters: (() => void)[] = [];

  constructor() {
    super();
    const home = os.homedir();
    const appData = process.env['XDG_CONFIG_HOME'] || path.join(home, '.config');
    const userData = path.join(appData, options.appName ?? 'Zoom Password Admin');
    for (const [name, value] of Object.entries({
      home,
      appData,
      userData,
      documents: path.join(home, 'Documents'),
      downloads: path.join(home, 'Downloads'),
      sessionData: userData,
      temp: os.tmpdir(),
      logs: path.join(userData, 'logs'),
      crashDumps: path.join(userData, 'Crashpad'),
      exe: process.execPath,
      module: process.execPath,
    })) {
      this.paths.set(name, value);
    }
  }

  getName(): string {
    return options.appName ?? 'Zoom Password Admin';
  }

  getVersion(): string {
    return electronVersion();
  }

  getPath(name: string): string {
    record('app.getPath', name);
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`Failed to get '${name}' path`);
    return value;
  }

  setPath(name: string, value: string): void {
    record('app.setPath', name, value);
    if (!path.isAbsolute(value)) throw new Error(`Path must be absolute: ${value}`);
    this.paths.set(name, value);
  }

  requestSingleInstanceLock(): boolean {
    record('app.requestSingleInstanceLock');
    return options.singleInstanceLock ?? true;
  }

  enableSandbox(): void {
    record('app.enableSandbox');
    if (recorder.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  isReady(): boolean {
    return recorder.ready;
  }

  whenReady(): Promise<void> {
    record('app.whenReady');
    if (recorder.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Not Electron API: the host calls it once main's top-level code has run, as Electron would. */
  becomeReady(): void {
    if (recorder.ready) return;
    recorder.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', makeEvent({}), {});
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }

  /** True while app.quit() closes the windows: Electron emits no 'window-all-closed' then. */
  quitting = false;

  quit(): void {
    record('app.quit');
    if (recorder.exit !== null || this.quitting) return;
    const before = makeEvent({});
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const window of BrowserWindow.getAllWindows()) window.close();
    const will = makeEvent({});
    this.emit('will-quit', will);
    if (will.defaultPrevented || BrowserWindow.getAllWindows().length > 0) {
      this.quitting = false;
      return;
    }
    this.emit('quit', makeEvent({}), 0);
    recorder.exit = { code: 0, via: 'quit' };
    recorder.terminate(0);
  }

  exit(code = 0): void {
    record('app.exit', code);
    if (recorder.exit !== null) return;
    recorder.exit = { code, via: 'exit' };
    recorder.terminate(code);
  }
}

export const app = new FakeApp();

// ---- protocol --------------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

interface CustomScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  privileged: CustomScheme[] = [];

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    record('protocol.registerSchemesAsPrivileged', schemes);
    if (recorder.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged = schemes.map((s) => ({ scheme: s.scheme, privileges: { ...s.privileges } }));
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    record('protocol.handle', scheme, handler);
    requireReady('protocol.handle');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  unhandle(scheme: string): void {
    record('protocol.unhandle', scheme);
    this.handlers.delete(scheme);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** Not Electron API: a request Chromium makes to a custom scheme; null when nothing handles it. */
  async simulateRequest(url: string, init: RequestInit = {}): Promise<Response | null> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (handler === undefined) return null;
    const response = await handler(new Request(url, init));
    if (!(response instanceof Response)) throw new TypeError('The protocol handler did not return a Response');
    return response;
  }
}

export const protocol = new FakeProtocol();

function newWebContents(url = ''): FakeWebContents {
  const contents = new FakeWebContents((target) => protocol.simulateRequest(target), url);
  app.emit('web-contents-created', makeEvent({}), contents);
  return contents;
}

// ---- BrowserWindow ---------------------------------------------------------------------------

const windows: BrowserWindow[] = [];
let nextWindowId = 1;

export class BrowserWindow extends EventEmitter {
  readonly id = nextWindowId++;
  readonly webContents: FakeWebContents;
  /** The constructor options as given (not Electron API). */
  readonly options: Record<string, unknown>;
  private visible = false;
  private minimized = false;
  private destroyed = false;
  private readyToShowSent = false;

  static getAllWindows(): BrowserWindow[] {
    return windows.filter((w) => !w.destroyed);
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return windows.find((w) => w.webContents === contents) ?? null;
  }

  constructor(o: Record<string, unknown> = {}) {
    super();
    record('new BrowserWindow', o);
    requireReady('BrowserWindow');
    this.options = o;
    this.visible = o['show'] !== false;
    windows.push(this);
    this.webContents = newWebContents();
    this.webContents.on('did-finish-load', () => {
      if (this.readyToShowSent) return;
      this.readyToShowSent = true;
      this.emit('ready-to-show', makeEvent({}));
    });
  }

  loadURL(url: string): Promise<void> {
    record('BrowserWindow.loadURL', url);
    return this.webContents.loadURL(url);
  }

  show(): void {
    record('BrowserWindow.show');
    this.visible = true;
    this.emit('show', makeEvent({}));
  }

  isVisible(): boolean {
    return this.visible;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  minimize(): void {
    record('BrowserWindow.minimize');
    this.minimized = true;
  }

  restore(): void {
    record('BrowserWindow.restore');
    this.minimized = false;
  }

  focus(): void {
    record('BrowserWindow.focus');
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    record('BrowserWindow.close');
    if (this.destroyed) return;
    const event = makeEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0 && recorder.exit === null && !app.quitting) {
      app.emit('window-all-closed');
    }
  }
}

// ---- session ----

const defaultSession = new FakeSession();

export const session = {
  get defaultSession(): FakeSession {
    requireReady('session.defaultSession');
    return defaultSession;
  },
  fromPartition(): never {
    throw new Error('fake-electron: session.fromPartition is not simulated');
  },
};

// ---- net, shell, dialog, nativeTheme ---------------------------------------------------------

/** What main passed to net.fetch, minus header values (they hold the token). */
export interface NetFetchRecord {
  url: string;
  method: string;
  headerNames: string[];
  redirect: string | null;
  credentials: string | null;
  hasBody: boolean;
  hasSignal: boolean;
}

export const netFetches: NetFetchRecord[] = [];

export const net = {
  /** Electron's net.fetch goes through Chromium; here it is Node's fetch (which trusts NODE_EXTRA_CA_CERTS). */
  fetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
    requireReady('net.fetch');
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    netFetches.push({
      url,
      method: init.method ?? 'GET',
      headerNames: [...new Headers(init.headers).keys()].sort(),
      redirect: init.redirect ?? null,
      credentials: init.credentials ?? null,
      hasBody: init.body !== undefined && init.body !== null,
      hasSignal: init.signal !== undefined && init.signal !== null,
    });
    record('net.fetch', url, { method: init.method, redirect: init.redirect, credentials: init.credentials });
    return globalThis.fetch(input, init);
  },
  isOnline: (): boolean => true,
};

export const shellOpened: string[] = [];

export const shell = {
  openExternal(url: string, opts?: unknown): Promise<void> {
    record('shell.openExternal', url, opts);
    if (typeof url !== 'string') return Promise.reject(new TypeError('Invalid URL'));
    shellOpened.push(url);
    return Promise.resolve();
  },
  openPath(target: string): Promise<string> {
    record('shell.openPath', target);
    return Promise.resolve('');
  },
};

/** The fake system clipboard (text only). Calls are recorded without the text: it may be a password. */
export const clipboardState = { text: '' };

export const clipboard = {
  readText(): string {
    record('clipboard.readText');
    return clipboardState.text;
  },
  writeText(text: string): void {
    record('clipboard.writeText', text === '' ? '(empty)' : '(text)');
    clipboardState.text = String(text);
  },
};

export const errorBoxes: { title: string; content: string }[] = [];

/** A save dialog main opened: the window it was attached to (null: none) and its options. */
export interface SaveDialogRecord {
  windowId: number | null;
  options: Record<string, unknown>;
  answer: { canceled: boolean; filePath: string };
}

export const saveDialogs: SaveDialogRecord[] = [];
/** What the user picks in the next save dialogs, in order (not Electron API); none queued: Cancel. */
export const saveDialogAnswers: (string | null)[] = [];

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', title, content);
    errorBoxes.push({ title, content });
  },
  /** Electron: showSaveDialog([window, ]options) → { canceled, filePath } (filePath '' when cancelled). */
  showSaveDialog(
    windowOrOptions: BrowserWindow | Record<string, unknown>,
    maybeOptions?: Record<string, unknown>,
  ): Promise<{ canceled: boolean; filePath: string }> {
    requireReady('dialog.showSaveDialog');
    const window = windowOrOptions instanceof BrowserWindow ? windowOrOptions : null;
    const options = window === null ? windowOrOptions : maybeOptions;
    record('dialog.showSaveDialog', window?.id ?? null, options);
    if (typeof options !== 'object' || options === null) {
      return Promise.reject(new TypeError('Options must be an object'));
    }
    if (window?.isDestroyed() === true) return Promise.reject(new TypeError('Object has been destroyed'));
    const chosen = saveDialogAnswers.shift() ?? null;
    const answer = chosen === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: chosen };
    saveDialogs.push({ windowId: window?.id ?? null, options: { ...options }, answer });
    return Promise.resolve(answer);
  },
};

export const nativeTheme = Object.assign(new EventEmitter(), {
  shouldUseDarkColors: false,
  shouldUseHighContrastColors: false,
  themeSource: 'system' as 'system' | 'light' | 'dark',
});

/** Not Electron API: what the host needs to drive the fake. */
export const fakeControl = {
  app,
  protocol,
  defaultSession,
  windows: (): BrowserWindow[] => [...windows],
  /** A web contents that is not the app window's (a devtools page, a future window...). */
  newWebContents,
};

export { ipcMain, Menu, MenuItem };

const electron = {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MenuItem,
  nativeTheme,
  net,
  protocol,
  session,
  shell,
};
export default electron;
