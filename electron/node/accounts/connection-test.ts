import { randomUUID } from 'node:crypto';
import { systemClock, TransportError, type Clock, type Transport, type TransportResponse } from '../ports';
import { normaliseApiBase } from '../zoom/api-base';
import { parseRetryAfter, parseZoomError } from '../zoom/classify';
import { describeWait, type Explanation } from '../zoom/explain';
import { OAuthError, type OAuthFailureReason } from '../zoom/oauth-client';
import { CLOUD_LABELS, type Account, type Cloud } from './account-types';
import { APP_ACTIONS, APP_ACTION_NAMES, capabilitiesFor, scopeToAdd, type AppAction, type Capability } from './scopes';
import type { TokenProvider } from './token-provider';

/** The harmless read call: one user of the account's list (an S2S admin app may call it; it changes nothing). */
export const CONNECTION_TEST_PATH = '/users?page_size=1';
const SCOPE_CODES = new Set([4700, 4711]);
const MAX_MESSAGE = 500;

/** What a connection test found. Holds no token or secret: safe for the renderer and `--json`. */
export interface ConnectionTestResult {
  /** True when a token was obtained and Zoom's API accepted it. */
  ok: boolean;
  /** Where it stopped when not ok: getting the token, or the API call. */
  failedAt: 'token' | 'api' | null;
  accountId: string;
  accountName: string;
  cloud: Cloud;
  apiBase: string;
  /** The token endpoint asked; null for pasted tokens. */
  oauthBase: string | null;
  tokenSource: 'oauth' | 'stored';
  /** ISO 8601; null for pasted tokens. */
  tokenExpiresAt: string | null;
  /** Zoom's `api_url` from the token answer. */
  apiUrl: string | null;
  /** The token's scopes; null when unknown (pasted tokens). */
  scopes: string[] | null;
  capabilities: Record<AppAction, Capability>;
  /** Granular scopes to add to the app for the actions it cannot do yet. */
  scopesToAdd: string[];
  /** Set when the token endpoint refused (failedAt 'token'). */
  oauthReason: OAuthFailureReason | null;
  httpStatus: number | null;
  zoomCode: number | null;
  trackingId: string | null;
  durationMs: number;
  /** What happened, in plain words. */
  message: string;
  /** What to do; null when nothing needs doing. */
  action: string | null;
}

/**
 * Tests an account: gets a token (a fresh one for OAuth accounts, the stored one otherwise), makes
 * one harmless read call (GET /users?page_size=1), and reports the token's scopes and which of the
 * app's actions they allow. Token-endpoint and API failures come back as a result with ok false;
 * only local problems (no secret stored: no_token, keychain_unavailable) reject.
 */
export async function testConnection(o: {
  account: Account;
  provider: Pick<TokenProvider, 'getToken' | 'oauthBaseFor'>;
  transport: Transport;
  clock?: Clock;
  timeoutMs?: number;
  /** ZPA_API_BASE_URL, when set. */
  apiBaseOverride?: string;
  newRequestId?: () => string;
}): Promise<ConnectionTestResult> {
  const clock = o.clock ?? systemClock;
  const started = clock.now().getTime();
  const account = o.account;
  const apiBase = o.apiBaseOverride ? normaliseApiBase(o.apiBaseOverride) : account.apiBase;
  const oauth = account.credential.kind === 's2s';
  const base: ConnectionTestResult = {
    ok: false,
    failedAt: null,
    accountId: account.id,
    accountName: account.name,
    cloud: account.cloud,
    apiBase,
    oauthBase: oauth ? o.provider.oauthBaseFor(account) : null,
    tokenSource: oauth ? 'oauth' : 'stored',
    tokenExpiresAt: null,
    apiUrl: null,
    scopes: null,
    capabilities: capabilitiesFor(null),
    scopesToAdd: [],
    oauthReason: null,
    httpStatus: null,
    zoomCode: null,
    trackingId: null,
    durationMs: 0,
    message: '',
    action: null,
  };
  const finish = (r: Partial<ConnectionTestResult> & { explanation: Explanation }): ConnectionTestResult => {
    const { explanation, ...rest } = r;
    return {
      ...base,
      ...rest,
      durationMs: Math.max(0, Math.round(clock.now().getTime() - started)),
      message: clip(explanation.what),
      action: explanation.action === null ? null : clip(explanation.action),
    };
  };

  let token;
  try {
    token = await o.provider.getToken(account, { fresh: true });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return finish({
      failedAt: 'token',
      oauthReason: error.reason,
      httpStatus: error.httpStatus,
      zoomCode: error.zoomCode,
      trackingId: error.trackingId,
      explanation: { what: error.message, action: error.action ?? null },
    });
  }
  const capabilities = capabilitiesFor(token.scopes);
  const known = {
    tokenExpiresAt: token.expiresAt?.toISOString() ?? null,
    apiUrl: token.apiUrl,
    scopes: token.scopes,
    capabilities,
    scopesToAdd: APP_ACTION_NAMES.filter((a) => capabilities[a] === 'missing').map(scopeToAdd),
  };

  let response: TransportResponse;
  try {
    response = await o.transport.send({
      url: `${apiBase}${CONNECTION_TEST_PATH}`,
      method: 'GET',
      headers: { authorization: `Bearer ${token.token}`, accept: 'application/json' },
      timeoutMs: o.timeoutMs ?? 30_000,
      requestId: (o.newRequestId ?? randomUUID)(),
    });
  } catch (error) {
    const kind = error instanceof TransportError ? error.kind : 'network';
    return finish({ ...known, failedAt: 'api', explanation: networkExplanation(kind, apiBase) });
  }
  const zoom = parseZoomError(response.text);
  const answer = {
    ...known,
    httpStatus: response.status,
    zoomCode: zoom?.code ?? null,
    trackingId: safeHeader(response, 'x-zm-trackingid'),
  };
  const cloud = CLOUD_LABELS[account.cloud];
  const status = response.status;
  if (status >= 200 && status < 300) {
    return finish({ ...answer, ok: true, explanation: connected(account.name, cloud, apiBase, known) });
  }
  if (zoom !== null && SCOPE_CODES.has(zoom.code)) {
    // The token was accepted; only listing users is not among its scopes. That is not needed to change passwords.
    const e = connected(account.name, cloud, apiBase, known);
    return finish({
      ...answer,
      ok: true,
      explanation: {
        what: `${e.what} (The test call itself, listing users, is not among the token's scopes; changing passwords does not need it.)`,
        action: e.action,
      },
    });
  }
  if (status === 401 || zoom?.code === 124) {
    return finish({
      ...answer,
      failedAt: 'api',
      explanation: oauth
        ? {
            what: `Zoom issued a token but the API at ${apiBase} did not accept it (code ${zoom?.code ?? status}).`,
            action:
              'Check that the API address and the token address belong to the same cloud (Zoom or Zoom for Government), then test again.',
          }
        : {
            what: 'Zoom refused the stored access token: it is invalid or has expired (pasted tokens last about an hour).',
            action:
              'Store a new access token for this account, or switch it to Server-to-Server OAuth so tokens are renewed automatically.',
          },
    });
  }
  if (status === 429) {
    const wait = parseRetryAfter(safeHeader(response, 'retry-after'), clock.now());
    return finish({
      ...answer,
      failedAt: 'api',
      explanation: {
        what: "Zoom's rate limit for this account was reached, so the test call was not answered.",
        action: wait === null ? 'Test again in a few seconds.' : `Test again in ${describeWait(wait)}.`,
      },
    });
  }
  if (status >= 500) {
    return finish({
      ...answer,
      failedAt: 'api',
      explanation: {
        what: `Zoom reported a problem on its side (HTTP ${status}).`,
        action: 'Test again in a few minutes (see https://status.zoom.us if it persists).',
      },
    });
  }
  if (zoom === null) {
    return finish({
      ...answer,
      failedAt: 'api',
      explanation: {
        what: `${apiBase} did not answer like Zoom's API (HTTP ${status}).`,
        action:
          'Check the API address: normally https://api.zoom.us/v2 (Zoom for Government: https://api.zoomgov.com/v2).',
      },
    });
  }
  return finish({
    ...answer,
    failedAt: 'api',
    explanation: {
      // Zoom's words, with the token cut out should it ever be echoed.
      what: `Zoom refused the test call (HTTP ${status}, code ${zoom.code})${zoom.message ? `: "${zoom.message.split(token.token).join('[redacted]')}"` : '.'}`,
      action: 'Check the account settings; if it persists, contact Zoom support with the tracking ID.',
    },
  });
}

