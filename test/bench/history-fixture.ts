import { createHash } from 'node:crypto';
import type { HistoryEntryInput } from '../../shared/domain/history';
import { OUTCOMES, type Outcome } from '../../shared/domain/outcome';

const ANSWERS: Readonly<
  Record<Outcome, Pick<HistoryEntryInput, 'httpStatus' | 'zoomCode' | 'message' | 'zoomMessage'>>
> = {
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
    zoomMessage: 'User does not exist: nobody@example.com.',
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
const ACCOUNTS = [undefined, 'Europe', 'Americas', 'APAC-Sales'];
const FIRST = ['ana', 'bo', 'chen', 'dara', 'eli', 'femi', 'gus', 'hana', 'ivo', 'jun', 'kai', 'lena'];
const LAST = ['smith', 'garcia', 'nguyen', 'okafor', 'rossi', 'tanaka', 'muller', 'kowalski'];

/** A deterministic pseudo-random number in [0, 1) for `i`, so every run builds the same history. */
function rand(i: number, salt: number): number {
  const h = createHash('sha1').update(`${i}:${salt}`).digest();
  return h.readUInt32LE(0) / 2 ** 32;
}

/**
 * `count` realistic entries, `stepMs` apart from `start`: ~5,000 distinct users across four accounts,
 * mostly successes, the usual Zoom answers, unique tracking ids, some reasons and names.
 */
export function benchEntries(count: number, start: number, stepMs = 60_000, from = 0): HistoryEntryInput[] {
  const out: HistoryEntryInput[] = [];
  for (let i = from; i < from + count; i += 1) {
    const r = rand(i, 1);
    const outcome: Outcome = r < 0.8 ? 'updated' : (OUTCOMES[1 + Math.floor(rand(i, 2) * 6)] ?? 'failed');
    const u = Math.floor(rand(i, 3) * 5000);
    const first = FIRST[u % FIRST.length] as string;
    const last = LAST[Math.floor(u / FIRST.length) % LAST.length] as string;
    const account = ACCOUNTS[u % ACCOUNTS.length];
    out.push({
      id: createHash('md5').update(`entry-${i}`).digest('hex'),
      at: new Date(start + i * stepMs).toISOString(),
      user: `${first}.${last}${u}@example${u % 7}.com`,
      outcome,
      ...ANSWERS[outcome],
      trackingId:
        outcome === 'unknown' ? null : `v=2.0;clid=us06;rid=WEB_${createHash('md5').update(`t${i}`).digest('hex')}`,
      durationMs: 120 + Math.floor(rand(i, 4) * 900),
      apiBase: 'https://api.zoom.us/v2',
      source: i % 3 === 0 ? 'zpa' : 'app',
      retryAfterSeconds: outcome === 'rate_limited' ? 30 : null,
      ...(account ? { account } : {}),
      ...(u % 3 === 0
        ? { userName: `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}` }
        : {}),
      ...(i % 10 === 0 ? { reason: `Ticket INC-${100000 + (i % 90000)}: forgot password` } : {}),
    });
  }
  return out;
}
