import type { MatchReason, MatchRule, Suggestion } from '../../shared/contract/lettering';
import { customerKey, emailKey, initialKeys } from '../../shared/lettering/customer-key';
import {
  invoiceNumberIndexKeys,
  invoiceNumberKey,
  invoiceNumberLookupKeys,
  invoiceNumbersIn,
  letteringNumbers,
} from '../../shared/lettering/invoice-number';

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

const DAY = 86_400;
const EXACT_WINDOW_DAYS = 31;
const OTHER_CUSTOMER_WINDOW_DAYS = 10;
const SUM_WINDOW_DAYS = 45;
/** Candidates kept per invoice: the best, and two in case a better invoice takes it. */
const KEEP_PER_INVOICE = 3;
/** At most this many items summed (several bills for an invoice, several invoices for a bill). */
const MAX_SUM_ITEMS = 20;
const RULE_ORDER: readonly MatchRule[] = [
  'lettered',
  'reference',
  'amountCustomer',
  'referenceOtherCustomer',
  'referenceOtherAmount',
  'ambiguous',
  'nearAmount',
  'customerInvoices',
  'amountOtherCustomer',
  'customerBills',
];
const EXACT_RULES = new Set<MatchRule>(['lettered', 'reference', 'amountCustomer']);
const PAID = 0;
const UNPAID = 1;
const OTHER = 2;
const PAYMENT_CODE: Record<BillPayment, number> = { paid: PAID, unpaid: UNPAID, other: OTHER };

/** Customer keys as small integers (0: none), so comparing two is one instruction, not a string compare. */
interface PreparedBill extends EngineBill {
  pay: number;
  keys: { name: number; organisation: number; email: number; initials: number[] };
}

interface InvoiceKey {
  customer: number;
  email: number;
  initials: number[];
}

/** A suggestion being weighed: bills and invoices by their place in the engine's arrays. */
interface Proposal {
  bills: number[];
  invoices: number[];
  billId: number;
  invoiceId: number;
  rule: MatchRule;
  score: number;
  reasons: MatchReason[];
}

const NO_INITIALS: number[] = [];

