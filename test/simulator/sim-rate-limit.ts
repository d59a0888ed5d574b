import type { Clock } from '../../electron/node/ports';

export interface RateLimitOptions {
  /** Requests per second per account and category (Zoom Pro, Medium: 20). */
  perSecond?: number;
  /** Requests per UTC day per account and category; null = no daily limit (paid plans). */
  daily?: number | null;
  /** Answer 429 without the X-RateLimit-* and Retry-After headers (Zoom sometimes omits them). */
  omitHeaders?: boolean;
}

export type RateLimitCategory = 'Light' | 'Medium';

export interface RateLimitHit {
  type: 'QPS' | 'Daily-limit';
  message: string;
  headers: Record<string, string>;
}

/**
 * Zoom-style rate limiting: per account and category, a per-second window and an optional daily
 * quota that resets at 00:00 UTC. Only requests that get through are counted.
 */
export class RateLimiter {
  private readonly perSecond: number;
  private readonly daily: number | null;
  private readonly omitHeaders: boolean;
  private readonly recent = new Map<string, number[]>();
  private readonly days = new Map<string, { day: string; count: number }>();

  constructor(
    options: RateLimitOptions,
    private readonly clock: Clock,
  ) {
    this.perSecond = options.perSecond ?? 20;
    this.daily = options.daily ?? null;
    this.omitHeaders = options.omitHeaders ?? false;
  }

  /** Counts the request, or says why it is refused. */
  take(accountId: string, category: RateLimitCategory): RateLimitHit | null {
    const now = this.clock.now().getTime();
    const key = `${accountId}\u0000${category}`;
    const day = new Date(now).toISOString().slice(0, 10);
    const used = this.days.get(key);
    const usedToday = used !== undefined && used.day === day ? used.count : 0;
    if (this.daily !== null && usedToday >= this.daily) {
      const midnight = new Date(`${day}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000;
      return this.hit(
        'Daily-limit',
        category,
        this.daily,
        new Date(midnight).toISOString(),
        'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another call.',
      );
    }
    const window = (this.recent.get(key) ?? []).filter((t) => now - t < 1000);
    if (window.length >= this.perSecond) {
      this.recent.set(key, window);
      const oldest = window[0] ?? now;
      const wait = Math.max(1, Math.ceil((oldest + 1000 - now) / 1000));
      return this.hit(
        'QPS',
        category,
        this.perSecond,
        String(wait),
        'You have reached the maximum per-second rate limit for this API. Try again later.',
      );
    }
    window.push(now);
    this.recent.set(key, window);
    this.days.set(key, { day, count: usedToday + 1 });
    return null;
  }

  private hit(
    type: RateLimitHit['type'],
    category: RateLimitCategory,
    limit: number,
    retryAfter: string,
    message: string,
  ): RateLimitHit {
    const headers: Record<string, string> = this.omitHeaders
      ? {}
      : {
          'X-RateLimit-Category': category,
          'X-RateLimit-Type': type,
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'Retry-After': retryAfter,
        };
    return { type, message, headers };
  }
}
