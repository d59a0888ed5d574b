import { z } from 'zod';

/** The parts of a password policy checked locally (shared/password/rules.ts PasswordPolicy), as data. */
export const passwordPolicySchema = z.object({
  /** 8-14; Zoom's basic minimum is 8. */
  minLength: z.number().int().min(8).max(31),
  requireSpecial: z.boolean(),
  /** Ascending or descending runs of this many characters are refused; 0 means Zoom's basic run of 6. */
  consecutiveLength: z.number().int().min(0).max(31),
  /** Zoom's weak-password dictionary check is on (refusals are 1136). */
  weakDetection: z.boolean(),
});

/**
 * The password policy an account's changes are checked against: the account's own (read from
 * Zoom's security settings) or, when that cannot be read, Zoom's basic rules with the reason.
 */
export const accountPolicySchema = z.object({
  /** The account's name. */
  account: z.string(),
  policy: passwordPolicySchema,
  source: z.enum(['account', 'basic']),
  /** Why Zoom's basic rules apply (free plan, missing scope, network); null for the account's own. */
  reason: z.string().nullable(),
  /** When the policy was read from Zoom, ISO 8601; null when it never was. */
  asOf: z.string().nullable(),
});
export type AccountPolicy = z.infer<typeof accountPolicySchema>;
