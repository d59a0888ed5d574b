import { InvalidArgumentError, Option, type Command } from 'commander';
import type { HistoryEntry, HistoryQuery } from '../../../shared/domain/history';
import { OUTCOMES, type Outcome } from '../../../shared/domain/outcome';
import { MAX_USER_LENGTH } from '../../../shared/domain/user-id';
import type { HistoryStore } from '../../node/history/history-store';
import type { CliContext } from '../context';
import { historyTable } from '../format';
import { printNotices } from './notices';

/** How many entries the table shows without --limit; --json prints every match unless limited. */
export const DEFAULT_TABLE_LIMIT = 50;
// The history query accepts pages of at most this many entries.
const PAGE_SIZE = 1000;

interface HistoryOptions {
  json?: boolean;
  user?: string;
  outcome?: Outcome;
  limit?: number;
}

/** `zpa history`: the offline record of every request, newest first. Needs no network and no token. */
export function registerHistoryCommand(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('list past password changes, newest first (works offline, needs no token)')
    .option('--json', 'print one JSON array of entries (all matches unless --limit is given)')
    .option('--user <text>', 'only entries whose user contains this text (case-insensitive)', parseUser)
    .addOption(new Option('--outcome <outcome>', 'only entries with this outcome').choices(OUTCOMES))
    .option('--limit <n>', `at most n entries (default for the table: ${DEFAULT_TABLE_LIMIT})`, parseLimit)
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  zpa history\n' +
        '  zpa history --user jane@example.com --limit 10\n' +
        '  zpa history --outcome rejected --json > rejected.json\n' +
        '\nJSON fields: id, at, user, outcome, httpStatus, zoomCode, message, zoomMessage, trackingId,\n' +
        'durationMs, apiBase, source, retryAfterSeconds. Passwords and tokens are never recorded.\n',
    )
    .action((options: HistoryOptions) => {
      const core = ctx.core();
      const filter: HistoryQuery = {
        ...(options.user === undefined ? {} : { user: options.user }),
        ...(options.outcome === undefined ? {} : { outcome: options.outcome }),
      };
      const limit = options.limit ?? (options.json ? Number.POSITIVE_INFINITY : DEFAULT_TABLE_LIMIT);
      const { entries, total } = readEntries(core.history, filter, limit);
      printNotices(ctx, core);
      if (options.json) {
        ctx.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        return;
      }
      if (entries.length === 0) {
        const filtered = options.user !== undefined || options.outcome !== undefined;
        ctx.stdout.write(
          filtered
            ? 'No history entries match.\n'
            : 'No history yet: every password change made with zpa or the app is recorded here.\n',
        );
        return;
      }
      ctx.stdout.write(historyTable(entries));
      if (entries.length < total) {
        ctx.stderr.write(`zpa: showing the ${entries.length} newest of ${total} entries; use --limit to see more.\n`);
      }
    });
}

/** Reads up to `limit` matching entries, page by page, newest first. */
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
