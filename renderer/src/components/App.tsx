import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { useAppInfo } from '../hooks/use-app-info';
import { useScreenShortcuts } from '../hooks/use-screen-shortcuts';
import { useTokenStatus } from '../hooks/use-token-status';
import { useWindowFocus } from '../hooks/use-window-focus';
import { SCREEN_META, SCREENS, type Screen } from '../screens';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { DemoBanner } from './DemoBanner';
import { ErrorCallout } from './ErrorCallout';
import { HistoryScreen } from './HistoryScreen';
import { NoticeBanner } from './NoticeBanner';
import { SettingsScreen } from './SettingsScreen';
import { SetupScreen } from './SetupScreen';
import { Sidebar } from './Sidebar';
import { StatusHeader } from './StatusHeader';

const TITLE_ID = 'screen-title';

/** The app frame: sidebar, status header, banners, and the current screen. */
export function App() {
  const { info, error: infoError, loaded: infoLoaded } = useAppInfo();
  const token = useTokenStatus();
  const [screen, setScreen] = useState<Screen>('change-password');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // Kept here so the last answer is still there after a look at the history.
  const [lastResult, setLastResult] = useState<HistoryEntry | null>(null);

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    // Move focus to the new screen's title so keyboard and screen-reader users land on it.
    window.requestAnimationFrame(() => document.getElementById(TITLE_ID)?.focus());
  }, []);
  useScreenShortcuts(SCREENS, navigate);
  // The token may have been stored or removed meanwhile (with zpa, or in the OS keychain tool).
  useWindowFocus(() => void token.refresh());

  const ready = infoLoaded && token.loaded;
  const modifierLabel = info?.platform === 'darwin' ? '⌘' : 'Ctrl';
  const needsSetup = token.status?.stored !== true;
  const title = screen === 'change-password' && needsSetup ? 'Set up access' : SCREEN_META[screen].title;
  const notices = (info?.notices ?? []).filter((n) => !dismissed.has(n.id));

  let content;
  if (!ready) {
    content = <div className="screen-loading" aria-busy="true" />;
  } else if (screen === 'history') {
    content = <HistoryScreen onStartChange={() => navigate('change-password')} />;
  } else if (screen === 'settings') {
    content = <SettingsScreen token={token} info={info} />;
  } else if (token.status?.stored === true) {
    content = (
      <ChangePasswordScreen
        result={lastResult}
        onResult={setLastResult}
        onOpenSettings={() => navigate('settings')}
        onTokenMissing={() => void token.refresh()}
      />
    );
  } else {
    content = <SetupScreen onStore={token.store} keychainError={token.error} />;
  }

  return (
    <div className="app" data-app-ready={ready ? 'true' : 'false'} data-screen={screen}>
      <Sidebar current={screen} onNavigate={navigate} modifierLabel={modifierLabel} version={info?.version ?? null} />
      <div className="app-main">
        <StatusHeader
          title={title}
          titleId={TITLE_ID}
          apiBase={info?.apiBase ?? null}
          tokenStatus={token.status}
          tokenError={token.error}
        />
        {info?.demo === true ? <DemoBanner apiBase={info.apiBase} /> : null}
        {notices.length === 0 && infoError === null ? null : (
          <div className="banners">
            {infoError === null ? null : <ErrorCallout error={infoError} title="The app could not start fully" />}
            {notices.map((notice) => (
              <NoticeBanner
                key={notice.id}
                notice={notice}
                onDismiss={(id) => setDismissed((prev) => new Set([...prev, id]))}
              />
            ))}
          </div>
        )}
        <main className={`screen screen-${screen}`} aria-labelledby={TITLE_ID}>
          {content}
        </main>
      </div>
    </div>
  );
}
