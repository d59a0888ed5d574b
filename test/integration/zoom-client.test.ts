/**
 * The Zoom client and the Node transport against the Zoom simulator (HTTPS with the test CA), for
 * every outcome and fault. Run with NODE_EXTRA_CA_CERTS=<dir>/ca.pem and ZPA_TEST_CA_DIR=<dir>.
 */
import assert from 'node:assert/strict';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { trackedCount } from '../../electron/node/zoom/send-tracker';
import { ZoomClient, type PasswordChangeAttempt } from '../../electron/node/zoom/zoom-client';
import {
  DEMO_TOKEN,
  EXPIRED_TOKEN,
  NO_SCOPE_TOKEN,
  SAMPLE,
  SAMPLE_USERS,
  uniqueValidPassword,
} from '../simulator/sample-users';
import { createUntrustedServerCert, issueServerCert, loadOrCreateTestCa } from '../simulator/test-ca';
import { startZoomSimulator, type ZoomSimulator, type ZoomSimulatorOptions } from '../simulator/zoom-simulator';

const transport = createNodeTransport();
const started: ZoomSimulator[] = [];
const servers: net.Server[] = [];
let sim: ZoomSimulator;
let requestCounter = 0;

async function simulator(options: ZoomSimulatorOptions = {}): Promise<ZoomSimulator> {
  const s = await startZoomSimulator(options);
  started.push(s);
  return s;
}

/** Sends one password change and checks what must hold for every attempt: no secrets anywhere. */
async function change(
  target: { apiBase: string },
  userId: string,
  password: string,
  o: { token?: string; timeoutMs?: number } = {},
): Promise<PasswordChangeAttempt> {
  const token = o.token ?? DEMO_TOKEN;
  requestCounter += 1;
  const client = new ZoomClient({ transport, apiBase: target.apiBase, timeoutMs: o.timeoutMs ?? 5000 });
  const attempt = await client.setPassword({ token, userId, password, requestId: `it-${requestCounter}` });
  const text = JSON.stringify(attempt);
  assert.ok(!text.includes(token), 'the token appears in no field');
  assert.ok(password === '' || !text.includes(password), 'the password appears in no field');
  assert.ok(Number.isInteger(attempt.durationMs) && attempt.durationMs >= 0);
  assert.ok(attempt.message.length > 0);
  return attempt;
}

function lastRequest(s: ZoomSimulator): ZoomSimulator['requests'][number] {
  const last = s.requests.at(-1);
  assert.ok(last !== undefined, 'the simulator saw a request');
  return last;
}

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

before(async () => {
  assert.ok(
    process.env.ZPA_TEST_CA_DIR !== undefined && process.env.NODE_EXTRA_CA_CERTS !== undefined,
    'Run with ZPA_TEST_CA_DIR=<dir> NODE_EXTRA_CA_CERTS=<dir>/ca.pem (make the CA with test/simulator/make-test-ca.ts).',
  );
  // The default 20 requests a second would trip this fast suite; rate limits have their own tests.
  sim = await simulator({ rateLimit: { perSecond: 10_000 } });
});

after(async () => {
  await Promise.all(started.map((s) => s.stop()));
  for (const server of servers) {
    server.close();
    // https servers keep idle keep-alive connections open (and the process alive) otherwise.
    if (server instanceof https.Server) server.closeAllConnections();
  }
  assert.equal(trackedCount(), 0, 'the transport forgets every request id');
});

