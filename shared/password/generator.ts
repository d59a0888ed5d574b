import {
  checkPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordCheckOptions,
  type PasswordPolicy,
} from './rules';

/** Characters that are easily confused with one another when read aloud or copied by hand. */
export const LOOK_ALIKES = 'Il1O0o|';

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
/** Special characters Zoom accepts that need no quoting in a shell, a URL or a spreadsheet cell. */
export const SPECIALS = '!#$%&*+-=?@^_~';

export const DEFAULT_GENERATED_LENGTH = 16;

export interface GeneratorOptions {
  /** 8 to 31 and at least the policy's minimum; default 16 (or the policy's minimum when longer). */
  length?: number;
  /** Leave out characters such as I, l, 1, O, 0 and o. */
  avoidLookAlikes?: boolean;
  /**
   * Also checked like any password (e.g. `isCommon` for the weak-password rule): a draw that fails is
   * drawn again. Random draws almost never fail it; passing it makes the guarantee explicit.
   */
  check?: PasswordCheckOptions;
  /** n random bytes; default globalThis.crypto.getRandomValues. Injected by tests. */
  random?: (n: number) => Uint8Array;
}

// Whole passwords are drawn until one passes, so the result is uniform over the passing ones; for
// every allowed policy nearly all draws pass, and this cap only stops a broken random source.
const MAX_ATTEMPTS = 10_000;

type GetRandomValues = (array: Uint8Array) => Uint8Array;

function systemRandom(n: number): Uint8Array {
  // shared/ has no DOM or Node typings; Web Crypto exists in Node 20, Electron and browsers alike.
  const crypto = (globalThis as unknown as { crypto?: { getRandomValues?: GetRandomValues } }).crypto;
  if (crypto?.getRandomValues === undefined) throw new Error('No cryptographic random source is available.');
  return crypto.getRandomValues(new Uint8Array(n));
}

/** The character classes a generated password draws from, look-alikes removed when asked. */
export function generatorAlphabet(avoidLookAlikes = false): {
  upper: string;
  lower: string;
  digits: string;
  specials: string;
} {
  const keep = (set: string): string =>
    avoidLookAlikes ? [...set].filter((c) => !LOOK_ALIKES.includes(c)).join('') : set;
  return { upper: keep(UPPER), lower: keep(LOWER), digits: keep(DIGITS), specials: keep(SPECIALS) };
}

/** Unbiased integers below `bound` (at most 256) from a byte source, by rejection sampling. */
function randomIndexSource(random: (n: number) => Uint8Array): (bound: number) => number {
  let buffer: Uint8Array = new Uint8Array(0);
  let next = 0;
  return (bound) => {
    const limit = 256 - (256 % bound);
    for (;;) {
      if (next >= buffer.length) {
        buffer = random(64);
        next = 0;
        if (buffer.length === 0) throw new Error('The random source returned no bytes.');
      }
      const byte = buffer[next] ?? 0;
      next += 1;
      if (byte < limit) return byte % bound;
    }
  };
}

function resolveLength(policy: Readonly<PasswordPolicy>, length: number | undefined): number {
  const minimum = Math.max(PASSWORD_MIN_LENGTH, Math.min(policy.minLength, PASSWORD_MAX_LENGTH));
  if (length === undefined) return Math.max(DEFAULT_GENERATED_LENGTH, minimum);
  if (!Number.isInteger(length) || length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new RangeError(
      `The password length must be a whole number from ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH}; got ${String(length)}.`,
    );
  }
  if (length < minimum) {
    throw new RangeError(
      `The password length ${length} is shorter than the account's minimum of ${minimum}; choose ${minimum} to ${PASSWORD_MAX_LENGTH}.`,
    );
  }
  return length;
}

/**
 * A cryptographically random password that passes checkPassword for `policy`: upper- and
 * lower-case letters, a digit, a special character (always included; required by some policies),
 * no run as long as the policy refuses and never one repeated character.
 * Throws RangeError for a length outside 8-31 or below the policy's minimum.
 */
export function generatePassword(policy: Readonly<PasswordPolicy>, o: GeneratorOptions = {}): string {
  const length = resolveLength(policy, o.length);
  const sets = generatorAlphabet(o.avoidLookAlikes ?? false);
  const all = sets.upper + sets.lower + sets.digits + sets.specials;
  const randomIndex = randomIndexSource(o.random ?? systemRandom);
  const required = [sets.upper, sets.lower, sets.digits, sets.specials];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    let password = '';
    for (let i = 0; i < length; i += 1) password += all[randomIndex(all.length)] ?? '';
    const hasEveryClass = required.every((set) => [...password].some((c) => set.includes(c)));
    if (hasEveryClass && checkPassword(password, policy, o.check).ok) return password;
  }
  throw new Error('Could not generate a password that meets the policy: the random source looks broken.');
}
