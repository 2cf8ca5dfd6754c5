import { useId, useRef, type ReactNode } from 'react';
import { useAction } from '../actions/use-action';
import { ErrorNotice } from '../errors/error-notice';
import { useT } from '../i18n/i18n-context';
import { Modal } from './modal';

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
  const confirmation = useAction();

  const confirm = () =>
    confirmation.run(async () => {
      await onConfirm();
      dialogRef.current?.close();
    });

  return (
    <Modal ref={dialogRef} className="dialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-body`} className="dialog-body">
        {children}
      </div>
      {confirmation.error && <ErrorNotice error={confirmation.error} />}
      <div className="form-actions">
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={confirmation.busy} onClick={confirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
