import type { Notice } from '../../../shared/ipc/contract';
import { Icon } from './Icon';
import { RichText } from './RichText';

const ICONS = { info: 'info', warning: 'alert', error: 'x-circle' } as const;

/** A start-up notice from main (a recovered settings file, a keychain problem), until dismissed. */
export function NoticeBanner({ notice, onDismiss }: { notice: Notice; onDismiss: (id: string) => void }) {
  return (
    <div className={`banner banner-${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
      <Icon name={ICONS[notice.level]} size={18} className="banner-icon" />
      <div className="banner-text">
        <span>
          <RichText text={notice.message} />
        </span>
        {notice.action === undefined ? null : (
          <span className="banner-action">
            <RichText text={notice.action} />
          </span>
        )}
      </div>
      <button
        type="button"
        className="button button-icon button-quiet"
        onClick={() => onDismiss(notice.id)}
        aria-label="Dismiss notice"
        title="Dismiss"
      >
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}
