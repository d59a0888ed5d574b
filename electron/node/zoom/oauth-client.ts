import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/domain/errors';
import {
  systemClock,
  TransportError,
  type Clock,
  type Transport,
  type TransportFailureKind,
  type TransportResponse,
} from '../ports';
import { isLoopbackHost } from './api-base';
import { parseRetryAfter } from './classify';
import { OAUTH_ERROR_CODES, explainOAuthFailure, type Explanation, type OAuthFailureReason } from './explain';
import { parseJsonObject, readZoomCode } from './json-body';

export type { OAuthFailureReason } from './explain';

/** Zoom's token endpoint. */
export const ZOOM_OAUTH_BASE = 'https://zoom.us/oauth/token';
/** Zoom for Government's token endpoint. */
export const GOV_OAUTH_BASE = 'https://zoomgov.com/oauth/token';
/** What Zoom's tokens last (zoom-api.md: expires_in 3599-3600); assumed when an answer leaves it out. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3599;
/** No answer is trusted to last longer than a day: a broken expires_in must not pin a token forever. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const DEFAULT_OAUTH_TIMEOUT_MS = 30_000;

const MAX_ZOOM_MESSAGE = 500;
const MAX_TRACKING_ID = 200;
const TOKEN_PATTERN = /^[\x21-\x7e]{1,8192}$/;
const URL_ACTION =
  'Use an https address such as https://zoom.us/oauth/token (or https://zoomgov.com/oauth/token for Zoom for Government).';

/** A Server-to-Server OAuth app's credentials. Only the client secret is secret. */
export interface S2SCredentials {
  /** Zoom's Account ID (sent as the account_id form field). */
  accountId: string;
  clientId: string;
  clientSecret: string;
}

/** An access token as Zoom issued it. Held in memory only: never written, logged or sent to the renderer. */
export interface OAuthToken {
  accessToken: string;
  tokenType: string;
  expiresInSeconds: number;
  /** When the request was sent: the lifetime is counted from here, so it can only err on the early side. */
  obtainedAt: Date;
  expiresAt: Date;
  /** The scopes the token carries (Zoom's space-separated `scope`), in Zoom's order, without duplicates. */
  scopes: string[];
  /** Zoom's `api_url` (the account's regional API host), when it gave a valid one. */
  apiUrl: string | null;
  trackingId: string | null;
}

/** A token request that gave no token. The message and every field are free of the client secret. */
export class OAuthError extends AppError {
  readonly reason: OAuthFailureReason;
  readonly tokenUrl: string;
  readonly httpStatus: number | null;
  readonly zoomCode: number | null;
  /** Zoom's own words, verbatim but clipped (and with the credentials cut out, should Zoom ever echo them). */
  readonly zoomMessage: string | null;
  readonly trackingId: string | null;
  readonly transportKind: TransportFailureKind | null;
  readonly retryAfterSeconds: number | null;

  constructor(o: {
    reason: OAuthFailureReason;
    tokenUrl: string;
    explanation: Explanation;
    httpStatus?: number | null;
    zoomCode?: number | null;
    zoomMessage?: string | null;
    trackingId?: string | null;
    transportKind?: TransportFailureKind | null;
    retryAfterSeconds?: number | null;
  }) {
    super('oauth_failed', o.explanation.what, o.explanation.action === null ? {} : { action: o.explanation.action });
    this.name = 'OAuthError';
    this.reason = o.reason;
    this.tokenUrl = o.tokenUrl;
    this.httpStatus = o.httpStatus ?? null;
    this.zoomCode = o.zoomCode ?? null;
    this.zoomMessage = o.zoomMessage ?? null;
    this.trackingId = o.trackingId ?? null;
    this.transportKind = o.transportKind ?? null;
    this.retryAfterSeconds = o.retryAfterSeconds ?? null;
  }
}

/**
 * Checks and normalises a token endpoint URL, with the same rules as API bases: https only (http
 * for loopback hosts), no credentials, query or fragment, no trailing '/'.
 * Throws AppError('invalid_input', field 'oauthBase') otherwise.
 */
