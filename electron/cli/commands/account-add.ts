import { Option, type Command } from 'commander';
import type { z } from 'zod';
import {
  accountNameSchema,
  clientIdSchema,
  clientSecretSchema,
  CLOUD_URLS,
  nameKey,
  zoomAccountIdSchema,
  type Cloud,
  type NewAccountInput,
} from '../../../shared/domain/accounts';
import { isAppError } from '../../../shared/domain/errors';
import { tokenSchema } from '../../../shared/ipc/contract';
import { resolveCloudUrls } from '../../node/accounts/account-urls';
import type { CliContext } from '../context';
import { usageError } from '../errors';
import { oneLine } from '../format';
import { readSecretLine } from '../io';
import { secretArgumentMessage } from '../secrets';
import { accountJson, cloudText, type AccountView } from './account-format';
import { printNotices } from './notices';

/** What `zpa account add` was given (commander's option keys). */
export interface AddOptions {
  token?: boolean;
  s2s?: boolean;
  accountId?: string;
  clientId?: string;
  cloud?: 'zoom' | 'gov';
  apiBase?: string;
  oauthBase?: string;
  use?: boolean;
  json?: boolean;
}

/** Everything but the secret, checked: the account to create once the secret is read. */
export interface AddPlan {
  name: string;
  cloud: Cloud;
  apiBase: string;
  oauthBase: string;
  kind: 'token' | 's2s';
  accountId?: string;
  clientId?: string;
}

export const TOKEN_ADD_EXAMPLE = 'zpa account add <name> --token < token.txt';
export const S2S_ADD_EXAMPLE = 'zpa account add <name> --s2s --account-id <id> --client-id <id> < client-secret.txt';

const ADD_HELP = `
The secret is read from stdin (first line), or at a hidden prompt on a terminal; never from an argument:
  --token   the access token
  --s2s     the Server-to-Server OAuth app's Client Secret (its Account ID and Client ID are not secret)

Clouds: --cloud zoom (default: https://api.zoom.us/v2, tokens from https://zoom.us/oauth/token),
--cloud gov (Zoom for Government: https://api.zoomgov.com/v2, https://zoomgov.com/oauth/token), or a
custom cloud with both --api-base and --oauth-base (https only, except loopback test servers).
The first account added becomes the active one; --use makes a later one active.

Examples:
  zpa account add sales --token < token.txt
  zpa account add agency --s2s --account-id nwT9kq3XRb2mZx7YpLs0aQ --client-id Ab12Cd34 --cloud gov < secret.txt
  printf '%s\\n' "$CLIENT_SECRET" | zpa account add acme --s2s --account-id ID --client-id CID --use
  zpa account add lab --token --api-base https://127.0.0.1:8443/v2 --oauth-base https://127.0.0.1:8443/oauth/token
`;

/** `zpa account add <name> --token | --s2s ...`: a new account, its secret from stdin into the keychain. */
export function registerAccountAdd(account: Command, ctx: CliContext): void {
  account
    .command('add')
    .description('add a Zoom account: a pasted token (--token) or a Server-to-Server OAuth app (--s2s)')
    .usage('<name> --token|--s2s [options]')
    .argument('<name>', 'a name of your choice, e.g. "sales" (used with --account and "zpa account use")')
    .addOption(new Option('--token', 'the account uses a pasted access token (read from stdin)').conflicts('s2s'))
    .option('--s2s', 'the account uses a Server-to-Server OAuth app (client secret read from stdin)')
    .option('--account-id <id>', "the S2S app's Account ID (App Credentials)")
    .option('--client-id <id>', "the S2S app's Client ID (App Credentials)")
    .addOption(
      new Option('--cloud <cloud>', 'zoom (default) or gov (Zoom for Government)')
        .choices(['zoom', 'gov'])
        .conflicts(['apiBase', 'oauthBase']),
    )
    .option('--api-base <url>', 'custom cloud: the API address, e.g. https://api.zoom.us/v2 (with --oauth-base)')
    .option('--oauth-base <url>', 'custom cloud: the token address, e.g. https://zoom.us/oauth/token (with --api-base)')
    .option('--use', 'make it the active account (the first account always becomes active)')
    .option('--json', 'print the new account as JSON (never its secret)')
    // Extra words are accepted by the parser only so the action can refuse them with a proper explanation.
    .allowExcessArguments(true)
    .addHelpText('after', ADD_HELP)
    .action(async (name: string, options: AddOptions, cmd: Command) => {
      if (cmd.args.length > 1) {
        const s2s = options.s2s === true;
        throw usageError(
          secretArgumentMessage(s2s ? 'client secret' : 'token', `"${s2s ? S2S_ADD_EXAMPLE : TOKEN_ADD_EXAMPLE}".`),
        );
      }
      const plan = planAdd(name, options);
      const core = ctx.core();
      // Checked before the secret is asked for, so nobody pastes a secret for a name that cannot be used.
      const { accounts } = await core.accounts.list();
      const taken = accounts.find((a) => nameKey(a.name) === nameKey(plan.name));
      if (taken) {
        throw usageError(
          `There is already an account named "${oneLine(taken.name)}": nothing was stored. ` +
            'Choose another name, or remove that one first with: zpa account remove <name>',
        );
      }
      const input = await readCredential(ctx, plan);
      const added = await core.accounts.add(input, options.use === true ? { activate: true } : {});
      printNotices(ctx, core);
      if (options.json) {
        ctx.stdout.write(`${JSON.stringify(accountJson(added))}\n`);
        return;
      }
      const what = added.credential.kind === 's2s' ? 'client secret' : 'token';
      ctx.stdout.write(
        `Added account "${oneLine(added.name)}" (${cloudText(added)}); its ${what} is in the OS keychain.` +
          `${added.active ? ' It is the active account.' : ` Use it with --account ${shellName(added.name)}, or make it active: zpa account use ${shellName(added.name)}`}\n` +
          `Check it with: zpa account test ${shellName(added.name)}\n`,
      );
    });
}

