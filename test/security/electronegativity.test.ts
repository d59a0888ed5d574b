import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// The Electron security scan (scripts/security-scan.mjs) passes on the real tree, and fails when a
// protection is removed or when the allow-list keeps an entry that no longer matches anything.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const script = path.join(root, 'scripts', 'security-scan.mjs');
const allowListFile = path.join(root, 'security', 'electronegativity-allowlist.json');
const scratch = mkdtempSync(path.join(tmpdir(), 'zpa-security-scan-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function runScan(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: root, timeout: 90_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** A copy of electron/ with window.ts edited by `edit`; the edit must change something. */
function weakenedTree(name: string, edit: (source: string) => string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, 'electron'), dir, { recursive: true });
  const windowFile = path.join(dir, 'main', 'window.ts');
  const before = readFileSync(windowFile, 'utf8');
  const weakened = edit(before);
  assert.notEqual(weakened, before, 'the edit to window.ts did not apply');
  writeFileSync(windowFile, weakened);
  return dir;
}

describe('electronegativity scan', { concurrency: true }, () => {
  it('passes on electron/ with the reviewed allow-list', async () => {
    const { code, output } = await runScan([]);
    assert.equal(code, 0, output);
    assert.match(output, /Security scan passed\./u);
    assert.doesNotMatch(output, /NOT ALLOWED|STALE/u);
  });

  it('fails when the window loses its sandbox and context isolation', async () => {
    const dir = weakenedTree('no-sandbox', (source) =>
      source.replace('contextIsolation: true', 'contextIsolation: false').replace('sandbox: true', 'sandbox: false'),
    );
    const { code, output } = await runScan(['--input', dir]);
    assert.equal(code, 1, output);
    assert.match(output, /NOT ALLOWED\s+SANDBOX_JS_CHECK \S+ main\/window\.ts/u);
    assert.match(output, /NOT ALLOWED\s+CONTEXT_ISOLATION_JS_CHECK \S+ main\/window\.ts/u);
    assert.match(output, /Security scan FAILED\./u);
  });

  it('fails on a stale allow-list entry', async () => {
    const list = JSON.parse(readFileSync(allowListFile, 'utf8')) as { entries: unknown[] };
    list.entries.push({
      check: 'SANDBOX_JS_CHECK',
      file: 'main/window.ts',
      match: 'sandbox: false',
      severity: 'HIGH',
      justification: 'An entry for a finding that does not exist, to show the list is kept honest.',
    });
    const file = path.join(scratch, 'stale-allowlist.json');
    writeFileSync(file, JSON.stringify(list));
    const { code, output } = await runScan(['--allow-list', file]);
    assert.equal(code, 1, output);
    assert.match(output, /STALE\s+SANDBOX_JS_CHECK HIGH main\/window\.ts/u);
  });
});
