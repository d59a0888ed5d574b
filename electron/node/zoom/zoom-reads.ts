import { randomUUID } from 'node:crypto';
import { policyFromZoomSettings } from '../../../shared/password/policy';
import type { PasswordPolicy } from '../../../shared/password/rules';
import { systemClock, TransportError, type Clock, type Transport, type TransportFailureKind } from '../ports';
import { parseZoomUser, parseZoomUserPage, type ZoomUser, type ZoomUserPage } from '../users/zoom-user';
import { normaliseApiBase } from './api-base';
import { classifyResponse, type Classification } from './classify';
import { parseJsonObject } from './json-body';
import { DEFAULT_TIMEOUT_MS } from './zoom-client';

/** How to reach Zoom for a read: the injected transport and the API base. */
export interface ZoomReadContext {
  transport: Transport;
  apiBase: string;
  clock?: Clock;
  timeoutMs?: number;
}

/** A read that failed, classified like a password change, with a message that fits a read. */
export type ZoomReadFailure = Classification;

export type ZoomRead<T> = { ok: true; value: T; trackingId: string | null } | { ok: false; failure: ZoomReadFailure };

/** The account's password policy as read from Zoom; `policy` null with `reason` when none can be used. */
export interface SecuritySettingsRead {
  policy: PasswordPolicy | null;
  reason: string | null;
}

/** Zoom's code for a feature the account's plan does not include (free accounts reading settings). */
export const PLAN_UNAVAILABLE_CODE = 200;
export const PLAN_UNAVAILABLE_REASON =
  "The account's password policy is unavailable on this Zoom plan (free accounts cannot read it), so Zoom's basic rules apply.";
const NO_REQUIREMENT_REASON = "Zoom's security settings hold no password requirement, so Zoom's basic rules apply.";

const SCOPE_CODES: ReadonlySet<number> = new Set([4700, 4711]);
const SCOPES: Readonly<Record<string, string>> = {
  user: 'user:read:user:admin (classic: user:read:admin)',
  list: 'user:read:list_users:admin (classic: user:read:admin)',
  settings: 'account:read:settings:admin (classic: account:read:admin)',
};

const TRANSPORT_WORDS: Readonly<Record<TransportFailureKind, string>> = {
  dns: "the server's name could not be found (DNS lookup failed)",
  refused: 'the server refused the connection',
  tls: 'a secure connection could not be set up (the certificate was not trusted or TLS failed)',
  connect_timeout: 'connecting to the server took too long',
  timeout: 'no answer came back in time',
  connection_lost: 'the connection was lost before Zoom answered',
  network: 'a network error interrupted the request',
};

type ReadKind = keyof typeof SCOPES;

async function read(
  ctx: ZoomReadContext,
  token: string,
  path: string,
  kind: ReadKind,
): Promise<{ ok: true; json: unknown; trackingId: string | null } | { ok: false; failure: ZoomReadFailure }> {
  const clock = ctx.clock ?? systemClock;
  const url = `${normaliseApiBase(ctx.apiBase)}${path}`;
  let response;
  try {
    response = await ctx.transport.send({
      url,
      method: 'GET',
      headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      requestId: randomUUID(),
    });
  } catch (error) {
    // A read changes nothing in Zoom, so unlike a password change every network failure is safe to retry.
    const failureKind = error instanceof TransportError ? error.kind : 'network';
    return { ok: false, failure: networkFailure(failureKind) };
  }
  const classification = classifyResponse(response, clock.now());
  if (classification.outcome === 'updated') {
    const json: unknown = parseJsonObject(response.text);
    if (json !== null) return { ok: true, json, trackingId: classification.trackingId };
    return {
      ok: false,
      failure: {
        ...classification,
        outcome: 'failed',
        message: `Zoom answered (HTTP ${response.status}) but not with the expected JSON. Check the API address, then try again.`,
      },
    };
  }
  return { ok: false, failure: readFailure(classification, kind) };
}

function readFailure(c: Classification, kind: ReadKind): ZoomReadFailure {
  // classifyResponse words its messages for a password change; scope refusals name the read's scope instead.
  if (c.zoomCode !== null && SCOPE_CODES.has(c.zoomCode)) {
    return {
      ...c,
      message: `The access token does not have the permission (scope) for this. Add ${SCOPES[kind] ?? 'the read scope'} to your app in the Zoom App Marketplace, then create and store a new token.`,
    };
  }
  return c;
}

function networkFailure(kind: TransportFailureKind): ZoomReadFailure {
  return {
    outcome: 'failed',
    httpStatus: null,
    zoomCode: null,
    zoomMessage: null,
    message: `Reading from Zoom failed: ${TRANSPORT_WORDS[kind]}. Nothing was changed; check the connection and try again.`,
    trackingId: null,
    retryAfterSeconds: null,
    rateLimitType: null,
  };
}

function unreadable(what: string): ZoomReadFailure {
  return {
    outcome: 'failed',
    httpStatus: 200,
    zoomCode: null,
    zoomMessage: null,
    message: `Zoom's answer did not contain ${what}. Check the API address, then try again.`,
    trackingId: null,
    retryAfterSeconds: null,
    rateLimitType: null,
  };
}

/** GET /users/{userId} (id, e-mail or `me`; URL-encoded). Never throws for HTTP or network problems. */
export async function getUser(ctx: ZoomReadContext, token: string, userId: string): Promise<ZoomRead<ZoomUser>> {
  const answer = await read(ctx, token, `/users/${encodeURIComponent(userId)}`, 'user');
  if (!answer.ok) return answer;
  const user = parseZoomUser(answer.json);
  return user === null
    ? { ok: false, failure: unreadable('a user') }
    : { ok: true, value: user, trackingId: answer.trackingId };
}

/** GET /users (active users), one page of up to 2000; list items carry no login types. */
export async function listUsers(
  ctx: ZoomReadContext,
  token: string,
  page: { pageSize?: number; nextPageToken?: string | null } = {},
): Promise<ZoomRead<ZoomUserPage>> {
  const pageSize = page.pageSize ?? 300;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 2000) {
    throw new RangeError(`pageSize must be a whole number from 1 to 2000; got ${String(pageSize)}.`);
  }
  const query = new URLSearchParams({ status: 'active', page_size: String(pageSize) });
  if (page.nextPageToken) query.set('next_page_token', page.nextPageToken);
  const answer = await read(ctx, token, `/users?${query.toString()}`, 'list');
  if (!answer.ok) return answer;
  const parsed = parseZoomUserPage(answer.json);
  return parsed === null
    ? { ok: false, failure: unreadable('a user list') }
    : { ok: true, value: parsed, trackingId: answer.trackingId };
}

/**
 * GET /accounts/me/settings?option=security, mapped to a PasswordPolicy. A free account (Zoom code 200)
 * or an answer without a password requirement gives `policy: null` with the reason; other problems fail.
 */
export async function getSecuritySettings(
  ctx: ZoomReadContext,
  token: string,
): Promise<ZoomRead<SecuritySettingsRead>> {
  const answer = await read(ctx, token, '/accounts/me/settings?option=security', 'settings');
  if (!answer.ok) {
    if (answer.failure.zoomCode === PLAN_UNAVAILABLE_CODE) {
      return {
        ok: true,
        value: { policy: null, reason: PLAN_UNAVAILABLE_REASON },
        trackingId: answer.failure.trackingId,
      };
    }
    return answer;
  }
  const policy = policyFromZoomSettings(answer.json);
  return {
    ok: true,
    value: { policy, reason: policy === null ? NO_REQUIREMENT_REASON : null },
    trackingId: answer.trackingId,
  };
}
