import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import type { Outcome } from '../../shared/domain/outcome';
import { recordHash } from '../../electron/node/history/history-chain';
import { tempDir } from '../support/temp-dir';
import { BACKUP, entry, fileOf, ids, lines, open, stripChain, writeLines } from './history-support';

test('an empty history lists nothing', (t) => {
  const store = open(tempDir(t));
  assert.deepEqual(store.list({}), { entries: [], total: 0 });
  assert.deepEqual(store.notices, []);
  assert.deepEqual(store.summary(), {
    entries: 0,
    unchained: 0,
    skippedLines: 0,
    oldestAt: null,
    newestAt: null,
    markers: [],
  });
});

test('appends land as chained JSON lines, list newest first, and survive a restart', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  const stored = [1, 2, 3].map((n) => store.append(entry(n)));
  assert.deepEqual(
    stored.map((e) => e.seq),
    [1, 2, 3],
  );
  assert.equal(stored[0]?.prevHash, null);
  assert.equal(stored[1]?.prevHash, stored[0]?.hash);
  assert.equal(stored[2]?.prevHash, stored[1]?.hash);
  for (const e of stored) assert.equal(e.hash, recordHash(e as unknown as Record<string, unknown>));
  assert.deepEqual(stripChain(stored[2] as HistoryEntry), entry(3));
  assert.deepEqual(ids(store), ['req-3', 'req-2', 'req-1']);
  assert.deepEqual(store.list({}).entries[0], stored[2]);
  const text = lines(dir);
  assert.equal(text.length, 3);
  assert.deepEqual(JSON.parse(text[0] ?? ''), stored[0]);
  const reopened = open(dir);
  assert.deepEqual(reopened.list({}), { entries: [...stored].reverse(), total: 3 });
});

test('appendMany writes several entries in one go, chained like single appends', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  const many = store.appendMany([entry(2), entry(3), entry(4)]);
  assert.deepEqual(
    many.map((e) => e.seq),
    [2, 3, 4],
  );
  assert.deepEqual(store.appendMany([]), []);
  assert.deepEqual(ids(store), ['req-4', 'req-3', 'req-2', 'req-1']);
});

test('the hash covers every field, including the new optional ones; given integrity fields are replaced', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  const full = {
    ...entry(1),
    account: 'Europe',
    cloud: 'zoom.us',
    userName: 'Ana Smith',
    reason: 'INC-42',
    runId: 'run-1',
  };
  const stored = store.append({ ...full, seq: 99, prevHash: 'f'.repeat(64), hash: 'e'.repeat(64) } as HistoryEntry);
  assert.equal(stored.seq, 1);
  assert.equal(stored.prevHash, null);
  assert.deepEqual(stripChain(stored), full);
  const changed = { ...stored, reason: 'INC-43' };
  assert.notEqual(recordHash(changed as unknown as Record<string, unknown>), stored.hash);
});

