import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { systemClock, type Clock } from '../../electron/node/ports';
import {
  SAMPLE_MAX_CHANGES_PER_24H,
  SAMPLE_OAUTH_APPS,
  SAMPLE_POLICY,
  SAMPLE_TOKENS,
  SAMPLE_USERS,
} from './sample-users';
import { FaultInjector, type SimFault } from './sim-faults';
import { readBody, textAnswer, zoomError, type SimAnswer } from './sim-http';
import { SimOAuth, type SimOAuthOptions } from './sim-oauth';
import { RateLimiter, type RateLimitOptions } from './sim-rate-limit';
import { route, userOf, type RouteRequest } from './sim-routes';
import { SimulatorState } from './sim-state';
import type { SimPolicy, SimToken, SimUserSeed } from './sim-types';
import { issueServerCert, loadOrCreateTestCa } from './test-ca';

export interface ZoomSimulatorOptions {
  /** Folder with the test CA (ca.pem, ca-key.pem); default process.env.ZPA_TEST_CA_DIR. */
  caDir?: string;
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
  /** Default SAMPLE_USERS. */
  users?: readonly SimUserSeed[];
  /** Default SAMPLE_TOKENS (DEMO_TOKEN valid, EXPIRED_TOKEN, NO_SCOPE_TOKEN). */
  tokens?: readonly SimToken[];
  /** Merged over SAMPLE_POLICY. */
  policy?: Partial<SimPolicy>;
  /** 'free': GET /accounts/me/settings answers code 200 as for a free account. Default 'paid'. */
  plan?: 'paid' | 'free';
  /** Default SAMPLE_MAX_CHANGES_PER_24H. */
  maxChangesPer24h?: number;
  /** Default 20 per second, no daily limit, headers included. */
  rateLimit?: RateLimitOptions;
  /** Time source for the 24-hour window and rate limits; default the system clock. */
  clock?: Clock;
  /** Called after each request is answered (or dropped); never sees passwords or tokens. */
  onRequest?: (record: SimRequestRecord) => void;
  /** The token endpoint (POST /oauth/token): apps (default SAMPLE_OAUTH_APPS), token lifetime, error style. */
  oauth?: SimOAuthOptions;
}

/** One request as the simulator saw it. Never holds the password or the token. */
export interface SimRequestRecord {
  seq: number;
  /** When it arrived, ISO 8601. */
  at: string;
  method: string;
  /** The raw path as sent (still percent-encoded), without the query. */
  path: string;
  /** The user named in the path, percent-decoded; null when none or undecodable. */
  user: string | null;
  /** The x-zpa-request-id header, if sent. */
  requestId: string | null;
  contentType: string | null;
  /** The HTTP status answered; null when the connection was dropped instead (reset faults). */
  status: number | null;
  zoomCode: number | null;
  /** Whether the request changed the account (e.g. a password was set). */
  applied: boolean;
  fault: SimFault['kind'] | null;
  trackingId: string | null;
}

export interface ZoomSimulator {
  /** e.g. https://127.0.0.1:43121/v2 */
  apiBase: string;
  /** e.g. https://127.0.0.1:43121 */
  url: string;
  /** The CA certificate that signed the server's certificate (PEM). */
  caPem: string;
  state: SimulatorState;
  /** e.g. https://127.0.0.1:43121/oauth/token (Server-to-Server OAuth token endpoint). */
  oauthBase: string;
  /** The token endpoint: its apps, issued tokens and request count. */
  oauth: SimOAuth;
  faults: FaultInjector;
  /** Every request so far, oldest first (a live array). */
  requests: readonly SimRequestRecord[];
  stop(): Promise<void>;
}

const MAX_RECORDS = 50_000;
const USER_PATH = /^\/v2\/users\/([^/]+)(\/password)?\/?$/;
const LIST_PATH = /^\/v2\/users\/?$/;
const SETTINGS_PATH = /^\/v2\/accounts\/me\/settings\/?$/;
/** Where the token endpoint answers (Zoom's is https://zoom.us/oauth/token). */
export const SIM_OAUTH_PATH = '/oauth/token';

