import type { AppInfo } from '../../../shared/ipc/contract';
import { CLOUD_LABELS, CREDENTIAL_LABELS, type AccountView } from '../accounts/account-model';
import { ClipboardCard } from './ClipboardCard';
import { CopyButton } from './CopyButton';
import { Icon } from './Icon';
import { RetentionCard } from './RetentionCard';

/** The account in use (managed on the Accounts screen), history retention, and where the app keeps its data. */
export function SettingsScreen({
  info,
  active,
  onManageAccounts,
}: {
  info: AppInfo | null;
  active: AccountView | null;
  onManageAccounts: () => void;
}) {
  return (
    <div className="settings">
      <section className="card" aria-labelledby="account-card-title">
        <div className="card-header">
          <h2 id="account-card-title" className="card-title">
            Zoom account
          </h2>
          <p className="card-subtitle">Accounts, their credentials and connection tests are on the Accounts screen.</p>
        </div>
        <dl className="card-body facts">
          <div className="fact">
            <dt>Active account</dt>
            <dd data-field="active-account">
              {active === null ? (
                'None set up yet'
              ) : (
                <>
                  <strong>{active.name}</strong>
                  <span className="fact-note-inline">
                    {CLOUD_LABELS[active.cloud]} · {CREDENTIAL_LABELS[active.credential.kind]}
                  </span>
                </>
              )}
            </dd>
          </div>
          <div className="fact">
            <dt>Requests go to</dt>
            <dd>
              <code className="fact-value">{active?.apiBase ?? info?.apiBase ?? 'Unknown'}</code>
              {info?.demo === true ? <span className="pill pill-warning">Demo simulator</span> : null}
            </dd>
          </div>
        </dl>
        <div className="card-footer">
          <button type="button" className="button" onClick={onManageAccounts}>
            <Icon name="building" size={16} />
            Manage accounts
          </button>
        </div>
      </section>

      <RetentionCard />

      <ClipboardCard />

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
              The request history and settings (accounts without their secrets). Passwords, tokens and client secrets
              are never written to it.
            </dd>
          </div>
          <div className="fact">
            <dt>Version</dt>
            <dd>{info === null ? 'Unknown' : `${info.productName} ${info.version} on ${info.platform}`}</dd>
          </div>
        </dl>
      </section>
    </div>
  );
}