test('filters: user, account, outcome, since/until, free text; combinable; total counts all; paging', (t) => {
  const store = open(tempDir(t));
  const outcomes: Outcome[] = ['updated', 'rejected', 'not_found'];
  for (let n = 1; n <= 30; n += 1) {
    store.append(
      entry(n, {
        user: n % 2 === 0 ? `Alice.${n}@Example.com` : `bob${n}`,
        outcome: outcomes[n % 3],
        ...(n % 5 === 0 ? { account: 'Europe' } : {}),
        ...(n === 7 ? { userName: 'Zoë Ångström', reason: 'Ticket INC-777' } : {}),
        ...(n === 9 ? { zoomCode: 1129, zoomMessage: 'Password has been used recently.' } : {}),
      }),
    );
  }
  const alice = store.list({ user: 'ALICE' });
  assert.equal(alice.total, 15);
  assert.deepEqual(alice.entries.map((e) => e.id).slice(0, 3), ['req-30', 'req-28', 'req-26']);
  assert.equal(store.list({ user: ' example.COM ' }).total, 15);
  assert.deepEqual(
    store.list({ user: 'alice', outcome: 'rejected' }).entries.map((e) => e.id),
    ['req-28', 'req-22', 'req-16', 'req-10', 'req-4'],
  );
  assert.deepEqual(store.list({ outcome: 'unknown' }), { entries: [], total: 0 });
  // Accounts: exact, case-insensitive; entries that name none are the default account.
  assert.deepEqual(
    store.list({ account: 'EUROPE' }).entries.map((e) => e.id),
    ['req-30', 'req-25', 'req-20', 'req-15', 'req-10', 'req-5'],
  );
  assert.equal(store.list({ account: 'Eur' }).total, 0);
  assert.equal(store.list({ account: 'default' }).total, 24);
  // Dates: since inclusive, until exclusive.
  const range = store.list({ since: '2026-01-01T00:00:10Z', until: '2026-01-01T00:00:13Z' });
  assert.deepEqual(
    range.entries.map((e) => e.id),
    ['req-12', 'req-11', 'req-10'],
  );
  assert.equal(store.list({ since: '2026-01-01T01:00:00+01:00', until: '2026-01-01T00:00:02Z' }).total, 1);
  // Free text over user, userName, message, zoomMessage, trackingId, zoomCode, reason.
  const search = (s: string) => store.list({ search: s }).entries.map((e) => e.id);
  assert.deepEqual(search('zoë'), ['req-7']);
  assert.deepEqual(search('inc-777'), ['req-7']);
  assert.deepEqual(search('1129'), ['req-9']);
  assert.deepEqual(search('USED RECENTLY'), ['req-9']);
  assert.deepEqual(search('track-13'), ['req-13']);
  assert.equal(store.list({ search: 'password was changed' }).total, 30);
  assert.deepEqual(search('api.zoom.us'), [], 'not a searched field');
  // All combined.
  assert.deepEqual(
    store
      .list({ user: 'alice', account: 'europe', outcome: 'updated', since: '2026-01-01T00:00:05Z', search: 'track-3' })
      .entries.map((e) => e.id),
    ['req-30'],
  );
  const page = store.list({ offset: 5, limit: 3 });
  assert.deepEqual(
    page.entries.map((e) => e.id),
    ['req-25', 'req-24', 'req-23'],
  );
  assert.equal(page.total, 30);
  assert.deepEqual(store.list({ offset: 40 }), { entries: [], total: 30 });
  assert.deepEqual(
    store.list({ order: 'oldest', offset: 2, limit: 2, user: 'bob' }).entries.map((e) => e.id),
    ['req-5', 'req-7'],
  );
});

test('sorted by start time both ways, even when entries were recorded out of order', (t) => {
  const store = open(tempDir(t));
  // A long request started before a short one that finished (and was recorded) first.
  for (const n of [1, 5, 3, 4, 2, 6]) store.append(entry(n));
  assert.deepEqual(ids(store), ['req-6', 'req-5', 'req-4', 'req-3', 'req-2', 'req-1']);
  assert.deepEqual(ids(store, 'oldest'), ['req-1', 'req-2', 'req-3', 'req-4', 'req-5', 'req-6']);
  assert.deepEqual(
    store.list({ since: '2026-01-01T00:00:02Z', until: '2026-01-01T00:00:05Z' }).entries.map((e) => e.id),
    ['req-4', 'req-3', 'req-2'],
  );
  assert.deepEqual(store.summary().oldestAt, entry(1).at);
  assert.deepEqual(store.summary().newestAt, entry(6).at);
});

test('an invalid query is refused with the field named', (t) => {
  const store = open(tempDir(t));
  for (const [q, field] of [
    [{ since: 'yesterday' }, 'since'],
    [{ until: '2026-01-01' }, 'until'],
    [{ order: 'random' }, 'order'],
    [{ search: 'x'.repeat(201) }, 'search'],
    [{ limit: 0 }, 'limit'],
    [{ colour: 'red' }, ''],
  ] as const) {
    assert.throws(
      () => store.list(q as never),
      (error: unknown) =>
        error instanceof AppError && error.code === 'invalid_input' && (field === '' || error.field === field),
      JSON.stringify(q),
    );
  }
});

test('list returns 100 entries by default', (t) => {
  const store = open(tempDir(t));
  store.appendMany(Array.from({ length: 150 }, (_, i) => entry(i + 1)));
  const page = store.list({});
  assert.equal(page.entries.length, 100);
  assert.equal(page.total, 150);
  assert.equal(page.entries[99]?.id, 'req-51');
});

test('unknown keys are stripped, so nothing but the schema fields is ever written', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append({ ...entry(1), password: 'Secret-Pass-1', token: 'tok' } as HistoryEntry);
  const text = fs.readFileSync(fileOf(dir), 'utf8');
  assert.ok(!text.includes('Secret-Pass-1') && !text.includes('"token"'));
  assert.deepEqual(store.list({}).entries.map(stripChain), [entry(1)]);
});