export function suggestMatches(
  bills: readonly EngineBill[],
  invoices: readonly EngineInvoice[],
  /** The bills that already carry a lettering (on the shop, or queued for it). */
  lettered: readonly EngineLetteredBill[] = [],
  /** Counts the bill ↔ invoice pairs actually examined (tests check the indexes keep it far below all pairs). */
  counters?: { pairsExamined: number },
): Suggestion[] {
  const keyIds = new Map<string, number>();
  const idOf = (key: string): number => {
    if (key === '') return 0;
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size + 1));
    return id;
  };
  // A first name cut to an initial: "i:" files the abbreviations a full name may have, "x:" a name written with
  // one, so that the two meet only across (see initialKeys). A bill's full name is filed by its abbreviations
  // only when some invoice is written with an initial: most ledgers have none, and pay nothing for it.
  const invoiceInitials = invoices.map((inv) => initialKeys(inv.customer));
  const someInvoiceAbbreviated = invoiceInitials.some((k) => k.abbreviated !== null);
  let someBillAbbreviated = false;
  const billInitials = (name: string): number[] => {
    const { abbreviated, expanded } = initialKeys(name);
    if (abbreviated !== null) {
      someBillAbbreviated = true;
      return [idOf(`x:${abbreviated}`)];
    }
    return expanded.length === 0 || !someInvoiceAbbreviated ? NO_INITIALS : expanded.map((k) => idOf(`i:${k}`));
  };
  // Built field by field, not by spreading the row: objects copied with a spread leave V8 slower property
  // access (measured: five times slower over a 10,000 × 10,000 run).
  const prepared: PreparedBill[] = bills.map((b) => ({
    id: b.id,
    amountcents: b.amountcents,
    currency: b.currency,
    date: b.date,
    transactionid: b.transactionid,
    name: b.name,
    organisation: b.organisation,
    email: b.email,
    payment: b.payment ?? 'paid',
    status: b.status ?? '',
    pay: PAYMENT_CODE[b.payment ?? 'paid'],
    keys: {
      name: idOf(customerKey(b.name)),
      organisation: idOf(customerKey(b.organisation)),
      email: idOf(emailKey(b.email)),
      initials: billInitials(b.name),
    },
  }));
  const byAmount = new Map<string, number[]>();
  const byCustomer = new Map<number, number[]>();
  const byTransaction = new Map<string, number>();
  const byId = new Map<number, number>();
  prepared.forEach((b, i) => {
    push(byAmount, `${b.currency}:${b.amountcents}`, i);
    // A bill never suggested need not be a candidate by its customer: it counts through its amount only.
    if (b.pay !== OTHER) for (const key of customerKeysOf(b)) push(byCustomer, key, i);
    if (b.transactionid.length >= 6) byTransaction.set(b.transactionid.toUpperCase(), i);
    byId.set(b.id, i);
  });
  // Within an amount, bills by date, for the date window of the amount-only rule.
  for (const list of byAmount.values()) list.sort((a, b) => prepared[a]!.date - prepared[b]!.date);

  // An invoice's customer known to no bill gets -1: equal to no bill's key.
  const lookup = (key: string): number => (key === '' ? 0 : (keyIds.get(key) ?? -1));
  const invoiceKeys: InvoiceKey[] = invoices.map((inv, k) => {
    const { abbreviated, expanded } = invoiceInitials[k]!;
    let initials = NO_INITIALS;
    if (abbreviated !== null || someBillAbbreviated) {
      initials = [];
      for (const key of abbreviated !== null ? [`i:${abbreviated}`] : expanded.map((e) => `x:${e}`)) {
        const id = lookup(key);
        if (id > 0) initials.push(id);
      }
    }
    return { customer: lookup(customerKey(inv.customer)), email: lookup(emailKey(inv.email)), initials };
  });

  const suggestions: Suggestion[] = [];
  const usedInvoices = new Set<number>();
  const usedBills = new Set<number>();
  /** Invoices whose partner is known by a lettering: no other bill may be suggested for them. */
  const settled = new Uint8Array(invoices.length);
  suggestLettered(lettered, invoices, settled, suggestions);

  const referencedOf = invoices.map((inv, k) => (settled[k] ? [] : referencedBills(inv, byTransaction, byId)));
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

  const groups: Proposal[] = [];
  const pairs: Proposal[] = [];
  const stamp = new Int32Array(prepared.length);
  invoices.forEach((inv, k) => {
    if (settled[k]) return;
    const key = invoiceKeys[k]!;
    const referenced = referencedOf[k]!;
    // One invoice for several proformas, each named in its label, adding up to it to the cent.
    if (referenced.length >= 2) {
      const named = referenced.map((i) => prepared[i]!);
      const total = named.reduce((sum, b) => sum + b.amountcents, 0);
      if (total === inv.amountcents && named.every((b) => b.currency === inv.currency && b.pay !== OTHER)) {
        const sameCustomer = named.every((b) => sameCustomerVia(b, key) !== null);
        const ordered = [...referenced].sort((a, b) => prepared[a]!.id - prepared[b]!.id);
        const ids = ordered.map((i) => prepared[i]!.id);
        const days = Math.max(...ordered.map((i) => daysApart(inv.date, prepared[i]!.date)));
        // Exact when every one is the invoice's customer and no other invoice names one of them.
        const exact = sameCustomer && ordered.every((i) => namedBy.get(i) === 1);
        groups.push({
          bills: ordered,
          invoices: [k],
          billId: ids[0]!,
          invoiceId: inv.id,
          rule: exact ? 'reference' : 'referenceOtherCustomer',
          score: score(exact ? 'reference' : 'referenceOtherCustomer', days),
          reasons: [
            ...ordered.map((i): MatchReason => ({ code: 'reference', value: prepared[i]!.transactionid })),
            { code: 'sumOfBills', count: ids.length },
            { code: 'sameAmount', cents: inv.amountcents, currency: inv.currency },
            ...(sameCustomer ? [{ code: 'sameCustomer', via: 'name' } as MatchReason] : []),
            ...awaiting(ordered.map((i) => prepared[i]!)),
            { code: 'days', days },
          ],
        });
      }
    }
    // Candidates without a Set per invoice: a bill is taken once per invoice by stamping it with the invoice.
    const candidates: number[] = [];
    const take = (i: number) => {
      if (stamp[i] === k + 1) return;
      stamp[i] = k + 1;
      candidates.push(i);
    };
    for (const i of referenced) take(i);
    if (key.customer > 0) for (const i of byCustomer.get(key.customer) ?? []) take(i);
    if (key.email > 0) for (const i of byCustomer.get(key.email) ?? []) take(i);
    for (const id of key.initials) for (const i of byCustomer.get(id) ?? []) take(i);
    for (const i of amountWindows[k]!) if (Math.abs(prepared[i]!.date - inv.date) <= OTHER_CUSTOMER_WINDOW_DAYS * DAY + DAY) take(i);

    const exactBills = invoiceExactBills[k]!;
    // The best few candidates of this invoice; reasons are worded for those only.
    const best: { i: number; rule: MatchRule; days: number; score: number }[] = [];
    if (counters) counters.pairsExamined += candidates.length;
    for (const i of candidates) {
      const bill = prepared[i]!;
      // Never suggested: it only made others ambiguous (counted above).
      if (bill.currency !== inv.currency || bill.pay === OTHER) continue;
      const via = sameCustomerVia(bill, key);
      const amountEqual = bill.amountcents === inv.amountcents;
      const ref = referenced.includes(i);
      const days = daysApart(inv.date, bill.date);
      let rule: MatchRule | null = null;
      if (ref && amountEqual && via) rule = 'reference';
      else if (amountEqual && via) {
        // Alone on both sides, and the invoice names no other bill.
        const alone =
          exactBills.length === 1 &&
          exactBills[0] === i &&
          billExactInvoices.get(i) === 1 &&
          (referenced.length === 0 || (referenced.length === 1 && referenced[0] === i));
        rule = alone ? 'amountCustomer' : 'ambiguous';
      } else if (ref && amountEqual) rule = 'referenceOtherCustomer';
      else if (ref && via) rule = 'referenceOtherAmount';
      else if (via && nearAmount(bill.amountcents, inv.amountcents)) rule = 'nearAmount';
      else if (amountEqual && days <= OTHER_CUSTOMER_WINDOW_DAYS) rule = 'amountOtherCustomer';
      if (!rule) continue;
      const s = score(rule, days);
      if (best.length === KEEP_PER_INVOICE && s <= best[KEEP_PER_INVOICE - 1]!.score) continue;
      // Kept sorted by score, then bill id, by insertion: at most KEEP_PER_INVOICE long.
      let at = best.length;
      while (at > 0 && (best[at - 1]!.score < s || (best[at - 1]!.score === s && prepared[best[at - 1]!.i]!.id > bill.id))) at -= 1;
      best.splice(at, 0, { i, rule, days, score: s });
      if (best.length > KEEP_PER_INVOICE) best.pop();
    }
    for (const { i, rule, days, score: s } of best) {
      const bill = prepared[i]!;
      const via = sameCustomerVia(bill, key);
      const amountEqual = bill.amountcents === inv.amountcents;
      const reasons: MatchReason[] = [];
      if (referenced.includes(i)) reasons.push({ code: 'reference', value: bill.transactionid });
      reasons.push(
        amountEqual
          ? { code: 'sameAmount', cents: inv.amountcents, currency: inv.currency }
          : { code: 'amountDiffers', billCents: bill.amountcents, invoiceCents: inv.amountcents, currency: inv.currency },
      );
      reasons.push(
        via ? { code: 'sameCustomer', via } : { code: 'otherCustomer', bill: bill.organisation || bill.name, invoice: inv.customer },
      );
      if (rule === 'ambiguous') {
        const others = referenced.filter((j) => j !== i && !exactBills.includes(j)).length;
        reasons.push({ code: 'ambiguous', count: Math.max(exactBills.length + others, billExactInvoices.get(i) ?? 0) });
      }
      if (bill.pay === UNPAID) reasons.push({ code: 'awaitingPayment', status: bill.status ?? '' });
      reasons.push({ code: 'days', days });
      pairs.push({ bills: [i], invoices: [k], billId: bill.id, invoiceId: inv.id, rule, score: s, reasons });
    }
  });

  // A bill claimed by two exact pairs (its transaction id in two invoices) is not exact any more.
  const exactClaims = new Map<number, number>();
  for (const p of pairs) if (EXACT_RULES.has(p.rule)) exactClaims.set(p.bills[0]!, (exactClaims.get(p.bills[0]!) ?? 0) + 1);
  for (const p of pairs) {
    const claims = exactClaims.get(p.bills[0]!) ?? 0;
    if (EXACT_RULES.has(p.rule) && claims > 1) {
      p.rule = 'ambiguous';
      p.score = score('ambiguous', p.reasons.find((r) => r.code === 'days')?.days ?? 0);
      p.reasons.splice(-1, 0, { code: 'ambiguous', count: claims });
    }
  }
  for (const g of groups) {
    if (g.rule === 'reference' && g.bills.some((i) => exactClaims.has(i))) {
      g.rule = 'referenceOtherCustomer';
      g.score = score(g.rule, g.reasons.find((r) => r.code === 'days')?.days ?? 0);
    }
  }
  groups.push(...invoicesNamingOneBill(prepared, invoices, invoiceKeys, referencedOf, namedBy, exactClaims));

  // Groups named by references come first: nothing is more specific. Then pairs, and bills invoiced in parts,
  // best first.
  const emit = (p: Proposal) => {
    if (p.bills.some((i) => usedBills.has(i)) || p.invoices.some((k) => usedInvoices.has(k))) return;
    for (const i of p.bills) usedBills.add(i);
    for (const k of p.invoices) usedInvoices.add(k);
    const billIds = p.bills.map((i) => prepared[i]!.id);
    const invoiceIds = p.invoices.map((k) => invoices[k]!.id);
    suggestions.push({
      key: suggestionKey(billIds, invoiceIds),
      kind: EXACT_RULES.has(p.rule) ? 'exact' : 'check',
      rule: p.rule,
      score: p.score,
      billIds,
      invoiceIds,
      reasons: p.reasons,
    });
  };
  for (const g of groups) emit(g);
  const ranked = [
    ...pairs,
    ...invoicesAddingUp(prepared, byCustomer, invoices, invoiceKeys, settled, invoiceExactBills, referencedOf, usedBills, usedInvoices),
  ];
  ranked.sort((a, b) => b.score - a.score || a.billId - b.billId || a.invoiceId - b.invoiceId);
  for (const p of ranked) emit(p);

  // Invoices left alone: do several open bills of the same customer add up to them?
  invoices.forEach((inv, k) => {
    if (usedInvoices.has(k) || settled[k]) return;
    const key = invoiceKeys[k]!;
    const mine = [
      ...new Set([
        ...(key.customer > 0 ? (byCustomer.get(key.customer) ?? []) : []),
        ...(key.email > 0 ? (byCustomer.get(key.email) ?? []) : []),
      ]),
    ].filter(
      (i) =>
        !usedBills.has(i) &&
        prepared[i]!.pay !== OTHER &&
        prepared[i]!.currency === inv.currency &&
        prepared[i]!.date <= inv.date + DAY &&
        inv.date - prepared[i]!.date <= SUM_WINDOW_DAYS * DAY,
    );
    if (mine.length < 2 || mine.length > MAX_SUM_ITEMS) return;
    const total = mine.reduce((sum, i) => sum + prepared[i]!.amountcents, 0);
    if (total !== inv.amountcents) return;
    mine.sort((a, b) => prepared[a]!.id - prepared[b]!.id);
    emit({
      bills: mine,
      invoices: [k],
      billId: prepared[mine[0]!]!.id,
      invoiceId: inv.id,
      rule: 'customerBills',
      score: score('customerBills', 0),
      reasons: [
        { code: 'sumOfBills', count: mine.length },
        { code: 'sameAmount', cents: inv.amountcents, currency: inv.currency },
        { code: 'sameCustomer', via: 'name' },
        ...awaiting(mine.map((i) => prepared[i]!)),
      ],
    });
  });

  return suggestions.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/**
 * Invoices whose number a bill already carries as its lettering (the reference, or a number written in the
 * label: "Facture 1234"): that bill is the partner, whatever else looks like it. One suggestion per set of
 * such bills with all the invoices naming them; exact when they balance (or one invoice is one bill written the
 * same), and the bills are in no match yet. A bill already matched here makes no suggestion: its invoice has its
 * partner. Marks those invoices settled.
 */
