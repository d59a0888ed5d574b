import { useId, type ReactNode, type Ref } from 'react';
import { Icon } from './Icon';

/** A labelled text input with an optional hint and an error that marks it invalid. */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  disabled = false,
  error = null,
  hint,
  name,
  mono = false,
  placeholder,
  autoFocus = false,
  inputRef,
  maxLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  disabled?: boolean;
  error?: string | null;
  hint?: ReactNode;
  name: string;
  mono?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  maxLength?: number;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const described =
    [error === null ? null : errorId, hint === undefined ? null : hintId].filter((id) => id !== null).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className={`input${mono ? ' input-mono' : ''}`}
        type="text"
        name={name}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus={autoFocus}
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        disabled={disabled}
        aria-invalid={error !== null}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {error === null ? null : (
        <p id={errorId} className="field-error">
          <Icon name="alert" size={14} />
          {error}
        </p>
      )}
      {hint === undefined ? null : (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