function newTrackingId(): string {
  return `v=2.0;clid=sim1;rid=SIM_${randomBytes(12).toString('hex')}`;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function dropConnection(socket: Socket | null): void {
  // Closing the TLS socket without an answer is what the client sees when a proxy or the network
  // drops the connection (resetAndDestroy() needs a bare TCP handle, which a TLS socket is not).
  socket?.destroy();
}

function faultAnswer(fault: SimFault, clock: Clock): SimAnswer | null {
  if (fault.kind === 'rate-limited') {
    // A limiter with no room left answers exactly as a real limit would.
    const full = fault.type === 'QPS' ? { perSecond: 0 } : { daily: 0 };
    const hit = new RateLimiter({ ...full, omitHeaders: fault.omitHeaders ?? false }, clock).take('fault', 'Medium');
    if (hit !== null) return zoomError({ status: 429, code: 429, message: hit.message }, hit.headers);
  }
  if (fault.kind === 'status') {
    if (fault.body !== undefined) return { ...textAnswer(fault.status, fault.body), zoomCode: null };
    return zoomError({ status: fault.status, code: fault.status, message: 'Service temporarily unavailable.' });
  }
  if (fault.kind === 'malformed-body' && (fault.status < 200 || fault.status >= 300)) {
    return textAnswer(fault.status, fault.body ?? '<html><body><h1>Bad Gateway</h1></body></html>');
  }
  return null;
}

/**
 * Starts a Zoom API simulator on https://127.0.0.1 with a certificate from the test CA.
 * It answers PUT /v2/users/{id}/password, GET /v2/users/{id}, GET /v2/users,
 * GET /v2/accounts/me/settings?option=security and the Server-to-Server
 * OAuth token endpoint POST /oauth/token the way zoom-api.md describes Zoom.
 */
export async function startZoomSimulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const caDir = options.caDir ?? process.env.ZPA_TEST_CA_DIR;
  if (caDir === undefined || caDir.trim() === '') {
    throw new Error(
      'The Zoom simulator needs a test CA: pass options.caDir or set ZPA_TEST_CA_DIR ' +
        '(create one with: node --import tsx test/simulator/make-test-ca.ts <dir>; run tests with NODE_EXTRA_CA_CERTS=<dir>/ca.pem).',
    );
  }
  const ca = loadOrCreateTestCa(caDir);
  const leaf = issueServerCert(ca);
  const clock = options.clock ?? systemClock;
  const state = new SimulatorState({
    users: options.users ?? SAMPLE_USERS,
    tokens: options.tokens ?? SAMPLE_TOKENS,
    policy: { ...SAMPLE_POLICY, ...options.policy },
    maxChangesPer24h: options.maxChangesPer24h ?? SAMPLE_MAX_CHANGES_PER_24H,
    clock,
  });
  state.plan = options.plan ?? 'paid';
  const limiter = new RateLimiter(options.rateLimit ?? {}, clock);
  const oauth = new SimOAuth(state, clock, { ...options.oauth, apps: options.oauth?.apps ?? SAMPLE_OAUTH_APPS });
  const faults = new FaultInjector();
  const requests: SimRequestRecord[] = [];
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let seq = 0;
  let stopping = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      timers.add(entry);
    });

  const record = (entry: SimRequestRecord): void => {
    requests.push(entry);
    if (requests.length > MAX_RECORDS) requests.splice(0, requests.length - MAX_RECORDS);
    options.onRequest?.(entry);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    seq += 1;
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split('?');
    const match = USER_PATH.exec(rawPath);
    const isTokenRequest = rawPath === SIM_OAUTH_PATH;
    if (isTokenRequest) oauth.countRequest();
    const pathUser = match?.[1] === undefined ? null : decodeSegment(match[1]);
    const requestIdHeader = req.headers['x-zpa-request-id'];
    const entry: SimRequestRecord = {
      seq,
      at: clock.now().toISOString(),
      method: req.method ?? 'GET',
      path: rawPath,
      user: pathUser,
      requestId: typeof requestIdHeader === 'string' ? requestIdHeader : null,
      contentType: req.headers['content-type'] ?? null,
      status: null,
      zoomCode: null,
      applied: false,
      fault: null,
      trackingId: null,
    };
    const body = await readBody(req);
    const request: RouteRequest = {
      method: entry.method,
      route:
        match !== null
          ? match[2] === undefined
            ? 'user'
            : 'password'
          : LIST_PATH.test(rawPath)
            ? 'list'
            : SETTINGS_PATH.test(rawPath)
              ? 'settings'
              : null,
      pathUser,
      headers: req.headers,
      body: body ?? Buffer.alloc(0),
      query: new URLSearchParams(rawQuery),
    };
    const target = userOf(state, request);
    const names = [pathUser, target?.id, target?.email].filter((n): n is string => typeof n === 'string');
    const fault = faults.take({ method: entry.method, users: names, path: rawPath });
    entry.fault = fault?.kind ?? null;
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (stopping) return;
    if (fault?.kind === 'reset-before-apply') {
      dropConnection(req.socket);
      record(entry);
      return;
    }
    let answer =
      (fault === null ? null : faultAnswer(fault, clock)) ??
      (body === null
        ? zoomError({ status: 413, code: 300, message: 'Request body too large.' })
        : isTokenRequest
          ? oauth.answer(request)
          : await route(state, limiter, request));
    if (fault?.kind === 'malformed-body' && answer.status >= 200 && answer.status < 300) {
      answer = { ...textAnswer(fault.status, fault.body ?? '<html>OK</html>'), applied: answer.applied };
    }
    entry.applied = answer.applied;
    entry.zoomCode = answer.zoomCode;
    if (fault?.kind === 'reset-after-apply') {
      dropConnection(req.socket);
      record(entry);
      return;
    }
    const headers: Record<string, string> = { ...answer.headers };
    if (fault?.kind !== 'no-tracking-id') {
      entry.trackingId = newTrackingId();
      headers['x-zm-trackingid'] = entry.trackingId;
    }
    entry.status = answer.status;
    record(entry);
    if (res.destroyed) return;
    res.writeHead(answer.status, headers);
    res.end(answer.status === 204 ? undefined : answer.body);
  }

  const server = https.createServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    handle(req, res).catch(() => {
      // Never echo what failed: the request may hold a password.
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json;charset=UTF-8', 'x-zm-trackingid': newTrackingId() });
        res.end(JSON.stringify({ code: 500, message: 'Internal simulator error.' }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://127.0.0.1:${port}`;

  return {
    apiBase: `${url}/v2`,
    url,
    caPem: ca.certPem,
    state,
    oauthBase: `${url}${SIM_OAUTH_PATH}`,
    oauth,
    faults,
    requests,
    async stop() {
      stopping = true;
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve();
      }
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
