import { z } from 'zod';

/**
 * Every answer to a password change falls into exactly one outcome.
 * `unknown` means the request left this machine but no answer came back: Zoom may have applied it.
 */
export const OUTCOMES = [
  'updated',
  'rejected',
  'not_found',
  'unauthorized',
  'rate_limited',
  'failed',
  'unknown',
] as const;

export const outcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcomeSchema>;

/** Short labels for tables, badges and the CLI. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  updated: 'Updated',
  rejected: 'Rejected by Zoom',
  not_found: 'User not found',
  unauthorized: 'Token refused',
  rate_limited: 'Rate limited',
  failed: 'Not sent / failed',
  unknown: 'Unknown: may have applied',
};
