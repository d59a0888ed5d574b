import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** A centred message for screens with nothing to show yet, with the next step as a button. */
export function EmptyState({
  icon,
  title,
  children,
  action,
}: {
  icon: IconName;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty-state" role="status">
      <span className="empty-state-icon">
        <Icon name={icon} size={28} />
      </span>
      <h2 className="empty-state-title">{title}</h2>
      <p className="empty-state-text">{children}</p>
      {action}
    </div>
  );
}
