import { z } from 'zod';
import { outcomeSchema } from '../domain/outcome';
import { accountRefSchema } from './account-schemas';

/*
 * The bulk part of the IPC contract (issue 6). No schema here has a field that could hold a password:
 * a preview says whether a row has one, never what it is, and generated passwords only ever go to the
 * file the admin chose.
 */

/** Why a row of the imported file is left out of a run. Rows with a problem are excluded, never fixed. */
export const BULK_ROW_PROBLEMS = [
  /** Every cell of the row is blank. */
  'empty_row',
  /** The row is not valid CSV (an unclosed quote, a stray quote inside a field). */
  'unreadable_row',
  /** No user in the user column. */
  'missing_user',
  /** The user cell is neither a Zoom user id nor an e-mail address. */
  'invalid_user',
  /** The password cell breaks the account's password policy. */
  'bad_password',
  /** The same user (ignoring case) appears on an earlier row; only the first is kept. */
  'duplicate_user',
] as const;
export const bulkRowProblemSchema = z.enum(BULK_ROW_PROBLEMS);
export type BulkRowProblem = z.infer<typeof bulkRowProblemSchema>;

export const bulkPreviewRowSchema = z.object({
  /** 1-based position among the data rows (the header is not counted). */
  index: z.number().int().positive(),
  /** 1-based line of the file where the row starts (quoted fields may span lines). */
  line: z.number().int().positive(),
  /** The user cell, trimmed (may be empty). */
  user: z.string(),
  /** Whether the row brings its own password (never the password itself). */
  hasPassword: z.boolean(),
  problems: z.array(z.object({ code: bulkRowProblemSchema, message: z.string() })),
  /** True when the row takes part in a run (no problems). */
  included: z.boolean(),
});
export type BulkPreviewRow = z.infer<typeof bulkPreviewRowSchema>;

/** An imported file as parsed, with every row and its problems; nothing has been sent. */
export const bulkPreviewSchema = z.object({
  /** Names this import for setBulkColumns and startBulkRun (held in main's memory). */
  importId: z.string(),
  /** The file's name (no folder). */
  fileName: z.string(),
  delimiter: z.enum([',', ';']),
  /** Whether the first line was taken as a header. */
  hasHeader: z.boolean(),
  /** Column titles: the header's cells, or "Column 1", "Column 2"... without one. */
  columns: z.array(z.string()),
  /** 0-based column of the user; null when none was found (pick one). */
  userColumn: z.number().int().nonnegative().nullable(),
  /** 0-based column of the passwords; null: every password is generated. */
  passwordColumn: z.number().int().nonnegative().nullable(),
  counts: z.object({
    rows: z.number().int().nonnegative(),
    included: z.number().int().nonnegative(),
    excluded: z.number().int().nonnegative(),
    /** Included rows with a password of their own. */
    withPassword: z.number().int().nonnegative(),
    /** Included rows without one: a run needs `generate` for them. */
    withoutPassword: z.number().int().nonnegative(),
  }),
  /** Where the password rules come from: the account's policy, or Zoom's basic rules (and why). */
  policy: z.object({ source: z.enum(['account', 'basic']), reason: z.string().nullable() }),
  rows: z.array(bulkPreviewRowSchema),
  /** Something about the whole file in plain words (no user column found...), or null. */
  message: z.string().nullable(),
});
export type BulkPreview = z.infer<typeof bulkPreviewSchema>;

export const BULK_RUN_STATES = ['running', 'paused', 'daily_limit', 'finished', 'cancelled', 'interrupted'] as const;
export const bulkRunStateSchema = z.enum(BULK_RUN_STATES);
export type BulkRunState = z.infer<typeof bulkRunStateSchema>;

