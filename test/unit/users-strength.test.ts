import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePassword } from '../../shared/password/generator';
import { checkPassword, RULE_ZOOM_CODES, type PasswordRuleId } from '../../shared/password/rules';
import { estimateStrength, loadStrengthEstimator, STRENGTH_LABELS } from '../../shared/password/strength';
import { isCommonPassword, weakCandidates } from '../../shared/password/weak';

const WEAK_ON = { minLength: 8, requireSpecial: false, consecutiveLength: 0, weakDetection: true };

describe('the weak-password rule (Zoom 1136) done locally', () => {
  it('looks up the whole password, its letters, and its core with substitutions undone', () => {
    assert.deepEqual(weakCandidates('P@ssw0rd!2024'), ['p@ssw0rd!2024', 'password', 'psswrd']);
    assert.deepEqual(weakCandidates('Ab1!'), ['ab1!'], 'too-short spellings are left out');
    const dictionary = new Set(['password', 'summer']);
    for (const weak of ['P@ssw0rd!2024', 'Password1', '2024Summer!!', 'Summ3r#99', 'password']) {
      assert.equal(isCommonPassword(weak, dictionary), true, weak);
    }
    for (const fine of ['Vq7#Lm-xxx!Tz9', 'Summer-Kite-7q', 'pass-word-9X']) {
      assert.equal(isCommonPassword(fine, dictionary), false, fine);
    }
  });

  it("uses zxcvbn-ts's common-password list, and only when the account's policy asks", async () => {
    const estimator = await loadStrengthEstimator();
    const isCommon = (p: string) => estimator.isCommon(p);
    assert.equal(estimator.isCommon('Qwerty123!'), true);
    assert.equal(estimator.isCommon('Tr0ub4dor&3'), false);
    const weak = checkPassword('Dragon2024!!', WEAK_ON, { isCommon });
    assert.deepEqual(
      weak.rules.filter((r) => !r.ok).map((r) => r.id),
      ['not-common'],
    );
    assert.equal(checkPassword('Dragon2024!!', { ...WEAK_ON, weakDetection: false }, { isCommon }).ok, true);
    assert.equal(
      checkPassword('Dragon2024!!', WEAK_ON).rules.some((r) => r.id === 'not-common'),
      false,
      'without a checker the rule is not shown',
    );
  });

  it('every local rule names the Zoom code that refuses the same thing', () => {
    const ids: PasswordRuleId[] = [
      'length',
      'letter-and-digit',
      'upper-and-lower',
      'not-one-character',
      'no-sequence',
      'special',
      'not-common',
    ];
    for (const id of ids) assert.ok(RULE_ZOOM_CODES[id].length > 0, id);
    assert.deepEqual(RULE_ZOOM_CODES['not-common'], [1136]);
    assert.deepEqual(RULE_ZOOM_CODES.special, [1127]);
  });

  it('the generator redraws a password the extra check refuses', () => {
    let calls = 0;
    const password = generatePassword(WEAK_ON, {
      check: {
        // Refuses the first two draws: the third comes back.
        isCommon: () => {
          calls += 1;
          return calls <= 2;
        },
      },
    });
    assert.equal(calls, 3);
    assert.equal(password.length, 16);
  });
});

describe('strength estimate (zxcvbn-ts)', () => {
  it('scores, labels and explains', async () => {
    const weak = await estimateStrength('P@ssw0rd1234');
    assert.ok(weak.score <= 1, `score ${weak.score}`);
    assert.equal(weak.label, STRENGTH_LABELS[weak.score]);
    assert.ok(weak.warning !== null && weak.warning.length > 0);
    assert.ok(weak.suggestions.length > 0);
    const strong = await estimateStrength('Vq7#Lm2@Tz9-Kw4!');
    assert.equal(strong.score, 4);
    assert.equal(strong.label, 'Very strong');
    assert.match(strong.crackTime, /centuries|years/);
  });

  it("counts the user's own name and e-mail as known words", async () => {
    const plain = await estimateStrength('Okafor-Ssohaus1');
    const known = await estimateStrength('Okafor-Ssohaus1', ['Sam Okafor', 'sam.sso@northwind.example']);
    assert.ok(known.score <= plain.score);
    const guesses = (s: { crackTime: string }) => s.crackTime;
    assert.notEqual(guesses(known), guesses(plain));
  });

  it('loads the dictionaries once', async () => {
    assert.equal(await loadStrengthEstimator(), await loadStrengthEstimator());
  });
});
