import { useId, useMemo } from 'react';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { formatMoney } from '../../money/money';
import { ChosenItems } from './chosen-items';
import { MatchSide, type SideRow } from './match-side';
import { billStatusText } from './reason-text';
import { PAID, useManualMatch } from './use-manual-match';

interface ManualMatchPanelProps {
  bills: readonly OpenBill[];
  invoices: readonly OpenInvoice[];
  suggestions: readonly Suggestion[];
  onMatched(): void;
}

/**
 * Manual matching: the open bills and the open invoices side by side, each with a filter; ticking rows on
 * both sides shows the running balance, and Match records it (closed when balanced, within the tolerance).
 * The tables are linked: a row suggested for what is selected on the other side is marked, and can be the
 * only one shown. The state and the match are useManualMatch's.
 */
export function ManualMatchPanel({ bills, invoices, suggestions, onMatched }: ManualMatchPanelProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const state = useManualMatch(bills, invoices, suggestions, onMatched);
  const { shownBills, shownInvoices, selectedBills, selectedInvoices, ready, balance, toleranceCents } = state;

  const billRows = useMemo<SideRow[]>(
    () =>
      shownBills.map((b) => ({
        id: b.id,
        data: { 'data-bill': b.id },
        selectLabel: t('lettering.select.bill', { id: b.id }),
        reference: `#${b.id}`,
        detail: (
          <>
            <div className="muted lettering-mono" title={b.transactionid}>
              {b.transactionid}
            </div>
            {!PAID.has(b.status) && (
              <div className="badge badge-warning">{t('lettering.bill.awaitingPayment', { status: billStatusText(b.status, t) })}</div>
            )}
          </>
        ),
        date: b.emissiondate,
        customer: (
          <>
            {b.organisation || b.customer}
            {b.organisation && <div className="muted">{b.customer}</div>}
          </>
        ),
        remainingCents: b.remainingCents,
        currency: b.currency,
      })),
    [shownBills, t],
  );
  const invoiceRows = useMemo<SideRow[]>(
    () =>
      shownInvoices.map((i) => ({
        id: i.id,
        data: { 'data-invoice': i.reference },
        selectLabel: t('lettering.select.invoice', { reference: i.reference }),
        reference: i.reference,
        detail: <div className="muted lettering-label">{i.label}</div>,
        date: i.date,
        dayOnly: true,
        customer: i.customer,
        remainingCents: i.remainingCents,
        currency: i.currency,
      })),
    [shownInvoices, t],
  );
  const money = (cents: number) => formatMoney(cents, state.currency, locale);

  return (
    <section className="lettering-panel" aria-label={t('lettering.tab.manual')}>
      <div className="lettering-balance" role="status" aria-live="polite">
        {ready || selectedBills.size > 0 || selectedInvoices.size > 0 ? (
          <>
            <p className="lettering-balance-figures">
              {t('lettering.balance', { bills: money(state.billTotal), invoices: money(state.invoiceTotal), balance: money(balance) })}
            </p>
            {ready && (
              <p className={Math.abs(balance) <= toleranceCents ? 'lettering-ok' : 'muted'}>
                {Math.abs(balance) <= toleranceCents
                  ? t(state.awaitingPayment ? 'lettering.balanced.awaitingPayment' : 'lettering.balanced')
                  : t('lettering.unbalanced')}
              </p>
            )}
          </>
        ) : (
          <p className="muted">{t('lettering.balance.none')}</p>
        )}
        <div className="lettering-balance-actions">
          <label htmlFor={`${id}-tolerance`}>{t('lettering.tolerance')}</label>
          <input
            id={`${id}-tolerance`}
            className="lettering-tolerance"
            inputMode="decimal"
            value={state.tolerance}
            aria-invalid={!state.toleranceOk}
            onChange={(event) => state.setTolerance(event.target.value)}
          />
          <button type="button" className="button button-primary" aria-disabled={!ready || state.busy} onClick={() => void state.match()}>
            {t('lettering.match')}
          </button>
          <button type="button" className="button button-quiet" onClick={state.clear}>
            {t('lettering.clear')}
          </button>
        </div>
        <label className="inline-field">
          <input type="checkbox" checked={state.linked} onChange={(event) => state.setLinked(event.target.checked)} />{' '}
          {t('lettering.filter.suggested')}
        </label>
      </div>
      {state.chosen.length > 0 && <ChosenItems items={state.chosen} allocations={state.allocations} onAllocation={state.setAllocation} />}
      {state.error !== null && <ErrorNotice error={state.error} onDismiss={state.dismissError} />}
      <div className="lettering-sides">
        <MatchSide
          headingId={`${id}-bills`}
          title={t('lettering.bills')}
          filterLabel={t('lettering.filter.bills')}
          filter={state.billFilter}
          onFilter={state.setBillFilter}
          empty={t('lettering.empty.bills')}
          referenceHeader={t('lettering.col.bill')}
          rows={billRows}
          selected={selectedBills}
          suggested={state.suggestedBills}
          onToggle={state.toggleBill}
        />
        <MatchSide
          headingId={`${id}-invoices`}
          title={t('lettering.invoices')}
          filterLabel={t('lettering.filter.invoices')}
          filter={state.invoiceFilter}
          onFilter={state.setInvoiceFilter}
          empty={t('lettering.empty.invoices')}
          referenceHeader={t('lettering.col.invoice')}
          rows={invoiceRows}
          selected={selectedInvoices}
          suggested={state.suggestedInvoices}
          onToggle={state.toggleInvoice}
        />
      </div>
    </section>
  );
}
