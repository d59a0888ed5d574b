import { z } from 'zod';
import { accountPolicySchema, type AccountPolicy } from '../../../shared/domain/policy';
import { BASIC_POLICY, type PasswordPolicy } from '../../../shared/password/rules';
import type { Account } from '../accounts/account-types';
import { systemClock, type Clock, type KeyValueStore } from '../ports';
import { getSecuritySettings } from '../zoom/zoom-reads';
import { readWithAccount, type AccountReadDeps } from './account-read';

/** Settings key: account id → the policy last read for it. */
export const POLICY_CACHE_KEY = 'passwordPolicies';
/** A cached policy older than this is read again when next needed (a Refresh reads it at once). */
export const POLICY_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/**
 * After a read failed for a passing reason (network, Zoom's side), the basic rules are used for this
 * long before asking again: the settings read counts against the same rate limit as password changes.
 */
export const POLICY_RETRY_AFTER_MS = 5 * 60 * 1000;

export interface PolicyServiceOptions extends AccountReadDeps {
  settings: KeyValueStore;
}

const storedSchema = z.record(z.string(), accountPolicySchema.omit({ account: true }));
type Stored = z.infer<typeof storedSchema>;

/**
 * The password policy each account's changes are checked against, in the renderer (live rules) and
 * in main (before sending): the account's own from Zoom's security settings, cached per account in
 * settings, or Zoom's basic rules with the reason when it cannot be read (free plan, missing scope,
 * network).
 */
export class PolicyService {
  private readonly o: PolicyServiceOptions;
  private readonly clock: Clock;
  private readonly fallbacks = new Map<string, { policy: AccountPolicy; until: number }>();
  private readonly inflight = new Map<string, Promise<AccountPolicy>>();

  constructor(o: PolicyServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
  }

  /**
   * The policy of `account` (the active one when absent): the cached one unless `refresh` is set or
   * it is older than a day. Never fails for Zoom's answers or the network (the basic rules then apply,
   * with the reason); throws AppError no_token or invalid_input (field 'account') for the account.
   */
  async get(r: { account?: string; refresh?: boolean } = {}): Promise<AccountPolicy> {
    const account = await this.o.accounts.resolve(r.account);
    return this.forAccount(account, r.refresh === true);
  }

  /** The rules a change for `account` must meet (what get() answers, as checkPassword takes it). */
  async rulesFor(account: Account): Promise<PasswordPolicy> {
    return (await this.forAccount(account, false)).policy;
  }

  private async forAccount(account: Account, refresh: boolean): Promise<AccountPolicy> {
    const now = this.clock.now().getTime();
    const cached = this.readCache()[account.id];
    if (!refresh) {
      if (cached !== undefined && now - Date.parse(cached.asOf ?? '') < POLICY_MAX_AGE_MS) {
        return { account: account.name, ...cached };
      }
      const fallback = this.fallbacks.get(account.id);
      if (fallback !== undefined && now < fallback.until) return { ...fallback.policy, account: account.name };
    }
    let running = this.inflight.get(account.id);
    if (running === undefined) {
      running = this.fetch(account).finally(() => this.inflight.delete(account.id));
      this.inflight.set(account.id, running);
    }
    return running;
  }

  private async fetch(account: Account): Promise<AccountPolicy> {
    const asOf = this.clock.now().toISOString();
    const answer = await readWithAccount(this.o, account, getSecuritySettings);
    if (answer.ok) {
      const { policy, reason } = answer.value;
      const result: AccountPolicy =
        policy === null
          ? { account: account.name, policy: basic(), source: 'basic', reason, asOf }
          : { account: account.name, policy: withWeak(policy), source: 'account', reason: null, asOf };
      this.store(account.id, result);
      return result;
    }
    const cached = this.readCache()[account.id];
    if (answer.problem.transient && cached !== undefined) {
      // A policy read yesterday is closer to the truth than the basic rules.
      return { account: account.name, ...cached };
    }
    const result: AccountPolicy = {
      account: account.name,
      policy: basic(),
      source: 'basic',
      reason: `The account's password policy could not be read, so Zoom's basic rules apply: ${answer.problem.message}${answer.problem.action ? ` ${answer.problem.action}` : ''}`,
      asOf: null,
    };
    if (answer.problem.failure === null) {
      // No token to ask with: nothing was read, so nothing is remembered (the next call asks again).
    } else if (answer.problem.transient) {
      this.fallbacks.set(account.id, { policy: result, until: this.clock.now().getTime() + POLICY_RETRY_AFTER_MS });
    } else {
      // Zoom's answer stands (missing scope): remember it until a Refresh, as for a policy read.
      this.store(account.id, { ...result, asOf });
    }
    return result;
  }

  private readCache(): Stored {
    const parsed = storedSchema.safeParse(this.o.settings.get(POLICY_CACHE_KEY));
    return parsed.success ? parsed.data : {};
  }

  private store(accountId: string, policy: AccountPolicy): void {
    this.fallbacks.delete(accountId);
    const { account: _name, ...rest } = policy;
    try {
      this.o.settings.set(POLICY_CACHE_KEY, { ...this.readCache(), [accountId]: rest });
    } catch {
      // Not cached: the policy is read again next time, nothing else is lost.
    }
  }
}

function basic(): AccountPolicy['policy'] {
  return { ...BASIC_POLICY, weakDetection: false };
}

function withWeak(policy: PasswordPolicy): AccountPolicy['policy'] {
  return { ...policy, weakDetection: policy.weakDetection ?? false };
}
