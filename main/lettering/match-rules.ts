import type { MatchReason, MatchRule } from '../../shared/contract/lettering';
import type { EngineInvoice } from './match-engine';
import {
  customerKeysOf,
  DAY,
  daysApart,
  OTHER,
  push,
  sameCustomerVia,
  UNPAID,
  type InvoiceKey,
  type LedgerIndex,
  type PreparedBill,
} from './match-index';

/**
 * Which rule a bill and an invoice (or a group of them) fit, and the reasons it gives; the rules and their
 * order are listed in match-engine.ts. What wins among the proposals is match-ranking.ts's.
 */

export const EXACT_WINDOW_DAYS = 31;
/** Same amount, another customer: within this many days only (and where candidates by amount are taken). */
export const OTHER_CUSTOMER_WINDOW_DAYS = 10;
const SUM_WINDOW_DAYS = 45;
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
export const EXACT_RULES = new Set<MatchRule>(['lettered', 'reference', 'amountCustomer']);

/** A suggestion being weighed: bills and invoices by their place in the engine's arrays. */
export interface Proposal {
  bills: number[];
  invoices: number[];
  billId: number;
  invoiceId: number;
  rule: MatchRule;
  score: number;
  reasons: MatchReason[];
}

/** What a rule needs to know of one invoice, found once for all its candidates. */
export interface InvoiceFacts {
  inv: EngineInvoice;
  key: InvoiceKey;
  /** The bills it names (a transaction id, "proforma 123"). */
  referenced: readonly number[];
  /** The bills of its amount and customer within the exact window. */
  exactBills: readonly number[];
  /** For each bill: how many invoices have it among their exactBills. */
  billExactInvoices: ReadonlyMap<number, number>;
}

/** Rules first, then closeness in time. */
export function score(rule: MatchRule, days: number): number {
  return (RULE_ORDER.length - RULE_ORDER.indexOf(rule)) * 1000 + Math.max(0, 365 - days);
}

/** The first rule one bill and one invoice fit; null when they are not worth showing together. */
export function pairRule(bill: PreparedBill, i: number, facts: InvoiceFacts, days: number): MatchRule | null {
  const { inv, referenced, exactBills } = facts;
  // Never suggested: it only made others ambiguous (counted in exactBills).
  if (bill.currency !== inv.currency || bill.pay === OTHER) return null;
  const via = sameCustomerVia(bill, facts.key);
  const amountEqual = bill.amountcents === inv.amountcents;
  const ref = referenced.includes(i);
  if (ref && amountEqual && via) return 'reference';
  if (amountEqual && via) {
    // Alone on both sides, and the invoice names no other bill.
    const alone =
      exactBills.length === 1 &&
      exactBills[0] === i &&
      facts.billExactInvoices.get(i) === 1 &&
      (referenced.length === 0 || (referenced.length === 1 && referenced[0] === i));
    return alone ? 'amountCustomer' : 'ambiguous';
  }
  if (ref && amountEqual) return 'referenceOtherCustomer';
  if (ref && via) return 'referenceOtherAmount';
  if (via && nearAmount(bill.amountcents, inv.amountcents)) return 'nearAmount';
  if (amountEqual && days <= OTHER_CUSTOMER_WINDOW_DAYS) return 'amountOtherCustomer';
  return null;
}

/** Why a kept pair was suggested, in the order the window reads them. Worded only for the pairs kept. */
export function pairReasons(bill: PreparedBill, i: number, facts: InvoiceFacts, rule: MatchRule, days: number): MatchReason[] {
  const { inv, referenced, exactBills } = facts;
  const via = sameCustomerVia(bill, facts.key);
  const reasons: MatchReason[] = [];
  if (referenced.includes(i)) reasons.push({ code: 'reference', value: bill.transactionid });
  reasons.push(
    bill.amountcents === inv.amountcents
      ? { code: 'sameAmount', cents: inv.amountcents, currency: inv.currency }
      : { code: 'amountDiffers', billCents: bill.amountcents, invoiceCents: inv.amountcents, currency: inv.currency },
  );
  reasons.push(
    via ? { code: 'sameCustomer', via } : { code: 'otherCustomer', bill: bill.organisation || bill.name, invoice: inv.customer },
  );
  if (rule === 'ambiguous') {
    const others = referenced.filter((j) => j !== i && !exactBills.includes(j)).length;
    reasons.push({ code: 'ambiguous', count: Math.max(exactBills.length + others, facts.billExactInvoices.get(i) ?? 0) });
  }
  if (bill.pay === UNPAID) reasons.push({ code: 'awaitingPayment', status: bill.status ?? '' });
  reasons.push({ code: 'days', days });
  return reasons;
}

