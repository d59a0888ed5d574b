import type { Command } from 'commander';
import { tokenSchema } from '../../../shared/ipc/contract';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { formatWhen, oneLine } from '../format';
import { readSecretLine } from '../io';
import { secretArgumentMessage } from '../secrets';
import { shellName } from './account-add';
import { printNotices } from './notices';

const ACCOUNT_OPTION = 'the account (default: the active one; see: zpa account list)';

const TOKEN_EXAMPLE = '"zpa token set < token.txt", or run "zpa token set" and paste it at the hidden prompt.';

/** `zpa token set|status|clear`: the access token in the OS keychain, shared with the app. */
export function registerTokenCommands(program: Command, ctx: CliContext): void {
  const token = program
    .command('token')
    .description('store, check or remove the Zoom access token (kept in the OS keychain)');

  token
    .command('set')
    .description('store the access token: read from stdin (first line), or a hidden prompt on a terminal')
    // Extra words are accepted by the parser only so the action can refuse them with a proper explanation.
    .option('--account <name>', ACCOUNT_OPTION)
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nThe token is never accepted as an argument. Examples:\n' +
        '  zpa token set < token.txt\n' +
        '  printf \'%s\\n\' "$ZOOM_TOKEN" | zpa token set\n' +
        '  zpa token set            (then paste the token; nothing is shown)\n' +
        '  zpa token set --account sales < sales-token.txt\n' +
        '\nWith no account set up yet, it creates the account "Default" and makes it active.\n',
    )
    .action(async (options: { account?: string }, cmd: Command) => {
      if (cmd.args.length > 0) throw usageError(secretArgumentMessage('token', TOKEN_EXAMPLE));
      if (options.account !== undefined) return setAccountToken(ctx, options.account);
      const raw = await readSecretLine(ctx.io, 'Zoom access token (input hidden): ');
      ctx.redactor.add(raw);
      if (raw.trim() === '') {
        throw usageError(`No token on stdin: nothing was stored. Pass it as ${TOKEN_EXAMPLE}`);
      }
      const parsed = tokenSchema.safeParse(raw);
      if (!parsed.success) {
        throw usageError(`${parsed.error.issues[0]?.message ?? 'That is not a valid token.'} Nothing was stored.`);
      }
      const core = ctx.core();
      const status = await core.vault.setToken(parsed.data);
      printNotices(ctx, core);
      ctx.stdout.write(
        `Token stored in the OS keychain${status.storedAt ? ` (${formatWhen(status.storedAt)})` : ''}. ` +
          'zpa and the Zoom Password Admin app both use it.\n',
      );
    });

  token
    .command('status')
    .usage('[--json] [--account <name>]')
    .description('tell whether a token is stored, and since when')
    .option('--json', 'print {"stored": true|false, "storedAt": ISO date|null}')
    .option('--account <name>', ACCOUNT_OPTION)
    .action(async (options: { json?: boolean; account?: string }) => {
      if (options.account !== undefined) return accountTokenStatus(ctx, options.account, options.json === true);
      const core = ctx.core();
      const status = await core.vault.status();
      printNotices(ctx, core);
      if (options.json) {
        ctx.stdout.write(`${JSON.stringify(status)}\n`);
      } else if (status.stored) {
        const since = status.storedAt ? ` since ${formatWhen(status.storedAt)}` : '';
        ctx.stdout.write(`Token: stored in the OS keychain${since}.\n`);
      } else {
        ctx.stdout.write('Token: not stored. Store one with: zpa token set < token.txt\n');
      }
    });

  token
    .command('clear')
    .description('remove the stored token from the OS keychain (the account stays)')
    .option('--account <name>', ACCOUNT_OPTION)
    .action(async (options: { account?: string }) => {
      if (options.account !== undefined) await checkActive(ctx, options.account);
      const core = ctx.core();
      const before = await core.vault.status();
      await core.vault.clearToken();
      printNotices(ctx, core);
      ctx.stdout.write(
        before.stored ? 'Token removed from the OS keychain.\n' : 'No token was stored: nothing to remove.\n',
      );
    });
}

/** `zpa token set --account <name>`: replaces that account's stored token (token accounts only). */
async function setAccountToken(ctx: CliContext, name: string): Promise<void> {
  const core = ctx.core();
  const account = await tokenAccount(ctx, name, 'store a token for it');
  const raw = await readSecretLine(ctx.io, `Zoom access token for "${oneLine(account.name)}" (input hidden): `);
  ctx.redactor.add(raw);
  if (raw.trim() === '') throw usageError(`No token on stdin: nothing was stored. Pass it as ${TOKEN_EXAMPLE}`);
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success) {
    throw usageError(`${parsed.error.issues[0]?.message ?? 'That is not a valid token.'} Nothing was stored.`);
  }
  const edited = await core.accounts.edit(account.id, { credential: { kind: 'token', token: parsed.data } });
  printNotices(ctx, core);
  ctx.stdout.write(
    `Token of "${oneLine(edited.name)}" stored in the OS keychain` +
      `${edited.secretStoredAt ? ` (${formatWhen(edited.secretStoredAt)})` : ''}.\n`,
  );
}

/** `zpa token status --account <name>`: whether that account's secret is stored (for OAuth: its client secret). */
async function accountTokenStatus(ctx: CliContext, name: string, json: boolean): Promise<void> {
  const core = ctx.core();
  const account = await core.accounts.resolve(name);
  const view = (await core.accounts.list()).accounts.find((a) => a.id === account.id);
  printNotices(ctx, core);
  const stored = view?.secretStored === true;
  const storedAt = stored ? (view?.secretStoredAt ?? null) : null;
  if (json) {
    ctx.stdout.write(`${JSON.stringify({ stored, storedAt })}\n`);
    return;
  }
  const since = storedAt ? ` since ${formatWhen(storedAt)}` : '';
  const label = `"${oneLine(account.name)}"`;
  if (account.credential.kind === 's2s') {
    ctx.stdout.write(
      `Account ${label} uses Server-to-Server OAuth: tokens are fetched automatically. Client secret: ` +
        `${stored ? `stored in the OS keychain${since}` : 'not stored'}.\n`,
    );
  } else if (stored) {
    ctx.stdout.write(`Token of ${label}: stored in the OS keychain${since}.\n`);
  } else {
    ctx.stdout.write(
      `Token of ${label}: not stored. Store one with: zpa token set --account ${shellName(account.name)} < token.txt\n`,
    );
  }
}

/**
 * `zpa token clear --account <name>` clears the active account's token, so the name must be the active account's:
 * clearing another account's token is done by making it active first, or by removing the account.
 */
async function checkActive(ctx: CliContext, name: string): Promise<void> {
  const account = await tokenAccount(ctx, name, 'clear its token');
  const active = await ctx.core().accounts.resolve();
  if (active.id !== account.id) {
    throw usageError(
      `"${oneLine(account.name)}" is not the active account: zpa token clear acts on the active account. ` +
        `Run "zpa account use ${shellName(account.name)}" first, or remove the account with its token: ` +
        `zpa account remove ${shellName(account.name)}`,
    );
  }
}

async function tokenAccount(ctx: CliContext, name: string, what: string) {
  const account = await ctx.core().accounts.resolve(name);
  if (account.credential.kind !== 'token') {
    throw usageError(
      `The account "${oneLine(account.name)}" uses Server-to-Server OAuth: its tokens are fetched automatically, ` +
        `so you cannot ${what}. See: zpa account test ${shellName(account.name)}`,
    );
  }
  return account;
}
