import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../errors/error-notice';
import { useI18n, type I18n } from '../i18n/i18n-context';
import './outbox.css';

/**
 * An action just queued for the shop: what to say (worded when shown, so a change of language follows), and
 * the outbox entries outbox.undo takes back.
 */
export interface UndoOffer {
  text(i18n: I18n): string;
  seqs: readonly number[];
}

type Toast =
  | { state: 'offered'; offer: UndoOffer; id: number }
  | { state: 'undoing'; offer: UndoOffer; id: number }
  | { state: 'undone'; offer: UndoOffer; id: number }
  | { state: 'failed'; offer: UndoOffer; id: number; error: unknown };

const UndoContext = createContext<(offer: UndoOffer) => void>(() => {});

/** Offers to undo an action right after it (a payment, a state change, invoicing details). */
export function useOfferUndo(): (offer: UndoOffer) => void {
  return useContext(UndoContext);
}

/** Long enough to read it and reach the button; the Sync workspace's list still offers it afterwards. */
const OFFER_MS = 20_000;
const DONE_MS = 5_000;

/**
 * The toast that follows an action queued for the shop: it says what was done and offers Undo until it
 * fades (the change itself stays undoable from the Sync workspace until it is sent). It takes no focus, so
 * typing goes on where it was; its text is announced politely. Hovering or focusing it holds it.
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [toast, setToast] = useState<Toast | null>(null);
  const [held, setHeld] = useState(false);
  const next = useRef(0);

  const offer = useCallback((offered: UndoOffer) => {
    if (offered.seqs.length === 0) return;
    next.current += 1;
    setToast({ state: 'offered', offer: offered, id: next.current });
  }, []);

  // A sync has sent what it could: the offer may no longer hold (the Sync workspace lists what still does).
  useEffect(() => api.on('sync.finished', () => setToast((current) => (current?.state === 'offered' ? null : current))), [api]);

  useEffect(() => {
    if (!toast || held || toast.state === 'undoing' || toast.state === 'failed') return;
    const timer = setTimeout(
      () => setToast((current) => (current?.id === toast.id ? null : current)),
      toast.state === 'undone' ? DONE_MS : OFFER_MS,
    );
    return () => clearTimeout(timer);
  }, [toast, held]);

  const undo = () => {
    if (toast?.state !== 'offered') return;
    const { offer: offered, id } = toast;
    setToast({ state: 'undoing', offer: offered, id });
    api.invoke('outbox.undo', { seqs: [...offered.seqs] }).then(
      () => setToast((current) => (current?.id === id ? { state: 'undone', offer: offered, id } : current)),
      (error: unknown) => setToast((current) => (current?.id === id ? { state: 'failed', offer: offered, id, error } : current)),
    );
  };

  return (
    <UndoContext.Provider value={offer}>
      {children}
      <div role="status" aria-live="polite" aria-label={t('undo.toast.label')} className="undo-toast-region">
        {toast && (
          <div
            className={toast.state === 'failed' ? 'undo-toast undo-toast-failed' : 'undo-toast'}
            data-undo-toast={toast.state}
            onMouseEnter={() => setHeld(true)}
            onMouseLeave={() => setHeld(false)}
            onFocus={() => setHeld(true)}
            onBlur={() => setHeld(false)}
          >
            {toast.state === 'failed' ? (
              <div className="undo-toast-text">
                <ErrorNotice error={toast.error} />
              </div>
            ) : (
              <p className="undo-toast-text">{toast.state === 'undone' ? t('undo.toast.undone') : toast.offer.text(i18n)}</p>
            )}
            <div className="undo-toast-actions">
              {(toast.state === 'offered' || toast.state === 'undoing') && (
                <button type="button" className="button button-primary" aria-disabled={toast.state === 'undoing'} onClick={undo}>
                  {toast.state === 'undoing' ? t('undo.toast.undoing') : t('undo.toast.undo')}
                </button>
              )}
              <button type="button" className="button button-quiet" aria-label={t('undo.toast.dismiss')} onClick={() => setToast(null)}>
                ✕
              </button>
            </div>
          </div>
        )}
      </div>
    </UndoContext.Provider>
  );
}
