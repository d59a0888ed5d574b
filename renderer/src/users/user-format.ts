import type { ZoomUserView } from '../../../shared/domain/users';
import type { Tone } from '../format/outcome';

/** One or two letters for the avatar: first and last name, else the display name or e-mail. */
export function initials(user: Pick<ZoomUserView, 'firstName' | 'lastName' | 'displayName' | 'email'>): string {
  const first = user.firstName.trim();
  const last = user.lastName.trim();
  if (first !== '' || last !== '') return `${[...first][0] ?? ''}${[...last][0] ?? ''}`.toUpperCase();
  const words = (user.displayName.trim() || user.email).split(/[\s.@_-]+/).filter((w) => w !== '');
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? '')
    .join('')
    .toUpperCase();
}

/** The name to show: the display name, else first and last name, else the e-mail. */
export function userName(user: Pick<ZoomUserView, 'firstName' | 'lastName' | 'displayName' | 'email'>): string {
  return user.displayName.trim() || `${user.firstName} ${user.lastName}`.trim() || user.email;
}

/** Zoom's status word, capitalised: Active, Pending, Inactive; "Unknown" when Zoom said nothing. */
export function statusLabel(status: string | null): string {
  if (status === null || status.trim() === '') return 'Unknown';
  const s = status.trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Active is fine, pending needs an invitation accepted, inactive cannot sign in. */
export function statusTone(status: string | null): Tone {
  switch ((status ?? '').toLowerCase()) {
    case 'active':
      return 'success';
    case 'pending':
      return 'warning';
    case 'inactive':
      return 'danger';
    default:
      return 'neutral';
  }
}
