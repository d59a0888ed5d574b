import PQueue from 'p-queue';
import { AppError } from '../../../shared/domain/errors';
import { systemClock, type Clock } from '../ports';

/** An account's request budget for password changes (Zoom's Medium category). */
export interface RateBudget {
  perSecond: number;
  /** Requests per UTC day; null when the plan has none. */
  perDay: number | null;
}

/** What the limiter needs to see of an answer to react to Zoom's 429s (a PasswordChangeAttempt is one). */
export interface LimitedResult {
  outcome: string;
  retryAfterSeconds: number | null;
  rateLimitType: string | null;
  zoomMessage?: string | null;
}

/** A request taken back while it waited for its turn: it was never sent. */
export class WithdrawnError extends AppError {
  constructor() {
    super('not_allowed', 'The request was withdrawn before it was sent.');
    this.name = 'WithdrawnError';
  }
}

/** The request reached its turn after the account's daily budget ran out: it was never sent. */
export class DailyBudgetError extends WithdrawnError {
  constructor(until: Date) {
    super();
    this.message = `The account's daily request limit is used up until ${until.toISOString()}; nothing was sent.`;
    this.name = 'DailyBudgetError';
  }
}

/** Zoom's daily limit for the account is used up: nothing should be sent before `until`. */
export interface DailyBlock {
  until: Date;
  /** 'zoom': Zoom answered Daily-limit; 'local': this process counted the configured perDay. */
  source: 'zoom' | 'local';
}

export interface RunOptions {
  /** Higher runs first; single changes use 1, bulk rows 0, so an admin's change never waits behind a run. */
  priority?: number;
  /** Aborting removes a request that is still waiting (it rejects with the signal's reason). */
  signal?: AbortSignal;
}

/**
 * Extra room over Zoom's one-second window. Requests leave at most `perSecond` per (1 s + margin), so
 * network jitter between here and Zoom cannot put one more than the limit into any second Zoom counts.
 */
export const WINDOW_MARGIN_MS = 50;
/** Pause after a 429 that says nothing about when to come back. */
export const DEFAULT_QPS_PAUSE_MS = 1000;

interface AccountLane {
  budget: RateBudget;
  /** Spreads requests out: at most one per SPACING of the nominal interval, so none leave in a burst. */
  spacing: PQueue;
  /** The budget itself: never more than perSecond in any rolling (1 s + margin). */
  window: PQueue;
  pausedUntil: number;
  resumeTimer: NodeJS.Timeout | null;
  daily: DailyBlock | null;
  day: string;
  sentToday: number;
}

/**
 * One request pipeline per Zoom account, shared by single changes and bulk runs (Zoom counts the limit
 * per account, across every app). Built on p-queue: a strict sliding window keeps the budget over any
 * rolling (1 s + margin), and a spacing gate before it stops requests from leaving in bursts. A 429
 * pauses the account's lane for Retry-After (or a second when Zoom does not say); a daily-limit 429 is
 * remembered until Zoom's reset time so runs can pause instead of retrying.
 */
export class AccountRateLimiter {
  private readonly lanes = new Map<string, AccountLane>();
  private readonly clock: Clock;

  constructor(
    private readonly budgetFor: (accountId: string) => RateBudget,
    clock: Clock = systemClock,
  ) {
    this.clock = clock;
  }

  /**
   * Runs `call` when the account's budget allows, and learns from its answer (429s). Aborting `signal`
   * while the call still waits withdraws it (AppError not_allowed: nothing was sent); once started, the
   * call runs to its end whatever happens to the signal, so an answer is never lost.
   */
  async run<T extends LimitedResult>(accountId: string, call: () => Promise<T>, o: RunOptions = {}): Promise<T> {
    const lane = this.lane(accountId);
    let phase: 'waiting' | 'started' | 'withdrawn' | 'refused' = 'waiting';
    const priority = o.priority ?? 1;
    // Through the spacing gate first, then the window, whose tick is taken right before the request leaves.
    const task = lane.spacing
      .add(async () => undefined, { priority })
      .then(() =>
        phase === 'withdrawn'
          ? null
          : lane.window.add(
              async (): Promise<T | null> => {
                if (phase === 'withdrawn') return null;
                // Checked again at the request's turn: callers that checked earlier may have been many at once.
                const block = this.dailyBlock(accountId);
                if (block !== null) {
                  phase = 'refused';
                  throw new DailyBudgetError(block.until);
                }
                phase = 'started';
                this.count(lane);
                return call();
              },
              { priority },
            ),
      );
    const signal = o.signal;
    const result = await new Promise<T>((resolve, reject) => {
      const withdraw = (): void => {
        if (phase !== 'waiting') return;
        phase = 'withdrawn';
        reject(new WithdrawnError());
      };
      if (signal?.aborted === true) withdraw();
      else signal?.addEventListener('abort', withdraw, { once: true });
      task.then(
        (value) => {
          signal?.removeEventListener('abort', withdraw);
          if (value !== null) resolve(value);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', withdraw);
          if (phase !== 'withdrawn') reject(error);
        },
      );
    });
    this.learn(lane, result);
    return result;
  }

  /**
   * Counts a request to the account made outside this pipeline (a policy or user-list read, which Zoom
   * counts in the same category), so the next second's budget leaves room for it.
   */
  noteExternal(accountId: string): void {
    const lane = this.lane(accountId);
    void lane.window.add(async () => undefined, { priority: 2 });
  }

