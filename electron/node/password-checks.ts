import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import type { UserLookup } from '../../shared/domain/users';
import type { HistoryStore } from './history/history-store';
import type { PasswordChangeAttempt } from './zoom/zoom-client';

/** Longest reason or ticket text kept with an entry (the history schema's limit). */
export const MAX_REASON_LENGTH = 500;

/** The action offered with an eligibility refusal. */
export const INELIGIBLE_ACTION = 'Check the user, or send anyway (--force) if you know better.';

/** The reason as stored: trimmed, null when empty; AppError invalid_input (field 'reason') when too long. */
export function checkReason(reason: string | undefined): string | null {
  const text = (reason ?? '').trim();
  if (text === '') return null;
  if ([...text].length > MAX_REASON_LENGTH) {
    throw new AppError(
      'invalid_input',
      `The reason is ${[...text].length} characters long; at most ${MAX_REASON_LENGTH} are kept. Shorten it (a ticket number is enough).`,
      { field: 'reason' },
    );
  }
  // Control characters would break CSV exports and one-line CLI output.
  return text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
}

/**
 * What a lookup before sending means for the change: an AppError('ineligible') to throw when Zoom
 * would refuse the user (nothing is sent or recorded then), and the user's name when known.
 * An `unavailable` lookup does not block: Zoom will answer for itself.
 */
export function eligibilityGate(lookup: UserLookup): {
  refusal: AppError | null;
  userName: string | null;
  email: string | null;
} {
  if (lookup.status === 'not_found') {
    return {
      refusal: new AppError('ineligible', `${lookup.reason} Nothing was sent.`, {
        field: 'user',
        action: INELIGIBLE_ACTION,
      }),
      userName: null,
      email: null,
    };
  }
  if (lookup.status === 'unavailable') return { refusal: null, userName: null, email: null };
  const name = lookup.user.displayName || null;
  const email = lookup.user.email || null;
  if (!lookup.eligibility.eligible) {
    return {
      refusal: new AppError(
        'ineligible',
        `${lookup.eligibility.reason ?? 'Zoom will not change this password.'} Nothing was sent.`,
        {
          field: 'user',
          action: INELIGIBLE_ACTION,
        },
      ),
      userName: name,
      email,
    };
  }
  return { refusal: null, userName: name, email };
}

function sameUser(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  return x.includes('@') || y.includes('@') ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/**
 * The `unknown` entry a check settles: it must exist, have ended `unknown`, and be for the same user.
 * AppError invalid_input (field 'checkOf') otherwise.
 */
export function findUnknownEntry(list: HistoryStore['list'] | undefined, entryId: string, user: string): HistoryEntry {
  const pageSize = 1000;
  for (let offset = 0; list !== undefined; offset += pageSize) {
    const page = list({ user, outcome: 'unknown', limit: pageSize, offset });
    const found = page.entries.find((e) => e.id === entryId);
    if (found !== undefined && sameUser(found.user, user)) return found;
    if (offset + pageSize >= page.total) break;
  }
  throw new AppError(
    'invalid_input',
    `There is no change for ${user} with the request id ${entryId} that ended "unknown", so there is nothing to check.`,
    {
      field: 'checkOf',
      action: 'Check only a change whose outcome is "Unknown: may have applied", for the same user.',
    },
  );
}

/** Zoom's 400/300 answer when the new password equals the current one (zoom-api.md). */
export function isSameAsOldAnswer(a: Pick<PasswordChangeAttempt, 'httpStatus' | 'zoomCode' | 'zoomMessage'>): boolean {
  return a.httpStatus === 400 && a.zoomCode === 300 && /old password/i.test(a.zoomMessage ?? '');
}

/**
 * What a check's answer means for the earlier `unknown` change: "can not match the old password"
 * proves the first attempt applied (updated, confirmed); 204 means this check applied it; anything
 * else is recorded as Zoom answered.
 */
export function settleCheck(
  attempt: PasswordChangeAttempt,
  checked: HistoryEntry,
): { attempt: PasswordChangeAttempt; confirmed: boolean } {
  if (isSameAsOldAnswer(attempt)) {
    return {
      confirmed: true,
      attempt: {
        ...attempt,
        outcome: 'updated',
        message: `Confirmed: the change of ${checked.at} did reach Zoom and set this password. Zoom refused the same password again as "can not match the old password", which proves it is already the user's password. Nothing else changed.`,
      },
    };
  }
  if (attempt.outcome === 'updated') {
    return {
      confirmed: false,
      attempt: {
        ...attempt,
        message: `The change of ${checked.at} had not applied; this check set the password now. Zoom e-mails the user about the change.`,
      },
    };
  }
  return { confirmed: false, attempt };
}