function suggestLettered(
  lettered: readonly EngineLetteredBill[],
  invoices: readonly EngineInvoice[],
  settled: Uint8Array,
  suggestions: Suggestion[],
): void {
  if (lettered.length === 0) return;
  const byNumber = new Map<string, number[]>();
  lettered.forEach((l, j) => {
    for (const { number } of letteringNumbers(l.idnumber)) {
      const key = invoiceNumberKey(number);
      for (const k of key ? invoiceNumberIndexKeys(key) : [`t:${number.toUpperCase()}`]) {
        const list = byNumber.get(k);
        if (!list) byNumber.set(k, [j]);
        else if (!list.includes(j)) list.push(j);
      }
    }
  });
  const find = (number: string, into: Set<number>) => {
    const key = invoiceNumberKey(number);
    for (const k of key ? invoiceNumberLookupKeys(key) : [`t:${number.trim().toUpperCase()}`])
      for (const j of byNumber.get(k) ?? []) into.add(j);
  };
  const sets = new Map<string, { bills: number[]; invoices: number[] }>();
  invoices.forEach((inv, k) => {
    const hits = new Set<number>();
    if (inv.reference.trim() !== '') find(inv.reference, hits);
    const fromReference = hits.size > 0;
    for (const number of invoiceNumbersIn(inv.label)) find(number, hits);
    if (hits.size === 0) return;
    const found = [...hits].sort((a, b) => lettered[a]!.id - lettered[b]!.id);
    // A number read only in the label is weaker: it is that bill's when the amounts agree.
    if (!fromReference) {
      const total = found.reduce((sum, j) => sum + lettered[j]!.amountcents, 0);
      if (total !== inv.amountcents || found.some((j) => lettered[j]!.currency !== inv.currency)) return;
    }
    settled[k] = 1;
    const key = found.join(',');
    const set = sets.get(key);
    if (set) set.invoices.push(k);
    else sets.set(key, { bills: found, invoices: [k] });
  });
  const claimed = new Map<number, number>();
  for (const set of sets.values()) for (const j of set.bills) claimed.set(j, (claimed.get(j) ?? 0) + 1);
  for (const set of sets.values()) {
    const bills = set.bills.map((j) => lettered[j]!);
    // Matched here already, or claimed by another set of invoices: its partner is known, or to sort out by hand.
    if (bills.some((b) => b.matched) || set.bills.some((j) => claimed.get(j)! > 1)) continue;
    const invs = set.invoices.map((k) => invoices[k]!).sort((a, b) => a.id - b.id);
    const currency = invs[0]!.currency;
    const sameCurrency = [...bills, ...invs].every((x) => x.currency === currency);
    const billCents = bills.reduce((sum, b) => sum + b.amountcents, 0);
    const invoiceCents = invs.reduce((sum, i) => sum + i.amountcents, 0);
    const balanced = sameCurrency && billCents === invoiceCents;
    const writtenSame = bills.length === 1 && invs.length === 1 && bills[0]!.idnumber === invs[0]!.reference;
    const exact = sameCurrency && (balanced || writtenSame);
    suggestions.push({
      key: suggestionKey(
        bills.map((b) => b.id),
        invs.map((i) => i.id),
      ),
      kind: exact ? 'exact' : 'check',
      rule: 'lettered',
      score: score('lettered', 0),
      billIds: bills.map((b) => b.id),
      invoiceIds: invs.map((i) => i.id),
      reasons: [
        ...bills.map((b): MatchReason => ({ code: 'alreadyLettered', idnumber: b.idnumber })),
        balanced ? { code: 'sameAmount', cents: invoiceCents, currency } : { code: 'amountDiffers', billCents, invoiceCents, currency },
      ],
    });
  }
}

