import type { CSSProperties } from 'react';
import type { ZoomUserView } from '../../../shared/domain/users';
import { statusLabel, statusTone, userName } from '../users/user-format';
import { UserAvatar } from './UserAvatar';

/** One user in the Browse users list: who they are, their role and status. */
export function UserDirectoryOption({
  id,
  user,
  active,
  style,
  onHover,
  onPick,
}: {
  id: string;
  user: ZoomUserView;
  active: boolean;
  style: CSSProperties;
  onHover: () => void;
  onPick: () => void;
}) {
  const tone = statusTone(user.status);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className="directory-option"
      style={style}
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onPick}
    >
      <UserAvatar user={user} size="small" />
      <span className="directory-who">
        <span className="directory-name">{userName(user)}</span>
        <span className="directory-email">{user.email || user.id}</span>
      </span>
      <span className="directory-meta">
        <span className="directory-role">
          {[user.roleName, user.typeLabel === 'unknown' ? null : user.typeLabel].filter((t) => t !== null).join(' · ')}
        </span>
        {/* The list holds active users; any other status is worth a look before picking. */}
        {tone === 'success' ? null : <span className={`pill pill-${tone}`}>{statusLabel(user.status)}</span>}
      </span>
    </li>
  );
}
