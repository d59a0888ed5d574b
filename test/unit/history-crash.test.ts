import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../support/temp-dir';
import { entry, fileOf, ids, open } from './history-support';

// Builds a history of `count` chained entries and returns its bytes.
function chainedBytes(dir: string, count: number): Buffer {
  const store = open(dir);
  store.appendMany(Array.from({ length: count }, (_, i) => entry(i + 1, i === 2 ? { userName: 'Zoë 山田' } : {})));
  return fs.readFileSync(fileOf(dir));
}

test('a crash at any byte of the last write loses only that entry, and the chain continues intact', async (t) => {
  const source = tempDir(t);
  const full = chainedBytes(source, 4);
  const lastStart = full.lastIndexOf(0x0a, full.length - 2) + 1;
  const dir = tempDir(t);
  for (let cut = lastStart; cut <= full.length; cut += 1) {
    fs.rmSync(path.join(dir, 'history'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'history'));
    fs.writeFileSync(fileOf(dir), full.subarray(0, cut));
    const store = open(dir);
    // Everything but the newline written: the entry is whole and counts.
    const whole = cut >= full.length - 1;
    const expected = whole ? ['req-4', 'req-3', 'req-2', 'req-1'] : ['req-3', 'req-2', 'req-1'];
    assert.deepEqual(ids(store), expected, `cut at ${cut}`);
    assert.deepEqual(store.notices, [], `no damage notice at ${cut}`);
    assert.equal(store.skippedLines, cut === lastStart || whole ? 0 : 1, `skipped at ${cut}`);
    const next = store.append(entry(9));
    assert.equal(next.seq, whole ? 5 : 4, `seq after cut at ${cut}`);
    assert.deepEqual(ids(open(dir)), ['req-9', ...expected], `after the next append, cut at ${cut}`);
    const verdict = await store.verify();
    assert.equal(verdict.ok, true, `verify after cut at ${cut}: ${JSON.stringify(verdict.firstProblem)}`);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'history')), ['history.jsonl'], `no backup at ${cut}`);
  }
});

test('a file cut in the middle (a lost tail) keeps every whole entry before the cut', async (t) => {
  const source = tempDir(t);
  const full = chainedBytes(source, 10);
  const dir = tempDir(t);
  // Cut inside line 6 (a multi-byte character in line 3 makes byte and character offsets differ).
  const sixth = full.toString('utf8').split('\n').slice(0, 5).join('\n').length;
  const cut = Buffer.byteLength(full.toString('utf8').slice(0, sixth)) + 1 + 30;
  fs.mkdirSync(path.join(dir, 'history'));
  fs.writeFileSync(fileOf(dir), full.subarray(0, cut));
  const store = open(dir);
  assert.deepEqual(ids(store), ['req-5', 'req-4', 'req-3', 'req-2', 'req-1']);
  assert.equal(store.list({ search: '山田' }).total, 1);
  assert.equal(store.append(entry(11)).seq, 6);
  assert.equal((await store.verify()).ok, true);
});

test('a torn line in the middle (crash, then more appends) is skipped by readers and by verify', async (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  fs.appendFileSync(fileOf(dir), JSON.stringify(entry(2)).slice(0, 55));
  store.append(entry(3));
  fs.appendFileSync(fileOf(dir), Buffer.alloc(20));
  store.append(entry(4));
  const reopened = open(dir);
  assert.deepEqual(ids(reopened), ['req-4', 'req-3', 'req-1']);
  assert.equal(reopened.skippedLines, 2);
  assert.deepEqual(reopened.notices, []);
  const verdict = await reopened.verify();
  assert.equal(verdict.ok, true);
  assert.equal(verdict.skippedLines, 2);
  assert.equal(verdict.checked, 3);
});

test('leftovers of a crash during a rewrite (temporary file) or an append (lock file) do not get in the way', (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1));
  fs.writeFileSync(`${fileOf(dir)}.tmp-12345-abc`, 'half a rewrite');
  // A lock left by a process that no longer exists.
  fs.writeFileSync(`${fileOf(dir)}.lock`, `999999999\n${os.hostname()}\n`);
  assert.equal(store.append(entry(2)).seq, 2);
  assert.deepEqual(ids(store), ['req-2', 'req-1']);
  assert.equal(fs.existsSync(`${fileOf(dir)}.lock`), false);
});
