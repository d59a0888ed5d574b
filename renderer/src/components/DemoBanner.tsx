import { Icon } from './Icon';

/** Always visible in demo mode, so nobody mistakes the simulator for their Zoom account. */
export function DemoBanner({ apiBase }: { apiBase: string }) {
  return (
    <div className="banner banner-demo" role="note" aria-label="Demo mode">
      <Icon name="flask" size={18} className="banner-icon" />
      <div className="banner-text">
        <strong>Demo mode.</strong>
        <span>
          Requests go to the bundled Zoom simulator at <code>{apiBase}</code>; no real Zoom account is changed.
        </span>
      </div>
    </div>
  );
}
