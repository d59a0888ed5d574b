import { isCommonPassword } from '../../shared/password/weak';
import type { SimPolicy } from './sim-types';

/** A refusal the simulator answers with: HTTP status, Zoom code and Zoom-like message. */
export interface ZoomRefusal {
  status: number;
  code: number;
  message: string;
  errors?: { field: string; message: string }[];
}

const BASIC_MIN = 8;
const MAX_LENGTH = 31;
const BASIC_RUN = 6;

/**
 * A small stand-in for Zoom's weak-password dictionary (which Zoom does not publish); a password is
 * refused (1136) when its letters, or its core with digits and symbols around it taken off and common
 * substitutions undone, are one of these words.
 */
export const SIM_WEAK_WORDS: ReadonlySet<string> = new Set([
  'password',
  'qwerty',
  'qwertyuiop',
  'welcome',
  'letmein',
  'iloveyou',
  'admin',
  'administrator',
  'zoom',
  'zoomzoom',
  'monkey',
  'dragon',
  'sunshine',
  'football',
  'baseball',
  'princess',
  'master',
  'trustno',
  'summer',
  'winter',
  'spring',
  'autumn',
  'starwars',
  'changeme',
  'secret',
]);

// The app's own local check, with this dictionary: what the app predicts and what the simulator refuses agree.
function isWeak(password: string): boolean {
  return isCommonPassword(password, SIM_WEAK_WORDS);
}

/** Longest run of characters stepping by +1 or -1 (digits, or letters ignoring case). */
export function longestRun(password: string): number {
  const chars = [...password.toLowerCase()];
  const kind = (c: string): string => (/[0-9]/.test(c) ? 'd' : /[a-z]/.test(c) ? 'l' : '');
  let longest = chars.length > 0 ? 1 : 0;
  let run = 1;
  let step = 0;
  for (let i = 1; i < chars.length; i += 1) {
    const a = chars[i - 1] ?? '';
    const b = chars[i] ?? '';
    const delta = (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
    if (kind(a) !== '' && kind(a) === kind(b) && (delta === 1 || delta === -1)) {
      run = delta === step ? run + 1 : 2;
      step = delta;
    } else {
      run = 1;
      step = 0;
    }
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Zoom's checks on a new password, in the order the simulator applies them (length first, then
 * character classes, then patterns and the dictionary). History and "same as old" are checked by
 * the state, which knows the user's passwords. Null when the password passes.
 */
export function refusePassword(password: string, policy: Readonly<SimPolicy>): ZoomRefusal | null {
  const length = [...password].length;
  const minimum = Math.max(BASIC_MIN, policy.minimumPasswordLength);
  if (length > MAX_LENGTH) {
    return {
      status: 400,
      code: 300,
      message: 'Validation Failed.',
      errors: [{ field: 'password', message: `Password must be fewer than ${MAX_LENGTH + 1} characters.` }],
    };
  }
  if (length < minimum) {
    return { status: 400, code: 1124, message: `Password must be at least ${minimum} characters long.` };
  }
  if (new Set([...password]).size === 1) {
    return {
      status: 400,
      code: 1130,
      message: 'Password should not contain only one identical character(11111111 or aaaaaaaa).',
    };
  }
  if (!/\p{L}/u.test(password)) {
    return { status: 400, code: 1125, message: 'Password should contain at least 1 letter(a,b,c...).' };
  }
  if (!/\d/.test(password)) {
    return { status: 400, code: 1126, message: 'Password should contain at least 1 number(1,2,3...).' };
  }
  if (!/\p{Lu}/u.test(password) || !/\p{Ll}/u.test(password)) {
    return { status: 400, code: 1128, message: 'Password should include both lower and upper case characters.' };
  }
  if (policy.haveSpecialCharacter && !/[^\p{L}\p{N}]/u.test(password)) {
    return {
      status: 400,
      code: 1127,
      message: 'Password should contain at least 1 special character(!,@,#...).',
    };
  }
  const runLimit = policy.consecutiveCharactersLength > 0 ? policy.consecutiveCharactersLength : BASIC_RUN;
  if (longestRun(password) >= runLimit) {
    return {
      status: 400,
      code: 1131,
      message: `Password should not contain consecutive characters(${'123456789'.slice(0, runLimit)} or ${'abcdefghi'.slice(0, runLimit)}).`,
    };
  }
  if (policy.weakEnhanceDetection && isWeak(password)) {
    return { status: 400, code: 1136, message: 'Password is too weak: it is easy to guess.' };
  }
  return null;
}
