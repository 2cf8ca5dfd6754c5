import type { Suggestion } from '../../shared/contract/lettering';
import { candidateFinder, daysApart, inDateWindow, indexLedger, referencedBills, sameCustomerVia } from './match-index';
import { suggestLettered } from './match-lettered';
import { bestFirst, byRank, keepBest, suggestionSink, type Candidate } from './match-ranking';
import {
  billsAddingUp,
  billsNamedTogether,
  demoteSharedClaims,
  EXACT_WINDOW_DAYS,
  invoicesAddingUp,
  invoicesNamingOneBill,
  OTHER_CUSTOMER_WINDOW_DAYS,
  pairReasons,
  pairRule,
  score,
  type InvoiceFacts,
  type Proposal,
} from './match-rules';

/**
 * Suggestions bill ↔ formal invoice. Candidates come from indexes, never from all pairs: bills by amount (to
 * the cent, per currency), by customer key (name, organisation, email; accents, case, word order, "Ets" and
 * "Sté", a first name cut to an initial), by transaction id (found in the invoice's label or reference), and
 * the shop's letterings by invoice number (separators, padding and "FA", "Facture"… ignored).
 *
 * The bills are every bill that could be an invoice's partner, whatever its state: the paid ones, to letter;
 * the unpaid orders (an invoice issued before the payment: the match waits for it before its lettering goes to
 * the shop); and the others (carts, cancelled, refunded), never suggested but still possible partners, so that
 * a pair they could spoil is not exact. Bills that already carry a lettering come apart (`lettered`): an
 * invoice whose number one of them carries is that bill's, and nothing else's.
 *
 * Ordered rules, the first one that fits wins:
 *  exact (may be accepted without looking)
 *   1. lettered        the invoice number is a bill's lettering on the shop (written the same after
 *                      normalising), only that bill's, and the amounts agree (or the number is written the same)
 *   2. reference       the bill's transaction id is in the invoice, same amount, same customer (or several bills'
 *                      ids in one invoice adding up to it, or several invoices naming one bill adding up to it;
 *                      all of its customer)
 *   3. amountCustomer  same amount, same customer, within 31 days, and neither side has another such partner
 *                      within 31 days among all bills (paid or not) and invoices, and the invoice names no other
 *                      bill (a customer buying the same course again months later is no doubt)
 *  to check
 *   4. referenceOtherCustomer  reference and amount, but another customer name (renamed?)
 *   5. referenceOtherAmount    reference and customer, another amount (partial, corrected)
 *   6. ambiguous               same amount and customer, but several bills or invoices could be it
 *   7. nearAmount              same customer, amount within 1 % (at most 10,00)
 *   8. customerInvoices        several invoices of the customer add up to a bill (one bill invoiced in parts)
 *   9. amountOtherCustomer     same amount within 10 days, another customer
 *  10. customerBills           several open bills of the customer add up to the invoice
 *
 * Each bill and each invoice appears in one suggestion at most: groups first, then pairs best first.
 *
 * Here the steps in order; the indexes are match-index.ts's, which rule fits and its reasons match-rules.ts's
 * (the first one match-lettered.ts's), which proposals win match-ranking.ts's.
 */

export type BillPayment = 'paid' | 'unpaid' | 'other';

export interface EngineBill {
  id: number;
  amountcents: number;
  currency: string;
  /** Its calendar day for the operator, as invoice dates are kept: that day at 00:00 UTC (calendar-day.ts). */
  date: number;
  transactionid: string;
  name: string;
  organisation: string;
  email: string;
  /**
   * `paid` (the default): the shop takes its lettering now. `unpaid`: an order not paid yet; a match with it
   * waits for the payment. `other`: not to be lettered as it stands (a cart, cancelled, refunded): never
   * suggested, but it could be the partner all the same, so it makes a pair ambiguous.
   */
  payment?: BillPayment;
  /** Its state, named in the reasons when it is not paid yet. */
  status?: string;
}

export interface EngineInvoice {
  id: number;
  reference: string;
  amountcents: number;
  currency: string;
  date: number;
  customer: string;
  email: string;
  label: string;
}

/** A bill that carries a lettering on the shop (or queued for it). */
export interface EngineLetteredBill {
  id: number;
  idnumber: string;
  /** What is left to match: its amount when it is in no match. */
  amountcents: number;
  currency: string;
  /** Already in a match here: the invoice its lettering names has its partner. */
  matched: boolean;
}

