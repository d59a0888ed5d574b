import { useId, useRef, useState, type FormEvent } from 'react';
import { tokenSchema, type IpcResult, type TokenStatus } from '../../../shared/ipc/contract';
import type { UiError } from '../api/client';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

const FIELD_ERRORS = new Set(['invalid_input', 'invalid_request']);

/**
 * Paste a token and store it in the keychain. The pasted value lives in this form only until it is stored;
 * nothing ever reads it back.
 */
export function TokenForm({
  submitLabel,
  onStore,
  onStored,
  onCancel,
  autoFocus = false,
  keychainError = null,
}: {
  submitLabel: string;
  onStore: (token: string) => Promise<IpcResult<TokenStatus>>;
  onStored?: (status: TokenStatus) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** A keychain problem found before anything was pasted; replaced by the answer to the next attempt. */
  keychainError?: UiError | null;
}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [pending, setPending] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const fieldError = error !== null && FIELD_ERRORS.has(error.code) ? error : null;
  const otherError = error !== null && fieldError === null ? error : null;
  const shownError = otherError ?? (error === null ? keychainError : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const parsed = tokenSchema.safeParse(token);
    if (!parsed.success) {
      setError({ code: 'invalid_input', message: parsed.error.issues[0]?.message ?? 'Check the pasted token.' });
      inputRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const result = await onStore(parsed.data);
    setPending(false);
    if (result.ok) {
      setToken('');
      onStored?.(result.value);
    } else {
      setError(result.error);
      if (FIELD_ERRORS.has(result.error.code)) inputRef.current?.focus();
    }
  };

  return (
    <form className="token-form" onSubmit={(e) => void submit(e)} aria-busy={pending} noValidate>
      <div className="field">
        <label htmlFor={inputId} className="field-label">
          Access token
        </label>
        <div className="input-with-icon">
          <Icon name="lock" size={16} className="input-icon" />
          <input
            ref={inputRef}
            id={inputId}
            className="input input-mono"
            type="password"
            name="zoom-access-token"
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            value={token}
            onChange={(e) => {
              setToken(e.target.value);
              if (fieldError !== null) setError(null);
            }}
            disabled={pending}
            aria-invalid={fieldError !== null}
            aria-describedby={fieldError === null ? hintId : `${errorId} ${hintId}`}
            placeholder="Paste the token here"
          />
        </div>
        {fieldError === null ? null : (
          <p id={errorId} className="field-error" role="alert">
            <Icon name="alert" size={14} />
            {fieldError.message}
          </p>
        )}
        <p id={hintId} className="field-hint">
          Stored in your operating system&apos;s keychain. It is never shown again, here or anywhere else.
        </p>
      </div>
      {shownError === null ? null : (
        <ErrorCallout
          error={shownError}
          title={otherError === null ? 'The keychain cannot be read' : 'The token was not stored'}
        />
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} aria-busy={pending}>
          {pending ? <Spinner /> : <Icon name="lock" size={16} />}
          {pending ? 'Storing…' : submitLabel}
        </button>
        {onCancel === undefined ? null : (
          <button type="button" className="button" onClick={onCancel} disabled={pending}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
