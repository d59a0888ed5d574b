import { z } from 'zod';
import { accountPolicySchema } from '../domain/policy';
import { userDirectoryPageSchema, userLookupSchema } from '../domain/users';
import { MAX_USER_LENGTH } from '../domain/user-id';
import { accountRefSchema } from './account-schemas';

/*
 * The issue-5 part of the IPC contract: user lookup and directory, the account's password policy,
 * the one-time hand-off of a new password to the clipboard, and the preferences it follows.
 * No response here carries a password: copyNewPassword writes it to the clipboard inside main.
 */

/** Longest clipboard clearing delay accepted, in seconds (one hour). */
export const MAX_CLIPBOARD_CLEAR_SECONDS = 3600;
/** The default: the clipboard is cleared 30 seconds after a copy. */
export const DEFAULT_CLIPBOARD_CLEAR_SECONDS = 30;

/** The app's own preferences (settings store). */
export const preferencesSchema = z.object({
  /** Seconds after a copied password is cleared from the clipboard (if it still holds it); 0 = never. */
  clipboardClearSeconds: z.number().int().min(0).max(MAX_CLIPBOARD_CLEAR_SECONDS),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** Most directory users one call returns. */
export const MAX_DIRECTORY_PAGE = 1000;

export const listUsersRequestSchema = z
  .object({
    account: accountRefSchema.optional(),
    /** Fetch the list from Zoom again instead of using the cached one. */
    refresh: z.boolean().optional(),
    /** Case-insensitive substring of the name, e-mail or id. */
    search: z.string().max(MAX_USER_LENGTH).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(MAX_DIRECTORY_PAGE).optional(),
  })
  .strict();
export type ListUsersRequest = z.infer<typeof listUsersRequestSchema>;

export const copyResultSchema = z.object({
  copied: z.literal(true),
  /** When the clipboard will be cleared (if it still holds the password), ISO 8601; null: never. */
  clearsAt: z.string().nullable(),
});
export type CopyResult = z.infer<typeof copyResultSchema>;

/** Channel → request and response schemas for issue 5's methods (spread into ipcContract). */
export const usersContract = {
  lookupUser: {
    request: z.object({ user: z.string().max(MAX_USER_LENGTH * 2), account: accountRefSchema.optional() }).strict(),
    response: userLookupSchema,
  },
  listUsers: { request: listUsersRequestSchema, response: userDirectoryPageSchema },
  getPasswordPolicy: {
    request: z.object({ account: accountRefSchema.optional(), refresh: z.boolean().optional() }).strict(),
    response: accountPolicySchema,
  },
  copyNewPassword: {
    request: z.object({ entryId: z.string().min(1).max(64) }).strict(),
    response: copyResultSchema,
  },
  getPreferences: { request: z.undefined(), response: preferencesSchema },
  setPreferences: { request: preferencesSchema.strict(), response: preferencesSchema },
} as const;
