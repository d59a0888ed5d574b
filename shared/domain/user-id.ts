/** Longest e-mail address allowed by RFC 5321. */
export const MAX_USER_LENGTH = 320;

const ZOOM_ID = /^[A-Za-z0-9_-]{1,64}$/;
// Deliberately loose: Zoom is the judge of e-mails; we only refuse what cannot be one.
const EMAIL = /^[^\s@/\\?#]+@[^\s@/\\?#]+\.[^\s@/\\?#]+$/u;
// C0/C1 control characters, built from code points so no control character sits in the source.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f]', 'u');

export type UserIdCheck = { ok: true; value: string; kind: 'me' | 'email' | 'id' } | { ok: false; reason: string };

/**
 * Checks what an admin typed as the user: a Zoom user ID, an e-mail address, or `me`.
 * Leading and trailing spaces are trimmed; anything else that cannot be a user is refused with a reason.
 */
export function checkUserId(input: string): UserIdCheck {
  const value = input.trim();
  if (value.length === 0) return { ok: false, reason: 'Enter a Zoom user ID, an e-mail address or "me".' };
  if (value.length > MAX_USER_LENGTH)
    return {
      ok: false,
      reason: `That is ${value.length} characters long; a user ID or e-mail has at most ${MAX_USER_LENGTH}.`,
    };
  if (CONTROL.test(value))
    return { ok: false, reason: 'The user contains control characters (a stray tab or line break?).' };
  if (value === 'me') return { ok: true, value, kind: 'me' };
  if (value.includes('@')) {
    return EMAIL.test(value)
      ? { ok: true, value, kind: 'email' }
      : { ok: false, reason: `"${value}" is not a valid e-mail address.` };
  }
  if (ZOOM_ID.test(value)) return { ok: true, value, kind: 'id' };
  return {
    ok: false,
    reason: `"${value}" is neither an e-mail address nor a Zoom user ID (letters, digits, "-" and "_" only).`,
  };
}
