import { MAX_REASON_LENGTH } from '../users/limits';
import { TextField } from './TextField';

/** Why the password is changed (a ticket number is enough): kept with the history entry for audits. */
export function ReasonField({
  value,
  onChange,
  disabled,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
  error: string | null;
}) {
  return (
    <TextField
      label="Reason or ticket (optional)"
      name="change-reason"
      value={value}
      onChange={onChange}
      disabled={disabled}
      error={error}
      maxLength={MAX_REASON_LENGTH}
      placeholder="e.g. INC-4821, locked out after vacation"
      hint="Saved with the history entry, never sent to Zoom."
    />
  );
}
