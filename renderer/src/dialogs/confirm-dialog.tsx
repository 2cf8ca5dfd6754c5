import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ErrorNotice } from '../errors/error-notice';
import { useT } from '../i18n/i18n-context';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Resolves when done (the dialog then closes); a rejection is shown in the dialog, which stays open. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * Confirms an action that loses something, following settings/remove-profile-dialog.tsx: a native modal
 * <dialog> (focus trapped, Escape closes, focus restored to the opening button) with Cancel first, so a
 * reflexive Enter does not confirm.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose }: ConfirmDialogProps) {
  const t = useT();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // No close() on cleanup: StrictMode's rehearsal unmount would fire 'close' and dismiss the dialog.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      dialogRef.current?.close();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="dialog-body">
        {children}
      </div>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
