import type { BulkRunStatus } from '../../../shared/ipc/contract';
import { formatCount, formatWait } from '../format/time';

function percent(part: number, total: number): string {
  return `${total === 0 ? 0 : (part / total) * 100}%`;
}

function rateText(status: BulkRunStatus): string {
  if (status.state !== 'running') return '—';
  const rate = status.ratePerSecond;
  return `${rate < 10 ? rate.toFixed(1) : Math.round(rate)} / s`;
}

function etaText(status: BulkRunStatus): string {
  if (status.counts.remaining === 0) return 'None';
  if (status.state === 'paused') return 'Paused';
  if (status.state === 'daily_limit') return 'On hold';
  if (status.state !== 'running') return '—';
  return status.etaSeconds === null ? 'Working it out…' : formatWait(status.etaSeconds);
}

/**
 * The run's progress: one bar split by outcome (colour plus the numbers beside it, never colour alone),
 * then done / failed / to check / remaining, the current pace against the limit, and the time left.
 */
export function BulkProgress({ status }: { status: BulkRunStatus }) {
  const { total, done, updated, failed, unknown, remaining, eligible, ineligible } = status.counts;
  const good = status.dryRun ? eligible : updated;
  const bad = status.dryRun ? ineligible : failed;
  // Done rows that are neither (cancelled ones, a dry run's failed lookups) still fill the bar.
  const other = Math.max(0, done - good - bad - unknown);
  const stats: { key: string; label: string; value: string; tone?: string; hint?: string }[] = [
    { key: 'done', label: 'Done', value: `${formatCount(done)} of ${formatCount(total)}` },
    status.dryRun
      ? { key: 'updated', label: 'Eligible', value: formatCount(eligible), tone: 'success' }
      : { key: 'updated', label: 'Updated', value: formatCount(updated), tone: 'success' },
    status.dryRun
      ? { key: 'failed', label: 'Not eligible', value: formatCount(ineligible), tone: bad > 0 ? 'danger' : undefined }
      : { key: 'failed', label: 'Failed', value: formatCount(failed), tone: bad > 0 ? 'danger' : undefined },
    ...(status.dryRun
      ? []
      : [
          {
            key: 'unknown',
            label: 'To check',
            value: formatCount(unknown),
            tone: unknown > 0 ? 'warning' : undefined,
            hint: 'Sent, but no answer came back: it may have applied. Never resent automatically.',
          },
        ]),
    { key: 'remaining', label: 'Remaining', value: formatCount(remaining) },
    {
      key: 'rate',
      label: 'Rate',
      value: rateText(status),
      hint: `Limit for this run: ${status.limitPerSecond} requests per second`,
    },
    { key: 'eta', label: 'Time left', value: etaText(status) },
  ];

  return (
    <div className="bulk-progress">
      <div
        className={`bulk-bar is-${status.state}`}
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)} rows done`}
      >
        <span className="bulk-bar-part is-good" style={{ width: percent(good, total) }} />
        <span className="bulk-bar-part is-bad" style={{ width: percent(bad, total) }} />
        <span className="bulk-bar-part is-unknown" style={{ width: percent(unknown, total) }} />
        <span className="bulk-bar-part is-other" style={{ width: percent(other, total) }} />
      </div>
      <dl className="bulk-stats">
        {stats.map((stat) => (
          <div key={stat.key} className="bulk-stat" title={stat.hint} data-stat={stat.key}>
            <dt>{stat.label}</dt>
            <dd className={stat.tone === undefined ? undefined : `tone-${stat.tone}`}>{stat.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
