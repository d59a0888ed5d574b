/**
 * The suite's final secret-leak scan (leak-scan.ts) finds a registered secret in a kept folder or a log
 * in any encoding, and refuses to pass when it had nothing to check.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { discardTestFolder, LEAK_REGISTRY_ENV, registerSecrets } from '../support/leak-registry';
import { SecretIndex } from '../support/secret-scan';
import { tempDir } from '../support/temp-dir';
import { leakScan } from './leak-scan';

/** A registry with one kept node folder and one kept playwright folder; `leak` is written into the node one. */
function world(t: TestContext, o: { secret?: string; leak?: Buffer; log?: string } = {}) {
  const root = tempDir(t, 'zpa-leak-scan-');
  const registry = path.join(root, 'registry');
  const previous = process.env[LEAK_REGISTRY_ENV];
  process.env[LEAK_REGISTRY_ENV] = registry;
  try {
    const secret = o.secret ?? `Kite-Harbor-7${randomBytes(6).toString('hex')}`;
    registerSecrets(secret);
    for (const [source, name] of [
      ['node', 'data-a'],
      ['playwright', 'data-b'],
    ] as const) {
      const dir = path.join(root, name);
      fs.mkdirSync(path.join(dir, 'history'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'history', 'history.jsonl'), '{"user":"ana@example.com"}\n');
      if (source === 'node' && o.leak !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), o.leak);
      discardTestFolder(dir, source);
      assert.ok(!fs.existsSync(dir), 'moved into the registry');
    }
    const log = path.join(root, 'run.log');
    fs.writeFileSync(log, o.log ?? 'ok 1 - a test\n');
    return { registry, secret, log };
  } finally {
    if (previous === undefined) delete process.env[LEAK_REGISTRY_ENV];
    else process.env[LEAK_REGISTRY_ENV] = previous;
  }
}

const quiet = () => undefined;

describe('the secret-leak scan', () => {
  it('passes on clean folders and logs', (t) => {
    const { registry, log } = world(t);
    assert.deepEqual(leakScan({ registry, require: ['node', 'playwright'], logs: [log] }, quiet), []);
  });

  it('finds a secret in a kept folder, plain or encoded, and names the original folder', (t) => {
    const secret = `Kite-Harbor-7${randomBytes(6).toString('hex')}`;
    for (const leak of [
      Buffer.from(`{"password":"${secret}"}`),
      Buffer.concat([randomBytes(40), Buffer.from(secret, 'utf16le')]),
      Buffer.from(`Authorization: Basic ${Buffer.from(`id:${secret}`).toString('base64')}`),
      Buffer.from(`password=${encodeURIComponent(`${secret}&`)}`),
    ]) {
      const { registry, log } = world(t, { secret, leak });
      const problems = leakScan({ registry, require: ['node', 'playwright'], logs: [log] }, quiet);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', /a secret \(Kite… \(25 characters\), [a-z0-9+]+\) is in .*data-a.*config\.json/);
      assert.ok(!(problems[0] ?? '').includes(secret), 'the report does not repeat the secret');
    }
  });

  it('finds one in a log', (t) => {
    const secret = `Kite-Harbor-7${randomBytes(6).toString('hex')}`;
    const { registry, log } = world(t, { secret, log: `# stdout: changing with ${secret}\n` });
    const problems = leakScan({ registry, require: ['node'], logs: [log] }, quiet);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /run\.log/);
  });

  it('fails when there was nothing to check', (t) => {
    const empty = tempDir(t, 'zpa-leak-scan-empty-');
    const problems = leakScan({ registry: empty, require: ['node', 'playwright'], logs: [] }, quiet);
    assert.ok(problems.some((p) => /no secret was registered/.test(p)));
    assert.ok(problems.some((p) => /no node test kept/.test(p)));
    assert.ok(problems.some((p) => /no playwright test kept/.test(p)));
    assert.ok(problems.some((p) => /no file to scan/.test(p)));
    const { registry } = world(t);
    const missingLog = leakScan({ registry, require: [], logs: [path.join(empty, 'nope.log')] }, quiet);
    assert.deepEqual(
      missingLog.map((p) => /is missing or empty/.test(p)),
      [true],
    );
  });

  it('the index finds needles at the very start and end of a haystack, among many secrets', () => {
    const secrets = Array.from({ length: 500 }, () => `Secret-${randomBytes(8).toString('hex')}`);
    const index = new SecretIndex(secrets);
    const [first, last] = [secrets[0] ?? '', secrets[499] ?? ''];
    const bytes = Buffer.concat([Buffer.from(first), randomBytes(100_000), Buffer.from(last)]);
    const found = index.find({ name: 'h', bytes }).filter((f) => f.encoding === 'utf8');
    assert.deepEqual(found.map((f) => f.secret).sort(), [first, last].sort());
  });
});
