import type { UiError } from '../api/client';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';
import { Spinner } from './Spinner';

/**
 * Before a file is chosen: what the CSV should look like, and the button that opens it (main shows
 * the open dialog; a sandboxed window never sees file paths, so there is no drag and drop).
 */
export function BulkStart({
  opening,
  error,
  shortcut,
  onOpen,
}: {
  opening: boolean;
  error: UiError | null;
  shortcut: string;
  onOpen: () => void;
}) {
  return (
    <section className="card bulk-start" aria-labelledby="bulk-start-title">
      <div className="empty-state bulk-start-main">
        <span className="empty-state-icon bulk-start-icon" aria-hidden="true">
          <Icon name="file-text" size={28} />
        </span>
        <h2 id="bulk-start-title" className="empty-state-title">
          Change many passwords from a CSV file
        </h2>
        <p className="empty-state-text bulk-start-text">
          Every row is checked and shown before anything is sent. Rows with a problem are left out, never fixed
          silently.
        </p>
        <button
          type="button"
          className="button button-primary button-large"
          onClick={onOpen}
          disabled={opening}
          aria-busy={opening}
          aria-keyshortcuts="Control+O"
        >
          {opening ? <Spinner /> : <Icon name="folder" size={16} />}
          {opening ? 'Reading the file…' : 'Open CSV file…'}
        </button>
        <p className="bulk-start-shortcut">
          or press <kbd>{shortcut}</kbd>
        </p>
        {error === null ? null : <ErrorCallout error={error} title="The file could not be imported" />}
      </div>
      <div className="bulk-start-format">
        <h3 className="caps-label">What the file should hold</h3>
        <ul className="bulk-format-list">
          <li>
            <Icon name="user" size={15} />
            <span>
              One user per row, by e-mail or Zoom user ID, in a column headed <code>email</code>, <code>user</code>,{' '}
              <code>user_id</code> or <code>id</code>. Another column can be picked after opening.
            </span>
          </li>
          <li>
            <Icon name="key" size={15} />
            <span>
              Optionally a <code>password</code> column. Rows without one get a generated password that follows the
              account&apos;s rules.
            </span>
          </li>
          <li>
            <Icon name="file-text" size={15} />
            <span>UTF-8 (with or without BOM), separated by commas or semicolons, quoted fields allowed.</span>
          </li>
        </ul>
        <figure className="bulk-format-sample">
          <figcaption>Example</figcaption>
          <pre>{'email,password\nana.lima@example.com,\nraj.patel@example.com,Spring-Term-2026!'}</pre>
        </figure>
      </div>
    </section>
  );
}
