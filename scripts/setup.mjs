#!/usr/bin/env node
// Sets a fresh clone up: installs npm packages when they are missing or stale, then builds.
// Uses nothing but Node itself, so it runs before `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`setup: "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** True when node_modules is missing or older than the lockfile. */
function needsInstall() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker)) return true;
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs;
}

if (needsInstall()) {
  console.log('setup: installing npm packages…');
  // Playwright drives the system's Chromium in tests; it must not download a browser of its own.
  run(npm, [existsSync(path.join(root, 'package-lock.json')) ? 'ci' : 'install'], {
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
}
if (!process.argv.includes('--no-build')) run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
console.log('setup: done.');
