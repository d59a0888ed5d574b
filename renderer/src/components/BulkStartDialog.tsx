import type { BulkPreview } from '../../../shared/ipc/contract';
import { formatCount } from '../format/time';
import { ConfirmDialog } from './ConfirmDialog';

/** The last look before a run: how many users, on which account, at what pace, and where passwords go. */
export function BulkStartDialog({
  open,
  preview,
  account,
  dryRun,
  generated,
  passwordsOut,
  rate,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  preview: BulkPreview;
  account: string;
  dryRun: boolean;
  /** Rows that get a generated password. */
  generated: number;
  passwordsOut: boolean;
  /** Requests per second, as words. */
  rate: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const n = preview.counts.included;
  const users = `${formatCount(n)} ${n === 1 ? 'user' : 'users'}`;
  return (
    <ConfirmDialog
      open={open}
      title={dryRun ? `Check ${users}?` : `Change the passwords of ${users}?`}
      confirmLabel={dryRun ? 'Start dry run' : 'Start run'}
      icon={dryRun ? 'search' : 'layers'}
      tone="primary"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <ul className="bulk-confirm-list">
        <li>
          Account <strong>{account}</strong>, at {rate}.
        </li>
        {dryRun ? (
          <li>Each user is looked up; nothing is changed.</li>
        ) : (
          <>
            <li>Zoom e-mails each user that their password changed.</li>
            {generated > 0 ? (
              <li>
                {formatCount(generated)} generated {generated === 1 ? 'password' : 'passwords'}
                {passwordsOut ? ': you choose the file for them next.' : ', saved nowhere.'}
              </li>
            ) : null}
          </>
        )}
        {preview.counts.excluded > 0 ? (
          <li>
            {formatCount(preview.counts.excluded)} excluded {preview.counts.excluded === 1 ? 'row is' : 'rows are'} left
            out.
          </li>
        ) : null}
        <li>You can pause or cancel at any time; every request is recorded in the History.</li>
      </ul>
    </ConfirmDialog>
  );
}
