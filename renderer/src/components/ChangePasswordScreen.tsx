import { useState } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import type { AccountView } from '../accounts/account-model';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CheckPanel } from './CheckPanel';
import { HandoffPanel } from './HandoffPanel';
import { ResultPanel } from './ResultPanel';
import { ResultPlaceholder } from './ResultPlaceholder';

/**
 * The change form and, beside it, Zoom's answer with what can be done next: copy the new password once after a
 * change, or check a change whose outcome is unknown. The password of an unknown change stays in this screen
 * (never on disk) so the check can resend it; leaving the screen forgets it.
 */
export function ChangePasswordScreen({
  account,
  result,
  onResult,
  onOpenAccounts,
  onOpenSettings,
  onAccountProblem,
}: {
  /** The account the change runs against (the active one). */
  account: AccountView | null;
  result: HistoryEntry | null;
  onResult: (entry: HistoryEntry) => void;
  onOpenAccounts: () => void;
  onOpenSettings: () => void;
  /** Main said the account or its secret is gone: reload what the header shows. */
  onAccountProblem: () => void;
}) {
  const [answeredHere, setAnsweredHere] = useState(false);
  const [retained, setRetained] = useState<{ entryId: string; password: string } | null>(null);

  const onAnswer = (entry: HistoryEntry, password: string) => {
    setAnsweredHere(true);
    setRetained(entry.outcome === 'unknown' ? { entryId: entry.id, password } : null);
    onResult(entry);
  };

  return (
    <div className="change-layout">
      <ChangePasswordForm
        account={account}
        onAnswer={onAnswer}
        onOpenAccounts={onOpenAccounts}
        onAccountProblem={onAccountProblem}
      />
      <div className="result-column" aria-live="polite">
        {result === null ? (
          <ResultPlaceholder />
        ) : (
          <ResultPanel key={result.id} entry={result} onOpenSettings={onOpenAccounts} focusTitle={answeredHere}>
            {result.outcome === 'updated' ? <HandoffPanel entry={result} onOpenSettings={onOpenSettings} /> : null}
            {result.outcome === 'unknown' ? (
              <CheckPanel
                entry={result}
                password={retained?.entryId === result.id ? retained.password : null}
                onChecked={onAnswer}
              />
            ) : null}
          </ResultPanel>
        )}
      </div>
    </div>
  );
}
