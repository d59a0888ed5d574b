/**
 * Zoom's password rules, as far as they can be checked before sending.
 * The same functions run in the renderer (live feedback) and in main (enforced before any request).
 */

export const PASSWORD_MIN_LENGTH = 8;
/** Zoom accepts "fewer than 32" characters. */
export const PASSWORD_MAX_LENGTH = 31;
/** Runs such as `123456` or `abcdef` are refused by Zoom's basic rules. */
export const BASIC_SEQUENCE_LENGTH = 6;

/** The parts of an account's password policy that can be checked locally (issue: account policy). */
export interface PasswordPolicy {
  /** 8-14; Zoom's basic minimum is 8. */
  minLength: number;
  requireSpecial: boolean;
  /** Refuse ascending or descending runs of this many characters; 0 means the basic rule. */
  consecutiveLength: number;
  /** Zoom's weak-password dictionary check is on (refusals are 1136); not checked locally, only reported. */
  weakDetection?: boolean;
}

/** Zoom's basic rules, which apply to every account. */
export const BASIC_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: PASSWORD_MIN_LENGTH,
  requireSpecial: false,
  consecutiveLength: 0,
});

export type PasswordRuleId =
  | 'length'
  | 'letter-and-digit'
  | 'upper-and-lower'
  | 'not-one-character'
  | 'no-sequence'
  | 'special'
  | 'not-common'
  | 'no-control';

/** What checkPassword needs beyond the policy. */
export interface PasswordCheckOptions {
  /**
   * Whether a password is a common one (shared/password/strength.ts StrengthEstimator.isCommon). When
   * given and the policy's weak-password detection is on, the rule "not a common password" is checked.
   */
  isCommon?: (password: string) => boolean;
}

/**
 * The Zoom error code that refuses a password for breaking each rule (zoom-api.md). 'length' is 1124
 * when too short (too long is a 300 "Validation Failed."); control characters are refused locally only.
 */
export const RULE_ZOOM_CODES: Readonly<Record<PasswordRuleId, readonly number[]>> = {
  length: [1124, 300],
  'letter-and-digit': [1125, 1126],
  'upper-and-lower': [1128],
  'not-one-character': [1130],
  'no-sequence': [1131],
  special: [1127],
  'not-common': [1136],
  'no-control': [],
};

export interface PasswordRuleResult {
  id: PasswordRuleId;
  /** What the rule asks for, in plain words. */
  label: string;
  ok: boolean;
}

export interface PasswordCheck {
  ok: boolean;
  rules: PasswordRuleResult[];
}

// Built from code points so no control character sits in the source.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = new RegExp('[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]', 'u');

/** Length of the longest run of characters that step by +1 or -1 (digits, or letters ignoring case). */
export function longestSequence(password: string): number {
  const chars = [...password.toLowerCase()];
  let longest = chars.length > 0 ? 1 : 0;
  let run = 1;
  let step = 0;
  for (let i = 1; i < chars.length; i += 1) {
    const prev = chars[i - 1] ?? '';
    const cur = chars[i] ?? '';
    const sameClass = (isDigit(prev) && isDigit(cur)) || (isLetter(prev) && isLetter(cur));
    const delta = (cur.codePointAt(0) ?? 0) - (prev.codePointAt(0) ?? 0);
    if (sameClass && (delta === 1 || delta === -1)) {
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

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

function isLetter(c: string): boolean {
  return c >= 'a' && c <= 'z';
}

/** Length in characters as Zoom counts them (code points, not UTF-16 units). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Checks a password against Zoom's basic rules and the given policy.
 * Returns one line per rule, in the order a person reads them.
 */
export function checkPassword(
  password: string,
  policy: Readonly<PasswordPolicy> = BASIC_POLICY,
  options: PasswordCheckOptions = {},
): PasswordCheck {
  const length = passwordLength(password);
  const minLength = Math.max(PASSWORD_MIN_LENGTH, policy.minLength);
  const sequenceLimit = policy.consecutiveLength > 0 ? policy.consecutiveLength : BASIC_SEQUENCE_LENGTH;
  const rules: PasswordRuleResult[] = [
    {
      id: 'length',
      label: `${minLength} to ${PASSWORD_MAX_LENGTH} characters`,
      ok: length >= minLength && length <= PASSWORD_MAX_LENGTH,
    },
    {
      id: 'letter-and-digit',
      label: 'At least one letter and one digit',
      ok: /\p{L}/u.test(password) && /\d/.test(password),
    },
    {
      id: 'upper-and-lower',
      label: 'Upper- and lower-case letters',
      ok: /\p{Lu}/u.test(password) && /\p{Ll}/u.test(password),
    },
    {
      id: 'not-one-character',
      label: 'Not one character repeated',
      ok: length > 0 && new Set([...password]).size > 1,
    },
    {
      id: 'no-sequence',
      label: `No runs of ${sequenceLimit} like ${'123456789'.slice(0, sequenceLimit)} or ${'abcdefghi'.slice(0, sequenceLimit)}`,
      ok: length > 0 && longestSequence(password) < sequenceLimit,
    },
  ];
  if (policy.requireSpecial) {
    rules.push({ id: 'special', label: 'At least one special character', ok: /[^\p{L}\p{N}]/u.test(password) });
  }
  if (policy.weakDetection === true && options.isCommon !== undefined) {
    rules.push({
      id: 'not-common',
      label: 'Not a common password, even with letters swapped for digits or symbols',
      ok: length > 0 && !options.isCommon(password),
    });
  }
  rules.push({ id: 'no-control', label: 'No line breaks, tabs or control characters', ok: !CONTROL.test(password) });
  return { ok: rules.every((r) => r.ok), rules };
}

/** The first failed rule as one sentence, for error messages; null when the password passes. */
export function firstPasswordProblem(
  password: string,
  policy: Readonly<PasswordPolicy> = BASIC_POLICY,
  options: PasswordCheckOptions = {},
): string | null {
  const length = passwordLength(password);
  if (length > PASSWORD_MAX_LENGTH)
    return `The password is ${length} characters long; Zoom accepts at most ${PASSWORD_MAX_LENGTH}.`;
  const failed = checkPassword(password, policy, options).rules.find((r) => !r.ok);
  return failed ? `The password does not meet Zoom's rules: ${failed.label.toLowerCase()}.` : null;
}