test('an invalid entry is refused and nothing is written', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  assert.throws(
    () => store.append({ ...entry(1), outcome: 'maybe' } as unknown as HistoryEntry),
    (error: unknown) => error instanceof AppError && error.code === 'invalid_input' && /outcome/.test(error.message),
  );
  assert.throws(() => store.appendMany([entry(2), { ...entry(3), durationMs: -1 }]), { code: 'invalid_input' });
  assert.equal(fs.existsSync(fileOf(dir)), false);
});

test('a torn last line is skipped (counted, no notice, no backup), and the next append starts a new line', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  const second = store.append(entry(2));
  const fragment = JSON.stringify({ ...entry(3), seq: 3 }).slice(0, 40);
  fs.appendFileSync(fileOf(dir), fragment);
  const reopened = open(dir);
  assert.deepEqual(ids(reopened), ['req-2', 'req-1']);
  assert.equal(reopened.skippedLines, 1);
  const fourth = reopened.append(entry(4));
  assert.equal(fourth.seq, 3, 'the torn record never made it: the chain continues from the last whole one');
  assert.equal(fourth.prevHash, second.hash);
  assert.deepEqual(ids(reopened), ['req-4', 'req-2', 'req-1']);
  assert.equal(lines(dir)[2], fragment, 'the fragment stays a line of its own');
  const again = open(dir);
  assert.deepEqual(ids(again), ['req-4', 'req-2', 'req-1']);
  assert.equal(again.skippedLines, 1);
  assert.deepEqual(again.notices, []);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'history')), ['history.jsonl']);
});

test('NUL bytes left by a crash are skipped like a torn line', (t) => {
  const dir = tempDir(t);
  open(dir).append(entry(1));
  fs.appendFileSync(fileOf(dir), Buffer.alloc(64));
  const store = open(dir);
  assert.deepEqual(ids(store), ['req-1']);
  assert.equal(store.skippedLines, 1);
  assert.deepEqual(store.notices, []);
  assert.equal(store.append(entry(2)).seq, 2);
});

test('damaged lines in the middle: backup, notice, every readable entry kept byte for byte, repair recorded', (t) => {
  const dir = tempDir(t);
  const writer = open(dir);
  const stored = [1, 2, 3].map((n) => writer.append(entry(n)));
  const good = lines(dir);
  const original = [good[0], 'this is not JSON', good[1], '{"id":"only-an-id"}', good[2], ''].join('\n');
  fs.writeFileSync(fileOf(dir), original);
  const store = open(dir);
  assert.deepEqual(ids(store), ['req-3', 'req-2', 'req-1']);
  assert.equal(store.notices.length, 1);
  const [notice] = store.notices;
  assert.equal(notice?.level, 'warning');
  assert.match(notice?.message ?? '', /2 lines that could not be read/);
  assert.match(notice?.message ?? '', /all 3 readable entries were kept/);
  const backup = path.join(dir, 'history', BACKUP);
  assert.ok(notice?.message.includes(backup));
  assert.equal(fs.readFileSync(backup, 'utf8'), original, 'the backup is the file exactly as it was');
  const after = lines(dir);
  assert.deepEqual(after.slice(0, 3), good, 'kept lines are unchanged, not re-hashed');
  const marker = JSON.parse(after[3] ?? '') as Record<string, unknown>;
  assert.equal(marker.kind, 'repair');
  assert.equal(marker.backup, BACKUP);
  assert.equal(marker.unreadableLines, 2);
  assert.equal(marker.seq, 4);
  assert.equal(marker.prevHash, stored[2]?.hash);
  assert.deepEqual(
    store.summary().markers.map((m) => m.kind),
    ['repair'],
  );
  // Repaired: a restart reports nothing more and makes no second backup; appends continue the chain.
  const again = open(dir);
  assert.deepEqual(again.notices, []);
  assert.deepEqual(ids(again), ['req-3', 'req-2', 'req-1']);
  assert.equal(again.append(entry(4)).seq, 5);
  assert.deepEqual(fs.readdirSync(path.join(dir, 'history')).sort(), [BACKUP, 'history.jsonl']);
});

test('damage that appears after opening is found, backed up and repaired on the next list()', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  assert.deepEqual(ids(store), ['req-1']);
  fs.appendFileSync(fileOf(dir), '<<garbage>>\n');
  store.append(entry(2));
  assert.deepEqual(ids(store), ['req-2', 'req-1']);
  assert.equal(store.notices.length, 1);
  assert.match(store.notices[0]?.message ?? '', /1 line that could not be read/);
  assert.match(fs.readFileSync(path.join(dir, 'history', BACKUP), 'utf8'), /<<garbage>>/);
  assert.doesNotMatch(fs.readFileSync(fileOf(dir), 'utf8'), /garbage/);
  store.append(entry(3));
  assert.deepEqual(ids(store), ['req-3', 'req-2', 'req-1']);
  assert.equal(store.notices.length, 1);
});