  /** The account's current budget (re-read after setBudgetChanged). */
  budget(accountId: string): RateBudget {
    return this.lane(accountId).budget;
  }

  /** The daily-limit block in force for the account, if any (Zoom's, or the configured perDay used up). */
  dailyBlock(accountId: string): DailyBlock | null {
    const lane = this.lane(accountId);
    const now = this.clock.now();
    if (lane.daily !== null && lane.daily.until.getTime() <= now.getTime()) lane.daily = null;
    if (lane.daily !== null) return lane.daily;
    this.rollDay(lane, now);
    if (lane.budget.perDay !== null && lane.sentToday >= lane.budget.perDay) {
      return { until: nextUtcMidnight(now), source: 'local' };
    }
    return null;
  }

  /** Milliseconds until the account's lane sends again after a QPS 429 (0 when it is not paused). */
  pausedFor(accountId: string): number {
    return Math.max(0, this.lane(accountId).pausedUntil - this.clock.now().getTime());
  }

  /**
   * The account's budget was edited: later requests use the new one. Requests already waiting keep
   * their place in the old lane, which drains at the old pace.
   */
  budgetChanged(accountId: string): void {
    const old = this.lanes.get(accountId);
    if (old === undefined) return;
    const lane = this.newLane(accountId);
    lane.daily = old.daily;
    lane.day = old.day;
    lane.sentToday = old.sentToday;
    this.lanes.set(accountId, lane);
  }

  private lane(accountId: string): AccountLane {
    let lane = this.lanes.get(accountId);
    if (lane === undefined) {
      lane = this.newLane(accountId);
      this.lanes.set(accountId, lane);
    }
    return lane;
  }

  private newLane(accountId: string): AccountLane {
    const budget = this.budgetFor(accountId);
    return {
      budget,
      spacing: new PQueue(spacingWindow(budget.perSecond)),
      window: new PQueue(slidingWindow(budget.perSecond)),
      pausedUntil: 0,
      resumeTimer: null,
      daily: null,
      day: '',
      sentToday: 0,
    };
  }

  private count(lane: AccountLane): void {
    this.rollDay(lane, this.clock.now());
    lane.sentToday += 1;
  }

  private rollDay(lane: AccountLane, now: Date): void {
    const day = now.toISOString().slice(0, 10);
    if (lane.day !== day) {
      lane.day = day;
      lane.sentToday = 0;
    }
  }

  private learn(lane: AccountLane, result: LimitedResult): void {
    if (result.outcome !== 'rate_limited') return;
    const now = this.clock.now();
    if (isDailyLimit(result)) {
      const until =
        result.retryAfterSeconds === null
          ? nextUtcMidnight(now)
          : new Date(now.getTime() + result.retryAfterSeconds * 1000);
      lane.daily = { until, source: 'zoom' };
      return;
    }
    const waitMs = result.retryAfterSeconds === null ? DEFAULT_QPS_PAUSE_MS : result.retryAfterSeconds * 1000;
    this.pauseLane(lane, now.getTime() + waitMs);
  }

  private pauseLane(lane: AccountLane, until: number): void {
    if (until <= lane.pausedUntil) return;
    lane.pausedUntil = until;
    lane.spacing.pause();
    lane.window.pause();
    if (lane.resumeTimer !== null) clearTimeout(lane.resumeTimer);
    lane.resumeTimer = setTimeout(
      () => {
        lane.resumeTimer = null;
        lane.spacing.start();
        lane.window.start();
      },
      Math.max(0, until - this.clock.now().getTime()),
    );
  }
}

/** The least gap between two requests, as a share of the nominal one (1 / perSecond). */
const SPACING = 0.85;

/** p-queue options for the spacing gate: one request per SPACING / perSecond seconds at most. */
export function spacingWindow(perSecond: number): { interval: number; intervalCap: number; strict: true } {
  return { interval: (SPACING * 1000) / perSecond, intervalCap: 1, strict: true };
}

/**
 * p-queue options for `perSecond`: a strict (sliding) window of a whole second plus the margin, so no
 * rolling (1 s + margin) holds more than perSecond. A long window loses little pace to late timers;
 * the spacing gate in front of it keeps it from sending its budget in one burst.
 */
export function slidingWindow(perSecond: number): { interval: number; intervalCap: number; strict: true } {
  const intervalCap = Math.max(1, Math.floor(perSecond));
  const interval = (intervalCap * (1000 + WINDOW_MARGIN_MS)) / perSecond;
  return { interval, intervalCap, strict: true };
}

/** Whether a 429 is Zoom's daily limit: by X-RateLimit-Type, or by its message when the header is missing. */
export function isDailyLimit(result: LimitedResult): boolean {
  const type = result.rateLimitType?.trim().toLowerCase() ?? '';
  if (type !== '') return type.startsWith('daily');
  return /\bdaily\b/i.test(result.zoomMessage ?? '');
}

/** The next 00:00 UTC after `now` (when Zoom's daily counts reset). */
export function nextUtcMidnight(now: Date): Date {
  const midnight = new Date(now.getTime());
  midnight.setUTCHours(24, 0, 0, 0);
  return midnight;
}
