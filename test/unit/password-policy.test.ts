import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { policyFromZoomSettings } from '../../shared/password/policy';
import { BASIC_POLICY, checkPassword } from '../../shared/password/rules';

function settings(requirement: Record<string, unknown>): unknown {
  return { security: { admin_change_name_pic: false, password_requirement: requirement } };
}

describe('policyFromZoomSettings', () => {
  it('maps a strict requirement', () => {
    assert.deepEqual(
      policyFromZoomSettings(
        settings({
          minimum_password_length: 14,
          have_special_character: true,
          consecutive_characters_length: 4,
          weak_enhance_detection: true,
        }),
      ),
      { minLength: 14, requireSpecial: true, consecutiveLength: 4, weakDetection: true },
    );
  });

  it('maps 0 to the basic rules', () => {
    assert.deepEqual(
      policyFromZoomSettings(
        settings({
          minimum_password_length: 0,
          have_special_character: false,
          consecutive_characters_length: 0,
          weak_enhance_detection: false,
        }),
      ),
      { ...BASIC_POLICY, weakDetection: false },
    );
  });

  it('accepts a bare password_requirement and fills missing fields with the basic rules', () => {
    assert.deepEqual(policyFromZoomSettings({ password_requirement: { minimum_password_length: 9 } }), {
      minLength: 9,
      requireSpecial: false,
      consecutiveLength: 0,
      weakDetection: false,
    });
  });

  it('clamps out-of-range values into Zoom’s ranges, never laxer than basic', () => {
    const p = policyFromZoomSettings(settings({ minimum_password_length: 3, consecutive_characters_length: 2 }));
    assert.deepEqual(p, { minLength: 8, requireSpecial: false, consecutiveLength: 4, weakDetection: false });
    const q = policyFromZoomSettings(settings({ minimum_password_length: 40, consecutive_characters_length: 20 }));
    assert.equal(q?.minLength, 14);
    assert.equal(q?.consecutiveLength, 8);
    const r = policyFromZoomSettings(settings({ minimum_password_length: '12', have_special_character: 'yes' }));
    assert.equal(r?.minLength, 8);
    assert.equal(r?.requireSpecial, false);
  });

  it('returns null when there is no requirement', () => {
    for (const json of [
      null,
      undefined,
      42,
      'x',
      [],
      {},
      { security: {} },
      { security: { password_requirement: [] } },
    ]) {
      assert.equal(policyFromZoomSettings(json), null);
    }
  });

  it('weakDetection changes nothing checkPassword decides', () => {
    const base = { minLength: 10, requireSpecial: true, consecutiveLength: 5 };
    for (const pw of ['Abcdefgh1!', 'Kite-Harbor-7x', 'short', 'Ab12345!xyzq']) {
      assert.deepEqual(checkPassword(pw, { ...base, weakDetection: true }), checkPassword(pw, base));
    }
  });
});
