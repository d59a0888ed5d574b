import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../support/temp-dir';
import { entry, fileOf, ids, lines, open } from './history-support';

const indexOf = (dir: string) => path.join(dir, 'history', 'history.index');
const seed = (dir: string, from: number, count: number) =>
  open(dir).appendMany(
    Array.from({ length: count }, (_, i) =>
      entry(from + i, { outcome: (from + i) % 4 === 0 ? 'rejected' : 'updated', ...(i % 2 ? { account: 'EU' } : {}) }),
    ),
  );
/** Every way of listing the same thing, to compare a store using the index file with one that is not. */
const views = (dir: string, o: { indexAfterEntries?: number } = {}) => {
  const store = open(dir, o);
  return [
    store.list({ limit: 1000 }),
    store.list({ outcome: 'rejected', order: 'oldest' }),
    store.list({ account: 'eu', search: 'track-1' }),
    store.list({ since: '2026-01-01T00:00:05Z', until: '2026-01-01T00:00:20Z', offset: 2, limit: 5 }),
    store.summary(),
  ];
};

test('the index file is saved once enough entries were read, and a fresh store uses it', (t) => {
  const dir = tempDir(t);
  seed(dir, 1, 5);
  open(dir, { indexAfterEntries: 10 }).list({});
  assert.equal(fs.existsSync(indexOf(dir)), false, 'not for a handful of entries');
  seed(dir, 6, 20);
  const expected = views(dir, { indexAfterEntries: 1e9 });
  assert.equal(fs.existsSync(indexOf(dir)), false);
  assert.deepEqual(views(dir, { indexAfterEntries: 10 }), expected);
  assert.ok(fs.existsSync(indexOf(dir)));
  assert.deepEqual(views(dir), expected, 'from the index file');
  // Proof that it was used: a same-length change in place is invisible to the index (only to the
  // filters; listed entries are read from history.jsonl, and verify reads the file itself).
  const rows = lines(dir);
  rows[2] = (rows[2] ?? '').replace('user3@', 'userX@');
  fs.writeFileSync(fileOf(dir), rows.map((r) => `${r}\n`).join(''));
  const page = open(dir).list({ user: 'user3@' });
  assert.equal(page.total, 1);
  assert.equal(page.entries[0]?.user, 'userX@example.com');
});

test('entries appended after the index file was saved are read from history.jsonl', (t) => {
  const dir = tempDir(t);
  seed(dir, 1, 20);
  open(dir, { indexAfterEntries: 10 }).list({});
  const saved = fs.statSync(indexOf(dir)).mtimeMs;
  seed(dir, 21, 5);
  const store = open(dir, { indexAfterEntries: 10 });
  assert.equal(store.list({}).total, 25);
  assert.equal(ids(store)[0], 'req-25');
  assert.equal(fs.statSync(indexOf(dir)).mtimeMs, saved, 'five new entries: not saved again yet');
  seed(dir, 26, 10);
  assert.equal(store.list({}).total, 35);
  assert.notEqual(fs.statSync(indexOf(dir)).mtimeMs, saved, 'ten more: saved again');
  assert.deepEqual(views(dir), views(dir, { indexAfterEntries: 1e9 }));
});

test('an index file that does not describe history.jsonl is ignored and rebuilt', (t) => {
  const dir = tempDir(t);
  seed(dir, 1, 20);
  open(dir, { indexAfterEntries: 10 }).list({});
  const good = fs.readFileSync(indexOf(dir));
  // The history replaced by another one (copied back, restored from a backup...).
  const copy = `${fileOf(dir)}.copy`;
  fs.copyFileSync(fileOf(dir), copy);
  fs.renameSync(copy, fileOf(dir));
  seed(dir, 21, 1);
  assert.equal(open(dir).list({}).total, 21);
  // Damaged index files of every kind.
  for (const bad of [
    Buffer.alloc(0),
    Buffer.from('not an index'),
    good.subarray(0, good.length - 7),
    Buffer.concat([good, Buffer.from('x')]),
    Buffer.from(good.toString('latin1').replace('"rows":20', '"rows":99'), 'latin1'),
  ]) {
    fs.writeFileSync(indexOf(dir), bad);
    assert.equal(open(dir).list({}).total, 21);
  }
  // Shrunk, or its last covered line changed: ignored too.
  open(dir, { indexAfterEntries: 1 }).list({});
  fs.writeFileSync(fileOf(dir), `${lines(dir).slice(0, 5).join('\n')}\n`);
  assert.equal(open(dir).list({}).total, 5);
});
