import { useEffect, useId, useRef, useState } from 'react';
import type { Profile } from '../../../../shared/contract';
import { useApi } from '../../api/api-context';
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    // No close() on cleanup: StrictMode's rehearsal unmount would fire 'close' and dismiss the dialog.
    // Taking an open dialog out of the page ends its modal state anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const remove = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { keptFolder } = await api.invoke('profiles.remove', { id: profile.id });
      onRemoved(keptFolder);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('remove.title', { name: profile.name })}</h2>
      <p id={`${id}-body`}>{t('remove.body')}</p>
      {error !== null && <ErrorNotice error={error} />}
      <div className="form-actions">
        {/* close() rather than onClose directly, so the browser puts focus back on the opening button. */}
        <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button button-danger" aria-disabled={busy} onClick={remove}>
          {t('remove.confirm')}
        </button>
      </div>
    </dialog>
  );
}
