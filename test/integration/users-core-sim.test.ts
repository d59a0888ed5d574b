/**
 * Issue 5, "the right user": lookup and eligibility before sending, the ambiguous-outcome check, the
 * user directory and the one-time copy, over the real core, the simulator over HTTPS and (with a
 * Secret Service) the real keychain. Nothing may be sent for a user Zoom would refuse.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { entryOutcomeLabel } from '../../shared/domain/history';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import type { Core } from '../../electron/node/core';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { createHandlerTable } from '../../electron/node/ipc/handler-table';
import { USER_CACHE_DIR } from '../../electron/node/users/user-directory-cache';
import { DEMO_TOKEN, SAMPLE } from '../simulator/sample-users';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import type { SimUserSeed } from '../simulator/sim-types';
import { MemoryClipboard } from '../support/memory-clipboard';
import { unreachableApiBase } from '../support/run-zpa';
import {
  PENDING_USER,
  passwordPuts,
  simCore,
  STRICT_SIM_OPTIONS,
  STRICT_USERS,
  testKeychain,
  useStrictSimCore,
} from '../support/strict-sim';
import { tempDir } from '../support/temp-dir';

// Meets the strict policy; each test sends its own so "same as the old password" never trips one.
let counter = 0;
const password = (): string => {
  counter += 1;
  return `Vq7#Lm${counter.toString(36).padStart(3, 'x')}!Tz9-Kw`;
};

const ineligible =
  (field = 'user') =>
  (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'ineligible', error.message);
    assert.equal(error.field, field);
    assert.match(error.message, /Nothing was sent\./);
    assert.match(error.action ?? '', /send anyway \(--force\)/);
    return true;
  };

describe('eligibility before sending', () => {
  let sim: ZoomSimulator;
  let core: Core;
  useStrictSimCore('zpa-eligibility-', (started) => ({ sim, core } = started));

  const CASES: [string, string, RegExp][] = [
    ['an SSO-only user (1123)', SAMPLE.sso, /signs in only with SSO/],
    ['a Google user (1123)', SAMPLE.google, /signs in only with Google/],
    ['an admin (1117)', SAMPLE.admin, /is the account admin/],
    ['the owner (1117)', SAMPLE.owner, /is the account owner/],
    ['a pending user', PENDING_USER.id, /has not accepted the invitation/],
    ['a pending user whose invitation expired (1120)', SAMPLE.pendingExpired, /invitation expired/],
    ['a deactivated user', 'victor.inactive@northwind.example', /is deactivated/],
    ['a user who does not exist (1001)', SAMPLE.unknownEmail, /No user "nobody@northwind\.example"/],
  ];

  for (const [name, user, reason] of CASES) {
    it(`${name} is refused with the reason, nothing sent and nothing recorded`, async () => {
      const puts = passwordPuts(sim).length;
      const recorded = core.history.list({}).total;
      await assert.rejects(core.passwords.change({ user, password: password() }), (error: unknown) => {
        ineligible()(error);
        assert.match((error as AppError).message, reason);
        return true;
      });
      assert.equal(passwordPuts(sim).length, puts, 'no password request reached Zoom');
      assert.equal(core.history.list({}).total, recorded, 'nothing recorded');
    });
  }

  it('"send anyway" (force) sends, and Zoom answers with the code the lookup predicted', async () => {
    const sso = await core.passwords.change({ user: SAMPLE.sso, password: password(), force: true });
    assert.equal(sso.outcome, 'rejected');
    assert.equal(sso.zoomCode, 1123);
    const admin = await core.passwords.change({ user: SAMPLE.admin, password: password(), force: true });
    assert.equal(admin.zoomCode, 1117);
  });

  it('the owner may change their own password as "me"; a user with SSO and a work e-mail is eligible', async () => {
    const self = await core.passwords.change({ user: 'me', password: password() });
    assert.equal(self.outcome, 'updated');
    const both = await core.passwords.change({
      user: 'mia.both@northwind.example',
      password: password(),
      reason: '  INC-4711  ',
    });
    assert.equal(both.outcome, 'updated');
    assert.equal(both.userName, 'Mia Santos', 'the name from the lookup is recorded');
    assert.equal(both.reason, 'INC-4711');
    const recent = core.recentUsers.list().find((r) => r.user === 'mia.both@northwind.example');
    assert.equal(recent?.name, 'Mia Santos');
    assert.equal(recent?.email, 'mia.both@northwind.example');
  });

  it('a reason longer than 500 characters is refused before anything is sent', async () => {
    const puts = passwordPuts(sim).length;
    await assert.rejects(
      core.passwords.change({ user: SAMPLE.member, password: password(), reason: 'x'.repeat(501) }),
      (error: unknown) => error instanceof AppError && error.field === 'reason',
    );
    assert.equal(passwordPuts(sim).length, puts);
  });

  it('a lookup that cannot be made does not block: Zoom answers for itself', async () => {
    sim.faults.add({ match: { userId: SAMPLE.member, method: 'GET' }, fault: { kind: 'status', status: 503 } });
    const entry = await core.passwords.change({ user: SAMPLE.member, password: password() });
    assert.equal(entry.outcome, 'updated');
  });

  it('lookups say who the user is, in words', async () => {
    const found = await core.users.lookup({ user: SAMPLE.memberEmail });
    assert.equal(found.status, 'found');
    if (found.status !== 'found') return;
    assert.equal(found.user.displayName, 'Priya Patel');
    assert.equal(found.user.typeLabel, 'Licensed');
    assert.equal(found.user.loginMethods, 'Zoom work e-mail and password');
    assert.equal(found.user.roleName, 'Member');
    assert.deepEqual(found.eligibility, { eligible: true, reason: null, code: null });
    assert.match(found.trackingId ?? '', /^v=2\.0;clid=sim1/);
    const sso = await core.users.lookup({ user: SAMPLE.sso });
    assert.equal(sso.status === 'found' && sso.eligibility.code, 1123);
    await assert.rejects(
      core.users.lookup({ user: 'not a user' }),
      (e: unknown) => e instanceof AppError && e.field === 'user',
    );
  });
});

describe('lookups that cannot answer', () => {
  it('missing read scope, an unreachable API, no account: "unavailable" with the cause', async (t) => {
    const sim = await startZoomSimulator(STRICT_SIM_OPTIONS);
    t.after(() => sim.stop());
    const { keychain, service } = await testKeychain();
    const core = simCore({ sim, dataDir: tempDir(t, 'zpa-lookup-'), keychain, service });
    t.after(() => core.vault.clearToken().catch(() => undefined));
    const none = await core.users.lookup({ user: SAMPLE.memberEmail });
    assert.equal(none.status === 'unavailable' && none.cause, 'no_account');
    // A token that may list users but not read one: the lookup says which scope is missing.
    sim.state.addToken({
      token: 'zpa-demo.list-only',
      accountId: 'a',
      userId: SAMPLE.owner,
      scopes: ['user:read:list_users:admin'],
    });
    await core.vault.setToken('zpa-demo.list-only');
    const scope = await core.users.lookup({ user: SAMPLE.memberEmail });
    assert.equal(scope.status, 'unavailable');
    if (scope.status === 'unavailable') {
      assert.equal(scope.cause, 'scope');
      assert.match(scope.reason, /user:read:user:admin/);
    }
    const offline = simCore({
      sim: { ...sim, apiBase: await unreachableApiBase() },
      dataDir: tempDir(t, 'zpa-lookup-offline-'),
      keychain,
      service,
    });
    await offline.vault.setToken(DEMO_TOKEN);
    const network = await offline.users.lookup({ user: SAMPLE.memberEmail });
    assert.equal(network.status === 'unavailable' && network.cause, 'network');
  });
});

describe('the ambiguous outcome and its check', () => {
  let sim: ZoomSimulator;
  let core: Core;
  useStrictSimCore('zpa-check-', (started) => ({ sim, core } = started));

  it('connection lost after Zoom applied it → unknown; the check resends once → updated (confirmed)', async () => {
    const secret = password();
    sim.faults.add({ match: { userId: SAMPLE.member, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
    const first = await core.passwords.change({ user: SAMPLE.member, password: secret, reason: 'INC-1' });
    assert.equal(first.outcome, 'unknown');
    assert.ok(sim.state.passwordMatches(SAMPLE.member, secret), 'Zoom did apply it');
    const changes = sim.state.passwordChangeCount(SAMPLE.member);
    const puts = passwordPuts(sim).length;

    const check = await core.passwords.change({ user: SAMPLE.member, password: secret, checkOf: first.id });
    assert.equal(passwordPuts(sim).length, puts + 1, 'the same password was sent exactly once more');
    assert.equal(sim.state.passwordChangeCount(SAMPLE.member), changes, 'the check changed nothing');
    assert.equal(check.outcome, 'updated');
    assert.equal(check.confirmed, true);
    assert.equal(check.checkOf, first.id);
    assert.equal(check.zoomCode, 300, "Zoom's own answer is kept");
    assert.match(check.message, /^Confirmed: .*did reach Zoom/);
    assert.equal(entryOutcomeLabel(check), 'Updated (confirmed)');

    const history = core.history.list({ user: SAMPLE.member }).entries;
    assert.deepEqual(
      history.slice(0, 2).map((e) => [e.id, e.outcome, e.confirmed ?? false, e.checkOf ?? null]),
      [
        [check.id, 'updated', true, first.id],
        [first.id, 'unknown', false, null],
      ],
    );
  });

  it('connection lost before Zoom applied it → the check applies it now: updated, not "confirmed"', async () => {
    const secret = password();
    sim.faults.add({ match: { userId: SAMPLE.member, method: 'PUT' }, fault: { kind: 'reset-before-apply' } });
    const first = await core.passwords.change({ user: SAMPLE.member, password: secret });
    assert.equal(first.outcome, 'unknown');
    assert.ok(!sim.state.passwordMatches(SAMPLE.member, secret));
    const check = await core.passwords.change({ user: SAMPLE.member, password: secret, checkOf: first.id });
    assert.equal(check.outcome, 'updated');
    assert.equal(check.confirmed, undefined);
    assert.equal(check.checkOf, first.id);
    assert.match(check.message, /had not applied; this check set the password now/);
    assert.ok(sim.state.passwordMatches(SAMPLE.member, secret));
  });

  it('a check names an unknown change of the same user, or nothing is sent', async () => {
    const done = await core.passwords.change({ user: SAMPLE.member, password: password() });
    const puts = passwordPuts(sim).length;
    const refusedCheck = (error: unknown) => error instanceof AppError && error.field === 'checkOf';
    await assert.rejects(
      core.passwords.change({ user: SAMPLE.member, password: password(), checkOf: done.id }),
      refusedCheck,
    );
    sim.faults.add({ match: { userId: SAMPLE.member, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
    const lost = await core.passwords.change({ user: SAMPLE.member, password: password() });
    await assert.rejects(
      core.passwords.change({
        user: 'tom.becker@northwind.example',
        password: password(),
        checkOf: lost.id,
      }),
      refusedCheck,
    );
    await assert.rejects(
      core.passwords.change({ user: SAMPLE.member, password: password(), checkOf: 'no-such-id' }),
      refusedCheck,
    );
    assert.equal(passwordPuts(sim).length, puts + 1, 'only the change that got lost was sent');
  });
});

describe('the IPC surface of issue 5 over the real core', () => {
  let sim: ZoomSimulator;
  let core: Core;
  const clipboard = new MemoryClipboard();
  const dataDir = tempDir({ after }, 'zpa-users-ipc-');
  // Enough users for three pages of GET /users.
  const many: SimUserSeed[] = Array.from({ length: 2300 }, (_, i) => ({
    id: `Bulk${String(i).padStart(6, '0')}xxxxxxxxxxxx`,
    email: `user${i}@northwind.example`,
    firstName: 'Bulk',
    lastName: `User ${i}`,
  }));
  let call: (method: keyof typeof IPC_CHANNELS, payload?: unknown) => Promise<IpcResult<unknown>>;

  before(async () => {
    sim = await startZoomSimulator({ ...STRICT_SIM_OPTIONS, users: [...STRICT_USERS, ...many] });
    const { keychain, service } = await testKeychain();
    core = simCore({ sim, dataDir, keychain, service });
    await core.vault.setToken(DEMO_TOKEN);
    const table = createHandlerTable(core, {
      openExternal: async () => undefined,
      chooseSaveFile: async () => null,
      chooseOpenFile: async () => null,
      clipboard,
    });
    const dispatch = createDispatcher(table, createSenderPolicy(APP_ORIGIN), { checkResponses: true });
    call = (method, payload) =>
      dispatch(IPC_CHANNELS[method], { frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true }, payload);
  });
  after(async () => {
    await core?.vault.clearToken().catch(() => undefined);
    await sim?.stop();
  });

  const value = <T>(result: IpcResult<unknown>): T => {
    assert.ok(result.ok, JSON.stringify(result));
    return result.value as T;
  };

  it('listUsers fetches every page once, filters locally, and serves the cache with its time', async () => {
    const lists = () => sim.requests.filter((r) => r.method === 'GET' && r.path === '/v2/users').length;
    const page = value<{ total: number; matched: number; users: { email: string }[]; asOf: string }>(
      await call('listUsers', { search: 'PRIYA' }),
    );
    const active = STRICT_USERS.filter((u) => (u.status ?? 'active') === 'active').length + many.length;
    assert.equal(page.total, active);
    assert.equal(page.matched, 1);
    assert.equal(page.users[0]?.email, SAMPLE.memberEmail);
    assert.equal(lists(), 3, 'three pages of up to 1000');
    const paged = value<{ offset: number; users: unknown[]; matched: number }>(
      await call('listUsers', { search: 'bulk', offset: 2250, limit: 100 }),
    );
    assert.equal(paged.matched, many.length);
    assert.equal(paged.users.length, 50);
    assert.equal(lists(), 3, 'served from the cache');
    assert.ok(fs.readdirSync(path.join(dataDir, USER_CACHE_DIR)).length === 1, 'cached in the data folder');
    // A second core on the same folder (zpa, or the app after a restart) starts from the file.
    const { keychain, service } = await testKeychain();
    const again = simCore({ sim, dataDir, keychain, service });
    const cached = await again.users.list({ search: 'priya' });
    assert.equal(cached.asOf, page.asOf);
    assert.equal(lists(), 3);
    value(await call('listUsers', { refresh: true, limit: 1 }));
    assert.equal(lists(), 6, 'refresh fetches again');
  });

  it('lookupUser, getPasswordPolicy and changePassword with a reason; the new password is copied once', async () => {
    const lookup = value<{ status: string }>(await call('lookupUser', { user: SAMPLE.sso }));
    assert.equal(lookup.status, 'found');
    const policy = value<{ source: string; policy: { minLength: number } }>(await call('getPasswordPolicy', {}));
    assert.equal(policy.source, 'account');
    assert.equal(policy.policy.minLength, 14);

    const refused = await call('changePassword', { user: SAMPLE.sso, password: password() });
    assert.ok(!refused.ok && refused.error.code === 'ineligible' && refused.error.field === 'user');

    const secret = password();
    const { entry } = value<{ entry: { id: string; outcome: string; reason: string } }>(
      await call('changePassword', { user: SAMPLE.memberEmail, password: secret, reason: 'Ticket 42' }),
    );
    assert.equal(entry.outcome, 'updated');
    assert.equal(entry.reason, 'Ticket 42');
    assert.ok(!JSON.stringify(entry).includes(secret), 'the entry never holds the password');

    assert.deepEqual(value(await call('getPreferences')), { clipboardClearSeconds: 30 });
    const copied = value<{ copied: boolean; clearsAt: string }>(await call('copyNewPassword', { entryId: entry.id }));
    assert.equal(copied.copied, true);
    assert.ok(Math.abs(Date.parse(copied.clearsAt) - Date.now() - 30_000) < 5_000);
    assert.equal(clipboard.text, secret, 'main wrote it to the clipboard');
    assert.ok(!JSON.stringify(copied).includes(secret), 'the renderer never receives it');
    const again = await call('copyNewPassword', { entryId: entry.id });
    assert.ok(!again.ok && again.error.code === 'not_allowed', 'copied once only');
    assert.equal(clipboard.writes.filter((w) => w === secret).length, 1);

    assert.deepEqual(value(await call('setPreferences', { clipboardClearSeconds: 0 })), { clipboardClearSeconds: 0 });
    assert.deepEqual(value(await call('getPreferences')), { clipboardClearSeconds: 0 });
    const recent = value<{ user: string; name?: string }[]>(await call('listRecentUsers'));
    assert.equal(recent[0]?.name, 'Priya Patel');
    await core.handoff.dispose(clipboard);
  });
});
