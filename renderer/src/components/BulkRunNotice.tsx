import type { ReactNode } from 'react';
import type { BulkRunStatus } from '../../../shared/ipc/contract';
import { formatCount, formatDateTime, formatWait } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon, type IconName } from './Icon';

function Notice({
  tone,
  icon,
  title,
  children,
  testId,
}: {
  tone: 'warning' | 'info' | 'success';
  icon: IconName;
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <div className={`callout callout-${tone} bulk-notice`} role="status" data-testid={testId}>
      <Icon name={icon} size={18} className="callout-icon" />
      <div className="callout-body">
        <p className="callout-title">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** What the run's state means and what to do: a daily-limit pause, an interrupted run, rows to check. */
export function BulkRunNotice({ status, now }: { status: BulkRunStatus; now: number }) {
  const notices = [];
  if (status.state === 'daily_limit') {
    const wait = status.resumeAt === null ? null : Math.max(0, (Date.parse(status.resumeAt) - now) / 1000);
    notices.push(
      <Notice
        key="daily"
        tone="warning"
        icon="clock"
        title="Paused: the account's daily limit is reached"
        testId="bulk-daily-limit"
      >
        <p>
          {status.resumeAt === null || wait === null
            ? 'Zoom did not say when the limit resets. Resume the run later; rows already done are not sent again.'
            : `The run goes on by itself at ${formatDateTime(status.resumeAt)} (in ${formatWait(wait)}). You can leave this screen or cancel the run meanwhile.`}
        </p>
      </Notice>,
    );
  } else if (status.state === 'interrupted') {
    notices.push(
      <Notice
        key="interrupted"
        tone="warning"
        icon="alert"
        title="This run stopped before the end"
        testId="bulk-interrupted"
      >
        <p className="callout-action">
          Resume sends only the {formatCount(status.counts.remaining)} rows not done yet; rows already sent are never
          sent again.
        </p>
      </Notice>,
    );
  }
  if (status.counts.unknown > 0 && !status.dryRun) {
    const n = status.counts.unknown;
    notices.push(
      <Notice
        key="unknown"
        tone="warning"
        icon="help"
        title={`${formatCount(n)} ${n === 1 ? 'row needs' : 'rows need'} a check`}
        testId="bulk-unknown"
      >
        <p>
          {n === 1
            ? 'Its request was sent but no answer came back: Zoom may have applied it. It is never resent automatically.'
            : 'Their requests were sent but no answers came back: Zoom may have applied them. They are never resent automatically.'}{' '}
          Check with the user (can they sign in with the new password?) before changing it again. The “Needs a check”
          tab lists {n === 1 ? 'it' : 'them'}, and the export marks {n === 1 ? 'it' : 'them'} as unknown.
        </p>
      </Notice>,
    );
  }
  if (status.passwordsFile !== null) {
    notices.push(
      <Notice
        key="file"
        tone="info"
        icon="lock"
        title="Generated passwords are written to a file"
        testId="bulk-passwords-file"
      >
        <p className="bulk-notice-path">
          <code>{status.passwordsFile}</code>
          <CopyButton value={status.passwordsFile} label="Copy file path" />
        </p>
        <p className="callout-action">It holds the passwords in plain text: hand them over, then delete the file.</p>
      </Notice>,
    );
  }
  return notices.length === 0 ? null : <div className="bulk-notices">{notices}</div>;
}
