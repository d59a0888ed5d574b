import { useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { UiError } from '../api/client';
import type { TokenState } from '../hooks/use-token-status';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyButton } from './CopyButton';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { RetentionCard } from './RetentionCard';
import { TokenForm } from './TokenForm';
import { TokenStatusRow } from './TokenStatusRow';

/** The access token (store, replace, remove) and where the app sends requests and keeps its data. */
export function SettingsScreen({ token, info }: { token: TokenState; info: AppInfo | null }) {
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<UiError | null>(null);
  const stored = token.status?.stored === true;

  const remove = async () => {
    setRemoving(true);
    const result = await token.clear();
    setRemoving(false);
    setConfirming(false);
    setRemoveError(result.ok ? null : result.error);
  };

  return (
    <div className="settings">
      <section className="card" aria-labelledby="token-card-title">
        <div className="card-header">
          <h2 id="token-card-title" className="card-title">
            Access token
          </h2>
          <p className="card-subtitle">
            Needs the scope <code>user:update:password:admin</code> or <code>user:write:admin</code>.
          </p>
        </div>
        <div className="card-body">
          <TokenStatusRow status={token.status} />
          {token.error === null ? null : <ErrorCallout error={token.error} title="The keychain cannot be read" />}
          {removeError === null ? null : <ErrorCallout error={removeError} title="The token was not removed" />}
          {replacing ? (
            <TokenForm
              submitLabel={stored ? 'Replace token' : 'Store token'}
              onStore={token.store}
              onStored={() => setReplacing(false)}
              onCancel={() => setReplacing(false)}
              autoFocus
            />
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setRemoveError(null);
                  setReplacing(true);
                }}
              >
                <Icon name="refresh" size={16} />
                {stored ? 'Replace…' : 'Store a token…'}
              </button>
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setConfirming(true)}
                disabled={!stored}
              >
                <Icon name="trash" size={16} />
                Remove…
              </button>
            </div>
          )}
        </div>
      </section>

      <section className="card" aria-labelledby="connection-card-title">
        <div className="card-header">
          <h2 id="connection-card-title" className="card-title">
            Connection
          </h2>
        </div>
        <dl className="card-body facts">
          <div className="fact">
            <dt>API base</dt>
            <dd>
              <code className="fact-value">{info?.apiBase ?? 'Unknown'}</code>
              {info?.demo === true ? <span className="pill pill-warning">Demo simulator</span> : null}
            </dd>
          </div>
          <div className="fact">
            <dt>Other endpoints</dt>
            <dd className="fact-note">
              Start the app with <code>ZPA_API_BASE_URL</code> set to use another base, such as Zoom for Government (
              <code>https://api.zoomgov.com/v2</code>).
            </dd>
          </div>
        </dl>
      </section>

      <RetentionCard />

      <section className="card" aria-labelledby="data-card-title">
        <div className="card-header">
          <h2 id="data-card-title" className="card-title">
            Data
          </h2>
        </div>
        <dl className="card-body facts">
          <div className="fact">
            <dt>Data folder</dt>
            <dd>
              <code className="fact-value">{info?.dataDir ?? 'Unknown'}</code>
              {info === null ? null : <CopyButton value={info.dataDir} label="Copy data folder path" />}
            </dd>
          </div>
          <div className="fact">
            <dt>Stored there</dt>
            <dd className="fact-note">
              The request history and settings. Passwords and the token are never written to it.
            </dd>
          </div>
          <div className="fact">
            <dt>Version</dt>
            <dd>{info === null ? 'Unknown' : `${info.productName} ${info.version} on ${info.platform}`}</dd>
          </div>
        </dl>
      </section>

      <ConfirmDialog
        open={confirming}
        title="Remove the access token?"
        confirmLabel="Remove token"
        busy={removing}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          The token is deleted from the OS keychain. Passwords cannot be changed until you store a new one; the history
          stays.
        </p>
      </ConfirmDialog>
    </div>
  );
}
