import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { acquireLock, releaseLock } from '../../electron/node/history/history-lock';
import { HistoryStore } from '../../electron/node/history/history-store';
import { tempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STORE_MODULE = path.join(ROOT, 'electron/node/history/history-store.ts');

function entry(id: string, source: HistoryEntry['source'] = 'app'): HistoryEntry {
  return {
    id,
    at: new Date().toISOString(),
    user: `${id}@example.com`,
    outcome: 'updated',
    httpStatus: 204,
    zoomCode: null,
    message: 'The password was changed.',
    zoomMessage: null,
    trackingId: null,
    durationMs: 3,
    apiBase: 'https://api.zoom.us/v2',
    source,
  };
}

// A second process (like zpa next to the app) appending through its own HistoryStore.
const CHILD = `
const [dir, prefix, count, mod] = process.argv.slice(1);
const { HistoryStore } = await import(new URL('file://' + mod).href);
const store = HistoryStore.open({ dataDir: dir });
process.stdout.write('ready\\n');
for (let i = 0; i < Number(count); i += 1) {
  store.append({ id: prefix + '-' + i, at: new Date().toISOString(), user: prefix + i + '@example.com',
    outcome: 'updated', httpStatus: 204, zoomCode: null, message: 'ok', zoomMessage: null, trackingId: null,
    durationMs: 1, apiBase: 'https://api.zoom.us/v2', source: 'zpa' });
  if (i % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
}
`;

interface Child {
  ready: Promise<void>;
  done: Promise<void>;
}

function startWriter(dir: string, prefix: string, count: number): Child {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', CHILD, dir, prefix, String(count), STORE_MODULE],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', () => reject(new Error(`writer ${prefix} exited before it was ready: ${stderr}`)));
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`writer ${prefix} failed (${code}): ${stderr}`)),
    );
  });
  return { ready, done };
}

function allIds(dir: string): string[] {
  return HistoryStore.open({ dataDir: dir })
    .list({ limit: 1000 })
    .entries.map((e) => e.id);
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

test('two HistoryStore instances on one folder lose nothing', (t) => {
  const dir = tempDir(t);
  const a = HistoryStore.open({ dataDir: dir });
  const b = HistoryStore.open({ dataDir: dir });
  for (let i = 0; i < 200; i += 1) {
    a.append(entry(`a-${i}`));
    b.append(entry(`b-${i}`));
  }
  assert.equal(a.list({ limit: 1000 }).total, 400);
  assert.equal(b.list({ limit: 1000 }).total, 400);
  assert.equal(a.list({ limit: 1 }).entries[0]?.id, 'b-199');
  const lines = fs.readFileSync(path.join(dir, 'history', 'history.jsonl'), 'utf8').split('\n');
  assert.equal(lines.length, 401);
  assert.deepEqual(
    lines.slice(0, -1).map((l) => (JSON.parse(l) as HistoryEntry).seq),
    Array.from({ length: 400 }, (_, i) => i + 1),
  );
});

test('this process and two child processes appending at the same time lose nothing', async (t) => {
  const dir = tempDir(t);
  const store = HistoryStore.open({ dataDir: dir });
  const writers = [startWriter(dir, 'c1', 300), startWriter(dir, 'c2', 300)];
  await Promise.all(writers.map((w) => w.ready));
  for (let i = 0; i < 300; i += 1) {
    store.append(entry(`p-${i}`));
    if (i % 5 === 0) await tick();
  }
  await Promise.all(writers.map((w) => w.done));
  const ids = new Set(allIds(dir));
  assert.equal(ids.size, 900);
  for (const prefix of ['p', 'c1', 'c2']) {
    for (let i = 0; i < 300; i += 1) assert.ok(ids.has(`${prefix}-${i}`), `${prefix}-${i} is there`);
  }
  // Every line is whole, with no blank ones: writers take turns (the lock), never interleave.
  const lines = fs
    .readFileSync(path.join(dir, 'history', 'history.jsonl'), 'utf8')
    .split('\n')
    .slice(0, -1);
  assert.equal(lines.length, 900);
  for (const line of lines) JSON.parse(line);
  assert.equal(store.list({}).total, 900, 'the long-lived store picked up the other processes’ entries');
  // One chain across the three processes: seq 1..900 in file order, each linked to the one before.
  assert.deepEqual(
    lines.map((l) => (JSON.parse(l) as HistoryEntry).seq),
    Array.from({ length: 900 }, (_, i) => i + 1),
  );
  const verdict = await store.verify();
  assert.equal(verdict.ok, true, JSON.stringify(verdict.firstProblem));
  assert.equal(verdict.checked, 900);
});

test('repairs while another process appends lose none of its entries', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'history', 'history.jsonl');
  const writer = startWriter(dir, 'w', 400);
  await writer.ready;
  let finished = false;
  const done = writer.done.finally(() => (finished = true));
  let repairs = 0;
  while (!finished) {
    fs.appendFileSync(file, 'damaged line\n');
    const store = HistoryStore.open({ dataDir: dir });
    repairs += store.notices.length;
    await tick();
  }
  await done;
  const store = HistoryStore.open({ dataDir: dir });
  const ids = new Set(store.list({ limit: 1000 }).entries.map((e) => e.id));
  for (let i = 0; i < 400; i += 1) assert.ok(ids.has(`w-${i}`), `w-${i} survived the repairs`);
  assert.equal(ids.size, 400);
  assert.ok(repairs > 0, 'at least one repair ran while the writer was appending');
  const backups = fs.readdirSync(path.join(dir, 'history')).filter((f) => f.startsWith('history.damaged-'));
  assert.ok(backups.length >= repairs);
  // Repairs are serialised with appends by the same lock: the chain is whole, with a marker per repair.
  const verdict = await store.verify();
  assert.equal(verdict.ok, true, JSON.stringify(verdict.firstProblem));
  assert.equal(store.summary().markers.length, backups.length);
});

test('a writer waits for a lock held by a live process, and says so when it waits too long', async (t) => {
  const dir = tempDir(t);
  const lock = path.join(dir, 'test.lock');
  const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  t.after(() => holder.kill());
  fs.writeFileSync(lock, `${holder.pid}\n${os.hostname()}\n`);
  const started = Date.now();
  assert.throws(
    () => acquireLock(lock, 150),
    (error: unknown) =>
      error instanceof AppError &&
      error.code === 'storage_error' &&
      error.message.includes(String(holder.pid)) &&
      (error.action ?? '').includes(lock),
  );
  assert.ok(Date.now() - started >= 150);
  // Once the holder is gone, its lock is stale and taken over at once.
  holder.kill();
  await new Promise((resolve) => holder.on('exit', resolve));
  acquireLock(lock, 0);
  assert.equal(fs.readFileSync(lock, 'utf8').split('\n')[0], String(process.pid));
  releaseLock(lock);
  assert.equal(fs.existsSync(lock), false);
});