describe('updated', () => {
  it('changes a password with multipart and keeps the tracking id', async () => {
    const password = uniqueValidPassword();
    const attempt = await change(sim, SAMPLE.member, password);
    assert.equal(attempt.outcome, 'updated');
    assert.equal(attempt.httpStatus, 204);
    assert.equal(attempt.zoomCode, null);
    const seen = lastRequest(sim);
    assert.equal(attempt.trackingId, seen.trackingId);
    assert.match(attempt.trackingId ?? '', /^v=2\.0;/);
    assert.equal(seen.method, 'PUT');
    assert.equal(seen.path, `/v2/users/${SAMPLE.member}/password`);
    assert.match(seen.contentType ?? '', /^multipart\/form-data; boundary=/);
    assert.equal(seen.requestId, `it-${requestCounter}`);
    assert.equal(seen.applied, true);
    assert.ok(sim.state.passwordMatches(SAMPLE.member, password));
    assert.ok(!JSON.stringify(sim.requests).includes(password), 'the simulator log holds no password');
    assert.ok(!JSON.stringify(sim.requests).includes(DEMO_TOKEN), 'the simulator log holds no token');
  });

  it('URL-encodes e-mails with "+" and unicode', async () => {
    for (const [email, encoded] of [
      [SAMPLE.plusEmail, 'jane.doe%2Bzoom%40northwind.example'],
      [SAMPLE.unicodeEmail, 'ren%C3%A9e.dubois%40northwind.example'],
    ] as const) {
      const password = uniqueValidPassword();
      const attempt = await change(sim, email, password);
      assert.equal(attempt.outcome, 'updated', email);
      assert.equal(lastRequest(sim).path, `/v2/users/${encoded}/password`);
      assert.equal(lastRequest(sim).user, email);
      assert.ok(sim.state.passwordMatches(email, password));
    }
  });

  it('finds users by e-mail case-insensitively and resolves "me" to the token user', async () => {
    const upper = await change(sim, SAMPLE.memberEmail.toUpperCase(), uniqueValidPassword());
    assert.equal(upper.outcome, 'updated');
    const own = uniqueValidPassword();
    assert.equal((await change(sim, 'me', own)).outcome, 'updated');
    assert.ok(sim.state.passwordMatches(SAMPLE.owner, own));
  });
});

