import type { UiError } from '../api/client';
import type { TokenStatus } from '../../../shared/ipc/contract';
import { Icon } from './Icon';
import { TokenPill } from './TokenPill';

/** The top bar: the screen's title, where requests go, and whether a token is stored. */
export function StatusHeader({
  title,
  titleId,
  apiBase,
  tokenStatus,
  tokenError,
}: {
  title: string;
  titleId: string;
  apiBase: string | null;
  tokenStatus: TokenStatus | null;
  tokenError: UiError | null;
}) {
  return (
    <header className="status-header">
      <h1 id={titleId} className="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <div className="status-items" role="group" aria-label="Connection status">
        {apiBase === null ? null : (
          <span className="api-base" title={`Requests go to ${apiBase}`}>
            <Icon name="server" size={14} />
            <span className="visually-hidden">API base: </span>
            <span className="api-base-url">{apiBase.replace(/^https:\/\//, '')}</span>
          </span>
        )}
        <TokenPill status={tokenStatus} error={tokenError} />
      </div>
    </header>
  );
}