/** The row states that end a row: a run counts it as done and a resume never sends it again. */
export const BULK_FINAL_ROW_STATES = [
  'updated',
  'failed',
  'unknown',
  'cancelled',
  'eligible',
  'ineligible',
  'lookup_failed',
] as const;
/**
 * Where a row of a run is. `unknown` rows were sent but no answer came back: they are never resent
 * automatically and are left for the ambiguous-outcome check. `eligible` / `ineligible` / `lookup_failed`
 * are the states of a dry run's rows.
 */
export const BULK_ROW_STATES = ['pending', 'sending', 'waiting', ...BULK_FINAL_ROW_STATES] as const;
export const bulkRowStateSchema = z.enum(BULK_ROW_STATES);
export type BulkRowState = z.infer<typeof bulkRowStateSchema>;

export const bulkRunRowSchema = z.object({
  /** The row's index in the imported file (BulkPreviewRow.index). */
  index: z.number().int().positive(),
  user: z.string(),
  state: bulkRowStateSchema,
  outcome: outcomeSchema.optional(),
  httpStatus: z.number().int().nullable().optional(),
  zoomCode: z.number().int().nullable().optional(),
  message: z.string().optional(),
  trackingId: z.string().nullable().optional(),
  /** The history entry of the row's last request. */
  entryId: z.string().optional(),
  /** Requests sent for this row (retries after a rate limit count). */
  attempts: z.number().int().nonnegative(),
});
export type BulkRunRow = z.infer<typeof bulkRunRowSchema>;

export const bulkRunCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Rows with a final state (updated, failed, unknown, cancelled, or a dry run's answer). */
  done: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  unknown: z.number().int().nonnegative(),
  /** Dry run only (0 otherwise). */
  eligible: z.number().int().nonnegative(),
  ineligible: z.number().int().nonnegative(),
});
export type BulkRunCounts = z.infer<typeof bulkRunCountsSchema>;

/** What a run's live status and its line in the list of runs both say about it. */
const bulkRunBaseSchema = z.object({
  runId: z.string(),
  state: bulkRunStateSchema,
  dryRun: z.boolean(),
  /** The account's name. */
  account: z.string(),
  fileName: z.string(),
  createdAt: z.string(),
});

export const bulkRunStatusSchema = bulkRunBaseSchema.extend({
  finishedAt: z.string().nullable(),
  counts: bulkRunCountsSchema,
  /** Requests per second over the last few seconds. */
  ratePerSecond: z.number().nonnegative(),
  /** The limit the run is held to (the account's, or the run's own lower one). */
  limitPerSecond: z.number().positive(),
  /** Seconds left at the current pace; null when it cannot be told (paused, nothing sent yet). */
  etaSeconds: z.number().nonnegative().nullable(),
  /** When a daily-limit pause ends (Zoom's Retry-After), ISO 8601; null otherwise. */
  resumeAt: z.string().nullable(),
  /** Whether generated passwords are written to a file the admin chose (its path). */
  passwordsFile: z.string().nullable(),
  rows: z.array(bulkRunRowSchema),
  /** The run's state in plain words (why it paused, what to do). */
  message: z.string(),
});
export type BulkRunStatus = z.infer<typeof bulkRunStatusSchema>;

export const bulkRunSummarySchema = bulkRunBaseSchema.extend({
  updatedAt: z.string(),
  counts: bulkRunCountsSchema,
  /** True for runs that stopped before the end (a crash, a forced quit) and can be resumed. */
  resumable: z.boolean(),
});
export type BulkRunSummary = z.infer<typeof bulkRunSummarySchema>;

/** Highest per-second rate accepted (Zoom's highest plan limit is 60/s; some accounts have more). */
export const MAX_BULK_RATE = 1000;
export const MAX_BULK_CONCURRENCY = 64;

