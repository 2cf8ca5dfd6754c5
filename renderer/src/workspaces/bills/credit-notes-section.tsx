import { useState } from 'react';
import type { BillDetail } from '../../../../shared/contract';
import { wordedText } from '../../errors/error-text';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { paymodeLabel } from './bill-columns';
import { CreditNotePdfDialog } from './credit-note-pdf-dialog';

/** The bill's credit notes and their refunds; one waiting to be sent says so (the shop numbers it). */
export function CreditNotesSection({ detail }: { detail: BillDetail }) {
  const i18n = useI18n();
  const { t, locale, format } = i18n;
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
            {note.pending?.message && <PendingReason message={note.pending.message} text={note.pending.text} i18n={i18n} />}
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

/** Why the shop refused a credit note, in the window's language when the refusal came with its text. */
function PendingReason({
  message,
  text,
  i18n,
}: {
  message: string;
  text: { key: string; params: Record<string, unknown> } | null;
  i18n: Parameters<typeof wordedText>[2];
}) {
  const reason = wordedText(message, text ? { text } : undefined, i18n);
  return (
    <p className="field-error" lang={reason.lang}>
      {reason.text}
    </p>
  );
}
