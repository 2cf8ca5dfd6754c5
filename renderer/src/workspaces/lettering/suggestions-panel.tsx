import { useMemo, useState } from 'react';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { reasonsText } from './reason-text';
import { VirtualTable } from './virtual-table';
import { useAction } from '../../actions/use-action';

interface SuggestionsPanelProps {
  suggestions: readonly Suggestion[];
  bills: ReadonlyMap<number, OpenBill>;
  invoices: ReadonlyMap<number, OpenInvoice>;
  /** Bills lettered on the shop are not open: their suggestion names them by id only. */
  onAccepted(): void;
}

/** The suggestions, exact first, each with its reasons in words and an Accept button. */
export function SuggestionsPanel({ suggestions, bills, invoices, onAccepted }: SuggestionsPanelProps) {
  const api = useApi();
  const { t, locale } = useI18n();
  const [show, setShow] = useState<'all' | 'exact' | 'check'>('all');
  // One at a time: the row's button is disabled while any runs.
  const accepting = useAction();
  const shown = useMemo(() => suggestions.filter((s) => show === 'all' || s.kind === show), [suggestions, show]);

  const accept = (s: Suggestion) =>
    accepting.run(async () => {
      await api.invoke('lettering.match', {
        bills: s.billIds.map((id) => ({ id })),
        invoices: s.invoiceIds.map((id) => ({ id })),
        rule: s.rule,
        toleranceCents: 0,
      });
      onAccepted();
    });

  const billText = (id: number) => {
    const bill = bills.get(id);
    return bill ? `#${id} · ${bill.organisation || bill.customer} · ${formatMoney(bill.remainingCents, bill.currency, locale)}` : `#${id}`;
  };
  const invoiceText = (id: number) => {
    const invoice = invoices.get(id);
    return invoice
      ? `${invoice.reference} · ${invoice.customer} · ${formatMoney(invoice.remainingCents, invoice.currency, locale)}`
      : `#${id}`;
  };

  return (
    <section className="lettering-panel" aria-labelledby="lettering-suggestions-title">
      <div className="table-toolbar">
        <h2 id="lettering-suggestions-title" className="visually-hidden">
          {t('lettering.tab.suggestions')}
        </h2>
        <label className="inline-field">
          {t('lettering.show')}{' '}
          <select value={show} onChange={(event) => setShow(event.target.value as typeof show)}>
            <option value="all">{t('lettering.show.all')}</option>
            <option value="exact">{t('lettering.show.exact')}</option>
            <option value="check">{t('lettering.show.check')}</option>
          </select>
        </label>
      </div>
      {accepting.error && <ErrorNotice error={accepting.error} onDismiss={() => accepting.clear()} />}
      {shown.length === 0 ? (
        <p className="muted">{t('lettering.suggestions.none')}</p>
      ) : (
        <VirtualTable
          rows={shown}
          estimate={56}
          label={t('lettering.tab.suggestions')}
          head={
            <tr>
              <th scope="col">{t('lettering.col.kind')}</th>
              <th scope="col">{t('lettering.col.bills')}</th>
              <th scope="col">{t('lettering.col.invoices')}</th>
              <th scope="col">{t('lettering.col.reasons')}</th>
              <th scope="col">{t('lettering.col.actions')}</th>
            </tr>
          }
          row={(s, props) => (
            <tr key={s.key} {...props} data-suggestion={s.key} data-kind={s.kind}>
              <td>
                <span
                  className={s.kind === 'exact' ? 'badge badge-accent' : 'badge badge-warning'}
                  title={t(`lettering.kind.${s.kind}.hint`)}
                >
                  {t(`lettering.kind.${s.kind}`)}
                </span>
              </td>
              <td>
                {s.billIds.map((id) => (
                  <div key={id}>{billText(id)}</div>
                ))}
              </td>
              <td>
                {s.invoiceIds.map((id) => (
                  <div key={id}>{invoiceText(id)}</div>
                ))}
              </td>
              <td className="lettering-reasons">{reasonsText(s, t, locale)}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  aria-disabled={accepting.busy}
                  aria-label={t('lettering.accept.label', {
                    bill: s.billIds.map((id) => `#${id}`).join(', '),
                    invoice: s.invoiceIds.map((id) => invoices.get(id)?.reference ?? `#${id}`).join(', '),
                  })}
                  onClick={() => void accept(s)}
                >
                  {t('lettering.accept')}
                </button>
              </td>
            </tr>
          )}
        />
      )}
    </section>
  );
}
