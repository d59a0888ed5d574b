import { z } from 'zod';
import {
  accountNameSchema,
  accountSchema,
  clientIdSchema,
  clientSecretSchema,
  cloudSchema,
  MAX_ACCOUNT_NAME,
  oauthFailureReasonSchema,
  zoomAccountIdSchema,
} from '../domain/accounts';
import { APP_ACTION_NAMES, type AppAction } from '../domain/scopes';
import { tokenSchema } from './token-schema';

/*
 * The accounts part of the IPC contract. Secrets (a token, a client secret) travel renderer → main
 * only, in addAccount and editAccount; no response schema has a field that could hold one.
 */

/**
 * An account as the renderer sees it: its settings, whether its secret is in the keychain, and
 * whether it is the active one. Never the token or the client secret.
 */
export const accountViewSchema = accountSchema.extend({
  secretStored: z.boolean(),
  active: z.boolean(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountListSchema = z.object({
  accounts: z.array(accountViewSchema),
  activeId: z.string().nullable(),
});
export type AccountList = z.infer<typeof accountListSchema>;

/** The account every action runs against unless told otherwise (app info, header). */
export const activeAccountInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  cloud: cloudSchema,
  /** Where its requests go (ZPA_API_BASE_URL applied). */
  apiBase: z.string(),
});
export type ActiveAccountInfo = z.infer<typeof activeAccountInfoSchema>;

/** An account by name (ignoring case) or by id. */
export const accountRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_ACCOUNT_NAME * 2);
const urlField = z.string().max(2048);

export const newAccountRequestSchema = z
  .object({
    name: accountNameSchema,
    cloud: cloudSchema,
    apiBase: urlField.optional(),
    oauthBase: urlField.optional(),
    credential: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('token'), token: tokenSchema }).strict(),
      z
        .object({
          kind: z.literal('s2s'),
          accountId: zoomAccountIdSchema,
          clientId: clientIdSchema,
          clientSecret: clientSecretSchema,
        })
        .strict(),
    ]),
    activate: z.boolean().optional(),
  })
  .strict();

export const accountPatchRequestSchema = z
  .object({
    name: accountNameSchema.optional(),
    cloud: cloudSchema.optional(),
    apiBase: urlField.optional(),
    oauthBase: urlField.optional(),
    credential: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('token'), token: tokenSchema.optional() }).strict(),
        z
          .object({
            kind: z.literal('s2s'),
            accountId: zoomAccountIdSchema.optional(),
            clientId: clientIdSchema.optional(),
            clientSecret: clientSecretSchema.optional(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

const capabilitySchema = z.enum(['allowed', 'missing', 'unknown']);
export const capabilitiesSchema = z.object(
  Object.fromEntries(APP_ACTION_NAMES.map((a) => [a, capabilitySchema])) as Record<AppAction, typeof capabilitySchema>,
);

/** What a connection test found (electron/node/accounts/connection-test.ts). Holds no secret. */
export const connectionTestResultSchema = z.object({
  ok: z.boolean(),
  failedAt: z.enum(['token', 'api']).nullable(),
  accountId: z.string(),
  accountName: z.string(),
  cloud: cloudSchema,
  apiBase: z.string(),
  oauthBase: z.string().nullable(),
  tokenSource: z.enum(['oauth', 'stored']),
  tokenExpiresAt: z.string().nullable(),
  apiUrl: z.string().nullable(),
  scopes: z.array(z.string()).nullable(),
  capabilities: capabilitiesSchema,
  scopesToAdd: z.array(z.string()),
  oauthReason: oauthFailureReasonSchema.nullable(),
  httpStatus: z.number().int().nullable(),
  zoomCode: z.number().int().nullable(),
  trackingId: z.string().nullable(),
  durationMs: z.number().nonnegative(),
  message: z.string(),
  action: z.string().nullable(),
});
export type ConnectionTestResultView = z.infer<typeof connectionTestResultSchema>;
