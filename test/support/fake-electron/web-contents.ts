import { EventEmitter } from 'node:events';
import { record } from './recorder';

/** Electron's Event: preventDefault() sets defaultPrevented; some events carry extra fields. */
export type FakeEvent<T extends object = object> = T & { preventDefault(): void; readonly defaultPrevented: boolean };

/** Builds an Electron-style event object. */
export function makeEvent<T extends object>(fields: T): FakeEvent<T> {
  let prevented = false;
  const event = Object.assign(Object.create(null) as object, fields, {
    preventDefault: () => {
      prevented = true;
    },
  });
  // A getter, not a copied value: listeners run after the event object is built.
  Object.defineProperty(event, 'defaultPrevented', { get: () => prevented, enumerable: true });
  return event as FakeEvent<T>;
}

let nextFrameId = 1;

/** WebFrameMain: a frame of a web contents. Electron hands out one object per frame, so identity holds. */
export class FakeWebFrameMain {
  readonly frameTreeNodeId = nextFrameId++;
  readonly routingId = this.frameTreeNodeId;
  readonly processId = 1;
  readonly parent: FakeWebFrameMain | null;
  readonly frames: FakeWebFrameMain[] = [];
  url: string;
  private destroyed = false;

  constructor(url: string, parent: FakeWebFrameMain | null = null) {
    this.url = url;
    this.parent = parent;
    parent?.frames.push(this);
  }

  get top(): FakeWebFrameMain {
    return this.parent === null ? this : this.parent.top;
  }

  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  detach(): void {
    this.destroyed = true;
  }
}

/** Electron's HandlerDetails for setWindowOpenHandler. */
export interface WindowOpenDetails {
  url: string;
  frameName: string;
  features: string;
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  referrer: { url: string; policy: string };
}
export type WindowOpenHandler = (details: WindowOpenDetails) => unknown;

/** How a web contents loads a URL: through the registered custom protocols (see electron.ts). */
export type UrlLoader = (url: string) => Promise<Response | null>;

export interface LoadRecord {
  url: string;
  /** null: no handler for that scheme in the fake. */
  status: number | null;
  headers: Record<string, string>;
}

let nextContentsId = 1;

/**
 * WebContents, with the parts main uses (events, setWindowOpenHandler, mainFrame, loadURL) and
 * `simulate*` helpers that play what Chromium would do: a navigation, a window.open(), a <webview>.
 */
export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeWebFrameMain;
  readonly loads: LoadRecord[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  private readonly loader: UrlLoader;
  private destroyed = false;

  constructor(loader: UrlLoader, url = '') {
    super();
    this.loader = loader;
    this.mainFrame = new FakeWebFrameMain(url);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    record('webContents.setWindowOpenHandler', handler);
    this.windowOpenHandler = handler;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
    this.mainFrame.detach();
    this.emit('destroyed');
  }

  /** Resolves once the page "loaded", whatever its status (an HTTP error page still loads). */
  async loadURL(url: string): Promise<void> {
    record('webContents.loadURL', url);
    const response = await this.loader(url);
    const headers: Record<string, string> = {};
    response?.headers.forEach((value, key) => {
      headers[key] = value;
    });
    this.loads.push({ url, status: response?.status ?? null, headers });
    if (response === null) {
      this.emit('did-fail-load', makeEvent({}), -301, 'ERR_DISALLOWED_URL_SCHEME', url, true);
      throw new Error(`ERR_DISALLOWED_URL_SCHEME (-301) loading '${url}' (the fake loads custom protocols only)`);
    }
    this.mainFrame.url = url;
    this.emit('did-finish-load', makeEvent({}));
  }

  /** A subframe of the main frame, e.g. an <iframe>. */
  addSubframe(url: string): FakeWebFrameMain {
    return new FakeWebFrameMain(url, this.mainFrame);
  }

  /**
   * A navigation Chromium is about to make. Emits the event with Electron's arguments: the details
   * event first, then the deprecated positional ones. Returns whether a listener prevented it.
   */
  simulateNavigation(
    name: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    url: string,
    o: { isMainFrame?: boolean } = {},
  ): boolean {
    const isMainFrame = o.isMainFrame ?? name !== 'will-frame-navigate';
    const frame = isMainFrame ? this.mainFrame : (this.mainFrame.frames[0] ?? this.addSubframe('about:blank'));
    const event = makeEvent({ url, isSameDocument: false, isMainFrame, frame, initiator: this.mainFrame });
    if (name === 'will-frame-navigate') this.emit(name, event);
    else this.emit(name, event, url, false, isMainFrame, frame.processId, frame.routingId);
    return event.defaultPrevented;
  }

  /** A page adding a <webview>: returns whether attaching it was prevented. */
  simulateAttachWebview(src: string): boolean {
    const event = makeEvent({});
    this.emit('will-attach-webview', event, { nodeIntegration: false }, { src, instanceId: '1' });
    return event.defaultPrevented;
  }

  /**
   * window.open(url) from the page. Electron denies when the handler's answer is not a valid
   * { action: 'allow' | 'deny' }; with no handler it allows.
   */
  simulateWindowOpen(url: string): { action: 'allow' | 'deny'; valid: boolean; response: unknown } {
    if (this.windowOpenHandler === null) return { action: 'allow', valid: true, response: null };
    const response = this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'foreground-tab',
      referrer: { url: this.mainFrame.url, policy: 'strict-origin-when-cross-origin' },
    });
    const action = (response as { action?: unknown } | null)?.action;
    if (action === 'allow' || action === 'deny') return { action, valid: true, response };
    return { action: 'deny', valid: false, response };
  }
}
