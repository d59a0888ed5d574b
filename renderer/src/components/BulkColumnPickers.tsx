import { useId } from 'react';
import type { BulkPreview } from '../../../shared/ipc/contract';

const NONE = '';

function columnName(name: string, index: number): string {
  const trimmed = name.trim();
  return trimmed === '' ? `Column ${index + 1}` : trimmed;
}

/**
 * Which column holds the users and which the passwords. Found from the header when it names them;
 * otherwise the admin picks, and main reads the file again with that choice.
 */
export function BulkColumnPickers({
  preview,
  busy,
  onChange,
}: {
  preview: BulkPreview;
  busy: boolean;
  onChange: (userColumn: number, passwordColumn: number | null) => void;
}) {
  const userId = useId();
  const passwordId = useId();
  const hintId = useId();
  const { userColumn, passwordColumn, columns } = preview;
  const missing = userColumn === null;
  return (
    <div className={`bulk-columns${missing ? ' is-missing' : ''}`} role="group" aria-label="Columns">
      <div className="filter-field bulk-column-field">
        <label htmlFor={userId} className="filter-label">
          User column
        </label>
        <select
          id={userId}
          className="select"
          value={userColumn === null ? NONE : String(userColumn)}
          disabled={busy}
          aria-invalid={missing}
          aria-describedby={missing ? hintId : undefined}
          onChange={(e) => {
            if (e.target.value === NONE) return;
            const next = Number(e.target.value);
            onChange(next, passwordColumn === next ? null : passwordColumn);
          }}
        >
          {missing ? <option value={NONE}>Pick a column…</option> : null}
          {columns.map((name, index) => (
            <option key={index} value={String(index)}>
              {columnName(name, index)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-field bulk-column-field">
        <label htmlFor={passwordId} className="filter-label">
          Password column
        </label>
        <select
          id={passwordId}
          className="select"
          value={passwordColumn === null ? NONE : String(passwordColumn)}
          disabled={busy || missing}
          onChange={(e) => {
            if (userColumn === null) return;
            onChange(userColumn, e.target.value === NONE ? null : Number(e.target.value));
          }}
        >
          <option value={NONE}>None: generate every password</option>
          {columns.map((name, index) =>
            index === userColumn ? null : (
              <option key={index} value={String(index)}>
                {columnName(name, index)}
              </option>
            ),
          )}
        </select>
      </div>
      {missing ? (
        <p id={hintId} className="bulk-columns-hint">
          No column is headed email, user, user_id or id: pick the one that holds the users.
        </p>
      ) : null}
    </div>
  );
}
