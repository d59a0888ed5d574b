import type { Command } from 'commander';
import { tokenSchema } from '../../../shared/ipc/contract';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { formatWhen } from '../format';
import { readSecretLine } from '../io';
import { secretArgumentMessage } from '../secrets';
import { printNotices } from './notices';

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
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      '\nThe token is never accepted as an argument. Examples:\n' +
        '  zpa token set < token.txt\n' +
        '  printf \'%s\\n\' "$ZOOM_TOKEN" | zpa token set\n' +
        '  zpa token set            (then paste the token; nothing is shown)\n',
    )
    .action(async (_options: unknown, cmd: Command) => {
      if (cmd.args.length > 0) throw usageError(secretArgumentMessage('token', TOKEN_EXAMPLE));
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
    .usage('[--json]')
    .description('tell whether a token is stored, and since when')
    .option('--json', 'print {"stored": true|false, "storedAt": ISO date|null}')
    .action(async (options: { json?: boolean }) => {
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
    .description('remove the stored token from the OS keychain')
    .action(async () => {
      const core = ctx.core();
      const before = await core.vault.status();
      await core.vault.clearToken();
      printNotices(ctx, core);
      ctx.stdout.write(
        before.stored ? 'Token removed from the OS keychain.\n' : 'No token was stored: nothing to remove.\n',
      );
    });
}
