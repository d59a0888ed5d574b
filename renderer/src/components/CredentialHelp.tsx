import type { CredentialKind } from '../accounts/account-model';
import { RECOMMENDED_SCOPES, ZOOM_MARKETPLACE_URL, ZOOM_S2S_GUIDE } from '../accounts/account-model';
import { ExternalLink } from './ExternalLink';
import { Icon } from './Icon';

/** Where an admin finds the credentials in Zoom, and which scopes the app needs. */
export function CredentialHelp({ kind }: { kind: CredentialKind }) {
  return (
    <aside className="credential-help" aria-label="Where to find these">
      <p className="credential-help-title">
        <Icon name="help" size={16} />
        {kind === 's2s' ? 'Where to find these' : 'Where the token comes from'}
      </p>
      {kind === 's2s' ? (
        <ol className="credential-help-steps">
          <li>
            Sign in to the <ExternalLink url={ZOOM_MARKETPLACE_URL}>Zoom App Marketplace</ExternalLink> as an admin and
            open <strong>Develop › Build App › Server-to-Server OAuth</strong> (or your existing app).
          </li>
          <li>
            <strong>App Credentials</strong> shows the Account ID, Client ID and Client Secret.
          </li>
          <li>
            Under <strong>Scopes</strong> add <code>{RECOMMENDED_SCOPES[0]}</code> (changes passwords; classic apps:{' '}
            <code>user:write:admin</code>), and for the other features{' '}
            {RECOMMENDED_SCOPES.slice(1).map((scope, i) => (
              <span key={scope}>
                {i === 0 ? '' : ' and '}
                <code>{scope}</code>
              </span>
            ))}
            . Then activate the app.
          </li>
        </ol>
      ) : (
        <p className="credential-help-text">
          A token of a Server-to-Server OAuth app with the scope <code>user:update:password:admin</code> (or{' '}
          <code>user:write:admin</code>). Zoom&apos;s tokens expire after an hour: for daily use, add the app&apos;s
          credentials instead so tokens are renewed automatically.
        </p>
      )}
      <p className="credential-help-link">
        <ExternalLink url={ZOOM_S2S_GUIDE}>How to create a Server-to-Server OAuth app</ExternalLink>
      </p>
    </aside>
  );
}
