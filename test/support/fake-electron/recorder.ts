/**
 * What the fake Electron saw: every API call main made, in order, and whether it came before the app
 * was ready (several Electron APIs only work on one side of that line). Shared by the fake module and
 * the host that drives it; kept on globalThis so a second copy of this module cannot split the record.
 */

export interface CallRecord {
  seq: number;
  /** e.g. 'app.enableSandbox', 'new BrowserWindow', 'webContents.setWindowOpenHandler'. */
  api: string;
  /** The arguments in a serialisable form: functions become '[function]'. */
  args: unknown[];
  beforeReady: boolean;
}

export interface Recorder {
  ready: boolean;
  calls: CallRecord[];
  /** Set once app.exit() or app.quit() ended the "process". */
  exit: { code: number; via: 'exit' | 'quit' } | null;
  /** How the process really ends; the host replaces it to report before exiting. */
  terminate: (code: number) => void;
}

const KEY = Symbol.for('zpa.fake-electron.recorder');
const holder = globalThis as { [KEY]?: Recorder };

export const recorder: Recorder = (holder[KEY] ??= {
  ready: false,
  calls: [],
  exit: null,
  terminate: (code) => process.exit(code),
});

/** Records one call; returns nothing so it can head any fake method. */
export function record(api: string, ...args: unknown[]): void {
  recorder.calls.push({
    seq: recorder.calls.length + 1,
    api,
    args: args.map((a) => plain(a)),
    beforeReady: !recorder.ready,
  });
}

/** A structured-clone-safe copy: functions and class instances are described, not copied. */
export function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? String(value) : value;
  if (depth > 6) return '[deep]';
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    return `[${name}]`;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = plain(item, depth + 1);
  return out;
}

/** The calls made to one API, oldest first. */
export function callsTo(api: string): CallRecord[] {
  return recorder.calls.filter((call) => call.api === api);
}
