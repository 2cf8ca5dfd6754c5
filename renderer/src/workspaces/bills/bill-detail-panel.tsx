import { useCallback, useEffect, useRef } from 'react';
import { isMac } from '../../shell/platform';
import { isShortcut } from '../../shell/shortcut-registry';
import { PAYABLE_STATUSES } from '../../../../shared/bills/bill-status';
import { useApi } from '../../api/api-context';
import { useQuery } from '../../api/use-query';
import { useRefreshOn } from '../../api/use-refresh-on';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { PendingNotice } from '../../outbox/pending-marker';
import { useOfferUndo } from '../../outbox/undo-toast';
import { formatMoney } from '../../money/money';
import { statusKey } from './bill-status-badge';
import { BillActions } from './bill-actions';
import { paymodeLabel } from './bill-columns';
import { CustomerSection, HistorySection, LinesSection, PaymentsSection, ProductionSection, TotalsSection } from './bill-detail-sections';
import { BillStatusBadge } from './bill-status-badge';
import { CreditNoteForm } from './credit-note-form';
import { CreditNotesSection } from './credit-notes-section';
import { RemindersSection } from './reminders-section';
import { PaymentForm } from './payment-form';
import { Facts } from '../../tables/detail-table';

interface BillDetailPanelProps {
  id: number;
  onClose(): void;
  onPdf(ids: number[]): void;
}

/**
 * One bill beside the list (#/bills/<id>): what it is, who bought, what, how it was paid and what it
 * produced; the state changes the flow table allows and an offline payment. What was changed here shows
 * as pending until the shop acknowledges it (the core says so in `pending`).
 */
export function BillDetailPanel({ id, onClose, onPdf }: BillDetailPanelProps) {
  const api = useApi();
  const { t, format } = useI18n();
  const offerUndo = useOfferUndo();
  const load = useCallback(() => api.invoke('bills.get', { id }), [api, id]);
  const query = useQuery(load);
  // An acknowledgement (outbox.changed) clears the pending marker; a sync page may change the bill.
  useRefreshOn(api, ['bills.changed', 'outbox.changed'], query.reload);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [id]);

  // While another bill loads, the previous one is not shown under the new id.
  const detail = query.value?.bill.id === id ? query.value : undefined;
  const bill = detail?.bill;

  return (
    <aside
      className="detail-panel"
      aria-labelledby="bill-detail-title"
      onKeyDown={(event) => {
        if (isShortcut('detail.close', event, isMac) && !event.defaultPrevented && document.querySelector('dialog[open]') === null)
          onClose();
      }}
    >
      <header className="detail-header">
        <h2 id="bill-detail-title" ref={headingRef} tabIndex={-1}>
          {bill ? bill.title || t('bill.untitled') : t('bill.loading', { id })}
        </h2>
        <button type="button" className="button button-quiet" aria-label={t('detail.close')} aria-keyshortcuts="Escape" onClick={onClose}>
          ✕
        </button>
      </header>
      {query.error !== null && <ErrorNotice error={query.error} onRetry={query.reload} />}
      {detail && bill && (
        <div className="detail-body">
          <section className="detail-section" aria-label={t('bill.identity')}>
            <p className="detail-status">
              <BillStatusBadge status={bill.status} />
            </p>
            <PendingNotice pending={bill.pending} />
            <Facts
              facts={[
                { term: t('bills.col.id'), value: bill.id },
                { term: t('bills.col.transactionid'), value: <code>{bill.transactionid || '—'}</code> },
                { term: t('bills.col.idnumber'), value: bill.idnumber || <span className="muted">{t('bills.notLettered')}</span> },
                { term: t('bills.col.emissiondate'), value: format.date(bill.emissiondate * 1000) },
                { term: t('bills.col.lastactiondate'), value: format.dateTime(bill.lastactiondate * 1000) },
                { term: t('bills.col.paymode'), value: paymodeLabel(bill.paymode, t) },
              ]}
            />
            <p className="form-actions">
              <button type="button" className="button" onClick={() => onPdf([bill.id])}>
                {t('bill.pdf')}
              </button>
            </p>
          </section>
          <BillActions
            detail={detail}
            onChanged={(next, to) => {
              query.set(next);
              offerUndo({
                seqs: next.queued,
                text: (i18n) => i18n.t('undo.toast.transition', { bill: next.bill.id, status: i18n.t(statusKey(to)) }),
              });
            }}
          />
          {PAYABLE_STATUSES.includes(bill.status) && detail.dueCents > 0 && (
            <PaymentForm
              key={`${bill.id}/${detail.dueCents}`}
              detail={detail}
              onRecorded={(next, amountcents) => {
                query.set(next);
                offerUndo({
                  seqs: next.queued,
                  text: (i18n) =>
                    i18n.t('undo.toast.payment', { amount: formatMoney(amountcents, next.bill.currency, i18n.locale), bill: next.bill.id }),
                });
              }}
            />
          )}
          <CustomerSection detail={detail} />
          <TotalsSection detail={detail} />
          <LinesSection detail={detail} />
          <PaymentsSection detail={detail} />
          <CreditNotesSection detail={detail} />
          <RemindersSection billId={detail.bill.id} />
          {detail.refundable && (
            <CreditNoteForm key={`${bill.id}/${detail.creditNotes.length}/${bill.status}`} detail={detail} onIssued={query.set} />
          )}
          <HistorySection detail={detail} />
          <ProductionSection detail={detail} />
        </div>
      )}
    </aside>
  );
}
