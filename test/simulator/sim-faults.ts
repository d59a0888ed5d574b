/** Something the simulator does instead of (or on top of) answering normally. */
export type SimFault =
  /** Wait before handling the request (then handle it normally, even if the client gave up). */
  | { kind: 'delay'; ms: number }
  /** Read the request, then destroy the socket without applying anything. */
  | { kind: 'reset-before-apply' }
  /** Handle (and apply) the request, then destroy the socket instead of answering. */
  | { kind: 'reset-after-apply' }
  /** Answer a server error without handling the request; default body: Zoom-style JSON. */
  | { kind: 'status'; status: 500 | 502 | 503 | 504; body?: string }
  /** Answer with a body that is not Zoom's JSON; 2xx statuses apply the request first. */
  | { kind: 'malformed-body'; status: number; body?: string }
  /** Answer normally but without the x-zm-trackingid header. */
  | { kind: 'no-tracking-id' }
  /** Answer Zoom's 429 as the rate limiter would (per-second or daily), optionally without its headers. */
  | { kind: 'rate-limited'; type: 'QPS' | 'Daily-limit'; omitHeaders?: boolean };

export interface FaultRule {
  /**
   * Only requests for this user (id or e-mail as in the path, or the user it resolves to), with this
   * method, and/or to this path (e.g. '/oauth/token'; exact, without the query).
   */
  match?: { userId?: string; method?: string; path?: string };
  /** How many matching requests it applies to; default 1; Infinity for all. */
  times?: number;
  fault: SimFault;
}

interface ActiveRule {
  id: number;
  rule: FaultRule;
  left: number;
}

/** The faults waiting to happen; the first matching rule wins and is used up. */
export class FaultInjector {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  /** Adds a rule; returns its id (for remove()). */
  add(rule: FaultRule): number {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new RangeError('times must be positive');
    const id = this.nextId;
    this.nextId += 1;
    this.rules.push({ id, rule, left: times });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** How many rules still wait to fire. */
  get pending(): number {
    return this.rules.length;
  }

  /** Finds and uses up the fault for a request; `users` are the names the request's user goes by. */
  take(request: { method: string; users: readonly string[]; path?: string }): SimFault | null {
    const names = request.users.map((u) => u.toLowerCase());
    const found = this.rules.find(({ rule }) => {
      const wantUser = rule.match?.userId?.toLowerCase();
      const wantMethod = rule.match?.method?.toUpperCase();
      const wantPath = rule.match?.path;
      return (
        (wantUser === undefined || names.includes(wantUser)) &&
        (wantMethod === undefined || wantMethod === request.method.toUpperCase()) &&
        (wantPath === undefined || wantPath === request.path)
      );
    });
    if (found === undefined) return null;
    found.left -= 1;
    if (found.left <= 0) this.remove(found.id);
    return found.rule.fault;
  }
}
