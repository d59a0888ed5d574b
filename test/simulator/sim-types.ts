/** Zoom login types (GET /users/{id} `login_types`): only 100 can hold a Zoom password. */
export const LOGIN_TYPE = {
  facebook: 0,
  google: 1,
  apple: 24,
  microsoft: 27,
  api: 99,
  workEmail: 100,
  sso: 101,
} as const;

export type SimRole = 'Owner' | 'Admin' | 'Member';
export type SimStatus = 'active' | 'inactive' | 'pending';

/** A user of the simulated account, as a test or the demo describes it. */
export interface SimUserSeed {
  /** Zoom user id (22 characters in real accounts). */
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** 1 Basic, 2 Licensed. Default 2. */
  type?: 1 | 2;
  /** Default 'active'. */
  status?: SimStatus;
  /** Default 'Member'. */
  roleName?: SimRole;
  /** Default [100] (Zoom work e-mail). */
  loginTypes?: number[];
  /** A pending user whose invitation expired: Zoom answers 1120. */
  invitationExpired?: boolean;
  /** Initial password; default: a random one (never printed) for users who can have one. */
  password?: string;
}

/** An access token the simulator accepts (or deliberately refuses). */
export interface SimToken {
  token: string;
  /** Rate limits are counted per account, as Zoom does. */
  accountId: string;
  /** The token's own user: what `me` resolves to. */
  userId: string;
  scopes: string[];
  /** Expired tokens answer 401/124. */
  expired?: boolean;
  /** When the token expires (ms since the epoch, on the simulator's clock); after that it answers 401/124. */
  expiresAt?: number;
  /** The code a missing scope answers with: 4711 (granular scopes, default) or 4700 (classic). */
  scopeErrorCode?: 4700 | 4711;
}

/** The account's password requirement (Account Settings > Security), plus the history count Zoom hides. */
export interface SimPolicy {
  /** 0 = off (Zoom's basic 8 applies), otherwise 8-14. */
  minimumPasswordLength: number;
  haveSpecialCharacter: boolean;
  /** 0 = off (Zoom's basic run of 6 applies), otherwise 4-8. */
  consecutiveCharactersLength: number;
  /** Dictionary check: refusals are 1136. */
  weakEnhanceDetection: boolean;
  /** Refuse the last N passwords (1129); 0 = off. */
  passwordHistoryCount: number;
}

/** Scopes that allow PUT /users/{id}/password (granular and classic). */
export const PASSWORD_SCOPES = ['user:update:password:admin', 'user:write:admin'] as const;
/** Scopes that allow GET /users/{id}. */
export const READ_USER_SCOPES = ['user:read:user:admin', 'user:read:admin'] as const;
/** Scopes that allow GET /users (list). */
export const LIST_USERS_SCOPES = ['user:read:list_users:admin', 'user:read:admin'] as const;
/** Scopes that allow GET /accounts/me/settings. */
export const READ_SETTINGS_SCOPES = ['account:read:settings:admin', 'account:read:admin'] as const;
