import type { ZxcvbnFactory as ZxcvbnFactoryType } from '@zxcvbn-ts/core';
import { isCommonPassword } from './weak';

/*
 * Password strength from zxcvbn-ts (a maintained TypeScript port of Dropbox's zxcvbn): it recognises
 * common passwords, names, words, keyboard patterns, dates and l33t speak, and estimates how many
 * guesses a password takes. The dictionaries (a few MB) are loaded on first use, not at start.
 * Runs in the renderer (the strength meter), in main (the weak-password rule) and in zpa.
 */

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

export interface StrengthEstimate {
  /** 0 (guessed at once) to 4 (very hard to guess). */
  score: StrengthScore;
  /** The score in words, e.g. "Strong". */
  label: string;
  /** What makes it guessable, when something does. */
  warning: string | null;
  suggestions: string[];
  /** How long an attacker guessing offline against a slow hash would need, in words (e.g. "3 centuries"). */
  crackTime: string;
}

export const STRENGTH_LABELS: Readonly<Record<StrengthScore, string>> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

/** A loaded estimator: synchronous once the dictionaries are in memory. */
export interface StrengthEstimator {
  /** The strength of `password`; `userInputs` (the user's name, e-mail...) count as known words. */
  estimate(password: string, userInputs?: readonly string[]): StrengthEstimate;
  /** Zoom's weak-password rule done locally (see weak.ts): a common password, dressed up or not. */
  isCommon(password: string): boolean;
}

let loading: Promise<StrengthEstimator> | undefined;

/** Loads the dictionaries once (later calls share the same promise) and returns the estimator. */
export function loadStrengthEstimator(): Promise<StrengthEstimator> {
  loading ??= create().catch((error: unknown) => {
    // A failed load (a chunk that did not arrive) may work next time.
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The strength of `password` (loads the dictionaries on first use). */
export async function estimateStrength(
  password: string,
  userInputs: readonly string[] = [],
): Promise<StrengthEstimate> {
  return (await loadStrengthEstimator()).estimate(password, userInputs);
}

async function create(): Promise<StrengthEstimator> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  const factory: ZxcvbnFactoryType = new core.ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  const commonPasswords: ReadonlySet<string> = new Set(common.dictionary['passwords-common']);
  return {
    estimate(password, userInputs = []) {
      const inputs = userInputs.flatMap(splitUserInput);
      const result = factory.check(password, inputs);
      const score = result.score as StrengthScore;
      return {
        score,
        label: STRENGTH_LABELS[score],
        warning: result.feedback.warning || null,
        suggestions: [...result.feedback.suggestions],
        crackTime: result.crackTimes.offlineSlowHashingXPerSecond.display,
      };
    },
    isCommon: (password) => isCommonPassword(password, commonPasswords),
  };
}

/** "Jane Doe", "jane.doe+zoom@example.com" → the words an attacker would try: jane, doe, zoom, example. */
function splitUserInput(input: string): string[] {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  return [input.toLowerCase(), ...words];
}