/**
 * One bill invoiced in parts, each invoice naming it (its transaction id, "proforma 123") and no other bill:
 * when they add up to it, one suggestion with them all; exact when all are its customer's and no other invoice
 * names it.
 */
function invoicesNamingOneBill(
  prepared: readonly PreparedBill[],
  invoices: readonly EngineInvoice[],
  invoiceKeys: readonly InvoiceKey[],
  referencedOf: readonly number[][],
  namedBy: ReadonlyMap<number, number>,
  exactClaims: ReadonlyMap<number, number>,
): Proposal[] {
  const byBill = new Map<number, number[]>();
  referencedOf.forEach((list, k) => {
    if (list.length === 1) push(byBill, list[0]!, k);
  });
  const out: Proposal[] = [];
  for (const [i, ks] of byBill) {
    const bill = prepared[i]!;
    if (ks.length < 2 || ks.length > MAX_SUM_ITEMS || bill.pay === OTHER) continue;
    const invs = ks.map((k) => invoices[k]!);
    if (invs.some((inv) => inv.currency !== bill.currency)) continue;
    const total = invs.reduce((sum, inv) => sum + inv.amountcents, 0);
    if (total !== bill.amountcents) continue;
    const sameCustomer = ks.every((k) => sameCustomerVia(bill, invoiceKeys[k]!) !== null);
    const exact = sameCustomer && namedBy.get(i) === ks.length && !exactClaims.has(i);
    const days = Math.max(...invs.map((inv) => daysApart(inv.date, bill.date)));
    const ordered = [...ks].sort((a, b) => invoices[a]!.id - invoices[b]!.id);
    const rule: MatchRule = exact ? 'reference' : 'referenceOtherCustomer';
    out.push({
      bills: [i],
      invoices: ordered,
      billId: bill.id,
      invoiceId: invoices[ordered[0]!]!.id,
      rule,
      score: score(rule, days),
      reasons: [
        { code: 'reference', value: bill.transactionid },
        { code: 'sumOfInvoices', count: ks.length },
        { code: 'sameAmount', cents: bill.amountcents, currency: bill.currency },
        ...(sameCustomer ? [{ code: 'sameCustomer', via: 'name' } as MatchReason] : []),
        ...awaiting([bill]),
        { code: 'days', days },
      ],
    });
  }
  return out;
}

