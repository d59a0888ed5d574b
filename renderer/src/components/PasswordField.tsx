import { useId, useState, type Ref } from 'react';
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
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  describedBy?: string;
  invalid?: boolean;
  name: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const [visible, setVisible] = useState(false);
  const inputId = useId();
  return (
    <div className="field">
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      <div className="password-input">
        <input
          ref={inputRef}
          id={inputId}
          className="input input-mono"
          type={visible ? 'text' : 'password'}
          name={name}
          autoComplete="new-password"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={value}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          className="password-toggle"
          aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
          aria-pressed={visible}
          title={visible ? 'Hide' : 'Show'}
          disabled={disabled}
          onClick={() => setVisible((v) => !v)}
        >
          <Icon name={visible ? 'eye-off' : 'eye'} size={16} />
        </button>
      </div>
    </div>
  );
}
