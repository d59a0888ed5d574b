import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  DEFAULT_GENERATED_LENGTH,
  generatePassword,
  generatorAlphabet,
  LOOK_ALIKES,
} from '../../shared/password/generator';
import { BASIC_POLICY, checkPassword, longestSequence, type PasswordPolicy } from '../../shared/password/rules';

const STRICTEST: PasswordPolicy = { minLength: 14, requireSpecial: true, consecutiveLength: 4, weakDetection: true };
const POLICIES: readonly [string, PasswordPolicy][] = [
  ['basic', BASIC_POLICY],
  ['min 10', { minLength: 10, requireSpecial: false, consecutiveLength: 0 }],
  ['special, run 6', { minLength: 8, requireSpecial: true, consecutiveLength: 6 }],
  ['strictest', STRICTEST],
];

describe('generatePassword', () => {
  for (const [name, policy] of POLICIES) {
    it(`10,000 passwords all pass checkPassword (${name})`, () => {
      for (let i = 0; i < 10_000; i += 1) {
        const length = 8 + (i % 24);
        const usable = length >= Math.max(8, policy.minLength) ? length : undefined;
        const password = generatePassword(policy, { length: usable, avoidLookAlikes: i % 2 === 0 });
        const check = checkPassword(password, policy);
        assert.ok(
          check.ok,
          `${name}: ${check.rules
            .filter((r) => !r.ok)
            .map((r) => r.id)
            .join(',')}`,
        );
        assert.equal(password.length, usable ?? Math.max(DEFAULT_GENERATED_LENGTH, policy.minLength));
      }
    });
  }

  it('keeps under the strictest consecutive limit and mixes every class', () => {
    for (let i = 0; i < 2000; i += 1) {
      const password = generatePassword(STRICTEST, { length: 31 });
      assert.ok(longestSequence(password) < 4);
      assert.match(password, /[A-Z]/);
      assert.match(password, /[a-z]/);
      assert.match(password, /\d/);
      assert.match(password, /[^A-Za-z0-9]/);
    }
  });

  it('uses the default length 16, or the policy minimum when longer', () => {
    assert.equal(generatePassword(BASIC_POLICY).length, 16);
    assert.equal(generatePassword({ ...BASIC_POLICY, minLength: 14 }).length, 16);
    assert.equal(generatePassword(BASIC_POLICY, { length: 8 }).length, 8);
    assert.equal(generatePassword(BASIC_POLICY, { length: 31 }).length, 31);
  });

  it('rejects bad lengths with a RangeError that says what to choose', () => {
    for (const bad of [7, 32, 0, -1, 12.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => generatePassword(BASIC_POLICY, { length: bad }), {
        name: 'RangeError',
        message: /from 8 to 31/,
      });
    }
    assert.throws(() => generatePassword(STRICTEST, { length: 10 }), {
      name: 'RangeError',
      message: /shorter than the account's minimum of 14/,
    });
  });

  it('draws every allowed character', () => {
    for (const avoid of [false, true]) {
      const sets = generatorAlphabet(avoid);
      const allowed = new Set(sets.upper + sets.lower + sets.digits + sets.specials);
      const seen = new Set<string>();
      for (let i = 0; i < 3000; i += 1)
        for (const c of generatePassword(BASIC_POLICY, { avoidLookAlikes: avoid })) seen.add(c);
      assert.deepEqual([...seen].sort(), [...allowed].sort());
    }
  });

  it('leaves out look-alike characters when asked', () => {
    const sets = generatorAlphabet(true);
    for (const c of 'Il1O0o') assert.ok(!(sets.upper + sets.lower + sets.digits).includes(c), c);
    for (let i = 0; i < 5000; i += 1) {
      const password = generatePassword(STRICTEST, { avoidLookAlikes: true });
      for (const c of LOOK_ALIKES) assert.ok(!password.includes(c), `${c} in a password`);
    }
  });

  it('rejects bytes above the largest multiple of the alphabet size instead of folding them', () => {
    const sets = generatorAlphabet(false);
    const all = sets.upper + sets.lower + sets.digits + sets.specials;
    // 255 lies above the last whole multiple of the alphabet size; folded, it would give this character.
    assert.ok(255 >= 256 - (256 % all.length));
    const folded = all[255 % all.length] ?? '';
    const random = (n: number): Uint8Array => {
      const bytes = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) {
        let byte = 255;
        if (i % 2 === 1)
          do byte = randomInt(228);
          while (all[byte % all.length] === folded);
        bytes[i] = byte;
      }
      return bytes;
    };
    for (let i = 0; i < 500; i += 1) {
      const password = generatePassword(BASIC_POLICY, { random, length: 31 });
      assert.ok(!password.includes(folded), password);
      assert.ok(checkPassword(password, BASIC_POLICY).ok);
    }
  });

  it('gives up with a clear error when the random source is broken', () => {
    assert.throws(() => generatePassword(BASIC_POLICY, { random: (n) => new Uint8Array(n) }), /random source/);
    assert.throws(() => generatePassword(BASIC_POLICY, { random: () => new Uint8Array(0) }), /no bytes/);
  });
});
