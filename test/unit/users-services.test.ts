import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Account } from '../../electron/node/accounts/account-types';
import type { KeyValueStore, Transport, TransportRequest } from '../../electron/node/ports';
import { RecentUsers } from '../../electron/node/recent-users';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { POLICY_MAX_AGE_MS, POLICY_RETRY_AFTER_MS, PolicyService } from '../../electron/node/users/policy-service';
import { USER_CACHE_DIR, UserDirectoryCache } from '../../electron/node/users/user-directory-cache';
import { UsersService } from '../../electron/node/users/users-service';
import { TransportError } from '../../electron/node/ports';
import { fixedTokenAccount } from '../support/account-fixtures';
import { tempDir } from '../support/temp-dir';

const START = Date.UTC(2026, 10, 23, 9, 0, 0);

const ACCOUNT = fixedTokenAccount(new Date(START));

type Answer = { status: number; body?: unknown } | 'network';

/** Zoom stand-in: answers per path from a queue (the last answer repeats), recording each request. */
function fakeZoom(answers: Record<string, Answer[]>): Transport & { sent: TransportRequest[] } {
  const sent: TransportRequest[] = [];
  return {
    sent,
    async send(request) {
      sent.push(request);
      const url = new URL(request.url);
      const queue = answers[url.pathname.replace('/v2', '')] ?? [{ status: 404, body: { code: 404, message: 'x' } }];
      const answer = queue.length > 1 ? queue.shift() : queue[0];
      if (answer === 'network' || answer === undefined) throw new TransportError('refused', false, 'refused');
      return {
        status: answer.status,
        headers: new Headers({ 'x-zm-trackingid': 'trk' }),
        text: answer.body === undefined ? '' : JSON.stringify(answer.body),
      };
    },
  };
}

function deps(transport: Transport, now: { ms: number }) {
  return {
    accounts: {
      resolve: async () => ACCOUNT,
      urlsFor: (a: Account) => ({ apiBase: a.apiBase, oauthBase: a.oauthBase }),
    },
    tokens: {
      getToken: async () => ({
        token: 'tok',
        source: 'stored' as const,
        scopes: null,
        expiresAt: null,
        obtainedAt: null,
        apiUrl: null,
      }),
      invalidate: () => undefined,
    },
    transport,
    clock: { now: () => new Date(now.ms) },
  };
}

const SETTINGS = {
  security: {
    password_requirement: {
      minimum_password_length: 12,
      have_special_character: true,
      consecutive_characters_length: 5,
      weak_enhance_detection: false,
    },
  },
};

function store(t: TestContext): KeyValueStore {
  return openSettingsStore({ dataDir: tempDir(t) }).store;
}

describe('PolicyService', () => {
  it('reads, caches per account for a day, and refreshes on demand', async (t) => {
    const now = { ms: START };
    const zoom = fakeZoom({ '/accounts/me/settings': [{ status: 200, body: SETTINGS }] });
    const settings = store(t);
    const policies = new PolicyService({ ...deps(zoom, now), settings });
    const first = await policies.get();
    assert.deepEqual(first, {
      account: 'Acme',
      policy: { minLength: 12, requireSpecial: true, consecutiveLength: 5, weakDetection: false },
      source: 'account',
      reason: null,
      asOf: new Date(START).toISOString(),
    });
    now.ms += POLICY_MAX_AGE_MS - 1;
    assert.deepEqual(await new PolicyService({ ...deps(zoom, now), settings }).get(), first, 'kept in settings');
    assert.equal(zoom.sent.length, 1);
    await policies.get({ refresh: true });
    assert.equal(zoom.sent.length, 2);
    now.ms += POLICY_MAX_AGE_MS;
    await policies.get();
    assert.equal(zoom.sent.length, 3, 'read again once a day old');
  });

  it('a network failure: the last policy read if any, else basic rules for a while, not stored', async (t) => {
    const now = { ms: START };
    const zoom = fakeZoom({ '/accounts/me/settings': ['network'] });
    const settings = store(t);
    const policies = new PolicyService({ ...deps(zoom, now), settings });
    const fallback = await policies.get();
    assert.equal(fallback.source, 'basic');
    assert.match(fallback.reason ?? '', /could not be read.*Reading from Zoom failed/);
    assert.equal(fallback.asOf, null);
    await policies.get();
    assert.equal(zoom.sent.length, 1, 'not asked again at once: the read counts against the rate limit');
    now.ms += POLICY_RETRY_AFTER_MS;
    await policies.get();
    assert.equal(zoom.sent.length, 2);
    assert.equal(settings.get('passwordPolicies'), undefined, 'a passing failure is not stored');

    const good = fakeZoom({ '/accounts/me/settings': [{ status: 200, body: SETTINGS }, 'network'] });
    const later = new PolicyService({ ...deps(good, now), settings });
    await later.get();
    now.ms += POLICY_MAX_AGE_MS + 1;
    const stale = await later.get();
    assert.equal(stale.source, 'account', "yesterday's policy beats the basic rules");
    assert.equal(stale.policy.minLength, 12);
  });

  it("Zoom's refusals stand: a missing scope gives basic rules until a refresh", async (t) => {
    const now = { ms: START };
    const zoom = fakeZoom({
      '/accounts/me/settings': [
        { status: 400, body: { code: 4711, message: 'Invalid access token, does not contain scopes:[x]' } },
      ],
    });
    const policies = new PolicyService({ ...deps(zoom, now), settings: store(t) });
    const basic = await policies.get();
    assert.equal(basic.source, 'basic');
    assert.match(basic.reason ?? '', /account:read:settings:admin/);
    now.ms += POLICY_RETRY_AFTER_MS * 10;
    await policies.get();
    assert.equal(zoom.sent.length, 1);
  });
});

