import { customerKey, emailKey, initialKeys } from '../../shared/lettering/customer-key';
import type { BillPayment, EngineBill, EngineInvoice } from './match-engine';

/**
 * What the match engine looks candidates up by, so that it never walks all pairs: bills by amount (to the
 * cent, per currency, by date), by customer key (name, organisation, email, a first name cut to an initial),
 * by transaction id and by id; each invoice's customer keys as the bills' small integers.
 */

export const DAY = 86_400;
/** A bill's payment as a small integer: compared in the engine's inner loop. */
export const PAID = 0;
export const UNPAID = 1;
export const OTHER = 2;
const PAYMENT_CODE: Record<BillPayment, number> = { paid: PAID, unpaid: UNPAID, other: OTHER };
/** An invoice names a bill by a transaction id of at least this many characters (shorter ones are common words). */
const MIN_TRANSACTION_ID = 6;

/** Customer keys as small integers (0: none), so comparing two is one instruction, not a string compare. */
export interface PreparedBill extends EngineBill {
  pay: number;
  keys: { name: number; organisation: number; email: number; initials: number[] };
}

export interface InvoiceKey {
  customer: number;
  email: number;
  initials: number[];
}

export interface LedgerIndex {
  /** The bills with their keys; everything else refers to a bill by its place here. */
  prepared: PreparedBill[];
  /** Each invoice's customer keys, by the invoice's place. */
  invoiceKeys: InvoiceKey[];
  /** `${currency}:${cents}` → bills, sorted by date (for the date windows). */
  byAmount: Map<string, number[]>;
  /** Customer key → bills that may be suggested (not the `other` ones). */
  byCustomer: Map<number, number[]>;
  /** Upper-cased transaction id → bill. */
  byTransaction: Map<string, number>;
  byId: Map<number, number>;
}

const NO_INITIALS: number[] = [];

export function indexLedger(bills: readonly EngineBill[], invoices: readonly EngineInvoice[]): LedgerIndex {
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
    if (b.transactionid.length >= MIN_TRANSACTION_ID) byTransaction.set(b.transactionid.toUpperCase(), i);
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
  return { prepared, invoiceKeys, byAmount, byCustomer, byTransaction, byId };
}

/**
 * The bills worth weighing for one invoice: those it names, those of its customer (by any key), and those of
 * its amount within `days` (`amountWindow`, already narrowed to the exact window). Each bill once, without a
 * Set per invoice: a bill is stamped with the invoice that took it.
 */
export function candidateFinder(index: LedgerIndex, days: number) {
  const { prepared, invoiceKeys, byCustomer } = index;
  const stamp = new Int32Array(prepared.length);
  return (k: number, inv: EngineInvoice, referenced: readonly number[], amountWindow: readonly number[]): number[] => {
    const key = invoiceKeys[k]!;
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
    for (const i of amountWindow) if (Math.abs(prepared[i]!.date - inv.date) <= days * DAY + DAY) take(i);
    return candidates;
  };
}

export function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function customerKeysOf(b: PreparedBill): number[] {
  const keys: number[] = [];
  if (b.keys.name > 0) keys.push(b.keys.name);
  if (b.keys.organisation > 0 && b.keys.organisation !== b.keys.name) keys.push(b.keys.organisation);
  if (b.keys.email > 0) keys.push(b.keys.email);
  for (const id of b.keys.initials) keys.push(id);
  return keys;
}

export function sameCustomerVia(b: PreparedBill, key: InvoiceKey): 'name' | 'organisation' | 'email' | null {
  if (key.customer > 0 && key.customer === b.keys.organisation) return 'organisation';
  if (key.customer > 0 && key.customer === b.keys.name) return 'name';
  if (key.email > 0 && key.email === b.keys.email) return 'email';
  if (key.initials.length > 0 && b.keys.initials.length > 0) for (const id of key.initials) if (b.keys.initials.includes(id)) return 'name';
  return null;
}

export function daysApart(a: number, b: number): number {
  return Math.round(Math.abs(a - b) / DAY);
}

const PROFORMA_REF = /(?:proforma|pro-forma|pro forma|pf)\s*(?:n[°o]\s*)?#?\s*(\d{1,10})\b/gi;

/** Bills whose transaction id is a word of the invoice's label or reference, or named as "proforma 123". */
export function referencedBills(
  inv: EngineInvoice,
  byTransaction: ReadonlyMap<string, number>,
  byId: ReadonlyMap<number, number>,
): number[] {
  const found: number[] = [];
  const text = `${inv.reference} ${inv.label}`;
  for (const word of text.toUpperCase().split(/[^A-Z0-9]+/)) {
    if (word.length < MIN_TRANSACTION_ID) continue;
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
export function inDateWindow(sorted: readonly number[], bills: readonly PreparedBill[], date: number, days: number): number[] {
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
