import { SCREEN_META, SCREENS, type Screen } from '../screens';
import { Icon } from './Icon';

/** The left navigation: one entry per screen, with its keyboard shortcut. */
export function Sidebar({
  current,
  onNavigate,
  modifierLabel,
  version,
}: {
  current: Screen;
  onNavigate: (screen: Screen) => void;
  modifierLabel: string;
  version: string | null;
}) {
  return (
    <aside className="sidebar">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          <Icon name="key" size={18} />
        </span>
        <span className="brand-text">
          <span className="brand-name">Zoom Password Admin</span>
          {version === null ? null : <span className="brand-version">Version {version}</span>}
        </span>
      </div>
      <nav className="sidebar-nav" aria-label="Screens">
        <ul>
          {SCREENS.map((screen, index) => {
            const meta = SCREEN_META[screen];
            const shortcut = `${modifierLabel}+${index + 1}`;
            return (
              <li key={screen}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={screen === current ? 'page' : undefined}
                  aria-keyshortcuts={modifierLabel === '⌘' ? `Meta+${index + 1}` : `Control+${index + 1}`}
                  title={`${meta.label} (${shortcut})`}
                  onClick={() => onNavigate(screen)}
                  data-screen={screen}
                >
                  <Icon name={meta.icon} size={18} />
                  <span className="nav-label">{meta.label}</span>
                  <kbd className="nav-shortcut">{shortcut}</kbd>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </aside>
  );
}
