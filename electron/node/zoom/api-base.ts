import { AppError } from '../../../shared/domain/errors';

/** Zoom's global API base; regional and Zoom for Government bases are set through ZPA_API_BASE_URL. */
export const DEFAULT_API_BASE = 'https://api.zoom.us/v2';

const ACTION =
  'Use an https address such as https://api.zoom.us/v2 (or https://api.zoomgov.com/v2 for Zoom for Government).';

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts allowed over plain http (simulators, tests). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const parts = host.split('.');
  return parts.length === 4 && parts[0] === '127' && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/**
 * Checks and normalises an API base URL: https only (http allowed for loopback hosts),
 * no credentials, query or fragment, no trailing '/'. Throws AppError('invalid_input') otherwise.
 */
export function normaliseApiBase(url: string): string {
  const input = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    throw new AppError('invalid_input', `"${input}" is not a valid API address.`, {
      action: ACTION,
      field: 'apiBase',
    });
  }
  const loopback = isLoopbackHost(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new AppError(
      'invalid_input',
      `The API address must use https (plain http is allowed only for this computer's loopback address); got "${parsed.protocol.replace(/:$/, '')}".`,
      { action: ACTION, field: 'apiBase' },
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    // Credentials in a URL end up in logs and history: refuse without echoing them.
    throw new AppError('invalid_input', 'The API address must not contain a user name or password.', {
      action: ACTION,
      field: 'apiBase',
    });
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new AppError('invalid_input', 'The API address must not contain "?" or "#" parts.', {
      action: ACTION,
      field: 'apiBase',
    });
  }
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${parsed.host}${path}`;
}
