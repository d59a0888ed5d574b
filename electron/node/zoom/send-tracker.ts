import diagnosticsChannel from 'node:diagnostics_channel';

/** The header that carries our request id; it is also how diagnostics events are matched to requests. */
export const REQUEST_ID_HEADER = 'x-zpa-request-id';

interface Progress {
  created: boolean;
  sent: boolean;
  /** How many in-flight requests share this id (ids should be unique; this keeps duplicates safe). */
  users: number;
}

// Ids are only ever added by begin() and removed by end(); the cap guards against a caller that
// never calls end() (a bug), so the map cannot grow without bound.
const MAX_TRACKED = 10_000;
const inFlight = new Map<string, Progress>();
let subscribed = false;

/**
 * Undici's request objects carry headers as a flat [name, value, ...] array in Node 20
 * (nested pairs or one raw string in other versions): find our id in any of them.
 */
export function requestIdFromHeaders(headers: unknown): string | null {
  if (typeof headers === 'string') {
    const match = /(?:^|\r\n)x-zpa-request-id:[ \t]*([^\r\n]*)/i.exec(headers);
    return match?.[1]?.trim() ?? null;
  }
  if (!Array.isArray(headers)) return null;
  if (headers.length > 0 && Array.isArray(headers[0])) {
    for (const pair of headers as unknown[]) {
      if (Array.isArray(pair) && String(pair[0]).toLowerCase() === REQUEST_ID_HEADER) return String(pair[1]);
    }
    return null;
  }
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (String(headers[i]).toLowerCase() === REQUEST_ID_HEADER) return String(headers[i + 1]);
  }
  return null;
}

function progressFor(message: unknown): Progress | undefined {
  const request = (message as { request?: { headers?: unknown } } | null)?.request;
  const id = requestIdFromHeaders(request?.headers);
  return id === null ? undefined : inFlight.get(id);
}

function onCreate(message: unknown): void {
  const progress = progressFor(message);
  if (progress !== undefined) progress.created = true;
}

function onSendHeaders(message: unknown): void {
  const progress = progressFor(message);
  if (progress !== undefined) progress.sent = true;
}

/** Subscribes once per process to undici's diagnostics channels (Node's fetch publishes there). */
export function ensureSendTracking(): void {
  if (subscribed) return;
  subscribed = true;
  diagnosticsChannel.subscribe('undici:request:create', onCreate);
  diagnosticsChannel.subscribe('undici:client:sendHeaders', onSendHeaders);
}

/** Starts watching a request id. */
export function beginTracking(requestId: string): void {
  const existing = inFlight.get(requestId);
  if (existing !== undefined) {
    existing.users += 1;
    return;
  }
  if (inFlight.size >= MAX_TRACKED) {
    const oldest = inFlight.keys().next();
    if (oldest.done !== true) inFlight.delete(oldest.value);
  }
  inFlight.set(requestId, { created: false, sent: false, users: 1 });
}

/** What undici reported for the request so far: whether it was created and whether its headers went out. */
export function trackingState(requestId: string): { created: boolean; sent: boolean } {
  const progress = inFlight.get(requestId);
  return { created: progress?.created ?? false, sent: progress?.sent ?? false };
}

/** Stops watching a request id. */
export function endTracking(requestId: string): void {
  const progress = inFlight.get(requestId);
  if (progress === undefined) return;
  progress.users -= 1;
  if (progress.users <= 0) inFlight.delete(requestId);
}

/** How many ids are being watched (tests check nothing leaks). */
export function trackedCount(): number {
  return inFlight.size;
}
