import { z } from 'zod';
import { OUTCOME_LABELS, outcomeSchema } from './outcome';

/** The account an entry belongs to when it names none (entries from before accounts existed). */
export const DEFAULT_ACCOUNT = 'default';
/** How that account is shown. */
export const DEFAULT_ACCOUNT_LABEL = 'Default';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');

/**
 * One history entry per request sent to (or attempted against) Zoom.
 * Never holds a password or a token: only what an auditor needs to answer
 * "who changed this password, when, and what did Zoom say".
 */
export const historyEntrySchema = z.object({
  /** Our request id; also sent to Zoom as `x-zpa-request-id`. */
  id: z.string().min(1).max(64),
  /** When the request started, ISO 8601 with time zone. */
  at: z.string().min(1).max(40),
  /** The user exactly as the admin entered it (Zoom ID, e-mail or `me`). */
  user: z.string().max(320),
  outcome: outcomeSchema,
  httpStatus: z.number().int().nullable(),
  zoomCode: z.number().int().nullable(),
  /** What happened, in plain words. */
  message: z.string().max(2000),
  /** Zoom's own message, verbatim, when it sent one. */
  zoomMessage: z.string().max(2000).nullable(),
  trackingId: z.string().max(200).nullable(),
  durationMs: z.number().int().nonnegative(),
  /** The API base the request went to, e.g. https://api.zoom.us/v2. */
  apiBase: z.string().max(500),
  /** Which shell made the request. */
  source: z.enum(['app', 'zpa']),
  /** Seconds Zoom asked us to wait (429), when it said. */
  retryAfterSeconds: z.number().nonnegative().nullable().optional(),
  /** The account name; absent means DEFAULT_ACCOUNT (shown as DEFAULT_ACCOUNT_LABEL). */
  account: z.string().min(1).max(100).nullable().optional(),
  /** Which Zoom cloud the account lives in (e.g. zoom.us, zoomgov.com), when known. */
  cloud: z.string().max(100).nullable().optional(),
  /** The user's display name, when known. */
  userName: z.string().max(320).nullable().optional(),
  /** Why the change was made: a reason or ticket number the admin gave. */
  reason: z.string().max(500).nullable().optional(),
  /** The bulk run this request belonged to, if any. */
  runId: z.string().max(64).nullable().optional(),
  /**
   * Zoom's answer proves the change applied: a check resent the password of an `unknown` change and
   * Zoom answered "can not match the old password". Shown as "Updated (confirmed)".
   */
  confirmed: z.boolean().optional(),
  /** The id of the `unknown` entry this request was sent to check. */
  checkOf: z.string().min(1).max(64).optional(),
  /** Position in the history's hash chain (1, 2, 3...); set by the store, absent on entries from before the chain. */
  seq: z.number().int().positive().optional(),
  /** The previous record's hash; null for the first record of a history. Set by the store. */
  prevHash: sha256Hex.nullable().optional(),
  /** SHA-256 over the canonical JSON of this record without `hash`. Set by the store. */
  hash: sha256Hex.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
/** The outcome as tables and zpa show it: "Updated (confirmed)" when a check proved the change applied. */
export function entryOutcomeLabel(entry: Pick<HistoryEntry, 'outcome' | 'confirmed'>): string {
  return entry.outcome === 'updated' && entry.confirmed === true
    ? 'Updated (confirmed)'
    : OUTCOME_LABELS[entry.outcome];
}

/** What a caller hands the store: the integrity fields are the store's to set (given ones are replaced). */
export type HistoryEntryInput = Omit<HistoryEntry, 'seq' | 'prevHash' | 'hash'>;

const chainFields = { seq: z.number().int().positive(), prevHash: sha256Hex.nullable(), hash: sha256Hex };

/** A retention run: entries older than the period were removed (a leading run of the file). */
export const retentionMarkerSchema = z.object({
  kind: z.literal('retention'),
  id: z.string().min(1).max(64),
  at: z.string().min(1).max(40),
  /** The retention period applied. */
  days: z.number().int().positive(),
  /** Entries that started before this instant were removed. */
  cutoff: z.string().min(1).max(40),
  /** Request entries removed. */
  removed: z.number().int().nonnegative(),
  /** The last removed chained record, where the remaining chain starts; null when only entries from before the chain were removed. */
  anchor: z.object({ seq: z.number().int().positive(), hash: sha256Hex }).nullable(),
  ...chainFields,
});

/** A repair: unreadable lines were moved out of the history, into a backup copy of the file. */
export const repairMarkerSchema = z.object({
  kind: z.literal('repair'),
  id: z.string().min(1).max(64),
  at: z.string().min(1).max(40),
  /** File name (in the history folder) of the copy made before the repair. */
  backup: z.string().min(1).max(500),
  unreadableLines: z.number().int().positive(),
  ...chainFields,
});

/**
 * Records that are not requests but belong to the chain. They are kept in the history file, recorded
 * like entries (seq, prevHash, hash), and never listed as entries.
 */
export const historyMarkerSchema = z.discriminatedUnion('kind', [retentionMarkerSchema, repairMarkerSchema]);
export type HistoryMarker = z.infer<typeof historyMarkerSchema>;

/** ISO 8601 date and time with a time zone (Z or an offset), e.g. 2026-03-01T00:00:00Z. */
const isoDateTime = z.iso.datetime({ offset: true });

export const historyQuerySchema = z
  .object({
    /** Case-insensitive substring of the user. */
    user: z.string().max(320).optional(),
    outcome: outcomeSchema.optional(),
    /** Account name, case-insensitive exact match; DEFAULT_ACCOUNT matches entries that name none. */
    account: z.string().max(100).optional(),
    /** Entries that started at or after this instant. */
    since: isoDateTime.optional(),
    /** Entries that started before this instant (exclusive: pass the next day's start for "until that day"). */
    until: isoDateTime.optional(),
    /**
     * Case-insensitive substring of any of: user, userName, message, zoomMessage, trackingId, zoomCode, reason.
     */
    search: z.string().max(200).optional(),
    /** By start time; 'newest' (the default) first or 'oldest' first. */
    order: z.enum(['newest', 'oldest']).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type HistoryQuery = z.infer<typeof historyQuerySchema>;
/** A query without paging: what exports take (every match is exported). */
export type HistoryFilter = Omit<HistoryQuery, 'limit' | 'offset'>;

export const historyPageSchema = z.object({
  entries: z.array(historyEntrySchema),
  /** How many entries match the query in all (for paging). */
  total: z.number().int().nonnegative(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

export const VERIFY_PROBLEM_KINDS = ['altered', 'removed', 'reordered', 'unreadable'] as const;

/** What "verify history" found. */
export const historyVerifyResultSchema = z.object({
  /** True when every chained record is intact, in order, with none missing (as far as the chain can tell). */
  ok: z.boolean(),
  /** Chained records checked (entries and markers). */
  checked: z.number().int().nonnegative(),
  /** Entries written before the chain existed (a leading run of the file): listed, but not covered. */
  unchained: z.number().int().nonnegative(),
  /** Lines left by a write cut short (a crash while appending): not entries, skipped. */
  skippedLines: z.number().int().nonnegative(),
  /** The newest record's seq and hash: write them down to detect later removal of the newest entries. */
  lastSeq: z.number().int().nullable(),
  lastHash: z.string().nullable(),
  /** The latest retention run still recorded in the file, if any. */
  retention: z
    .object({ at: z.string(), days: z.number(), removed: z.number(), anchorSeq: z.number().nullable() })
    .nullable(),
  firstProblem: z
    .object({
      kind: z.enum(VERIFY_PROBLEM_KINDS),
      /** 1-based line in history.jsonl. */
      lineNumber: z.number().int().positive(),
      /** The record's seq, when it has a readable one. */
      seq: z.number().int().nullable(),
      /** The record's id, when it has a readable one. */
      id: z.string().nullable(),
      /** In plain words: what is wrong there. */
      detail: z.string(),
    })
    .optional(),
});
export type HistoryVerifyResult = z.infer<typeof historyVerifyResultSchema>;
export type HistoryProblem = NonNullable<HistoryVerifyResult['firstProblem']>;

/** An overview of the history for the review screen's header and `zpa history verify`. */
export const historySummarySchema = z.object({
  /** Request entries (what list() can return without filters). */
  entries: z.number().int().nonnegative(),
  /** Of those, written before the hash chain existed. */
  unchained: z.number().int().nonnegative(),
  /** Lines left by writes cut short (crash residue), skipped. */
  skippedLines: z.number().int().nonnegative(),
  /** Start times of the oldest and newest entries, ISO 8601 UTC; null when there are none. */
  oldestAt: z.string().nullable(),
  newestAt: z.string().nullable(),
  /** Retention runs and repairs recorded in the history, oldest first. */
  markers: z.array(historyMarkerSchema),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

/** What one retention run did. */
export const historyRetentionResultSchema = z.object({
  /** Request entries removed. */
  removed: z.number().int().nonnegative(),
  /** Request entries left. */
  kept: z.number().int().nonnegative(),
  /** The marker recorded; null when nothing was old enough (nothing is written then). */
  marker: retentionMarkerSchema.nullable(),
});
export type HistoryRetentionResult = z.infer<typeof historyRetentionResultSchema>;

/** Longest retention period accepted, in days (100 years). */
export const MAX_RETENTION_DAYS = 36_500;
