import { useId, useMemo, useState } from 'react';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { foldText } from '../../../../shared/lettering/customer-key';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { centsToInput, formatMoney, parseMoneyToCents } from '../../money/money';
import { MatchSide, type SideRow } from './match-side';
import { billStatusText } from './reason-text';

/** Paid or partly paid: the shop takes the lettering at once. Another state waits for the payment. */
const PAID = new Set(['SOLDOUT', 'COMPLETE', 'PARTIAL']);

interface ManualMatchPanelProps {
  bills: readonly OpenBill[];
  invoices: readonly OpenInvoice[];
  suggestions: readonly Suggestion[];
  onMatched(): void;
}

/** Accent- and case-insensitive words, or an amount (to the cent) that the row's amount or what is left equals. */
function matches(filter: string, texts: readonly string[], amounts: readonly number[]): boolean {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const amount = parseMoneyToCents(filter);
  if (amount.ok && amounts.includes(amount.cents)) return true;
  const haystack = foldText(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}

/**
 * Manual matching: the open bills and the open invoices side by side, each with a filter; ticking rows on
 * both sides shows the running balance, and Match records it (closed when balanced, within the tolerance).
 * The tables are linked: a row suggested for what is selected on the other side is marked, and can be the
 * only one shown.
 */
export function ManualMatchPanel({ bills, invoices, suggestions, onMatched }: ManualMatchPanelProps) {
  const api = useApi();
  const { t, locale } = useI18n();
  const id = useId();
  const [billFilter, setBillFilter] = useState('');
  const [invoiceFilter, setInvoiceFilter] = useState('');
  const [linked, setLinked] = useState(false);
  const [selectedBills, setSelectedBills] = useState<ReadonlySet<number>>(new Set());
  const [selectedInvoices, setSelectedInvoices] = useState<ReadonlySet<number>>(new Set());
  const [tolerance, setTolerance] = useState('0');
  // What the operator typed as the amount given by a selected item ("b12", "i7"); absent: all that is left.
  const [allocations, setAllocations] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // What the suggestions pair with the selection, both ways.
  const { suggestedInvoices, suggestedBills } = useMemo(() => {
    const suggestedInvoices = new Set<number>();
    const suggestedBills = new Set<number>();
    for (const s of suggestions) {
      if (s.billIds.some((b) => selectedBills.has(b))) s.invoiceIds.forEach((i) => suggestedInvoices.add(i));
      if (s.invoiceIds.some((i) => selectedInvoices.has(i))) s.billIds.forEach((b) => suggestedBills.add(b));
    }
    return { suggestedInvoices, suggestedBills };
  }, [suggestions, selectedBills, selectedInvoices]);

  const shownBills = useMemo(
    () =>
      bills.filter(
        (b) =>
          (selectedBills.has(b.id) || !linked || selectedInvoices.size === 0 || suggestedBills.has(b.id)) &&
          matches(billFilter, [String(b.id), b.transactionid, b.customer, b.organisation, b.email], [b.amountcents, b.remainingCents]),
      ),
    [bills, billFilter, linked, selectedBills, selectedInvoices, suggestedBills],
  );
  const shownInvoices = useMemo(
    () =>
      invoices.filter(
        (i) =>
          (selectedInvoices.has(i.id) || !linked || selectedBills.size === 0 || suggestedInvoices.has(i.id)) &&
          matches(invoiceFilter, [i.reference, i.customer, i.label], [i.amountcents, i.remainingCents]),
      ),
    [invoices, invoiceFilter, linked, selectedBills, selectedInvoices, suggestedInvoices],
  );
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

  /** The amount an item gives to the match: what was typed, else all that is left; null when unreadable. */
  const allocated = (key: string, remaining: number): number | null => {
    const typed = allocations.get(key);
    if (typed === undefined || remaining < 0) return remaining;
    const parsed = parseMoneyToCents(typed);
    return parsed.ok && parsed.cents > 0 && parsed.cents <= remaining ? parsed.cents : null;
  };
  const chosenBills = bills.filter((b) => selectedBills.has(b.id));
  const chosenInvoices = invoices.filter((i) => selectedInvoices.has(i.id));
  const billAmounts = chosenBills.map((b) => allocated(`b${b.id}`, b.remainingCents));
  const invoiceAmounts = chosenInvoices.map((i) => allocated(`i${i.id}`, i.remainingCents));
  const allocationsOk = [...billAmounts, ...invoiceAmounts].every((a) => a !== null);
  const billTotal = billAmounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const invoiceTotal = invoiceAmounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const currency =
    bills.find((b) => selectedBills.has(b.id))?.currency ?? invoices.find((i) => selectedInvoices.has(i.id))?.currency ?? 'EUR';
  const balance = billTotal - invoiceTotal;
  const awaitingPayment = chosenBills.some((b) => !PAID.has(b.status));
  const parsedTolerance = tolerance.trim() === '' ? ({ ok: true, cents: 0 } as const) : parseMoneyToCents(tolerance);
  const toleranceCents = parsedTolerance.ok ? parsedTolerance.cents : 0;
  const ready = selectedBills.size > 0 && selectedInvoices.size > 0 && parsedTolerance.ok && allocationsOk;
  const money = (cents: number) => formatMoney(cents, currency, locale);

  const toggle = (set: ReadonlySet<number>, update: (next: ReadonlySet<number>) => void, key: number) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update(next);
  };

  const match = async () => {
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.invoke('lettering.match', {
        bills: chosenBills.map((b, k) => ({ id: b.id, allocatedCents: billAmounts[k]! })),
        invoices: chosenInvoices.map((i, k) => ({ id: i.id, allocatedCents: invoiceAmounts[k]! })),
        toleranceCents,
        rule: 'manual',
      });
      setSelectedBills(new Set());
      setSelectedInvoices(new Set());
      setAllocations(new Map());
      onMatched();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="lettering-panel" aria-label={t('lettering.tab.manual')}>
      <div className="lettering-balance" role="status" aria-live="polite">
        {ready || selectedBills.size > 0 || selectedInvoices.size > 0 ? (
          <>
            <p className="lettering-balance-figures">
              {t('lettering.balance', { bills: money(billTotal), invoices: money(invoiceTotal), balance: money(balance) })}
            </p>
            {ready && (
              <p className={Math.abs(balance) <= toleranceCents ? 'lettering-ok' : 'muted'}>
                {Math.abs(balance) <= toleranceCents
                  ? t(awaitingPayment ? 'lettering.balanced.awaitingPayment' : 'lettering.balanced')
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
            value={tolerance}
            aria-invalid={!parsedTolerance.ok}
            onChange={(event) => setTolerance(event.target.value)}
          />
          <button type="button" className="button button-primary" aria-disabled={!ready || busy} onClick={() => void match()}>
            {t('lettering.match')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              setSelectedBills(new Set());
              setSelectedInvoices(new Set());
              setAllocations(new Map());
            }}
          >
            {t('lettering.clear')}
          </button>
        </div>
        <label className="inline-field">
          <input type="checkbox" checked={linked} onChange={(event) => setLinked(event.target.checked)} /> {t('lettering.filter.suggested')}
        </label>
      </div>
      {(chosenBills.length > 0 || chosenInvoices.length > 0) && (
        <table className="lettering-table lettering-chosen" aria-label={t('lettering.chosen')}>
          <thead>
            <tr>
              <th scope="col">{t('lettering.chosen.item')}</th>
              <th scope="col" className="end">
                {t('lettering.col.remaining')}
              </th>
              <th scope="col" className="end">
                {t('lettering.chosen.given')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[
              ...chosenBills.map((b, k) => ({
                key: `b${b.id}`,
                label: `#${b.id} · ${b.organisation || b.customer}`,
                remaining: b.remainingCents,
                currency: b.currency,
                amount: billAmounts[k],
              })),
              ...chosenInvoices.map((i, k) => ({
                key: `i${i.id}`,
                label: `${i.reference} · ${i.customer}`,
                remaining: i.remainingCents,
                currency: i.currency,
                amount: invoiceAmounts[k],
              })),
            ].map((item) => (
              <tr key={item.key}>
                <td>{item.label}</td>
                <td className="end">{formatMoney(item.remaining, item.currency, locale)}</td>
                <td className="end">
                  {item.remaining < 0 ? (
                    formatMoney(item.remaining, item.currency, locale)
                  ) : (
                    <input
                      className="lettering-tolerance"
                      inputMode="decimal"
                      aria-label={t('lettering.chosen.givenBy', { item: item.label })}
                      aria-invalid={item.amount === null}
                      value={allocations.get(item.key) ?? centsToInput(item.remaining, locale)}
                      onChange={(event) => {
                        const text = event.target.value;
                        setAllocations((current) => new Map(current).set(item.key, text));
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <div className="lettering-sides">
        <MatchSide
          headingId={`${id}-bills`}
          title={t('lettering.bills')}
          filterLabel={t('lettering.filter.bills')}
          filter={billFilter}
          onFilter={setBillFilter}
          empty={t('lettering.empty.bills')}
          referenceHeader={t('lettering.col.bill')}
          rows={billRows}
          selected={selectedBills}
          suggested={suggestedBills}
          onToggle={(bill) => toggle(selectedBills, setSelectedBills, bill)}
        />
        <MatchSide
          headingId={`${id}-invoices`}
          title={t('lettering.invoices')}
          filterLabel={t('lettering.filter.invoices')}
          filter={invoiceFilter}
          onFilter={setInvoiceFilter}
          empty={t('lettering.empty.invoices')}
          referenceHeader={t('lettering.col.invoice')}
          rows={invoiceRows}
          selected={selectedInvoices}
          suggested={suggestedInvoices}
          onToggle={(invoice) => toggle(selectedInvoices, setSelectedInvoices, invoice)}
        />
      </div>
    </section>
  );
}
