import { useId, useState, type FormEvent } from 'react';
import { MAX_CLIPBOARD_CLEAR_SECONDS, type Preferences } from '../../../shared/ipc/contract';
import { usePreferences } from '../hooks/use-preferences';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

function secondsProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return 'Enter a whole number of seconds (0 for never).';
  if (Number(trimmed) > MAX_CLIPBOARD_CLEAR_SECONDS) {
    return `Enter 0 to ${MAX_CLIPBOARD_CLEAR_SECONDS} seconds (one hour at most).`;
  }
  return null;
}

/** Settings > Clipboard: how long a copied new password may stay on the clipboard. */
export function ClipboardCard() {
  const prefs = usePreferences();
  const stored = prefs.state.preferences;
  // The form starts from what is stored, once that is known (and again after each save).
  return <ClipboardForm key={stored === undefined ? 'loading' : String(stored.clipboardClearSeconds)} {...prefs} />;
}

function ClipboardForm({ state, save, clearSaved }: ReturnType<typeof usePreferences>) {
  const stored = state.preferences;
  const [text, setText] = useState(String(stored?.clipboardClearSeconds ?? ''));
  const id = useId();
  const problem = stored === undefined ? null : secondsProblem(text);
  const changed = stored !== undefined && problem === null && Number(text.trim()) !== stored.clipboardClearSeconds;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!changed) return;
    const next: Preferences = { ...stored, clipboardClearSeconds: Number(text.trim()) };
    await save(next);
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="clipboard-card">
      <div className="card-header">
        <h2 id={`${id}-title`} className="card-title">
          Clipboard
        </h2>
        <p className="card-subtitle">
          After a new password is copied, the app clears the clipboard again, if it still holds that password.
        </p>
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="card-body">
          <div className="inline-setting">
            <label htmlFor={`${id}-seconds`}>Clear the clipboard after</label>
            <input
              id={`${id}-seconds`}
              className="input input-small"
              type="text"
              inputMode="numeric"
              value={text}
              disabled={stored === undefined || state.saving}
              aria-invalid={problem !== null}
              aria-describedby={`${id}-hint${problem === null ? '' : ` ${id}-problem`}`}
              onChange={(e) => {
                setText(e.target.value);
                clearSaved();
              }}
            />
            <span>seconds</span>
          </div>
          <p id={`${id}-hint`} className="field-hint">
            0 never clears it. The default is 30 seconds; at most one hour.
          </p>
          {problem === null ? null : (
            <p id={`${id}-problem`} className="field-error" role="alert">
              <Icon name="alert" size={14} />
              {problem}
            </p>
          )}
          {state.saved && stored !== undefined ? (
            <p className="setting-saved" role="status" data-testid="clipboard-saved">
              <Icon name="check-circle" size={15} />
              {stored.clipboardClearSeconds === 0
                ? 'Saved: copied passwords stay on the clipboard until something else is copied.'
                : `Saved: the clipboard is cleared ${stored.clipboardClearSeconds} seconds after a copy.`}
            </p>
          ) : null}
          {state.error === null ? null : <ErrorCallout error={state.error} title="The setting was not saved" />}
        </div>
        <div className="card-footer">
          <button type="submit" className="button button-primary" disabled={!changed || state.saving}>
            {state.saving ? <Spinner /> : null}
            Save
          </button>
        </div>
      </form>
    </section>
  );
}
