import { TransportError, type TransportFailureKind } from '../ports';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EADDRNOTAVAIL']);
const LOST_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CLOSED']);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TLS_PREFIXES = ['CERT_', 'UNABLE_TO_', 'ERR_TLS_', 'ERR_SSL_', 'ERR_OSSL_'];

/** Error codes found along an error's `cause` chain (fetch wraps the real error in "fetch failed"). */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    // AggregateError (happy-eyeballs tried several addresses): look at the first one.
    if (Array.isArray(record.errors) && record.errors.length > 0 && record.cause === undefined) {
      current = record.errors[0];
    } else {
      current = record.cause;
    }
  }
  return codes;
}

function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || TLS_PREFIXES.some((p) => code.startsWith(p));
}

/**
 * Turns what Node's fetch threw into a TransportError.
 * `sent`: whether the request headers went out (from undici's diagnostics channel; null if unknown);
 * `timedOut`: our own timeout fired. The message holds only error codes, never request data.
 */
export function toTransportError(error: unknown, sent: boolean | null, timedOut: boolean): TransportError {
  if (error instanceof TransportError) return error;
  const codes = errorCodes(error);
  const detail = codes.length > 0 ? codes.join(' / ') : errorName(error);
  const make = (kind: TransportFailureKind, wasSent: boolean | null, what: string): TransportError =>
    new TransportError(kind, wasSent, `${what} (${detail})`);

  if (timedOut) {
    return make('timeout', sent, sent === false ? 'timed out before sending' : 'timed out waiting for the answer');
  }
  for (const code of codes) {
    if (DNS_CODES.has(code)) return make('dns', false, 'DNS lookup failed');
    if (code === 'ECONNREFUSED') return make('refused', false, 'connection refused');
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
      // ETIMEDOUT from the OS happens while connecting unless the request was already out.
      return sent === true
        ? make('connection_lost', true, 'connection timed out')
        : make('connect_timeout', false, 'connect timed out');
    }
    if (isTlsCode(code)) return make('tls', false, 'TLS failed');
    if (UNREACHABLE_CODES.has(code)) return make('network', false, 'network unreachable');
    if (LOST_CODES.has(code)) {
      return sent === false
        ? make('network', false, 'connection closed before sending')
        : make('connection_lost', sent, 'connection lost');
    }
  }
  return make('network', sent, 'network error');
}

function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}
