/**
 * Zoom reads (user, user list, security settings) against the Zoom simulator over HTTPS with the
 * test CA, and eligibility checked against what the simulator's PUT then answers.
 * Run with NODE_EXTRA_CA_CERTS=<dir>/ca.pem and ZPA_TEST_CA_DIR=<dir>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generatePassword } from '../../shared/password/generator';
import { BASIC_POLICY, checkPassword, type PasswordPolicy } from '../../shared/password/rules';
import { eligibility } from '../../electron/node/users/eligibility';
import type { ZoomUser } from '../../electron/node/users/zoom-user';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { ZoomClient } from '../../electron/node/zoom/zoom-client';
import {
  getSecuritySettings,
  getUser,
  listUsers,
  PLAN_UNAVAILABLE_REASON,
  type ZoomReadContext,
} from '../../electron/node/zoom/zoom-reads';
import { DEMO_TOKEN, NO_SCOPE_TOKEN, SAMPLE, SAMPLE_USERS } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';

const transport = createNodeTransport();
const STRICT = {
  minimumPasswordLength: 14,
  haveSpecialCharacter: true,
  consecutiveCharactersLength: 4,
  weakEnhanceDetection: true,
  passwordHistoryCount: 3,
};
let sim: ZoomSimulator;
let ctx: ZoomReadContext;
let requestCounter = 0;

before(async () => {
  sim = await startZoomSimulator({ policy: STRICT, maxChangesPer24h: 10_000, rateLimit: { perSecond: 100_000 } });
  ctx = { transport, apiBase: sim.apiBase, timeoutMs: 5000 };
});
after(async () => {
  await sim.stop();
});

async function readPolicy(): Promise<PasswordPolicy> {
  const read = await getSecuritySettings(ctx, DEMO_TOKEN);
  assert.ok(read.ok, read.ok ? '' : read.failure.message);
  assert.ok(read.value.policy !== null);
  return read.value.policy;
}

async function put(userId: string, password: string): Promise<Awaited<ReturnType<ZoomClient['setPassword']>>> {
  requestCounter += 1;
  const client = new ZoomClient({ transport, apiBase: sim.apiBase, timeoutMs: 5000 });
  return client.setPassword({ token: DEMO_TOKEN, userId, password, requestId: `reads-${requestCounter}` });
}

describe('getSecuritySettings', () => {
  it("reads the account's strict policy and maps it", async () => {
    assert.deepEqual(await readPolicy(), {
      minLength: 14,
      requireSpecial: true,
      consecutiveLength: 4,
      weakDetection: true,
    });
    const last = sim.requests.at(-1);
    assert.equal(last?.path, '/v2/accounts/me/settings');
    assert.equal(last?.status, 200);
  });

  it('a free account gives no policy, with the reason', async () => {
    const free = await startZoomSimulator({ plan: 'free' });
    try {
      const read = await getSecuritySettings({ transport, apiBase: free.apiBase }, DEMO_TOKEN);
      assert.ok(read.ok);
      assert.deepEqual(read.value, { policy: null, reason: PLAN_UNAVAILABLE_REASON });
      assert.equal(free.requests.at(-1)?.zoomCode, 200);
    } finally {
      await free.stop();
    }
  });

  it('a token without the settings scope fails with the scope to add', async () => {
    const read = await getSecuritySettings(ctx, NO_SCOPE_TOKEN);
    assert.ok(!read.ok);
    assert.equal(read.failure.zoomCode, 4711);
    assert.match(read.failure.message, /account:read:settings:admin/);
    assert.ok(!read.failure.message.includes(NO_SCOPE_TOKEN));
  });

  it('thousands of passwords generated for the strict policy are all accepted by Zoom', async () => {
    const policy = await readPolicy();
    let last = '';
    for (let i = 0; i < 2000; i += 1) {
      const password = generatePassword(policy, { length: 14 + (i % 18), avoidLookAlikes: i % 3 === 0 });
      assert.ok(checkPassword(password, policy).ok);
      const attempt = await put(SAMPLE.member, password);
      assert.equal(attempt.outcome, 'updated', `${attempt.zoomCode ?? ''} ${attempt.message}`);
      last = password;
    }
    assert.ok(sim.state.passwordMatches(SAMPLE.member, last));
    // The simulator keeps only the last 1000 change times; the last password shows every change landed.
    assert.equal(sim.state.passwordChangeCount(SAMPLE.member), 1000);
  });
});

describe('getUser + eligibility', () => {
  it("matches what the simulator's PUT then answers, for every sample user", async () => {
    const policy = await readPolicy();
    const seen = new Set<string>();
    for (const seed of SAMPLE_USERS) {
      const read = await getUser(ctx, DEMO_TOKEN, seed.email);
      const password = generatePassword(policy);
      if (!read.ok) {
        // Only the pending user whose invitation expired cannot be looked up; Zoom refuses the change alike.
        assert.equal(seed.id, SAMPLE.pendingExpired);
        assert.equal(read.failure.zoomCode, 1120);
        assert.equal((await put(seed.id, password)).zoomCode, 1120);
        continue;
      }
      const user: ZoomUser = read.value;
      assert.equal(user.id, seed.id);
      assert.equal(user.email, seed.email);
      assert.deepEqual(user.loginTypes, seed.loginTypes ?? [100]);
      const verdict = eligibility(user);
      if (verdict.eligible === false && verdict.code === null) {
        // Inactive: the lookup blocks it; Zoom's answer is for "send anyway" to find out.
        assert.equal(user.status, 'inactive');
        continue;
      }
      seen.add(verdict.eligible ? 'eligible' : String(verdict.code));
      const attempt = await put(seed.id, password);
      if (verdict.eligible) assert.equal(attempt.outcome, 'updated', `${seed.email}: ${attempt.message}`);
      else assert.deepEqual([attempt.outcome, attempt.zoomCode], ['rejected', verdict.code], seed.email);
    }
    assert.deepEqual([...seen].sort(), ['1117', '1123', 'eligible']);
  });

  it('URL-encodes the user id (plus sign, non-ASCII) and reports unknown users', async () => {
    for (const email of [SAMPLE.plusEmail, SAMPLE.unicodeEmail]) {
      const read = await getUser(ctx, DEMO_TOKEN, email);
      assert.ok(read.ok);
      assert.equal(read.value.email, email);
    }
    const missing = await getUser(ctx, DEMO_TOKEN, SAMPLE.unknownEmail);
    assert.ok(!missing.ok);
    assert.deepEqual([missing.failure.outcome, missing.failure.zoomCode], ['not_found', 1001]);
    assert.match(missing.failure.message, /no user with this ID or e-mail/);
  });

  it('network failures come back as a failed read, never a throw', async () => {
    const port = new URL(sim.url).port;
    const read = await getUser(
      { transport, apiBase: `https://127.0.0.1:${Number(port) === 1 ? 2 : 1}/v2` },
      DEMO_TOKEN,
      'me',
    );
    assert.ok(!read.ok);
    assert.equal(read.failure.outcome, 'failed');
    assert.match(read.failure.message, /^Reading from Zoom failed: .*Nothing was changed/);
    assert.doesNotMatch(read.failure.message, /may have applied/);
  });
});

describe('listUsers', () => {
  it('pages through every active user with next_page_token', async () => {
    const ids: string[] = [];
    let nextPageToken: string | null = null;
    let pages = 0;
    do {
      const read = await listUsers(ctx, DEMO_TOKEN, { pageSize: 4, nextPageToken });
      assert.ok(read.ok, read.ok ? '' : read.failure.message);
      assert.ok(read.value.users.length <= 4);
      for (const u of read.value.users) {
        assert.equal(u.loginTypes, null, 'list items carry no login types');
        assert.equal(u.status, 'active');
      }
      ids.push(...read.value.users.map((u) => u.id));
      nextPageToken = read.value.nextPageToken;
      pages += 1;
    } while (nextPageToken !== null && pages < 20);
    const active = SAMPLE_USERS.filter((u) => (u.status ?? 'active') === 'active').map((u) => u.id);
    assert.deepEqual(ids, active);
    assert.equal(pages, Math.ceil(active.length / 4));
    const first = sim.requests.find((r) => r.path === '/v2/users');
    assert.ok(first !== undefined);
  });

  it('refuses a page size Zoom would refuse, before sending', async () => {
    await assert.rejects(listUsers(ctx, DEMO_TOKEN, { pageSize: 2001 }), RangeError);
  });
});

describe('basic fallback', () => {
  it('the basic policy is what applies when none can be read', () => {
    assert.ok(checkPassword(generatePassword(BASIC_POLICY), BASIC_POLICY).ok);
  });
});
