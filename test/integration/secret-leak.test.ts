// Proof that secrets stay secret: after a full zpa session (token stored, password changes that succeed, are
// refused, end unknown, fail and hit the rate limit, refused secrets on the command line, history listed), no file
// in the data folder and no log (every zpa run's stdout and stderr, the simulator's request log) holds the token or
// any password, in plain text or in a common encoding.
import assert from 'node:assert/strict';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import { SAMPLE, SAMPLE_ACCOUNT_ID, SAMPLE_TOKENS } from '../simulator/sample-users';
import { PASSWORD_SCOPES } from '../simulator/sim-types';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import {
  caEnv,
  keychainSkipReason,
  testCaDir,
  uniqueKeychainService,
  zpaEnv,
  ZpaRunner,
  type ZpaResult,
} from '../support/run-zpa';
import { registerSecrets } from '../support/leak-registry';
import { scan, type Haystack } from '../support/secret-scan';
import { listFiles, tempDir } from '../support/temp-dir';

// Letters and digits two apart: no runs like "abc" or "123", which Zoom's rules refuse.
const NO_RUN = 'acegikmoqsuwyACEGIKMOQSUWY02468';
function canaryPassword(): string {
  let tag = '';
  for (let i = 0; i < 10; i += 1) tag += NO_RUN[randomInt(NO_RUN.length)];
  return `Qz7-Canary-${tag}`;
}

