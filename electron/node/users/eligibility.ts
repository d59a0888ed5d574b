import type { ZoomUser } from './zoom-user';

/** Zoom's `login_types` values (zoom-api.md "Finding the right user first"). */
export const LOGIN_TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'Facebook',
  1: 'Google',
  24: 'Apple',
  27: 'Microsoft',
  99: 'API',
  100: 'Zoom work e-mail and password',
  101: 'SSO (single sign-on)',
};

/** The login type that has a Zoom password. */
export const WORK_EMAIL_LOGIN = 100;

/** Whether Zoom will let an admin set this user's password, and why not in plain words. */
export interface Eligibility {
  eligible: boolean;
  reason: string | null;
  /** The Zoom error code a change would meet (1117 admin/owner, 1123 no Zoom password); null otherwise. */
  code: 1117 | 1123 | null;
}

/** The user's sign-in methods in words, e.g. "SSO (single sign-on), Google"; "unknown" when not known. */
export function describeLoginTypes(loginTypes: readonly number[] | null): string {
  if (loginTypes === null) return 'unknown';
  if (loginTypes.length === 0) return 'none';
  return loginTypes.map((t) => LOGIN_TYPE_NAMES[t] ?? `other (${t})`).join(', ');
}

function isAdminOrOwner(user: Pick<ZoomUser, 'roleName' | 'roleId'>): 'owner' | 'admin' | null {
  const role = (user.roleName ?? '').trim().toLowerCase();
  if (role === 'owner' || user.roleId === '0') return 'owner';
  if (role === 'admin' || user.roleId === '1') return 'admin';
  return null;
}

/**
 * Whether a password change for this user can succeed, judged from GET /users/{id} before sending,
 * in Zoom's own order: role first (1117), then sign-in method (1123), then account status.
 * Unknown login types (list items) do not block: Zoom will answer for them. `self`: the change is
 * for `me` (the token's own user), which Zoom allows whatever the role.
 */
export function eligibility(
  user: Pick<ZoomUser, 'roleName' | 'roleId' | 'loginTypes' | 'status' | 'displayName' | 'email'>,
  o: { self?: boolean } = {},
): Eligibility {
  const who = user.displayName.trim() || user.email || 'This user';
  const role = o.self === true ? null : isAdminOrOwner(user);
  if (role !== null) {
    return {
      eligible: false,
      code: 1117,
      reason: `${who} is the account ${role}: Zoom does not let an admin change the password of an admin or the owner. They must change it themselves.`,
    };
  }
  if (user.loginTypes !== null && !user.loginTypes.includes(WORK_EMAIL_LOGIN)) {
    return {
      eligible: false,
      code: 1123,
      reason: `${who} signs in only with ${describeLoginTypes(user.loginTypes)}, not a Zoom work e-mail and password, so there is no Zoom password to set. Change it with that sign-in provider.`,
    };
  }
  const status = (user.status ?? '').toLowerCase();
  if (status === 'pending') {
    return {
      eligible: false,
      code: null,
      reason: `${who} has not accepted the invitation to the account yet, so there is no password to change. Resend the invitation instead.`,
    };
  }
  if (status === 'inactive') {
    return {
      eligible: false,
      code: null,
      reason: `${who} is deactivated: they cannot sign in until an admin reactivates them in Zoom.`,
    };
  }
  return { eligible: true, code: null, reason: null };
}
