import type { Command } from 'commander';
import { DEFAULT_GENERATED_LENGTH, generatePassword } from '../../../shared/password/generator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/password/rules';
import { loadStrengthEstimator } from '../../../shared/password/strength';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { checkAccountOption } from './account';
import { policyLine } from './password-policy-line';

interface PasswordGenerateOptions {
  length?: string;
  count?: string;
  lookAlikes?: boolean;
  account?: string;
}

/** Most passwords one run prints. */
export const MAX_GENERATE_COUNT = 10_000;

function wholeNumber(text: string | undefined, name: string, low: number, high: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value < low || value > high) {
    throw usageError(`${name} must be a whole number from ${low} to ${high}; got "${text}".`);
  }
  return value;
}

/**
 * `zpa password generate`: cryptographically random passwords that meet the active account's policy,
 * one per line on stdout (which rules they meet goes to stderr, so stdout can be piped).
 */
export function registerPasswordGenerateCommand(password: Command, ctx: CliContext): void {
  password
    .command('generate')
    .description("print random passwords that meet the account's password policy, one per line")
    .option(
      '--length <n>',
      `characters per password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} (default ${DEFAULT_GENERATED_LENGTH}, or the policy's minimum if longer)`,
    )
    .option('--count <n>', `how many passwords (default 1, at most ${MAX_GENERATE_COUNT})`)
    .option('--no-look-alikes', 'leave out characters that are easily confused (I, l, 1, O, 0, o, |)')
    .option('--account <name>', 'whose policy to meet (default: the active account)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  zpa password generate\n' +
        '  zpa password generate --length 20 --count 5 --no-look-alikes\n' +
        '  zpa password generate | zpa password set jane@example.com --password-stdin\n' +
        '\nThe passwords go to stdout only: they are not stored anywhere. Which policy they meet goes to stderr.\n' +
        "\nExit codes: 0 printed; 2 invalid usage (e.g. a length below the policy's minimum); 3 no account or token.\n",
    )
    .action(async (options: PasswordGenerateOptions) => {
      const length = wholeNumber(options.length, '--length', PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
      const count = wholeNumber(options.count, '--count', 1, MAX_GENERATE_COUNT) ?? 1;
      const account = await checkAccountOption(ctx, options.account);
      const policy = await ctx.core().policies.get(account === undefined ? {} : { account });
      if (length !== undefined && length < policy.policy.minLength) {
        throw usageError(
          `--length ${length} is shorter than the account's minimum of ${policy.policy.minLength}; choose ${policy.policy.minLength} to ${PASSWORD_MAX_LENGTH}.`,
        );
      }
      const estimator = policy.policy.weakDetection ? await loadStrengthEstimator() : null;
      const lines: string[] = [];
      for (let i = 0; i < count; i += 1) {
        lines.push(
          generatePassword(policy.policy, {
            ...(length === undefined ? {} : { length }),
            avoidLookAlikes: options.lookAlikes === false,
            ...(estimator === null ? {} : { check: { isCommon: (p: string) => estimator.isCommon(p) } }),
          }),
        );
      }
      ctx.stderr.write(`zpa: note: ${policyLine(policy)}\n`);
      // Never registered with the redactor: printing them is the point of the command.
      ctx.stdout.write(`${lines.join('\n')}\n`);
    });
}