export function suggestMatches(
  bills: readonly EngineBill[],
  invoices: readonly EngineInvoice[],
  /** The bills that already carry a lettering (on the shop, or queued for it). */
  lettered: readonly EngineLetteredBill[] = [],
  /** Counts the bill ↔ invoice pairs actually examined (tests check the indexes keep it far below all pairs). */
  counters?: { pairsExamined: number },
): Suggestion[] {
  const index = indexLedger(bills, invoices);
  const { prepared, invoiceKeys, byAmount } = index;

  const suggestions: Suggestion[] = [];
  /** Invoices whose partner is known by a lettering: no other bill may be suggested for them. */
  const settled = new Uint8Array(invoices.length);
  suggestLettered(lettered, invoices, settled, suggestions);

  const referencedOf = invoices.map((inv, k) => (settled[k] ? [] : referencedBills(inv, index.byTransaction, index.byId)));
  /** How many invoices name each bill. */
  const namedBy = new Map<number, number>();
  for (const list of referencedOf) for (const i of list) namedBy.set(i, (namedBy.get(i) ?? 0) + 1);

  // Same amount and same customer, seen from both sides: an exact pair must be alone on each side. Every bill
  // counts here, paid or not, suggested or not: any of them could be the invoice's.
  const invoiceExactBills: number[][] = [];
  const billExactInvoices = new Map<number, number>();
  // Bills of the invoice's amount within the exact window, found once and used by both passes.
  const amountWindows = invoices.map((inv, k) =>
    settled[k] ? [] : inDateWindow(byAmount.get(`${inv.currency}:${inv.amountcents}`) ?? [], prepared, inv.date, EXACT_WINDOW_DAYS),
  );
  invoices.forEach((_inv, k) => {
    const key = invoiceKeys[k]!;
    // Within the window only: a customer who buys the same course again in six months is not ambiguous.
    const same = amountWindows[k]!.filter((i) => sameCustomerVia(prepared[i]!, key) !== null);
    invoiceExactBills.push(same);
    for (const i of same) billExactInvoices.set(i, (billExactInvoices.get(i) ?? 0) + 1);
  });

  // Each invoice: the rule each candidate fits, its best few kept as pairs (reasons worded for those only).
  const groups: Proposal[] = [];
  const pairs: Proposal[] = [];
  const candidatesOf = candidateFinder(index, OTHER_CUSTOMER_WINDOW_DAYS);
  invoices.forEach((inv, k) => {
    if (settled[k]) return;
    const facts: InvoiceFacts = {
      inv,
      key: invoiceKeys[k]!,
      referenced: referencedOf[k]!,
      exactBills: invoiceExactBills[k]!,
      billExactInvoices,
    };
    const group = billsNamedTogether(prepared, k, facts, namedBy);
    if (group) groups.push(group);
    const candidates = candidatesOf(k, inv, facts.referenced, amountWindows[k]!);
    if (counters) counters.pairsExamined += candidates.length;
    const best: Candidate[] = [];
    for (const i of candidates) {
      const bill = prepared[i]!;
      const days = daysApart(inv.date, bill.date);
      const rule = pairRule(bill, i, facts, days);
      if (rule) keepBest(best, prepared, i, rule, days, score(rule, days));
    }
    for (const { i, rule, days, score: s } of best) {
      const bill = prepared[i]!;
      pairs.push({
        bills: [i],
        invoices: [k],
        billId: bill.id,
        invoiceId: inv.id,
        rule,
        score: s,
        reasons: pairReasons(bill, i, facts, rule, days),
      });
    }
  });

  const exactClaims = demoteSharedClaims(pairs, groups);
  groups.push(...invoicesNamingOneBill(prepared, invoices, invoiceKeys, referencedOf, namedBy, exactClaims));

  // Groups named by references come first: nothing is more specific. Then pairs, and bills invoiced in parts,
  // best first.
  const { usedBills, usedInvoices, emit } = suggestionSink(prepared, invoices, suggestions);
  for (const g of groups) emit(g);
  const ranked = [...pairs, ...invoicesAddingUp(index, invoices, settled, invoiceExactBills, referencedOf, usedBills, usedInvoices)];
  ranked.sort(byRank);
  for (const p of ranked) emit(p);

  // Invoices left alone: do several open bills of the same customer add up to them?
  invoices.forEach((inv, k) => {
    if (usedInvoices.has(k) || settled[k]) return;
    const group = billsAddingUp(index, inv, k, usedBills);
    if (group) emit(group);
  });

  return suggestions.sort(bestFirst);
}
