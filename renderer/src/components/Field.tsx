import { useId, type ReactNode } from 'react';
import { Icon } from './Icon';

/** The ids the field's own input needs: its id for the label and what describes it (error, hint, extras). */
export interface FieldInputIds {
  id: string;
  describedBy: string | undefined;
}

/**
 * A field's frame: the label, the input the caller renders, then the error and the hint, both wired to the
 * input through aria-describedby so a screen reader reads them with it.
 */
export function Field({
  label,
  error,
  hint,
  describedBy,
  className,
  children,
}: {
  label: string;
  error: string | null;
  hint?: ReactNode;
  /** Ids of other elements that describe the input (e.g. a rule checklist beside it). */
  describedBy?: string;
  className?: string;
  children: (input: FieldInputIds) => ReactNode;
}) {
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const described =
    [error === null ? null : errorId, hint === undefined ? null : hintId, describedBy ?? null]
      .filter((id) => id !== null)
      .join(' ') || undefined;
  return (
    <div className={className === undefined ? 'field' : `field ${className}`}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      {children({ id: inputId, describedBy: described })}
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
