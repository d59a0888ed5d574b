import type { UiError } from '../api/client';
import type { TokenStatus } from '../../../shared/ipc/contract';
import { formatDateTime } from '../format/time';
import { Icon } from './Icon';

/** Whether a token is stored, as a coloured pill with words (never colour alone). */
export function TokenPill({ status, error }: { status: TokenStatus | null; error: UiError | null }) {
  if (error !== null && status === null) {
    return (
      <span className="pill pill-danger" data-token-state="error" title={error.action ?? error.message}>
        <Icon name="alert" size={14} />
        Keychain unavailable
      </span>
    );
  }
  if (status === null) {
    return (
      <span className="pill pill-neutral" data-token-state="loading">
        Checking token…
      </span>
    );
  }
  return status.stored ? (
    <span
      className="pill pill-success"
      data-token-state="stored"
      title={status.storedAt === null ? 'Stored in the OS keychain' : `Stored ${formatDateTime(status.storedAt)}`}
    >
      <span className="status-dot" aria-hidden="true" />
      Token stored
    </span>
  ) : (
    <span className="pill pill-neutral" data-token-state="none">
      <span className="status-dot" aria-hidden="true" />
      No token
    </span>
  );
}
