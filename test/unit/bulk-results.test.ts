import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BulkJournal } from '../../electron/node/bulk/bulk-journal';
import { resultsCsv } from '../../electron/node/bulk/bulk-results';
import { generateSafePassword } from '../../electron/node/bulk/passwords-out';
import { BASIC_POLICY } from '../../shared/password/rules';
import { readCsv } from '../support/csv';
import { testRunHeader } from '../support/run-header';
import { tempDir } from '../support/temp-dir';

describe('bulk results CSV', () => {
  it('has the issue’s columns first, a BOM, CRLF, and neutralises formulas', () => {
    const text = resultsCsv([
      {
        index: 1,
        user: 'ana@example.com',
        state: 'updated',
        outcome: 'updated',
        httpStatus: 204,
        zoomCode: null,
        message: 'Password updated.',
        trackingId: 'v=2.0;rid=1',
        entryId: 'req-1',
        attempts: 1,
      },
      {
        index: 2,
        user: '+bo@example.com',
        state: 'failed',
        outcome: 'rejected',
        httpStatus: 400,
        zoomCode: 1129,
        message: '=HYPERLINK("http://evil")\nsecond line',
        trackingId: null,
        attempts: 2,
      },
      { index: 3, user: 'cy@example.com', state: 'cancelled', attempts: 0 },
    ]);
    assert.ok(text.startsWith('\ufeff'));
    const rows = readCsv(text.slice(1));
    assert.deepEqual(rows[0]?.slice(0, 5), ['User', 'Outcome', 'Zoom code', 'Message', 'Tracking ID']);
    assert.deepEqual(rows[1]?.slice(0, 5), ['ana@example.com', 'updated', '', 'Password updated.', 'v=2.0;rid=1']);
    assert.equal(rows[2]?.[0], "'+bo@example.com");
    assert.equal(rows[2]?.[3], `'=HYPERLINK("http://evil")\nsecond line`);
    assert.equal(rows[3]?.[6], 'cancelled');
    assert.equal(rows.length, 4);
  });

  it('generated passwords never start like a spreadsheet formula', () => {
    for (let i = 0; i < 300; i++) assert.doesNotMatch(generateSafePassword(BASIC_POLICY), /^[=+\-@]/);
  });
});

describe('bulk journal', () => {
  const header = (runId: string) =>
    testRunHeader(runId, ['a@x.io', 'b@x.io'], { createdAt: '2026-11-23T10:00:00.000Z' });

  it('replays rows, keeps a row sent without an answer as in flight, and skips a torn last line', async (t) => {
    const dir = tempDir(t, 'zpa-journal-');
    const runId = 'run-20261123-100000-abc123';
    const journal = BulkJournal.create(dir, header(runId));
    await journal.state({ state: 'running', at: '2026-11-23T10:00:01.000Z', message: 'Running.' });
    await journal.sending(1, 'req-1', '2026-11-23T10:00:02.000Z');
    await journal.result({
      i: 1,
      state: 'updated',
      at: '2026-11-23T10:00:03.000Z',
      requestId: 'req-1',
      outcome: 'updated',
    });
    await journal.sending(2, 'req-2', '2026-11-23T10:00:04.000Z');
    await journal.close();
    fs.appendFileSync(journal.file, '{"t":"result","i":2,"sta');
    const snapshot = BulkJournal.read(dir, runId);
    assert.equal(snapshot.rows[0]?.state, 'updated');
    assert.deepEqual(snapshot.rows[1]?.inFlight, { requestId: 'req-2', at: '2026-11-23T10:00:04.000Z' });
    assert.equal(snapshot.state?.state, 'running');
  });

  it('refuses run ids that could name another folder', () => {
    for (const bad of ['../etc', 'run-1', 'run-20261123-100000-ABC123', 'run-20261123-100000-abc123/..']) {
      assert.throws(() => BulkJournal.dirOf('/data', bad), /not a bulk run id/);
    }
    assert.equal(
      BulkJournal.dirOf('/data', 'run-20261123-100000-abc123'),
      path.join('/data', 'runs', 'run-20261123-100000-abc123'),
    );
  });
});
