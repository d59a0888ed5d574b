import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BulkRunStatus } from '../../shared/ipc/bulk-schemas';
import { bulkExitCode } from '../../electron/cli/commands/bulk';
import { ProgressPrinter, progressLine, rowLine } from '../../electron/cli/commands/bulk-progress';
import { BULK_STATUS } from './bulk-ipc-fixtures';

function status(
  over: Partial<Omit<BulkRunStatus, 'counts'>> & { counts?: Partial<BulkRunStatus['counts']> },
): BulkRunStatus {
  return { ...BULK_STATUS, ...over, counts: { ...BULK_STATUS.counts, ...over.counts } };
}

describe('zpa bulk output', () => {
  it('a progress line with bar, counts, rate and time left', () => {
    const line = progressLine(
      status({
        state: 'running',
        counts: { total: 300, done: 150, updated: 148, failed: 1, unknown: 1, remaining: 150 },
        ratePerSecond: 19.4,
        etaSeconds: 8,
      }),
    );
    assert.equal(
      line,
      '[############............] 150/300 · 148 updated · 1 failed · 1 unknown · 150 remaining · 19.4/s · 8 s left',
    );
  });

  it('plain lines: one per finished row, once; on a terminal only the rows that did not end updated', () => {
    const rows: BulkRunStatus['rows'] = [
      { index: 1, user: 'ana@example.com', state: 'updated', outcome: 'updated', trackingId: 'trk-1', attempts: 1 },
      {
        index: 2,
        user: 'bo@example.com',
        state: 'failed',
        outcome: 'rejected',
        zoomCode: 1129,
        message: 'Reused.',
        attempts: 1,
      },
      { index: 3, user: 'cy@example.com', state: 'sending', attempts: 1 },
    ];
    const plain: string[] = [];
    const printer = new ProgressPrinter({ write: (t) => plain.push(t) }, false);
    printer.update(status({ rows }));
    printer.update(status({ rows }));
    assert.deepEqual(plain, [
      'row 1 · ana@example.com · updated · tracking id trk-1\nrow 2 · bo@example.com · failed · Zoom code 1129 · Reused.\n',
    ]);
    const tty: string[] = [];
    const onTerminal = new ProgressPrinter({ write: (t) => tty.push(t) }, true);
    onTerminal.update(status({ rows }));
    onTerminal.finish();
    assert.match(tty[0] ?? '', /^row 2 · bo@example.com · failed[^\n]*\n\[/);
    assert.equal(tty.at(-1), '\n');
    assert.equal(rowLine({ index: 4, user: 'x\ny', state: 'unknown', attempts: 1 }), 'row 4 · x y · unknown');
  });

  it('exit codes: 0 all updated, 1 some refused, 4 unfinished or unknown', () => {
    assert.equal(bulkExitCode(status({})), 0);
    assert.equal(bulkExitCode(status({ counts: { failed: 1 } })), 1);
    assert.equal(bulkExitCode(status({ counts: { unknown: 1 } })), 4);
    assert.equal(bulkExitCode(status({ state: 'daily_limit' })), 4);
    assert.equal(bulkExitCode(status({ dryRun: true, counts: { ineligible: 2 } })), 1);
  });
});
