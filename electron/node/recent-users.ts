import type { Outcome } from '../../shared/domain/outcome';
import { recentUserSchema, type RecentUser } from '../../shared/ipc/contract';
import type { KeyValueStore } from './ports';

export const RECENT_USERS_KEY = 'recentUsers';
export const DEFAULT_RECENT_USERS_LIMIT = 50;

/** What a lookup tells about a recent user. */
export interface RecentUserDetails {
  name?: string | null;
  email?: string | null;
}

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

  /**
   * Moves `user` to the top with its latest outcome; the name and e-mail are the given ones, else
   * those learned earlier.
   */
  touch(user: string, at: string, outcome: Outcome, details: RecentUserDetails = {}): void {
    const key = identity(user);
    const all = this.list();
    const known = all.find((r) => identity(r.user) === key);
    const rest = all.filter((r) => identity(r.user) !== key);
    const item: RecentUser = {
      user,
      lastAt: at,
      lastOutcome: outcome,
      ...pickDetails(known ?? {}),
      ...pickDetails(details),
    };
    this.store.set(RECENT_USERS_KEY, [item, ...rest].slice(0, this.limit));
  }

  /** Records the name and e-mail a lookup found for a user already in the list (others are not added). */
  learn(user: string, details: RecentUserDetails): void {
    const key = identity(user);
    const all = this.list();
    const index = all.findIndex((r) => identity(r.user) === key);
    const known = all[index];
    if (known === undefined) return;
    const updated: RecentUser = { ...known, ...pickDetails(details) };
    if (updated.name === known.name && updated.email === known.email) return;
    all[index] = updated;
    this.store.set(RECENT_USERS_KEY, all);
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

function pickDetails(d: RecentUserDetails): Pick<RecentUser, 'name' | 'email'> {
  const name = d.name?.trim().slice(0, 320);
  const email = d.email?.trim().slice(0, 320);
  return { ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function identity(user: string): string {
  const trimmed = user.trim();
  return trimmed.includes('@') ? `email:${trimmed.toLowerCase()}` : `id:${trimmed}`;
}