describe('rejected: every documented code', () => {
  const cases: [string, string, string, number][] = [
    ['an admin', SAMPLE.admin, 'Kite-Harbor-7qx', 1117],
    ['the owner', SAMPLE.owner, 'Kite-Harbor-7qx', 1117],
    ['an SSO user', SAMPLE.sso, 'Kite-Harbor-7qx', 1123],
    ['a Google user', SAMPLE.google, 'Kite-Harbor-7qx', 1123],
    ['a pending user whose invitation expired', SAMPLE.pendingExpired, 'Kite-Harbor-7qx', 1120],
    ['a password under the policy minimum', SAMPLE.member, 'Kite7Harb', 1124],
    ['no letter', SAMPLE.member, '2468024680', 1125],
    ['no digit', SAMPLE.member, 'Kite-Harbor-Xq', 1126],
    ['no upper case', SAMPLE.member, 'kite-harbor-7q', 1128],
    ['one repeated character', SAMPLE.member, 'aaaaaaaaaa', 1130],
    ['a run of six', SAMPLE.member, 'Kite-123456-q', 1131],
    ['a dictionary password', SAMPLE.member, 'Welcome2026!', 1136],
    ['a missing password field', SAMPLE.member, '', 300],
  ];
  for (const [label, user, password, code] of cases) {
    it(`${label} → ${code}`, async () => {
      const before = sim.state.passwordChangeCount(user);
      const attempt = await change(sim, user, password);
      assert.equal(attempt.outcome, 'rejected');
      assert.equal(attempt.httpStatus, 400);
      assert.equal(attempt.zoomCode, code);
      assert.ok(attempt.zoomMessage !== null);
      assert.ok(attempt.trackingId !== null);
      assert.equal(sim.state.passwordChangeCount(user), before, 'nothing applied');
    });
  }

  it('the missing field is "Validation Failed." and explained as such', async () => {
    const attempt = await change(sim, SAMPLE.member, '');
    assert.equal(attempt.zoomMessage, 'Validation Failed.');
    assert.match(attempt.message, /failed validation/);
  });

  it('300: same as the old password', async () => {
    const password = uniqueValidPassword();
    assert.equal((await change(sim, SAMPLE.memberEmail, password)).outcome, 'updated');
    const again = await change(sim, SAMPLE.memberEmail, password);
    assert.equal(again.outcome, 'rejected');
    assert.equal(again.zoomCode, 300);
    assert.match(again.message, /same as the user's current password/);
  });

  it('1129: a recent password, under the history policy', async () => {
    const first = uniqueValidPassword();
    assert.equal((await change(sim, SAMPLE.member, first)).outcome, 'updated');
    assert.equal((await change(sim, SAMPLE.member, uniqueValidPassword())).outcome, 'updated');
    const reuse = await change(sim, SAMPLE.member, first);
    assert.equal(reuse.zoomCode, 1129);
    assert.match(reuse.message, /recently/);
  });

  it('1127 and a stricter run length, when the account policy asks', async () => {
    const strict = await simulator({ policy: { haveSpecialCharacter: true, consecutiveCharactersLength: 4 } });
    assert.equal((await change(strict, SAMPLE.member, 'KiteHarbor7q')).zoomCode, 1127);
    assert.equal((await change(strict, SAMPLE.member, 'Kite-1234-Harbor')).zoomCode, 1131);
    assert.equal((await change(strict, SAMPLE.member, 'Kite-123-Harbor')).outcome, 'updated');
  });

  it('300: too many changes within 24 hours', async () => {
    const limited = await simulator({ maxChangesPer24h: 2 });
    assert.equal((await change(limited, SAMPLE.member, uniqueValidPassword())).outcome, 'updated');
    assert.equal((await change(limited, SAMPLE.member, uniqueValidPassword())).outcome, 'updated');
    const third = await change(limited, SAMPLE.member, uniqueValidPassword());
    assert.equal(third.outcome, 'rejected');
    assert.equal(third.zoomCode, 300);
    assert.match(third.message, /24 hours/);
  });
});

describe('not_found and unauthorized', () => {
  it('unknown user → not_found (1001)', async () => {
    const attempt = await change(sim, SAMPLE.unknownEmail, uniqueValidPassword());
    assert.equal(attempt.outcome, 'not_found');
    assert.equal(attempt.httpStatus, 404);
    assert.equal(attempt.zoomCode, 1001);
  });

  it('invalid and expired tokens → unauthorized (401/124)', async () => {
    for (const token of ['not-a-real-token', EXPIRED_TOKEN]) {
      const attempt = await change(sim, SAMPLE.member, uniqueValidPassword(), { token });
      assert.equal(attempt.outcome, 'unauthorized');
      assert.equal(attempt.httpStatus, 401);
      assert.equal(attempt.zoomCode, 124);
    }
  });

  it('a token without the password scope → unauthorized (4711)', async () => {
    const attempt = await change(sim, SAMPLE.member, uniqueValidPassword(), { token: NO_SCOPE_TOKEN });
    assert.equal(attempt.outcome, 'unauthorized');
    assert.equal(attempt.httpStatus, 400);
    assert.equal(attempt.zoomCode, 4711);
    assert.match(attempt.zoomMessage ?? '', /does not contain scopes:\[user:update:password:admin\]/);
  });

  it('a classic-scope refusal (4700) → unauthorized', async () => {
    const token = 'classic-app-token-without-write-scope';
    sim.state.addToken({
      token,
      accountId: 'classic',
      userId: SAMPLE.owner,
      scopes: ['user:read:admin'],
      scopeErrorCode: 4700,
    });
    const attempt = await change(sim, SAMPLE.member, uniqueValidPassword(), { token });
    assert.equal(attempt.outcome, 'unauthorized');
    assert.equal(attempt.zoomCode, 4700);
  });

  it('a wrong API base (404 without a Zoom code) → failed', async () => {
    const attempt = await change({ apiBase: `${sim.url}/v1` }, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'failed');
    assert.equal(attempt.httpStatus, 404);
    assert.equal(attempt.zoomCode, null);
    assert.match(attempt.message, /API address is probably wrong/);
  });
});

describe('rate_limited', () => {
  it('per second: Retry-After in seconds and X-RateLimit-Type QPS', async () => {
    const s = await simulator({ rateLimit: { perSecond: 1 } });
    assert.equal((await change(s, SAMPLE.member, uniqueValidPassword())).outcome, 'updated');
    const attempt = await change(s, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'rate_limited');
    assert.equal(attempt.httpStatus, 429);
    assert.equal(attempt.zoomCode, 429);
    assert.equal(attempt.rateLimitType, 'QPS');
    assert.equal(attempt.retryAfterSeconds, 1);
    assert.equal(lastRequest(s).applied, false);
  });

  it('daily: Retry-After as an ISO time', async () => {
    const s = await simulator({ rateLimit: { perSecond: 100, daily: 1 } });
    assert.equal((await change(s, SAMPLE.member, uniqueValidPassword())).outcome, 'updated');
    const attempt = await change(s, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'rate_limited');
    assert.equal(attempt.rateLimitType, 'Daily-limit');
    assert.ok(attempt.retryAfterSeconds !== null && attempt.retryAfterSeconds > 0);
    assert.ok(attempt.retryAfterSeconds <= 24 * 3600);
    assert.match(attempt.message, /daily/);
  });

  it('without any rate-limit headers', async () => {
    const s = await simulator({ rateLimit: { perSecond: 1, omitHeaders: true } });
    await change(s, SAMPLE.member, uniqueValidPassword());
    const attempt = await change(s, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'rate_limited');
    assert.equal(attempt.retryAfterSeconds, null);
    assert.equal(attempt.rateLimitType, null);
  });
});

describe('faults', () => {
  it('500 and 503 → failed, nothing applied', async () => {
    for (const status of [500, 503] as const) {
      sim.faults.add({ match: { userId: SAMPLE.member }, fault: { kind: 'status', status } });
      const before = sim.state.passwordChangeCount(SAMPLE.member);
      const attempt = await change(sim, SAMPLE.member, uniqueValidPassword());
      assert.equal(attempt.outcome, 'failed');
      assert.equal(attempt.httpStatus, status);
      assert.equal(sim.state.passwordChangeCount(SAMPLE.member), before);
    }
    sim.faults.add({ fault: { kind: 'status', status: 503, body: '<html>maintenance</html>' } });
    assert.equal((await change(sim, SAMPLE.member, uniqueValidPassword())).outcome, 'failed');
  });

  it('a malformed body: 4xx → rejected without a code, 5xx → failed', async () => {
    sim.faults.add({ fault: { kind: 'malformed-body', status: 400 } });
    const refused = await change(sim, SAMPLE.member, uniqueValidPassword());
    assert.equal(refused.outcome, 'rejected');
    assert.equal(refused.zoomCode, null);
    assert.match(refused.message, /could not be read/);
    sim.faults.add({ fault: { kind: 'malformed-body', status: 502, body: '{"code":' } });
    assert.equal((await change(sim, SAMPLE.member, uniqueValidPassword())).outcome, 'failed');
  });

  it('no tracking id → still classified, trackingId null', async () => {
    sim.faults.add({ fault: { kind: 'no-tracking-id' } });
    const attempt = await change(sim, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'updated');
    assert.equal(attempt.trackingId, null);
  });

  it('reset after applying → unknown, and the simulator shows it applied', async () => {
    sim.faults.add({ match: { userId: SAMPLE.memberEmail }, fault: { kind: 'reset-after-apply' } });
    const password = uniqueValidPassword();
    const attempt = await change(sim, SAMPLE.member, password);
    assert.equal(attempt.outcome, 'unknown');
    assert.equal(attempt.httpStatus, null);
    assert.match(attempt.message, /may have applied/);
    const seen = lastRequest(sim);
    assert.equal(seen.status, null);
    assert.equal(seen.applied, true);
    assert.ok(sim.state.passwordMatches(SAMPLE.member, password));
    // The documented way to check: resending the same password answers "same as the old one".
    const resend = await change(sim, SAMPLE.member, password);
    assert.equal(resend.zoomCode, 300);
    assert.match(resend.message, /went through/);
  });

  it('reset before applying → unknown (it was sent), and nothing applied', async () => {
    sim.faults.add({ fault: { kind: 'reset-before-apply' } });
    const password = uniqueValidPassword();
    const attempt = await change(sim, SAMPLE.member, password);
    assert.equal(attempt.outcome, 'unknown');
    assert.equal(lastRequest(sim).applied, false);
    assert.ok(!sim.state.passwordMatches(SAMPLE.member, password));
  });

  it('a delay past the timeout → unknown; the simulator still applies it', async () => {
    sim.faults.add({ fault: { kind: 'delay', ms: 700 } });
    const password = uniqueValidPassword();
    const attempt = await change(sim, SAMPLE.member, password, { timeoutMs: 250 });
    assert.equal(attempt.outcome, 'unknown');
    assert.match(attempt.message, /No answer came back in time/);
    assert.ok(attempt.durationMs >= 200 && attempt.durationMs < 2000, `took ${attempt.durationMs} ms`);
    await waitFor(() => sim.state.passwordMatches(SAMPLE.member, password));
  });

  it('a delay within the timeout is just slow', async () => {
    sim.faults.add({ fault: { kind: 'delay', ms: 150 } });
    const attempt = await change(sim, SAMPLE.member, uniqueValidPassword(), { timeoutMs: 3000 });
    assert.equal(attempt.outcome, 'updated');
    assert.ok(attempt.durationMs >= 140);
  });
});

describe('transport failures', () => {
  it('a server that accepts TCP but never completes TLS → failed (not sent)', async () => {
    const sockets: net.Socket[] = [];
    const port = await listen(net.createServer((socket) => sockets.push(socket)));
    const attempt = await change({ apiBase: `https://127.0.0.1:${port}/v2` }, SAMPLE.member, uniqueValidPassword(), {
      timeoutMs: 300,
    });
    for (const socket of sockets) socket.destroy();
    assert.equal(attempt.outcome, 'failed');
    assert.match(attempt.message, /nothing was sent/);
  });

  it('a refused port → failed', async () => {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const attempt = await change({ apiBase: `https://127.0.0.1:${port}/v2` }, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'failed');
    assert.match(attempt.message, /refused/);
  });

  it('a certificate not from a trusted CA → failed (TLS), nothing sent', async () => {
    let reached = false;
    const port = await listen(
      https.createServer(createUntrustedServerCert(), (_req, res) => {
        reached = true;
        res.writeHead(204).end();
      }),
    );
    const attempt = await change({ apiBase: `https://127.0.0.1:${port}/v2` }, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'failed');
    assert.match(attempt.message, /certificate/);
    assert.equal(reached, false);
  });

  it('a redirect is not followed → failed', async () => {
    let followed = false;
    const leaf = issueServerCert(loadOrCreateTestCa(process.env.ZPA_TEST_CA_DIR ?? ''));
    const port = await listen(
      https.createServer(leaf, (req, res) => {
        if (req.url?.startsWith('/elsewhere')) followed = true;
        req.resume();
        res.writeHead(307, { location: '/elsewhere/v2/users/x/password' }).end();
      }),
    );
    const attempt = await change({ apiBase: `https://127.0.0.1:${port}/v2` }, SAMPLE.member, uniqueValidPassword());
    assert.equal(attempt.outcome, 'failed');
    assert.equal(attempt.httpStatus, 307);
    assert.match(attempt.message, /redirect/);
    assert.equal(followed, false);
  });

  it('an unresolvable host → failed', async () => {
    const attempt = await change({ apiBase: 'https://zpa-test.invalid/v2' }, SAMPLE.member, uniqueValidPassword(), {
      timeoutMs: 3000,
    });
    assert.equal(attempt.outcome, 'failed');
    assert.match(attempt.message, /nothing was sent/);
  });
});

describe('simulator extras', () => {
  it('GET /v2/users/{id} returns the light user with login_types', async () => {
    const res = await fetch(`${sim.apiBase}/users/${encodeURIComponent(SAMPLE.memberEmail)}`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    });
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('x-zm-trackingid'));
    const user = (await res.json()) as Record<string, unknown>;
    assert.equal(user.id, SAMPLE.member);
    assert.deepEqual(user.login_types, [100]);
    assert.equal(user.status, 'active');
    assert.ok(!('password' in user));
    const sso = (await (
      await fetch(`${sim.apiBase}/users/${SAMPLE.sso}`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } })
    ).json()) as Record<string, unknown>;
    assert.deepEqual(sso.login_types, [101]);
    const pending = await fetch(`${sim.apiBase}/users/${SAMPLE.pendingExpired}`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    });
    assert.equal(pending.status, 400);
    assert.equal(((await pending.json()) as { code: number }).code, 1120);
    const missing = await fetch(`${sim.apiBase}/users/nobody%40x.example`, {
      headers: { authorization: `Bearer ${DEMO_TOKEN}` },
    });
    assert.equal(missing.status, 404);
  });

  it('accepts JSON bodies too, and refuses tokens in the query string', async () => {
    const password = uniqueValidPassword();
    const res = await fetch(`${sim.apiBase}/users/${SAMPLE.member}/password`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    assert.equal(res.status, 204);
    assert.ok(sim.state.passwordMatches(SAMPLE.member, password));
    const bad = await fetch(`${sim.apiBase}/users/${SAMPLE.member}/password`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${DEMO_TOKEN}`, 'content-type': 'application/json' },
      body: '{"password":',
    });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { code: number }).code, 300);
    const query = await fetch(`${sim.apiBase}/users/${SAMPLE.member}/password?access_token=${DEMO_TOKEN}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: uniqueValidPassword() }),
    });
    assert.equal(query.status, 401);
  });

  it('has a realistic sample account', () => {
    assert.ok(SAMPLE_USERS.length >= 12);
    const views = sim.state.users();
    assert.ok(views.some((u) => u.role_name === 'Owner'));
    assert.ok(views.some((u) => u.role_name === 'Admin'));
    assert.ok(views.some((u) => u.status === 'pending'));
    assert.ok(views.some((u) => !u.login_types.includes(100)));
  });

  it('refuses to start without a CA folder, saying how to make one', async () => {
    const saved = process.env.ZPA_TEST_CA_DIR;
    delete process.env.ZPA_TEST_CA_DIR;
    try {
      await assert.rejects(startZoomSimulator(), /make-test-ca/);
    } finally {
      process.env.ZPA_TEST_CA_DIR = saved;
    }
  });
});
