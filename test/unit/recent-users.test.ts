import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { RecentUsers } from '../../electron/node/recent-users';
import { tempDir } from '../support/temp-dir';

const at = (n: number) => new Date(Date.UTC(2026, 1, 1, 0, 0, n)).toISOString();

test('distinct users, newest first, with their last time and outcome; persisted in settings', (t) => {
  const dir = tempDir(t);
  const { store } = openSettingsStore({ dataDir: dir });
  const recent = new RecentUsers(store);
  assert.deepEqual(recent.list(), []);
  recent.touch('alice@example.com', at(1), 'updated');
  recent.touch('KzW3x_9-abc', at(2), 'not_found');
  recent.touch('bob@example.com', at(3), 'rejected');
  recent.touch('Alice@Example.COM', at(4), 'rate_limited');
  const expected = [
    { user: 'Alice@Example.COM', lastAt: at(4), lastOutcome: 'rate_limited' },
    { user: 'bob@example.com', lastAt: at(3), lastOutcome: 'rejected' },
    { user: 'KzW3x_9-abc', lastAt: at(2), lastOutcome: 'not_found' },
  ];
  assert.deepEqual(recent.list(), expected);
  assert.deepEqual(new RecentUsers(openSettingsStore({ dataDir: dir }).store).list(), expected);
  assert.deepEqual(store.get('recentUsers'), expected);
});

test('user IDs are compared exactly (case matters), e-mails case-insensitively', (t) => {
  const recent = new RecentUsers(openSettingsStore({ dataDir: tempDir(t) }).store);
  recent.touch('AbC123', at(1), 'updated');
  recent.touch('abc123', at(2), 'updated');
  recent.touch('me', at(3), 'updated');
  recent.touch('me', at(4), 'failed');
  assert.deepEqual(
    recent.list().map((r) => r.user),
    ['me', 'abc123', 'AbC123'],
  );
});

test('keeps at most 50 (or the given limit), dropping the oldest', (t) => {
  const { store } = openSettingsStore({ dataDir: tempDir(t) });
  const recent = new RecentUsers(store);
  for (let n = 1; n <= 60; n += 1) recent.touch(`u${n}@example.com`, at(n), 'updated');
  const list = recent.list();
  assert.equal(list.length, 50);
  assert.equal(list[0]?.user, 'u60@example.com');
  assert.equal(list[49]?.user, 'u11@example.com');
  const small = new RecentUsers(store, 3);
  small.touch('x@example.com', at(99), 'updated');
  assert.deepEqual(
    small.list().map((r) => r.user),
    ['x@example.com', 'u60@example.com', 'u59@example.com'],
  );
});

test('a malformed stored value is ignored, item by item, without a crash', (t) => {
  const { store } = openSettingsStore({ dataDir: tempDir(t) });
  const recent = new RecentUsers(store);
  for (const bad of ['nonsense', 42, null, { user: 'a' }]) {
    store.set('recentUsers', bad);
    assert.deepEqual(recent.list(), []);
  }
  store.set('recentUsers', [
    { user: 'good@example.com', lastAt: at(1), lastOutcome: 'updated' },
    'junk',
    { user: 'bad-outcome', lastAt: at(2), lastOutcome: 'exploded' },
    { user: '  ', lastAt: at(2), lastOutcome: 'updated' },
    { user: 'GOOD@example.com', lastAt: at(0), lastOutcome: 'failed' },
    null,
  ]);
  assert.deepEqual(recent.list(), [{ user: 'good@example.com', lastAt: at(1), lastOutcome: 'updated' }]);
  recent.touch('new@example.com', at(5), 'updated');
  assert.deepEqual(
    recent.list().map((r) => r.user),
    ['new@example.com', 'good@example.com'],
  );
});
