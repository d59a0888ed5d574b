import type { Outcome } from '../../../shared/domain/outcome';
import type { TransportError } from '../ports';
import {
  explainHttp,
  explainRateLimit,
  explainTransportFailure,
  explainZoomCode,
  explanationText,
  type Explanation,
} from './explain';
import { parseJsonObject, readZoomCode } from './json-body';

/** Everything we learn from one answer (or from its absence), minus the timing. */
export interface Classification {
  outcome: Outcome;
  httpStatus: number | null;
  zoomCode: number | null;
  /** Zoom's own message, verbatim (trimmed to a safe length). */
  zoomMessage: string | null;
  /** What happened and what to do, in plain words. */
  message: string;
  trackingId: string | null;
  retryAfterSeconds: number | null;
  rateLimitType: string | null;
}

/** The parts of an HTTP answer classification looks at. */
export interface AnswerLike {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

// Limits match the history schema so a hostile or broken server cannot bloat an entry.
const MAX_MESSAGE = 2000;
const MAX_TRACKING_ID = 200;
const MAX_HEADER_VALUE = 100;

const AUTH_CODES: ReadonlySet<number> = new Set([124, 4700, 4711]);

/** Zoom's error body `{"code": <int>, "message": "..."}`, or null when the text is not one. Never throws. */
export function parseZoomError(text: string): { code: number; message: string | null } | null {
  const record = parseJsonObject(text);
  if (record === null) return null;
  const code = readZoomCode(record.code);
  if (code === null) return null;
  const message = typeof record.message === 'string' ? clip(record.message.trim(), MAX_MESSAGE) : null;
  return { code, message: message === '' ? null : message };
}

/**
 * Retry-After as whole seconds from `now`: either delta-seconds or an HTTP/ISO-8601 date.
 * Null when missing or unreadable; dates in the past give 0.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text));
  // A bare number with a sign or unit is not a date either; only strings Date understands are.
  if (/^[+-]?\d+(\.\d+)?\s*\w*$/.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Classifies an HTTP answer to a password change. Pure; never throws, whatever the body holds. */
export function classifyResponse(answer: AnswerLike, now: Date): Classification {
  const status = answer.status;
  const trackingId = headerValue(answer.headers, 'x-zm-trackingid', MAX_TRACKING_ID);
  const zoom = parseZoomError(answer.text);
  const zoomCode = zoom?.code ?? null;
  const zoomMessage = zoom?.message ?? null;
  const base = { httpStatus: status, zoomCode, zoomMessage, trackingId, retryAfterSeconds: null, rateLimitType: null };
  const result = (outcome: Outcome, explanation: Explanation): Classification => ({
    ...base,
    outcome,
    message: clip(explanationText(explanation), MAX_MESSAGE),
  });

  if (status >= 200 && status < 300) return result('updated', explainHttp('updated', status));
  if (status >= 300 && status < 400) return result('failed', explainHttp('redirect', status));
  if (zoomCode !== null && AUTH_CODES.has(zoomCode))
    return result('unauthorized', explainZoomCode(zoomCode, zoomMessage));
  if (status === 401) {
    return result(
      'unauthorized',
      zoomCode === null ? explainHttp('unauthorized', status) : explainZoomCode(zoomCode, zoomMessage),
    );
  }
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(answer.headers.get('retry-after'), now);
    const rateLimitType = headerValue(answer.headers, 'x-ratelimit-type', MAX_HEADER_VALUE);
    return {
      ...result('rate_limited', explainRateLimit({ retryAfterSeconds, rateLimitType })),
      retryAfterSeconds,
      rateLimitType,
    };
  }
  if (status === 404) {
    return zoomCode === null
      ? result('failed', explainHttp('not_found_without_code', status))
      : result('not_found', explainZoomCode(zoomCode, zoomMessage));
  }
  if (status >= 400 && status < 500) {
    return result(
      'rejected',
      zoomCode === null ? explainHttp('unreadable_refusal', status) : explainZoomCode(zoomCode, zoomMessage),
    );
  }
  if (status >= 500 && status < 600) {
    return {
      ...result('failed', explainHttp('server_error', status)),
      retryAfterSeconds: parseRetryAfter(answer.headers.get('retry-after'), now),
    };
  }
  return result('failed', explainHttp('unexpected_status', status));
}

/**
 * Classifies a request that got no HTTP answer: `failed` when it certainly never reached Zoom,
 * `unknown` when it may have (Zoom may have applied the change).
 */
export function classifyTransportError(error: TransportError): Classification {
  const neverSent =
    error.sent === false ||
    error.kind === 'dns' ||
    error.kind === 'refused' ||
    error.kind === 'tls' ||
    error.kind === 'connect_timeout';
  const sent = neverSent ? false : error.sent;
  return {
    outcome: neverSent ? 'failed' : 'unknown',
    httpStatus: null,
    zoomCode: null,
    zoomMessage: null,
    message: clip(explanationText(explainTransportFailure(error.kind, sent)), MAX_MESSAGE),
    trackingId: null,
    retryAfterSeconds: null,
    rateLimitType: null,
  };
}

function headerValue(headers: AnswerLike['headers'], name: string, max: number): string | null {
  let value: string | null;
  try {
    value = headers.get(name);
  } catch {
    return null;
  }
  if (value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : clip(trimmed, max);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
