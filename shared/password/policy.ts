import { BASIC_POLICY, PASSWORD_MIN_LENGTH, type PasswordPolicy } from './rules';

/** The longest minimum Zoom lets an account set. */
export const POLICY_MAX_MIN_LENGTH = 14;
/** Zoom's range for the consecutive-characters limit (0 = off). */
export const POLICY_MIN_CONSECUTIVE = 4;
export const POLICY_MAX_CONSECUTIVE = 8;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The account's password policy from Zoom's `GET /accounts/me/settings?option=security` answer
 * (`security.password_requirement`; a bare `password_requirement` is accepted too).
 * Null when the answer holds no password requirement. Values outside Zoom's ranges are clamped
 * into them, so a strange answer never makes the local rules laxer than Zoom's basic ones.
 */
export function policyFromZoomSettings(json: unknown): PasswordPolicy | null {
  if (!isRecord(json)) return null;
  const holder = isRecord(json.security) ? json.security : json;
  const requirement = holder.password_requirement;
  if (!isRecord(requirement)) return null;

  const minimum = wholeNumber(requirement.minimum_password_length) ?? 0;
  const consecutive = wholeNumber(requirement.consecutive_characters_length) ?? 0;
  return {
    minLength: minimum <= 0 ? BASIC_POLICY.minLength : clamp(minimum, PASSWORD_MIN_LENGTH, POLICY_MAX_MIN_LENGTH),
    requireSpecial: requirement.have_special_character === true,
    consecutiveLength: consecutive <= 0 ? 0 : clamp(consecutive, POLICY_MIN_CONSECUTIVE, POLICY_MAX_CONSECUTIVE),
    weakDetection: requirement.weak_enhance_detection === true,
  };
}