export const startBulkRunRequestSchema = z
  .object({
    importId: z.string().min(1).max(100),
    /** Generate a password (the account's policy) for rows without one; required when such rows exist. */
    generate: z.boolean(),
    /** Write generated passwords to a file: main asks where with a save dialog. */
    passwordsOut: z.boolean().optional(),
    /** Requests per second for this run, at most the account's limit. */
    rate: z.number().positive().max(MAX_BULK_RATE).optional(),
    concurrency: z.number().int().min(1).max(MAX_BULK_CONCURRENCY).optional(),
    /** Look every user up and report eligibility; nothing is changed. */
    dryRun: z.boolean().optional(),
    /** A reason or ticket number, stored with every history entry of the run. */
    reason: z.string().max(500).optional(),
    account: accountRefSchema.optional(),
  })
  .strict();
export type StartBulkRunRequest = z.infer<typeof startBulkRunRequestSchema>;

export const PLAN_NAMES = ['free', 'pro', 'business'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

/** Zoom's Medium-category limits per plan (zoom-api.md): what an account gets until the admin edits it. */
export const PLAN_RATE_LIMITS: Readonly<Record<PlanName, { perSecond: number; perDay: number | null }>> = {
  free: { perSecond: 2, perDay: 2000 },
  pro: { perSecond: 20, perDay: null },
  business: { perSecond: 60, perDay: null },
};

/** An account's request budget for password changes (Zoom's Medium category). */
export const rateLimitSettingSchema = z.object({
  /** The account's name. */
  account: z.string(),
  perSecond: z.number().positive(),
  /** Requests per day; null when the plan has no daily limit. */
  perDay: z.number().int().positive().nullable(),
  /** The plan the defaults come from, when known. */
  plan: z.enum(PLAN_NAMES).nullable(),
  /** 'custom': edited by the admin; 'plan': the plan's defaults; 'default': plan unknown, Pro assumed. */
  source: z.enum(['custom', 'plan', 'default']),
});
export type RateLimitSetting = z.infer<typeof rateLimitSettingSchema>;

export const setRateLimitRequestSchema = z
  .object({
    account: accountRefSchema.optional(),
    /** The account's Zoom plan: its defaults apply where perSecond / perDay are null. */
    plan: z.enum(PLAN_NAMES).nullable().optional(),
    /** null: the plan's default. */
    perSecond: z.number().positive().max(MAX_BULK_RATE).nullable(),
    /** null: the plan's default (none for paid plans). */
    perDay: z.number().int().positive().max(10_000_000).nullable().optional(),
  })
  .strict();

const runRef = z.object({ runId: z.string().min(1).max(64) }).strict();

/** The bulk methods, spread into ipcContract. */
export const bulkContract = {
  openBulkFile: { request: z.undefined(), response: bulkPreviewSchema.nullable() },
  setBulkColumns: {
    request: z
      .object({
        importId: z.string().min(1).max(100),
        userColumn: z.number().int().nonnegative().max(10_000),
        passwordColumn: z.number().int().nonnegative().max(10_000).nullable(),
      })
      .strict(),
    response: bulkPreviewSchema,
  },
  startBulkRun: { request: startBulkRunRequestSchema, response: z.object({ runId: z.string() }) },
  getBulkRun: { request: runRef, response: bulkRunStatusSchema },
  pauseBulkRun: { request: runRef, response: bulkRunStatusSchema },
  resumeBulkRun: { request: runRef, response: bulkRunStatusSchema },
  cancelBulkRun: { request: runRef, response: bulkRunStatusSchema },
  listBulkRuns: { request: z.undefined(), response: z.object({ runs: z.array(bulkRunSummarySchema) }) },
  rerunFailedRows: { request: runRef, response: z.object({ runId: z.string() }) },
  exportBulkResults: {
    request: runRef,
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), rows: z.number().int().nonnegative(), file: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  getRateLimit: {
    request: z.object({ account: accountRefSchema.optional() }).strict(),
    response: rateLimitSettingSchema,
  },
  setRateLimit: { request: setRateLimitRequestSchema, response: rateLimitSettingSchema },
} as const;

/** The names of the bulk IPC methods. */
export type BulkMethod = keyof typeof bulkContract;
