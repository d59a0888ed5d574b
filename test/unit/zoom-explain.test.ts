import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TransportFailureKind } from '../../electron/node/ports';
import {
  EXPLAINED_ZOOM_CODES,
  code300Kind,
  describeWait,
  explainHttp,
  explainRateLimit,
  explainTransportFailure,
  explainZoomCode,
  explanationText,
  type HttpSituation,
} from '../../electron/node/zoom/explain';

// Every code zoom-api.md lists, plus 1120 (pending user whose invitation expired).
const DOCUMENTED = [
  300, 1117, 1123, 1124, 1125, 1126, 1127, 1128, 1129, 1130, 1131, 1136, 124, 4700, 4711, 1001, 429, 1120,
];

const SAME_AS_OLD = 'The new password can not match the old password.';
const TOO_MANY = 'You have reached the maximum number of password changes allowed within 24 hours.';
const VALIDATION = 'Validation Failed.';

describe('explainZoomCode', () => {
  it('has its own explanation, with something to do, for every documented code', () => {
    const generic = explainZoomCode(99999, null).what;
    for (const code of DOCUMENTED) {
      assert.ok(EXPLAINED_ZOOM_CODES.includes(code), `${code} is in EXPLAINED_ZOOM_CODES`);
      const e = explainZoomCode(code, null);
      assert.notEqual(e.what, generic, `${code} has a specific explanation`);
      assert.ok(e.what.length > 20, `${code} says what happened`);
      assert.ok(e.action !== null && e.action.length > 10, `${code} says what to do`);
    }
  });

  it('tells the three meanings of 300 apart by Zoom message', () => {
    assert.equal(code300Kind(SAME_AS_OLD), 'same_as_old');
    assert.equal(code300Kind('New password can not be the same as old password'), 'same_as_old');
    assert.equal(code300Kind(TOO_MANY), 'too_many_changes');
    assert.equal(code300Kind('Password changed too many times in the past 24 hours'), 'too_many_changes');
    assert.equal(code300Kind(VALIDATION), 'validation');
    assert.equal(code300Kind(null), 'validation');
    const texts = [SAME_AS_OLD, TOO_MANY, VALIDATION].map((m) => explanationText(explainZoomCode(300, m)));
    assert.equal(new Set(texts).size, 3);
    assert.match(texts[0] ?? '', /same as the user's current password/);
    assert.match(texts[0] ?? '', /went through/, 'explains what it means after an unknown outcome');
    assert.match(texts[1] ?? '', /24 hours/);
    assert.match(texts[2] ?? '', /validation/i);
  });

  it('never states a number for the 24-hour limit, which Zoom does not document', () => {
    const text = explanationText(explainZoomCode(300, TOO_MANY));
    assert.deepEqual(text.match(/\d+/g), ['24']);
  });

  it('distinguishes closely related codes', () => {
    assert.match(explainZoomCode(1125, null).what, /letter/);
    assert.match(explainZoomCode(1126, null).what, /digit/);
    assert.match(explainZoomCode(1127, null).what, /special/);
    assert.match(explainZoomCode(1128, null).what, /upper- and lower-case/);
    assert.match(explainZoomCode(1129, null).what, /recently/);
    assert.match(explainZoomCode(1123, null).what, /SSO/);
    assert.match(explainZoomCode(4711, null).action ?? '', /user:update:password:admin/);
    assert.match(explainZoomCode(124, null).what, /expired/);
  });

  it('explains unknown codes generically, naming the code', () => {
    const e = explainZoomCode(7777, 'Something odd');
    assert.match(e.what, /7777/);
    assert.match(e.action ?? '', /tracking ID/);
  });
});

describe('explainHttp', () => {
  it('has a distinct explanation for every situation, naming the status', () => {
    const situations: HttpSituation[] = [
      'unauthorized',
      'not_found_without_code',
      'unreadable_refusal',
      'redirect',
      'server_error',
      'unexpected_status',
    ];
    const texts = situations.map((s) => explanationText(explainHttp(s, 418)));
    assert.equal(new Set(texts).size, situations.length);
    for (const text of texts) assert.match(text, /HTTP 418/);
    assert.match(explainHttp('updated', 204).what, /updated/i);
    assert.match(explainHttp('not_found_without_code', 404).what, /API address is probably wrong/);
    assert.match(explainHttp('unreadable_refusal', 400).what, /could not be read/);
    assert.match(explainHttp('redirect', 302).what, /not followed/);
  });
});

describe('explainRateLimit', () => {
  it('says how long to wait when Zoom said', () => {
    assert.match(explanationText(explainRateLimit({ retryAfterSeconds: 3, rateLimitType: 'QPS' })), /Wait 3 seconds/);
    const daily = explanationText(explainRateLimit({ retryAfterSeconds: 5 * 3600, rateLimitType: 'Daily-limit' }));
    assert.match(daily, /daily/);
    assert.match(daily, /5 hours/);
  });

  it('still says what to do without headers', () => {
    assert.match(explanationText(explainRateLimit({ retryAfterSeconds: null, rateLimitType: null })), /try again/);
  });
});

describe('describeWait', () => {
  it('rounds up into readable units', () => {
    assert.equal(describeWait(1), '1 second');
    assert.equal(describeWait(0.2), '1 second');
    assert.equal(describeWait(45), '45 seconds');
    assert.equal(describeWait(600), '10 minutes');
    assert.equal(describeWait(86_400), '24 hours');
  });
});

describe('explainTransportFailure', () => {
  const kinds: TransportFailureKind[] = [
    'dns',
    'refused',
    'tls',
    'connect_timeout',
    'timeout',
    'connection_lost',
    'network',
  ];

  it('says nothing was sent when nothing was', () => {
    for (const kind of kinds) {
      const e = explainTransportFailure(kind, false);
      assert.match(e.what, /nothing was sent/, kind);
      assert.ok(e.action !== null, kind);
    }
  });

  it('warns that Zoom may have applied it when the request may have left', () => {
    for (const kind of ['timeout', 'connection_lost', 'network'] as const) {
      for (const sent of [true, null]) {
        const text = explanationText(explainTransportFailure(kind, sent));
        assert.match(text, /may have applied/, `${kind} ${String(sent)}`);
        assert.match(text, /Check before resending/, `${kind} ${String(sent)}`);
      }
    }
  });

  it('names the cause for connection-stage failures', () => {
    assert.match(explainTransportFailure('dns', false).what, /DNS/);
    assert.match(explainTransportFailure('refused', false).what, /refused/);
    assert.match(explainTransportFailure('tls', false).what, /certificate/);
    assert.match(explainTransportFailure('connect_timeout', false).what, /too long/);
  });
});
