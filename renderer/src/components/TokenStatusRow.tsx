import type { TokenStatus } from '../../../shared/ipc/contract';
import { formatDateTime, formatRelative } from '../format/time';
import { Icon } from './Icon';

/** Stored or not, and since when; never the token. */
export function TokenStatusRow({ status }: { status: TokenStatus | null }) {
  if (status === null) {
    return (
      <div className="token-status" data-token-stored="unknown">
        <span className="token-status-icon tone-neutral">
          <Icon name="lock" size={20} />
        </span>
        <div>
          <p className="token-status-title">Token state unknown</p>
          <p className="token-status-detail">The keychain could not be read.</p>
        </div>
      </div>
    );
  }
  return status.stored ? (
    <div className="token-status" data-token-stored="true">
      <span className="token-status-icon tone-success">
        <Icon name="shield-check" size={20} />
      </span>
      <div>
        <p className="token-status-title">A token is stored in the OS keychain</p>
        <p className="token-status-detail">
          {status.storedAt === null ? (
            'Stored at an unknown time.'
          ) : (
            <>
              Stored <time dateTime={status.storedAt}>{formatDateTime(status.storedAt)}</time> (
              {formatRelative(status.storedAt)}).
            </>
          )}
        </p>
      </div>
    </div>
  ) : (
    <div className="token-status" data-token-stored="false">
      <span className="token-status-icon tone-neutral">
        <Icon name="lock" size={20} />
      </span>
      <div>
        <p className="token-status-title">No token stored</p>
        <p className="token-status-detail">Store one to change passwords. History stays readable without it.</p>
      </div>
    </div>
  );
}
