import { randomBytes } from 'node:crypto';
import type { Clock } from '../../electron/node/ports';
import { refusePassword, type ZoomRefusal } from './sim-password-rules';
import { LOGIN_TYPE, type SimPolicy, type SimRole, type SimStatus, type SimToken, type SimUserSeed } from './sim-types';

const DAY_MS = 24 * 60 * 60 * 1000;

interface UserRecord {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  type: 1 | 2;
  status: SimStatus;
  roleName: SimRole;
  loginTypes: number[];
  invitationExpired: boolean;
  createdAt: string;
  /** Oldest first; the last one is the current password. Memory only, never printed. */
  passwords: string[];
  /** When each password change was applied (ms). */
  changes: number[];
}

/** What GET /v2/users/{id} returns (Zoom's "Light" user). */
export interface SimUserView {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  display_name: string;
  type: number;
  status: SimStatus;
  role_name: SimRole;
  role_id: string;
  login_types: number[];
  account_id: string | null;
  created_at: string;
  verified: number;
  timezone: string;
  language: string;
}

/**
 * The simulated account: users (with passwords, in memory only), tokens and the password policy.
 * Tests read it to check what Zoom "did" (e.g. that a request whose answer was lost was applied).
 */
export class SimulatorState {
  maxChangesPer24h: number;
  private currentPolicy: SimPolicy;
  private readonly usersById = new Map<string, UserRecord>();
  private readonly idByEmail = new Map<string, string>();
  private readonly tokens = new Map<string, SimToken>();
  private readonly clock: Clock;
  private readonly accountId: string | null;

  constructor(o: {
    users: readonly SimUserSeed[];
    tokens: readonly SimToken[];
    policy: SimPolicy;
    maxChangesPer24h: number;
    clock: Clock;
  }) {
    this.clock = o.clock;
    this.currentPolicy = { ...o.policy };
    this.maxChangesPer24h = o.maxChangesPer24h;
    this.accountId = o.tokens[0]?.accountId ?? null;
    for (const seed of o.users) this.addUser(seed);
    for (const token of o.tokens) this.addToken(token);
  }

  /** The password policy in force (a copy). */
  get policy(): SimPolicy {
    return { ...this.currentPolicy };
  }

  /** 'free' accounts cannot read account settings (Zoom answers code 200). */
  plan: 'paid' | 'free' = 'paid';

  /** What GET /v2/accounts/me/settings?option=security returns (the fields the policy needs, plus a few). */
  securitySettings(): { security: Record<string, unknown> } {
    const p = this.currentPolicy;
    return {
      security: {
        admin_change_name_pic: false,
        hide_billing_info: false,
        import_photos_from_devices: true,
        password_requirement: {
          consecutive_characters_length: p.consecutiveCharactersLength,
          have_special_character: p.haveSpecialCharacter,
          minimum_password_length: p.minimumPasswordLength,
          weak_enhance_detection: p.weakEnhanceDetection,
        },
        sign_again_period_for_inactivity_on_client: 120,
        sign_in_with_two_factor_auth: 'none',
      },
    };
  }

  /** Changes the account's password policy (only the given fields). */
  setPolicy(policy: Partial<SimPolicy>): void {
    this.currentPolicy = { ...this.currentPolicy, ...policy };
  }

  /** Adds a user; a user who can hold a password gets a random one unless the seed gives one. */
  addUser(seed: SimUserSeed): SimUserView {
    const loginTypes = seed.loginTypes ?? [LOGIN_TYPE.workEmail];
    const status = seed.status ?? 'active';
    const canHavePassword = loginTypes.includes(LOGIN_TYPE.workEmail) && status !== 'pending';
    const initial = seed.password ?? (canHavePassword ? `Init-${randomBytes(9).toString('base64url')}9a` : null);
    const record: UserRecord = {
      id: seed.id,
      email: seed.email,
      firstName: seed.firstName,
      lastName: seed.lastName,
      type: seed.type ?? 2,
      status,
      roleName: seed.roleName ?? 'Member',
      loginTypes: [...loginTypes],
      invitationExpired: seed.invitationExpired ?? false,
      createdAt: new Date(this.clock.now().getTime() - 400 * DAY_MS).toISOString().replace(/\.\d+Z$/, 'Z'),
      passwords: initial === null ? [] : [initial],
      changes: [],
    };
    this.usersById.set(record.id, record);
    this.idByEmail.set(record.email.toLowerCase(), record.id);
    return this.view(record);
  }

  /** Adds (or replaces) an accepted token. */
  addToken(token: SimToken): void {
    this.tokens.set(token.token, { ...token, scopes: [...token.scopes] });
  }

  /** The token record for a bearer value, if the simulator knows it. */
  token(value: string): SimToken | undefined {
    return this.tokens.get(value);
  }

  /** Forgets a token: it then answers 401/124 "Invalid access token." */
  revokeToken(value: string): void {
    this.tokens.delete(value);
  }

  /** Whether a token is expired: marked so, or past its expiresAt on the simulator's clock. */
  tokenExpired(token: SimToken): boolean {
    return token.expired === true || (token.expiresAt !== undefined && this.clock.now().getTime() >= token.expiresAt);
  }

