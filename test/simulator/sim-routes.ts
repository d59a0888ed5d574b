import type { IncomingHttpHeaders } from 'node:http';
import type { ZoomRefusal } from './sim-password-rules';
import type { RateLimitCategory, RateLimiter } from './sim-rate-limit';
import type { SimulatorState, UserRecord } from './sim-state';
import {
  LIST_USERS_SCOPES,
  PASSWORD_SCOPES,
  READ_SETTINGS_SCOPES,
  READ_USER_SCOPES,
  type SimStatus,
  type SimToken,
} from './sim-types';
import { jsonAnswer, parsePasswordBody, textAnswer, zoomError, type SimAnswer } from './sim-http';

/** A request the simulator understood the shape of. */
export interface RouteRequest {
  method: string;
  route: 'password' | 'user' | 'list' | 'settings' | null;
  /** The user segment of the path, percent-decoded; null if undecodable or absent. */
  pathUser: string | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The query string (GET /v2/users reads page_size, status, next_page_token). */
  query?: URLSearchParams;
}

const INVALID_TOKEN: ZoomRefusal = { status: 401, code: 124, message: 'Invalid access token.' };

function authorize(
  state: SimulatorState,
  header: string | undefined,
  scopes: readonly string[],
): { token: SimToken } | { refusal: ZoomRefusal } {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  const token = bearer === undefined ? undefined : state.token(bearer);
  if (token === undefined) return { refusal: INVALID_TOKEN };
  if (state.tokenExpired(token)) return { refusal: { status: 401, code: 124, message: 'Access token is expired.' } };
  if (!scopes.some((s) => token.scopes.includes(s))) {
    return {
      refusal: {
        status: 400,
        code: token.scopeErrorCode ?? 4711,
        message: `Invalid access token, does not contain scopes:[${scopes[0] ?? ''}]`,
      },
    };
  }
  return { token };
}

function limited(limiter: RateLimiter, token: SimToken, category: RateLimitCategory): SimAnswer | null {
  const hit = limiter.take(token.accountId, category);
  return hit === null ? null : zoomError({ status: 429, code: 429, message: hit.message }, hit.headers);
}

function userNotFound(pathUser: string): SimAnswer {
  return zoomError({ status: 404, code: 1001, message: `User does not exist: ${pathUser}.` });
}

/** Resolves the user a request names (for fault matching too); undefined when unknown. */
export function userOf(state: SimulatorState, request: RouteRequest): UserRecord | undefined {
  if (request.pathUser === null) return undefined;
  if (request.pathUser === 'me') {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    return state.resolve('me', bearer === undefined ? null : (state.token(bearer) ?? null));
  }
  return state.resolve(request.pathUser, null);
}

async function setPassword(state: SimulatorState, limiter: RateLimiter, request: RouteRequest): Promise<SimAnswer> {
  const auth = authorize(state, request.headers.authorization, PASSWORD_SCOPES);
  if ('refusal' in auth) return zoomError(auth.refusal);
  const rateLimited = limited(limiter, auth.token, 'Medium');
  if (rateLimited !== null) return rateLimited;
  const parsed = await parsePasswordBody(request.headers['content-type'], request.body);
  if ('refusal' in parsed) return zoomError(parsed.refusal);
  const pathUser = request.pathUser ?? '';
  const target = state.resolve(pathUser, auth.token);
  if (target === undefined) return userNotFound(pathUser);
  const refusal = state.changePassword(target, parsed.password, { self: pathUser === 'me' });
  if (refusal !== null) return zoomError(refusal);
  return { status: 204, headers: {}, body: '', applied: true, zoomCode: null };
}

function getUser(state: SimulatorState, limiter: RateLimiter, request: RouteRequest): SimAnswer {
  const auth = authorize(state, request.headers.authorization, READ_USER_SCOPES);
  if ('refusal' in auth) return zoomError(auth.refusal);
  const rateLimited = limited(limiter, auth.token, 'Light');
  if (rateLimited !== null) return rateLimited;
  const pathUser = request.pathUser ?? '';
  const target = state.resolve(pathUser, auth.token);
  if (target === undefined) return userNotFound(pathUser);
  const found = state.lookup(target);
  return 'refusal' in found ? zoomError(found.refusal) : jsonAnswer(200, found.view);
}

const LIST_STATUSES: readonly SimStatus[] = ['active', 'inactive', 'pending'];

function listUsers(state: SimulatorState, limiter: RateLimiter, request: RouteRequest): SimAnswer {
  const auth = authorize(state, request.headers.authorization, LIST_USERS_SCOPES);
  if ('refusal' in auth) return zoomError(auth.refusal);
  const rateLimited = limited(limiter, auth.token, 'Medium');
  if (rateLimited !== null) return rateLimited;
  const query = request.query ?? new URLSearchParams();
  const rawSize = query.get('page_size');
  const pageSize = rawSize === null ? 30 : Number(rawSize);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 2000) {
    return zoomError({
      status: 400,
      code: 300,
      message: 'Validation Failed.',
      errors: [{ field: 'page_size', message: 'must be between 1 and 2000' }],
    });
  }
  const status = (query.get('status') ?? 'active') as SimStatus;
  if (!LIST_STATUSES.includes(status)) {
    return zoomError({ status: 400, code: 300, message: `Invalid field: status` });
  }
  return jsonAnswer(200, state.listUsers({ status, pageSize, nextPageToken: query.get('next_page_token') }));
}

function getSettings(state: SimulatorState, limiter: RateLimiter, request: RouteRequest): SimAnswer {
  const auth = authorize(state, request.headers.authorization, READ_SETTINGS_SCOPES);
  if ('refusal' in auth) return zoomError(auth.refusal);
  const rateLimited = limited(limiter, auth.token, 'Medium');
  if (rateLimited !== null) return rateLimited;
  // Free accounts cannot read account settings: Zoom answers code 200 "No permission".
  if (state.plan === 'free') return zoomError({ status: 400, code: 200, message: 'No permission.' });
  const option = request.query?.get('option') ?? null;
  if (option !== 'security') {
    return zoomError({
      status: 400,
      code: 300,
      message: `Invalid option: ${option ?? '(none)'}; this simulator answers option=security.`,
    });
  }
  return jsonAnswer(200, state.securitySettings());
}

/** Answers one request as Zoom would (faults aside). */
export async function route(state: SimulatorState, limiter: RateLimiter, request: RouteRequest): Promise<SimAnswer> {
  if (request.route === null) return textAnswer(404, 'Not Found');
  if (request.route === 'list') {
    return request.method === 'GET' ? listUsers(state, limiter, request) : textAnswer(405, 'Method Not Allowed');
  }
  if (request.route === 'settings') {
    return request.method === 'GET' ? getSettings(state, limiter, request) : textAnswer(405, 'Method Not Allowed');
  }
  if (request.pathUser === null) return userNotFound('');
  if (request.route === 'password') {
    return request.method === 'PUT' ? setPassword(state, limiter, request) : textAnswer(405, 'Method Not Allowed');
  }
  return request.method === 'GET' ? getUser(state, limiter, request) : textAnswer(405, 'Method Not Allowed');
}
