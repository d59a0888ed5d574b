/**
 * Issue 5, "a password Zoom will accept": against the simulator configured with a strict account
 * policy (minimum 14, a special character, runs of 4 refused, the weak-password dictionary on), over
 * HTTPS with the test CA. The policy main reads is the simulator's; thousands of generated passwords
 * are all accepted; every local rule refuses exactly what Zoom refuses with the matching code, and
 * main refuses it before anything is sent.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { generatePassword } from '../../shared/password/generator';
import { checkPassword, RULE_ZOOM_CODES, type PasswordRuleId } from '../../shared/password/rules';
import { loadStrengthEstimator, type StrengthEstimator } from '../../shared/password/strength';
import type { Core } from '../../electron/node/core';
import { createNodeTransport } from '../../electron/node/zoom/node-transport';
import { ZoomClient } from '../../electron/node/zoom/zoom-client';
import { DEMO_TOKEN, NO_SCOPE_TOKEN, SAMPLE } from '../simulator/sample-users';
import { refusePassword, SIM_WEAK_WORDS } from '../simulator/sim-password-rules';
import { startZoomSimulator, type ZoomSimulator } from '../simulator/zoom-simulator';
import {
  passwordPuts,
  simCore,
  STRICT_POLICY,
  STRICT_SIM_OPTIONS,
  testKeychain,
  useStrictSimCore,
} from '../support/strict-sim';
import { tempDir } from '../support/temp-dir';

const GENERATED = 3000;
/** How many of them go over HTTPS (each costs a few milliseconds on a busy machine). */
const SENT = 600;

