import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TransportError } from '../../electron/node/ports';
import { errorCodes, toTransportError } from '../../electron/node/zoom/node-fetch-errors';
import {
  beginTracking,
  endTracking,
  requestIdFromHeaders,
  trackedCount,
  trackingState,
} from '../../electron/node/zoom/send-tracker';

// What Node's fetch throws: TypeError("fetch failed") with the socket/DNS/TLS error as its cause.
function fetchFailed(code: string | undefined, nested = false): TypeError {
  const inner = Object.assign(new Error('inner'), code === undefined ? {} : { code });
  const cause = nested ? Object.assign(new Error('wrapper'), { cause: inner }) : inner;
  return new TypeError('fetch failed', { cause });
}

describe('errorCodes', () => {
  it('collects codes along the cause chain and into AggregateErrors', () => {
    assert.deepEqual(errorCodes(fetchFailed('ECONNREFUSED', true)), ['ECONNREFUSED']);
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ENETUNREACH' })]), {
      code: 'ETIMEDOUT',
    });
    assert.deepEqual(errorCodes(new TypeError('fetch failed', { cause: aggregate })), ['ETIMEDOUT', 'ENETUNREACH']);
    assert.deepEqual(errorCodes('not an error'), []);
  });
});

describe('toTransportError', () => {
  const cases: [string, boolean | null, string, boolean | null][] = [
    ['ENOTFOUND', false, 'dns', false],
    ['EAI_AGAIN', false, 'dns', false],
    ['ECONNREFUSED', false, 'refused', false],
    ['EHOSTUNREACH', false, 'network', false],
    ['ENETUNREACH', false, 'network', false],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false, 'tls', false],
    ['SELF_SIGNED_CERT_IN_CHAIN', false, 'tls', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', false, 'tls', false],
    ['CERT_HAS_EXPIRED', false, 'tls', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', false, 'tls', false],
    ['ERR_SSL_WRONG_VERSION_NUMBER', false, 'tls', false],
    ['UND_ERR_CONNECT_TIMEOUT', false, 'connect_timeout', false],
    ['ECONNRESET', false, 'network', false],
    ['ECONNRESET', true, 'connection_lost', true],
    ['UND_ERR_SOCKET', true, 'connection_lost', true],
    ['UND_ERR_SOCKET', null, 'connection_lost', null],
    ['EPIPE', true, 'connection_lost', true],
    [undefined as unknown as string, null, 'network', null],
  ];
  for (const [code, sent, kind, expectedSent] of cases) {
    it(`${code ?? 'no code'} (sent ${String(sent)}) → ${kind}`, () => {
      const error = toTransportError(fetchFailed(code, true), sent, false);
      assert.ok(error instanceof TransportError);
      assert.equal(error.kind, kind);
      assert.equal(error.sent, expectedSent);
    });
  }

  it('our own timeout wins, keeping whether the request was sent', () => {
    const abort = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    assert.deepEqual(pick(toTransportError(abort, true, true)), { kind: 'timeout', sent: true });
    assert.deepEqual(pick(toTransportError(abort, false, true)), { kind: 'timeout', sent: false });
    assert.deepEqual(pick(toTransportError(abort, null, true)), { kind: 'timeout', sent: null });
  });

  it('passes TransportErrors through and keeps only codes in the message', () => {
    const original = new TransportError('tls', false, 'x');
    assert.equal(toTransportError(original, true, false), original);
    const secretful = new TypeError('fetch failed', {
      cause: Object.assign(new Error('Bearer abc.def and password Kite-1'), { code: 'ECONNRESET' }),
    });
    const error = toTransportError(secretful, true, false);
    assert.doesNotMatch(error.message, /Bearer|Kite/);
    assert.match(error.message, /ECONNRESET/);
  });
});

function pick(e: TransportError): { kind: string; sent: boolean | null } {
  return { kind: e.kind, sent: e.sent };
}

describe('requestIdFromHeaders', () => {
  it('reads flat arrays, pair arrays and raw header strings, case-insensitively', () => {
    assert.equal(requestIdFromHeaders(['accept', '*/*', 'X-ZPA-Request-Id', 'r-1']), 'r-1');
    assert.equal(
      requestIdFromHeaders([
        ['accept', '*/*'],
        ['x-zpa-request-id', 'r-2'],
      ]),
      'r-2',
    );
    assert.equal(requestIdFromHeaders('accept: */*\r\nx-zpa-request-id: r-3\r\nhost: a\r\n'), 'r-3');
    assert.equal(requestIdFromHeaders('X-Zpa-Request-Id:r-4\r\n'), 'r-4');
    assert.equal(requestIdFromHeaders(['accept', '*/*']), null);
    assert.equal(requestIdFromHeaders(undefined), null);
    assert.equal(requestIdFromHeaders({ 'x-zpa-request-id': 'r' }), null);
  });
});

describe('send tracking bookkeeping', () => {
  it('forgets ids when requests end, even duplicated ones', () => {
    const before = trackedCount();
    beginTracking('dup');
    beginTracking('dup');
    assert.deepEqual(trackingState('dup'), { created: false, sent: false });
    endTracking('dup');
    assert.equal(trackedCount(), before + 1);
    endTracking('dup');
    endTracking('dup');
    assert.equal(trackedCount(), before);
  });

  it('never holds more than its cap', () => {
    for (let i = 0; i < 10_050; i += 1) beginTracking(`leak-${i}`);
    assert.ok(trackedCount() <= 10_000);
    for (let i = 0; i < 10_050; i += 1) endTracking(`leak-${i}`);
    assert.equal(trackedCount(), 0);
  });
});
