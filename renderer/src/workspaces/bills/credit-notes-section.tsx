import { useState } from 'react';
import type { BillDetail } from '../../../../shared/contract';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { paymodeLabel } from './bill-columns';
import { CreditNotePdfDialog } from './credit-note-pdf-dialog';

/** The bill's credit notes and their refunds; one waiting to be sent says so (the shop numbers it). */
export function CreditNotesSection({ detail }: { detail: BillDetail }) {
  const { t, locale, format } = useI18n();
  const [pdf, setPdf] = useState<{ id: number; number: string } | null>(null);
  const money = (cents: number) => formatMoney(cents, detail.bill.currency, locale);
  if (detail.creditNotes.length === 0) return null;
  return (
    <section className="detail-section" aria-labelledby="bill-credit-notes">
      <h3 id="bill-credit-notes">{t('creditNotes.title')}</h3>
      <ul className="credit-notes">
        {detail.creditNotes.map((note) => (
          <li key={note.id}>
            <p>
              <strong>{note.number || t('creditNotes.waiting')}</strong>
              {note.number && <span className="muted"> · {format.date(note.issuedat * 1000)}</span>}
              {note.reason && <span className="muted"> · {note.reason}</span>}
            </p>
            <p>
              {t('creditNotes.amounts', { untaxed: money(note.untaxedcents), tax: money(note.taxcents), total: money(note.amountcents) })}
            </p>
            <p className="muted">
              {t('creditNotes.refund', {
                amount: money(note.refundcents),
                mode: paymodeLabel(note.refundpaymode, t),
                date: format.date(note.refundedon * 1000),
              })}
              {note.refundreference && ` · ${note.refundreference}`}
            </p>
            {note.pending?.message && <p className="field-error">{note.pending.message}</p>}
            {note.number && (
              <button type="button" className="button" onClick={() => setPdf({ id: note.id, number: note.number })}>
                {t('creditNotes.pdf')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {pdf && <CreditNotePdfDialog creditNote={pdf} onClose={() => setPdf(null)} />}
    </section>
  );
}
