import type { IpcResult, TokenStatus } from '../../../shared/ipc/contract';
import type { UiError } from '../api/client';
import { ExternalLink } from './ExternalLink';
import { Icon } from './Icon';
import { TokenForm } from './TokenForm';

export const ZOOM_S2S_GUIDE = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

/** First run: what token is needed, where it is kept, and the field to paste it into. */
export function SetupScreen({
  onStore,
  keychainError,
}: {
  onStore: (token: string) => Promise<IpcResult<TokenStatus>>;
  keychainError: UiError | null;
}) {
  return (
    <div className="setup">
      <section className="card setup-card" aria-labelledby="setup-title">
        <div className="setup-hero">
          <span className="setup-hero-icon" aria-hidden="true">
            <Icon name="lock" size={26} />
          </span>
          <div>
            <h2 id="setup-title" className="setup-title">
              Store a Zoom access token
            </h2>
            <p className="setup-lead">
              Zoom Password Admin changes passwords through Zoom&apos;s API, on behalf of an account owner or admin. It
              needs an access token once; after that you only pick a user and type the new password.
            </p>
          </div>
        </div>
        <ul className="setup-facts">
          <li>
            <Icon name="key" size={16} />
            <span>
              The token needs the scope <code>user:update:password:admin</code> (granular scopes) or{' '}
              <code>user:write:admin</code> (classic scopes), from a Server-to-Server OAuth app of your account.
            </span>
          </li>
          <li>
            <Icon name="user" size={16} />
            <span>Zoom only lets the account owner or an admin change other users&apos; passwords.</span>
          </li>
          <li>
            <Icon name="shield-check" size={16} />
            <span>
              The token is kept in your operating system&apos;s keychain, never written to disk in plain text, and never
              shown again. OAuth tokens expire after an hour: store a new one when Zoom refuses it.
            </span>
          </li>
        </ul>
        <TokenForm submitLabel="Store token" onStore={onStore} keychainError={keychainError} autoFocus />
        <p className="setup-footer">
          <ExternalLink url={ZOOM_S2S_GUIDE}>How to create a Server-to-Server OAuth app</ExternalLink>
        </p>
      </section>
    </div>
  );
}
