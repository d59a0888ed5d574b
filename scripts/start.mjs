#!/usr/bin/env node
// `npm start` and `npm run demo` (--demo): installs what is missing, builds, and starts the desktop app.
// With --demo it first starts the local Zoom simulator and points the app at it.
// Uses nothing but Node itself, so it runs before `npm install`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const demo = process.argv.includes('--demo');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const electronPackage = path.join(root, 'node_modules', 'electron');
const SIMULATOR_START_TIMEOUT_MS = 60_000;
const PRODUCT_NAME = 'Zoom Password Admin';
const DEMO_KEYCHAIN_SERVICE = 'Zoom Password Admin (demo)';

function say(line = '') {
  console.log(line);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function stop(message) {
  console.error(message);
  process.exit(1);
}

// 1. npm packages.
if (!existsSync(path.join(root, 'node_modules'))) {
  const lockfile = existsSync(path.join(root, 'package-lock.json'));
  say(`start: installing npm packages (npm ${lockfile ? 'ci' : 'install'})…`);
  // Tests drive the system's Chromium: Playwright must not download a browser of its own.
  if (!run(npm, [lockfile ? 'ci' : 'install'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' })) {
    stop('start: installing the npm packages failed (see above). Fix that, then run this again.');
  }
}

// 2. Build main, preload, renderer and zpa.
if (!run(process.execPath, [path.join(root, 'scripts', 'build.mjs')])) {
  stop('start: the build failed (see above).');
}

// 3. Electron's binary. Never `require('electron')` here: that would start its download.
function executableInDist() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(electronPackage, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The Electron executable to run, or null. Same rules as the electron package, minus the download. */
function findElectron() {
  const pathFile = path.join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidates = [relative, executableInDist(), 'electron'].filter(Boolean).map((p) => path.join(override, p));
    return candidates.find((p) => existsSync(p)) ?? null;
  }
  if (!relative || !existsSync(path.join(electronPackage, 'dist'))) return null;
  const executable = path.join(electronPackage, 'dist', relative);
  return existsSync(executable) ? executable : null;
}

function noElectronMessage() {
  const version = electronVersion();
  const platformArch = `${process.platform}-${process.arch}`;
  return [
    '',
    `Electron ${version} could not be downloaded on this machine, so the desktop app cannot start here.`,
    '',
    'Electron fetches its binary on first use from GitHub (https://github.com/electron/electron/releases),',
    'or from ELECTRON_MIRROR when that is set. To get it, do one of these, then run this command again:',
    '  - allow this machine to reach github.com (or set ELECTRON_MIRROR to a mirror it can reach);',
    `  - copy Electron's download cache (with electron-v${version}-${platformArch}.zip) from a machine that has it`,
    '    (~/.cache/electron on Linux, ~/Library/Caches/electron on macOS, %LOCALAPPDATA%\\electron\\Cache on',
    '    Windows) and set electron_config_cache=<that folder>;',
    `  - unpack Electron ${version} somewhere and set ELECTRON_OVERRIDE_DIST_PATH=<the folder with its executable>.`,
    '',
    'Meanwhile the command-line tool works without Electron: npx zpa --help',
    ...(demo
      ? [
          'and so does the simulator: node --import tsx test/simulator/run-simulator.ts --ca-dir <folder>',
          'prints {"apiBase", "caFile"}; then ZPA_API_BASE_URL=<apiBase> NODE_EXTRA_CA_CERTS=<caFile> npx zpa …',
        ]
      : []),
  ].join('\n');
}

let electron = findElectron();
if (electron === null && existsSync(path.join(electronPackage, 'install.js'))) {
  // The electron package's own installer (what `npx install-electron` runs): one try, in a child process.
  say(`start: Electron's binary is not installed yet; downloading Electron ${electronVersion()} (one time)…`);
  run(process.execPath, [path.join(electronPackage, 'install.js')]);
  electron = findElectron();
}
if (electron === null) stop(noElectronMessage());

// 4. Demo: the simulator.
/** Electron's userData for this product, as the app computes it (see electron/node/data-dir.ts). */
function defaultUserData() {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA || path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const xdg = process.env.XDG_CONFIG_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.config'), PRODUCT_NAME);
}

function shellQuote(value) {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Starts run-simulator.ts and resolves with its {apiBase, caFile} line; its other output passes through. */
function startSimulator(caDir) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'test', 'simulator', 'run-simulator.ts'), '--ca-dir', caDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the simulator did not report ready within ${SIMULATOR_START_TIMEOUT_MS / 1000} s`));
    }, SIMULATOR_START_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout });
    let ready = false;
    lines.on('line', (line) => {
      if (ready) return void process.stdout.write(`${line}\n`);
      try {
        const info = JSON.parse(line);
        if (typeof info.apiBase === 'string' && typeof info.caFile === 'string') {
          ready = true;
          clearTimeout(timer);
          resolve({ child, info });
          return;
        }
      } catch {
        // Not the ready line.
      }
      process.stdout.write(`${line}\n`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the simulator stopped before it was ready (exit ${code ?? signal})`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The simulator's sample token, from its ready line or else from its sample data. */
async function demoToken(info) {
  if (typeof info.demoToken === 'string') return info.demoToken;
  const { tsImport } = await import('tsx/esm/api');
  const samples = await tsImport(
    pathToFileURL(path.join(root, 'test', 'simulator', 'sample-users.ts')).href,
    import.meta.url,
  );
  return samples.DEMO_TOKEN;
}

const env = { ...process.env };
// Set in some shells and CI images, it would make Electron run as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
let simulator = null;
let caDir = null;
const cleanUp = () => {
  if (simulator !== null && simulator.exitCode === null) simulator.kill();
  if (caDir !== null) rmSync(caDir, { recursive: true, force: true });
};

if (demo) {
  caDir = mkdtempSync(path.join(os.tmpdir(), 'zpa-demo-ca-'));
  say('start: starting the Zoom simulator…');
  let started;
  try {
    started = await startSimulator(caDir);
  } catch (error) {
    cleanUp();
    stop(`start: ${error instanceof Error ? error.message : String(error)}.`);
  }
  simulator = started.child;
  const { apiBase, caFile } = started.info;
  Object.assign(env, {
    ZPA_DEMO: '1',
    ZPA_API_BASE_URL: apiBase,
    ZPA_DEMO_CA_FILE: caFile,
    ZPA_DEMO_TOKEN: await demoToken(started.info),
  });
  const dataDir = process.env.ZPA_DATA_DIR || path.join(defaultUserData(), 'demo');
  say('');
  say(`Demo: the Zoom simulator answers at ${apiBase} with a sample account (try priya.patel@northwind.example).`);
  say("The app stores the simulator's token in its own keychain entry. To use zpa against it meanwhile:");
  say(
    `  export ZPA_API_BASE_URL=${shellQuote(apiBase)} NODE_EXTRA_CA_CERTS=${shellQuote(caFile)} ` +
      `ZPA_DATA_DIR=${shellQuote(dataDir)} ZPA_KEYCHAIN_SERVICE=${shellQuote(DEMO_KEYCHAIN_SERVICE)}`,
  );
  say('  npx zpa token status');
  say("  printf 'Northwind-2026x\\n' | npx zpa password set priya.patel@northwind.example --password-stdin");
  say('  npx zpa history');
  say('The simulator stops when the app closes.');
  say('');
}

// 5. The app.
const app = spawn(electron, [root], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (app.exitCode === null) app.kill(signal);
  });
}
app.once('error', (error) => {
  cleanUp();
  stop(`start: Electron could not be started (${electron}): ${error.message}`);
});
app.once('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 1 : 0));
});
