import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { KeyValueStore } from '../../electron/node/ports';
import { confStoreFactory } from '../../electron/node/settings/conf-store';
import { openSettingsStore } from '../../electron/node/settings/settings-store';
import { tempDir } from '../support/temp-dir';

const clock = { now: () => new Date('2026-01-02T03:04:05.678Z') };
const BACKUP = 'config.corrupt-2026-01-02T03-04-05-678Z.json';

test('values persist in <dataDir>/config.json across reopen, with no notice', (t) => {
  const dir = tempDir(t);
  const first = openSettingsStore({ dataDir: dir, clock });
  first.store.set('recentUsers', [{ user: 'a@example.com' }]);
  first.store.set('tokenStoredAt', '2026-01-01T00:00:00.000Z');
  const second = openSettingsStore({ dataDir: dir, clock });
  assert.deepEqual(second.store.get('recentUsers'), [{ user: 'a@example.com' }]);
  assert.equal(second.store.get('tokenStoredAt'), '2026-01-01T00:00:00.000Z');
  second.store.delete('tokenStoredAt');
  assert.equal(openSettingsStore({ dataDir: dir, clock }).store.get('tokenStoredAt'), undefined);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')), {
    recentUsers: [{ user: 'a@example.com' }],
  });
  assert.deepEqual(second.notices, []);
  assert.deepEqual(fs.readdirSync(dir), ['config.json']);
});

test('creates a missing data folder', (t) => {
  const dir = path.join(tempDir(t), 'nested', 'data');
  openSettingsStore({ dataDir: dir, clock }).store.set('k', 1);
  assert.equal(fs.existsSync(path.join(dir, 'config.json')), true);
});

for (const [label, content, reason] of [
  ['invalid JSON', '{"recentUsers": [{"user": "a@exa', 'not valid JSON'],
  ['an array', '[1, 2, 3]', 'does not hold a JSON object'],
  ['a string', '"hello"', 'does not hold a JSON object'],
  ['null', 'null', 'does not hold a JSON object'],
  ['an empty file', '', 'empty'],
] as const) {
  test(`a settings file holding ${label} is moved aside, reset, and reported`, (t) => {
    const dir = tempDir(t);
    fs.writeFileSync(path.join(dir, 'config.json'), content);
    const { store, notices } = openSettingsStore({ dataDir: dir, clock });
    assert.equal(store.get('recentUsers'), undefined);
    store.set('tokenStoredAt', '2026-01-02T00:00:00.000Z');
    assert.equal(store.get('tokenStoredAt'), '2026-01-02T00:00:00.000Z');
    // Nothing silently lost: the old bytes are kept as they were.
    assert.equal(fs.readFileSync(path.join(dir, BACKUP), 'utf8'), content);
    assert.equal(notices.length, 1);
    const [notice] = notices;
    assert.equal(notice?.level, 'warning');
    assert.match(notice?.message ?? '', new RegExp(reason));
    assert.ok(notice?.message.includes(path.join(dir, BACKUP)), 'the notice says where the copy is');
    assert.match(notice?.message ?? '', /recent users/);
    assert.match(notice?.action ?? '', /keychain/);
  });
}

test('two corrupt files in the same millisecond get two backups, neither overwritten', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'config.json'), '{broken 1');
  openSettingsStore({ dataDir: dir, clock });
  fs.writeFileSync(path.join(dir, 'config.json'), '{broken 2');
  const second = openSettingsStore({ dataDir: dir, clock });
  assert.equal(fs.readFileSync(path.join(dir, BACKUP), 'utf8'), '{broken 1');
  const other = BACKUP.replace('.json', '-1.json');
  assert.equal(fs.readFileSync(path.join(dir, other), 'utf8'), '{broken 2');
  assert.ok(second.notices[0]?.message.includes(other));
});

test('a file broken while in use is moved aside on the next access, with a notice', (t) => {
  const dir = tempDir(t);
  const { store, notices } = openSettingsStore({ dataDir: dir, clock });
  store.set('recentUsers', ['x']);
  fs.writeFileSync(path.join(dir, 'config.json'), '{"recentUsers": ["x"');
  assert.equal(store.get('recentUsers'), undefined);
  assert.equal(notices.length, 1);
  assert.equal(fs.readFileSync(path.join(dir, BACKUP), 'utf8'), '{"recentUsers": ["x"');
  store.set('recentUsers', ['y']);
  assert.deepEqual(openSettingsStore({ dataDir: dir, clock }).store.get('recentUsers'), ['y']);
});

test('the factory is called with the data folder and the name "config" (the electron-store shape)', (t) => {
  const dir = tempDir(t);
  const calls: { cwd: string; name: string }[] = [];
  const { store } = openSettingsStore({
    dataDir: dir,
    clock,
    factory: (o): KeyValueStore => {
      calls.push(o);
      return confStoreFactory(o);
    },
  });
  store.set('a', 1);
  assert.deepEqual(calls, [{ cwd: dir, name: 'config' }]);
});

test('a data folder that cannot be created is a storage_error saying what to check', (t) => {
  const file = path.join(tempDir(t), 'not-a-folder');
  fs.writeFileSync(file, 'x');
  assert.throws(
    () => openSettingsStore({ dataDir: path.join(file, 'data'), clock }),
    (error: unknown) =>
      error instanceof AppError && error.code === 'storage_error' && /writable/.test(error.action ?? ''),
  );
});
