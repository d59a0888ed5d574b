#!/usr/bin/env node
// The one test command (npm test): types, lint, build, node:test suites, the Playwright suites.
// On Linux it runs inside a private D-Bus session with a throwaway gnome-keyring, so keytar is tested
// against a real Secret Service without touching the developer's own keyring.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const inCI = process.env.CI === 'true';
const inSession = process.argv.includes('--in-session');
const quick = process.argv.includes('--quick'); // skip types and lint, for a fast local loop

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

// 1. Enter a private D-Bus session with a fresh keyring (Linux).
if (!inSession && process.platform === 'linux') {
  const dbusRun = which('dbus-run-session');
  const keyringDaemon = which('gnome-keyring-daemon');
  if (dbusRun && keyringDaemon) {
    const home = mkdtempSync(path.join(tmpdir(), 'zpa-test-home-'));
    const env = {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
      XDG_RUNTIME_DIR: home,
      // Playwright and npm keep using the real caches; only tools that write under $HOME are moved.
      npm_config_cache: process.env.npm_config_cache ?? path.join(process.env.HOME ?? home, '.npm'),
    };
    const result = spawnSync(
      dbusRun,
      ['--', process.execPath, fileURLToPath(import.meta.url), '--in-session', ...process.argv.slice(2)],
      {
        stdio: 'inherit',
        env,
      },
    );
    rmSync(home, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  const missing =
    'dbus-run-session and gnome-keyring-daemon (Debian: apt-get install dbus gnome-keyring libsecret-1-dev)';
  if (inCI) {
    console.error(`test: ${missing} are required in CI.`);
    process.exit(1);
  }
  console.warn(`test: ${missing} not found: the real-keychain tests will be skipped.`);
}

if (inSession) {
  // The daemon reads the unlock password on stdin; this keyring lives in the temporary HOME only.
  const unlock = spawnSync('gnome-keyring-daemon', ['--unlock', '--components=secrets'], {
    input: 'zpa-test-keyring\n',
    encoding: 'utf8',
  });
  if (unlock.status !== 0) console.warn(`test: gnome-keyring-daemon did not start: ${unlock.stderr}`);
}

// 2. The simulator's test CA, trusted by every Node process started from here.
const work = mkdtempSync(path.join(tmpdir(), 'zpa-test-'));
const caDir = path.join(work, 'ca');
// Tests record the secrets they use and keep their data folders here, for the last step (the leak scan).
const leakRegistry = path.join(work, 'leak-registry');
const env = {
  ...process.env,
  ZPA_TEST_CA_DIR: caDir,
  NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem'),
  ZPA_LEAK_REGISTRY: leakRegistry,
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `test: Chromium not found at ${chromium}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

function listTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

const nodeTap = path.join(work, 'node-tests.tap');
const aloneTap = path.join(work, 'node-tests-alone.tap');
const playwrightJson = path.join(work, 'playwright.json');
const allNodeTestFiles = [
  ...listTests(path.join(root, 'test', 'unit'), '.test.ts'),
  ...listTests(path.join(root, 'test', 'integration'), '.test.ts'),
  ...listTests(path.join(root, 'test', 'packaging'), '.test.ts'),
  ...listTests(path.join(root, 'test', 'security'), '.test.ts'),
];
// `*.alone.test.ts` check a pace against a clock (the "at least 90 % of the rate limit"): they run
// after the others, one at a time, so another test's load cannot decide their outcome.
const isAlone = (f) => f.endsWith('.alone.test.ts');
const nodeTestFiles = allNodeTestFiles.filter((f) => !isAlone(f));
const aloneTestFiles = allNodeTestFiles.filter(isAlone);

/** node:test over `files`, the spec reporter on the console and TAP into `tap` (counted at the end). */
function nodeTestArgs(files, tap, concurrency) {
  return [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-timeout=120000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files.map((f) => path.relative(root, f)),
  ];
}

const steps = [
  { name: 'test CA', command: process.execPath, args: ['--import', 'tsx', 'test/simulator/make-test-ca.ts', caDir] },
  ...(quick
    ? []
    : [
        { name: 'type-check', command: bin('tsc'), args: ['-b'] },
        { name: 'eslint', command: bin('eslint'), args: ['.', '--max-warnings=0'] },
        { name: 'prettier', command: bin('prettier'), args: ['--check', '.', '--log-level=warn'] },
      ]),
  { name: 'build', command: process.execPath, args: ['scripts/build.mjs'] },
  {
    name: 'node:test (unit, integration, packaging, security)',
    command: process.execPath,
    args: nodeTestArgs(nodeTestFiles, nodeTap, 2),
  },
  ...(aloneTestFiles.length === 0
    ? []
    : [
        {
          name: 'node:test (paced against a clock, one at a time)',
          command: process.execPath,
          args: nodeTestArgs(aloneTestFiles, aloneTap, 1),
        },
      ]),
  {
    name: 'Playwright (renderer in Chromium; Electron)',
    command: bin('playwright'),
    args: ['test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  },
  {
    name: 'secret-leak scan (every kept test folder and log)',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      'test/security/leak-scan.ts',
      '--registry',
      leakRegistry,
      '--require',
      'node,playwright',
      '--log',
      nodeTap,
      ...(aloneTestFiles.length === 0 ? [] : ['--log', aloneTap]),
      '--log',
      playwrightJson,
    ],
  },
];

const failedSteps = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', env: { ...env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failedSteps.push(step.name);
    console.log(`=== ${step.name}: FAILED (exit ${result.status ?? result.signal}, ${seconds} s)`);
    if (step.name === 'test CA') break;
  } else {
    console.log(`=== ${step.name}: ok (${seconds} s)`);
  }
}

// 3. One closing line that counts every test, whichever runner ran it.
const counts = { passed: 0, failed: 0, skipped: 0 };
const skipReasons = new Set();
for (const tapFile of [nodeTap, aloneTap]) {
  if (!existsSync(tapFile)) continue;
  const tap = readFileSync(tapFile, 'utf8');
  const read = (key) => Number(tap.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  counts.passed += read('pass');
  counts.failed += read('fail') + read('cancelled');
  counts.skipped += read('skipped') + read('todo');
  for (const match of tap.matchAll(/# SKIP (.+)$/gm)) skipReasons.add(`node:test: ${match[1]}`);
}
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  counts.passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
  counts.failed += report.stats?.unexpected ?? 0;
  counts.skipped += report.stats?.skipped ?? 0;
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          for (const a of t.annotations ?? [])
            if (a.type === 'skip') skipReasons.add(`playwright: ${spec.title}: ${a.description ?? 'skipped'}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
}
rmSync(work, { recursive: true, force: true });

console.log('');
for (const reason of skipReasons) console.log(`skipped: ${reason}`);
for (const name of failedSteps) console.log(`failed step: ${name}`);
if (failedSteps.length > 0 && counts.failed === 0) counts.failed = failedSteps.length; // a broken step counts as a failure
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
