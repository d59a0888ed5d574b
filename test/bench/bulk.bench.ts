// Bulk-run benchmark (issue 6): 1,000 rows against the simulator with a per-second limit, a few runs, and the
// achieved pace as a ratio of the configured limit (median), measured from the simulator's own arrival times.
// Run with `npm run bench -- bulk` (or `node scripts/bench.mjs bulk`); ZPA_BENCH_RATE (default 50) and
// ZPA_BENCH_ROWS (default 1000) change the set-up. Figures only: nothing here fails on timing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bulkCore, bulkSimulator, bulkUsers, passwordPuts, writeCsv } from '../support/bulk-fixtures';
import { fileURLToPath } from 'node:url';
import { CA_FILE, loadOrCreateTestCa } from '../simulator/test-ca';
import { testCaDir } from '../support/run-zpa';

const RATE = Number(process.env.ZPA_BENCH_RATE ?? 50);
const ROWS = Number(process.env.ZPA_BENCH_ROWS ?? 1000);
const RUNS = 3;
const say = (text: string) => process.stdout.write(`${text}\n`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
};

async function once(run: number, root: string): Promise<number> {
  const users = bulkUsers(ROWS, `bench${run}`);
  const sim = await bulkSimulator(users, { caDir: testCaDir(path.join(root, 'ca')), rateLimit: { perSecond: RATE } });
  const hooks: (() => unknown)[] = [];
  try {
    const core = await bulkCore({ after: (fn) => hooks.push(fn) }, sim, { dataDir: path.join(root, `data-${run}`) });
    await core.bulk.setRateLimit({ perSecond: RATE });
    const csv = writeCsv(root, `users-${run}.csv`, ['email', ...users.map((u) => u.email)]);
    const started = performance.now();
    const status = await core.bulk.wait(await core.bulk.start({ file: csv, generate: true }));
    const wall = (performance.now() - started) / 1000;
    const puts = passwordPuts(sim);
    const times = puts.map((r) => Date.parse(r.at));
    const achieved = (times.length - 1) / (((times.at(-1) ?? 0) - (times[0] ?? 0)) / 1000);
    const refused = puts.filter((r) => r.status === 429).length;
    if (status.state !== 'finished') say(`  run ${run}: ${status.state}: ${status.message}`);
    say(
      `  run ${run}: ${status.counts.updated}/${ROWS} updated in ${wall.toFixed(1)} s; ` +
        `${achieved.toFixed(2)} req/s at the simulator = ${((achieved / RATE) * 100).toFixed(1)}% of ${RATE}/s; ` +
        `${refused} answered 429`,
    );
    return achieved / RATE;
  } finally {
    for (const fn of hooks) await fn();
    await sim.stop();
  }
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-bench-bulk-'));
  try {
    say(`bulk: ${ROWS} rows, limit ${RATE}/s (simulator and account), ${RUNS} runs`);
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run++) ratios.push(await once(run, root));
    say(`  median: ${(median(ratios) * 100).toFixed(1)}% of the configured limit (target: at least 90%)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// Node reads NODE_EXTRA_CA_CERTS at start only: unless it names ZPA_TEST_CA_DIR's CA, make (or reuse) a
// test CA and run again with both set.
const caDirNow = process.env.ZPA_TEST_CA_DIR;
if (caDirNow === undefined || process.env.NODE_EXTRA_CA_CERTS !== path.join(caDirNow, CA_FILE)) {
  const caDir = process.env.ZPA_TEST_CA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'zpa-bench-ca-'));
  loadOrCreateTestCa(caDir);
  const again = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    stdio: 'inherit',
    env: { ...process.env, ZPA_TEST_CA_DIR: caDir, NODE_EXTRA_CA_CERTS: path.join(caDir, CA_FILE) },
  });
  process.exit(again.status ?? 1);
} else {
  await main();
}
