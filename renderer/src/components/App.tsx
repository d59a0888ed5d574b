import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { UiError } from '../api/client';
import { useAccounts } from '../hooks/use-accounts';
import { useAppInfo } from '../hooks/use-app-info';
import { useBulkRuns } from '../hooks/use-bulk-runs';
import { useBulkSession } from '../hooks/use-bulk-session';
import { useScreenShortcuts } from '../hooks/use-screen-shortcuts';
import { useWindowFocus } from '../hooks/use-window-focus';
import { SCREEN_META, SCREENS, type Screen } from '../screens';
import { AccountSwitcher } from './AccountSwitcher';
import { AccountsScreen } from './AccountsScreen';
import { BulkScreen } from './BulkScreen';
import { ChangePasswordScreen } from './ChangePasswordScreen';
import { DemoBanner } from './DemoBanner';
import { ErrorCallout } from './ErrorCallout';
import { HistoryScreen } from './HistoryScreen';
import { InterruptedRunBanner } from './InterruptedRunBanner';
import { NoticeBanner } from './NoticeBanner';
import { SettingsScreen } from './SettingsScreen';
import { SetupScreen } from './SetupScreen';
import { Sidebar } from './Sidebar';
import { StatusHeader } from './StatusHeader';

const TITLE_ID = 'screen-title';

/** The app frame: sidebar, header with the account switcher, banners, and the current screen. */
export function App() {
  const { info, error: infoError, loaded: infoLoaded } = useAppInfo();
  const accounts = useAccounts();
  const [screen, setScreen] = useState<Screen>('change-password');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [switchError, setSwitchError] = useState<UiError | null>(null);
  const [addRequested, setAddRequested] = useState(false);
  // Kept here so the last answer is still there after a look at the history.
  const [lastResult, setLastResult] = useState<HistoryEntry | null>(null);
  // Kept here too, so a run or a preview is still on the Bulk screen after a look elsewhere.
  const bulkSession = useBulkSession();
  const bulkRuns = useBulkRuns();

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    // Move focus to the new screen's title so keyboard and screen-reader users land on it.
    window.requestAnimationFrame(() => document.getElementById(TITLE_ID)?.focus());
  }, []);
  useScreenShortcuts(SCREENS, navigate);
  // Accounts may have changed meanwhile (with zpa, or in the OS keychain tool).
  useWindowFocus(() => void accounts.refresh());
  const clearAddRequest = useCallback(() => setAddRequested(false), []);

  const switchTo = async (id: string) => {
    const result = await accounts.activate(id);
    setSwitchError(result.ok ? null : result.error);
  };

  const ready = infoLoaded && accounts.loaded;
  const modifierLabel = info?.platform === 'darwin' ? '⌘' : 'Ctrl';
  const needsSetup = accounts.accounts.length === 0;
  const title = screen === 'change-password' && needsSetup ? 'Set up access' : SCREEN_META[screen].title;
  const notices = (info?.notices ?? []).filter((n) => !dismissed.has(n.id));
  const interrupted = screen === 'bulk' ? undefined : bulkRuns.resumable.find((run) => !dismissed.has(run.runId));

  let content;
  if (!ready) {
    content = <div className="screen-loading" aria-busy="true" />;
  } else if (screen === 'history') {
    content = <HistoryScreen onStartChange={() => navigate('change-password')} />;
  } else if (screen === 'settings') {
    content = <SettingsScreen info={info} active={accounts.active} onManageAccounts={() => navigate('accounts')} />;
  } else if (screen === 'bulk') {
    content = (
      <BulkScreen
        session={bulkSession}
        runs={bulkRuns}
        account={accounts.active}
        modifierLabel={modifierLabel}
        onOpenAccounts={() => navigate('accounts')}
      />
    );
  } else if (screen === 'accounts') {
    content = <AccountsScreen accounts={accounts} addRequested={addRequested} onAddHandled={clearAddRequest} />;
  } else if (needsSetup) {
    content = <SetupScreen onAdded={() => void accounts.refresh()} error={accounts.error} />;
  } else {
    content = (
      <ChangePasswordScreen
        account={accounts.active}
        result={lastResult}
        onResult={setLastResult}
        onOpenAccounts={() => navigate('accounts')}
        onOpenSettings={() => navigate('settings')}
        onAccountProblem={() => void accounts.refresh()}
      />
    );
  }

  return (
    <div className="app" data-app-ready={ready ? 'true' : 'false'} data-screen={screen}>
      <Sidebar current={screen} onNavigate={navigate} modifierLabel={modifierLabel} version={info?.version ?? null} />
      <div className="app-main">
        <StatusHeader title={title} titleId={TITLE_ID}>
          <AccountSwitcher
            accounts={accounts.accounts}
            active={accounts.active}
            error={accounts.error}
            onSwitch={(id) => void switchTo(id)}
            onManage={() => navigate('accounts')}
            onAdd={() => {
              setAddRequested(true);
              navigate('accounts');
            }}
          />
        </StatusHeader>
        {info?.demo === true ? <DemoBanner apiBase={info.apiBase} /> : null}
        {notices.length === 0 && infoError === null && switchError === null && interrupted === undefined ? null : (
          <div className="banners">
            {infoError === null ? null : <ErrorCallout error={infoError} title="The app could not start fully" />}
            {switchError === null ? null : <ErrorCallout error={switchError} title="The account was not switched" />}
            {interrupted === undefined ? null : (
              <InterruptedRunBanner
                run={interrupted}
                onReview={() => navigate('bulk')}
                onDismiss={() => setDismissed((prev) => new Set([...prev, interrupted.runId]))}
              />
            )}
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
