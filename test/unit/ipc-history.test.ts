import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntryInput } from '../../shared/domain/history';
import { IPC_CHANNELS, type IpcMethod } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/contract';
import { APP_ORIGIN } from '../../electron/node/app-assets';
import { createCore, type Core } from '../../electron/node/core';
import { createDispatcher, createSenderPolicy } from '../../electron/node/ipc/dispatch';
import { createHandlerTable, type SaveFileRequest } from '../../electron/node/ipc/handler-table';
import { exportDialogRequest, exportTarget } from '../../electron/node/ipc/history-ipc';
import { HistoryRetention, RETENTION_SETTING_KEY } from '../../electron/node/retention-setting';
import { MemoryClipboard } from '../support/memory-clipboard';
import { MemoryKeychain } from '../support/memory-keychain';
import { tempDir } from '../support/temp-dir';

const SENDER = { frameUrl: 'zpa://app/index.html', isMainFrame: true };
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-23T12:00:00.000Z');

/** Entry n, started `n` days before NOW (so entry 0 is the newest). */
function entry(daysAgo: number, over: Partial<HistoryEntryInput> = {}): HistoryEntryInput {
  return {
    id: `req-${daysAgo}`,
    at: new Date(NOW - daysAgo * DAY).toISOString(),
    user: `user${daysAgo}@example.com`,
    outcome: daysAgo % 2 === 0 ? 'updated' : 'rejected',
    httpStatus: daysAgo % 2 === 0 ? 204 : 400,
    zoomCode: daysAgo % 2 === 0 ? null : 1129,
    message: 'The password was changed.',
    zoomMessage: null,
    trackingId: `track-${daysAgo}`,
    durationMs: 120,
    apiBase: 'https://api.zoom.us/v2',
    source: 'app',
    ...over,
  };
}

/** A real core over `dataDir`, its handler table behind the real dispatcher, and a scripted save dialog. */
function open(dataDir: string, o: { now?: number; applyRetention?: boolean } = {}) {
  const clock = { now: () => new Date(o.now ?? NOW) };
  const core = createCore({
    dataDir,
    apiBase: 'https://api.zoom.us/v2',
    transport: {
      send: async () => {
        throw new Error('no request may be sent by the history handlers');
      },
    },
    keychain: new MemoryKeychain(),
    source: 'app',
    version: '0.0.0-test',
    clock,
    ...(o.applyRetention === undefined ? {} : { applyRetention: o.applyRetention }),
  });
  const dialogs: SaveFileRequest[] = [];
  const answers: (string | null)[] = [];
  const table = createHandlerTable(core, {
    openExternal: async () => undefined,
    chooseOpenFile: async () => null,
    chooseSaveFile: async (request) => {
      dialogs.push(request);
      return answers.shift() ?? null;
    },
    clipboard: new MemoryClipboard(),
  });
  const dispatch = createDispatcher(table, createSenderPolicy(APP_ORIGIN), { checkResponses: true });
  const call = (method: IpcMethod, payload?: unknown) => dispatch(IPC_CHANNELS[method], SENDER, payload);
  return { core, dialogs, answers, call };
}

function valueOf<T>(result: IpcResult<unknown>): T {
  assert.equal(result.ok, true, `expected success, got ${JSON.stringify(result)}`);
  if (!result.ok) throw new Error('unreachable');
  return result.value as T;
}

