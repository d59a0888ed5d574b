import type { HistoryProblem, HistoryVerifyResult } from '../../../shared/domain/history';
import { formatCount, formatDateTime } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';

const PROBLEM_TITLES: Readonly<Record<HistoryProblem['kind'], string>> = {
  altered: 'The history was altered',
  removed: 'Entries were removed from the history',
  reordered: 'Entries in the history were reordered',
  unreadable: 'The history has a damaged line',
};

const PROBLEM_ADVICE: Readonly<Record<HistoryProblem['kind'], string>> = {
  altered:
    'Keep history.jsonl as it is: it is the evidence. Compare it with a backup or an earlier export to see what changed, and tell whoever is responsible for this computer. Entries before this line are intact.',
  removed:
    'Keep history.jsonl as it is. Restore it from a backup or compare it with an earlier export to see which entries are missing, and tell whoever is responsible for this computer. Entries before this line are intact.',
  reordered:
    'Keep history.jsonl as it is. Compare it with a backup or an earlier export, and tell whoever is responsible for this computer. Entries before this line are intact.',
  unreadable:
    'The line may have been damaged by a disk problem or edited by hand. The app keeps a copy of a damaged file before it repairs it; compare it with a backup or an earlier export. Entries before this line are intact.',
};

function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

function checkedText(checked: number, markers: number): string {
  const kept = Math.min(markers, checked);
  const entries = plural(checked - kept, 'entry', 'entries');
  return kept === 0
    ? entries
    : `${entries} and ${plural(kept, 'retention or repair record', 'retention or repair records')}`;
}

/** Notes that qualify a result: entries not covered, lines skipped, the last retention run. */
function Caveats({ result }: { result: HistoryVerifyResult }) {
  const notes: string[] = [];
  if (result.unchained > 0) {
    notes.push(
      `${plural(result.unchained, 'entry was', 'entries were')} written before the history was hash-chained: listed, but not covered.`,
    );
  }
  if (result.skippedLines > 0) {
    notes.push(
      `${plural(result.skippedLines, 'line', 'lines')} left by an interrupted write (a crash) skipped: not entries.`,
    );
  }
  if (result.retention !== null) {
    notes.push(
      `Retention of ${plural(result.retention.days, 'day', 'days')} removed ${plural(result.retention.removed, 'entry', 'entries')} on ${formatDateTime(result.retention.at)}; the check starts where that run left the chain.`,
    );
  }
  if (notes.length === 0) return null;
  return (
    <ul className="verify-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}

/** What "Verify history" found: intact (with the last hash to note down), or the first problem and what to do. */
export function VerifyReport({
  result,
  markers,
  onDismiss,
}: {
  result: HistoryVerifyResult;
  /** Retention and repair records among those checked (the rest are entries). */
  markers: number;
  onDismiss: () => void;
}) {
  const problem = result.firstProblem;
  const ok = result.ok && problem === undefined;
  return (
    <section
      className={`callout history-notice verify-report ${ok ? 'callout-success' : 'callout-danger'}`}
      role={ok ? 'status' : 'alert'}
      aria-labelledby="verify-title"
      data-testid="verify-result"
      data-ok={ok}
    >
      <Icon name={ok ? 'shield-check' : 'shield-x'} size={20} className="callout-icon" />
      <div className="callout-body">
        {ok ? (
          <>
            <h2 id="verify-title" className="callout-title">
              History intact
            </h2>
            <p data-testid="verify-checked">
              {checkedText(result.checked, markers)} checked: none was altered, removed or reordered.
            </p>
            {result.lastHash === null ? null : (
              <p className="verify-hash">
                <span className="verify-label">Last record #{formatCount(result.lastSeq ?? 0)}, hash</span>
                <code className="mono" data-testid="verify-last-hash">
                  {result.lastHash}
                </code>
                <CopyButton value={result.lastHash} label="Copy last hash" />
              </p>
            )}
            {result.lastHash === null ? null : (
              <p className="callout-action">
                Note this hash somewhere else: if the newest entries are ever deleted, the last hash will no longer
                match.
              </p>
            )}
          </>
        ) : (
          <>
            <h2 id="verify-title" className="callout-title">
              {problem ? PROBLEM_TITLES[problem.kind] : 'The history could not be verified'}
            </h2>
            {problem ? (
              <>
                <p className="verify-where" data-testid="verify-where">
                  Line {formatCount(problem.lineNumber)} of history.jsonl
                  {problem.seq === null ? '' : `, record #${formatCount(problem.seq)}`}
                  {problem.id === null ? '' : `, request ID ${problem.id}`}
                  <span className="badge badge-danger badge-small verify-kind">{problem.kind}</span>
                </p>
                <p>{problem.detail}</p>
                <p className="callout-action">
                  <strong>What to do: </strong>
                  {PROBLEM_ADVICE[problem.kind]}
                </p>
              </>
            ) : null}
          </>
        )}
        <Caveats result={result} />
      </div>
      <button
        type="button"
        className="button button-icon button-quiet notice-dismiss"
        onClick={onDismiss}
        aria-label="Dismiss"
        title="Dismiss"
      >
        <Icon name="x" size={16} />
      </button>
    </section>
  );
}
