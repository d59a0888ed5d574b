import { useState, type ReactNode, type Ref } from 'react';
import { Field } from './Field';
import { Icon } from './Icon';

/** A password input with its own show/hide toggle; never autocompleted or spell-checked. */
export function PasswordField({
  label,
  value,
  onChange,
  disabled,
  describedBy,
  invalid = false,
  name,
  inputRef,
  hint,
  error = null,
  autoComplete = 'new-password',
  autoFocus = false,
  placeholder,
  visible: shownFromOutside,
  onVisibleChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  describedBy?: string;
  invalid?: boolean;
  name: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Shown under the field (and read with it). */
  hint?: ReactNode;
  /** What is wrong with the value; marks the field invalid. */
  error?: string | null;
  autoComplete?: string;
  autoFocus?: boolean;
  placeholder?: string;
  /** Controlled show/hide (e.g. a generated password is shown at once); internal when absent. */
  visible?: boolean;
  onVisibleChange?: (visible: boolean) => void;
}) {
  const [shownHere, setShownHere] = useState(false);
  const visible = shownFromOutside ?? shownHere;
  const setVisible = (next: boolean) => {
    setShownHere(next);
    onVisibleChange?.(next);
  };
  return (
    <Field label={label} error={error} hint={hint} describedBy={describedBy}>
      {({ id, describedBy: described }) => (
        <div className="password-input">
          <input
            ref={inputRef}
            id={id}
            className="input input-mono"
            type={visible ? 'text' : 'password'}
            name={name}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            placeholder={placeholder}
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            value={value}
            disabled={disabled}
            aria-invalid={invalid || error !== null}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.value)}
          />
          <button
            type="button"
            className="password-toggle"
            aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
            aria-pressed={visible}
            title={visible ? 'Hide' : 'Show'}
            disabled={disabled}
            onClick={() => setVisible(!visible)}
          >
            <Icon name={visible ? 'eye-off' : 'eye'} size={16} />
          </button>
        </div>
      )}
    </Field>
  );
}