function errorOf(result: IpcResult<unknown>) {
  assert.equal(result.ok, false, `expected a failure, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

function seed(core: Core, days: number[]): void {
  // Oldest first, as they would have been appended.
  core.history.appendMany([...days].sort((a, b) => b - a).map((d) => entry(d)));
}

describe('history export over IPC', () => {
  test('asks for a file with the save dialog, writes the filter there, and reports rows and path', async (t) => {
    const dataDir = tempDir(t, 'zpa-ipc-history-');
    const out = tempDir(t, 'zpa-ipc-export-');
    const { core, dialogs, answers, call } = open(dataDir);
    seed(core, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    core.history.append(entry(0, { id: 'formula', user: '=HYPERLINK("http://evil.example")', message: '+1+1' }));

    answers.push(path.join(out, 'all.csv'));
    const all = valueOf<{ rows: number; file: string }>(await call('exportHistory', { query: {}, format: 'csv' }));
    assert.deepEqual(all, { status: 'saved', rows: 11, file: path.join(out, 'all.csv') });
    const csv = fs.readFileSync(all.file, 'utf8');
    assert.equal(csv.trimEnd().split('\r\n').length, 12, 'a header and 11 rows');
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'a formula is neutralised');
    assert.ok(csv.includes(`'+1+1`));

    const query = { outcome: 'rejected', since: new Date(NOW - 6 * DAY).toISOString(), order: 'oldest' };
    const total = valueOf<{ total: number }>(await call('listHistory', query)).total;
    answers.push(path.join(out, 'rejected'));
    const some = valueOf<{ rows: number; file: string }>(await call('exportHistory', { query, format: 'json' }));
    assert.equal(some.file, path.join(out, 'rejected.json'), 'the extension is added');
    assert.equal(some.rows, total);
    const rows = JSON.parse(fs.readFileSync(some.file, 'utf8')) as { id: string; outcome: string; seq: number }[];
    assert.deepEqual(
      rows.map((r) => r.id),
      ['req-5', 'req-3', 'req-1'],
      'oldest first, as asked',
    );
    assert.ok(rows.every((r) => r.outcome === 'rejected' && typeof r.seq === 'number'));

    assert.equal(dialogs.length, 2);
    assert.deepEqual(dialogs[0], {
      title: 'Export the history as CSV',
      defaultName: 'zoom-password-history-2026-11-23.csv'.replace('2026-11-23', new Date().toISOString().slice(0, 10)),
      filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
    });
    assert.match(dialogs[1]?.defaultName ?? '', /^zoom-password-history-filtered-[\d-]+\.json$/);
  });

  test('a cancelled dialog writes nothing', async (t) => {
    const out = tempDir(t, 'zpa-ipc-export-');
    const { core, call } = open(tempDir(t, 'zpa-ipc-history-'));
    seed(core, [1, 2]);
    assert.deepEqual(valueOf(await call('exportHistory', { query: {}, format: 'csv' })), { status: 'cancelled' });
    assert.deepEqual(fs.readdirSync(out), []);
  });

  test('a folder that cannot be written is a storage error that says what to do', async (t) => {
    const { core, answers, call } = open(tempDir(t, 'zpa-ipc-history-'));
    seed(core, [1]);
    answers.push('/nonexistent/zpa-export/history.csv');
    const error = errorOf(await call('exportHistory', { query: {}, format: 'csv' }));
    assert.equal(error.code, 'storage_error');
    assert.match(error.action ?? '', /folder/);
  });

  test('the target: absolute paths only; an extension is added unless that file exists', (t) => {
    const dir = tempDir(t, 'zpa-ipc-export-');
    assert.throws(() => exportTarget('history.csv', 'csv'), /full file path/);
    assert.equal(exportTarget(path.join(dir, 'a.txt'), 'csv'), path.join(dir, 'a.txt'));
    assert.equal(exportTarget(path.join(dir, 'a'), 'json'), path.join(dir, 'a.json'));
    fs.writeFileSync(path.join(dir, 'b.csv'), 'x');
    assert.equal(exportTarget(path.join(dir, 'b'), 'csv'), path.join(dir, 'b'), 'never overwrite a file unasked');
    assert.equal(
      exportDialogRequest('json', new Date(NOW), false).defaultName,
      'zoom-password-history-2026-11-23.json',
    );
  });
});

describe('history verify and summary over IPC', () => {
  test('an intact history, then a tampered one: the first problem names line, seq and kind', async (t) => {
    const dataDir = tempDir(t, 'zpa-ipc-history-');
    const { core, call } = open(dataDir);
    seed(core, [0, 1, 2, 3, 4]);
    const ok = valueOf<{ ok: boolean; checked: number; lastSeq: number; lastHash: string }>(
      await call('verifyHistory'),
    );
    assert.equal(ok.ok, true);
    assert.equal(ok.checked, 5);
    assert.equal(ok.lastSeq, 5);
    assert.match(ok.lastHash, /^[0-9a-f]{64}$/);
    const summary = valueOf<{ entries: number; oldestAt: string; newestAt: string }>(await call('getHistorySummary'));
    assert.equal(summary.entries, 5);
    assert.equal(summary.oldestAt, new Date(NOW - 4 * DAY).toISOString());
    assert.equal(summary.newestAt, new Date(NOW).toISOString());

    const file = path.join(dataDir, 'history', 'history.jsonl');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines[2] = (lines[2] ?? '').replace('user2@example.com', 'someone.else@example.com');
    fs.writeFileSync(file, lines.join('\n'));
    const bad = valueOf<{ ok: boolean; firstProblem: { kind: string; lineNumber: number; seq: number } }>(
      await call('verifyHistory'),
    );
    assert.equal(bad.ok, false);
    assert.deepEqual(
      { kind: bad.firstProblem.kind, lineNumber: bad.firstProblem.lineNumber, seq: bad.firstProblem.seq },
      { kind: 'altered', lineNumber: 3, seq: 3 },
    );
  });
});