test('entries appended by another store instance appear on the next list()', (t) => {
  const dir = tempDir(t);
  const reader = open(dir);
  assert.deepEqual(ids(reader), []);
  const writer = open(dir);
  writer.append(entry(1));
  writer.append(entry(2));
  assert.deepEqual(ids(reader), ['req-2', 'req-1']);
  writer.append(entry(3));
  assert.deepEqual(ids(reader), ['req-3', 'req-2', 'req-1']);
});

test('a file replaced or shrunk by someone else is read again from the start', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  for (let n = 1; n <= 3; n += 1) store.append(entry(n));
  assert.equal(store.list({}).total, 3);
  const tmp = `${fileOf(dir)}.new`;
  fs.writeFileSync(tmp, `${JSON.stringify(entry(9))}\n`);
  fs.renameSync(tmp, fileOf(dir));
  assert.deepEqual(ids(store), ['req-9']);
  fs.writeFileSync(fileOf(dir), '');
  assert.deepEqual(ids(store), []);
  fs.rmSync(fileOf(dir));
  assert.deepEqual(ids(store), []);
  store.append(entry(10));
  assert.deepEqual(ids(store), ['req-10']);
});

test('hand-edited files: CRLF line ends, blank lines and a last line without newline are read', (t) => {
  const dir = tempDir(t);
  writeLines(dir, []);
  fs.writeFileSync(fileOf(dir), `${JSON.stringify(entry(1))}\r\n\r\n\n${JSON.stringify(entry(2))}`);
  const store = open(dir);
  assert.deepEqual(ids(store), ['req-2', 'req-1']);
  assert.deepEqual(store.notices, []);
  assert.equal(store.skippedLines, 0);
  store.append(entry(3));
  assert.deepEqual(ids(open(dir)), ['req-3', 'req-2', 'req-1']);
  assert.equal(lines(dir).length, 5, 'the last line got its newline before the new one');
});

test('a history folder that cannot be created is a storage_error with what to do', (t) => {
  const dir = tempDir(t);
  fs.writeFileSync(path.join(dir, 'history'), 'a file in the way');
  assert.throws(
    () => open(dir),
    (error: unknown) =>
      error instanceof AppError && error.code === 'storage_error' && /writable/.test(error.action ?? ''),
  );
});

test('a history folder removed while running is recreated by the next append', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  fs.rmSync(path.join(dir, 'history'), { recursive: true });
  assert.equal(store.append(entry(2)).seq, 1);
  assert.deepEqual(ids(store), ['req-2']);
});

test('opening does not read the file; an unreadable one is a notice and a storage_error on list()', (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(fileOf(dir)), { recursive: true });
  const store = open(dir);
  const notices = store.notices;
  assert.equal(notices.length, 1);
  assert.equal(notices[0]?.level, 'error');
  assert.match(notices[0]?.message ?? '', /Could not read the history file/);
  assert.equal(store.notices.length, 1, 'reported once');
  assert.throws(
    () => store.list({}),
    (error: unknown) => error instanceof AppError && error.code === 'storage_error',
  );
});

test('free text search copes with odd strings: NUL characters, case mappings that change length, emoji', (t) => {
  const store = open(tempDir(t));
  store.append(entry(1, { userName: 'İstanbul Ünal', reason: 'see\u0000ticket 7' }));
  store.append(entry(2, { userName: 'ÅSA 🚀 Öberg', account: 'Nordics' }));
  store.append(entry(3, { reason: 'ticket 8' }));
  const search = (s: string) => store.list({ search: s }).entries.map((e) => e.id);
  assert.deepEqual(search('ünal'), ['req-1']);
  assert.deepEqual(search('istanbul'), [], 'İ lower-cases to i + combining dot: no false match');
  assert.deepEqual(search('i̇stanbul'), ['req-1']);
  assert.deepEqual(search('åsa 🚀'), ['req-2']);
  assert.deepEqual(search('ticket'), ['req-3', 'req-1']);
  assert.deepEqual(search('see ticket'), ['req-1'], 'a NUL inside a string is searched as a space');
  assert.deepEqual(search('\u0000'), []);
  assert.deepEqual(store.list({ account: 'NORDICS' }).total, 1);
  assert.deepEqual(store.list({ account: 'nordic' }).total, 0);
  // Strings added after the first search are found too.
  store.append(entry(4, { userName: 'Late Ünal' }));
  assert.deepEqual(search('ünal'), ['req-4', 'req-1']);
});
