import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { checkUserId } from '../../../shared/domain/user-id';
import { checkPassword } from '../../../shared/password/rules';
import { CLOUD_LABELS, type AccountView } from '../accounts/account-model';
import { api, type UiError } from '../api/client';
import { emitHistoryChanged } from '../api/events';
import { matchItem, toChecklist } from '../format/checklist';
import { useRecentUsers } from '../hooks/use-recent-users';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { PasswordField } from './PasswordField';
import { ResultPanel } from './ResultPanel';
import { ResultPlaceholder } from './ResultPlaceholder';
import { RuleChecklist } from './RuleChecklist';
import { Spinner } from './Spinner';
import { UserField } from './UserField';

/**
 * Pick a user, type the new password twice, send it. The passwords live in state only while they are typed:
 * both fields are emptied the moment the request is handed to main.
 */
export function ChangePasswordScreen({
  account,
  result,
  onResult,
  onOpenAccounts,
  onAccountProblem,
}: {
  /** The account the change runs against (the active one). */
  account: AccountView | null;
  result: HistoryEntry | null;
  onResult: (entry: HistoryEntry) => void;
  onOpenAccounts: () => void;
  /** Main said the account or its secret is gone: reload what the header shows. */
  onAccountProblem: () => void;
}) {
  const { users: recentUsers } = useRecentUsers();
  const [user, setUser] = useState('');
  const [userTouched, setUserTouched] = useState(false);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  // Remounting the password fields after a submit also hides any password that was shown.
  const [generation, setGeneration] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const [answeredHere, setAnsweredHere] = useState(false);
  const checklistId = useId();
  const hintId = useId();

  const userCheck = useMemo(() => checkUserId(user), [user]);
  const passwordCheck = useMemo(() => checkPassword(password), [password]);
  const items = [...toChecklist(passwordCheck.rules, password !== ''), matchItem(password, confirmation)];
  const matches = password === confirmation;
  const canSubmit = userCheck.ok && passwordCheck.ok && matches && !pending;
  const userServerError = error?.field === 'user' ? error.message : null;

  const hint = pending
    ? 'Waiting for Zoom…'
    : !userCheck.ok
      ? 'Enter the user first.'
      : password === ''
        ? 'Type the new password twice.'
        : !passwordCheck.ok
          ? 'The new password does not meet all of Zoom’s rules yet.'
          : !matches
            ? 'The two passwords do not match.'
            : 'Ready. Press Enter or click Change password.';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!canSubmit || !userCheck.ok) return;
    const newPassword = password;
    setPassword('');
    setConfirmation('');
    setGeneration((g) => g + 1);
    setError(null);
    setPending(true);
    const answer = await api.changePassword(userCheck.value, newPassword, account?.id);
    setPending(false);
    if (answer.ok) {
      setAnsweredHere(true);
      onResult(answer.value.entry);
      emitHistoryChanged();
      return;
    }
    setError(answer.error);
    if (answer.error.code === 'no_token' || answer.error.field === 'account') onAccountProblem();
    if (answer.error.field === 'user') userRef.current?.focus();
    else passwordRef.current?.focus();
  };

  return (
    <div className="change-layout">
      <form
        className="card change-form"
        onSubmit={(e) => void submit(e)}
        aria-busy={pending}
        aria-labelledby="change-form-title"
        noValidate
      >
        <div className="card-header">
          <h2 id="change-form-title" className="card-title">
            Set a new password
          </h2>
          <p className="card-subtitle">Zoom e-mails the user when their password changes.</p>
          {account === null ? null : (
            <p className="runs-against" data-testid="runs-against">
              <Icon name="building" size={14} />
              <span>
                Runs against <strong>{account.name}</strong> ({CLOUD_LABELS[account.cloud]})
              </span>
            </p>
          )}
        </div>
        <div className="card-body">
          <UserField
            value={user}
            onChange={(value) => {
              setUser(value);
              if (error?.field === 'user') setError(null);
            }}
            recentUsers={recentUsers}
            check={userCheck}
            showError={userTouched && user !== ''}
            serverError={userServerError}
            disabled={pending}
            onBlur={() => setUserTouched(true)}
            inputRef={userRef}
          />
          <div className="password-grid">
            <div className="password-fields" key={generation}>
              <PasswordField
                label="New password"
                name="new-password"
                value={password}
                onChange={setPassword}
                disabled={pending}
                describedBy={checklistId}
                invalid={password !== '' && !passwordCheck.ok}
                inputRef={passwordRef}
              />
              <PasswordField
                label="Confirm new password"
                name="confirm-password"
                value={confirmation}
                onChange={setConfirmation}
                disabled={pending}
                describedBy={checklistId}
                invalid={confirmation !== '' && !matches}
              />
            </div>
            <RuleChecklist id={checklistId} items={items} />
          </div>
          {error === null || error.field === 'user' ? null : (
            <ErrorCallout error={error} title="Nothing was sent to Zoom">
              {error.code === 'no_token' ? (
                <button type="button" className="button button-small" onClick={onOpenAccounts}>
                  Open Accounts
                </button>
              ) : null}
            </ErrorCallout>
          )}
        </div>
        <div className="card-footer">
          <p id={hintId} className={`footer-hint${canSubmit ? ' is-ready' : ''}`}>
            {hint}
          </p>
          <button
            type="submit"
            className="button button-primary button-large"
            disabled={!canSubmit}
            aria-busy={pending}
            aria-describedby={hintId}
          >
            {pending ? <Spinner /> : <Icon name="key" size={16} />}
            {pending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
      <div className="result-column" aria-live="polite">
        {result === null ? (
          <ResultPlaceholder />
        ) : (
          <ResultPanel key={result.id} entry={result} onOpenSettings={onOpenAccounts} focusTitle={answeredHere} />
        )}
      </div>
    </div>
  );
}
