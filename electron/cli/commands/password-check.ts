import type { Command } from 'commander';
import { checkPassword, RULE_ZOOM_CODES } from '../../../shared/password/rules';
import { loadStrengthEstimator } from '../../../shared/password/strength';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import { readSecretLine } from '../io';
import { secretArgumentMessage } from '../secrets';
import { checkAccountOption } from './account';
import { policyLine } from './password-policy-line';

interface PasswordCheckOptions {
  passwordStdin?: boolean;
  json?: boolean;
  account?: string;
}

const EXAMPLE = `printf '%s\\n' "$NEW_PASSWORD" | zpa password check --password-stdin`;

/**
 * `zpa password check --password-stdin`: the password against the active account's policy, one line
 * per rule, and its strength. Exit 0 when every rule passes, 2 when one does not. Nothing is sent.
 */
export function registerPasswordCheckCommand(password: Command, ctx: CliContext): void {
  password
    .command('check')
    .description("check a password against the account's password policy, one line per rule (it is not sent)")
    .usage('--password-stdin [options]')
    .option('--password-stdin', 'read the password from the first line of stdin (required)')
    .option('--json', 'print the verdict as JSON (rules, policy, strength; never the password)')
    .option('--account <name>', 'whose policy to check against (default: the active account)')
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        `  ${EXAMPLE}\n` +
        '  zpa password check --password-stdin --account agency < new-password.txt\n' +
        "\nThe policy is the account's own (Account Settings > Security, read with account:read:settings:admin and\n" +
        "cached for a day), or Zoom's basic rules when it cannot be read (free plan, missing scope, network).\n" +
        "Zoom's weak-password dictionary is not published: a password passing here can still be refused (1136).\n" +
        '\nExit codes: 0 every rule passes; 2 a rule fails (or invalid usage); 3 no account or token.\n',
    )
    .action(async (options: PasswordCheckOptions, cmd: Command) => {
      if (cmd.args.length > 0) throw usageError(secretArgumentMessage('password', `${EXAMPLE}.`));
      if (!options.passwordStdin) {
        throw usageError(
          `zpa password check needs --password-stdin: the password is read from stdin. Example: ${EXAMPLE}`,
        );
      }
      const account = await checkAccountOption(ctx, options.account);
      const value = await readSecretLine(ctx.io, 'Password to check (input hidden): ');
      ctx.redactor.add(value);
      if (value === '') throw usageError(`No password on stdin. Example: ${EXAMPLE}`);
      const policy = await ctx.core().policies.get(account === undefined ? {} : { account });
      const estimator = await loadStrengthEstimator();
      const verdict = checkPassword(value, policy.policy, { isCommon: (p) => estimator.isCommon(p) });
      const strength = estimator.estimate(value);
      if (options.json === true) {
        ctx.stdout.write(
          `${JSON.stringify({
            ok: verdict.ok,
            account: policy.account,
            source: policy.source,
            reason: policy.reason,
            asOf: policy.asOf,
            policy: policy.policy,
            rules: verdict.rules.map((r) => ({ ...r, zoomCodes: RULE_ZOOM_CODES[r.id] })),
            strength,
          })}\n`,
        );
      } else {
        const lines = [
          policyLine(policy),
          ...verdict.rules.map((r) => `${r.ok ? '✓' : '✗'} ${r.label}`),
          `Strength: ${strength.label} (${strength.score} of 4); an offline attacker would need ${strength.crackTime}.` +
            (strength.warning === null ? '' : ` ${strength.warning}`),
        ];
        ctx.stdout.write(`${lines.join('\n')}\n`);
      }
      if (!verdict.ok) throw new CliExit(EXIT.usage, '');
    });
}
