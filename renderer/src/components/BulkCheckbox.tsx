import { useId, type ReactNode } from 'react';

/** A checkbox with a bold label and a line of explanation under it. */
export function BulkCheckbox({
  label,
  checked,
  onChange,
  disabled = false,
  children,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  children?: ReactNode;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className={`bulk-check${disabled ? ' is-disabled' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={children === undefined ? undefined : hintId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id} className="bulk-check-label">
        {label}
      </label>
      {children === undefined ? null : (
        <div id={hintId} className="bulk-check-hint">
          {children}
        </div>
      )}
    </div>
  );
}
