import {
  MAX_BULK_CONCURRENCY,
  type BulkPreview,
  type RateLimitSetting,
  type StartBulkRunRequest,
} from '../../../shared/ipc/contract';

export const MAX_REASON_LENGTH = 500;

/** The run options as typed (numbers stay text until checked, so a half-typed value is not lost). */
export interface BulkOptionsForm {
  generate: boolean;
  passwordsOut: boolean;
  /** Requests per second; empty: the account's limit. */
  rate: string;
  /** Requests in flight at once; empty: the default for the rate. */
  concurrency: string;
  dryRun: boolean;
  reason: string;
}

export const INITIAL_OPTIONS: BulkOptionsForm = {
  generate: true,
  passwordsOut: false,
  rate: '',
  concurrency: '',
  dryRun: false,
  reason: '',
};

/**
 * Requests in flight needed to keep up with `perSecond` when an answer takes up to half a second (at
 * least 4): what a run uses when the field is left empty, the same rule as main's and zpa's default.
 */
export function defaultConcurrency(perSecond: number): number {
  return Math.min(MAX_BULK_CONCURRENCY, Math.max(4, Math.ceil(perSecond / 2)));
}

export interface OptionsCheck {
  rate: string | null;
  concurrency: string | null;
  reason: string | null;
  /** Why the run cannot start with this file and these options, in words; null when it can. */
  blocker: string | null;
}

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || !/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Checks the options against the file and the account's limit; every problem says what to do. */
export function checkOptions(
  form: BulkOptionsForm,
  preview: BulkPreview,
  limit: RateLimitSetting | null,
): OptionsCheck {
  let rate: string | null = null;
  if (form.rate.trim() !== '') {
    const value = parseNumber(form.rate);
    if (value === null || value <= 0) rate = 'Enter a number of requests per second, such as 10.';
    else if (limit !== null && value > limit.perSecond)
      rate = `At most ${limit.perSecond} per second: the account's limit (change it in the account's settings).`;
  }
  let concurrency: string | null = null;
  if (form.concurrency.trim() !== '') {
    const value = parseNumber(form.concurrency);
    if (value === null || !Number.isInteger(value) || value < 1 || value > MAX_BULK_CONCURRENCY)
      concurrency = `Enter a whole number from 1 to ${MAX_BULK_CONCURRENCY}.`;
  }
  const reason =
    form.reason.trim().length > MAX_REASON_LENGTH
      ? `Keep the reason under ${MAX_REASON_LENGTH} characters (it is stored with every history entry).`
      : null;

  let blocker: string | null = null;
  const { included, withoutPassword } = preview.counts;
  if (preview.userColumn === null) blocker = 'Pick the column that holds the users.';
  else if (included === 0) blocker = 'No row can be sent: every row has a problem. Fix the file and open it again.';
  else if (!form.dryRun && !form.generate && withoutPassword > 0)
    blocker = `${withoutPassword} ${withoutPassword === 1 ? 'row has' : 'rows have'} no password: turn on “Generate passwords” or add them to the file.`;
  else if (rate !== null || concurrency !== null || reason !== null) blocker = 'Correct the options marked in red.';
  return { rate, concurrency, reason, blocker };
}

/** The concurrency an empty field stands for: enough for the typed rate, else for the account's limit. */
export function effectiveConcurrency(form: BulkOptionsForm, limit: RateLimitSetting | null): number {
  const typed = parseNumber(form.concurrency);
  if (typed !== null) return typed;
  const rate = parseNumber(form.rate);
  return defaultConcurrency(rate !== null && rate > 0 ? rate : (limit?.perSecond ?? 1));
}

/** The start request for checked options: an empty rate is left to main (the account's limit). */
export function toStartRequest(
  form: BulkOptionsForm,
  importId: string,
  account: string | null,
  limit: RateLimitSetting | null,
): StartBulkRunRequest {
  const request: StartBulkRunRequest = { importId, generate: !form.dryRun && form.generate };
  const rate = parseNumber(form.rate);
  if (rate !== null) request.rate = rate;
  request.concurrency = effectiveConcurrency(form, limit);
  if (form.dryRun) request.dryRun = true;
  else if (form.generate && form.passwordsOut) request.passwordsOut = true;
  const reason = form.reason.trim();
  if (reason !== '') request.reason = reason;
  if (account !== null) request.account = account;
  return request;
}
