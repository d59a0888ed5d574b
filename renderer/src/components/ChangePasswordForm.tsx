import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { checkUserId, type UserIdCheck } from '../../../shared/domain/user-id';
import type { ZoomUserView } from '../../../shared/domain/users';
import type { AccountView } from '../accounts/account-model';
import { api, type UiError } from '../api/client';
import { emitHistoryChanged } from '../api/events';
import { useNewPassword } from '../hooks/use-new-password';
import { useRecentUsers } from '../hooks/use-recent-users';
import { useUserLookup } from '../hooks/use-user-lookup';
import { lookupBlock, strengthInputs } from '../users/lookup-block';
import { submitHint } from '../users/submit-hint';
import { ChangeFormFooter } from './ChangeFormFooter';
import { ChangeFormHeader } from './ChangeFormHeader';
import { EligibilityBlock } from './EligibilityBlock';
import { ErrorCallout } from './ErrorCallout';
import { NewPasswordSection } from './NewPasswordSection';
import { ReasonField } from './ReasonField';
import { UserBrowserDialog } from './UserBrowserDialog';
import { UserField } from './UserField';
import { UserLookupCard } from './UserLookupCard';

/**
 * Pick a user (checked against Zoom as it is typed), type or generate the new password (checked against the
 * account's rules as it is typed), send it. The passwords live in state only while they are typed: both fields
 * are emptied the moment the request is handed to main, and given back only if main sent nothing.
 */
export function ChangePasswordForm({
  account,
  onAnswer,
  onOpenAccounts,
  onAccountProblem,
}: {
  account: AccountView | null;
  /** Zoom answered (or the request failed on the way): the entry, and the password that was sent. */
  onAnswer: (entry: HistoryEntry, password: string) => void;
  onOpenAccounts: () => void;
  onAccountProblem: () => void;
}) {
  const { users: recentUsers } = useRecentUsers();
  const accountId = account?.id;
  const [user, setUser] = useState('');
  const [userTouched, setUserTouched] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [browsing, setBrowsing] = useState(false);
  const [picks, setPicks] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);

  const userCheck = useMemo(() => checkUserId(user), [user]);
  const lookup = useUserLookup(lookupQuery(userCheck), accountId);
  const fields = useNewPassword(accountId);
  const { password, check: passwordCheck, matches } = fields;
  const userInputs = useMemo(() => strengthInputs(lookup.state, user), [lookup.state, user]);
  const block = lookupBlock(lookup.state);
  const ready = userCheck.ok && passwordCheck.ok && matches && !pending;
  const canSubmit = ready && block === null;
  const ineligibleError = error?.code === 'ineligible' ? error : null;
  const userServerError = error?.field === 'user' && ineligibleError === null ? error.message : null;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);

  const send = async (force: boolean) => {
    if (!ready || !userCheck.ok || (block !== null && !force)) return;
    const newPassword = fields.take();
    setError(null);
    setPending(true);
    const trimmedReason = reason.trim();
    const answer = await api.changePassword(userCheck.value, newPassword, accountId, {
      ...(trimmedReason === '' ? {} : { reason: trimmedReason }),
      ...(force ? { force: true } : {}),
    });
    setPending(false);
    if (answer.ok) {
      setReason('');
      onAnswer(answer.value.entry, newPassword);
      emitHistoryChanged();
      return;
    }
    // Main sent nothing: the admin gets back what they typed, to correct it or to send anyway.
    fields.restore(newPassword);
    setError(answer.error);
    if (answer.error.code === 'ineligible') lookup.reload();
    if (answer.error.code === 'no_token' || answer.error.field === 'account') onAccountProblem();
    if (answer.error.field === 'user' && answer.error.code !== 'ineligible') userRef.current?.focus();
    else if (answer.error.field === 'password') passwordRef.current?.focus();
  };

  const pickFromDirectory = (picked: ZoomUserView) => {
    const value = picked.email || picked.id;
    setUser(value);
    setBrowsing(false);
    lookup.lookupNow(value);
    if (error?.field === 'user') setError(null);
    setPicks((n) => n + 1);
  };
  // After a pick the next step is the password. This runs after the dialog's own effect has closed it (and
  // handed focus back to its button).
  useEffect(() => {
    if (picks > 0) passwordRef.current?.focus();
  }, [picks]);

  const sendAnyway = { canSend: ready, sending: pending, onSendAnyway: () => void send(true) };

  return (
    <>
      <form
        className="card change-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void send(false);
        }}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'b' && !pending) {
            e.preventDefault();
            setBrowsing(true);
          }
        }}
        aria-busy={pending}
        aria-labelledby="change-form-title"
        noValidate
      >
        <ChangeFormHeader account={account} />
        <div className="card-body">
          <div className="user-section">
            <UserField
              value={user}
              onChange={(value) => {
                setUser(value);
                if (error?.field === 'user') setError(null);
              }}
              onPick={lookup.lookupNow}
              onBrowse={() => setBrowsing(true)}
              recentUsers={recentUsers}
              check={userCheck}
              showError={userTouched && user !== ''}
              serverError={userServerError}
              disabled={pending}
              onBlur={() => setUserTouched(true)}
              inputRef={userRef}
            />
            <UserLookupCard state={lookup.state} onReload={lookup.reload} sendAnyway={sendAnyway} />
            {ineligibleError === null || block !== null ? null : (
              <EligibilityBlock
                title="Nothing was sent: Zoom would refuse this change"
                reason={ineligibleError.message}
                code={null}
                {...sendAnyway}
              />
            )}
          </div>
          <NewPasswordSection
            resetKey={fields.generation}
            password={password}
            confirmation={fields.confirmation}
            onPassword={fields.setPassword}
            onConfirmation={fields.setConfirmation}
            onGenerated={fields.generated}
            visible={fields.visible}
            onVisibleChange={fields.setVisible}
            check={passwordCheck}
            policy={fields.policy}
            effectivePolicy={fields.effectivePolicy}
            estimator={fields.estimator}
            userInputs={userInputs}
            disabled={pending}
            passwordRef={passwordRef}
          />
          <ReasonField value={reason} onChange={setReason} disabled={pending} error={fieldError('reason')} />
          {error === null || error.field === 'user' || error.field === 'reason' || ineligibleError !== null ? null : (
            <ErrorCallout error={error} title="Nothing was sent to Zoom">
              {error.code === 'no_token' ? (
                <button type="button" className="button button-small" onClick={onOpenAccounts}>
                  Open Accounts
                </button>
              ) : null}
            </ErrorCallout>
          )}
        </div>
        <ChangeFormFooter
          hint={submitHint({
            pending,
            userOk: userCheck.ok,
            blocked: block !== null,
            password,
            check: passwordCheck,
            matches,
          })}
          ready={canSubmit}
          pending={pending}
        />
      </form>
      <UserBrowserDialog
        open={browsing}
        account={accountId}
        accountName={account?.name ?? null}
        onPick={pickFromDirectory}
        onClose={() => setBrowsing(false)}
      />
    </>
  );
}

/** Zoom user IDs are 22 characters; shorter words are more likely a name being typed to filter recent users. */
const MIN_LOOKUP_ID_LENGTH = 16;

/**
 * What to look up as the field is typed: e-mails, "me" and full-length IDs. Anything shorter is still checked
 * by main before sending; it just gets no card while it is typed.
 */
function lookupQuery(check: UserIdCheck): string | null {
  if (!check.ok) return null;
  return check.kind !== 'id' || check.value.length >= MIN_LOOKUP_ID_LENGTH ? check.value : null;
}
