import type { TransportFailureKind } from '../ports';

/** What a Chromium network error tells us: its kind, and whether the request reached the server. */
export interface ChromiumNetErrorClass {
  kind: TransportFailureKind;
  /** true: the request was sent; false: certainly not; null: Chromium's error cannot tell. */
  sent: boolean | null;
}

// Exact codes first; prefixes (ERR_CERT_, ERR_SSL_, ERR_PROXY_...) after. Chromium's list:
// net/base/net_error_list.h.
const EXACT: Readonly<Record<string, ChromiumNetErrorClass>> = {
  ERR_NAME_NOT_RESOLVED: { kind: 'dns', sent: false },
  ERR_NAME_RESOLUTION_FAILED: { kind: 'dns', sent: false },
  ERR_DNS_TIMED_OUT: { kind: 'dns', sent: false },
  ERR_CONNECTION_REFUSED: { kind: 'refused', sent: false },
  ERR_CONNECTION_TIMED_OUT: { kind: 'connect_timeout', sent: false },
  ERR_CONNECTION_FAILED: { kind: 'network', sent: false },
  ERR_ADDRESS_UNREACHABLE: { kind: 'network', sent: false },
  ERR_ADDRESS_INVALID: { kind: 'network', sent: false },
  ERR_INTERNET_DISCONNECTED: { kind: 'network', sent: false },
  ERR_NETWORK_ACCESS_DENIED: { kind: 'network', sent: false },
  ERR_BLOCKED_BY_CLIENT: { kind: 'network', sent: false },
  ERR_BLOCKED_BY_ADMINISTRATOR: { kind: 'network', sent: false },
  ERR_UNSAFE_PORT: { kind: 'network', sent: false },
  ERR_UNSAFE_REDIRECT: { kind: 'network', sent: false },
  ERR_INVALID_URL: { kind: 'network', sent: false },
  ERR_DISALLOWED_URL_SCHEME: { kind: 'network', sent: false },
  ERR_SOCKET_NOT_CONNECTED: { kind: 'network', sent: false },
  ERR_TUNNEL_CONNECTION_FAILED: { kind: 'network', sent: false },
  ERR_BAD_SSL_CLIENT_AUTH_CERT: { kind: 'tls', sent: false },
  ERR_TLS13_DOWNGRADE_DETECTED: { kind: 'tls', sent: false },
  ERR_NO_SSL_VERSIONS_ENABLED: { kind: 'tls', sent: false },
  // The server accepted the request and closed without a byte of answer.
  ERR_EMPTY_RESPONSE: { kind: 'connection_lost', sent: true },
  // A broken answer came back, so the request certainly arrived.
  ERR_INVALID_RESPONSE: { kind: 'connection_lost', sent: true },
  ERR_INVALID_HTTP_RESPONSE: { kind: 'connection_lost', sent: true },
  ERR_RESPONSE_HEADERS_TRUNCATED: { kind: 'connection_lost', sent: true },
  ERR_CONTENT_LENGTH_MISMATCH: { kind: 'connection_lost', sent: true },
  ERR_INCOMPLETE_CHUNKED_ENCODING: { kind: 'connection_lost', sent: true },
  ERR_CONTENT_DECODING_FAILED: { kind: 'connection_lost', sent: true },
  // These can happen during the TLS handshake or after the request went out: Chromium does not say.
  ERR_CONNECTION_RESET: { kind: 'connection_lost', sent: null },
  ERR_CONNECTION_CLOSED: { kind: 'connection_lost', sent: null },
  ERR_CONNECTION_ABORTED: { kind: 'connection_lost', sent: null },
  ERR_SOCKET_IS_CONNECTED: { kind: 'connection_lost', sent: null },
  ERR_HTTP2_PROTOCOL_ERROR: { kind: 'connection_lost', sent: null },
  ERR_HTTP2_PING_FAILED: { kind: 'connection_lost', sent: null },
  ERR_HTTP2_SERVER_REFUSED_STREAM: { kind: 'connection_lost', sent: false },
  ERR_QUIC_PROTOCOL_ERROR: { kind: 'connection_lost', sent: null },
  ERR_NETWORK_CHANGED: { kind: 'network', sent: null },
  ERR_NETWORK_IO_SUSPENDED: { kind: 'network', sent: null },
  ERR_TIMED_OUT: { kind: 'timeout', sent: null },
  ERR_ABORTED: { kind: 'network', sent: null },
  ERR_FAILED: { kind: 'network', sent: null },
};

const PREFIXES: ReadonlyArray<readonly [string, ChromiumNetErrorClass]> = [
  ['ERR_CERT_', { kind: 'tls', sent: false }],
  ['ERR_CERTIFICATE_', { kind: 'tls', sent: false }],
  ['ERR_SSL_', { kind: 'tls', sent: false }],
  ['ERR_PROXY_', { kind: 'network', sent: false }],
  ['ERR_DNS_', { kind: 'dns', sent: false }],
];

/**
 * Classifies an Electron net.fetch error from its message (e.g. "net::ERR_CONNECTION_REFUSED").
 * Unknown errors are `network` with `sent: null`, so they are reported as "may have been applied".
 */
export function classifyChromiumNetError(message: string): ChromiumNetErrorClass {
  const code = /\b(ERR_[A-Z0-9_]+)\b/.exec(message)?.[1];
  if (code === undefined) return { kind: 'network', sent: null };
  const exact = EXACT[code];
  if (exact !== undefined) return { ...exact };
  const prefixed = PREFIXES.find(([prefix]) => code.startsWith(prefix));
  return prefixed === undefined ? { kind: 'network', sent: null } : { ...prefixed[1] };
}
