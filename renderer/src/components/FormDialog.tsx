import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Icon } from './Icon';

/**
 * A modal form on the native <dialog>: focus stays inside, the page behind is inert, Escape closes
 * (unless `busy`). The content is unmounted when closed, so typed secrets do not linger.
 */
export function FormDialog({
  open,
  title,
  subtitle,
  busy = false,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  subtitle?: string;
  busy?: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element (the Close button); the first field is where to start.
      dialog.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog form-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? (
        <>
          <div className="form-dialog-header">
            <div>
              <h2 id={titleId} className="dialog-title">
                {title}
              </h2>
              {subtitle === undefined ? null : <p className="form-dialog-subtitle">{subtitle}</p>}
            </div>
            <button
              type="button"
              className="button button-quiet button-icon"
              aria-label="Close"
              title="Close (Esc)"
              onClick={onClose}
              disabled={busy}
            >
              <Icon name="x" size={18} />
            </button>
          </div>
          <div className="form-dialog-body">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
