import { randomUUID } from 'node:crypto';
import type { HistoryEntry } from '../../shared/domain/history';
import type { Outcome } from '../../shared/domain/outcome';

const ANSWERS: Readonly<Record<Outcome, Pick<HistoryEntry, 'httpStatus' | 'zoomCode' | 'message' | 'zoomMessage'>>> = {
  updated: { httpStatus: 204, zoomCode: null, message: 'Password updated. Zoom e-mails the user.', zoomMessage: null },
  rejected: {
    httpStatus: 400,
    zoomCode: 1129,
    message: 'Zoom refused the password: it was used recently. Choose one the user has not had before.',
    zoomMessage: 'Password has been used recently.',
  },
  not_found: {
    httpStatus: 404,
    zoomCode: 1001,
    message: 'Zoom has no user with that ID or e-mail address.',
    zoomMessage: 'User does not exist.',
  },
  unauthorized: {
    httpStatus: 401,
    zoomCode: 124,
    message: 'Zoom refused the access token: it is invalid or expired.',
    zoomMessage: 'Invalid access token.',
  },
  rate_limited: {
    httpStatus: 429,
    zoomCode: 429,
    message: 'Zoom is rate limiting this account.',
    zoomMessage: 'You have reached the maximum per-second rate limit for this API.',
  },
  failed: { httpStatus: 503, zoomCode: null, message: 'Zoom answered with a server error.', zoomMessage: null },
  unknown: {
    httpStatus: null,
    zoomCode: null,
    message: 'The connection was lost after the request was sent.',
    zoomMessage: null,
  },
};

/**
 * History entries as earlier sessions (or zpa) would have written them, one minute apart, oldest first:
 * append them in this order and the newest is the last one.
 */
export function historyEntries(
  specs: readonly { user: string; outcome: Outcome }[],
  start = Date.parse('2026-11-20T09:00:00.000Z'),
): HistoryEntry[] {
  return specs.map((spec, i) => ({
    id: randomUUID(),
    at: new Date(start + i * 60_000).toISOString(),
    user: spec.user,
    outcome: spec.outcome,
    ...ANSWERS[spec.outcome],
    trackingId: spec.outcome === 'unknown' ? null : `v=2.0;clid=sim1;rid=SEED_${String(i).padStart(6, '0')}`,
    durationMs: 180 + ((i * 37) % 400),
    apiBase: 'https://api.zoom.us/v2',
    source: i % 3 === 0 ? 'zpa' : 'app',
    retryAfterSeconds: spec.outcome === 'rate_limited' ? 30 : null,
  }));
}
