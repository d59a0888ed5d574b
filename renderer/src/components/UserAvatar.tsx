import type { ZoomUserView } from '../../../shared/domain/users';
import { initials } from '../users/user-format';

/** The user's initials in a circle; decorative (the name is always next to it). */
export function UserAvatar({
  user,
  size = 'normal',
}: {
  user: Pick<ZoomUserView, 'firstName' | 'lastName' | 'displayName' | 'email'>;
  size?: 'normal' | 'small';
}) {
  return (
    <span className={`icon-disc avatar avatar-${size}`} aria-hidden="true">
      {initials(user) || '?'}
    </span>
  );
}
