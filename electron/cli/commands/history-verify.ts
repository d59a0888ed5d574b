import { InvalidArgumentError, type Command } from 'commander';
import {
  MAX_RETENTION_DAYS,
  type HistoryProblem,
  type HistoryRetentionResult,
  type HistoryVerifyResult,
} from '../../../shared/domain/history';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT } from '../exit-codes';
import { formatWhen, oneLine } from '../format';
import { LIST_OPTIONS, type HistoryOptions } from './history-options';
import { printNotices } from './notices';

const DAY_MS = 86_400_000;

/**
 * `zpa history verify`: checks the hash chain of the whole history file. Read-only: it never repairs or
 * rewrites the file (so it reports what an auditor would find), and never touches the keychain or the network.
 */
export function registerHistoryVerify(history: Command, ctx: CliContext): void {
  history
    .command('verify')
    .usage('[--json]')
    .description('check that no history entry was altered, removed or reordered (exit 0 intact, 1 not)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nEach entry carries a hash chained to the one before, so a changed, deleted or moved entry is found\n' +
        'and named (line in history.jsonl, seq, id). Write down the last seq and hash it prints: the chain\n' +
        'alone cannot show that its newest entries were cut off later; a lower last seq, or another hash for\n' +
        'that seq (see the Seq and Hash columns of zpa history --csv), can.\n' +
        'Reads the file only: works offline, with no token and no keychain.\n' +
        '\nExit codes: 0 intact; 1 not intact (the first problem is named); 4 the file could not be read.\n' +
        '\nJSON fields: ok, checked, unchained, skippedLines, lastSeq, lastHash, retention\n' +
        '({at, days, removed, anchorSeq} or null), and when not ok firstProblem {kind, lineNumber, seq, id, detail};\n' +
        'kind is altered, removed, reordered or unreadable.\n',
    )
    .action(async (options: { json?: boolean }, cmd: Command) => {
      const json = wantsJson(cmd, options, 'verify');
      const result = await ctx.core().history.verify();
      ctx.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : verifyReport(result, ctx.core().dataDir));
      if (!result.ok) throw new CliExit(EXIT.notIntact, problemLine(result.firstProblem));
    });
}

/** `zpa history retention <days>`: removes entries older than the period, once, recording that in the chain. */
export function registerHistoryRetention(history: Command, ctx: CliContext): void {
  history
    .command('retention')
    .usage('<days> [--dry-run] [--json]')
    .description('remove entries older than <days> days, once; the removal is recorded in the history')
    .argument('<days>', `the retention period in days (1 to ${MAX_RETENTION_DAYS})`, parseDays)
    .option('--dry-run', 'only tell how many entries are older than that; change nothing')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nKeeping everything is the default; run this when your retention policy says so (e.g. from cron).\n' +
        'The removal is one step, recorded as a retention record in the hash chain: "zpa history verify"\n' +
        'still checks every remaining entry. Removed entries cannot be brought back: export them first\n' +
        '(zpa history --until <date> --csv > archive.csv) if you need to keep a copy.\n' +
        '\nExamples:\n' +
        '  zpa history retention 365 --dry-run\n' +
        '  zpa history retention 365\n',
    )
    .action((days: number, options: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const json = wantsJson(cmd, options, 'retention');
      const core = ctx.core();
      const now = ctx.now();
      const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
      if (options.dryRun) {
        const older = core.history.list({ until: cutoff, limit: 1 }).total;
        const all = core.history.list({ limit: 1 }).total;
        printNotices(ctx, core);
        ctx.stdout.write(
          json
            ? `${JSON.stringify({ dryRun: true, days, cutoff, removed: older, kept: all - older }, null, 2)}\n`
            : `${older === 0 ? 'Nothing would be removed' : `Would remove ${count(older)}`}: ` +
                `started before ${formatWhen(cutoff)} (${days} days ago); ${count(all - older)} would be kept. ` +
                'Nothing was changed.\n',
        );
        return;
      }
      const result = core.history.applyRetention(days, now);
      printNotices(ctx, core);
      ctx.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : retentionReport(result, days, cutoff));
    });
}

