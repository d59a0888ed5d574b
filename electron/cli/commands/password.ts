import type { Command } from 'commander';
import type { HistoryEntry } from '../../../shared/domain/history';
import { checkUserId } from '../../../shared/domain/user-id';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT, exitCodeForOutcome } from '../exit-codes';
import { oneLine, zoomDetails } from '../format';
import { readFirstLine, readHiddenLine } from '../io';
import { secretArgumentMessage } from '../secrets';
import { checkAccountOption } from './account';
import { printNotices } from './notices';
import { registerPasswordCheckCommand } from './password-check';
import { registerPasswordGenerateCommand } from './password-generate';

interface PasswordSetOptions {
  passwordStdin?: boolean;
  json?: boolean;
  account?: string;
  force?: boolean;
  reason?: string;
  check?: string;
}

const PIPE_EXAMPLE = `printf '%s\\n' "$NEW_PASSWORD" | zpa password set jane@example.com --password-stdin`;

/** `zpa password set <user> --password-stdin`: one password change, exit code per outcome. */
export function registerPasswordCommands(program: Command, ctx: CliContext): void {
  const password = program.command('password').description("check, generate and set Zoom users' passwords");

  password
    .command('set')
    .description("set a user's password; the new password is read from stdin, never from arguments")
    .usage('<user> --password-stdin [options]')
    .argument('<user>', 'Zoom user ID, e-mail address, or "me" (the token\'s own user)')
    .option('--password-stdin', 'read the new password from the first line of stdin (required)')
    .option('--json', 'also print the history entry for this request as JSON on stdout')
    .option('--account <name>', 'the Zoom account to use (default: the active one; see: zpa account list)')
    .option('--reason <text>', 'why (a reason or ticket number, up to 500 characters), kept in the history')
    .option('--force', 'send even when the user lookup says Zoom will refuse this user (see: zpa user show)')
    .option(
      '--check <entry-id>',
      'check a change that ended "unknown": send the same password once more (the id from zpa history --json)',
    )
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        `  ${PIPE_EXAMPLE}\n` +
        '  zpa password set KDcuGIm1QgePTO8WbOqwIQ --password-stdin < new-password.txt\n' +
        '  zpa password set me --password-stdin      (on a terminal: hidden prompt, asked twice)\n' +
        '  zpa password set jane@agency.gov --password-stdin --account agency < new-password.txt\n' +
        '  zpa password set jane@example.com --password-stdin --reason "INC-4711" < new-password.txt\n' +
        '  zpa password set jane@example.com --password-stdin --check 6f1c…  < same-password.txt\n' +
        '\nOnly the line break at the end of the first line is removed; spaces are part of the password.\n' +
        "Before sending, the password is checked against the account's password policy, and the user is looked\n" +
        'up: a user Zoom would refuse (SSO-only, admin or owner, pending, deactivated, unknown) is refused with\n' +
        'exit 2 and nothing is sent, unless --force.\n' +
        'On success Zoom e-mails the user that their password changed.\n' +
        '\nAfter an "unknown" outcome (the answer was lost), --check <entry-id> sends the same password once more:\n' +
        'Zoom\'s "can not match the old password" then proves the first attempt applied ("updated (confirmed)").\n' +
        '\nExit codes: 0 updated; 1 Zoom refused (rule, reuse, user not found...); 2 invalid input or usage, or\n' +
        'a user Zoom would refuse: nothing sent; 3 no token, keychain unavailable or token refused; 4 could not\n' +
        'complete (network, timeout, Zoom error, rate limit, unknown outcome).\n',
    )
    .action(async (userArg: string, options: PasswordSetOptions, cmd: Command) => {
      if (cmd.args.length > 1) {
        throw usageError(secretArgumentMessage('password', `${PIPE_EXAMPLE}.`));
      }
      if (!options.passwordStdin) {
        throw usageError(
          'zpa password set needs --password-stdin: the new password is read from the first line of stdin, ' +
            `never from an argument. Example: ${PIPE_EXAMPLE}`,
        );
      }
      // Checked before reading the password so nobody types a password for a user that cannot exist.
      const user = checkUserId(userArg);
      if (!user.ok) throw usageError(`${user.reason} Nothing was sent.`);
      const account = await checkAccountOption(ctx, options.account);

      const newPassword = await readPassword(ctx, user.value);
      const core = ctx.core();
      const entry = await core.passwords.change({
        user: userArg,
        password: newPassword,
        ...(account === undefined ? {} : { account }),
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(options.force === true ? { force: true } : {}),
        ...(options.check === undefined ? {} : { checkOf: options.check.trim() }),
      });
      printNotices(ctx, core);
      const next = entry.outcome === 'unauthorized' ? await unauthorizedHint(ctx, account) : undefined;
      report(ctx, entry, options.json === true, next);
    });
  registerPasswordCheckCommand(password, ctx);
  registerPasswordGenerateCommand(password, ctx);
}

