import { useId, type ReactNode } from 'react';
import { Icon } from './Icon';

/** A short numeric input (rate, concurrency) kept as text so a half-typed value is never lost. */
export function BulkNumberField({
  label,
  value,
  onChange,
  placeholder,
  unit,
  error,
  hint,
  disabled = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  unit: string;
  error: string | null;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  const described = [error === null ? null : errorId, hint === undefined ? null : hintId].filter(Boolean).join(' ');
  return (
    <div className="field bulk-number">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <span className="bulk-number-input">
        <input
          id={id}
          className="input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={described === '' ? undefined : described}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="bulk-number-unit" aria-hidden="true">
          {unit}
        </span>
      </span>
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
