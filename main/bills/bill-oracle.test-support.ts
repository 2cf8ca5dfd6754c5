import { BILL_STATUSES } from '../../shared/bills/bill-status';
import type { BillColumn, BillFilter } from '../../shared/contract/bills';
import type { Db } from '../db/open';
import { listBills, type BillSort } from './bill-query';
import { readBillRows } from './bill-rows';

/**
 * The straightforward answer the bills queries are checked against: every bill of a small cache read into
 * memory, filtered and sorted by plain JavaScript written from the contract, not from the SQL.
 */
export interface OracleBill {
  id: number;
  status: string;
  emissiondate: number;
  lastactiondate: number;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  paidcents: number;
  currency: string;
  paymode: string;
  idnumber: string;
  transactionid: string;
  title: string;
  customerId: number;
  firstname: string;
  lastname: string;
  organisation: string;
  items: string;
  codes: Set<string>;
  words: string[];
}

/** Accents, case and ligatures dropped, as the search promises; words split on anything not a letter or digit. */
export function searchWords(text: string): string[] {
  const folded = text.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE');
  return folded
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The number a searched word names: its digits without leading zeros, when it holds nothing else. */
function numberOf(wanted: string): number | null {
  if (!/^\d{1,15}$/.test(wanted) || /^0+$/.test(wanted)) return null;
  return Number(wanted);
}

/**
 * A searched word is in the text when it starts a word of it (a word of one letter: is a word of it), or, for
 * a number, when a word of the text is that number written with leading zeros, up to 10 digits in all.
 */
function inText(words: readonly string[], wanted: string): boolean {
  const number = numberOf(wanted);
  return words.some(
    (have) =>
      (wanted.length > 1 ? have.startsWith(wanted) : have === wanted) ||
      (number !== null && have.length <= 10 && /^\d+$/.test(have) && Number(have) === number),
  );
}

/** Each word searched is in the text. */
export function searchMatches(words: readonly string[], search: string): boolean {
  return searchWords(search).every((wanted) => inText(words, wanted));
}

/** A bill is found when its text holds every word, or when one word is its number and its text holds the others. */
export function billSearchMatches(bill: { id: number; words: readonly string[] }, search: string): boolean {
  const wanted = searchWords(search);
  if (wanted.every((word) => inText(bill.words, word))) return true;
  return wanted.some((word, i) => numberOf(word) === bill.id && wanted.every((other, j) => j === i || inText(bill.words, other)));
}

/** The bills as the operator sees them (outbox laid over), with what the filters look at. */
export function loadOracle(db: Db): OracleBill[] {
  const ids = db.prepare('SELECT id FROM bill ORDER BY id').pluck().all() as number[];
  const rows = new Map(readBillRows(db, ids).map((row) => [row.id, row]));
  const extra = db
    .prepare(
      `SELECT b.id, b.onlinetransactionid, c.firstname, c.lastname, c.email, c.organisation
       FROM bill b JOIN customer c ON c.id = b.customerid`,
    )
    .all() as { id: number; onlinetransactionid: string; firstname: string; lastname: string; email: string; organisation: string }[];
  const lines = db.prepare('SELECT billid, itemcode, type, ordering FROM bill_item ORDER BY billid, ordering, id').all() as {
    billid: number;
    itemcode: string;
    type: string;
    ordering: number;
  }[];
  const byBill = new Map<number, typeof lines>();
  for (const line of lines) byBill.set(line.billid, [...(byBill.get(line.billid) ?? []), line]);
  return extra.map((e) => {
    const row = rows.get(e.id)!;
    const billLines = byBill.get(e.id) ?? [];
    // Product codes once each, in the order of their first line, discount and shipping lines left out.
    const firstAt = new Map<string, number>();
    for (const line of billLines) {
      if (line.type === 'DISCOUNT' || line.type === 'SHIPPING') continue;
      firstAt.set(line.itemcode, Math.min(firstAt.get(line.itemcode) ?? Infinity, line.ordering));
    }
    const items = [...firstAt.entries()]
      .sort(([codeA, a], [codeB, b]) => a - b || compare(codeA, codeB))
      .map(([code]) => code)
      .join(', ');
    const text = [e.firstname, e.lastname, e.email, e.organisation, row.title, row.transactionid, e.onlinetransactionid, row.idnumber].join(
      ' ',
    );
    return {
      ...row,
      firstname: e.firstname,
      lastname: e.lastname,
      organisation: e.organisation,
      items,
      codes: new Set(billLines.map((line) => line.itemcode)),
      words: searchWords(text),
    };
  });
}

export function matches(bill: OracleBill, filter: BillFilter): boolean {
  if (filter.status !== undefined && bill.status !== filter.status) return false;
  if (filter.from !== undefined && bill.emissiondate < filter.from) return false;
  if (filter.to !== undefined && bill.emissiondate > filter.to) return false;
  if (filter.paymode && bill.paymode !== filter.paymode) return false;
  if (filter.minCents !== undefined && bill.amountcents < filter.minCents) return false;
  if (filter.maxCents !== undefined && bill.amountcents > filter.maxCents) return false;
  if (filter.lettered !== undefined && (bill.idnumber !== '') !== filter.lettered) return false;
  if (filter.customerId !== undefined && bill.customerId !== filter.customerId) return false;
  if (filter.productCode && !bill.codes.has(filter.productCode)) return false;
  if (filter.search) {
    if (!billSearchMatches(bill, filter.search)) return false;
  }
  return true;
}

/** SQLite's BINARY (code points, as UTF-8 bytes order them) and NOCASE (ASCII letters folded) collations. */
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

const KEYS: Record<BillColumn, (b: OracleBill) => (string | number)[]> = {
  id: (b) => [b.id],
  transactionid: (b) => [b.transactionid, b.id],
  idnumber: (b) => [b.idnumber, b.id],
  title: (b) => [nocase(b.title), b.id],
  status: (b) => [b.status, b.emissiondate, b.id],
  emissiondate: (b) => [b.emissiondate, b.id],
  lastactiondate: (b) => [b.lastactiondate, b.id],
  untaxedcents: (b) => [b.untaxedcents, b.id],
  taxcents: (b) => [b.taxcents, b.id],
  amountcents: (b) => [b.amountcents, b.id],
  currency: (b) => [b.currency, b.id],
  paymode: (b) => [b.paymode, b.id],
  customer: (b) => [nocase(b.lastname), nocase(b.firstname), b.customerId, b.id],
  organisation: (b) => [nocase(b.organisation), b.customerId, b.id],
  items: (b) => [b.items, b.id],
};

export function oracleIds(bills: readonly OracleBill[], filter: BillFilter, sort: BillSort): number[] {
  const keyOf = KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return bills
    .filter((bill) => matches(bill, filter))
    .map((bill) => ({ id: bill.id, key: keyOf(bill) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i += 1) {
        const order = compare(a.key[i]!, b.key[i]!);
        if (order !== 0) return sign * order;
      }
      return 0;
    })
    .map((bill) => bill.id);
}

export function oracleCounts(bills: readonly OracleBill[], filter: BillFilter): Record<string, number> {
  const { status: _status, ...scope } = filter;
  const counts: Record<string, number> = Object.fromEntries(BILL_STATUSES.map((s) => [s, 0]));
  for (const bill of bills) if (matches(bill, scope)) counts[bill.status] = (counts[bill.status] ?? 0) + 1;
  return counts;
}

/** Every id listBills gives for a filter and a sort, page after page. */
export function listedIds(db: Db, filter: BillFilter, sort: BillSort, limit = 1000): number[] {
  const ids: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const { rows, total } = listBills(db, { filter, sort, offset, limit });
    ids.push(...rows.map((row) => row.id));
    if (offset + limit >= total) return ids;
  }
}
