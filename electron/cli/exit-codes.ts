import type { ErrorCode } from '../../shared/domain/errors';
import type { Outcome } from '../../shared/domain/outcome';

/** zpa's exit codes: a public interface (scripts branch on them), documented in `zpa --help`. */
export const EXIT = {
  /** Done (for `password set`: Zoom updated the password). */
  ok: 0,
  /** Zoom refused the change (a 4xx with a Zoom code, user not found included; token problems excluded). */
  refused: 1,
  /** `zpa history verify`: an entry was altered, removed or reordered (the same code as a refusal: "it says no"). */
  notIntact: 1,
  /** Invalid input or usage: nothing was sent. */
  usage: 2,
  /** No token stored, the keychain is unavailable, or Zoom refused the token. */
  token: 3,
  /** Could not complete: network, timeout, 5xx, rate limit, unknown outcome, local storage failure. */
  incomplete: 4,
  /** Ctrl-C at a prompt (the shell convention: 128 + SIGINT). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const OUTCOME_EXIT: Readonly<Record<Outcome, ExitCode>> = {
  updated: EXIT.ok,
  rejected: EXIT.refused,
  not_found: EXIT.refused,
  unauthorized: EXIT.token,
  rate_limited: EXIT.incomplete,
  failed: EXIT.incomplete,
  unknown: EXIT.incomplete,
};

/** The exit code for what Zoom answered to a password change. */
export function exitCodeForOutcome(outcome: Outcome): ExitCode {
  return OUTCOME_EXIT[outcome];
}

const ERROR_EXIT: Readonly<Record<ErrorCode, ExitCode>> = {
  invalid_input: EXIT.usage,
  invalid_request: EXIT.usage,
  no_token: EXIT.token,
  keychain_unavailable: EXIT.token,
  // Zoom's token endpoint refused the app's credentials (or could not be reached): a token problem.
  oauth_failed: EXIT.token,
  storage_error: EXIT.incomplete,
  // The lookup said Zoom would refuse this user; nothing was sent (--force sends anyway).
  ineligible: EXIT.usage,
  zoom_read_failed: EXIT.incomplete,
  token_refused: EXIT.token,
  // The next ones belong to the IPC layer; if one ever reaches zpa it is a bug, reported as "could not complete".
  forbidden_sender: EXIT.incomplete,
  unknown_channel: EXIT.incomplete,
  not_allowed: EXIT.incomplete,
  internal: EXIT.incomplete,
};

/** The exit code for a core error (AppError code). */
export function exitCodeForError(code: ErrorCode): ExitCode {
  return ERROR_EXIT[code];
}
