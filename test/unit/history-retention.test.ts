import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { tempDir } from '../support/temp-dir';
import { entry, fileOf, ids, lines, open, writeLines } from './history-support';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
/** Entry n started n days after 2026-01-01. */
const daily = (n: number) => entry(n, { at: new Date(T0 + n * DAY).toISOString() });
const NOW = new Date(T0 + 10 * DAY + 3_600_000);

function seed(dir: string, count = 10) {
  return open(dir).appendMany(Array.from({ length: count }, (_, i) => daily(i + 1)));
}

test('nothing old enough: nothing is removed and nothing is written', (t) => {
  const dir = tempDir(t);
  seed(dir);
  const before = fs.readFileSync(fileOf(dir));
  assert.deepEqual(open(dir).applyRetention(365, NOW), { removed: 0, kept: 10, marker: null });
  assert.deepEqual(fs.readFileSync(fileOf(dir)), before);
  assert.deepEqual(open(tempDir(t)).applyRetention(30, NOW), { removed: 0, kept: 0, marker: null });
});

test('older entries are removed in one step that is recorded, and the chain still verifies', async (t) => {
  const dir = tempDir(t);
  const stored = seed(dir);
  const reader = open(dir);
  assert.equal(reader.list({}).total, 10);
  const store = open(dir);
  const result = store.applyRetention(7, NOW);
  // Cutoff: day 3, 01:00; entries of days 1 to 3 (00:00) are older.
  assert.equal(result.removed, 3);
  assert.equal(result.kept, 7);
  assert.ok(result.marker?.kind === 'retention');
  assert.deepEqual(result.marker.anchor, { seq: 3, hash: stored[2]?.hash });
  assert.equal(result.marker.seq, 11);
  assert.equal(result.marker.prevHash, stored[9]?.hash);
  assert.equal(result.marker.cutoff, new Date(NOW.getTime() - 7 * DAY).toISOString());
  assert.deepEqual(ids(store), ['req-10', 'req-9', 'req-8', 'req-7', 'req-6', 'req-5', 'req-4']);
  assert.deepEqual(ids(reader), ids(store), 'another open store sees the rewritten file');
  assert.deepEqual(store.summary().markers, [result.marker]);
  assert.equal(lines(dir).length, 8);
  const verdict = await store.verify();
  assert.equal(verdict.ok, true, JSON.stringify(verdict.firstProblem));
  assert.deepEqual(verdict.retention, { at: NOW.toISOString(), days: 7, removed: 3, anchorSeq: 3 });
  // Appends continue the chain after the marker.
  assert.equal(store.append(daily(11)).seq, 12);
  assert.equal((await store.verify()).ok, true);
});

test('after retention, verify still catches an altered, a removed or a reordered entry, and a removed marker', async (t) => {
  const dir = tempDir(t);
  seed(dir);
  open(dir).applyRetention(7, NOW);
  const rows = lines(dir);
  const check = async (changed: string[], kind: string) => {
    writeLines(dir, changed);
    const verdict = await open(dir).verify();
    assert.equal(verdict.firstProblem?.kind, kind, JSON.stringify(verdict.firstProblem));
  };
  await check(
    rows.map((r, i) => (i === 1 ? r.replace('user5@', 'user0@') : r)),
    'altered',
  );
  await check(rows.slice(1), 'removed');
  await check([rows[1], rows[0], ...rows.slice(2)] as string[], 'reordered');
  writeLines(dir, rows.slice(0, -1));
  const verdict = await open(dir).verify();
  assert.equal(verdict.firstProblem?.kind, 'removed');
  assert.match(verdict.firstProblem?.detail ?? '', /seq 1 to 3.*no retention run/);
  writeLines(dir, rows);
  assert.equal((await open(dir).verify()).ok, true);
});

test('retention of everything leaves only its marker; two runs in a row still verify', async (t) => {
  const dir = tempDir(t);
  const stored = seed(dir, 4);
  const store = open(dir);
  const first = store.applyRetention(1, NOW);
  assert.equal(first.removed, 4);
  assert.deepEqual(first.marker?.anchor, { seq: 4, hash: stored[3]?.hash });
  assert.deepEqual(ids(store), []);
  assert.equal((await store.verify()).ok, true);
  store.append(daily(20));
  const later = new Date(NOW.getTime() + 30 * DAY);
  const second = store.applyRetention(5, later);
  assert.equal(second.removed, 1);
  assert.deepEqual(second.marker?.anchor, { seq: 6, hash: second.marker?.prevHash });
  assert.equal(lines(dir).length, 1);
  const verdict = await store.verify();
  assert.equal(verdict.ok, true, JSON.stringify(verdict.firstProblem));
  assert.equal(verdict.retention?.anchorSeq, 6);
});

test('an old entry recorded after a newer one stays: only the leading run of old entries goes', (t) => {
  const dir = tempDir(t);
  open(dir).appendMany([daily(1), daily(5), daily(2), daily(9)]);
  const result = open(dir).applyRetention(7, NOW);
  assert.equal(result.removed, 1);
  assert.deepEqual(ids(open(dir)), ['req-9', 'req-5', 'req-2']);
});

test('retention of entries from before the chain has no anchor and verifies', async (t) => {
  const dir = tempDir(t);
  writeLines(dir, [JSON.stringify(daily(1)), JSON.stringify(daily(2))]);
  const store = open(dir);
  store.append(daily(9));
  const result = store.applyRetention(7, NOW);
  assert.equal(result.removed, 2);
  assert.equal(result.marker?.anchor, null);
  const verdict = await store.verify();
  assert.equal(verdict.ok, true, JSON.stringify(verdict.firstProblem));
  assert.equal(verdict.unchained, 0);
});

test('a damaged line stops the removal; the repair that follows keeps it in its backup', async (t) => {
  const dir = tempDir(t);
  seed(dir, 4);
  const rows = lines(dir);
  writeLines(dir, [rows[0], 'damaged', ...rows.slice(1)] as string[]);
  const store = open(dir);
  const result = store.applyRetention(1, NOW);
  assert.equal(result.removed, 1);
  const backups = fs.readdirSync(path.dirname(fileOf(dir))).filter((f) => f.startsWith('history.damaged-'));
  assert.equal(backups.length, 1);
  assert.match(fs.readFileSync(path.join(path.dirname(fileOf(dir)), backups[0] as string), 'utf8'), /^damaged$/m);
  assert.deepEqual(ids(store), ['req-4', 'req-3', 'req-2']);
  assert.deepEqual(
    store.summary().markers.map((m) => m.kind),
    ['retention', 'repair'],
  );
  assert.equal((await store.verify()).ok, true);
});

test('a retention period must be a whole number of days within bounds', (t) => {
  const store = open(tempDir(t));
  for (const days of [0, -1, 1.5, Number.NaN, 36_501]) {
    assert.throws(
      () => store.applyRetention(days, NOW),
      (error: unknown) => error instanceof AppError && error.code === 'invalid_input' && error.field === 'days',
    );
  }
});
