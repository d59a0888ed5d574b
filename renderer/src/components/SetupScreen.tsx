import type { AccountView } from '../accounts/account-model';
import type { UiError } from '../api/client';
import { AccountForm } from './AccountForm';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';

/** First run: what the app needs, and the form that adds the first Zoom account. */
export function SetupScreen({ onAdded, error }: { onAdded: (account: AccountView) => void; error: UiError | null }) {
  return (
    <div className="setup">
      <section className="card setup-card" aria-labelledby="setup-title">
        <div className="setup-hero">
          <span className="setup-hero-icon" aria-hidden="true">
            <Icon name="lock" size={26} />
          </span>
          <div>
            <h2 id="setup-title" className="setup-title">
              Add your Zoom account
            </h2>
            <p className="setup-lead">
              Zoom Password Admin changes passwords through Zoom&apos;s API, as the account owner or an admin. Connect
              it once with a Server-to-Server OAuth app (or a pasted token); after that you only pick a user and type
              the new password. You can add more accounts later.
            </p>
          </div>
        </div>
        {error === null ? null : <ErrorCallout error={error} title="The accounts could not be read" />}
        <AccountForm submitLabel="Add account" onSaved={onAdded} autoFocus />
      </section>
    </div>
  );
}
