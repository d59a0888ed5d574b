// The built command as users run it: bin/zpa.mjs (what `npx zpa` starts) loading dist/cli/zpa.mjs.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { it } from 'node:test';
import { runZpa, ZPA_BUNDLE, ZPA_LAUNCHER } from '../support/run-zpa';

const skip = existsSync(ZPA_BUNDLE)
  ? false
  : 'dist/cli/zpa.mjs is not built (run "npm run build"; npm test builds first)';

it('node bin/zpa.mjs --help lists every command and exits 0', { skip }, async () => {
  const result = await runZpa(['--help'], { command: [process.execPath, ZPA_LAUNCHER] });
  assert.equal(result.code, 0, result.stderr);
  for (const text of [
    'Usage: zpa',
    'account add <name>',
    'account list',
    'account test',
    'token set',
    'token status',
    'token clear',
    'password set <user>',
    'history',
    'Exit codes:',
  ]) {
    assert.ok(result.stdout.includes(text), `help mentions ${text}`);
  }
  assert.equal(result.stderr, '');
});

it('node bin/zpa.mjs reports usage errors with exit 2', { skip }, async () => {
  const result = await runZpa(['password', 'set', 'jane@example.com'], { command: [process.execPath, ZPA_LAUNCHER] });
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^zpa: zpa password set needs --password-stdin/);
});
