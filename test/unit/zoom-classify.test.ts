import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TransportError, type TransportFailureKind } from '../../electron/node/ports';
import {
  classifyResponse,
  classifyTransportError,
  parseRetryAfter,
  parseZoomError,
  type Classification,
} from '../../electron/node/zoom/classify';

const NOW = new Date('2026-11-23T12:00:00.000Z');

function answer(status: number, body: unknown = '', headers: Record<string, string> = {}): Classification {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const h = new Headers({ 'x-zm-trackingid': 'v=2.0;clid=us06;rid=WEB_123', ...headers });
  return classifyResponse({ status, headers: h, text }, NOW);
}

describe('classifyResponse', () => {
  it('2xx → updated, keeping the tracking id', () => {
    const c = answer(204);
    assert.equal(c.outcome, 'updated');
    assert.equal(c.httpStatus, 204);
    assert.equal(c.zoomCode, null);
    assert.equal(c.trackingId, 'v=2.0;clid=us06;rid=WEB_123');
    assert.equal(answer(200, 'not json at all').outcome, 'updated');
  });

  it('400 with a Zoom code → rejected with Zoom code and message', () => {
    const c = answer(400, { code: 1136, message: 'Password is too weak.' });
    assert.equal(c.outcome, 'rejected');
    assert.equal(c.zoomCode, 1136);
    assert.equal(c.zoomMessage, 'Password is too weak.');
    assert.match(c.message, /too easy to guess/);
  });

  it('tells the 300s apart', () => {
    assert.match(
      answer(400, { code: 300, message: 'The new password can not match the old password.' }).message,
      /same as/,
    );
    assert.match(answer(400, { code: 300, message: 'Reached the maximum in 24 hours' }).message, /24 hours/);
    assert.match(answer(400, { code: 300, message: 'Validation Failed.' }).message, /validation/);
  });

  it('124 or 401 → unauthorized, whatever the status', () => {
    assert.equal(answer(401, { code: 124, message: 'Invalid access token.' }).outcome, 'unauthorized');
    assert.equal(answer(400, { code: 124, message: 'Invalid access token.' }).outcome, 'unauthorized');
    const bare = answer(401, '');
    assert.equal(bare.outcome, 'unauthorized');
    assert.equal(bare.zoomCode, null);
    assert.match(bare.message, /HTTP 401/);
  });

  it('scope errors 4700 and 4711 → unauthorized, at any status', () => {
    for (const status of [400, 401, 403]) {
      for (const code of [4700, 4711]) {
        const c = answer(status, { code, message: 'Invalid access token, does not contain scopes:[x]' });
        assert.equal(c.outcome, 'unauthorized', `${status}/${code}`);
        assert.equal(c.zoomCode, code);
        assert.match(c.message, /scope/);
      }
    }
  });

  it('404 with a Zoom code → not_found; without one → failed (wrong API base)', () => {
    const user = answer(404, { code: 1001, message: 'User does not exist: x.' });
    assert.equal(user.outcome, 'not_found');
    assert.equal(user.zoomCode, 1001);
    assert.equal(answer(404, { code: 3001, message: 'Meeting does not exist' }).outcome, 'not_found');
    for (const body of ['Not Found', '<html>404</html>', '', '{"message":"no code"}']) {
      const c = answer(404, body);
      assert.equal(c.outcome, 'failed', body);
      assert.equal(c.zoomCode, null);
      assert.match(c.message, /API address is probably wrong/);
    }
  });

  it('429 → rate_limited with Retry-After in seconds and X-RateLimit-Type', () => {
    const c = answer(
      429,
      { code: 429, message: 'You have reached the maximum per-second rate limit' },
      {
        'retry-after': '2',
        'x-ratelimit-type': 'QPS',
        'x-ratelimit-category': 'Medium',
      },
    );
    assert.equal(c.outcome, 'rate_limited');
    assert.equal(c.retryAfterSeconds, 2);
    assert.equal(c.rateLimitType, 'QPS');
    assert.match(c.message, /Wait 2 seconds/);
  });

  it('429 with an ISO or HTTP date Retry-After counts from the injected clock', () => {
    const iso = answer(429, '', { 'retry-after': '2026-11-24T00:00:00Z', 'x-ratelimit-type': 'Daily-limit' });
    assert.equal(iso.retryAfterSeconds, 12 * 3600);
    assert.equal(iso.rateLimitType, 'Daily-limit');
    assert.match(iso.message, /daily/);
    assert.equal(answer(429, '', { 'retry-after': 'Mon, 23 Nov 2026 12:01:30 GMT' }).retryAfterSeconds, 90);
  });

  it('429 without headers is still rate_limited', () => {
    const c = answer(429, { code: 429, message: 'Too many' });
    assert.equal(c.outcome, 'rate_limited');
    assert.equal(c.retryAfterSeconds, null);
    assert.equal(c.rateLimitType, null);
  });

  it('other 4xx → rejected; an unreadable body gives zoomCode null and says so', () => {
    const c = answer(400, '<html><body>Bad Request</body></html>');
    assert.equal(c.outcome, 'rejected');
    assert.equal(c.zoomCode, null);
    assert.equal(c.zoomMessage, null);
    assert.match(c.message, /could not be read/);
    assert.equal(answer(403, { code: 200, message: 'No privilege.' }).outcome, 'rejected');
    assert.equal(answer(400, { code: 1120, message: 'Invitation expired' }).outcome, 'rejected');
  });

  it('3xx → failed (redirect not followed)', () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const c = answer(status, '', { location: 'https://elsewhere.example/' });
      assert.equal(c.outcome, 'failed');
      assert.match(c.message, /redirect/);
    }
  });

  it('5xx → failed, keeping Zoom code and Retry-After when given', () => {
    for (const status of [500, 502, 503, 504]) assert.equal(answer(status, 'oops').outcome, 'failed');
    const c = answer(503, { code: 503, message: 'Service Unavailable' }, { 'retry-after': '30' });
    assert.equal(c.zoomCode, 503);
    assert.equal(c.retryAfterSeconds, 30);
  });

  it('odd statuses → failed', () => {
    assert.equal(answer(100).outcome, 'failed');
    assert.equal(answer(0).outcome, 'failed');
    assert.equal(answer(999).outcome, 'failed');
  });

  it('never throws on malformed bodies or headers', () => {
    const bodies = [
      '',
      '{',
      'null',
      '[]',
      '[1,2]',
      '"string"',
      '42',
      '{"code":"abc"}',
      '{"code":1.5}',
      '{"code":null}',
      '{"code":1001,"message":123}',
      '{"code":"1001"}',
      '\u0000\u0001binary\uFFFD',
      '{"code":1e400}',
      '{"__proto__":{"code":1}}',
      'x'.repeat(200_000),
    ];
    for (const status of [200, 204, 302, 400, 401, 404, 429, 500]) {
      for (const body of bodies) {
        const c = answer(status, body, { 'retry-after': 'garbage' });
        assert.ok(c.message.length > 0 && c.message.length <= 2000);
      }
    }
    assert.equal(answer(404, '{"code":"1001"}').outcome, 'not_found', 'numeric strings are read as codes');
  });

  it('treats a missing or blank tracking id as null and bounds a huge one', () => {
    const none = classifyResponse({ status: 204, headers: new Headers(), text: '' }, NOW);
    assert.equal(none.trackingId, null);
    const blank = classifyResponse({ status: 204, headers: new Headers({ 'x-zm-trackingid': '  ' }), text: '' }, NOW);
    assert.equal(blank.trackingId, null);
    const huge = answer(204, '', { 'x-zm-trackingid': 'r'.repeat(5000) });
    assert.ok((huge.trackingId ?? '').length <= 200);
  });

  it('clips an enormous Zoom message', () => {
    const c = answer(400, { code: 300, message: 'm'.repeat(10_000) });
    assert.ok((c.zoomMessage ?? '').length <= 2000);
  });
});

