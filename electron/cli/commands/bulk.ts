import path from 'node:path';
import type { Command } from 'commander';
import type { BulkPreview, BulkRunStatus } from '../../../shared/ipc/bulk-schemas';
import { MAX_BULK_CONCURRENCY, MAX_BULK_RATE } from '../../../shared/ipc/bulk-schemas';
import type { CliContext } from '../context';
import { CliExit, usageError } from '../errors';
import { EXIT, type ExitCode } from '../exit-codes';
import { oneLine } from '../format';
import { checkAccountOption } from './account';
import { ProgressPrinter } from './bulk-progress';

interface BulkOptions {
  dryRun?: boolean;
  generate?: boolean;
  rate?: string;
  concurrency?: string;
  out?: string;
  passwordsOut?: string;
  resume?: string;
  rerunFailed?: string;
  list?: boolean;
  account?: string;
  reason?: string;
}

const POLL_MS = 250;

const HELP = `
The CSV (UTF-8, with or without BOM; comma or semicolon; quoted fields; CRLF or LF) has a column for the
user (id or e-mail), found by its header email, user, user_id or id (any case), and optionally a password
column (header: password). Rows without a password need --generate (a password meeting the account's
policy). Rows with a problem (invalid user, a password breaking the policy, a duplicate user, an empty row)
are listed on stderr and left out, never corrected.

Every request goes through the account's rate limit (zpa/the app: Free 2/s and 2,000/day, Pro 20/s,
Business and up 60/s; edit it in the app) and is recorded in the history with the run's id. A 429 is
retried after Zoom's Retry-After; Zoom's daily limit pauses the run. A row whose answer was lost
("unknown") is never sent again: check that user (zpa password set --check).
The run is journalled in the data folder as it goes: after a crash, Ctrl-C or a kill, resume it with
--resume <run-id>; rows already sent are never sent again.

Generated passwords are written only to --passwords-out FILE (appended, owner-only), each one flushed to
disk before its request is sent. Keep that file safe and delete it once the passwords are handed over.

Examples:
  zpa bulk users.csv --dry-run                   look every user up; nothing is changed
  zpa bulk users.csv --generate --passwords-out new-passwords.csv --out results.csv
  zpa bulk users.csv --rate 5 --reason "INC-4711"   (users.csv has a password column)
  zpa bulk users.csv --resume run-20260301-142233-k3x9qa
  zpa bulk --rerun-failed run-20260301-142233-k3x9qa
  zpa bulk --list                                the runs in the data folder, and which can be resumed

Prints "run id: <id>" first; then a progress line on a terminal, plain lines (one per finished row)
otherwise. Exit codes: 0 every row updated (dry run: every user eligible); 1 some rows refused (or not
eligible); 2 invalid input or usage: nothing sent; 4 the run could not finish (daily limit, token
refused, network, unknown outcomes); 130 interrupted (Ctrl-C): the run is paused, resume it.
`;

function positive(value: string | undefined, name: string, max: number, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max || (integer && !Number.isInteger(n))) {
    throw usageError(`${name} must be ${integer ? 'a whole number' : 'a number'} above 0 and at most ${max}.`);
  }
  return n;
}

function absolute(file: string): string {
  return path.resolve(process.cwd(), file);
}

/** The exit code for where a run ended (issue 6: 0 all updated, 1 some refused, 4 could not finish). */
export function bulkExitCode(status: BulkRunStatus): ExitCode {
  const { counts } = status;
  if (status.state !== 'finished' || counts.unknown > 0) return EXIT.incomplete;
  if (status.dryRun) return counts.ineligible > 0 || counts.failed > 0 ? EXIT.refused : EXIT.ok;
  return counts.failed > 0 ? EXIT.refused : EXIT.ok;
}

function reportPreview(ctx: CliContext, preview: BulkPreview): void {
  const excluded = preview.rows.filter((r) => !r.included);
  for (const row of excluded) {
    const problems = row.problems.map((p) => oneLine(p.message)).join(' ');
    ctx.stderr.write(
      `zpa: row ${row.index} (line ${row.line}${row.user ? `, ${oneLine(row.user)}` : ''}) left out: ${problems}\n`,
    );
  }
  if (preview.message !== null) ctx.stderr.write(`zpa: ${oneLine(preview.message)}\n`);
  if (preview.policy.source === 'basic' && preview.policy.reason !== null) {
    ctx.stderr.write(`zpa: passwords are checked against Zoom's basic rules: ${oneLine(preview.policy.reason)}\n`);
  }
  const { counts } = preview;
  ctx.stderr.write(
    `zpa: ${preview.fileName}: ${counts.rows} rows, ${counts.included} to send, ${counts.excluded} left out` +
      `${counts.withoutPassword > 0 ? `, ${counts.withoutPassword} without a password` : ''}.\n`,
  );
}

function listRuns(ctx: CliContext): void {
  const runs = ctx.core().bulk.list();
  if (runs.length === 0) {
    ctx.stdout.write('No bulk runs in this data folder.\n');
    return;
  }
  for (const run of runs) {
    const c = run.counts;
    ctx.stdout.write(
      `${run.runId}  ${run.state}${run.dryRun ? ' (dry run)' : ''}  ${oneLine(run.fileName)}  ${oneLine(run.account)}  ` +
        `${c.done}/${c.total} done, ${c.updated} updated, ${c.failed} failed, ${c.unknown} unknown` +
        `${run.resumable ? `  → resume: zpa bulk --resume ${run.runId}` : ''}\n`,
    );
  }
}

