import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import type { HistoryEntry } from '../../shared/domain/history';
import type { Outcome } from '../../shared/domain/outcome';
import { BulkJournal } from '../../electron/node/bulk/bulk-journal';
import {
  backoffMs,
  BACKOFF_CAP_MS,
  BulkRunner,
  MAX_UNSENT_RETRIES,
  type ChangeFn,
  type RunnerRow,
} from '../../electron/node/bulk/bulk-runner';
import { PasswordsOutFile } from '../../electron/node/bulk/passwords-out';
import { systemClock } from '../../electron/node/ports';
import { testRunHeader } from '../support/run-header';
import { tempDir } from '../support/temp-dir';

type Answer = Partial<HistoryEntry> & { outcome: Outcome; sent?: boolean };

let runCounter = 0;

/** A runner over `users` whose "Zoom" answers each user's requests from `script` (the last answer repeats). */
function setup(
  t: TestContext,
  users: string[],
  script: Record<string, Answer[]> = {},
  o: { own?: boolean; passwordsOut?: boolean; daily?: () => Date | null; onChange?: (user: string) => void } = {},
) {
  const dir = tempDir(t, 'zpa-bulk-runner-');
  runCounter += 1;
  const runId = `run-20261123-101500-unit${String(runCounter).padStart(2, '0')}`;
  const header = testRunHeader(runId, users, { own: o.own === true });
  const journal = BulkJournal.create(dir, header);
  t.after(() => journal.close());
  const passwordsFile = path.join(dir, 'passwords.csv');
  const passwordsOut = o.passwordsOut ? PasswordsOutFile.open(passwordsFile) : null;
  t.after(() => passwordsOut?.close());
  const sentLog: { user: string; password: string; fileHadIt: boolean }[] = [];
  const counts = new Map<string, number>();
  let ids = 0;
  const change: ChangeFn = async (r) => {
    const n = counts.get(r.user) ?? 0;
    counts.set(r.user, n + 1);
    const answers = script[r.user] ?? [{ outcome: 'updated' }];
    const answer = answers[Math.min(n, answers.length - 1)] ?? { outcome: 'updated' };
    ids += 1;
    const id = `req-${ids}`;
    o.onChange?.(r.user);
    if (answer.sent !== false) {
      await r.onSending(id);
      const fileHadIt = fs.existsSync(passwordsFile) && fs.readFileSync(passwordsFile, 'utf8').includes(r.password);
      sentLog.push({ user: r.user, password: r.password, fileHadIt });
    }
    return {
      id,
      at: new Date().toISOString(),
      user: r.user,
      httpStatus: answer.outcome === 'updated' ? 204 : 400,
      zoomCode: null,
      message: `answer ${answer.outcome}`,
      zoomMessage: null,
      trackingId: `trk-${ids}`,
      durationMs: 1,
      apiBase: 'https://api.zoom.us/v2',
      source: 'app',
      runId: r.runId,
      ...answer,
    };
  };
  const rows: RunnerRow[] = users.map((user, i) => ({
    index: i + 1,
    user,
    ownPassword: o.own === true ? `Own-Password-${i}x` : null,
    generated: null,
    written: false,
    state: 'pending',
    attempts: 0,
  }));
  let generated = 0;
  const runner = new BulkRunner(
    {
      runId,
      account: header.account,
      fileName: 'users.csv',
      createdAt: header.createdAt,
      dryRun: false,
      reason: null,
      concurrency: 2,
      rate: null,
      passwordsFile: passwordsOut?.file ?? null,
      rows,
      journal,
      change,
      lookup: null,
      limiter: {
        budget: () => ({ perSecond: 1000, perDay: null }),
        dailyBlock: () => {
          const until = o.daily?.() ?? null;
          return until === null ? null : { until, source: 'zoom' };
        },
      },
      passwordsOut,
      generate: () => {
        generated += 1;
        return `Generated-Pass-${generated}x`;
      },
      clock: systemClock,
      random: () => 0,
    },
    { state: 'running', message: 'Starting.' },
  );
  return { runner, dir, runId, journal, sentLog, counts, passwordsFile, passwordsOut };
}

