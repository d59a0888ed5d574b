// npm run package:check against the real config, and against altered copies of it: it passes as the
// repository stands, and fails when a required file leaves the whitelist or a forbidden one joins it.
// Each case is one real electron-builder run (Linux dir + tar.gz with a stand-in Electron, a few seconds).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG = path.join(ROOT, 'electron-builder.config.cjs');
const CHECK = path.join(ROOT, 'scripts', 'package-check.mjs');

interface CheckRun {
  status: number | null;
  output: string;
  failures: string[];
}

let work = '';

/** Runs the check on the already built dist/ with `config` (a path), and collects its FAIL lines. */
function runCheck(config: string): CheckRun {
  const result = spawnSync(process.execPath, [CHECK, '--no-build', '--config', config], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 5 * 60_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  return { status: result.status, output, failures: output.split('\n').filter((line) => line.startsWith('FAIL ')) };
}

/** Writes a copy of the real config whose `files` list is changed by `edit` (JavaScript source of a function). */
function alteredConfig(name: string, edit: string): string {
  const file = path.join(work, `${name}.config.cjs`);
  writeFileSync(
    file,
    `const base = require(${JSON.stringify(CONFIG)});\n` + `module.exports = { ...base, ...(${edit})(base) };\n`,
  );
  return file;
}

function failuresAbout(run: CheckRun, text: string): string[] {
  return run.failures.filter((line) => line.includes(text));
}

describe('package:check', { timeout: 10 * 60_000 }, () => {
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'zpa-package-check-test-'));
    // npm test builds first; build the app's parts here only if they are missing (never dist/cli, which
    // other suites run concurrently).
    const built = ['dist/main/main.mjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'];
    if (!built.every((f) => existsSync(path.join(ROOT, f)))) {
      const build = spawnSync(process.execPath, ['scripts/build.mjs', '--only', 'main,preload,renderer'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      assert.equal(build.status, 0, `the build failed:\n${build.stdout}${build.stderr}`);
    }
  });

  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('passes on the repository as it is, and says it checks the layout only', () => {
    const run = runCheck(CONFIG);
    assert.deepEqual(run.failures, [], run.output);
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^ok {3}dir: app\.asar holds exactly the whitelisted files/m);
    assert.match(run.output, /^ok {3}tar\.gz: app\.asar is identical to the dir target's$/m);
    assert.match(run.output, /^ok {3}dir: keytar's native module is in app\.asar\.unpacked$/m);
    assert.match(run.output, /does not start the app/);
  });

  test('fails when the preload is removed from the whitelist', () => {
    const run = runCheck(
      alteredConfig('no-preload', `(base) => ({ files: base.files.filter((p) => p !== 'dist/preload/**/*') })`),
    );
    assert.equal(run.status, 1, run.output);
    assert.equal(failuresAbout(run, 'dir: app.asar holds exactly the whitelisted files').length, 1, run.output);
    assert.match(run.output, /missing: dist\/preload\/preload\.cjs/);
    assert.equal(failuresAbout(run, 'dir: the preload is where main loads it from').length, 1, run.output);
  });

  test("fails when keytar's native module is removed from the whitelist", () => {
    const run = runCheck(
      alteredConfig('no-keytar', `(base) => ({ files: base.files.filter((p) => !String(p).endsWith('keytar.node')) })`),
    );
    assert.equal(run.status, 1, run.output);
    assert.equal(failuresAbout(run, "dir: keytar's native module is in app.asar.unpacked").length, 1, run.output);
  });

  test('fails when test files are added', () => {
    const run = runCheck(alteredConfig('with-tests', `(base) => ({ files: [...base.files, 'test/unit/**/*'] })`));
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /^FAIL dir: no test, .* packaged: a test file: test\/unit\//m);
    assert.match(run.output, /^FAIL tar\.gz: no test, .* packaged: a test file: test\/unit\//m);
  });

  test('fails when a .env file, a source map or an inline source map is added', () => {
    const extra = path.join(work, 'extra');
    mkdirSync(extra, { recursive: true });
    writeFileSync(path.join(extra, '.env'), 'ZPA_EXAMPLE=not-a-secret\n');
    const map = { version: 3, sources: ['../../electron/main/main.ts'], sourcesContent: ['export {};'], mappings: '' };
    writeFileSync(path.join(extra, 'main.mjs.map'), JSON.stringify(map));
    const inline = Buffer.from(JSON.stringify(map)).toString('base64');
    writeFileSync(
      path.join(extra, 'extra.js'),
      `export {};\n//# sourceMappingURL=data:application/json;base64,${inline}\n`,
    );
    const run = runCheck(
      alteredConfig(
        'with-env',
        `(base) => ({ files: [...base.files, { from: ${JSON.stringify(extra)}, to: 'dist/main', filter: ['**/*'] }] })`,
      ),
    );
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /^FAIL dir: no test, .* packaged: an environment file \(\.env\): dist\/main\/\.env$/m);
    assert.match(run.output, /^FAIL dir: no test, .* packaged: a source map: dist\/main\/main\.mjs\.map$/m);
    assert.match(run.output, /^FAIL dir: no script embeds a source map: dist\/main\/extra\.js carries an inline/m);
  });

  test('fails when the zpa CLI bundle is added', () => {
    // A stand-in bundle, so the case does not depend on whether dist/cli is built.
    const cli = path.join(work, 'cli');
    mkdirSync(cli, { recursive: true });
    writeFileSync(path.join(cli, 'zpa.mjs'), 'export {};\n');
    const run = runCheck(
      alteredConfig(
        'with-cli',
        `(base) => ({ files: [...base.files, { from: ${JSON.stringify(cli)}, to: 'dist/cli' }] })`,
      ),
    );
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /^FAIL dir: no test, .* packaged: the zpa CLI \(dist\/cli\)[^:]*: dist\/cli\/zpa\.mjs$/m);
  });

  test('fails when the fuses are left as Electron ships them', () => {
    const run = runCheck(alteredConfig('no-fuses', `() => ({ electronFuses: null })`));
    assert.equal(run.status, 1, run.output);
    assert.match(run.output, /^FAIL dir: Electron fuses .*: runAsNode is on, should be off/m);
  });
});