describe('UsersService directory', () => {
  const user = (i: number) => ({
    id: `U${String(i).padStart(5, '0')}`,
    email: `u${i}@example.com`,
    first_name: 'User',
    last_name: String(i),
    type: 1,
    status: 'active',
    role_name: 'Member',
  });

  it('follows next_page_token to the end, skips repeats, and survives a damaged cache file', async (t) => {
    const dir = tempDir(t);
    const pages: Answer[] = [
      { status: 200, body: { users: [user(1), user(2)], next_page_token: 'p2', total_records: 3 } },
      { status: 200, body: { users: [user(2), user(3)], next_page_token: '' } },
    ];
    const zoom = fakeZoom({ '/users': pages });
    const users = new UsersService({
      ...deps(zoom, { ms: START }),
      cache: new UserDirectoryCache(dir),
      recentUsers: new RecentUsers(store(t)),
    });
    const page = await users.list({ search: 'u3@' });
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.users.map((u) => u.id),
      ['U00003'],
    );
    assert.equal(new URL(zoom.sent[1]?.url ?? '').searchParams.get('next_page_token'), 'p2');
    const file = path.join(dir, USER_CACHE_DIR, `${ACCOUNT.id}.json`);
    fs.writeFileSync(file, '{"version":1,');
    const fresh = new UsersService({
      ...deps(fakeZoom({ '/users': [{ status: 200, body: { users: [user(9)] } }] }), { ms: START }),
      cache: new UserDirectoryCache(dir),
      recentUsers: new RecentUsers(store(t)),
    });
    assert.equal((await fresh.list()).total, 1, 'an unreadable cache is fetched again');
  });

  it('a failed list is an error that says what to do; nothing is cached', async (t) => {
    const zoom = fakeZoom({ '/users': ['network'] });
    const users = new UsersService({
      ...deps(zoom, { ms: START }),
      cache: new UserDirectoryCache(tempDir(t)),
      recentUsers: new RecentUsers(store(t)),
    });
    await assert.rejects(users.list(), { code: 'zoom_read_failed' });
  });
});

describe('recent users learn names from lookups', () => {
  it('keeps name and e-mail across later changes; lookups of new users add nothing', (t) => {
    const recent = new RecentUsers(store(t));
    recent.learn('a@example.com', { name: 'Ann' });
    assert.deepEqual(recent.list(), []);
    recent.touch('a@example.com', '2026-01-01T00:00:00Z', 'updated');
    recent.learn('A@example.com', { name: 'Ann Lee', email: 'a@example.com' });
    recent.touch('a@example.com', '2026-01-02T00:00:00Z', 'rejected');
    assert.deepEqual(recent.list(), [
      {
        user: 'a@example.com',
        lastAt: '2026-01-02T00:00:00Z',
        lastOutcome: 'rejected',
        name: 'Ann Lee',
        email: 'a@example.com',
      },
    ]);
  });
});
