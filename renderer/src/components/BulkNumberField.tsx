import type { ReactNode } from 'react';
import { Field } from './Field';

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
  return (
    <Field label={label} error={error} hint={hint} className="bulk-number">
      {({ id, describedBy }) => (
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
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="bulk-number-unit" aria-hidden="true">
            {unit}
          </span>
        </span>
      )}
    </Field>
  );
}
