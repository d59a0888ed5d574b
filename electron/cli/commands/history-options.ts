import type { Outcome } from '../../../shared/domain/outcome';

/** What `zpa history` was given; its subcommands read it too (they take none of the list options). */
export interface HistoryOptions {
  json?: boolean;
  csv?: boolean;
  user?: string;
  account?: string;
  outcome?: Outcome;
  since?: string;
  until?: string;
  search?: string;
  oldestFirst?: boolean;
  limit?: number;
}

/** The options that choose entries, by option key: they mean nothing to `history verify` and `history retention`. */
export const LIST_OPTIONS = {
  csv: '--csv',
  user: '--user',
  account: '--account',
  outcome: '--outcome',
  since: '--since',
  until: '--until',
  search: '--search',
  oldestFirst: '--oldest-first',
  limit: '--limit',
} as const satisfies Partial<Record<keyof HistoryOptions, string>>;
