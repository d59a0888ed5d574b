import { useEffect, useRef, type ReactNode } from 'react';
import { entryOutcomeLabel, type HistoryEntry } from '../../../shared/domain/history';
import { OUTCOME_HEADLINES, OUTCOME_STYLE } from '../format/outcome';
import { formatDuration } from '../format/time';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { OutcomeBadge } from './OutcomeBadge';
import { ResultAdvice } from './ResultAdvice';
import { Timestamp } from './Timestamp';

/** What Zoom answered, in plain words first and with the details support will ask for. */
export function ResultPanel({
  entry,
  onOpenSettings,
  focusTitle,
  children,
}: {
  entry: HistoryEntry;
  onOpenSettings: () => void;
  /** Move focus here when the answer just came in (the emptied form leaves nothing focused). */
  focusTitle: boolean;
  /** What can be done next (copy the new password, check an unknown outcome), under the advice. */
  children?: ReactNode;
}) {
  const confirmed = entry.outcome === 'updated' && entry.confirmed === true;
  const tone = OUTCOME_STYLE[entry.outcome].tone;
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, [focusTitle]);
  return (
    <section
      className={`result result-${tone}`}
      aria-labelledby="result-title"
      data-outcome={entry.outcome}
      data-confirmed={confirmed ? 'true' : undefined}
      data-testid="result"
    >
      <div className="result-header">
        <span className={`icon-disc tone-${tone}`}>
          <Icon name={OUTCOME_STYLE[entry.outcome].icon} size={24} />
        </span>
        <div className="result-heading">
          <h2 id="result-title" className="result-title" ref={titleRef} tabIndex={-1}>
            {confirmed ? 'Password change confirmed' : OUTCOME_HEADLINES[entry.outcome]}
          </h2>
          <p className="result-meta">
            <OutcomeBadge outcome={entry.outcome} size="small" label={entryOutcomeLabel(entry)} />{' '}
            <Timestamp iso={entry.at} />
          </p>
        </div>
      </div>
      <p className="result-message">{entry.message}</p>
      <ResultAdvice entry={entry} />
      {children}
      {entry.zoomMessage === null ? null : (
        <blockquote className="result-quote">
          <span className="caps-label caps-label-small result-quote-label">Zoom said</span>
          {entry.zoomMessage}
        </blockquote>
      )}
      <dl className="result-facts">
        <div className="result-fact-wide">
          <dt>User</dt>
          <dd className="break-all" data-field="user">
            {entry.userName == null || entry.userName === '' ? null : <strong>{entry.userName} </strong>}
            <span className="mono">{entry.user}</span>
          </dd>
        </div>
        {entry.reason == null ? null : (
          <div className="result-fact-wide">
            <dt>Reason</dt>
            <dd className="break-all" data-field="reason">
              {entry.reason}
            </dd>
          </div>
        )}
        <div>
          <dt>Zoom code</dt>
          <dd className={entry.zoomCode === null ? 'muted' : 'mono'} data-field="zoom-code">
            {entry.zoomCode ?? 'None'}
          </dd>
        </div>
        <div>
          <dt>HTTP status</dt>
          <dd className={entry.httpStatus === null ? 'muted' : 'mono'} data-field="http-status">
            {entry.httpStatus ?? 'No answer'}
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(entry.durationMs)}</dd>
        </div>
        <div className="result-fact-wide">
          <dt>Tracking ID</dt>
          <dd className={entry.trackingId === null ? 'muted' : 'mono tracking'} data-field="tracking-id">
            {entry.trackingId === null ? (
              'None received'
            ) : (
              <>
                <span className="tracking-value">{entry.trackingId}</span>
                <CopyButton value={entry.trackingId} label="Copy tracking ID" />
              </>
            )}
          </dd>
        </div>
      </dl>
      {entry.outcome === 'unauthorized' ? (
        <div className="form-actions">
          <button type="button" className="button" onClick={onOpenSettings}>
            <Icon name="building" size={16} />
            Open Accounts
          </button>
        </div>
      ) : null}
    </section>
  );
}