/** `zpa bulk <file.csv>`: a bulk run from a CSV, resumable, with a progress line or plain lines. */
export function registerBulkCommand(program: Command, ctx: CliContext): void {
  program
    .command('bulk')
    .description("change many users' passwords from a CSV file, at the pace Zoom's rate limit allows")
    .usage(
      '<file.csv> [--dry-run] [--generate] [--rate N] [--concurrency N] [--out results.csv] [--passwords-out FILE] [--resume <run-id>]',
    )
    .argument('[file.csv]', 'the CSV file of users (and optionally passwords)')
    .option('--dry-run', 'look every user up and report eligibility; nothing is changed')
    .option('--generate', "generate a password (the account's policy) for rows without one")
    .option('--rate <n>', "requests per second for this run (at most the account's limit)")
    .option('--concurrency <n>', 'requests in flight at once (default: enough for the rate)')
    .option('--out <results.csv>', 'write the results (user, outcome, Zoom code, message, tracking id) as CSV')
    .option('--passwords-out <file>', 'append each generated password to this file before its request is sent')
    .option('--resume <run-id>', 'resume a run that was paused, interrupted or killed')
    .option('--rerun-failed <run-id>', 'start a new run with the failed rows of a finished run')
    .option('--list', 'list the runs in the data folder')
    .option('--account <name>', 'the Zoom account to use (default: the active one)')
    .option('--reason <text>', 'why (a reason or ticket number), kept with every history entry of the run')
    .addHelpText('after', HELP)
    .action(async (fileArg: string | undefined, options: BulkOptions) => {
      if (options.list === true) {
        listRuns(ctx);
        return;
      }
      const rate = positive(options.rate, '--rate', MAX_BULK_RATE, false);
      const concurrency = positive(options.concurrency, '--concurrency', MAX_BULK_CONCURRENCY, true);
      if (options.resume !== undefined && options.rerunFailed !== undefined) {
        throw usageError('Give --resume or --rerun-failed, not both.');
      }
      if (fileArg === undefined && options.resume === undefined && options.rerunFailed === undefined) {
        throw usageError('zpa bulk needs a CSV file (or --resume <run-id>). See: zpa bulk --help');
      }
      const core = ctx.core();
      const account = await checkAccountOption(ctx, options.account);
      const file = fileArg === undefined ? undefined : absolute(fileArg);
      const passwordsOut = options.passwordsOut === undefined ? undefined : absolute(options.passwordsOut);

      let runId: string;
      if (options.resume !== undefined) {
        runId = options.resume.trim();
        await core.bulk.resume(runId, file === undefined ? {} : { file });
      } else if (options.rerunFailed !== undefined) {
        runId = await core.bulk.rerunFailed(options.rerunFailed.trim(), file === undefined ? {} : { file });
      } else {
        const preview = await core.bulk.preview(file as string, account === undefined ? {} : { account });
        reportPreview(ctx, preview);
        if (passwordsOut !== undefined) {
          ctx.stderr.write(
            `zpa: generated passwords are appended to ${passwordsOut}: keep that file safe and delete it once they are handed over.\n`,
          );
        }
        runId = await core.bulk.start({
          importId: preview.importId,
          generate: options.generate === true,
          ...(passwordsOut === undefined ? {} : { passwordsOut }),
          ...(rate === undefined ? {} : { rate }),
          ...(concurrency === undefined ? {} : { concurrency }),
          dryRun: options.dryRun === true,
          ...(options.reason === undefined ? {} : { reason: options.reason }),
          ...(account === undefined ? {} : { account }),
        });
      }
      ctx.stdout.write(`run id: ${runId}\n`);

      const printer = new ProgressPrinter(ctx.stdout, ctx.io.stdout.isTTY === true);
      let interrupted = false;
      const onSigint = (): void => {
        interrupted = true;
        ctx.stderr.write('\nzpa: pausing: requests in flight finish first…\n');
        void core.bulk.pause(runId).catch(() => undefined);
      };
      process.once('SIGINT', onSigint);
      const timer = setInterval(() => printer.update(core.bulk.status(runId)), POLL_MS);
      let status: BulkRunStatus;
      try {
        status = await core.bulk.wait(runId);
      } finally {
        clearInterval(timer);
        process.off('SIGINT', onSigint);
      }
      printer.update(status);
      printer.finish();
      if (options.out !== undefined) {
        const saved = core.bulk.exportResults(runId, absolute(options.out));
        ctx.stdout.write(`results: ${saved.file} (${saved.rows} rows)\n`);
      }
      ctx.stdout.write(`${oneLine(status.message)}\n`);
      if (interrupted && status.state === 'paused') {
        throw new CliExit(EXIT.interrupted, `Paused. Resume with: zpa bulk --resume ${runId}`);
      }
      const code = bulkExitCode(status);
      if (code === EXIT.incomplete && status.state !== 'finished') {
        throw new CliExit(code, `The run did not finish (${status.state}). Resume with: zpa bulk --resume ${runId}`);
      }
      if (code !== EXIT.ok) throw new CliExit(code, '');
    });
}