describe('bulk runner', () => {
  it('retries only what cannot have applied (429, never sent) and never an unknown outcome', async (t) => {
    const { runner, counts } = setup(t, ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io', 'e@x.io'], {
      'a@x.io': [{ outcome: 'rate_limited', retryAfterSeconds: 0 }, { outcome: 'updated' }],
      'b@x.io': [{ outcome: 'unknown', httpStatus: null }],
      'c@x.io': [{ outcome: 'failed', httpStatus: null }, { outcome: 'updated' }],
      'd@x.io': [{ outcome: 'rejected', zoomCode: 1129 }],
      'e@x.io': [{ outcome: 'failed', httpStatus: 503 }],
    });
    await runner.run();
    const status = runner.status();
    const byUser = Object.fromEntries(status.rows.map((r) => [r.user, r]));
    assert.equal(status.state, 'finished');
    assert.equal(byUser['a@x.io']?.state, 'updated');
    assert.equal(counts.get('a@x.io'), 2, 'a 429 is sent again');
    assert.equal(byUser['b@x.io']?.state, 'unknown');
    assert.equal(counts.get('b@x.io'), 1, 'an unknown outcome is never sent again');
    assert.match(byUser['b@x.io']?.message ?? '', /check this user/);
    assert.equal(byUser['c@x.io']?.state, 'updated');
    assert.equal(counts.get('c@x.io'), 2, 'a request that never left is sent again');
    assert.equal(byUser['d@x.io']?.state, 'failed');
    assert.equal(counts.get('d@x.io'), 1, 'a refusal is final');
    assert.equal(byUser['e@x.io']?.state, 'failed');
    assert.equal(counts.get('e@x.io'), 1, 'a server error may have applied: not sent again');
    assert.deepEqual(
      { updated: status.counts.updated, failed: status.counts.failed, unknown: status.counts.unknown },
      { updated: 2, failed: 2, unknown: 1 },
    );
  });

  it('gives a never-sent request up after a few tries', async (t) => {
    const { runner, counts } = setup(t, ['a@x.io'], { 'a@x.io': [{ outcome: 'failed', httpStatus: null }] });
    await runner.run();
    assert.equal(runner.status().rows[0]?.state, 'failed');
    assert.equal(counts.get('a@x.io'), MAX_UNSENT_RETRIES + 1);
  });

  it('writes each generated password to the passwords file before its request, once per password', async (t) => {
    const { runner, sentLog, passwordsFile } = setup(
      t,
      ['a@x.io', 'b@x.io'],
      {
        'a@x.io': [{ outcome: 'rate_limited', retryAfterSeconds: 0 }, { outcome: 'updated' }],
      },
      { passwordsOut: true },
    );
    await runner.run();
    assert.equal(sentLog.length, 3);
    assert.ok(
      sentLog.every((s) => s.fileHadIt),
      'every request found its password on file',
    );
    const lines = fs.readFileSync(passwordsFile, 'utf8').trim().split('\r\n');
    assert.equal(lines.length, 3, 'header + one line per user: the retry reused the same password');
  });

  it('pauses on a refused token without failing the row, and resumes where it stopped', async (t) => {
    const users = ['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'];
    const { runner, counts } = setup(t, users, {
      'b@x.io': [{ outcome: 'unauthorized', zoomCode: 124 }, { outcome: 'updated' }],
    });
    await runner.run();
    let status = runner.status();
    assert.equal(status.state, 'paused');
    assert.match(status.message, /token/);
    assert.equal(status.rows[1]?.state, 'pending');
    await runner.run();
    status = runner.status();
    assert.equal(status.state, 'finished');
    assert.equal(status.counts.updated, 4);
    assert.ok(users.every((u) => (counts.get(u) ?? 0) <= 2));
    assert.equal(counts.get('a@x.io'), 1, 'completed rows are not sent again');
  });

  it('stops before sending when the passwords file cannot be written', async (t) => {
    const { runner, counts, passwordsOut } = setup(t, ['a@x.io', 'b@x.io'], {}, { passwordsOut: true });
    // The file's handle goes away (a disk unplugged, say): every write now fails.
    await passwordsOut?.close();
    await runner.run();
    const status = runner.status();
    assert.equal(status.state, 'paused');
    assert.match(status.message, /passwords file could not be written/);
    assert.equal(status.counts.done, 0);
    assert.ok([...counts.values()].reduce((a, b) => a + b, 0) >= 1, 'the service was asked');
    assert.ok(
      status.rows.every((r) => r.state === 'pending' && r.attempts === 0),
      'nothing counts as sent',
    );
  });

  it("pauses at Zoom's daily limit with its reset time", async (t) => {
    const until = new Date(Date.now() + 3_600_000);
    let answeredB = false;
    const { runner } = setup(
      t,
      ['a@x.io', 'b@x.io', 'c@x.io'],
      {
        'b@x.io': [{ outcome: 'rate_limited', retryAfterSeconds: 3600 }],
      },
      {
        daily: () => (answeredB ? until : null),
        onChange: (user) => {
          if (user === 'b@x.io') answeredB = true;
        },
      },
    );
    await runner.run();
    const status = runner.status();
    assert.equal(status.state, 'daily_limit');
    assert.equal(status.resumeAt, until.toISOString());
    assert.match(status.message, /daily limit.*resume it after that time/);
    assert.equal(status.counts.failed, 0);
    assert.equal(status.rows[1]?.state, 'pending', 'the refused row is sent after the reset');
  });

  it('cancel marks the rows not sent as cancelled and ends the run', async (t) => {
    const users = Array.from({ length: 30 }, (_, i) => `u${i}@x.io`);
    const { runner, counts } = setup(t, users);
    const running = runner.run();
    await runner.cancel();
    await running;
    const status = runner.status();
    assert.equal(status.state, 'cancelled');
    const sent = [...counts.values()].reduce((a, b) => a + b, 0);
    assert.equal(status.counts.updated, sent);
    assert.equal(status.rows.filter((r) => r.state === 'cancelled').length, 30 - sent);
    await runner.run();
    assert.equal(
      [...counts.values()].reduce((a, b) => a + b, 0),
      sent,
      'a cancelled run never sends again',
    );
  });

  it('journals every row so a replay sees the same states', async (t) => {
    const { runner, dir, runId, journal } = setup(t, ['a@x.io', 'b@x.io'], {
      'b@x.io': [{ outcome: 'rejected', zoomCode: 1136 }],
    });
    await runner.run();
    await journal.settled();
    const snapshot = BulkJournal.read(dir, runId);
    assert.deepEqual(
      snapshot.rows.map((r) => [r.user, r.state, r.inFlight]),
      [
        ['a@x.io', 'updated', null],
        ['b@x.io', 'failed', null],
      ],
    );
    assert.equal(snapshot.state?.state, 'finished');
    assert.ok(!fs.readFileSync(journal.file, 'utf8').includes('Generated-Pass'), 'the journal holds no password');
  });

  it('backoff is full jitter, capped, and never below what Zoom asked', () => {
    assert.equal(
      backoffMs(1, () => 0),
      0,
    );
    assert.equal(
      backoffMs(1, () => 0.999_999),
      500,
    );
    assert.equal(
      backoffMs(3, () => 0.5),
      1000,
    );
    assert.equal(
      backoffMs(30, () => 0.999_999),
      BACKOFF_CAP_MS,
    );
    assert.equal(
      backoffMs(1, () => 0, 2000),
      2000,
    );
  });

  it('an AppError from the service before sending pauses the run with its message', async (t) => {
    const { runner } = setup(t, ['a@x.io']);
    const failing: ChangeFn = async () => {
      throw new AppError('no_token', 'No Zoom account is set up.', { action: 'Add one.' });
    };
    (runner as unknown as { o: { change: ChangeFn } }).o.change = failing;
    await runner.run();
    const status = runner.status();
    assert.equal(status.state, 'paused');
    assert.match(status.message, /nothing was sent for a@x.io: No Zoom account is set up. Add one./);
    assert.equal(status.rows[0]?.state, 'pending');
  });
});
