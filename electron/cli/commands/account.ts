import type { Command } from 'commander';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import { oneLine } from '../format';
import { registerAccountAdd, shellName, TOKEN_ADD_EXAMPLE } from './account-add';
import {
  accountJson,
  accountsTable,
  cloudText,
  connectionExitCode,
  connectionFailureLine,
  connectionReport,
} from './account-format';
import { printNotices } from './notices';

const TEST_HELP = `
Gets a token (a fresh one from the token endpoint for --s2s accounts, the stored one otherwise), makes one
harmless read call, and shows the token's scopes, which of zpa's actions they allow, and what to add.

Exit codes: 0 the account can change passwords (pasted tokens: Zoom accepted the token; their scopes
are not known); 3 the credentials, the token or its scopes are the problem (e.g. the scope
user:update:password:admin is missing); 4 could not complete (network, rate limit, Zoom server error).
`;

/** `zpa account add|list|use|remove|test`: named Zoom accounts, shared with the app. */
export function registerAccountCommands(program: Command, ctx: CliContext): void {
  const account = program
    .command('account')
    .description('manage Zoom accounts (named; secrets in the OS keychain), shared with the app');

  registerAccountAdd(account, ctx);

  account
    .command('list')
    .usage('[--json]')
    .description('list the accounts; the active one is marked with * (never shows a secret)')
    .option('--json', 'print one JSON array of accounts (no secrets)')
    .action(async (options: { json?: boolean }) => {
      const core = ctx.core();
      const { accounts } = await core.accounts.list();
      printNotices(ctx, core);
      if (options.json) ctx.stdout.write(`${JSON.stringify(accounts.map(accountJson))}\n`);
      else if (accounts.length === 0) ctx.stdout.write(`No Zoom accounts yet. Add one with: ${TOKEN_ADD_EXAMPLE}\n`);
      else ctx.stdout.write(accountsTable(accounts));
    });

  account
    .command('use')
    .argument('<name>', 'the account to make active')
    .description('make an account the active one (used when a command has no --account)')
    .action(async (name: string) => {
      const core = ctx.core();
      const active = await core.accounts.setActive(name);
      printNotices(ctx, core);
      ctx.stdout.write(`Active account: "${oneLine(active.name)}" (${cloudText(active)}).\n`);
    });

  account
    .command('remove')
    .argument('<name>', 'the account to remove')
    .description('remove an account and its keychain entries (its history stays)')
    .action(async (name: string) => {
      const core = ctx.core();
      const target = await core.accounts.resolve(name);
      const { activeId } = await core.accounts.remove(target.id);
      const { accounts } = await core.accounts.list();
      printNotices(ctx, core);
      const active = accounts.find((a) => a.id === activeId);
      ctx.stdout.write(
        `Removed account "${oneLine(target.name)}" and its secret from the OS keychain; its history stays.\n` +
          (active === undefined
            ? accounts.length === 0
              ? `No account is left. Add one with: ${TOKEN_ADD_EXAMPLE}\n`
              : ''
            : `Active account: "${oneLine(active.name)}".\n`),
      );
    });

  account
    .command('test')
    .usage('[<name>] [--json]')
    .argument('[name]', 'the account to test (default: the active one)')
    .description("test an account's connection: its token, scopes, and what they allow")
    .option('--json', 'print the result as JSON (no secrets)')
    .addHelpText('after', TEST_HELP)
    .action(async (name: string | undefined, options: { json?: boolean }) => {
      const core = ctx.core();
      const result = await core.accounts.test(name);
      printNotices(ctx, core);
      ctx.stdout.write(options.json ? `${JSON.stringify(result)}\n` : connectionReport(result));
      const code = connectionExitCode(result);
      if (code !== EXIT.ok) throw new CliExit(code, connectionFailureLine(result));
    });
}

/**
 * Checks an `--account <name>` before anything is read or sent: an unknown name is a usage error (exit 2) listing
 * the accounts there are. Returns the name as the core knows it.
 */
export async function checkAccountOption(ctx: CliContext, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  if (name.trim() === '') throw usageError('--account needs an account name (see: zpa account list).');
  const account = await ctx.core().accounts.resolve(name);
  return account.name;
}

export { shellName };