/**
 * One invoice for several proformas, each named in its label, adding up to it to the cent. Exact when every
 * one is the invoice's customer and no other invoice names one of them.
 */
export function billsNamedTogether(
  prepared: readonly PreparedBill[],
  k: number,
  facts: InvoiceFacts,
  namedBy: ReadonlyMap<number, number>,
): Proposal | null {
  const { inv, key, referenced } = facts;
  if (referenced.length < 2) return null;
  const named = referenced.map((i) => prepared[i]!);
  const total = named.reduce((sum, b) => sum + b.amountcents, 0);
  if (total !== inv.amountcents || !named.every((b) => b.currency === inv.currency && b.pay !== OTHER)) return null;
  const sameCustomer = named.every((b) => sameCustomerVia(b, key) !== null);
  const ordered = [...referenced].sort((a, b) => prepared[a]!.id - prepared[b]!.id);
  const ids = ordered.map((i) => prepared[i]!.id);
  const days = Math.max(...ordered.map((i) => daysApart(inv.date, prepared[i]!.date)));
  const exact = sameCustomer && ordered.every((i) => namedBy.get(i) === 1);
  return {
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
  };
}

/**
 * A bill claimed by two exact pairs (its transaction id in two invoices) is not exact any more, and a group
 * of bills named together is not exact when one of them is claimed so. Returns the exact claims per bill.
 */
export function demoteSharedClaims(pairs: readonly Proposal[], groups: readonly Proposal[]): Map<number, number> {
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
  return exactClaims;
}

/**
 * One bill invoiced in parts, each invoice naming it (its transaction id, "proforma 123") and no other bill:
 * when they add up to it, one suggestion with them all; exact when all are its customer's and no other invoice
 * names it.
 */
export function invoicesNamingOneBill(
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
export function invoicesAddingUp(
  { prepared, byCustomer, invoiceKeys }: LedgerIndex,
  invoices: readonly EngineInvoice[],
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

/**
 * An invoice left alone at the end: several open bills of its customer (not yet given to a suggestion, within
 * 45 days before it) that add up to it. To check.
 */
export function billsAddingUp(
  { prepared, byCustomer, invoiceKeys }: LedgerIndex,
  inv: EngineInvoice,
  k: number,
  usedBills: ReadonlySet<number>,
): Proposal | null {
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
  if (mine.length < 2 || mine.length > MAX_SUM_ITEMS) return null;
  const total = mine.reduce((sum, i) => sum + prepared[i]!.amountcents, 0);
  if (total !== inv.amountcents) return null;
  mine.sort((a, b) => prepared[a]!.id - prepared[b]!.id);
  return {
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
  };
}

/** Within 1 % and at most 10,00, but not equal: a cent off, a rounding, a fee. */
function nearAmount(a: number, b: number): boolean {
  const diff = Math.abs(a - b);
  return diff > 0 && diff <= 1000 && diff * 100 <= Math.max(Math.abs(a), Math.abs(b));
}

/** The reason a suggestion gives when one of its bills is not paid yet: the lettering waits for the payment. */
function awaiting(bills: readonly PreparedBill[]): MatchReason[] {
  const unpaid = bills.find((b) => b.pay === UNPAID);
  return unpaid ? [{ code: 'awaitingPayment', status: unpaid.status ?? '' }] : [];
}