describe('no secret reaches a file or a log', async () => {
  const skip = await keychainSkipReason();
  const work = tempDir({ after }, 'zpa-leak-');
  const dataDir = path.join(work, 'data');
  const token = `zpa-canary-token.${randomBytes(24).toString('base64url')}.${randomUUID()}`;
  const tokenInArgv = `zpa-canary-argv-token.${randomUUID()}`;
  const passwords = {
    updated: canaryPassword(),
    unknown: canaryPassword(),
    failed: canaryPassword(),
    rateLimited: canaryPassword(),
    inArgv: canaryPassword(),
    // Fails the local rules (no upper case): refused before sending, must not be echoed either.
    invalid: `canary-weak-${randomBytes(6).toString('hex')}`,
  };
  const secrets = [token, tokenInArgv, ...Object.values(passwords)];
  registerSecrets(...secrets);
  const simLog: string[] = [];
  let sim: ZoomSimulator;
  let runner: ZpaRunner;

  before(async () => {
    if (skip) return;
    sim = await startZoomSimulator({
      caDir: testCaDir(path.join(work, 'ca')),
      tokens: [
        ...SAMPLE_TOKENS,
        { token, accountId: SAMPLE_ACCOUNT_ID, userId: SAMPLE.owner, scopes: [...PASSWORD_SCOPES] },
      ],
      // Three password changes a day get through; the fourth is rate limited.
      rateLimit: { daily: 3 },
      onRequest: (record) => simLog.push(JSON.stringify(record)),
    });
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir, apiBase: sim.apiBase, keychainService: uniqueKeychainService() }),
      ...caEnv(testCaDir(path.join(work, 'ca'))),
    });
  });

  after(async () => {
    if (skip) return;
    await runner.run(['token', 'clear']);
    await sim.stop();
  });

  const expectExit = async (run: Promise<ZpaResult>, code: number): Promise<ZpaResult> => {
    const result = await run;
    assert.equal(result.code, code, `zpa ${result.args.join(' ')}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    return result;
  };
  const setPassword = (user: string, password: string, env?: NodeJS.ProcessEnv) =>
    runner.run(['password', 'set', user, '--password-stdin', '--json'], {
      stdin: `${password}\n`,
      ...(env ? { env } : {}),
    });

  it('runs a full session with distinctive secrets', { skip }, async () => {
    await expectExit(runner.run(['token', 'set', tokenInArgv]), 2);
    await expectExit(runner.run(['token', 'set'], { stdin: `${token}\n` }), 0);
    await expectExit(runner.run(['token', 'status', '--json']), 0);

    await expectExit(setPassword(SAMPLE.memberEmail, passwords.updated), 0);
    await expectExit(setPassword(SAMPLE.memberEmail, passwords.updated), 1);
    await expectExit(setPassword(SAMPLE.memberEmail, passwords.invalid), 2);
    await expectExit(runner.run(['password', 'set', SAMPLE.memberEmail, passwords.inArgv]), 2);
    await expectExit(runner.run(['password', 'set', SAMPLE.memberEmail, `--password=${passwords.inArgv}`]), 2);

    sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
    // With ZPA_DEBUG=1 too: whatever detail debug output adds must not hold a secret either.
    await expectExit(setPassword(SAMPLE.memberEmail, passwords.unknown, { ZPA_DEBUG: '1' }), 4);
    sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'status', status: 503 } });
    await expectExit(setPassword(SAMPLE.memberEmail, passwords.failed), 4);
    const limited = await expectExit(setPassword(SAMPLE.memberEmail, passwords.rateLimited), 4);
    assert.match(limited.stderr, /^zpa: rate_limited: /);

    const history = JSON.parse((await expectExit(runner.run(['history', '--json']), 0)).stdout) as HistoryEntry[];
    await expectExit(runner.run(['history']), 0);
    assert.deepEqual(
      history.map((e) => e.outcome),
      ['rate_limited', 'failed', 'unknown', 'rejected', 'updated'],
    );
    // The secrets were really used: Zoom holds the password sent before the lost answer, and accepted the token.
    assert.ok(sim.state.passwordMatches(SAMPLE.memberEmail, passwords.unknown));
    assert.ok(sim.requests.some((r) => r.status === 204));
  });

  it('finds none of the secrets in the data folder, the zpa output or the simulator log', { skip }, () => {
    const files = listFiles(dataDir);
    const names = files.map((f) => path.relative(dataDir, f));
    assert.ok(names.includes(path.join('history', 'history.jsonl')), `history file scanned (${names.join(', ')})`);
    assert.ok(names.includes('config.json'), `settings file scanned (${names.join(', ')})`);
    const haystacks = collect(files, runner.runs, simLog, sim);
    assert.ok(runner.runs.length >= 12);
    assert.deepEqual(scan(haystacks, secrets), []);
  });

  it('would catch a leak: a secret planted in a copy of the scan list is reported', { skip }, () => {
    const haystacks = collect(listFiles(dataDir), runner.runs, simLog, sim);
    const scratch = path.join(work, 'scratch');
    fs.mkdirSync(scratch, { recursive: true });
    const planted = path.join(scratch, 'planted.bin');
    // Binary bytes around it, as in a database or a crash dump.
    fs.writeFileSync(planted, Buffer.concat([randomBytes(64), Buffer.from(passwords.updated), randomBytes(64)]));
    const withLeaks: Haystack[] = [
      ...haystacks,
      { name: planted, bytes: fs.readFileSync(planted) },
      { name: 'planted stderr', bytes: Buffer.from(`zpa: oops ${Buffer.from(`x${token}`).toString('base64')}\n`) },
      { name: 'planted utf16', bytes: Buffer.from(`pw=${passwords.rateLimited};`, 'utf16le') },
    ];
    const found = scan(withLeaks, secrets);
    // The planted file must not stay for the suite's final leak scan, which would rightly report it.
    fs.rmSync(scratch, { recursive: true, force: true });
    assert.deepEqual(
      [...new Set(found.map((f) => f.haystack))].sort(),
      [planted, 'planted stderr', 'planted utf16'].sort(),
    );
    assert.ok(found.some((f) => f.haystack === planted && f.encoding === 'utf8' && f.secret === passwords.updated));
    assert.ok(
      found.some((f) => f.haystack === 'planted stderr' && f.encoding.startsWith('base64') && f.secret === token),
    );
    assert.ok(found.some((f) => f.haystack === 'planted utf16' && f.encoding === 'utf16le'));
  });
});

function collect(
  files: readonly string[],
  runs: readonly ZpaResult[],
  simLog: readonly string[],
  sim: ZoomSimulator,
): Haystack[] {
  return [
    ...files.map((file) => ({ name: file, bytes: fs.readFileSync(file) })),
    ...runs.flatMap((run, i) => [
      { name: `run ${i} (zpa ${run.args[0] ?? ''} ${run.args[1] ?? ''}) stdout`, bytes: Buffer.from(run.stdout) },
      { name: `run ${i} (zpa ${run.args[0] ?? ''} ${run.args[1] ?? ''}) stderr`, bytes: Buffer.from(run.stderr) },
    ]),
    { name: 'simulator request log', bytes: Buffer.from(simLog.join('\n')) },
    { name: 'simulator request records', bytes: Buffer.from(JSON.stringify(sim.requests)) },
  ];
}
