import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * How the zpa://app protocol serves the built renderer. Plain Node so the path checks, which are
 * the whole security of a custom file protocol, are unit-tested without Electron.
 */

export const APP_SCHEME = 'zpa';
export const APP_HOST = 'app';
/** The only origin whose top frame may talk to main. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Nothing but the app's own scripts, styles, fonts and images; no network at all from the renderer. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every zpa://app response, errors included. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown kinds are served as opaque bytes (and never sniffed). */
export function mimeTypeFor(fileName: string): string {
  return MIME_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** True for URLs on our own origin, the only place the window may navigate to. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type AssetResolution =
  { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

function refuse(status: 400 | 403 | 404 | 405, reason: string): AssetResolution {
  return { ok: false, status, reason };
}

// Raw backslashes or encoded ones, or encoded slashes, would let a segment carry a separator.
const RAW_SEPARATOR_TRICKS = /\\|%5c|%2f/i;
// URL parsers quietly collapse dot segments (also %2e%2e); we refuse them instead of guessing.
const DOT_SEGMENT = /\/(?:\.|%2e){1,2}(?:[/?#]|$)/i;
// Control characters (NUL first of all) and a Windows drive colon have no place in a file name we ship.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_SEGMENT_CHARS = /[\u0000-\u001f\u007f:]/u;

/**
 * Maps a zpa://app/<path> request to a file under `rootDir` without touching the disk. Refuses other
 * origins, methods other than GET/HEAD, and anything that could leave the folder: `..` (also
 * percent-encoded), backslashes, encoded slashes, absolute paths, NUL and other control characters,
 * drive letters and dot-files. `/` serves index.html.
 */
export function resolveAppAsset(requestUrl: string, rootDir: string, method = 'GET'): AssetResolution {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, 'only GET and HEAD');
  if (RAW_SEPARATOR_TRICKS.test(requestUrl)) return refuse(400, 'separator characters in the path');
  let parsed: URL;
  try {
    parsed = new URL(requestUrl);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (!isAppUrl(requestUrl) || parsed.port !== '') return refuse(403, 'not the app origin');
  if (DOT_SEGMENT.test(requestUrl)) return refuse(400, 'dot segment');

  const pathname = parsed.pathname === '' || parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  const rawSegments = pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (segment === '') return refuse(404, 'empty path segment');
    if (segment === '.' || segment === '..') return refuse(400, 'dot segment');
    if (segment.includes('/') || BAD_SEGMENT_CHARS.test(segment)) return refuse(400, 'bad characters in the path');
    if (segment.startsWith('.')) return refuse(404, 'hidden file');
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  if (!filePath.startsWith(root + path.sep)) return refuse(400, 'outside the app folder');
  return { ok: true, filePath, mimeType: mimeTypeFor(filePath) };
}

export interface AssetResponse {
  status: number;
  headers: Record<string, string>;
  /** null for HEAD requests. */
  body: Uint8Array | null;
}

function errorResponse(status: number, text: string): AssetResponse {
  return {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(text),
  };
}

/**
 * Serves one zpa://app request from `rootDir`: the resolution above, then a symlink check on the
 * real path, then the file with its MIME type and the app's security headers.
 */
export async function readAppAsset(requestUrl: string, rootDir: string, method = 'GET'): Promise<AssetResponse> {
  const resolved = resolveAppAsset(requestUrl, rootDir, method);
  if (!resolved.ok) return errorResponse(resolved.status, resolved.status === 404 ? 'Not found' : 'Refused');
  try {
    const root = await realpath(rootDir);
    const real = await realpath(resolved.filePath);
    if (!real.startsWith(root + path.sep)) return errorResponse(403, 'Refused');
    if (!(await stat(real)).isFile()) return errorResponse(404, 'Not found');
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(real));
    return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': resolved.mimeType }, body };
  } catch {
    return errorResponse(404, 'Not found');
  }
}