describe('parseZoomError', () => {
  it('reads {code, message} and nothing else', () => {
    assert.deepEqual(parseZoomError('{"code":1001,"message":"User does not exist"}'), {
      code: 1001,
      message: 'User does not exist',
    });
    assert.deepEqual(parseZoomError('{"code":300}'), { code: 300, message: null });
    assert.equal(parseZoomError('{"message":"x"}'), null);
    assert.equal(parseZoomError('not json'), null);
    assert.equal(parseZoomError('[{"code":1}]'), null);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, HTTP dates and ISO dates relative to now', () => {
    assert.equal(parseRetryAfter('0', NOW), 0);
    assert.equal(parseRetryAfter(' 17 ', NOW), 17);
    assert.equal(parseRetryAfter('1.2', NOW), 2);
    assert.equal(parseRetryAfter('2026-11-23T12:00:10Z', NOW), 10);
    assert.equal(parseRetryAfter('2026-11-23T12:00:10.500Z', NOW), 11);
    assert.equal(parseRetryAfter('Mon, 23 Nov 2026 13:00:00 GMT', NOW), 3600);
  });

  it('gives 0 for past dates and null for what it cannot read', () => {
    assert.equal(parseRetryAfter('2020-01-01T00:00:00Z', NOW), 0);
    assert.equal(parseRetryAfter(null, NOW), null);
    assert.equal(parseRetryAfter('', NOW), null);
    assert.equal(parseRetryAfter('soon', NOW), null);
    assert.equal(parseRetryAfter('-5', NOW), null);
    assert.equal(parseRetryAfter('5s', NOW), null);
  });
});

describe('classifyTransportError', () => {
  it('connection-stage failures and anything certainly not sent → failed', () => {
    for (const kind of ['dns', 'refused', 'tls', 'connect_timeout'] as TransportFailureKind[]) {
      for (const sent of [false, null, true]) {
        const c = classifyTransportError(new TransportError(kind, sent, 'x'));
        assert.equal(c.outcome, 'failed', `${kind} ${String(sent)}`);
        assert.match(c.message, /nothing was sent/);
      }
    }
    for (const kind of ['timeout', 'connection_lost', 'network'] as TransportFailureKind[]) {
      assert.equal(classifyTransportError(new TransportError(kind, false, 'x')).outcome, 'failed', kind);
    }
  });

  it('sent or cannot tell → unknown ("may have been applied: check before resending")', () => {
    for (const kind of ['timeout', 'connection_lost', 'network'] as TransportFailureKind[]) {
      for (const sent of [true, null]) {
        const c = classifyTransportError(new TransportError(kind, sent, 'x'));
        assert.equal(c.outcome, 'unknown', `${kind} ${String(sent)}`);
        assert.match(c.message, /may have applied/);
        assert.match(c.message, /Check before resending/);
        assert.equal(c.httpStatus, null);
        assert.equal(c.trackingId, null);
      }
    }
  });
});
