import { useMemo, useState } from 'react';
import type { OpenBill, OpenInvoice, Suggestion } from '../../../../shared/contract/lettering';
import { foldText } from '../../../../shared/lettering/customer-key';
import { useAction } from '../../actions/use-action';
import { useApi } from '../../api/api-context';
import { parseMoneyToCents } from '../../money/money';

/** Paid or partly paid: the shop takes the lettering at once. Another state waits for the payment. */
export const PAID = new Set(['SOLDOUT', 'COMPLETE', 'PARTIAL']);

/** A selected bill or invoice as the selection table lists it, with what it gives to the match. */
export interface ChosenItem {
  /** "b12", "i7": the key of what the operator typed for it. */
  key: string;
  label: string;
  remaining: number;
  currency: string;
  /** What it gives: what was typed, else all that is left; null when what was typed is unreadable or too much. */
  amount: number | null;
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

function toggled(set: ReadonlySet<number>, key: number): ReadonlySet<number> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/**
 * The manual match's state: the filters, what is ticked on each side and what each ticked item gives, the
 * tolerance, the running balance, and the match itself. The panel shows it.
 */
export function useManualMatch(
  bills: readonly OpenBill[],
  invoices: readonly OpenInvoice[],
  suggestions: readonly Suggestion[],
  onMatched: () => void,
) {
  const api = useApi();
  const [billFilter, setBillFilter] = useState('');
  const [invoiceFilter, setInvoiceFilter] = useState('');
  const [linked, setLinked] = useState(false);
  const [selectedBills, setSelectedBills] = useState<ReadonlySet<number>>(new Set());
  const [selectedInvoices, setSelectedInvoices] = useState<ReadonlySet<number>>(new Set());
  const [tolerance, setTolerance] = useState('0');
  // What the operator typed as the amount given by a selected item ("b12", "i7"); absent: all that is left.
  const [allocations, setAllocations] = useState<ReadonlyMap<string, string>>(new Map());
  const action = useAction();

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

  // Linked: a side shows only the partners suggested for what is ticked on the other (and its own ticked rows).
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
  const chosen: ChosenItem[] = [
    ...chosenBills.map((b, k) => ({
      key: `b${b.id}`,
      label: `#${b.id} · ${b.organisation || b.customer}`,
      remaining: b.remainingCents,
      currency: b.currency,
      amount: billAmounts[k]!,
    })),
    ...chosenInvoices.map((i, k) => ({
      key: `i${i.id}`,
      label: `${i.reference} · ${i.customer}`,
      remaining: i.remainingCents,
      currency: i.currency,
      amount: invoiceAmounts[k]!,
    })),
  ];
  const allocationsOk = [...billAmounts, ...invoiceAmounts].every((a) => a !== null);
  const billTotal = billAmounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const invoiceTotal = invoiceAmounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
  const currency =
    bills.find((b) => selectedBills.has(b.id))?.currency ?? invoices.find((i) => selectedInvoices.has(i.id))?.currency ?? 'EUR';
  const parsedTolerance = tolerance.trim() === '' ? ({ ok: true, cents: 0 } as const) : parseMoneyToCents(tolerance);
  const toleranceCents = parsedTolerance.ok ? parsedTolerance.cents : 0;
  const ready = selectedBills.size > 0 && selectedInvoices.size > 0 && parsedTolerance.ok && allocationsOk;

  const clear = () => {
    setSelectedBills(new Set());
    setSelectedInvoices(new Set());
    setAllocations(new Map());
  };

  const match = async () => {
    if (!ready) return;
    await action.run(async () => {
      await api.invoke('lettering.match', {
        bills: chosenBills.map((b, k) => ({ id: b.id, allocatedCents: billAmounts[k]! })),
        invoices: chosenInvoices.map((i, k) => ({ id: i.id, allocatedCents: invoiceAmounts[k]! })),
        toleranceCents,
        rule: 'manual',
      });
      clear();
      onMatched();
    });
  };

  return {
    billFilter,
    setBillFilter,
    invoiceFilter,
    setInvoiceFilter,
    linked,
    setLinked,
    shownBills,
    shownInvoices,
    selectedBills,
    selectedInvoices,
    suggestedBills,
    suggestedInvoices,
    toggleBill: (id: number) => setSelectedBills(toggled(selectedBills, id)),
    toggleInvoice: (id: number) => setSelectedInvoices(toggled(selectedInvoices, id)),
    chosen,
    allocations,
    setAllocation: (key: string, text: string) => setAllocations((current) => new Map(current).set(key, text)),
    tolerance,
    setTolerance,
    toleranceOk: parsedTolerance.ok,
    toleranceCents,
    billTotal,
    invoiceTotal,
    balance: billTotal - invoiceTotal,
    currency,
    awaitingPayment: chosenBills.some((b) => !PAID.has(b.status)),
    ready,
    busy: action.busy,
    error: action.error,
    dismissError: action.clear,
    clear,
    match,
  };
}
