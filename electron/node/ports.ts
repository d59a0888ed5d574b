/**
 * What the core needs from the outside world. Each shell (Electron, zpa, tests) passes its own:
 * real ones wherever the machine allows, fakes only where it must.
 */

/** The time source; injected so history and token dates are testable. */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

/** The OS keychain, shaped like keytar so keytar itself is the production implementation. */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Settings-sized key/value data, shaped like conf and electron-store (same file format). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: Uint8Array;
  timeoutMs: number;
  /** Our id for this request; the transport sends it as `x-zpa-request-id`. */
  requestId: string;
}

export interface TransportResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The whole body as text (Zoom's answers are small). */
  text: string;
}

/**
 * Why a request got no HTTP answer.
 * dns / refused / tls / connect_timeout can only happen before anything was sent.
 */
export type TransportFailureKind =
  'dns' | 'refused' | 'tls' | 'connect_timeout' | 'timeout' | 'connection_lost' | 'network';

/** A request that got no HTTP answer. Never carries the request body or headers. */
export class TransportError extends Error {
  readonly kind: TransportFailureKind;
  /** true: the request reached the server; false: it certainly did not; null: cannot tell. */
  readonly sent: boolean | null;

  constructor(kind: TransportFailureKind, sent: boolean | null, message: string) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    this.sent = sent;
  }
}

/** One HTTPS exchange: global fetch in plain Node, net.fetch in Electron. Redirects are not followed. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/**
 * The system clipboard (Electron's `clipboard` in the app, whose methods return promises; an
 * in-memory one in tests). Text only.
 */
export interface Clipboard {
  readText(): string | Promise<string>;
  writeText(text: string): void | Promise<void>;
}

/** Timers, injected so the clipboard clearing and hand-off expiry are testable without waiting. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The system timers; they do not keep a Node process (zpa) alive on their own. */
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
