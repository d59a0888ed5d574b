import { z } from 'zod';

/*
 * A Zoom user as the app shows it (lookup card, user directory), whether a password change can
 * succeed for them, and what a lookup found. Shared by main, the renderer and zpa.
 */

/** A Zoom user as shown to the admin; `loginTypes` is null when unknown (directory items carry none). */
export const zoomUserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  /** 1 Basic, 2 Licensed, others as Zoom adds them. */
  type: z.number().int().nullable(),
  /** The type in words, e.g. "Licensed". */
  typeLabel: z.string(),
  /** active | inactive | pending, or whatever else Zoom answers. */
  status: z.string().nullable(),
  roleName: z.string().nullable(),
  roleId: z.string().nullable(),
  loginTypes: z.array(z.number().int()).nullable(),
  /** The sign-in methods in words, e.g. "SSO (single sign-on), Google"; "unknown" when not known. */
  loginMethods: z.string(),
});
export type ZoomUserView = z.infer<typeof zoomUserViewSchema>;

/** Whether Zoom will let an admin set this user's password, and why not, in plain words. */
export const eligibilitySchema = z.object({
  eligible: z.boolean(),
  reason: z.string().nullable(),
  /** The Zoom error code a change would meet (1117 admin/owner, 1123 no Zoom password); null otherwise. */
  code: z.number().int().nullable(),
});
export type EligibilityView = z.infer<typeof eligibilitySchema>;

const lookupBase = {
  /** The user exactly as looked up (trimmed). */
  query: z.string(),
  /** The account's name the lookup ran against. */
  account: z.string(),
  /** When Zoom answered (or the lookup failed), ISO 8601. */
  asOf: z.string(),
};

/** What looking a user up found: the user, no such user, or no answer that says either. */
export const userLookupSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    ...lookupBase,
    user: zoomUserViewSchema,
    eligibility: eligibilitySchema,
    trackingId: z.string().nullable(),
  }),
  /** Zoom answered 404/1001, or 400/1120 for a pending user whose invitation expired. */
  z.object({ status: z.literal('not_found'), ...lookupBase, reason: z.string() }),
  /** Network problem, missing read scope, no account: Zoom has not said whether the user exists. */
  z.object({
    status: z.literal('unavailable'),
    ...lookupBase,
    reason: z.string(),
    action: z.string().optional(),
    /** What stood in the way: no account set up, the token (or getting one), its scopes, the network, or Zoom. */
    cause: z.enum(['no_account', 'token', 'scope', 'network', 'zoom']),
  }),
]);
export type UserLookup = z.infer<typeof userLookupSchema>;

/** One page of the account's (active) users, filtered locally. */
export const userDirectoryPageSchema = z.object({
  account: z.string(),
  /** When the cached list was fetched from Zoom; null when it never was. */
  asOf: z.string().nullable(),
  /** Users in the account's list. */
  total: z.number().int().nonnegative(),
  /** Users matching the search. */
  matched: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  users: z.array(zoomUserViewSchema),
});
export type UserDirectoryPage = z.infer<typeof userDirectoryPageSchema>;

/** Zoom's user types in words. */
export const USER_TYPE_LABELS: Readonly<Record<number, string>> = {
  1: 'Basic',
  2: 'Licensed',
  3: 'On-prem',
  4: 'No license',
  99: 'None (API only)',
};

/** The user type in words ("Basic", "Licensed"; "type 7" for others; "unknown" when absent). */
export function userTypeLabel(type: number | null): string {
  if (type === null) return 'unknown';
  return USER_TYPE_LABELS[type] ?? `type ${type}`;
}
