import { useState, type FormEvent } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { api, type UiError } from '../api/client';
import { emitHistoryChanged } from '../api/events';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { PasswordField } from './PasswordField';
import { Spinner } from './Spinner';

/**
 * After an `unknown` outcome: "Check" sends the same password once more. Zoom then either refuses it as the
 * current password (the first attempt applied: "Updated (confirmed)") or applies it now. The password is still
 * in this window only if the change was made here and the screen was not left; otherwise it is asked for again.
 */
export function CheckPanel({
  entry,
  password,
  onChecked,
}: {
  entry: HistoryEntry;
  /** The password sent in the unknown attempt, when this screen still holds it. */
  password: string | null;
  /** The check's own entry, and the password it sent (kept for another check if this one ends unknown too). */
  onChecked: (entry: HistoryEntry, password: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const toSend = password ?? typed;

  const check = async (event: FormEvent) => {
    event.preventDefault();
    if (toSend === '' || pending) return;
    setPending(true);
    setError(null);
    const result = await api.changePassword(entry.user, toSend, entry.account ?? undefined, { checkOf: entry.id });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setTyped('');
    emitHistoryChanged();
    onChecked(result.value.entry, toSend);
  };

  return (
    <form className="check-panel" data-testid="check-panel" onSubmit={(e) => void check(e)} noValidate>
      <p className="check-title">
        <Icon name="help" size={16} />
        Find out whether it applied
      </p>
      <p className="check-text">
        Check sends the same password once more. If Zoom refuses it as the current password, the first attempt worked;
        otherwise it is applied now. Either way the user ends up with this password.
      </p>
      {password === null ? (
        <PasswordField
          label="The password you sent"
          name="check-password"
          value={typed}
          onChange={setTyped}
          disabled={pending}
          hint="This window no longer holds it: type the same password again."
        />
      ) : null}
      {error === null ? null : <ErrorCallout error={error} title="The check was not sent" />}
      <div className="check-actions">
        <button type="submit" className="button button-primary" disabled={toSend === '' || pending} aria-busy={pending}>
          {pending ? <Spinner /> : <Icon name="refresh" size={16} />}
          {pending ? 'Checking…' : 'Check'}
        </button>
      </div>
    </form>
  );
}
