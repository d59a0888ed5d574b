import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyChromiumNetError } from '../../electron/node/zoom/chromium-net-errors';

describe('classifyChromiumNetError', () => {
  const cases: [string, string, boolean | null][] = [
    ['net::ERR_NAME_NOT_RESOLVED', 'dns', false],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'dns', false],
    ['net::ERR_CONNECTION_REFUSED', 'refused', false],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls', false],
    ['net::ERR_CERT_DATE_INVALID', 'tls', false],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'tls', false],
    ['net::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED', 'tls', false],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls', false],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls', false],
    ['net::ERR_CONNECTION_TIMED_OUT', 'connect_timeout', false],
    ['net::ERR_TIMED_OUT', 'timeout', null],
    ['net::ERR_CONNECTION_RESET', 'connection_lost', null],
    ['net::ERR_CONNECTION_CLOSED', 'connection_lost', null],
    ['net::ERR_EMPTY_RESPONSE', 'connection_lost', true],
    ['net::ERR_INVALID_HTTP_RESPONSE', 'connection_lost', true],
    ['net::ERR_INTERNET_DISCONNECTED', 'network', false],
    ['net::ERR_ADDRESS_UNREACHABLE', 'network', false],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'network', false],
    ['net::ERR_PROXY_CERTIFICATE_INVALID', 'network', false],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'network', false],
    ['net::ERR_NETWORK_CHANGED', 'network', null],
  ];

  for (const [message, kind, sent] of cases) {
    it(`${message} → ${kind}, sent ${String(sent)}`, () => {
      assert.deepEqual(classifyChromiumNetError(message), { kind, sent });
    });
  }

  it('finds the code inside a longer message', () => {
    assert.deepEqual(classifyChromiumNetError('Error: net::ERR_CONNECTION_REFUSED at SimpleURLLoaderWrapper'), {
      kind: 'refused',
      sent: false,
    });
    assert.deepEqual(classifyChromiumNetError('ERR_NAME_NOT_RESOLVED'), { kind: 'dns', sent: false });
  });

  it('treats anything unrecognised as "cannot tell whether it was sent"', () => {
    assert.deepEqual(classifyChromiumNetError('net::ERR_SOMETHING_NEW'), { kind: 'network', sent: null });
    assert.deepEqual(classifyChromiumNetError('fetch failed'), { kind: 'network', sent: null });
    assert.deepEqual(classifyChromiumNetError(''), { kind: 'network', sent: null });
  });

  it('returns a fresh object each time (callers may mutate it)', () => {
    const a = classifyChromiumNetError('net::ERR_CONNECTION_REFUSED');
    a.sent = true;
    assert.equal(classifyChromiumNetError('net::ERR_CONNECTION_REFUSED').sent, false);
  });
});
