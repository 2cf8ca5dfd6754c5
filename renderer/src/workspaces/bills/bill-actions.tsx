import { useId, useState } from 'react';
import type { BillDetail, CommandOutput } from '../../../../shared/contract';
import type { BillStatus } from '../../../../shared/bills/bill-status';
import { useApi } from '../../api/api-context';
import { ConfirmDialog } from '../../dialogs/confirm-dialog';
import { ErrorNotice } from '../../errors/error-notice';
import { useT } from '../../i18n/i18n-context';
import { statusKey } from './bill-status-badge';
import { useAction } from '../../actions/use-action';

/** Moves that lose something (the sale, or money already in) are confirmed first. */
const CONFIRMED: ReadonlySet<BillStatus> = new Set(['CANCELLED', 'PAYBACK']);

/**
 * Exactly the transitions the core allows from the bill's current state (the plugin's flow table), as
 * buttons. The change is queued for the shop: the answer shows the bill as pending until acknowledged.
 */
export function BillActions({
  detail,
  onChanged,
}: {
  detail: BillDetail;
  /** The bill after the change, with the outbox entry it queued (for Undo), and the state it moved to. */
  onChanged(next: CommandOutput<'bills.transition'>, to: BillStatus): void;
}) {
  const api = useApi();
  const t = useT();
  const id = useId();
  const moving = useAction();
  const [confirming, setConfirming] = useState<BillStatus | null>(null);
  const [note, setNote] = useState('');
  const bill = detail.bill;

  const transition = async (to: BillStatus, withNote: string) => {
    onChanged(await api.invoke('bills.transition', { id: bill.id, to, note: withNote.trim() }), to);
  };
  const go = (to: BillStatus) => void moving.run(() => transition(to, ''));

  if (detail.allowedTransitions.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('bill.transition.title')}</h3>
      <div className="form-actions">
        {detail.allowedTransitions.map((to) => (
          <button
            key={to}
            type="button"
            className={CONFIRMED.has(to) ? 'button button-danger-quiet' : 'button'}
            aria-disabled={moving.busy}
            aria-label={t('bill.transition.to', { status: t(statusKey(to)) })}
            onClick={() => {
              moving.clear();
              if (CONFIRMED.has(to)) {
                setNote('');
                setConfirming(to);
              } else go(to);
            }}
          >
            → {t(statusKey(to))}
          </button>
        ))}
      </div>
      {moving.error && <ErrorNotice error={moving.error} onDismiss={() => moving.clear()} />}
      {confirming && (
        <ConfirmDialog
          title={t('bill.transition.confirmTitle', { status: t(statusKey(confirming)) })}
          confirmLabel={t('bill.transition.to', { status: t(statusKey(confirming)) })}
          onConfirm={() => transition(confirming, note)}
          onClose={() => setConfirming(null)}
        >
          <p>{t(confirming === 'CANCELLED' ? 'bill.transition.cancelBody' : 'bill.transition.paybackBody', { title: bill.title })}</p>
          <div className="field">
            <label htmlFor={`${id}-note`}>{t('bill.transition.note')}</label>
            <textarea id={`${id}-note`} rows={3} maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
        </ConfirmDialog>
      )}
    </section>
  );
}
