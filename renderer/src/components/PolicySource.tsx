import type { AccountPolicy } from '../../../shared/domain/policy';
import type { UiError } from '../api/client';
import { formatAsOf, formatDateTime } from '../format/time';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/**
 * Where the rules above come from: the account's own policy (and when it was read), or Zoom's basic rules and
 * why; with a refresh, because an admin may just have changed the policy in Zoom's web portal.
 */
export function PolicySource({
  policy,
  loading,
  error,
  onRefresh,
}: {
  policy: AccountPolicy | null;
  loading: boolean;
  error: UiError | null;
  onRefresh: () => void;
}) {
  let text;
  if (policy === null && loading) {
    text = <span>Reading the account’s password policy…</span>;
  } else if (policy === null) {
    text = <span>Zoom’s basic rules: the policy could not be read. {error?.message ?? ''}</span>;
  } else if (policy.source === 'account') {
    text = (
      <span>
        Account policy
        {policy.asOf === null ? null : (
          <>
            {' '}
            as of{' '}
            <time dateTime={policy.asOf} title={formatDateTime(policy.asOf)}>
              {formatAsOf(policy.asOf)}
            </time>
          </>
        )}
        {policy.policy.weakDetection ? '. Zoom also refuses common weak passwords.' : '.'}
      </span>
    );
  } else {
    text = <span>Zoom’s basic rules{policy.reason === null ? '.' : `: ${policy.reason}`}</span>;
  }
  return (
    <div className="policy-source" data-testid="policy-source" data-source={policy?.source ?? 'none'}>
      <Icon name={policy?.source === 'account' ? 'shield-check' : 'info'} size={14} className="policy-source-icon" />
      <p className="policy-source-text">{text}</p>
      <button
        type="button"
        className="button button-quiet button-icon policy-refresh"
        aria-label="Refresh the password policy"
        title="Read the policy from Zoom again"
        disabled={loading}
        onClick={onRefresh}
      >
        {loading && policy !== null ? <Spinner /> : <Icon name="refresh" size={14} />}
      </button>
    </div>
  );
}