describe('history retention over IPC and at start', () => {
  test('keeps everything by default; setting a period applies it at once, recorded and verifiable', async (t) => {
    const dataDir = tempDir(t, 'zpa-ipc-history-');
    const { core, call } = open(dataDir);
    seed(core, [0, 10, 40, 400, 500]);
    assert.deepEqual(valueOf(await call('getRetention')), { days: null });
    assert.equal(valueOf<{ total: number }>(await call('listHistory', {})).total, 5);

    const set = valueOf<{ days: number; applied: { removed: number; kept: number; marker: { days: number } } }>(
      await call('setRetention', { days: 365 }),
    );
    assert.equal(set.days, 365);
    assert.deepEqual([set.applied.removed, set.applied.kept, set.applied.marker.days], [2, 3, 365]);
    assert.deepEqual(valueOf(await call('getRetention')), { days: 365 });
    assert.equal(valueOf<{ total: number }>(await call('listHistory', {})).total, 3);
    const summary = valueOf<{ markers: { kind: string; removed: number }[] }>(await call('getHistorySummary'));
    assert.deepEqual(
      summary.markers.map((m) => [m.kind, m.removed]),
      [['retention', 2]],
    );
    const verified = valueOf<{ ok: boolean; retention: { days: number; removed: number } }>(
      await call('verifyHistory'),
    );
    assert.equal(verified.ok, true);
    assert.deepEqual([verified.retention.days, verified.retention.removed], [365, 2]);

    // Back to keeping everything: nothing more is removed, the setting is gone.
    assert.deepEqual(valueOf(await call('setRetention', { days: null })), { days: null, applied: null });
    const config = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(RETENTION_SETTING_KEY in config, false);
  });

  test('the stored period is applied at every start, and the user is told what was removed', async (t) => {
    const dataDir = tempDir(t, 'zpa-ipc-history-');
    const first = open(dataDir);
    seed(first.core, [0, 20, 25]);
    valueOf(await first.call('setRetention', { days: 30 }));
    assert.equal(first.core.history.list().total, 3, 'nothing is 30 days old yet');

    // Seven days later, nothing opted out: the 25-day-old entry is now 32 days old.
    const later = open(dataDir, { now: NOW + 7 * DAY });
    assert.equal(later.core.history.list().total, 2);
    const notice = later.core.notices().find((n) => n.id.startsWith('history-retention:'));
    assert.equal(notice?.level, 'info');
    assert.match(notice?.message ?? '', /keeps 30 days: 1 entry older than that was removed/);
    assert.equal(valueOf<{ ok: boolean }>(await later.call('verifyHistory')).ok, true);

    // A shell may opt out (it then only appends); a start with nothing stored reads nothing.
    const optOut = open(dataDir, { now: NOW + 30 * DAY, applyRetention: false });
    assert.equal(optOut.core.history.list().total, 2);
  });

  test('an unusable stored value keeps everything; a failed run is a notice, never a failed start', (t) => {
    const dataDir = tempDir(t, 'zpa-ipc-history-');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ [RETENTION_SETTING_KEY]: 'forever' }));
    const { core } = open(dataDir);
    seed(core, [1000]);
    assert.equal(core.retention.days, null);
    assert.equal(open(dataDir).core.history.list().total, 1);

    const settings = new Map<string, unknown>([[RETENTION_SETTING_KEY, 30]]);
    const store = {
      get: (k: string) => settings.get(k),
      set: settings.set.bind(settings),
      delete: settings.delete.bind(settings),
    };
    const failing = new HistoryRetention(store, {
      applyRetention: () => {
        throw new AppError('storage_error', 'The history file could not be rewritten: EACCES.', {
          action: 'Check the permissions of the data folder.',
        });
      },
    });
    assert.equal(failing.applyStored(), null);
    const notices = failing.notices;
    assert.equal(notices.length, 1);
    assert.equal(notices[0]?.level, 'warning');
    assert.match(notices[0]?.message ?? '', /retention of 30 days could not be applied: .*EACCES.*Nothing was removed/);
    assert.equal(notices[0]?.action, 'Check the permissions of the data folder.');
    // Setting a period that cannot be applied leaves the setting as it was.
    assert.throws(() => failing.set(7), /could not be rewritten/);
    assert.equal(failing.days, 30);
  });
});