export function normaliseOAuthBase(url: string): string {
  const input = url.trim();
  const refuse = (message: string): never => {
    throw new AppError('invalid_input', message, { action: URL_ACTION, field: 'oauthBase' });
  };
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return refuse(`"${input}" is not a valid token address.`);
  }
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))) {
    refuse(
      `The token address must use https (plain http is allowed only for this computer's loopback address); got "${parsed.protocol.replace(/:$/, '')}".`,
    );
  }
  // Credentials in a URL end up in logs and history: refuse without echoing them.
  if (parsed.username !== '' || parsed.password !== '')
    refuse('The token address must not contain a user name or password.');
  if (parsed.search !== '' || parsed.hash !== '') refuse('The token address must not contain "?" or "#" parts.');
  return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** Zoom's token-endpoint error body in either of its shapes: `{code, message}` or `{error, reason}`. Never throws. */
export function parseOAuthErrorBody(
  text: string,
): { code: number | null; error: string | null; message: string | null } | null {
  const r = parseJsonObject(text);
  if (r === null) return null;
  const code = readZoomCode(r['code']);
  const text1 = (key: string): string | null => {
    const v = r[key];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  const error = text1('error');
  const message = text1('message') ?? text1('reason') ?? text1('error_description');
  if (code === null && error === null && message === null) return null;
  return { code, error, message };
}

/**
 * Why a token-endpoint answer is a refusal, from Zoom's code, then the OAuth `error` field, then the
 * message (Zoom's wording for a wrong Account ID is not documented, so it is recognised by naming the
 * account), and only then from the HTTP status.
 */
export function oauthFailureReason(
  status: number,
  body: { code: number | null; error: string | null; message: string | null } | null,
): OAuthFailureReason {
  if (status >= 300 && status < 400) return 'wrong_address';
  const known = body?.code === null || body?.code === undefined ? undefined : OAUTH_ERROR_CODES[body.code];
  if (known !== undefined) return known;
  const error = (body?.error ?? '').toLowerCase();
  const message = (body?.message ?? '').toLowerCase();
  // A disabled app may come back as `invalid_client`: the message is the more precise of the two.
  if (/disabled|deactivated|not active/.test(message)) return 'app_disabled';
  if (error === 'invalid_client' || error === 'unauthorized_client') return 'invalid_client';
  if (error === 'unsupported_grant_type') return 'unsupported_grant';
  if (/missing|required|empty|blank/.test(message)) return 'missing_fields';
  if (/account/.test(message)) return 'invalid_account';
  if (/client|secret/.test(message)) return 'invalid_client';
  if (/grant[ _]type/.test(message)) return 'unsupported_grant';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (body === null) return 'wrong_address';
  return 'refused';
}

/**
 * Fetches Server-to-Server OAuth tokens: `POST <oauthBase>` with `grant_type=account_credentials`,
 * `account_id`, and the client ID and secret as HTTP Basic auth (zoom-api.md, Credentials).
 * Knows nothing of caching: see TokenProvider.
 */
export class OAuthClient {
  readonly timeoutMs: number;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly newRequestId: () => string;

  constructor(o: { transport: Transport; clock?: Clock; timeoutMs?: number; newRequestId?: () => string }) {
    this.transport = o.transport;
    this.clock = o.clock ?? systemClock;
    this.newRequestId = o.newRequestId ?? randomUUID;
    const timeoutMs = o.timeoutMs ?? DEFAULT_OAUTH_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new RangeError('timeoutMs must be a positive number');
    this.timeoutMs = timeoutMs;
  }

  /**
   * One token request. Resolves with the token, or rejects with an OAuthError that explains the
   * failure in plain words (AppError('invalid_input') for an unusable oauthBase). Never retries.
   */
  async fetchToken(r: { oauthBase: string; credentials: S2SCredentials; requestId?: string }): Promise<OAuthToken> {
    const tokenUrl = normaliseOAuthBase(r.oauthBase);
    const { accountId, clientId, clientSecret } = r.credentials;
    if (accountId.trim() === '' || clientId.trim() === '' || clientSecret === '' || clientId.includes(':')) {
      // Not worth a round trip: Zoom would answer 4706. A ':' in the ID would split Basic auth wrongly.
      throw new OAuthError({
        reason: 'missing_fields',
        tokenUrl,
        explanation: explainOAuthFailure('missing_fields', { tokenUrl }),
      });
    }
    const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    const secrets = [clientSecret, basic];
    const body = new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId.trim() }).toString();
    const sentAt = this.clock.now();
    let response: TransportResponse;
    try {
      response = await this.transport.send({
        url: tokenUrl,
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new TextEncoder().encode(body),
        timeoutMs: this.timeoutMs,
        requestId: r.requestId ?? this.newRequestId(),
      });
    } catch (error) {
      const transportKind = error instanceof TransportError ? error.kind : 'network';
      throw new OAuthError({
        reason: 'network',
        tokenUrl,
        transportKind,
        explanation: explainOAuthFailure('network', { tokenUrl, transportKind }),
      });
    }
    const trackingId = header(response.headers, 'x-zm-trackingid', MAX_TRACKING_ID);
    const fail = (reason: OAuthFailureReason, parsed: ReturnType<typeof parseOAuthErrorBody>): never => {
      const zoomMessage = parsed?.message === null || parsed === null ? null : clip(redact(parsed.message, secrets));
      const retryAfterSeconds =
        reason === 'rate_limited'
          ? parseRetryAfter(header(response.headers, 'retry-after', 100), this.clock.now())
          : null;
      const details = {
        tokenUrl,
        httpStatus: response.status,
        zoomCode: parsed?.code ?? null,
        zoomMessage,
        retryAfterSeconds,
      };
      throw new OAuthError({
        reason,
        ...details,
        trackingId,
        explanation: explainOAuthFailure(reason, details),
      });
    };
    if (response.status >= 200 && response.status < 300) {
      const token = parseTokenAnswer(response.text, sentAt);
      if (token === null) {
        // An HTML page with 200 is a captive portal or a wrong address, not Zoom.
        return fail(looksLikeJson(response.text) ? 'unexpected_answer' : 'wrong_address', null);
      }
      return { ...token, trackingId };
    }
    const parsed = parseOAuthErrorBody(response.text);
    return fail(oauthFailureReason(response.status, parsed), parsed);
  }
}