  /**
   * One page of GET /v2/users (Zoom's list: no login_types), users with `status` in insertion order.
   * `nextPageToken` is what an earlier page returned; an unknown one starts from the beginning.
   */
  listUsers(o: { status: SimStatus; pageSize: number; nextPageToken: string | null }): SimUserListPage {
    const matching = [...this.usersById.values()].filter((r) => r.status === o.status);
    const offset = decodePageToken(o.nextPageToken);
    const page = matching.slice(offset, offset + o.pageSize);
    const next = offset + page.length;
    return {
      next_page_token: next < matching.length ? Buffer.from(`offset:${next}`).toString('base64url') : '',
      page_count: Math.max(1, Math.ceil(matching.length / o.pageSize)),
      page_number: Math.floor(offset / o.pageSize) + 1,
      page_size: o.pageSize,
      total_records: matching.length,
      users: page.map((r) => {
        const { login_types: _loginTypes, account_id: _accountId, ...view } = this.view(r);
        return { ...view, user_created_at: view.created_at };
      }),
    };
  }

  /** Every user, as GET /users/{id} shows them. */
  users(): SimUserView[] {
    return [...this.usersById.values()].map((r) => this.view(r));
  }

  /** A user by id or e-mail (e-mail case-insensitive). */
  user(idOrEmail: string): SimUserView | undefined {
    const record = this.find(idOrEmail);
    return record === undefined ? undefined : this.view(record);
  }

  /** Whether `password` is the user's current password (tests check what Zoom applied). */
  passwordMatches(idOrEmail: string, password: string): boolean {
    const record = this.find(idOrEmail);
    return record !== undefined && record.passwords.at(-1) === password;
  }

  /** How many password changes were applied to the user. */
  passwordChangeCount(idOrEmail: string): number {
    return this.find(idOrEmail)?.changes.length ?? 0;
  }

  /** Resolves the user named in a path: id, e-mail, or `me` (the token's user). */
  resolve(idOrEmail: string, caller: SimToken | null): UserRecord | undefined {
    if (idOrEmail === 'me') return caller === null ? undefined : this.usersById.get(caller.userId);
    return this.find(idOrEmail);
  }

  /**
   * Checks a password change the way Zoom would, after the user was found; applies it when allowed.
   * `self`: the path said `me` (the token's own user).
   * Returns the refusal, or null when the password was changed.
   */
  changePassword(target: UserRecord, password: string, o: { self: boolean }): ZoomRefusal | null {
    if (target.status === 'pending' && target.invitationExpired) return invitationExpired(target);
    // An admin app may not set an admin's or the owner's password; `me` (a user's own) is allowed.
    if (!o.self && (target.roleName === 'Owner' || target.roleName === 'Admin')) {
      return { status: 400, code: 1117, message: 'Can not update the password of the account owner or an admin.' };
    }
    if (!target.loginTypes.includes(LOGIN_TYPE.workEmail)) {
      return {
        status: 400,
        code: 1123,
        message: 'This user does not sign in with a Zoom work email; the password can not be changed.',
      };
    }
    const rules = refusePassword(password, this.currentPolicy);
    if (rules !== null) return rules;
    if (target.passwords.at(-1) === password) {
      return { status: 400, code: 300, message: 'The new password can not match the old password.' };
    }
    const history = this.currentPolicy.passwordHistoryCount;
    if (history > 0 && target.passwords.slice(-history).includes(password)) {
      return {
        status: 400,
        code: 1129,
        message: `Password has been used recently; you can not reuse any of your last ${history} passwords.`,
      };
    }
    const now = this.clock.now().getTime();
    const recent = target.changes.filter((t) => now - t < DAY_MS).length;
    if (recent >= this.maxChangesPer24h) {
      return {
        status: 400,
        code: 300,
        message: 'You have reached the maximum number of password changes allowed within 24 hours.',
      };
    }
    target.passwords.push(password);
    // Only what the history policy and the checks need stays in memory.
    if (target.passwords.length > 32) target.passwords.splice(0, target.passwords.length - 32);
    target.changes.push(now);
    target.changes.splice(0, Math.max(0, target.changes.length - 1000));
    return null;
  }

  /** A public view of a record; pending users whose invitation expired answer 1120 instead. */
  lookup(record: UserRecord): { view: SimUserView } | { refusal: ZoomRefusal } {
    if (record.status === 'pending' && record.invitationExpired) return { refusal: invitationExpired(record) };
    return { view: this.view(record) };
  }

  private find(idOrEmail: string): UserRecord | undefined {
    const byId = this.usersById.get(idOrEmail);
    if (byId !== undefined) return byId;
    const id = this.idByEmail.get(idOrEmail.toLowerCase());
    return id === undefined ? undefined : this.usersById.get(id);
  }

  private view(r: UserRecord): SimUserView {
    return {
      id: r.id,
      email: r.email,
      first_name: r.firstName,
      last_name: r.lastName,
      display_name: `${r.firstName} ${r.lastName}`,
      type: r.type,
      status: r.status,
      role_name: r.roleName,
      role_id: r.roleName === 'Owner' ? '0' : r.roleName === 'Admin' ? '1' : '2',
      login_types: [...r.loginTypes],
      account_id: this.accountId,
      created_at: r.createdAt,
      verified: r.status === 'pending' ? 0 : 1,
      timezone: 'Europe/London',
      language: 'en-US',
    };
  }
}

export type { UserRecord };

/** What GET /v2/users returns. */
export interface SimUserListPage {
  next_page_token: string;
  page_count: number;
  page_number: number;
  page_size: number;
  total_records: number;
  users: (Omit<SimUserView, 'login_types' | 'account_id'> & { user_created_at: string })[];
}

function decodePageToken(token: string | null): number {
  if (token === null || token === '') return 0;
  const match = /^offset:(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

function invitationExpired(record: UserRecord): ZoomRefusal {
  return { status: 400, code: 1120, message: `The invitation for ${record.email} has expired.` };
}
