import type { Command } from 'commander';
import type { UserLookup } from '../../../shared/domain/users';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT, type ExitCode } from '../exit-codes';
import { formatWhen, oneLine } from '../format';
import { checkAccountOption } from './account';

interface UserShowOptions {
  json?: boolean;
  account?: string;
}

const UNAVAILABLE_EXIT: Readonly<Record<Extract<UserLookup, { status: 'unavailable' }>['cause'], ExitCode>> = {
  no_account: EXIT.token,
  token: EXIT.token,
  scope: EXIT.token,
  network: EXIT.incomplete,
  zoom: EXIT.incomplete,
};

/** The exit code for a lookup: 0 found and eligible; 1 not found or ineligible; 3 token; 4 network or Zoom. */
export function exitCodeForLookup(lookup: UserLookup): ExitCode {
  if (lookup.status === 'found') return lookup.eligibility.eligible ? EXIT.ok : EXIT.refused;
  if (lookup.status === 'not_found') return EXIT.refused;
  return UNAVAILABLE_EXIT[lookup.cause];
}

/** `zpa user show <user>`: who the user is and whether Zoom will let an admin set their password. */
export function registerUserCommands(program: Command, ctx: CliContext): void {
  const user = program.command('user').description('look Zoom users up');
  user
    .command('show')
    .description('show a user (name, e-mail, type, status, role, sign-in methods) and whether the password can be set')
    .usage('<user> [options]')
    .argument('<user>', 'Zoom user ID, e-mail address, or "me"')
    .option('--json', 'print the lookup as JSON')
    .option('--account <name>', 'the Zoom account to look in (default: the active one)')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  zpa user show jane@example.com\n' +
        '  zpa user show KDcuGIm1QgePTO8WbOqwIQ --json --account agency\n' +
        '\nNeeds the scope user:read:user:admin (classic: user:read:admin).\n' +
        '\nExit codes: 0 found, and Zoom lets an admin set the password; 1 not found, or Zoom would refuse (SSO-only,\n' +
        'admin or owner, pending, deactivated); 2 invalid usage; 3 no account, token refused or missing scope;\n' +
        '4 could not complete (network, Zoom error).\n',
    )
    .action(async (userArg: string, options: UserShowOptions) => {
      const account = await checkAccountOption(ctx, options.account);
      if (userArg.trim() === '') throw usageError('Give the user: a Zoom user ID, an e-mail address or "me".');
      const lookup = await ctx.core().users.lookup({ user: userArg, ...(account === undefined ? {} : { account }) });
      if (options.json === true) ctx.stdout.write(`${JSON.stringify(lookup)}\n`);
      else if (lookup.status === 'found') ctx.stdout.write(describeFound(lookup));
      const code = exitCodeForLookup(lookup);
      if (lookup.status === 'found') {
        // Ineligible: the reason is in what was printed; the exit code says it to scripts.
        if (code !== EXIT.ok) throw new CliExit(code, '');
        return;
      }
      const line =
        lookup.status === 'not_found'
          ? `not found: ${oneLine(lookup.reason)}`
          : `${oneLine(lookup.reason)}${lookup.action ? ` ${oneLine(lookup.action)}` : ''}`;
      throw new CliExit(code, line);
    });
}

function describeFound(lookup: Extract<UserLookup, { status: 'found' }>): string {
  const u = lookup.user;
  const rows: [string, string][] = [
    ['Name', u.displayName || '-'],
    ['E-mail', u.email || '-'],
    ['User ID', u.id],
    ['Type', u.typeLabel],
    ['Status', u.status ?? 'unknown'],
    ['Role', u.roleName ?? 'unknown'],
    ['Sign-in', u.loginMethods],
    ['Account', lookup.account],
    ['As of', formatWhen(lookup.asOf)],
    [
      'Password',
      lookup.eligibility.eligible
        ? 'can be set by an admin'
        : `cannot be set${lookup.eligibility.code === null ? '' : ` (Zoom code ${lookup.eligibility.code})`}: ${lookup.eligibility.reason ?? ''}`,
    ],
  ];
  if (lookup.trackingId !== null) rows.push(['Tracking ID', lookup.trackingId]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${oneLine(v)}`).join('\n') + '\n';
}
