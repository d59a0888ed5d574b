/**
 * Zoom's "too easy to guess" check (code 1136, the account's weak-password detection) as far as it
 * can be done locally: the password is refused when, once digits and symbols around it are taken off
 * and look-alike substitutions undone ("P@ssw0rd" → "password"), what is left is a common password.
 * Zoom's own dictionary is not published: this catches the common cases, and Zoom may still refuse a
 * password this accepts (the answer is then recorded as a refusal like any other).
 */

/** Substitutions people make to dress a word up ("p@ssw0rd"), undone before looking the word up. */
export const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** Words shorter than this are not judged: too many short strings are in any list. */
export const MIN_WEAK_WORD = 4;

/**
 * The spellings of a password that are looked up in the dictionary: the whole of it (lower case),
 * its letters only, and its core (digits and symbols at both ends removed, substitutions undone).
 */
export function weakCandidates(password: string): string[] {
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  const unleet = [...core]
    .map((c) => LEET[c] ?? c)
    .join('')
    .replace(/[^a-z]/g, '');
  const letters = lower.replace(/[^a-z]/g, '');
  return [...new Set([lower, unleet, letters])].filter((c) => c.length >= MIN_WEAK_WORD);
}

/** Whether the password is a dressed-up common password, judged against `dictionary` (lower case). */
export function isCommonPassword(password: string, dictionary: ReadonlySet<string>): boolean {
  return weakCandidates(password).some((c) => dictionary.has(c));
}