/**
 * One bill invoiced in parts without naming it: invoices of the bill's customer, within 45 days after it, none
 * with a bill of its own amount and customer nor naming another bill, that add up to it (all of them, or two).
 * To check. Proposed with the pairs, ranked by their rule.
 */
function invoicesAddingUp(
  prepared: readonly PreparedBill[],
  byCustomer: ReadonlyMap<number, readonly number[]>,
  invoices: readonly EngineInvoice[],
  invoiceKeys: readonly InvoiceKey[],
  settled: Uint8Array,
  invoiceExactBills: readonly number[][],
  referencedOf: readonly number[][],
  usedBills: ReadonlySet<number>,
  usedInvoices: ReadonlySet<number>,
): Proposal[] {
  // Invoices that could be a part: by customer key, the way bills are indexed.
  const byKey = new Map<number, number[]>();
  invoices.forEach((_inv, k) => {
    if (settled[k] || usedInvoices.has(k) || invoiceExactBills[k]!.length > 0) return;
    const key = invoiceKeys[k]!;
    for (const id of [key.customer, key.email, ...key.initials]) if (id > 0) push(byKey, id, k);
  });
  if (byKey.size === 0) return [];
  // The bills of those customers only, each once.
  const bills = new Set<number>();
  for (const id of byKey.keys()) for (const i of byCustomer.get(id) ?? []) bills.add(i);
  const out: Proposal[] = [];
  for (const i of [...bills].sort((a, b) => a - b)) {
    const bill = prepared[i]!;
    if (bill.pay === OTHER || usedBills.has(i) || bill.amountcents === 0) continue;
    const parts = new Set<number>();
    for (const id of customerKeysOf(bill))
      for (const k of byKey.get(id) ?? []) {
        const inv = invoices[k]!;
        if (
          inv.currency === bill.currency &&
          Math.sign(inv.amountcents) === Math.sign(bill.amountcents) &&
          Math.abs(inv.amountcents) < Math.abs(bill.amountcents) &&
          inv.date >= bill.date - DAY &&
          inv.date - bill.date <= SUM_WINDOW_DAYS * DAY &&
          referencedOf[k]!.every((j) => j === i)
        )
          parts.add(k);
      }
    if (parts.size < 2 || parts.size > MAX_SUM_ITEMS) continue;
    const list = [...parts].sort((a, b) => invoices[a]!.id - invoices[b]!.id);
    let chosen: number[] | null = null;
    if (list.reduce((sum, k) => sum + invoices[k]!.amountcents, 0) === bill.amountcents) chosen = list;
    else
      for (let a = 0; a < list.length && !chosen; a += 1)
        for (let b = a + 1; b < list.length; b += 1)
          if (invoices[list[a]!]!.amountcents + invoices[list[b]!]!.amountcents === bill.amountcents) {
            chosen = [list[a]!, list[b]!];
            break;
          }
    if (!chosen) continue;
    const days = Math.max(...chosen.map((k) => daysApart(invoices[k]!.date, bill.date)));
    const via = sameCustomerVia(bill, invoiceKeys[chosen[0]!]!) ?? 'name';
    out.push({
      bills: [i],
      invoices: chosen,
      billId: bill.id,
      invoiceId: invoices[chosen[0]!]!.id,
      rule: 'customerInvoices',
      score: score('customerInvoices', days),
      reasons: [
        { code: 'sumOfInvoices', count: chosen.length },
        { code: 'sameAmount', cents: bill.amountcents, currency: bill.currency },
        { code: 'sameCustomer', via },
        ...awaiting([bill]),
        { code: 'days', days },
      ],
    });
  }
  return out;
}

