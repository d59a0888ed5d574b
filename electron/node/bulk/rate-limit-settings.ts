import { z } from 'zod';
import { AppError } from '../../../shared/domain/errors';
import {
  MAX_BULK_RATE,
  PLAN_NAMES,
  PLAN_RATE_LIMITS,
  type PlanName,
  type RateLimitSetting,
} from '../../../shared/ipc/bulk-schemas';
import type { KeyValueStore } from '../ports';
import { POLICY_CACHE_KEY } from '../users/policy-service';
import { PLAN_UNAVAILABLE_REASON } from '../zoom/zoom-reads';
import type { RateBudget } from './rate-limiter';

/** Settings key: account id → what the admin set for it. */
export const RATE_LIMITS_KEY = 'rateLimits';

const storedSchema = z.record(
  z.string(),
  z.object({
    plan: z.enum(PLAN_NAMES).nullable().optional(),
    perSecond: z.number().positive().max(MAX_BULK_RATE).nullable().optional(),
    perDay: z.number().int().positive().nullable().optional(),
  }),
);
type Stored = z.infer<typeof storedSchema>;

/** The plan assumed when nothing says otherwise: Pro's 20/s is the most common paid limit. */
export const DEFAULT_PLAN: PlanName = 'pro';

/**
 * Each account's request budget: the plan's defaults (Free 2/s and 2,000/day, Pro 20/s, Business and up
 * 60/s), or what the admin set (Zoom's limit is shared with every other app on the account, so an
 * admin may want less). The plan is the admin's choice, or Free when the account's policy could not be
 * read because of a free plan; otherwise Pro is assumed.
 */
export class RateLimitSettings {
  constructor(private readonly settings: KeyValueStore) {}

  /** The setting for an account, as shown and edited. */
  get(account: { id: string; name: string }): RateLimitSetting {
    const stored = this.read()[account.id] ?? {};
    const storedPlan = stored.plan ?? null;
    const plan = storedPlan ?? this.detectedPlan(account.id);
    const defaults = PLAN_RATE_LIMITS[plan ?? DEFAULT_PLAN];
    const custom = (stored.perSecond ?? null) !== null || (stored.perDay ?? null) !== null;
    return {
      account: account.name,
      perSecond: stored.perSecond ?? defaults.perSecond,
      perDay: stored.perDay ?? defaults.perDay,
      plan,
      source: custom ? 'custom' : plan !== null ? 'plan' : 'default',
    };
  }

  /** The budget the rate limiter applies to an account. */
  budget(accountId: string): RateBudget {
    const { perSecond, perDay } = this.get({ id: accountId, name: accountId });
    return { perSecond, perDay };
  }

  /**
   * Stores an account's setting: `plan` (undefined keeps it, null forgets it), `perSecond` and `perDay`
   * (null: the plan's default; perDay undefined keeps it).
   */
  set(
    account: { id: string; name: string },
    r: { plan?: PlanName | null; perSecond: number | null; perDay?: number | null },
  ): RateLimitSetting {
    if (r.perSecond !== null && !(r.perSecond > 0 && r.perSecond <= MAX_BULK_RATE)) {
      throw new AppError('invalid_input', `A rate is more than 0 and at most ${MAX_BULK_RATE} requests per second.`, {
        field: 'perSecond',
      });
    }
    if (r.perDay !== undefined && r.perDay !== null && !(Number.isInteger(r.perDay) && r.perDay > 0)) {
      throw new AppError('invalid_input', 'A daily limit is a whole number of requests above 0.', { field: 'perDay' });
    }
    const all = this.read();
    const current = all[account.id] ?? {};
    const next = {
      plan: r.plan === undefined ? (current.plan ?? null) : r.plan,
      perSecond: r.perSecond,
      perDay: r.perDay === undefined ? (current.perDay ?? null) : r.perDay,
    };
    all[account.id] = next;
    this.settings.set(RATE_LIMITS_KEY, all);
    return this.get(account);
  }

  private read(): Stored {
    const parsed = storedSchema.safeParse(this.settings.get(RATE_LIMITS_KEY));
    return parsed.success ? parsed.data : {};
  }

  /** Free, when the account's cached policy says its settings are unavailable on its plan. */
  private detectedPlan(accountId: string): PlanName | null {
    const cache = this.settings.get(POLICY_CACHE_KEY);
    if (typeof cache !== 'object' || cache === null) return null;
    const entry = (cache as Record<string, unknown>)[accountId];
    if (typeof entry !== 'object' || entry === null) return null;
    return (entry as { reason?: unknown }).reason === PLAN_UNAVAILABLE_REASON ? 'free' : null;
  }
}
