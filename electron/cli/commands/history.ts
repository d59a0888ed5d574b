import { InvalidArgumentError, Option, type Command } from 'commander';
import type { HistoryEntry, HistoryFilter, HistoryQuery } from '../../../shared/domain/history';
import { OUTCOMES } from '../../../shared/domain/outcome';
import { MAX_USER_LENGTH } from '../../../shared/domain/user-id';
import type { HistoryStore } from '../../node/history/history-store';
import type { CliContext } from '../context';
import { parseDateOption } from '../dates';
import { usageError } from '../errors';
import { formatWhen, historyTable } from '../format';
import { outputStream } from '../io';
import type { HistoryOptions } from './history-options';
import { registerHistoryRetention, registerHistoryVerify } from './history-verify';
import { printNotices } from './notices';

/** How many entries the table shows without --limit; --json and --csv print every match unless limited. */
export const DEFAULT_TABLE_LIMIT = 50;
// The history query accepts pages of at most this many entries.
const PAGE_SIZE = 1000;
const MAX_ACCOUNT_LENGTH = 100;
const MAX_SEARCH_LENGTH = 200;

const HELP_AFTER = `
Filters combine: an entry is listed when it matches all of them.
Dates: YYYY-MM-DD is a day in local time (--until includes that whole day); a date and time
such as 2026-03-01T09:30 is local time, or give its zone: 2026-03-01T09:30:00Z, ...+01:00.
--since is inclusive, --until exclusive for a date and time.

Examples:
  zpa history
  zpa history --user jane@example.com --limit 10
  zpa history --outcome rejected --json > rejected.json
  zpa history --since 2026-01-01 --until 2026-03-31 --account sales --csv > q1.csv
  zpa history --search "INC-4711" --oldest-first
  zpa history verify
  zpa history retention 365

JSON fields: id, at, user, outcome, httpStatus, zoomCode, message, zoomMessage, trackingId,
durationMs, apiBase, source, retryAfterSeconds; when recorded: account, cloud, userName, reason,
runId; and the integrity chain: seq, prevHash, hash. Passwords and tokens are never recorded.
CSV: one header row, then one row per entry (the same data); cells that a spreadsheet would run as a
formula (starting with =, +, -, @) get a leading ' so they are shown, never run.
`;

/** `zpa history`: the offline record of every request, newest first. Needs no network and no token. */
export function registerHistoryCommand(program: Command, ctx: CliContext): void {
  const history = program
    .command('history')
    .description('list past password changes, newest first (works offline, needs no token)')
    .option('--json', 'print one JSON array of entries (all matches unless --limit is given)')
    .addOption(
      new Option('--csv', 'print every match as CSV (for spreadsheets and audits)').conflicts(['json', 'limit']),
    )
    .option('--user <text>', 'only entries whose user contains this text (case-insensitive)', parseUser)
    .option('--account <name>', 'only entries of this account (exact name, case-insensitive)', parseAccount)
    .addOption(new Option('--outcome <outcome>', 'only entries with this outcome').choices(OUTCOMES))
    .option('--since <date>', 'only entries from this date or time on', (v: string) => parseDateOption(v, 'start'))
    .option('--until <date>', 'only entries before the end of this day, or before this time', (v: string) =>
      parseDateOption(v, 'end'),
    )
    .option(
      '--search <text>',
      'only entries containing this text (case-insensitive) in user, name, message, Zoom message, ' +
        'tracking id, Zoom code or reason',
      parseSearch,
    )
    .option('--oldest-first', 'list the oldest entries first')
    .option('--limit <n>', `at most n entries (default for the table: ${DEFAULT_TABLE_LIMIT})`, parseLimit)
    .addHelpText('after', HELP_AFTER)
    .action(async (options: HistoryOptions) => {
      const filter = historyFilter(options);
      const core = ctx.core();
      if (options.csv) {
        await core.history.exportCsv(filter, outputStream(ctx.stdout));
        printNotices(ctx, core);
        return;
      }
      const limit = options.limit ?? (options.json ? Number.POSITIVE_INFINITY : DEFAULT_TABLE_LIMIT);
      const { entries, total } = readEntries(core.history, filter, limit);
      printNotices(ctx, core);
      if (options.json) {
        ctx.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      if (entries.length === 0) {
        ctx.stdout.write(
          isFiltered(filter)
            ? 'No history entries match.\n'
            : 'No history yet: every password change made with zpa or the app is recorded here.\n',
        );
        return;
      }
      ctx.stdout.write(historyTable(entries));
      if (entries.length < total) {
        const which = filter.order === 'oldest' ? 'oldest' : 'newest';
        ctx.stderr.write(`zpa: showing the ${entries.length} ${which} of ${total} entries; use --limit to see more.\n`);
      }
    });
  registerHistoryVerify(history, ctx);
  registerHistoryRetention(history, ctx);
}

/** The history filter for the options given; --since must come before --until. */
export function historyFilter(options: HistoryOptions): HistoryFilter {
  if (options.since !== undefined && options.until !== undefined && options.since >= options.until) {
    throw usageError(
      `--since (${formatWhen(options.since)}) is not before --until (${formatWhen(options.until)}, exclusive): ` +
        'no entry could match. ' +
        'Swap them or widen the range (see "zpa history --help").',
    );
  }
  const filter: HistoryFilter = {};
  if (options.user !== undefined) filter.user = options.user;
  if (options.account !== undefined) filter.account = options.account;
  if (options.outcome !== undefined) filter.outcome = options.outcome;
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  if (options.search !== undefined) filter.search = options.search;
  if (options.oldestFirst) filter.order = 'oldest';
  return filter;
}

function isFiltered(filter: HistoryFilter): boolean {
  return Object.entries(filter).some(([key, value]) => key !== 'order' && value !== undefined);
}

/** Reads up to `limit` matching entries, page by page, in the filter's order (newest first by default). */
export function readEntries(
  history: Pick<HistoryStore, 'list'>,
  filter: HistoryQuery,
  limit: number,
): { entries: HistoryEntry[]; total: number } {
  const entries: HistoryEntry[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(PAGE_SIZE, limit - entries.length);
    if (want <= 0) break;
    const page = history.list({ ...filter, limit: want, offset: entries.length });
    total = page.total;
    entries.push(...page.entries);
    if (page.entries.length < want || entries.length >= total) break;
  }
  return { entries, total };
}

/** --limit: a whole number of at least 1. */
export function parseLimit(value: string): number {
  const trimmed = value.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('Give a whole number of at least 1.');
  return n;
}

function parseUser(value: string): string {
  if (value.length > MAX_USER_LENGTH) {
    throw new InvalidArgumentError(`At most ${MAX_USER_LENGTH} characters.`);
  }
  return value;
}

function parseAccount(value: string): string {
  const name = value.trim();
  if (name === '') throw new InvalidArgumentError('Give an account name ("default" for entries without one).');
  if (name.length > MAX_ACCOUNT_LENGTH) throw new InvalidArgumentError(`At most ${MAX_ACCOUNT_LENGTH} characters.`);
  return name;
}

function parseSearch(value: string): string {
  if (value.length > MAX_SEARCH_LENGTH) throw new InvalidArgumentError(`At most ${MAX_SEARCH_LENGTH} characters.`);
  return value;
}
