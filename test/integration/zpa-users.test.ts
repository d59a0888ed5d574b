// zpa's issue-5 commands end to end: separate processes, the simulator with the strict account policy over
// HTTPS with the test CA, and the real Secret Service for the token. Each exit code is checked.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { HistoryEntry } from '../../shared/domain/history';
import { DEMO_TOKEN, SAMPLE } from '../simulator/sample-users';
import { refusePassword } from '../simulator/sim-password-rules';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import {
  caEnv,
  keychainSkipReason,
  testCaDir,
  unreachableApiBase,
  uniqueKeychainService,
  zpaEnv,
  ZpaRunner,
  type ZpaResult,
} from '../support/run-zpa';
import { passwordPuts, STRICT_POLICY, STRICT_SIM_OPTIONS } from '../support/strict-sim';
import { tempDir } from '../support/temp-dir';

function assertExit(result: ZpaResult, code: number): void {
  assert.equal(
    result.code,
    code,
    `zpa ${result.args.join(' ')} → ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`,
  );
}

describe('zpa user show, password check / generate / set with the strict policy', async () => {
  const skip = await keychainSkipReason();
  let sim: ZoomSimulator;
  let runner: ZpaRunner;
  const work = tempDir({ after }, 'zpa-users-');
  let counter = 0;
  const password = (): string => {
    counter += 1;
    return `Vq7#Lm${counter.toString(36).padStart(3, 'x')}!Tz9-Kw`;
  };

  before(async () => {
    if (skip) return;
    const caDir = testCaDir(path.join(work, 'ca'));
    sim = await startZoomSimulator({ ...STRICT_SIM_OPTIONS, caDir });
    runner = new ZpaRunner({
      ...zpaEnv({ dataDir: path.join(work, 'data'), apiBase: sim.apiBase, keychainService: uniqueKeychainService() }),
      ...caEnv(caDir),
    });
    assertExit(await runner.run(['token', 'set'], { stdin: `${DEMO_TOKEN}\n` }), 0);
  });
  after(async () => {
    if (skip) return;
    await runner.run(['token', 'clear']);
    await sim.stop();
  });

  const setPassword = (user: string, secret: string, extra: string[] = []) =>
    runner.run(['password', 'set', user, '--password-stdin', ...extra], { stdin: `${secret}\n` });

  it('user show: 0 for an eligible user, 1 for one Zoom would refuse or that does not exist', { skip }, async () => {
    const member = await runner.run(['user', 'show', SAMPLE.memberEmail]);
    assertExit(member, 0);
    assert.match(member.stdout, /^Name: +Priya Patel$/m);
    assert.match(member.stdout, /^Sign-in: +Zoom work e-mail and password$/m);
    assert.match(member.stdout, /^Password: +can be set by an admin$/m);
    const sso = await runner.run(['user', 'show', SAMPLE.sso]);
    assertExit(sso, 1);
    assert.match(sso.stdout, /^Password: +cannot be set \(Zoom code 1123\): Sam Okafor signs in only with SSO/m);
    const missing = await runner.run(['user', 'show', SAMPLE.unknownEmail]);
    assertExit(missing, 1);
    assert.match(missing.stderr, /^zpa: not found: No user "nobody@northwind\.example"/);
    const json = await runner.run(['user', 'show', SAMPLE.admin, '--json']);
    assertExit(json, 1);
    const parsed = JSON.parse(json.stdout) as { status: string; eligibility: { code: number } };
    assert.equal(parsed.status, 'found');
    assert.equal(parsed.eligibility.code, 1117);
    const offline = await runner.run(['user', 'show', SAMPLE.memberEmail], {
      env: { ZPA_API_BASE_URL: await unreachableApiBase() },
    });
    assertExit(offline, 4);
    assert.match(offline.stderr, /^zpa: Could not look the user up: Reading from Zoom failed/);
  });

  it('password check: one line per rule of the account policy, exit 0 or 2; nothing sent', { skip }, async () => {
    const puts = passwordPuts(sim).length;
    const ok = await runner.run(['password', 'check', '--password-stdin'], { stdin: 'Vq7#Lm2@Tz9-Kw4!\n' });
    assertExit(ok, 0);
    const lines = ok.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^Password policy of the account "Default" as of /);
    assert.deepEqual(lines.slice(1, -1), [
      '✓ 14 to 31 characters',
      '✓ At least one letter and one digit',
      '✓ Upper- and lower-case letters',
      '✓ Not one character repeated',
      '✓ No runs of 4 like 1234 or abcd',
      '✓ At least one special character',
      '✓ Not a common password, even with letters swapped for digits or symbols',
      '✓ No line breaks, tabs or control characters',
    ]);
    assert.match(lines.at(-1) ?? '', /^Strength: Very strong \(4 of 4\)/);
    const bad = await runner.run(['password', 'check', '--password-stdin'], { stdin: 'Summer#2024!9%\n' });
    assertExit(bad, 2);
    assert.deepEqual(
      bad.stdout.split('\n').filter((l) => l.startsWith('✗')),
      ['✗ Not a common password, even with letters swapped for digits or symbols'],
    );
    assert.equal(bad.stderr, '');
    const json = await runner.run(['password', 'check', '--password-stdin', '--json'], { stdin: 'Kx7mQ9vL2pRtWz5\n' });
    assertExit(json, 2);
    const verdict = JSON.parse(json.stdout) as {
      ok: boolean;
      rules: { id: string; ok: boolean; zoomCodes: number[] }[];
    };
    assert.equal(verdict.ok, false);
    assert.deepEqual(
      verdict.rules.filter((r) => !r.ok).map((r) => [r.id, r.zoomCodes]),
      [['special', [1127]]],
    );
    assert.ok(!json.stdout.includes('Kx7mQ9vL2pRtWz5'), 'the password is never printed');
    assert.equal(passwordPuts(sim).length, puts);
  });

  it("password generate: passwords that meet the account's policy, one per line", { skip }, async () => {
    const result = await runner.run(['password', 'generate', '--count', '25', '--length', '20', '--no-look-alikes']);
    assertExit(result, 0);
    const generated = result.stdout.trimEnd().split('\n');
    assert.equal(generated.length, 25);
    assert.equal(new Set(generated).size, 25);
    for (const p of generated) {
      assert.equal(p.length, 20);
      assert.doesNotMatch(p, /[Il1O0o|]/);
      assert.equal(refusePassword(p, STRICT_POLICY), null, p);
    }
    assert.match(result.stderr, /^zpa: note: Password policy of the account "Default"/);
    const first = generated[0] ?? '';
    assertExit(await setPassword(SAMPLE.memberEmail, first), 0);
    assert.ok(sim.state.passwordMatches(SAMPLE.memberEmail, first));
    const short = await runner.run(['password', 'generate', '--length', '10']);
    assertExit(short, 2);
    assert.match(short.stderr, /shorter than the account's minimum of 14/);
  });

  it('password set refuses a user Zoom would refuse (exit 2, nothing sent) unless --force', { skip }, async () => {
    const puts = passwordPuts(sim).length;
    const refused = await setPassword(SAMPLE.sso, password());
    assertExit(refused, 2);
    assert.match(refused.stderr, /^zpa: Sam Okafor signs in only with SSO.*Nothing was sent\. .*--force/);
    const missing = await setPassword(SAMPLE.unknownEmail, password());
    assertExit(missing, 2);
    assert.equal(passwordPuts(sim).length, puts, 'nothing reached Zoom');
    const policy = await setPassword(SAMPLE.memberEmail, 'Kx7mQ9vL2pRtWz5');
    assertExit(policy, 2);
    assert.match(policy.stderr, /at least one special character/);
    assert.equal(passwordPuts(sim).length, puts);

    const forced = await setPassword(SAMPLE.sso, password(), ['--force', '--reason', 'INC-77 (SSO check)']);
    assertExit(forced, 1);
    assert.match(forced.stderr, /^zpa: rejected: .*\(Zoom code 1123, tracking id /);
    const history = JSON.parse((await runner.run(['history', '--json', '--limit', '1'])).stdout) as HistoryEntry[];
    assert.equal(history[0]?.reason, 'INC-77 (SSO check)');
    assert.equal(history[0]?.zoomCode, 1123);
  });

  it('an unknown outcome is checked with --check: "updated (confirmed)", exit 0', { skip }, async () => {
    const secret = password();
    sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
    const lost = await setPassword(SAMPLE.memberEmail, secret);
    assertExit(lost, 4);
    const id = /--check (\S+);/.exec(lost.stderr)?.[1];
    assert.ok(id, lost.stderr);
    const puts = passwordPuts(sim).length;
    const check = await setPassword(SAMPLE.memberEmail, secret, ['--check', id]);
    assertExit(check, 0);
    assert.match(check.stdout, /^Updated \(confirmed\) for priya\.patel@northwind\.example: Confirmed: /);
    assert.equal(passwordPuts(sim).length, puts + 1);
    const table = await runner.run(['history', '--user', 'priya', '--limit', '2']);
    assert.match(table.stdout, /updated \(confirmed\)/);
  });
});
