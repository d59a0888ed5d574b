import { Icon } from './Icon';

/**
 * Why Zoom would refuse this change, said before anything is sent; the change button stays disabled.
 * "Send anyway" is the way past it for what a lookup cannot know (a role changed a minute ago, a stale answer).
 */
export function EligibilityBlock({
  title,
  reason,
  code,
  canSend,
  sending,
  onSendAnyway,
}: {
  title: string;
  reason: string;
  /** The Zoom code the change would meet, when known (1117, 1123). */
  code: number | null;
  /** The rest of the form is ready (a valid password typed twice). */
  canSend: boolean;
  sending: boolean;
  onSendAnyway: () => void;
}) {
  return (
    <div className="eligibility eligibility-blocked" data-testid="eligibility" data-eligible="false">
      <Icon name="shield-x" size={18} className="eligibility-icon" />
      <div className="eligibility-body">
        <p className="eligibility-title">{title}</p>
        <p className="eligibility-reason">
          {reason}
          {code === null ? null : <span className="eligibility-code"> Zoom would answer with code {code}.</span>}
        </p>
        <div className="eligibility-actions">
          <button
            type="button"
            className="button button-small button-danger-outline"
            disabled={!canSend || sending}
            onClick={onSendAnyway}
          >
            <Icon name="key" size={14} />
            Send anyway
          </button>
          <span className="eligibility-hint">
            {canSend
              ? 'Only if you know better than this check: Zoom has the final word.'
              : 'Type a valid new password twice first.'}
          </span>
        </div>
      </div>
    </div>
  );
}
