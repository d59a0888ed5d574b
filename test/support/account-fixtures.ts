import type { Account } from '../../electron/node/accounts/account-types';

/** A Zoom-cloud token account ("Acme", id acct-fixed) whose token was stored at `at`: what resolve() hands a service. */
export function fixedTokenAccount(at: Date): Account {
  const iso = at.toISOString();
  return {
    id: 'acct-fixed',
    name: 'Acme',
    cloud: 'zoom',
    apiBase: 'https://api.zoom.us/v2',
    oauthBase: 'https://zoom.us/oauth/token',
    credential: { kind: 'token' },
    createdAt: iso,
    updatedAt: iso,
    secretStoredAt: iso,
  };
}
