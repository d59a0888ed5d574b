import type { ReactNode, Ref } from 'react';
import { Field } from './Field';

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
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy }) => (
        <input
          ref={inputRef}
          id={id}
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
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}