/**
 * --json for a subcommand, given before or after its name (the `history` command reads it first when it
 * comes after). The list options mean nothing here: refused rather than silently ignored.
 */
function wantsJson(cmd: Command, options: { json?: boolean }, name: string): boolean {
  const parent = cmd.parent?.opts<HistoryOptions>() ?? {};
  for (const [key, flag] of Object.entries(LIST_OPTIONS)) {
    if (parent[key as keyof HistoryOptions] !== undefined) {
      throw usageError(
        `${flag} does not apply to "zpa history ${name}", which works on the whole history ` +
          `(see "zpa history ${name} --help").`,
      );
    }
  }
  return options.json === true || parent.json === true;
}

/** The human-readable verify report: what was checked, and what an auditor should note. */
export function verifyReport(result: HistoryVerifyResult, dataDir: string): string {
  const lines: string[] = [];
  if (result.ok) {
    lines.push(
      result.checked === 0 && result.unchained === 0
        ? 'History intact: there are no entries yet.'
        : `History intact: ${records(result.checked)} checked; none altered, removed or reordered.`,
    );
  } else {
    lines.push('History NOT intact: see the first problem below.');
  }
  lines.push(`  Data folder:        ${dataDir}`);
  lines.push(`  Records checked:    ${result.checked} (request entries and retention/repair records)`);
  lines.push(
    `  Unchained entries:  ${result.unchained}` +
      (result.unchained > 0 ? ' (written before the hash chain existed: listed, not covered)' : ''),
  );
  if (result.skippedLines > 0) {
    lines.push(`  Skipped lines:      ${result.skippedLines} (a write cut short by a crash; not an entry)`);
  }
  const r = result.retention;
  lines.push(
    r === null
      ? '  Retention:          none recorded (every entry since the start is kept)'
      : `  Retention:          ${r.days} days, applied ${formatWhen(r.at)}: ${count(r.removed)} removed` +
          (r.anchorSeq === null ? '' : `; the chain continues after seq ${r.anchorSeq}`),
  );
  lines.push(`  Last seq:           ${result.lastSeq ?? '-'}`);
  lines.push(`  Last hash:          ${result.lastHash ?? '-'}`);
  const p = result.firstProblem;
  if (p !== undefined) {
    lines.push(`  First problem:      ${p.kind} at line ${p.lineNumber} of history.jsonl`);
    lines.push(`    seq ${p.seq ?? '-'}, id ${p.id === null ? '-' : oneLine(p.id)}`);
    lines.push(`    ${oneLine(p.detail)}`);
  } else if (result.lastSeq !== null) {
    lines.push(
      'Note the last seq and hash: a later last seq lower than this one, or another hash for this seq, means entries ' +
        'were removed or rewritten since.',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The one stderr line for a history that is not intact. */
function problemLine(p: HistoryProblem | undefined): string {
  if (p === undefined) return 'The history is not intact.';
  const id = p.id === null ? '-' : oneLine(p.id);
  return `History not intact (${p.kind}) at line ${p.lineNumber} of history.jsonl (seq ${p.seq ?? '-'}, id ${id}): ${p.detail}`;
}

function retentionReport(result: HistoryRetentionResult, days: number, cutoff: string): string {
  if (result.marker === null) {
    return `Nothing to remove: no entry started before ${formatWhen(cutoff)} (${days} days ago); ${count(result.kept)} kept.\n`;
  }
  return (
    `Removed ${count(result.removed)} that started before ${formatWhen(result.marker.cutoff)} (${days} days ago); ` +
    `${count(result.kept)} kept. The removal is recorded in the history (seq ${result.marker.seq}), ` +
    'so "zpa history verify" still checks every remaining entry.\n'
  );
}

/** <days>: a whole number from 1 to MAX_RETENTION_DAYS. */
export function parseDays(value: string): number {
  const trimmed = value.trim();
  const n = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_RETENTION_DAYS) {
    throw new InvalidArgumentError(`Give a whole number of days from 1 to ${MAX_RETENTION_DAYS}.`);
  }
  return n;
}

function count(n: number): string {
  return n === 1 ? '1 entry' : `${n} entries`;
}

function records(n: number): string {
  return n === 1 ? '1 record' : `${n} records`;
}
