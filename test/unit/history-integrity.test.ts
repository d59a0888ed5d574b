import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { recordHash } from '../../electron/node/history/history-chain';
import { tempDir } from '../support/temp-dir';
import { BACKUP, entry, fileOf, ids, lines, open, writeLines } from './history-support';

/** A history of `count` chained entries; returns its lines. */
function seed(dir: string, count = 6): string[] {
  open(dir).appendMany(Array.from({ length: count }, (_, i) => entry(i + 1)));
  return lines(dir);
}

const rehash = (line: string, change: (r: Record<string, unknown>) => void) => {
  const record = JSON.parse(line) as Record<string, unknown>;
  change(record);
  record.hash = recordHash(record);
  return JSON.stringify(record);
};

test('an intact history verifies, with its head for the record', async (t) => {
  const dir = tempDir(t);
  seed(dir);
  const verdict = await open(dir).verify();
  const last = JSON.parse(lines(dir)[5] ?? '') as { hash: string };
  assert.deepEqual(verdict, {
    ok: true,
    checked: 6,
    unchained: 0,
    skippedLines: 0,
    lastSeq: 6,
    lastHash: last.hash,
    retention: null,
  });
  assert.deepEqual(await open(tempDir(t)).verify(), { ...verdict, checked: 0, lastSeq: null, lastHash: null });
});

test('a tampered entry is reported as altered, with its line, seq and id', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  rows[2] = (rows[2] ?? '').replace('"outcome":"updated"', '"outcome":"rejected"');
  writeLines(dir, rows);
  const verdict = await open(dir).verify();
  assert.equal(verdict.ok, false);
  assert.deepEqual(
    { ...verdict.firstProblem, detail: undefined },
    { kind: 'altered', lineNumber: 3, seq: 3, id: 'req-3', detail: undefined },
  );
  assert.match(verdict.firstProblem?.detail ?? '', /does not match its hash/);
});

test('an added field (even with the right type) is an alteration', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  rows[1] = (rows[1] ?? '').replace('{', '{"reason":"backdated",');
  writeLines(dir, rows);
  assert.equal((await open(dir).verify()).firstProblem?.kind, 'altered');
});

test('a tampered entry whose hash was recomputed breaks the link to the next one', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  rows[2] = rehash(rows[2] ?? '', (r) => (r.user = 'someone-else@example.com'));
  writeLines(dir, rows);
  const verdict = await open(dir).verify();
  assert.equal(verdict.firstProblem?.kind, 'altered');
  assert.equal(verdict.firstProblem?.seq, 4);
  assert.match(verdict.firstProblem?.detail ?? '', /does not link to seq 3/);
});

test('a deleted entry is reported as removed, naming the missing seq', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  writeLines(dir, [...rows.slice(0, 3), ...rows.slice(4)]);
  const verdict = await open(dir).verify();
  assert.equal(verdict.ok, false);
  assert.equal(verdict.firstProblem?.kind, 'removed');
  assert.equal(verdict.firstProblem?.seq, 5);
  assert.equal(verdict.firstProblem?.lineNumber, 4);
  assert.match(verdict.firstProblem?.detail ?? '', /1 entry \(seq 4\)/);
});

test('deleting the first entries (without a retention run) is reported as removed', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  writeLines(dir, rows.slice(2));
  const verdict = await open(dir).verify();
  assert.equal(verdict.firstProblem?.kind, 'removed');
  assert.match(verdict.firstProblem?.detail ?? '', /2 entries \(seq 1 to 2\).*no retention run/);
});

test('reordered entries are reported as reordered', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  writeLines(dir, [rows[0], rows[1], rows[3], rows[2], rows[4], rows[5]] as string[]);
  const verdict = await open(dir).verify();
  assert.equal(verdict.firstProblem?.kind, 'reordered');
  assert.equal(verdict.firstProblem?.seq, 4);
  assert.equal(verdict.firstProblem?.lineNumber, 3);
  // A line written twice (replayed) is reordering too.
  writeLines(dir, [...rows.slice(0, 3), rows[2], ...rows.slice(3)] as string[]);
  const twice = await open(dir).verify();
  assert.equal(twice.firstProblem?.kind, 'reordered');
  assert.match(twice.firstProblem?.detail ?? '', /appears twice/);
});