/** Reads a successful token answer; null when it holds no usable access token. Never throws. */
export function parseTokenAnswer(text: string, sentAt: Date): Omit<OAuthToken, 'trackingId'> | null {
  const r = parseJsonObject(text);
  if (r === null) return null;
  const accessToken = r['access_token'];
  if (typeof accessToken !== 'string' || !TOKEN_PATTERN.test(accessToken)) return null;
  const tokenType = typeof r['token_type'] === 'string' ? r['token_type'] : 'bearer';
  if (tokenType.toLowerCase() !== 'bearer') return null;
  const rawExpires = r['expires_in'];
  const expires =
    typeof rawExpires === 'number' ? rawExpires : typeof rawExpires === 'string' ? Number(rawExpires) : Number.NaN;
  const expiresInSeconds =
    Number.isFinite(expires) && expires > 0
      ? Math.min(Math.floor(expires), MAX_TOKEN_LIFETIME_SECONDS)
      : DEFAULT_TOKEN_LIFETIME_SECONDS;
  return {
    accessToken,
    tokenType,
    expiresInSeconds,
    obtainedAt: sentAt,
    expiresAt: new Date(sentAt.getTime() + expiresInSeconds * 1000),
    scopes: parseScopes(r['scope']),
    apiUrl: parseApiUrl(r['api_url']),
  };
}

/** Zoom's space-separated `scope` as a list, without duplicates; anything else gives []. */
export function parseScopes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return [...new Set(value.split(/\s+/).filter((s) => s !== '' && s.length <= 200))];
}

function parseApiUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return null;
    if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function header(headers: { get(name: string): string | null }, name: string, max: number): string | null {
  let value: string | null;
  try {
    value = headers.get(name);
  } catch {
    return null;
  }
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, max);
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[redacted]');
  return out;
}

function clip(text: string): string {
  return text.length <= MAX_ZOOM_MESSAGE ? text : `${text.slice(0, MAX_ZOOM_MESSAGE - 1)}…`;
}