describe('the strict account policy, end to end', () => {
  let sim: ZoomSimulator;
  let core: Core;
  let zoom: ZoomClient;
  let estimator: StrengthEstimator;
  useStrictSimCore('zpa-policy-', (started) => ({ sim, core } = started));

  before(async () => {
    zoom = new ZoomClient({ transport: createNodeTransport(), apiBase: sim.apiBase, timeoutMs: 10_000 });
    estimator = await loadStrengthEstimator();
  });

  /** What the simulator answers to a password, sent straight to it (no local checks in between). */
  const zoomCode = async (password: string): Promise<number | null> => {
    const attempt = await zoom.setPassword({ token: DEMO_TOKEN, userId: SAMPLE.member, password, requestId: 'x' });
    return attempt.outcome === 'updated' ? null : attempt.zoomCode;
  };

  it("main reads the account's policy from Zoom, caches it, and refreshes on demand", async () => {
    const reads = () => sim.requests.filter((r) => r.path.endsWith('/accounts/me/settings')).length;
    const before = reads();
    const policy = await core.policies.get();
    assert.deepEqual(policy.policy, { minLength: 14, requireSpecial: true, consecutiveLength: 4, weakDetection: true });
    assert.equal(policy.source, 'account');
    assert.equal(policy.reason, null);
    assert.ok(policy.asOf !== null && Math.abs(Date.parse(policy.asOf) - Date.now()) < 60_000);
    await core.policies.get();
    assert.equal(reads(), before + 1, 'the second read came from the cache');
    await core.policies.get({ refresh: true });
    assert.equal(reads(), before + 2, 'refresh reads Zoom again');
  });

  it(`${GENERATED} generated passwords (every length, with and without look-alikes) are all accepted`, async () => {
    const { policy } = await core.policies.get();
    const passwords = new Set<string>();
    for (let i = 0; i < GENERATED; i += 1) {
      const length = policy.minLength + (i % (31 - policy.minLength + 1));
      passwords.add(
        generatePassword(policy, {
          length,
          avoidLookAlikes: i % 2 === 0,
          check: { isCommon: (p) => estimator.isCommon(p) },
        }),
      );
    }
    assert.equal(passwords.size, GENERATED, 'no password repeats');
    const list = [...passwords];
    // Every one through the simulator's own password rules (what its PUT handler applies)...
    const refusedByRules = list.flatMap((p) => {
      const refusal = refusePassword(p, STRICT_POLICY);
      return refusal === null ? [] : [`${refusal.code}: ${p}`];
    });
    assert.deepEqual(refusedByRules, [], 'the simulated Zoom refused generated passwords');
    // ...and a sample of them over HTTPS, one at a time on a kept-alive connection, really applied.
    const applied = () => passwordPuts(sim).filter((r) => r.applied).length;
    const before = applied();
    const refused: string[] = [];
    for (const password of list.slice(0, SENT)) {
      const code = await zoomCode(password);
      if (code !== null) refused.push(`${code}: ${password}`);
    }
    assert.deepEqual(refused, [], 'Zoom refused generated passwords');
    assert.equal(applied(), before + SENT, 'Zoom applied every one');
  });

  // One broken rule each (two where Zoom's rule cannot be broken alone), with the Zoom code for it.
  const VIOLATIONS: { name: string; password: string; rules: PasswordRuleId[]; code: number }[] = [
    { name: 'one under the minimum', password: 'Kx7#mQ9$vL2@p', rules: ['length'], code: 1124 },
    { name: 'longer than 31', password: 'Kx7#mQ9$vL2@pRt'.repeat(3), rules: ['length'], code: 300 },
    { name: 'no digit', password: 'Kx#mQ$vL@pRtWz!', rules: ['letter-and-digit'], code: 1126 },
    { name: 'no letter', password: '#7$9@2%4&8*6!3^', rules: ['letter-and-digit', 'upper-and-lower'], code: 1125 },
    { name: 'no upper case', password: 'kx7#mq9$vl2@prt', rules: ['upper-and-lower'], code: 1128 },
    { name: 'no lower case', password: 'KX7#MQ9$VL2@PRT', rules: ['upper-and-lower'], code: 1128 },
    {
      name: 'one character repeated',
      password: 'ZZZZZZZZZZZZZZZ',
      rules: ['letter-and-digit', 'upper-and-lower', 'not-one-character', 'special'],
      code: 1130,
    },
    { name: 'no special character', password: 'Kx7mQ9vL2pRtWz5', rules: ['special'], code: 1127 },
    { name: 'a run of 4 letters', password: 'Kx7#abcd$vL2@pR', rules: ['no-sequence'], code: 1131 },
    { name: 'a descending run of 4 digits', password: 'Kx#mQ$9876vL@pRt', rules: ['no-sequence'], code: 1131 },
    { name: 'a dressed-up common password', password: 'P@ssw0rd!9%7&3#', rules: ['not-common'], code: 1136 },
  ];

  for (const v of VIOLATIONS) {
    it(`${v.name}: caught locally as ${v.rules.join(' + ')}, refused by Zoom with ${v.code}, never sent by main`, async () => {
      const { policy } = await core.policies.get();
      const failed = checkPassword(v.password, policy, { isCommon: (p) => estimator.isCommon(p) })
        .rules.filter((r) => !r.ok)
        .map((r) => r.id);
      assert.deepEqual(failed, v.rules);
      assert.ok(
        failed.some((id) => RULE_ZOOM_CODES[id].includes(v.code)),
        `${v.code} is the code of a failed rule (${failed.join(', ')})`,
      );
      const puts = passwordPuts(sim).length;
      await assert.rejects(
        core.passwords.change({ user: SAMPLE.member, password: v.password }),
        (error: unknown) => error instanceof AppError && error.code === 'invalid_input' && error.field === 'password',
      );
      assert.equal(passwordPuts(sim).length, puts, 'main sent nothing');
      assert.equal(await zoomCode(v.password), v.code, "Zoom's own answer");
    });
  }

  it("every word of Zoom's weak-password dictionary is caught locally as 'not-common' (1136)", async () => {
    const { policy } = await core.policies.get();
    for (const word of SIM_WEAK_WORDS) {
      const base = `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}!9`;
      const password = `${base}${'%7&3#5*1'.slice(0, Math.max(0, 14 - base.length))}`;
      const failed = checkPassword(password, policy, { isCommon: (p) => estimator.isCommon(p) })
        .rules.filter((r) => !r.ok)
        .map((r) => r.id);
      assert.deepEqual(failed, ['not-common'], password);
      assert.equal(await zoomCode(password), 1136, password);
    }
  });

  it("the same password passes locally and in Zoom when the account's dictionary check is off", async () => {
    const relaxed = { ...(await core.policies.get()).policy, weakDetection: false };
    const password = 'P@ssw0rd!9%7&3#';
    assert.equal(checkPassword(password, relaxed, { isCommon: (p) => estimator.isCommon(p) }).ok, true);
    sim.state.setPolicy({ weakEnhanceDetection: false });
    try {
      assert.equal(await zoomCode(password), null);
    } finally {
      sim.state.setPolicy({ weakEnhanceDetection: true });
    }
  });
});

describe("Zoom's basic rules when the policy cannot be read", () => {
  it('a free account: basic rules with the reason, and main enforces them', async (t) => {
    const sim = await startZoomSimulator({ ...STRICT_SIM_OPTIONS, plan: 'free' });
    t.after(() => sim.stop());
    const { keychain, service } = await testKeychain();
    const core = simCore({ sim, dataDir: tempDir(t, 'zpa-policy-free-'), keychain, service });
    t.after(() => core.vault.clearToken().catch(() => undefined));
    await core.vault.setToken(DEMO_TOKEN);
    const policy = await core.policies.get();
    assert.equal(policy.source, 'basic');
    assert.match(policy.reason ?? '', /free accounts cannot read it/);
    assert.deepEqual(policy.policy, {
      minLength: 8,
      requireSpecial: false,
      consecutiveLength: 0,
      weakDetection: false,
    });
  });

  it('a token without the settings scope: basic rules, and the reason names the scope', async (t) => {
    const sim = await startZoomSimulator(STRICT_SIM_OPTIONS);
    t.after(() => sim.stop());
    const { keychain, service } = await testKeychain();
    const core = simCore({ sim, dataDir: tempDir(t, 'zpa-policy-scope-'), keychain, service });
    t.after(() => core.vault.clearToken().catch(() => undefined));
    await core.vault.setToken(NO_SCOPE_TOKEN);
    const policy = await core.policies.get();
    assert.equal(policy.source, 'basic');
    assert.match(policy.reason ?? '', /account:read:settings:admin/);
  });
});
