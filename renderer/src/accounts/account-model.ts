import type { AccountView } from '../../../shared/ipc/contract';
import { CLOUD_LABELS } from '../../../shared/domain/accounts';

/*
 * The words and links the account screens use; the shapes themselves come from the IPC contract
 * (no token or client secret in any of them).
 */

export { CLOUD_LABELS, CLOUD_URLS, type Cloud, type CredentialKind } from '../../../shared/domain/accounts';
export { APP_ACTIONS, APP_ACTION_NAMES, type AppAction, type Capability } from '../../../shared/domain/scopes';
export type { AccountList, AccountView, ConnectionTestResultView } from '../../../shared/ipc/contract';

export const CREDENTIAL_LABELS = {
  token: 'Pasted access token',
  s2s: 'Server-to-Server OAuth',
} as const;

/** The granular scopes a Server-to-Server OAuth app needs for everything the app does. */
export const RECOMMENDED_SCOPES = [
  'user:update:password:admin',
  'user:read:user:admin',
  'account:read:settings:admin',
] as const;

export const ZOOM_MARKETPLACE_URL = 'https://marketplace.zoom.us/';
export const ZOOM_S2S_GUIDE = 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/';

/** "Zoom", "Zoom for Government", or "Custom · host" for tight places such as the header. */
export function cloudShortLabel(account: Pick<AccountView, 'cloud' | 'apiBase'>): string {
  if (account.cloud !== 'custom') return CLOUD_LABELS[account.cloud];
  try {
    return `Custom · ${new URL(account.apiBase).host}`;
  } catch {
    return CLOUD_LABELS.custom;
  }
}
