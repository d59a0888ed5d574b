import { CLOUD_LABELS } from '../../../shared/domain/accounts';
import { APP_ACTIONS, APP_ACTION_NAMES, type Capability } from '../../../shared/domain/scopes';
import type {
  AccountView,
  ConnectionTestResultView as ConnectionTestResult,
} from '../../../shared/ipc/account-schemas';
import { EXIT, type ExitCode } from '../exit-codes';
import { formatWhen, oneLine, plainTable } from '../format';

export type { AccountView, ConnectionTestResult };

/** What `--json` prints for an account: named fields only, so nothing secret can ever slip into the output. */
export interface AccountJson {
  id: string;
  name: string;
  cloud: AccountView['cloud'];
  apiBase: string;
  oauthBase: string;
  credential: { kind: 'token' } | { kind: 's2s'; accountId: string; clientId: string };
  secretStored: boolean;
  secretStoredAt: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The account's public fields, picked one by one. */
export function accountJson(a: AccountView): AccountJson {
  const c = a.credential;
  return {
    id: a.id,
    name: a.name,
    cloud: a.cloud,
    apiBase: a.apiBase,
    oauthBase: a.oauthBase,
    credential: c.kind === 's2s' ? { kind: 's2s', accountId: c.accountId, clientId: c.clientId } : { kind: 'token' },
    secretStored: a.secretStored,
    secretStoredAt: a.secretStoredAt,
    active: a.active,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** "Zoom for Government, https://api.zoomgov.com/v2". */
export function cloudText(a: Pick<AccountView, 'cloud' | 'apiBase'>): string {
  return `${CLOUD_LABELS[a.cloud]}, ${oneLine(a.apiBase)}`;
}

function credentialText(a: AccountView): string {
  return a.credential.kind === 's2s' ? `S2S OAuth (client ${oneLine(a.credential.clientId)})` : 'access token';
}

function secretText(a: AccountView): string {
  if (!a.secretStored) return 'missing';
  return a.secretStoredAt === null ? 'stored' : `stored ${formatWhen(a.secretStoredAt)}`;
}

/** The accounts as a table; the active one is marked with `*`. */
export function accountsTable(accounts: readonly AccountView[]): string {
  const header = ['', 'NAME', 'CLOUD', 'CREDENTIAL', 'SECRET', 'API'];
  const rows = accounts.map((a) => [
    a.active ? '*' : '',
    oneLine(a.name),
    CLOUD_LABELS[a.cloud],
    credentialText(a),
    secretText(a),
    oneLine(a.apiBase),
  ]);
  return plainTable([header, ...rows]);
}

const CAPABILITY_TEXT: Readonly<Record<Capability, string>> = {
  allowed: 'allowed',
  missing: 'NOT allowed',
  unknown: 'unknown (the scopes of a pasted token are not known)',
};

/** The connection test as lines for a person: account, token, scopes, what they allow, what to add, what to do. */
export function connectionReport(r: ConnectionTestResult): string {
  const lines = [`Account: ${oneLine(r.accountName)} (${cloudText(r)})`];
  if (r.tokenSource === 'oauth') {
    lines.push(`Token endpoint: ${oneLine(r.oauthBase ?? '')}`);
    if (r.failedAt !== 'token') {
      const expires = r.tokenExpiresAt === null ? '' : `, expires ${formatWhen(r.tokenExpiresAt)}`;
      lines.push(`Token: issued by Server-to-Server OAuth${expires}`);
    }
  } else {
    lines.push('Token: the stored access token');
  }
  if (r.failedAt !== 'token') {
    lines.push(
      `Scopes: ${r.scopes === null ? 'unknown (pasted token)' : r.scopes.length === 0 ? 'none' : r.scopes.join(' ')}`,
    );
    lines.push('Actions:');
    for (const action of APP_ACTION_NAMES) {
      const capability = r.capabilities[action];
      const add = capability === 'missing' ? ` (add ${APP_ACTIONS[action].scopes[0]})` : '';
      lines.push(`  ${APP_ACTIONS[action].label}: ${CAPABILITY_TEXT[capability]}${add}`);
    }
    if (r.scopesToAdd.length > 0) lines.push(`Scopes to add: ${r.scopesToAdd.join(' ')}`);
  }
  const details = [
    r.httpStatus === null ? null : `HTTP ${r.httpStatus}`,
    r.zoomCode === null ? null : `Zoom code ${r.zoomCode}`,
    r.trackingId === null ? null : `tracking id ${oneLine(r.trackingId)}`,
  ].filter((d) => d !== null);
  lines.push(`Result: ${oneLine(r.message)}${details.length > 0 ? ` (${details.join(', ')})` : ''}`);
  if (r.action !== null) lines.push(`To do: ${oneLine(r.action)}`);
  return `${lines.join('\n')}\n`;
}

// Token-endpoint failures that are not about the credentials: Zoom's side or the network.
const INCOMPLETE_OAUTH = new Set(['rate_limited', 'server_error', 'network', 'unexpected_answer', 'wrong_address']);

/**
 * The exit code of a connection test: 0 when the account can change passwords (or, for a pasted token, when Zoom
 * accepted it: its scopes are not known), 3 when the credentials, the token or its scopes are the problem, 4 when
 * the test could not complete (network, rate limit, Zoom's server, an address that is not Zoom's).
 */
export function connectionExitCode(r: ConnectionTestResult): ExitCode {
  if (r.ok) return r.capabilities.changePasswords === 'missing' ? EXIT.token : EXIT.ok;
  if (r.failedAt === 'token') {
    return r.oauthReason !== null && INCOMPLETE_OAUTH.has(r.oauthReason) ? EXIT.incomplete : EXIT.token;
  }
  return r.httpStatus === 401 || r.zoomCode === 124 ? EXIT.token : EXIT.incomplete;
}

/** The one stderr line for a test that did not end with exit 0. */
export function connectionFailureLine(r: ConnectionTestResult): string {
  if (r.ok) {
    return (
      `"${oneLine(r.accountName)}" cannot change passwords: its token lacks the scope ` +
      `${APP_ACTIONS.changePasswords.scopes[0]} (or ${APP_ACTIONS.changePasswords.scopes[1]}). ` +
      'Add it to the Server-to-Server OAuth app in the Zoom App Marketplace (Scopes), then test again.'
    );
  }
  return `${oneLine(r.message)}${r.action === null ? '' : ` ${oneLine(r.action)}`}`;
}