function connected(
  name: string,
  cloud: string,
  apiBase: string,
  known: { scopes: string[] | null; capabilities: Record<AppAction, Capability>; scopesToAdd: string[] },
): Explanation {
  const what = `Connected: Zoom accepted the token of "${name}" (${cloud}, ${apiBase}).`;
  if (known.scopes === null) {
    return {
      what: `${what} The scopes of a pasted token are not known; a password change shows whether it is allowed.`,
      action: null,
    };
  }
  const allowed = APP_ACTION_NAMES.filter((a) => known.capabilities[a] === 'allowed').map((a) => APP_ACTIONS[a].label);
  const missing = APP_ACTION_NAMES.filter((a) => known.capabilities[a] === 'missing').map((a) => APP_ACTIONS[a].label);
  const list = (items: string[]): string => items.map((s) => s.toLowerCase()).join(', ');
  return {
    what: `${what} ${allowed.length === 0 ? 'Its scopes allow none of the app’s actions.' : `Its scopes allow: ${list(allowed)}.`}${missing.length === 0 ? '' : ` Not allowed: ${list(missing)}.`}`,
    action:
      known.scopesToAdd.length === 0
        ? null
        : `Add the scope${known.scopesToAdd.length === 1 ? '' : 's'} ${known.scopesToAdd.join(', ')} to the Server-to-Server OAuth app in the Zoom App Marketplace (Scopes), then test again.`,
  };
}

function networkExplanation(kind: string, apiBase: string): Explanation {
  const text = `The test call to ${apiBase}`;
  switch (kind) {
    case 'dns':
      return {
        what: `${text} failed: the server's name could not be found.`,
        action: 'Check the internet connection and the API address.',
      };
    case 'refused':
      return {
        what: `${text} failed: the server refused the connection.`,
        action: 'Check the internet connection, firewall and API address.',
      };
    case 'tls':
      return {
        what: `${text} failed: a secure connection could not be set up.`,
        action:
          "If your network inspects HTTPS (a company proxy), its root certificate must be installed in the system's certificate store; otherwise check the API address and the computer's date and time.",
      };
    case 'timeout':
    case 'connect_timeout':
      return {
        what: `${text} timed out.`,
        action: 'Check the internet connection, proxy and firewall, then test again.',
      };
    default:
      return {
        what: `${text} failed: the connection was lost.`,
        action: 'Check the internet connection, then test again.',
      };
  }
}

function safeHeader(response: TransportResponse, name: string): string | null {
  try {
    const value = response.headers.get(name)?.trim() ?? '';
    return value === '' ? null : value.slice(0, 200);
  } catch {
    return null;
  }
}

function clip(text: string): string {
  return text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;
}
