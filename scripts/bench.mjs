#!/usr/bin/env node
// Runs every benchmark in test/bench/*.bench.ts (with tsx), one process each, in name order.
// Usage: node scripts/bench.mjs [name-filter]   e.g. `node scripts/bench.mjs history`
// Benchmarks print figures and their targets; they do not fail on timing (only on errors).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'test', 'bench');
const filter = process.argv[2] ?? '';
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (benches.length === 0) {
  console.error(`bench: no test/bench/*.bench.ts matches "${filter}".`);
  process.exit(1);
}
let failed = 0;
for (const bench of benches) {
  console.log(`\n# ${bench}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, bench)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench: ${bench} failed (exit ${result.status ?? result.signal}).`);
  }
}
process.exit(failed === 0 ? 0 : 1);
