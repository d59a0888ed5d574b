import { z } from 'zod';

/*
 * Zoom accounts (named profiles), as kept in settings. Nothing here is secret: tokens and client
 * secrets live in the OS keychain only (electron/node/accounts/account-secrets.ts). Shared with the
 * renderer (the IPC contract), so it imports nothing but zod.
 */

/** Which Zoom cloud an account is on; `custom` gives both URLs itself (simulators, proxies, regions). */
export const CLOUDS = ['zoom', 'gov', 'custom'] as const;
export const cloudSchema = z.enum(CLOUDS);
export type Cloud = z.infer<typeof cloudSchema>;

export const CLOUD_LABELS: Readonly<Record<Cloud, string>> = {
  zoom: 'Zoom',
  gov: 'Zoom for Government',
  custom: 'Custom',
};

/** The API base and token endpoint of the two Zoom clouds (zoom-api.md). */
export const CLOUD_URLS: Readonly<Record<Exclude<Cloud, 'custom'>, { apiBase: string; oauthBase: string }>> = {
  zoom: { apiBase: 'https://api.zoom.us/v2', oauthBase: 'https://zoom.us/oauth/token' },
  gov: { apiBase: 'https://api.zoomgov.com/v2', oauthBase: 'https://zoomgov.com/oauth/token' },
};

/** How an account authenticates: a pasted access token, or a Server-to-Server OAuth app. */
export const CREDENTIAL_KINDS = ['token', 's2s'] as const;
export const credentialKindSchema = z.enum(CREDENTIAL_KINDS);
export type CredentialKind = z.infer<typeof credentialKindSchema>;

export const MAX_ACCOUNT_NAME = 64;
export const MAX_ZOOM_ACCOUNT_ID = 128;
export const MAX_CLIENT_ID = 256;
export const MAX_CLIENT_SECRET = 512;

export const accountNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the account a name.')
  .max(MAX_ACCOUNT_NAME, `An account name has at most ${MAX_ACCOUNT_NAME} characters.`)
  // Names appear in menus, history and CLI output: no line breaks or other control characters.
  .regex(/^[^\p{Cc}\p{Cf}]+$/u, 'An account name cannot contain line breaks or other control characters.');

/** Our own stable id of an account: keychain entries are named after it, so renames move nothing. */
export const accountIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not an account id.');

/** Zoom's Account ID of a Server-to-Server OAuth app (22 characters in practice). */
export const zoomAccountIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter the Account ID shown in the app’s App Credentials.')
  .max(MAX_ZOOM_ACCOUNT_ID, `An Account ID has at most ${MAX_ZOOM_ACCOUNT_ID} characters.`)
  .regex(/^[A-Za-z0-9_.-]+$/, 'An Account ID has only letters, digits, "-", "_" and ".": check what was pasted.');

export const clientIdSchema = z
  .string()
  .trim()
  .min(1, 'Enter the Client ID shown in the app’s App Credentials.')
  .max(MAX_CLIENT_ID, `A Client ID has at most ${MAX_CLIENT_ID} characters.`)
  // Basic auth joins ID and secret with ':', so an ID holding one could never work.
  .regex(/^[\x21-\x39\x3b-\x7e]+$/, 'A Client ID has no spaces, ":" or non-ASCII characters: check what was pasted.');

export const clientSecretSchema = z
  .string()
  .trim()
  .min(1, 'Enter the Client Secret shown in the app’s App Credentials.')
  .max(MAX_CLIENT_SECRET, `A Client Secret has at most ${MAX_CLIENT_SECRET} characters.`)
  .regex(
    /^[\x21-\x7e]+$/,
    'A Client Secret has no spaces, line breaks or non-ASCII characters: check what was pasted.',
  );

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'Not a date.');

/** The non-secret half of an account's credential. */
export const credentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('token') }).strict(),
  z
    .object({
      kind: z.literal('s2s'),
      /** Zoom's Account ID (the `account_id` form field), not our account id. */
      accountId: zoomAccountIdSchema,
      clientId: clientIdSchema,
    })
    .strict(),
]);
export type Credential = z.infer<typeof credentialSchema>;

/**
 * An account as stored under `accounts` in settings (and as handed to the renderer: it holds no
 * secret). `apiBase`/`oauthBase` are always filled in: for `zoom` and `gov` they are the cloud's.
 */
export const accountSchema = z
  .object({
    id: accountIdSchema,
    name: accountNameSchema,
    cloud: cloudSchema,
    apiBase: z.string().min(1).max(2048),
    oauthBase: z.string().min(1).max(2048),
    credential: credentialSchema,
    createdAt: isoDate,
    updatedAt: isoDate,
    /** When the token or client secret was last stored in the keychain; null when unknown. */
    secretStoredAt: isoDate.nullable(),
  })
  .strict();
export type Account = z.infer<typeof accountSchema>;

/** The secret an account keeps in the keychain: its token, or its app's client secret. */
export type SecretKind = 'token' | 'client-secret';

/** The credential of a new account, secret included (it goes to the keychain, never to settings). */
export type CredentialInput =
  { kind: 'token'; token: string } | { kind: 's2s'; accountId: string; clientId: string; clientSecret: string };

/** What `add` takes. `apiBase`/`oauthBase` are required for `custom` and refused otherwise. */
export interface NewAccountInput {
  name: string;
  cloud: Cloud;
  apiBase?: string;
  oauthBase?: string;
  credential: CredentialInput;
}

/**
 * What `edit` takes: only the fields to change. A credential of another kind replaces the old one
 * (its secret is then required); for the same kind, the secret may be left out to keep the stored one.
 */
export interface AccountPatch {
  name?: string;
  cloud?: Cloud;
  apiBase?: string;
  oauthBase?: string;
  credential?:
    { kind: 'token'; token?: string } | { kind: 's2s'; accountId?: string; clientId?: string; clientSecret?: string };
}

/** Case-insensitive identity of an account name ("Acme" and "ACME " are the same account). */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-US');
}

/**
 * Why Zoom's token endpoint gave no token (mirrors OAuthFailureReason in electron/node/zoom/explain.ts,
 * which is checked against this list at compile time).
 */
export const OAUTH_FAILURE_REASONS = [
  'invalid_client',
  'invalid_account',
  'app_disabled',
  'missing_fields',
  'unsupported_grant',
  'rate_limited',
  'server_error',
  'wrong_address',
  'unexpected_answer',
  'refused',
  'network',
] as const;
export const oauthFailureReasonSchema = z.enum(OAUTH_FAILURE_REASONS);
