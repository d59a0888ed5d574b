/**
 * The pace of a bulk run (issue 6, "Done when"): 300 rows against the simulator at a 20/s limit finish at no
 * less than 90 % of the limit's pace, every row updated exactly once, one history entry each, and the passwords
 * file holds each generated password before its request leaves. Checked against a clock, so `npm test` runs it
 * alone, after the other node tests (scripts/test.mjs: `*.alone.test.ts`).
 * Run with NODE_EXTRA_CA_CERTS=<dir>/ca.pem and ZPA_TEST_CA_DIR=<dir>.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Transport } from '../../electron/node/ports';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import {
  assertExactlyOnce,
  bulkCore,
  bulkUsers,
  passwordInBody,
  passwordPuts,
  readPasswordsFile,
  runEntries,
  withSim,
  writeCsv,
} from '../support/bulk-fixtures';
import { tempDir } from '../support/temp-dir';

describe('bulk run pace against the simulator', () => {
  it('300 rows at a 20/s limit: at least 90% of the pace, each user once, 300 history entries with the run id, passwords on file before each request', async (t) => {
    const users = bulkUsers(300, 'pace');
    const sim = await withSim(t, users, { rateLimit: { perSecond: 20 } });
    const dir = tempDir(t, 'zpa-bulk-pace-');
    const passwordsFile = path.join(dir, 'passwords.csv');
    // Every PUT is checked as it leaves: its password must already be in the passwords file.
    const violations: string[] = [];
    const inner = createNodeTransport();
    const transport: Transport = {
      send: (request) => {
        const password = passwordInBody(request.body);
        if (request.method === 'PUT' && password !== null) {
          const user = decodeURIComponent(/\/users\/([^/]+)\/password$/.exec(request.url)?.[1] ?? '');
          const rows = fs.existsSync(passwordsFile) ? readPasswordsFile(passwordsFile) : [];
          if (!rows.some((r) => r[0] === user && r[1] === password)) violations.push(user);
        }
        return inner.send(request);
      },
    };
    const core = await bulkCore(t, sim, { dataDir: path.join(dir, 'data'), transport });
    assert.equal((await core.bulk.rateLimit()).perSecond, 20, 'a paid account without a known plan gets Pro 20/s');
    const csv = writeCsv(dir, 'users.csv', ['Email', ...users.map((u) => u.email)]);

    const runId = await core.bulk.start({ file: csv, generate: true, passwordsOut: passwordsFile });
    const status = await core.bulk.wait(runId);

    assert.equal(status.state, 'finished', status.message);
    assert.equal(status.counts.updated, 300);
    assert.equal(status.counts.failed + status.counts.unknown, 0);
    assertExactlyOnce(sim, users);
    const entries = runEntries(core, runId);
    assert.equal(entries.length, 300, 'one history entry per request');
    assert.ok(entries.every((e) => e.outcome === 'updated'));
    assert.deepEqual(violations, [], 'a request left before its password was in the passwords file');
    const file = readPasswordsFile(passwordsFile);
    assert.deepEqual(file[0], ['User', 'Password', 'Row', 'Run ID', 'Written at']);
    assert.equal(file.length, 301);
    for (const [user, password] of file.slice(1)) {
      assert.ok(sim.state.passwordMatches(user ?? '', password ?? ''), `the file holds ${user}'s password as set`);
    }
    if (process.platform !== 'win32') assert.equal(fs.statSync(passwordsFile).mode & 0o777, 0o600);

    // The pace, from the simulator's own arrival times of the PUTs.
    const times = passwordPuts(sim).map((r) => Date.parse(r.at));
    const first = times[0] ?? 0;
    const last = times.at(-1) ?? 0;
    const achieved = (times.length - 1) / ((last - first) / 1000);
    const ratio = achieved / 20;
    t.diagnostic(`300 rows: ${achieved.toFixed(2)} req/s = ${(ratio * 100).toFixed(1)}% of the 20/s limit`);
    assert.ok(
      ratio >= 0.9,
      `achieved ${achieved.toFixed(2)} req/s, ${(ratio * 100).toFixed(1)}% of 20/s (needs ≥ 90%)`,
    );
    const refused = passwordPuts(sim).filter((r) => r.status === 429).length;
    assert.equal(refused, 0, 'the limiter keeps under Zoom’s limit: no 429');
  });
});