/**
 * Checks everything but the secret: one credential kind, its IDs, the cloud or both custom URLs. Throws a usage
 * error (exit 2) saying what to give; nothing is read from stdin before this passes.
 */
export function planAdd(name: string, o: AddOptions): AddPlan {
  const checkedName = check(accountNameSchema, name, 'Account name');
  if (o.token === true && o.s2s === true) throw usageError('Give either --token or --s2s, not both.');
  if (o.token !== true && o.s2s !== true) {
    throw usageError(
      `Say how the account signs in: --token (a pasted access token) or --s2s (a Server-to-Server OAuth app). ` +
        `Examples: "${TOKEN_ADD_EXAMPLE}"; "${S2S_ADD_EXAMPLE}".`,
    );
  }
  const urls = planUrls(o);
  if (o.token === true) {
    if (o.accountId !== undefined || o.clientId !== undefined) {
      throw usageError('--account-id and --client-id belong to --s2s accounts, not to --token ones.');
    }
    return { name: checkedName, ...urls, kind: 'token' };
  }
  if (o.accountId === undefined || o.clientId === undefined) {
    throw usageError(
      `A --s2s account needs --account-id and --client-id (from the app's App Credentials in the Zoom App ` +
        `Marketplace); its Client Secret comes on stdin. Example: "${S2S_ADD_EXAMPLE}".`,
    );
  }
  return {
    name: checkedName,
    ...urls,
    kind: 's2s',
    accountId: check(zoomAccountIdSchema, o.accountId, '--account-id'),
    clientId: check(clientIdSchema, o.clientId, '--client-id'),
  };
}

function planUrls(o: AddOptions): { cloud: Cloud; apiBase: string; oauthBase: string } {
  const custom = o.apiBase !== undefined || o.oauthBase !== undefined;
  if (!custom) {
    const cloud = o.cloud ?? 'zoom';
    return { cloud, ...CLOUD_URLS[cloud] };
  }
  if (o.apiBase === undefined || o.oauthBase === undefined) {
    throw usageError(
      'A custom cloud needs both --api-base and --oauth-base (e.g. --api-base https://api.zoom.us/v2 ' +
        '--oauth-base https://zoom.us/oauth/token); or use --cloud zoom|gov.',
    );
  }
  try {
    return { cloud: 'custom', ...resolveCloudUrls('custom', { apiBase: o.apiBase, oauthBase: o.oauthBase }) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const option = error.field === 'oauthBase' ? '--oauth-base' : '--api-base';
    throw usageError(`${option}: ${error.message}${error.action ? ` ${error.action}` : ''} Nothing was stored.`);
  }
}

async function readCredential(ctx: CliContext, plan: AddPlan): Promise<NewAccountInput> {
  const where = { name: plan.name, cloud: plan.cloud, apiBase: plan.apiBase, oauthBase: plan.oauthBase };
  if (plan.kind === 'token') {
    const token = await readSecret(ctx, tokenSchema, `Zoom access token for "${plan.name}" (input hidden): `, {
      what: 'token',
      example: TOKEN_ADD_EXAMPLE,
    });
    return { ...where, credential: { kind: 'token', token } };
  }
  const clientSecret = await readSecret(ctx, clientSecretSchema, `Client Secret of the app (input hidden): `, {
    what: 'client secret',
    example: S2S_ADD_EXAMPLE,
  });
  return {
    ...where,
    credential: {
      kind: 's2s',
      accountId: plan.accountId ?? '',
      clientId: plan.clientId ?? '',
      clientSecret,
    },
  };
}

/** Reads a secret from stdin (or a hidden prompt), remembers it for redaction, and checks it. */
export async function readSecret(
  ctx: CliContext,
  schema: z.ZodType<string, string>,
  label: string,
  o: { what: 'token' | 'client secret'; example: string },
): Promise<string> {
  const raw = await readSecretLine(ctx.io, label);
  ctx.redactor.add(raw);
  if (raw.trim() === '') {
    throw usageError(`No ${o.what} on stdin: nothing was stored. Pass it on stdin, e.g. "${o.example}".`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw usageError(`${parsed.error.issues[0]?.message ?? `That is not a valid ${o.what}.`} Nothing was stored.`);
  }
  return parsed.data;
}

function check(schema: z.ZodType<string, string>, value: string, label: string): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw usageError(`${label}: ${parsed.error.issues[0]?.message ?? 'not valid.'} Nothing was stored.`);
}

/** An account name as a shell word (quoted when it has spaces or the like). */
export function shellName(name: string): string {
  const line = oneLine(name);
  return /^[\w@.+-]+$/.test(line) ? line : `'${line.replace(/'/g, "'\\''")}'`;
}

export type { AccountView };
