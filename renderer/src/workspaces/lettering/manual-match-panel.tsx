import { useId, useMemo, useState } from 'react';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { foldText } from '../../../../shared/lettering/customer-key';
import { useApi } from '../../api/api-context';
import { ErrorNotice } from '../../errors/error-notice';
import { useI18n } from '../../i18n/i18n-context';
import { centsToInput, formatMoney, parseMoneyToCents } from '../../money/money';
import { VirtualTable } from './virtual-table';

/** A row with its second line (transaction id, label), in pixels, before it is measured. */
const ROW_ESTIMATE = 48;

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
  const { t, locale, format } = useI18n();
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
                {Math.abs(balance) <= toleranceCents ? t('lettering.balanced') : t('lettering.unbalanced')}
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
        <div className="lettering-side">
          <h2 id={`${id}-bills`}>{t('lettering.bills')}</h2>
          <input
            type="search"
            aria-label={t('lettering.filter.bills')}
            placeholder={t('lettering.filter.placeholder')}
            value={billFilter}
            onChange={(event) => setBillFilter(event.target.value)}
          />
          {shownBills.length === 0 ? (
            <p className="muted">{t('lettering.empty.bills')}</p>
          ) : (
            <VirtualTable
              rows={shownBills}
              estimate={ROW_ESTIMATE}
              labelledBy={`${id}-bills`}
              head={
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('lettering.col.select')}</span>
                  </th>
                  <th scope="col">{t('lettering.col.bill')}</th>
                  <th scope="col">{t('lettering.col.date')}</th>
                  <th scope="col">{t('lettering.col.customer')}</th>
                  <th scope="col" className="end">
                    {t('lettering.col.remaining')}
                  </th>
                </tr>
              }
              row={(b, props) => (
                <tr
                  key={b.id}
                  {...props}
                  data-bill={b.id}
                  className={selectedBills.has(b.id) ? 'selected' : suggestedBills.has(b.id) ? 'suggested' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      className="lettering-select"
                      aria-label={t('lettering.select.bill', { id: b.id })}
                      checked={selectedBills.has(b.id)}
                      onChange={() => toggle(selectedBills, setSelectedBills, b.id)}
                    />
                  </td>
                  <td>
                    #{b.id}
                    {suggestedBills.has(b.id) && <span className="badge">{t('lettering.suggested')}</span>}
                    <div className="muted lettering-mono">{b.transactionid}</div>
                  </td>
                  <td>{format.date(b.emissiondate * 1000)}</td>
                  <td>
                    {b.organisation || b.customer}
                    {b.organisation && <div className="muted">{b.customer}</div>}
                  </td>
                  <td className="end">{formatMoney(b.remainingCents, b.currency, locale)}</td>
                </tr>
              )}
            />
          )}
        </div>
        <div className="lettering-side">
          <h2 id={`${id}-invoices`}>{t('lettering.invoices')}</h2>
          <input
            type="search"
            aria-label={t('lettering.filter.invoices')}
            placeholder={t('lettering.filter.placeholder')}
            value={invoiceFilter}
            onChange={(event) => setInvoiceFilter(event.target.value)}
          />
          {shownInvoices.length === 0 ? (
            <p className="muted">{t('lettering.empty.invoices')}</p>
          ) : (
            <VirtualTable
              rows={shownInvoices}
              estimate={ROW_ESTIMATE}
              labelledBy={`${id}-invoices`}
              head={
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t('lettering.col.select')}</span>
                  </th>
                  <th scope="col">{t('lettering.col.invoice')}</th>
                  <th scope="col">{t('lettering.col.date')}</th>
                  <th scope="col">{t('lettering.col.customer')}</th>
                  <th scope="col" className="end">
                    {t('lettering.col.remaining')}
                  </th>
                </tr>
              }
              row={(i, props) => (
                <tr
                  key={i.id}
                  {...props}
                  data-invoice={i.reference}
                  className={selectedInvoices.has(i.id) ? 'selected' : suggestedInvoices.has(i.id) ? 'suggested' : undefined}
                >
                  <td>
                    <input
                      type="checkbox"
                      className="lettering-select"
                      aria-label={t('lettering.select.invoice', { reference: i.reference })}
                      checked={selectedInvoices.has(i.id)}
                      onChange={() => toggle(selectedInvoices, setSelectedInvoices, i.id)}
                    />
                  </td>
                  <td>
                    {i.reference}
                    {suggestedInvoices.has(i.id) && <span className="badge">{t('lettering.suggested')}</span>}
                    <div className="muted">{i.label}</div>
                  </td>
                  <td>{format.date(i.date * 1000)}</td>
                  <td>{i.customer}</td>
                  <td className="end">{formatMoney(i.remainingCents, i.currency, locale)}</td>
                </tr>
              )}
            />
          )}
        </div>
      </div>
    </section>
  );
}
