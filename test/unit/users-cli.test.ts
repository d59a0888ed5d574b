import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UserLookup } from '../../shared/domain/users';
import { exitCodeForLookup } from '../../electron/cli/commands/user';
import { main } from '../../electron/cli/zpa';
import { bufferIo } from '../support/buffer-io';

const base = { query: 'a@example.com', account: 'Acme', asOf: '2026-11-23T09:00:00Z' };

describe("zpa's issue-5 commands", () => {
  it('are listed in the help, with their options', async () => {
    const root = bufferIo();
    assert.equal(await main(['--help'], root), 0);
    for (const text of ['user show <user>', 'password check', 'password generate', 'password set <user>']) {
      assert.ok(root.out().includes(text), `zpa --help mentions ${text}`);
    }
    const set = bufferIo();
    assert.equal(await main(['password', 'set', '--help'], set), 0);
    for (const flag of ['--force', '--reason <text>', '--check <entry-id>']) {
      assert.ok(set.out().includes(flag), `zpa password set --help mentions ${flag}`);
    }
    const generate = bufferIo();
    assert.equal(await main(['password', 'generate', '--help'], generate), 0);
    for (const flag of ['--length <n>', '--count <n>', '--no-look-alikes']) assert.ok(generate.out().includes(flag));
  });

  it('refuse bad usage before anything is read or sent (exit 2)', async () => {
    const noStdin = bufferIo();
    assert.equal(await main(['password', 'check'], noStdin), 2);
    assert.match(noStdin.err(), /needs --password-stdin/);
    const argv = bufferIo();
    assert.equal(await main(['password', 'check', 'Vq7#Lm2@Tz9-Kw4!'], argv), 2);
    assert.ok(!argv.err().includes('Vq7#Lm2@Tz9-Kw4!'), 'a password given as an argument is not repeated');
    for (const args of [
      ['password', 'generate', '--length', '40'],
      ['password', 'generate', '--count', '0'],
      ['password', 'generate', '--length', 'ten'],
    ]) {
      const io = bufferIo();
      assert.equal(await main(args, io), 2, args.join(' '));
      assert.match(io.err(), /must be a whole number/);
    }
  });

  it('user show exits 0 eligible, 1 not found or ineligible, 3 token or scope, 4 network or Zoom', () => {
    const user = {
      id: 'U1',
      email: 'a@example.com',
      firstName: 'A',
      lastName: 'B',
      displayName: 'A B',
      type: 2,
      typeLabel: 'Licensed',
      status: 'active',
      roleName: 'Member',
      roleId: '2',
      loginTypes: [100],
      loginMethods: 'Zoom work e-mail and password',
    };
    const found = (eligible: boolean): UserLookup => ({
      ...base,
      status: 'found',
      user,
      eligibility: { eligible, reason: eligible ? null : 'SSO', code: eligible ? null : 1123 },
      trackingId: null,
    });
    const unavailable = (cause: 'no_account' | 'token' | 'scope' | 'network' | 'zoom'): UserLookup => ({
      ...base,
      status: 'unavailable',
      reason: 'x',
      cause,
    });
    assert.equal(exitCodeForLookup(found(true)), 0);
    assert.equal(exitCodeForLookup(found(false)), 1);
    assert.equal(exitCodeForLookup({ ...base, status: 'not_found', reason: 'x' }), 1);
    assert.deepEqual(
      (['no_account', 'token', 'scope', 'network', 'zoom'] as const).map((c) => exitCodeForLookup(unavailable(c))),
      [3, 3, 3, 4, 4],
    );
  });
});
