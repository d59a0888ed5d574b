import { z } from 'zod';
import type { appErrorShape } from '../domain/errors';
import {
  historyEntrySchema,
  historyPageSchema,
  historyQuerySchema,
  historyRetentionResultSchema,
  historySummarySchema,
  historyVerifyResultSchema,
  MAX_RETENTION_DAYS,
} from '../domain/history';
import { outcomeSchema } from '../domain/outcome';
import { MAX_USER_LENGTH } from '../domain/user-id';
import {
  accountListSchema,
  accountPatchRequestSchema,
  accountRefSchema,
  accountViewSchema,
  activeAccountInfoSchema,
  connectionTestResultSchema,
  newAccountRequestSchema,
} from './account-schemas';
import { bulkContract } from './bulk-schemas';
import type { IpcMethod } from './channels';
import { tokenSchema } from './token-schema';
import { usersContract } from './users-schemas';

export { MAX_TOKEN_LENGTH, tokenSchema } from './token-schema';
export * from './account-schemas';
export * from './bulk-schemas';
export * from './users-schemas';

const noPayload = z.undefined();

/** A notice main wants the user to see: a recovered file, a keychain problem found at start. */
export const noticeSchema = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  action: z.string().optional(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const appInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  /** Where history and settings live (userData, or ZPA_DATA_DIR). */
  dataDir: z.string(),
  apiBase: z.string(),
  /** True when running against the bundled Zoom simulator. */
  demo: z.boolean(),
  platform: z.string(),
  notices: z.array(noticeSchema),
  /** The account every action runs against unless told otherwise; null when none is set up. */
  activeAccount: activeAccountInfoSchema.nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const tokenStatusSchema = z.object({
  stored: z.boolean(),
  /** When the stored token was saved, ISO 8601; null when unknown or none stored. */
  storedAt: z.string().nullable(),
});
export type TokenStatus = z.infer<typeof tokenStatusSchema>;

export const recentUserSchema = z.object({
  user: z.string(),
  lastAt: z.string(),
  lastOutcome: outcomeSchema,
  /** The user's display name and e-mail, as the last lookup found them. */
  name: z.string().max(320).optional(),
  email: z.string().max(320).optional(),
});
export type RecentUser = z.infer<typeof recentUserSchema>;

/** A history filter without paging: what an export takes (every match is exported, in its order). */
export const historyFilterSchema = historyQuerySchema.omit({ limit: true, offset: true });

export const EXPORT_FORMATS = ['csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What an export did. The renderer never names a file: main asks the user with a native save dialog,
 * so `file` is where the user chose to save, shown back to them.
 */
export const exportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), rows: z.number().int().nonnegative(), file: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResultSchema>;

/** The history retention period in days; null keeps everything (the default). */
export const retentionSettingSchema = z.object({
  days: z.number().int().min(1).max(MAX_RETENTION_DAYS).nullable(),
});
export type RetentionSetting = z.infer<typeof retentionSettingSchema>;

/**
 * Channel → request and response schemas. Main validates every request against these before a
 * handler runs; the renderer's types come from here too.
 */
export const ipcContract = {
  getAppInfo: { request: noPayload, response: appInfoSchema },
  openExternal: {
    request: z.object({ url: z.string().max(2048) }).strict(),
    response: z.object({ opened: z.boolean() }),
  },
  getTokenStatus: { request: noPayload, response: tokenStatusSchema },
  setToken: { request: z.object({ token: tokenSchema }).strict(), response: tokenStatusSchema },
  clearToken: { request: noPayload, response: tokenStatusSchema },
  changePassword: {
    // Lengths are bounded here; the rules themselves are checked by the password service,
    // which answers with a field-specific error.
    request: z
      .object({
        user: z.string().max(MAX_USER_LENGTH * 2),
        password: z.string().max(256),
        /** The account to use (name or id); the active one when absent. */
        account: accountRefSchema.optional(),
        /** Why the change is made (a reason or ticket number), saved with the history entry. */
        reason: z.string().max(1000).optional(),
        /** Send even though the lookup says Zoom will refuse this user ("Send anyway"). */
        force: z.boolean().optional(),
        /** Check an `unknown` change: the id of its history entry; the same password is sent once more. */
        checkOf: z.string().min(1).max(64).optional(),
      })
      .strict(),
    response: z.object({ entry: historyEntrySchema }),
  },
  listHistory: { request: historyQuerySchema, response: historyPageSchema },
  getHistorySummary: { request: noPayload, response: historySummarySchema },
  verifyHistory: { request: noPayload, response: historyVerifyResultSchema },
  exportHistory: {
    request: z.object({ query: historyFilterSchema, format: z.enum(EXPORT_FORMATS) }).strict(),
    response: exportResultSchema,
  },
  getRetention: { request: noPayload, response: retentionSettingSchema },
  setRetention: {
    // Setting a period applies it at once: `applied` says what that run removed (null: keep everything).
    request: retentionSettingSchema.strict(),
    response: z.object({ days: retentionSettingSchema.shape.days, applied: historyRetentionResultSchema.nullable() }),
  },
  listRecentUsers: { request: noPayload, response: z.array(recentUserSchema) },
  listAccounts: { request: noPayload, response: accountListSchema },
  addAccount: { request: newAccountRequestSchema, response: accountViewSchema },
  editAccount: {
    request: z.object({ ref: accountRefSchema, patch: accountPatchRequestSchema }).strict(),
    response: accountViewSchema,
  },
  removeAccount: {
    request: z.object({ ref: accountRefSchema }).strict(),
    response: z.object({ activeId: z.string().nullable() }),
  },
  setActiveAccount: { request: z.object({ ref: accountRefSchema }).strict(), response: accountViewSchema },
  testAccount: {
    request: z.object({ ref: accountRefSchema.optional() }).strict(),
    response: connectionTestResultSchema,
  },
  ...bulkContract,
  ...usersContract,
} as const satisfies Record<IpcMethod, { request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<IpcContract[M]['response']>;

/** Every IPC call answers with a result, never a thrown error: the renderer always gets something it can show. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof appErrorShape> };

/** The API the preload puts on `window.zpa`: one method per channel. */
export type ZpaApi = {
  [M in IpcMethod]: IpcRequest<M> extends undefined
    ? () => Promise<IpcResult<IpcResponse<M>>>
    : (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>>;
};
