/**
 * Which links the app may hand to the system browser. Only https pages on Zoom's own sites: the
 * renderer shows Zoom's docs and status pages, and nothing it displays should be able to make the
 * app open anything else (a file, a custom protocol handler, a look-alike host).
 */

/** Exact hosts allowed besides zoom.us and its subdomains. */
const EXTRA_HOSTS: ReadonlySet<string> = new Set(['support.zoom.com']);
const MAX_URL_LENGTH = 2048;
// Whitespace, control characters and backslashes are quietly rewritten by URL parsers
// (https://zoom.us\n@evil.example), so a link containing any of them is refused outright.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SUSPICIOUS = /[\u0000-\u0020\u007f-\u009f\\]/u;

/** Zoom's API reference, opened from the Help menu. */
export const ZOOM_API_DOCS_URL = 'https://developers.zoom.us/docs/api/';

function isAllowedHost(hostname: string): boolean {
  return hostname === 'zoom.us' || hostname.endsWith('.zoom.us') || EXTRA_HOSTS.has(hostname);
}

/**
 * The normalised form of an allowed external link, or null when the app must not open it:
 * not https, a host outside the allow-list, credentials, a non-default port, or odd characters.
 */
export function normaliseExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_URL_LENGTH || SUSPICIOUS.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.port !== '') return null;
  if (!isAllowedHost(parsed.hostname)) return null;
  return parsed.href;
}

/** True when `url` is an https link to an allow-listed Zoom site with no credentials in it. */
export function isAllowedExternalUrl(url: unknown): boolean {
  return normaliseExternalUrl(url) !== null;
}
