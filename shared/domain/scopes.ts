/*
 * Which of the app's actions a token's scopes allow. Pure (no imports): the renderer shows them too.
 */

/** Whether a token allows an action: `unknown` when its scopes are not known (pasted tokens). */
export type Capability = 'allowed' | 'missing' | 'unknown';

export interface AppActionInfo {
  label: string;
  /** Any one of these allows the action: granular first (what to add), then classic. */
  scopes: readonly string[];
}

/**
 * The app's actions and the scopes that allow them (zoom-api.md). Classic `:write:` scopes include
 * reading, so they allow the read actions too.
 */
export const APP_ACTIONS = {
  changePasswords: {
    label: 'Change passwords',
    scopes: ['user:update:password:admin', 'user:write:admin'],
  },
  lookUpUsers: {
    label: 'Look up users',
    scopes: ['user:read:user:admin', 'user:read:admin', 'user:write:admin'],
  },
  readPasswordPolicy: {
    label: "Read the account's password policy",
    scopes: ['account:read:settings:admin', 'account:read:admin', 'account:write:admin'],
  },
} as const satisfies Record<string, AppActionInfo>;

export type AppAction = keyof typeof APP_ACTIONS;
export const APP_ACTION_NAMES = Object.keys(APP_ACTIONS) as AppAction[];

/** What each action needs, given the token's scopes (null: unknown, e.g. a pasted token). */
export function capabilitiesFor(scopes: readonly string[] | null): Record<AppAction, Capability> {
  const held = scopes === null ? null : new Set(scopes);
  const result = {} as Record<AppAction, Capability>;
  for (const action of APP_ACTION_NAMES) {
    result[action] =
      held === null ? 'unknown' : APP_ACTIONS[action].scopes.some((s) => held.has(s)) ? 'allowed' : 'missing';
  }
  return result;
}

/** The scope to add for an action (the granular one Zoom's current apps use). */
export function scopeToAdd(action: AppAction): string {
  return APP_ACTIONS[action].scopes[0];
}
