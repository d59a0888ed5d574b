import type { BulkRunSummary } from '../../../shared/ipc/contract';
import { RUN_STATE_STYLE } from '../bulk/row-states';
import { formatCount } from '../format/time';
import { Icon } from './Icon';
import { Timestamp } from './Timestamp';

const SHOWN = 8;

/** The latest runs (journalled in the data folder), each with its counts and a way back to its rows. */
export function BulkRecentRuns({ runs, onOpen }: { runs: readonly BulkRunSummary[]; onOpen: (runId: string) => void }) {
  if (runs.length === 0) return null;
  return (
    <section className="card bulk-recent" aria-labelledby="bulk-recent-title">
      <div className="card-header">
        <h2 id="bulk-recent-title" className="card-title">
          Recent runs
        </h2>
        <p className="card-subtitle">Kept in the data folder; each request is also in the History.</p>
      </div>
      <ul className="bulk-recent-list">
        {runs.slice(0, SHOWN).map((run) => {
          const style = RUN_STATE_STYLE[run.state];
          const { updated, failed, unknown, total, eligible, ineligible } = run.counts;
          return (
            <li key={run.runId} className="bulk-recent-item" data-run-id={run.runId}>
              <Icon name={run.dryRun ? 'search' : 'layers'} size={18} className="bulk-recent-icon" />
              <div className="bulk-recent-text">
                <span className="bulk-recent-name">
                  {run.fileName}
                  {run.dryRun ? <span className="pill pill-neutral bulk-pill">Dry run</span> : null}
                </span>
                <span className="bulk-recent-meta">
                  <Timestamp iso={run.createdAt} compact /> · {run.account} · {formatCount(total)}{' '}
                  {total === 1 ? 'row' : 'rows'} ·{' '}
                  {run.dryRun
                    ? `${formatCount(eligible)} eligible, ${formatCount(ineligible)} not`
                    : `${formatCount(updated)} updated, ${formatCount(failed)} failed${unknown > 0 ? `, ${formatCount(unknown)} to check` : ''}`}
                </span>
              </div>
              <span className={`badge badge-small badge-${style.tone}`}>
                <Icon name={style.icon} size={12} />
                {style.label}
              </span>
              <button
                type="button"
                className="button button-small"
                onClick={() => onOpen(run.runId)}
                aria-label={`Open the run of ${run.fileName}`}
              >
                Open
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
