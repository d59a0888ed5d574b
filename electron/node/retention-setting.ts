import { AppError } from '../../shared/domain/errors';
import { MAX_RETENTION_DAYS, type HistoryRetentionResult } from '../../shared/domain/history';
import type { Notice } from '../../shared/ipc/contract';
import type { HistoryStore } from './history/history-store';
import type { KeyValueStore } from './ports';

/** The settings key of the retention period (config.json); absent keeps everything. */
export const RETENTION_SETTING_KEY = 'historyRetentionDays';

function isRetentionDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_DAYS;
}

/**
 * The history retention period: stored in the settings, applied when it is set and at every start.
 * Keeping everything is the default; each run that removes entries is recorded in the history's own
 * chain by the store (a retention marker), so the history stays verifiable.
 */
export class HistoryRetention {
  private readonly found: Notice[] = [];

  constructor(
    private readonly settings: KeyValueStore,
    private readonly history: Pick<HistoryStore, 'applyRetention'>,
  ) {}

  /** The period in days, or null to keep everything (also for a value edited into something unusable). */
  get days(): number | null {
    const value = this.settings.get(RETENTION_SETTING_KEY);
    return isRetentionDays(value) ? value : null;
  }

  /** What the start-up run found, for the user to see. */
  get notices(): Notice[] {
    return [...this.found];
  }

  /**
   * Stores a new period and applies it at once (null: keep everything from now on; nothing is removed).
   * The entries are removed before the period is stored, so a failed removal leaves the setting as it was.
   */
  set(days: number | null): HistoryRetentionResult | null {
    if (days === null) {
      this.settings.delete(RETENTION_SETTING_KEY);
      return null;
    }
    if (!isRetentionDays(days)) {
      throw new AppError(
        'invalid_input',
        `A retention period is a whole number of days from 1 to ${MAX_RETENTION_DAYS}.`,
        {
          field: 'days',
        },
      );
    }
    const result = this.history.applyRetention(days);
    this.settings.set(RETENTION_SETTING_KEY, days);
    return result;
  }

  /**
   * Applies the stored period, if any (at start). Never throws: the app must open, and show the
   * history, even when the history cannot be rewritten; the problem becomes a notice instead.
   */
  applyStored(): HistoryRetentionResult | null {
    let days: number | null;
    try {
      days = this.days;
    } catch {
      // The settings store reports its own problems as notices.
      return null;
    }
    if (days === null) return null;
    try {
      const result = this.history.applyRetention(days);
      if (result.removed > 0) {
        this.found.push({
          id: `history-retention:${result.marker?.id ?? days}`,
          level: 'info',
          message: `The history keeps ${daysText(days)}: ${entriesText(result.removed)} older than that ${result.removed === 1 ? 'was' : 'were'} removed, and the removal was recorded in the history.`,
          action: 'Change the retention period in Settings > History retention.',
        });
      }
      return result;
    } catch (error) {
      this.found.push({
        id: `history-retention-failed:${days}`,
        level: 'warning',
        message: `The history retention of ${daysText(days)} could not be applied: ${error instanceof Error ? error.message : 'unknown error'}. Nothing was removed.`,
        action:
          error instanceof AppError && error.action !== undefined
            ? error.action
            : 'Check that the data folder is writable, then restart the app.',
      });
      return null;
    }
  }
}

function daysText(days: number): string {
  return days === 1 ? '1 day' : `${days.toLocaleString('en-US')} days`;
}

function entriesText(n: number): string {
  return n === 1 ? '1 entry' : `${n.toLocaleString('en-US')} entries`;
}
