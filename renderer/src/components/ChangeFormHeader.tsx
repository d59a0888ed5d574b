import { CLOUD_LABELS, type AccountView } from '../accounts/account-model';
import { Icon } from './Icon';

/** The change form's title, and the account the change runs against. */
export function ChangeFormHeader({ account }: { account: AccountView | null }) {
  return (
    <div className="card-header">
      <h2 id="change-form-title" className="card-title">
        Set a new password
      </h2>
      <p className="card-subtitle">Zoom e-mails the user when their password changes.</p>
      {account === null ? null : (
        <p className="runs-against" data-testid="runs-against">
          <Icon name="building" size={14} />
          <span>
            Runs against <strong>{account.name}</strong> ({CLOUD_LABELS[account.cloud]})
          </span>
        </p>
      )}
    </div>
  );
}