/** "b12|i7", "b12,b13|i7": stable while the open items do not change. */
function suggestionKey(billIds: readonly number[], invoiceIds: readonly number[]): string {
  if (billIds.length === 1 && invoiceIds.length === 1) return `b${billIds[0]!}|i${invoiceIds[0]!}`;
  return `${billIds.map((id) => `b${id}`).join(',')}|${invoiceIds.map((id) => `i${id}`).join(',')}`;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function customerKeysOf(b: PreparedBill): number[] {
  const keys: number[] = [];
  if (b.keys.name > 0) keys.push(b.keys.name);
  if (b.keys.organisation > 0 && b.keys.organisation !== b.keys.name) keys.push(b.keys.organisation);
  if (b.keys.email > 0) keys.push(b.keys.email);
  for (const id of b.keys.initials) keys.push(id);
  return keys;
}

function sameCustomerVia(b: PreparedBill, key: InvoiceKey): 'name' | 'organisation' | 'email' | null {
  if (key.customer > 0 && key.customer === b.keys.organisation) return 'organisation';
  if (key.customer > 0 && key.customer === b.keys.name) return 'name';
  if (key.email > 0 && key.email === b.keys.email) return 'email';
  if (key.initials.length > 0 && b.keys.initials.length > 0) for (const id of key.initials) if (b.keys.initials.includes(id)) return 'name';
  return null;
}

/** The reason a suggestion gives when one of its bills is not paid yet: the lettering waits for the payment. */
function awaiting(bills: readonly PreparedBill[]): MatchReason[] {
  const unpaid = bills.find((b) => b.pay === UNPAID);
  return unpaid ? [{ code: 'awaitingPayment', status: unpaid.status ?? '' }] : [];
}

function daysApart(a: number, b: number): number {
  return Math.round(Math.abs(a - b) / DAY);
}

/** Within 1 % and at most 10,00, but not equal: a cent off, a rounding, a fee. */
function nearAmount(a: number, b: number): boolean {
  const diff = Math.abs(a - b);
  return diff > 0 && diff <= 1000 && diff * 100 <= Math.max(Math.abs(a), Math.abs(b));
}

/** Rules first, then closeness in time. */
function score(rule: MatchRule, days: number): number {
  return (RULE_ORDER.length - RULE_ORDER.indexOf(rule)) * 1000 + Math.max(0, 365 - days);
}

const PROFORMA_REF = /(?:proforma|pro-forma|pro forma|pf)\s*(?:n[°o]\s*)?#?\s*(\d{1,10})\b/gi;

/** Bills whose transaction id is a word of the invoice's label or reference, or named as "proforma 123". */
function referencedBills(inv: EngineInvoice, byTransaction: ReadonlyMap<string, number>, byId: ReadonlyMap<number, number>): number[] {
  const found: number[] = [];
  const text = `${inv.reference} ${inv.label}`;
  for (const word of text.toUpperCase().split(/[^A-Z0-9]+/)) {
    if (word.length < 6) continue;
    const i = byTransaction.get(word);
    if (i !== undefined && !found.includes(i)) found.push(i);
  }
  for (const m of text.matchAll(PROFORMA_REF)) {
    const i = byId.get(Number(m[1]));
    if (i !== undefined && !found.includes(i)) found.push(i);
  }
  return found;
}

/** Bills of a date-sorted list within `days` of a date, found by binary search. */
function inDateWindow(sorted: readonly number[], bills: readonly PreparedBill[], date: number, days: number): number[] {
  const from = date - days * DAY;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bills[sorted[mid]!]!.date < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let j = lo; j < sorted.length && bills[sorted[j]!]!.date <= date + days * DAY; j += 1) out.push(sorted[j]!);
  return out;
}
