import { DetailTable } from '../../tables/detail-table';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { ConfirmDialog } from '../../dialogs/confirm-dialog';
import { useI18n } from '../../i18n/i18n-context';
import { pluralKey } from '../../i18n/plural';
import { formatMoney } from '../../money/money';

/** Enough to recognise the batch; the Suggestions tab lists them all. */
const LISTED = 12;

interface AcceptExactDialogProps {
  /** The exact suggestions as shown: exactly those are accepted (their keys go with the command). */
  exact: readonly Suggestion[];
  /** Exact suggestions of the Credit notes tab, accepted with the others (its tab lists them). */
  creditNotes: number;
  bills: ReadonlyMap<number, OpenBill>;
  invoices: ReadonlyMap<number, OpenInvoice>;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/**
 * "Accept all exact" letters every exact suggestion at once: before it does, it says how many matches and
 * bills, what becomes of them (each bill's lettering goes to the shop with the next sync), and which ones,
 * the first dozen by bill and invoice.
 */
export function AcceptExactDialog({ exact, creditNotes, bills, invoices, onConfirm, onClose }: AcceptExactDialogProps) {
  const { t, format, locale } = useI18n();
  const billCount = new Set(exact.flatMap((s) => s.billIds)).size;
  const total = exact.length + creditNotes;
  const billText = (id: number) => {
    const bill = bills.get(id);
    return bill ? `#${id} · ${bill.organisation || bill.customer} · ${formatMoney(bill.remainingCents, bill.currency, locale)}` : `#${id}`;
  };
  const invoiceText = (id: number) => {
    const invoice = invoices.get(id);
    return invoice ? `${invoice.reference} · ${formatMoney(invoice.remainingCents, invoice.currency, locale)}` : `#${id}`;
  };
  return (
    <ConfirmDialog
      title={t(pluralKey(locale, total, 'lettering.acceptExact.confirmTitle.one', 'lettering.acceptExact.confirmTitle'), {
        count: format.number(total),
      })}
      confirmLabel={t('lettering.acceptExact.confirmButton', { count: format.number(total) })}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {t(pluralKey(locale, billCount, 'lettering.acceptExact.confirmBody.one', 'lettering.acceptExact.confirmBody'), {
          bills: format.number(billCount),
        })}
      </p>
      <DetailTable
        className="accept-exact-list"
        caption={t('lettering.acceptExact.confirmList')}
        rows={exact.slice(0, LISTED)}
        rowKey={(s) => s.key}
        columns={[
          { header: t('lettering.col.bills'), cell: (s) => s.billIds.map((id) => <div key={id}>{billText(id)}</div>) },
          { header: t('lettering.col.invoices'), cell: (s) => s.invoiceIds.map((id) => <div key={id}>{invoiceText(id)}</div>) },
        ]}
      />
      {creditNotes > 0 && (
        <p data-accept-exact-credit-notes>
          {t(pluralKey(locale, creditNotes, 'lettering.acceptExact.confirmCreditNotes.one', 'lettering.acceptExact.confirmCreditNotes'), {
            count: format.number(creditNotes),
          })}
        </p>
      )}
      {exact.length > LISTED && (
        <p className="muted">{t('lettering.acceptExact.confirmMore', { count: format.number(exact.length - LISTED) })}</p>
      )}
    </ConfirmDialog>
  );
}
