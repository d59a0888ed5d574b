import type { ReactNode } from 'react';
import { CLOUD_LABELS, CREDENTIAL_LABELS, type AccountView } from '../accounts/account-model';
import { formatDateTime, formatRelative } from '../format/time';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** One account: where it connects, how it signs in, its secret's state, and what can be done with it. */
export function AccountCard({
  account,
  testing,
  busy,
  onTest,
  onActivate,
  onEdit,
  onRemove,
  children,
}: {
  account: AccountView;
  testing: boolean;
  busy: boolean;
  onTest: () => void;
  onActivate: () => void;
  onEdit: () => void;
  onRemove: () => void;
  /** The last test's result, under the facts. */
  children?: ReactNode;
}) {
  const titleId = `account-${account.id}-name`;
  const secretWord = account.credential.kind === 's2s' ? 'Client secret' : 'Access token';
  return (
    <li
      className={`card account-card${account.active ? ' is-active' : ''}`}
      aria-labelledby={titleId}
      data-account-id={account.id}
      data-active={account.active}
    >
      <div className="account-card-main">
        <span className={`account-avatar cloud-${account.cloud}`} aria-hidden="true">
          <Icon name="building" size={20} />
        </span>
        <div className="account-card-text">
          <div className="account-title">
            <h3 id={titleId} className="account-name">
              {account.name}
            </h3>
            {account.active ? (
              <span className="badge badge-success badge-small account-active-badge">
                <Icon name="check" size={12} />
                Active
              </span>
            ) : null}
          </div>
          <dl className="account-facts">
            <div>
              <dt>Cloud</dt>
              <dd data-field="cloud">
                {CLOUD_LABELS[account.cloud]}
                <code className="account-url" title={`Tokens: ${account.oauthBase}`}>
                  {account.apiBase}
                </code>
              </dd>
            </div>
            <div>
              <dt>Sign-in</dt>
              <dd data-field="credential">{CREDENTIAL_LABELS[account.credential.kind]}</dd>
            </div>
            {account.credential.kind === 's2s' ? (
              <>
                <div>
                  <dt>Account ID</dt>
                  <dd>
                    <code data-field="zoom-account-id">{account.credential.accountId}</code>
                  </dd>
                </div>
                <div>
                  <dt>Client ID</dt>
                  <dd>
                    <code data-field="client-id">{account.credential.clientId}</code>
                  </dd>
                </div>
              </>
            ) : null}
            <div>
              <dt>{secretWord}</dt>
              <dd data-field="secret" data-secret-stored={account.secretStored}>
                {account.secretStored ? (
                  <span className="secret-state tone-success">
                    <Icon name="shield-check" size={14} />
                    {account.secretStoredAt === null ? (
                      'In the OS keychain'
                    ) : (
                      <span>
                        In the OS keychain since{' '}
                        <time dateTime={account.secretStoredAt} title={formatRelative(account.secretStoredAt)}>
                          {formatDateTime(account.secretStoredAt)}
                        </time>
                      </span>
                    )}
                  </span>
                ) : (
                  <span className="secret-state tone-warning">
                    <Icon name="alert" size={14} />
                    Not in the keychain: edit the account to store it
                  </span>
                )}
              </dd>
            </div>
          </dl>
        </div>
      </div>
      <div className="account-actions" role="group" aria-label={`Actions for ${account.name}`}>
        <button type="button" className="button button-small" onClick={onTest} disabled={testing || busy}>
          {testing ? <Spinner /> : <Icon name="plug" size={14} />}
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        {account.active ? null : (
          <button type="button" className="button button-small" onClick={onActivate} disabled={busy}>
            <Icon name="star" size={14} />
            Make active
          </button>
        )}
        <span className="account-actions-spacer" />
        <button type="button" className="button button-small button-quiet" onClick={onEdit} disabled={busy}>
          <Icon name="pencil" size={14} />
          Edit…
        </button>
        <button
          type="button"
          className="button button-small button-quiet danger-text"
          onClick={onRemove}
          disabled={busy}
        >
          <Icon name="trash" size={14} />
          Remove…
        </button>
      </div>
      {children}
    </li>
  );
}
