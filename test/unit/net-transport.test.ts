import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createNetTransport, toNetTransportError, type NetFetch } from '../../electron/main/net-transport';
import { TransportError, type TransportRequest } from '../../electron/node/ports';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.secret-token-value';
const BODY = new TextEncoder().encode('{"password":"Harbor-Light-58q"}');

function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    url: 'https://api.zoom.us/v2/users/priya%40northwind.example/password',
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: BODY,
    timeoutMs: 2000,
    requestId: 'req-1',
    ...overrides,
  };
}

/** A net.fetch that records what it was given and answers with `answer`. */
function recording(answer: (url: string, init: RequestInit) => Promise<Response>) {
  const seen: { url: string; init: RequestInit }[] = [];
  const netFetch: NetFetch = (url, init) => {
    seen.push({ url, init });
    return answer(url, init);
  };
  return { seen, netFetch };
}

/** Rejects when `check` fails, with the error shown; resolves with the TransportError otherwise. */
async function transportError(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TransportError, `expected a TransportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

/**
 * AbortSignal.timeout() does not keep Node's event loop alive (in Electron the app does), so a test
 * that waits only on it would end early: hold the loop open while it waits.
 */
async function keepingAlive<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1000);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

function assertNoSecrets(error: Error): void {
  for (const secret of [TOKEN, 'Harbor-Light-58q', 'api.zoom.us', 'priya']) {
    assert.ok(!error.message.includes(secret), `the message must not mention ${secret}: ${error.message}`);
  }
}

describe('createNetTransport', () => {
  it('sends the request as given, plus its id, without following redirects or sending cookies', async () => {
    const { seen, netFetch } = recording(
      async () => new Response('{"ok":true}', { status: 200, headers: { 'x-zm-trackingid': 'v=2.0;rid=1' } }),
    );
    const response = await createNetTransport(netFetch).send(request());
    assert.equal(response.status, 200);
    assert.equal(response.text, '{"ok":true}');
    assert.equal(response.headers.get('x-zm-trackingid'), 'v=2.0;rid=1');

    assert.equal(seen.length, 1);
    const { url, init } = seen[0] ?? assert.fail('net.fetch was not called');
    assert.equal(url, request().url);
    assert.equal(init.method, 'PUT');
    assert.deepEqual(init.headers, {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'x-zpa-request-id': 'req-1',
    });
    assert.equal(init.body, BODY);
    assert.equal(init.redirect, 'manual');
    assert.equal(init.credentials, 'omit');
    assert.ok(init.signal instanceof AbortSignal);
    assert.equal(init.signal.aborted, false);
  });

  it('sends no body key at all for a request without one', async () => {
    const { seen, netFetch } = recording(async () => new Response(null, { status: 204 }));
    const response = await createNetTransport(netFetch).send(request({ method: 'GET', body: undefined }));
    assert.equal(response.status, 204);
    assert.equal(response.text, '');
    assert.ok(!('body' in (seen[0]?.init ?? {})));
  });

  it('returns a redirect as it is instead of following it', async () => {
    const { seen, netFetch } = recording(
      async () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    );
    const response = await createNetTransport(netFetch).send(request());
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), 'https://evil.example/');
    assert.equal(seen.length, 1, 'one request only');
  });

  const failures: [string, string, TransportError['kind'], boolean | null][] = [
    ['a refused connection', 'net::ERR_CONNECTION_REFUSED', 'refused', false],
    ['an unknown host', 'net::ERR_NAME_NOT_RESOLVED', 'dns', false],
    ['an untrusted certificate', 'net::ERR_CERT_AUTHORITY_INVALID', 'tls', false],
    ['a reset connection', 'net::ERR_CONNECTION_RESET', 'connection_lost', null],
    ['an empty answer', 'net::ERR_EMPTY_RESPONSE', 'connection_lost', true],
    ['no internet', 'net::ERR_INTERNET_DISCONNECTED', 'network', false],
  ];
  for (const [label, chromium, kind, sent] of failures) {
    it(`reports ${label} (${chromium}) as ${kind}, sent: ${String(sent)}`, async () => {
      const transport = createNetTransport(async () => {
        throw new Error(`${chromium} while fetching ${request().url} with Bearer ${TOKEN}`);
      });
      const error = await transportError(transport.send(request()));
      assert.equal(error.kind, kind);
      assert.equal(error.sent, sent);
      assert.ok(error.message.includes(chromium.replace('net::', '')), 'the Chromium code is kept');
      assertNoSecrets(error);
    });
  }

  it('times out a request that gets no answer, without claiming it was or was not applied', async () => {
    const transport = createNetTransport(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new Error('net::ERR_ABORTED')));
        }),
    );
    const started = Date.now();
    const error = await transportError(keepingAlive(transport.send(request({ timeoutMs: 150 }))));
    assert.ok(Date.now() - started >= 140, 'it waited for the timeout');
    assert.equal(error.kind, 'timeout');
    assert.equal(error.sent, null);
    assert.match(error.message, /timed out waiting for an answer/);
  });

  it('times out while reading the answer: the request certainly arrived', async () => {
    const transport = createNetTransport(
      async (_url, init) =>
        ({
          status: 200,
          headers: new Headers(),
          text: () =>
            new Promise<string>((_resolve, reject) => {
              init.signal?.addEventListener('abort', () => reject(new Error('net::ERR_ABORTED')));
            }),
        }) as unknown as Response,
    );
    const error = await transportError(keepingAlive(transport.send(request({ timeoutMs: 100 }))));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.sent, true);
    assert.match(error.message, /while reading the answer/);
  });

  it('reports a connection lost while reading the answer as sent', async () => {
    const transport = createNetTransport(
      async () =>
        ({
          status: 200,
          headers: new Headers(),
          text: async () => {
            throw new Error('net::ERR_CONTENT_LENGTH_MISMATCH');
          },
        }) as unknown as Response,
    );
    const error = await transportError(transport.send(request()));
    assert.equal(error.kind, 'connection_lost');
    assert.equal(error.sent, true);
  });

  it('keeps only the error name of a failure without a Chromium code: the rest could quote the request', async () => {
    const transport = createNetTransport(async () => {
      throw new TypeError(`Invalid header value for authorization: Bearer ${TOKEN} at https://api.zoom.us/v2`);
    });
    const error = await transportError(transport.send(request()));
    assert.equal(error.kind, 'network');
    assert.equal(error.sent, null, 'unknown failures may have been applied');
    assert.match(error.message, /TypeError/);
    assertNoSecrets(error);
  });

  it('passes a TransportError from below through unchanged', async () => {
    const original = new TransportError('tls', false, 'tls (ERR_SSL_PROTOCOL_ERROR)');
    const transport = createNetTransport(async () => {
      throw original;
    });
    assert.equal(await transportError(transport.send(request())), original);
  });
});

describe('toNetTransportError', () => {
  it('classifies by stage and timeout', () => {
    const refused = toNetTransportError(new Error('net::ERR_CONNECTION_REFUSED'), 'request', false);
    assert.deepEqual(
      [refused.kind, refused.sent, refused.message],
      ['refused', false, 'refused (ERR_CONNECTION_REFUSED)'],
    );
    const lost = toNetTransportError(new Error('net::ERR_CONNECTION_REFUSED'), 'body', false);
    assert.deepEqual([lost.kind, lost.sent], ['connection_lost', true]);
    const late = toNetTransportError(new Error('net::ERR_ABORTED'), 'request', true);
    assert.deepEqual([late.kind, late.sent], ['timeout', null]);
  });

  it('copes with values that are not errors, without printing them', () => {
    const error = toNetTransportError(`Bearer ${TOKEN}`, 'request', false);
    assert.equal(error.kind, 'network');
    assert.equal(error.sent, null);
    assert.ok(!error.message.includes(TOKEN));
  });
});
