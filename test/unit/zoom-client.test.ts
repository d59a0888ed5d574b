import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import {
  TransportError,
  type Clock,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { trackedCount } from '../../electron/node/zoom/send-tracker';
import { DEFAULT_TIMEOUT_MS, ZoomClient } from '../../electron/node/zoom/zoom-client';

const TOKEN = 'tok.secret-value.xyz';
const PASSWORD = 'Kite-Harbor-7q';

function steppingClock(stepMs: number): Clock {
  let now = Date.parse('2026-11-23T12:00:00Z');
  return {
    now: () => {
      const d = new Date(now);
      now += stepMs;
      return d;
    },
  };
}

function recordingTransport(answer: () => Promise<TransportResponse>): Transport & { sent: TransportRequest[] } {
  const sent: TransportRequest[] = [];
  return {
    sent,
    send: async (request) => {
      sent.push(request);
      return answer();
    },
  };
}

function response(status: number, text = '', headers: Record<string, string> = {}): TransportResponse {
  return { status, text, headers: new Headers(headers) };
}

describe('ZoomClient.setPassword', () => {
  it('sends one PUT with bearer auth, multipart body, JSON accept, the timeout and request id', async () => {
    const transport = recordingTransport(async () => response(204, '', { 'x-zm-trackingid': 't-1' }));
    const client = new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2/', clock: steppingClock(40) });
    const attempt = await client.setPassword({
      token: TOKEN,
      userId: 'a+b@ex.com',
      password: PASSWORD,
      requestId: 'r-9',
    });
    assert.equal(transport.sent.length, 1);
    const request = transport.sent[0];
    assert.ok(request !== undefined);
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, 'https://api.zoom.us/v2/users/a%2Bb%40ex.com/password');
    assert.equal(request.headers.authorization, `Bearer ${TOKEN}`);
    assert.match(request.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.equal(request.headers.accept, 'application/json');
    assert.equal(request.timeoutMs, DEFAULT_TIMEOUT_MS);
    assert.equal(request.requestId, 'r-9');
    const form = await new Response(request.body?.slice(), {
      headers: { 'content-type': request.headers['content-type'] ?? '' },
    }).formData();
    assert.equal(form.get('password'), PASSWORD);
    assert.deepEqual(attempt, {
      outcome: 'updated',
      httpStatus: 204,
      zoomCode: null,
      zoomMessage: null,
      message: attempt.message,
      trackingId: 't-1',
      durationMs: 40,
      retryAfterSeconds: null,
      rateLimitType: null,
    });
  });

  it('encodes unicode, slashes and "me" safely', async () => {
    const transport = recordingTransport(async () => response(204));
    const client = new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2' });
    for (const [userId, path] of [
      ['renée@ex.com', 'ren%C3%A9e%40ex.com'],
      ['../admin', '..%2Fadmin'],
      ['me', 'me'],
      ['a?b#c', 'a%3Fb%23c'],
    ]) {
      await client.setPassword({ token: TOKEN, userId: userId ?? '', password: PASSWORD, requestId: 'r' });
      assert.equal(transport.sent.at(-1)?.url, `https://api.zoom.us/v2/users/${path}/password`);
    }
  });

  it('uses the given timeout', async () => {
    const transport = recordingTransport(async () => response(204));
    await new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2', timeoutMs: 1234 }).setPassword({
      token: TOKEN,
      userId: 'u',
      password: PASSWORD,
      requestId: 'r',
    });
    assert.equal(transport.sent[0]?.timeoutMs, 1234);
  });

  it('turns transport errors into outcomes instead of throwing', async () => {
    const cases: [unknown, string][] = [
      [new TransportError('refused', false, 'connection refused (ECONNREFUSED)'), 'failed'],
      [new TransportError('connection_lost', true, 'connection lost'), 'unknown'],
      [new TransportError('timeout', false, 'timed out before sending'), 'failed'],
      [new Error(`boom ${TOKEN} ${PASSWORD}`), 'unknown'],
      ['a string', 'unknown'],
    ];
    for (const [error, outcome] of cases) {
      const transport: Transport = {
        send: async () => {
          throw error;
        },
      };
      const client = new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2', clock: steppingClock(5) });
      const attempt = await client.setPassword({ token: TOKEN, userId: 'u', password: PASSWORD, requestId: 'r' });
      assert.equal(attempt.outcome, outcome);
      assert.equal(attempt.durationMs, 5);
      const text = JSON.stringify(attempt);
      assert.ok(!text.includes(TOKEN) && !text.includes(PASSWORD), 'no secret in the attempt');
    }
  });

  it('puts no secret in any message, whatever Zoom echoes back is only in zoomMessage', async () => {
    const transport = recordingTransport(async () => response(400, JSON.stringify({ code: 1136, message: 'weak' })));
    const attempt = await new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2' }).setPassword({
      token: TOKEN,
      userId: 'u',
      password: PASSWORD,
      requestId: 'r',
    });
    assert.equal(attempt.outcome, 'rejected');
    assert.ok(!attempt.message.includes(PASSWORD) && !attempt.message.includes(TOKEN));
  });

  it('refuses a bad API base or timeout when constructed', () => {
    const transport = recordingTransport(async () => response(204));
    assert.throws(() => new ZoomClient({ transport, apiBase: 'http://api.zoom.us/v2' }), AppError);
    assert.throws(() => new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2', timeoutMs: 0 }), RangeError);
    assert.throws(() => new ZoomClient({ transport, apiBase: 'https://api.zoom.us/v2', timeoutMs: NaN }), RangeError);
  });
});

describe('createNodeTransport with an injected fetch', () => {
  const request: TransportRequest = {
    url: 'https://api.zoom.us/v2/users/u/password',
    method: 'PUT',
    headers: { authorization: `Bearer ${TOKEN}` },
    body: new Uint8Array([1, 2, 3]),
    timeoutMs: 1000,
    requestId: 'inj-1',
  };

  it('adds the request id header, refuses redirects and passes a timeout signal', async () => {
    let seen: RequestInit | undefined;
    const transport = createNodeTransport({
      fetch: async (_url, init) => {
        seen = init;
        return new Response('{"code":1}', { status: 400, headers: { 'x-zm-trackingid': 'abc' } });
      },
    });
    const answer = await transport.send(request);
    assert.equal(answer.status, 400);
    assert.equal(answer.text, '{"code":1}');
    assert.equal(answer.headers.get('x-zm-trackingid'), 'abc');
    assert.equal(seen?.redirect, 'manual');
    assert.ok(seen?.signal instanceof AbortSignal);
    assert.equal((seen?.headers as Record<string, string>)['x-zpa-request-id'], 'inj-1');
    assert.equal(trackedCount(), 0);
  });

  it('cannot tell whether an unknown fetch sent the request, so says null', async () => {
    const transport = createNodeTransport({
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) });
      },
    });
    await assert.rejects(transport.send(request), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.kind, 'connection_lost');
      assert.equal(error.sent, null);
      return true;
    });
    assert.equal(trackedCount(), 0);
  });

  it('a failure while reading the body means the request arrived', async () => {
    const transport = createNodeTransport({
      fetch: async () =>
        ({
          status: 200,
          headers: new Headers(),
          text: async () => {
            throw new TypeError('terminated', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) });
          },
        }) as unknown as Response,
    });
    await assert.rejects(transport.send(request), (error: unknown) => {
      assert.ok(error instanceof TransportError);
      assert.equal(error.sent, true);
      assert.equal(error.kind, 'connection_lost');
      return true;
    });
  });
});
