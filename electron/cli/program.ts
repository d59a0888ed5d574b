import { Command, Help } from 'commander';
import { registerAccountCommands } from './commands/account';
import { registerBulkCommand } from './commands/bulk';
import { registerHistoryCommand } from './commands/history';
import { registerPasswordCommands } from './commands/password';
import { registerTokenCommands } from './commands/token';
import { registerUserCommands } from './commands/user';
import type { CliContext } from './context';
import { oneLine } from './format';
import { looksLikeSecret } from './secrets';

/** Widest command line in `zpa --help`'s list; longer ones show `[options]` instead of each flag. */
const MAX_TERM = 60;

const ROOT_HELP = `
Examples:
  zpa account add sales --token < token.txt
                                            an account with a pasted access token
  zpa account add agency --s2s --account-id ID --client-id CID --cloud gov < client-secret.txt
                                            a Server-to-Server OAuth app on Zoom for Government
  zpa account list
  zpa account use agency                    make it the active account
  zpa account test agency                   its scopes, and whether they allow changing passwords
  zpa token set < token.txt                 store the active account's token (creates "Default" if none)
  zpa token status
  zpa user show jane@example.com            who the user is, and whether Zoom lets an admin set the password
  printf '%s\\n' "$NEW_PASSWORD" | zpa password check --password-stdin
                                            the password against the account's policy, one line per rule
  zpa password generate --length 20         a random password that meets the account's policy
  printf '%s\\n' "$NEW_PASSWORD" | zpa password set jane@example.com --password-stdin
  zpa password set jane@example.com --password-stdin --reason "INC-4711" < new-password.txt
  zpa password set jane@agency.gov --password-stdin --account agency < new-password.txt
  zpa bulk users.csv --generate --passwords-out new-passwords.csv --out results.csv
                                            many users from a CSV, resumable (zpa bulk --help)
  zpa history --user jane --limit 20
  zpa history --outcome rejected --json > rejected.json
  zpa history --since 2026-01-01 --until 2026-03-31 --account sales --csv > q1.csv
  zpa history --search "INC-4711"
  zpa history verify                        check that no entry was altered, removed or reordered
  zpa account remove sales                  the account and its keychain entry (its history stays)

Exit codes:
  0  done (password set: Zoom updated the password; history verify: the history is intact;
     account test: the account can change passwords)
  1  Zoom refused the change: a password rule, a reused password, user not found...
     (history verify: an entry was altered, removed or reordered; user show: not found or
     Zoom would refuse to set the password)
  2  invalid input or usage, or (password set) a user Zoom would refuse: nothing was sent
     (password check: the password breaks a rule)
  3  no account or token, keychain unavailable, Zoom refused the token or the app's credentials,
     or (account test) the token's scopes do not allow changing passwords
  4  could not complete: network, timeout, Zoom server error, rate limit, or unknown outcome

Accounts: every command uses the active account unless given --account <name>. Secrets (tokens,
client secrets, passwords) are read from stdin only, never from arguments, and are never written to
disk or to the history; tokens and client secrets live in the OS keychain.

Environment:
  ZPA_DATA_DIR          data folder (history, settings); default: the Zoom Password Admin app's folder
  ZPA_API_BASE_URL      Zoom API base for every account, e.g. https://api.zoomgov.com/v2 (https only,
                        except loopback)
  ZPA_OAUTH_BASE_URL    token endpoint for every S2S account, e.g. https://zoomgov.com/oauth/token
  ZPA_KEYCHAIN_SERVICE  keychain service name (default: Zoom Password Admin)
  ZPA_DEBUG=1           show details (stack traces) of unexpected errors
`;

/** Builds a fresh command tree for one run; errors come back as thrown CommanderErrors (exitOverride). */
export function buildProgram(ctx: CliContext, argv: readonly string[]): Command {
  const program = new Command('zpa')
    .description(
      "Change Zoom users' passwords from the command line. Uses the same accounts (secrets in the OS keychain), " +
        'history and data folder as the Zoom Password Admin app.',
    )
    .version(ctx.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: zpa <command> --help)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(usageLine(text, argv)),
    })
    .configureHelp({
      // List every runnable command ("token set", "password set <user>", ...) rather than just the groups.
      visibleCommands(this: Help, cmd: Command): Command[] {
        return leafCommands(this, cmd, true);
      },
      subcommandTerm(cmd: Command): string {
        // "[options]" only where there are options to give; a command's own usage line without its options tail.
        // A runnable group's own line: its options, not "[command]" (its subcommands have their own lines).
        const usage = cmd.commands.length > 0 ? cmd.usage().replace(/\s*\[command\]$/, '') : cmd.usage();
        const rest = usage.startsWith('[options]')
          ? cmd.options.length > 0
            ? usage
            : usage.replace(/^\[options\]\s*/, '')
          : usage.replace(/\s*\[options\]$/, '');
        const term = `${commandPath(cmd)}${rest ? ` ${rest}` : ''}`;
        // A long usage (zpa bulk) would widen the whole list: its full form is in `zpa <command> --help`.
        const firstOption = term.indexOf(' [--');
        return term.length > MAX_TERM && firstOption > 0 ? `${term.slice(0, firstOption)} [options]` : term;
      },
    })
    .addHelpText('after', ROOT_HELP);
  registerAccountCommands(program, ctx);
  registerTokenCommands(program, ctx);
  registerUserCommands(program, ctx);
  registerPasswordCommands(program, ctx);
  registerHistoryCommand(program, ctx);
  registerBulkCommand(program, ctx);
  return program;
}

// Groups that are commands in their own right too ("zpa history" lists, "zpa history verify" checks).
const RUNNABLE_GROUPS: ReadonlySet<string> = new Set(['history']);

function leafCommands(help: Help, cmd: Command, top: boolean): Command[] {
  return Help.prototype.visibleCommands.call(help, cmd).flatMap((sub) => {
    if (sub.commands.length > 0) {
      const self = RUNNABLE_GROUPS.has(commandPath(sub)) ? [sub] : [];
      return [...self, ...leafCommands(help, sub, false)];
    }
    // Each group gets an implicit "help" command; one at the top is enough.
    return !top && sub.name() === 'help' ? [] : [sub];
  });
}

/** "token set" for the set command under token (the root's name left out). */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  // Commander's implicit "help" command has no parent.
  return names.length > 0 ? names.join(' ') : cmd.name();
}

/**
 * Commander's error ("error: unknown option '--x'") as zpa's one line, with a pointer to the right help.
 * Words from the command line that could be a secret are not repeated.
 */
function usageLine(text: string, argv: readonly string[]): string {
  let message = oneLine(text.replace(/^error:\s*/, ''));
  for (const word of argv) if (looksLikeSecret(word)) message = message.split(word).join('[not shown]');
  const path = commandWords(argv);
  return `zpa: ${message} (see "zpa ${path ? `${path} ` : ''}--help")\n`;
}

const COMMAND_WORDS: Readonly<Record<string, readonly string[]>> = {
  '': ['account', 'token', 'user', 'password', 'history'],
  account: ['add', 'list', 'use', 'remove', 'test'],
  token: ['set', 'status', 'clear'],
  user: ['show'],
  password: ['set', 'check', 'generate'],
  history: ['verify', 'retention'],
};

function commandWords(argv: readonly string[]): string {
  const words: string[] = [];
  for (const arg of argv) {
    if (!COMMAND_WORDS[words.join(' ')]?.includes(arg)) break;
    words.push(arg);
  }
  return words.join(' ');
}