/** What to do when Zoom (or its token endpoint) refused: a new token, or a look at the OAuth app. */
async function unauthorizedHint(ctx: CliContext, account: string | undefined): Promise<string | undefined> {
  const used = await ctx
    .core()
    .accounts.resolve(account)
    .catch(() => null);
  if (used === null) return undefined;
  const flag = account === undefined ? '' : ` --account ${shellWord(used.name)}`;
  return used.credential.kind === 's2s'
    ? `Check the app's credentials and scopes with: zpa account test ${shellWord(used.name)}`
    : `Store the new token with: zpa token set${flag}`;
}

async function readPassword(ctx: CliContext, user: string): Promise<string> {
  const { io } = ctx;
  let value: string;
  if (io.stdin.isTTY === true) {
    value = await readHiddenLine(io.stdin, ctx.stderr, `New password for ${user} (input hidden): `);
    ctx.redactor.add(value);
    if (value !== '') {
      // Typed blind, so asked twice: a typo would otherwise become the user's password.
      const again = await readHiddenLine(io.stdin, ctx.stderr, 'Repeat the new password: ');
      if (again !== value) throw usageError('The two passwords differ: nothing was sent.');
    }
  } else {
    value = await readFirstLine(io.stdin);
    ctx.redactor.add(value);
  }
  if (value === '') {
    throw usageError(
      `No password on stdin: nothing was sent. Pass it on the first line of stdin, e.g. ${PIPE_EXAMPLE}`,
    );
  }
  return value;
}

function report(ctx: CliContext, entry: HistoryEntry, json: boolean, next?: string): void {
  if (json) ctx.stdout.write(`${JSON.stringify(entry)}\n`);
  const exitCode = exitCodeForOutcome(entry.outcome);
  if (exitCode === EXIT.ok) {
    if (!json) {
      const tracking = entry.trackingId === null ? '' : ` (tracking id ${oneLine(entry.trackingId)})`;
      ctx.stdout.write(
        entry.confirmed === true
          ? `Updated (confirmed) for ${oneLine(entry.user)}: ${oneLine(entry.message)}${tracking}\n`
          : `Password updated for ${oneLine(entry.user)}. Zoom e-mails the user that it changed.${tracking}\n`,
      );
    }
    return;
  }
  throw new CliExit(exitCode, outcomeLine(entry, next));
}

/**
 * The one stderr line for an outcome other than `updated`. The core's message already says what happened and what
 * to do; this adds Zoom's code and tracking id, and the zpa command for the next step.
 */
export function outcomeLine(entry: HistoryEntry, next?: string): string {
  const base = `${entry.outcome}: ${oneLine(entry.message)}${zoomDetails(entry)}`;
  switch (entry.outcome) {
    case 'unauthorized':
      return `${base} ${next ?? 'Store the new token with: zpa token set'}`;
    case 'unknown':
      return (
        `${base} Check it with the same password: zpa password set ${shellWord(entry.user)} ` +
        `--password-stdin --check ${entry.id}; the attempt is recorded: zpa history --user ${shellWord(entry.user)}`
      );
    default:
      return base;
  }
}

function shellWord(text: string): string {
  const line = oneLine(text);
  return /^[\w@.+-]+$/.test(line) ? line : `'${line.replace(/'/g, "'\\''")}'`;
}