test('an unreadable line is reported where it is; after the repair, verify still says what went missing', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir);
  // Bit rot: no longer JSON, but not a cut-off write either.
  writeLines(dir, [...rows.slice(0, 2), (rows[2] ?? '').replace('"outcome":', '"outcome" '), ...rows.slice(3)]);
  // Verify reads the file itself: the damage is at line 3.
  const before = await open(dir).verify();
  assert.deepEqual(
    { ...before.firstProblem, detail: '' },
    { kind: 'unreadable', lineNumber: 3, seq: null, id: null, detail: '' },
  );
  // Reading repairs (backup + notice); nothing is re-hashed, so the loss stays visible.
  const store = open(dir);
  assert.deepEqual(ids(store), ['req-6', 'req-5', 'req-4', 'req-2', 'req-1']);
  assert.equal(store.notices.length, 1);
  const after = await store.verify();
  assert.equal(after.ok, false);
  assert.equal(after.firstProblem?.kind, 'removed');
  assert.equal(after.firstProblem?.seq, 4);
  assert.match(after.firstProblem?.detail ?? '', /seq 3/);
  assert.ok(after.firstProblem?.detail.includes(BACKUP), 'names the backup holding the damaged line');
});

test('garbage lines that were never entries: after the repair the chain is intact again', async (t) => {
  const dir = tempDir(t);
  const rows = seed(dir, 3);
  writeLines(dir, [rows[0], 'garbage', rows[1], rows[2]] as string[]);
  const store = open(dir);
  assert.equal(store.notices.length, 1);
  const verdict = await store.verify();
  assert.equal(verdict.ok, true);
  assert.equal(verdict.checked, 4, 'three entries and the repair marker');
});

test('entries from before the chain (issue-2 files) are counted as unchained; the chain starts after them', async (t) => {
  const dir = tempDir(t);
  writeLines(dir, [JSON.stringify(entry(1)), JSON.stringify(entry(2))]);
  const store = open(dir);
  const third = store.append(entry(3));
  assert.equal(third.seq, 1);
  assert.equal(third.prevHash, null);
  store.append(entry(4));
  assert.deepEqual(ids(store), ['req-4', 'req-3', 'req-2', 'req-1']);
  assert.equal(store.summary().unchained, 2);
  const verdict = await store.verify();
  assert.equal(verdict.ok, true);
  assert.equal(verdict.unchained, 2);
  assert.equal(verdict.checked, 2);
  // An unchained entry slipped in between chained ones is not accepted.
  const rows = lines(dir);
  writeLines(dir, [...rows.slice(0, 3), JSON.stringify(entry(9)), rows[3] as string]);
  const inserted = await open(dir).verify();
  assert.equal(inserted.firstProblem?.kind, 'altered');
  assert.equal(inserted.firstProblem?.id, 'req-9');
  assert.match(inserted.firstProblem?.detail ?? '', /no integrity fields/);
});

test('a failed verify makes the next read take history.jsonl as it is (the index file is dropped)', async (t) => {
  const dir = tempDir(t);
  const store = open(dir, { indexAfterEntries: 1 });
  store.appendMany(Array.from({ length: 5 }, (_, i) => entry(i + 1)));
  assert.equal(store.list({ user: 'user3@' }).total, 1);
  const index = `${fileOf(dir).replace('history.jsonl', 'history.index')}`;
  assert.ok(fs.existsSync(index));
  const rows = lines(dir);
  // Same length, same place: only a full read can see it.
  rows[2] = (rows[2] ?? '').replace('user3@', 'userX@');
  fs.writeFileSync(fileOf(dir), rows.map((r) => `${r}\n`).join(''));
  assert.equal((await store.verify()).firstProblem?.kind, 'altered');
  assert.equal(store.list({ user: 'user3@' }).total, 0);
  assert.equal(open(dir).list({ user: 'userX@' }).total, 1);
});
