import { AppError } from '../../../shared/domain/errors';
import { normaliseApiBase } from '../zoom/api-base';
import { normaliseOAuthBase } from '../zoom/oauth-client';
import { CLOUD_LABELS, CLOUD_URLS, type Cloud } from './account-types';

/** Where an account's requests go. */
export interface AccountUrls {
  apiBase: string;
  oauthBase: string;
}

/**
 * The URLs of a cloud. `zoom` and `gov` have fixed ones (given ones must match them); `custom` needs
 * both, https only except loopback. Throws AppError('invalid_input') with the field at fault.
 */
export function resolveCloudUrls(cloud: Cloud, given: { apiBase?: string; oauthBase?: string } = {}): AccountUrls {
  if (cloud === 'custom') {
    if (given.apiBase === undefined || given.apiBase.trim() === '') {
      throw new AppError('invalid_input', 'A custom cloud needs its API address.', {
        field: 'apiBase',
        action: 'Enter the API address, e.g. https://api.zoom.us/v2.',
      });
    }
    if (given.oauthBase === undefined || given.oauthBase.trim() === '') {
      throw new AppError('invalid_input', 'A custom cloud needs its token address.', {
        field: 'oauthBase',
        action: 'Enter the token address, e.g. https://zoom.us/oauth/token.',
      });
    }
    return { apiBase: normaliseApiBase(given.apiBase), oauthBase: normaliseOAuthBase(given.oauthBase) };
  }
  const fixed = CLOUD_URLS[cloud];
  for (const field of ['apiBase', 'oauthBase'] as const) {
    const value = given[field];
    if (value === undefined || value.trim() === '') continue;
    const normalised = field === 'apiBase' ? normaliseApiBase(value) : normaliseOAuthBase(value);
    if (normalised !== fixed[field]) {
      throw new AppError(
        'invalid_input',
        `${CLOUD_LABELS[cloud]} always uses ${fixed[field]}; other addresses need the "Custom" cloud.`,
        { field, action: 'Choose "Custom" to use other addresses, or leave the addresses out.' },
      );
    }
  }
  return { ...fixed };
}

/**
 * Where an account's requests go after `patch`: its current URLs when the patch names no cloud or
 * address; else the patched cloud's (a custom account keeps the address that is not being changed).
 * Throws like resolveCloudUrls.
 */
export function urlsAfterPatch(
  current: AccountUrls & { cloud: Cloud },
  patch: { cloud?: Cloud; apiBase?: string; oauthBase?: string },
): AccountUrls {
  if (patch.cloud === undefined && patch.apiBase === undefined && patch.oauthBase === undefined) {
    return { apiBase: current.apiBase, oauthBase: current.oauthBase };
  }
  const cloud = patch.cloud ?? current.cloud;
  return resolveCloudUrls(cloud, {
    ...(cloud === 'custom' && current.cloud === 'custom'
      ? { apiBase: current.apiBase, oauthBase: current.oauthBase }
      : {}),
    ...(patch.apiBase === undefined ? {} : { apiBase: patch.apiBase }),
    ...(patch.oauthBase === undefined ? {} : { oauthBase: patch.oauthBase }),
  });
}

/**
 * The cloud an API base belongs to (for the migration of the single token of the first version):
 * Zoom's or Zoom for Government's base, else `custom` with a token endpoint guessed from the host
 * (Zoom's regional hosts use Zoom's token endpoint).
 */
export function cloudForApiBase(apiBase: string): { cloud: Cloud } & AccountUrls {
  const base = normaliseApiBase(apiBase);
  for (const cloud of ['zoom', 'gov'] as const) {
    if (base === CLOUD_URLS[cloud].apiBase) return { cloud, ...CLOUD_URLS[cloud] };
  }
  const url = new URL(base);
  const host = url.hostname.toLowerCase();
  const oauthBase =
    host === 'zoomgov.com' || host.endsWith('.zoomgov.com')
      ? CLOUD_URLS.gov.oauthBase
      : host === 'zoom.us' || host.endsWith('.zoom.us')
        ? CLOUD_URLS.zoom.oauthBase
        : `${url.protocol}//${url.host}/oauth/token`;
  return { cloud: 'custom', apiBase: base, oauthBase };
}

/**
 * The URLs to use for an account, with the test/operator overrides (ZPA_API_BASE_URL,
 * ZPA_OAUTH_BASE_URL) applied when given. Throws AppError('invalid_input') for an unusable override.
 */
export function effectiveUrls(
  account: AccountUrls,
  overrides: { apiBase?: string; oauthBase?: string } = {},
): AccountUrls {
  return {
    apiBase: overrides.apiBase ? normaliseApiBase(overrides.apiBase) : account.apiBase,
    oauthBase: overrides.oauthBase ? normaliseOAuthBase(overrides.oauthBase) : account.oauthBase,
  };
}
