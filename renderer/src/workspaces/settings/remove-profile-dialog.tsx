import { useId, useRef } from 'react';
import type { Profile } from '../../../../shared/contract';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { Modal } from '../../dialogs/modal';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';

interface RemoveProfileDialogProps {
  profile: Profile;
  onRemoved(keptFolder: string): void;
  onClose(): void;
}

/**
 * Confirms removing a site. A native modal <dialog>: the browser traps focus, closes on Escape and restores
 * focus to the button that opened it. Cancel comes first so a reflexive Enter does not remove.
 */
export function RemoveProfileDialog({ profile, onRemoved, onClose }: RemoveProfileDialogProps) {
  const api = useApi();
  const t = useT();
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const removal = useAction();

  const remove = () =>
    removal.run(async () => {
      const { keptFolder } = await api.invoke('profiles.remove', { id: profile.id });
      onRemoved(keptFolder);
    });

  return (
    <Modal ref={dialogRef} className="dialog" labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('remove.title', { name: profile.name })}</h2>
      <p id={`${id}-body`}>{t('remove.body')}</p>
      {removal.error && <ErrorNotice error={removal.error} />}
      <div className="form-actions">
        {/* close() rather than onClose directly, so the browser puts focus back on the opening button. */}
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={removal.busy} onClick={remove}>
          {t('remove.confirm')}
        </button>
      </div>
    </Modal>
  );
}
