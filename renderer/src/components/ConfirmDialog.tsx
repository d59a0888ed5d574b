import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import { Spinner } from './Spinner';

/**
 * A modal confirmation on the native <dialog>: focus is trapped, the page behind is inert, Escape cancels.
 * Cancel has the initial focus so a stray Enter never confirms a destructive action.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busy = false,
  icon = 'trash',
  tone = 'danger',
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  icon?: IconName;
  /** `primary` for a confirmation that is not destructive (starting a run). */
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      onClose={() => {
        // The browser may close a modal on its own (a repeated Escape); keep React's state in step.
        if (open) onCancel();
      }}
    >
      {open ? (
        <>
          <div className="dialog-content">
            <span className={`icon-disc dialog-icon dialog-icon-${tone}`} aria-hidden="true">
              <Icon name={icon} size={20} />
            </span>
            <div>
              <h2 id={titleId} className="dialog-title">
                {title}
              </h2>
              <div id={bodyId} className="dialog-body">
                {children}
              </div>
            </div>
          </div>
          <div className="dialog-actions">
            <button ref={cancelRef} type="button" className="button" onClick={onCancel} disabled={busy}>
              {cancelLabel}
            </button>
            <button
              type="button"
              className={`button button-${tone}`}
              onClick={onConfirm}
              disabled={busy}
              aria-busy={busy}
            >
              {busy ? <Spinner /> : null}
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
