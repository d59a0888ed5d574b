import type { Outcome } from '../../shared/domain/outcome';
import { recentUserSchema, type RecentUser } from '../../shared/ipc/contract';
import type { KeyValueStore } from './ports';

export const RECENT_USERS_KEY = 'recentUsers';
export const DEFAULT_RECENT_USERS_LIMIT = 50;

/**
 * The distinct users acted on, newest first, kept in settings (`recentUsers`). E-mail addresses
 * are compared case-insensitively (as Zoom does), user IDs exactly. A malformed stored value is
 * ignored item by item, never a crash.
 */
export class RecentUsers {
  constructor(
    private readonly store: KeyValueStore,
    private readonly limit = DEFAULT_RECENT_USERS_LIMIT,
  ) {}

  /** Moves `user` to the top with its latest outcome. */
  touch(user: string, at: string, outcome: Outcome): void {
    const key = identity(user);
    const rest = this.list().filter((r) => identity(r.user) !== key);
    this.store.set(RECENT_USERS_KEY, [{ user, lastAt: at, lastOutcome: outcome }, ...rest].slice(0, this.limit));
  }

  /** Newest first; malformed or duplicate stored items are left out. */
  list(): RecentUser[] {
    const stored = this.store.get(RECENT_USERS_KEY);
    if (!Array.isArray(stored)) return [];
    const seen = new Set<string>();
    const out: RecentUser[] = [];
    for (const item of stored) {
      const parsed = recentUserSchema.safeParse(item);
      if (!parsed.success || parsed.data.user.trim() === '') continue;
      const key = identity(parsed.data.user);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(parsed.data);
      if (out.length >= this.limit) break;
    }
    return out;
  }
}

function identity(user: string): string {
  const trimmed = user.trim();
  return trimmed.includes('@') ? `email:${trimmed.toLowerCase()}` : `id:${trimmed}`;
}
