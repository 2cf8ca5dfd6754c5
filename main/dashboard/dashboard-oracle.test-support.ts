import type { Db } from '../db/open';
import type { DashboardQuery } from '../../shared/contract/dashboard';

/**
 * The dashboard's figures computed the plain way, for the tests: every row of the cache read into memory and
 * added up in loops, by the definitions of docs/dashboard.md, with none of the core's SQL, indexes or month
 * bounds. Months are told by their calendar (year, month) in local time.
 */

interface Bill {
  id: number;
  shopid: number;
  currency: string;
  idnumber: string;
  status: string;
  emissiondate: number;
  untaxedcents: number;
  amountcents: number;
  customerid: number;
}
interface Line {
  id: number;
  billid: number;
  type: string;
  itemcode: string;
  catalogitemid: number;
  totalcents: number;
}

export interface OracleFigures {
  months: { invoiced: number; cashed: number; lastInvoiced: number; lastCashed: number }[];
  invoiced: number;
  invoicedBills: number;
  credited: number;
  cashed: number;
  refunded: number;
  basket: number;
  byProduct: { key: string; cents: number }[];
  byCatalog: { key: string; cents: number }[];
  byCustomer: { key: string; cents: number }[];
  stages: { status: string; bills: number; cents: number }[];
  /** The ids behind some figures, to compare with what Bills lists for their filters. */
  ids: { invoiced: number[]; cashedFirstMonth: number[]; soldout: number[] };
}

const monthKey = (time: number, yearShift = 0) => {
  const d = new Date(time * 1000);
  return `${d.getFullYear() + yearShift}-${d.getMonth()}`;
};
const shifted = (time: number) => {
  const d = new Date(time * 1000);
  d.setFullYear(d.getFullYear() - 1);
  return Math.floor(d.getTime() / 1000);
};

export function oracleFigures(db: Db, q: DashboardQuery & { currency: string }): OracleFigures {
  const bills = new Map((db.prepare('SELECT * FROM bill').all() as Bill[]).map((b) => [b.id, b]));
  const lines = new Map((db.prepare('SELECT * FROM bill_item').all() as Line[]).map((l) => [l.id, l]));
  const payments = db.prepare('SELECT billid, amountcents, paidon FROM bill_payment').all() as {
    billid: number;
    amountcents: number;
    paidon: number;
  }[];
  const notes = db.prepare('SELECT * FROM bill_credit_note').all() as {
    id: number;
    billid: number;
    issuedat: number;
    untaxedcents: number;
    refundcents: number;
    refundedon: number;
  }[];
  const creditLines = db.prepare('SELECT creditnoteid, billitemid, totalcents FROM bill_credit_line').all() as {
    creditnoteid: number;
    billitemid: number;
    totalcents: number;
  }[];
  const catalogOf = new Map(
    (db.prepare('SELECT id, catalogid FROM catalog_item').all() as { id: number; catalogid: number }[]).map((r) => [r.id, r.catalogid]),
  );

  const mine = (b: Bill | undefined): b is Bill =>
    b !== undefined && b.currency === q.currency && (q.shopId === undefined || b.shopid === q.shopId);
  const lastFrom = shifted(q.from);
  const lastTo = shifted(q.to);
  const inPeriod = (t: number) => t >= q.from && t <= q.to;
  const inLastYear = (t: number) => t >= lastFrom && t <= lastTo;

  const keys: string[] = [];
  for (let t = q.from; t <= q.to; t += 86_400) if (!keys.includes(monthKey(t))) keys.push(monthKey(t));
  if (!keys.includes(monthKey(q.to))) keys.push(monthKey(q.to));
  const months = keys.map(() => ({ invoiced: 0, cashed: 0, lastInvoiced: 0, lastCashed: 0 }));
  const add = (time: number, field: 'invoiced' | 'cashed', cents: number) => {
    if (inPeriod(time)) months[keys.indexOf(monthKey(time))]![field] += cents;
    if (inLastYear(time)) months[keys.indexOf(monthKey(time, 1))]![field === 'invoiced' ? 'lastInvoiced' : 'lastCashed'] += cents;
  };

  let invoiced = 0;
  let invoicedBills = 0;
  let credited = 0;
  let cashed = 0;
  let refunded = 0;
  const product = new Map<string, number>();
  const catalog = new Map<string, number>();
  const customer = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);
  const ids = { invoiced: [] as number[], cashedFirstMonth: [] as number[], soldout: [] as number[] };

  for (const b of bills.values()) {
    if (!mine(b)) continue;
    if (b.status === 'SOLDOUT') ids.soldout.push(b.id);
    if (b.idnumber === '') continue;
    add(b.emissiondate, 'invoiced', b.untaxedcents);
    if (!inPeriod(b.emissiondate)) continue;
    ids.invoiced.push(b.id);
    invoiced += b.untaxedcents;
    invoicedBills += 1;
    bump(customer, String(b.customerid), b.untaxedcents);
  }
  for (const l of lines.values()) {
    const b = bills.get(l.billid);
    if (!mine(b) || b.idnumber === '' || !inPeriod(b.emissiondate) || l.type === 'DISCOUNT' || l.type === 'SHIPPING') continue;
    bump(product, l.itemcode, l.totalcents);
    bump(catalog, String(catalogOf.get(l.catalogitemid) ?? 0), l.totalcents);
  }
  const firstMonthEnd = new Date(new Date(q.from * 1000).getFullYear(), new Date(q.from * 1000).getMonth() + 1, 1).getTime() / 1000 - 1;
  for (const p of payments) {
    const b = bills.get(p.billid);
    if (!mine(b)) continue;
    add(p.paidon, 'cashed', p.amountcents);
    if (inPeriod(p.paidon)) cashed += p.amountcents;
    if (p.paidon >= q.from && p.paidon <= Math.min(firstMonthEnd, q.to) && !ids.cashedFirstMonth.includes(b.id))
      ids.cashedFirstMonth.push(b.id);
  }
  const noteById = new Map(notes.map((n) => [n.id, n]));
  for (const n of notes) {
    const b = bills.get(n.billid);
    if (!mine(b)) continue;
    add(n.issuedat, 'invoiced', -n.untaxedcents);
    if (n.refundcents !== 0) add(n.refundedon, 'cashed', -n.refundcents);
    if (inPeriod(n.issuedat)) {
      credited += n.untaxedcents;
      invoiced -= n.untaxedcents;
      bump(customer, String(b.customerid), -n.untaxedcents);
    }
    if (n.refundcents !== 0 && inPeriod(n.refundedon)) {
      refunded += n.refundcents;
      cashed -= n.refundcents;
    }
  }
  for (const cl of creditLines) {
    const n = noteById.get(cl.creditnoteid)!;
    const b = bills.get(n.billid);
    const l = lines.get(cl.billitemid)!;
    if (!mine(b) || !inPeriod(n.issuedat) || l.type === 'DISCOUNT' || l.type === 'SHIPPING') continue;
    bump(product, l.itemcode, -cl.totalcents);
    bump(catalog, String(catalogOf.get(l.catalogitemid) ?? 0), -cl.totalcents);
  }

  const top = (map: Map<string, number>, numeric: boolean) => {
    const rows = [...map].map(([key, cents]) => ({ key, cents }));
    rows.sort((a, b) => b.cents - a.cents || (numeric ? Number(a.key) - Number(b.key) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const ten = rows.slice(0, 10);
    const rest = rows.slice(10).reduce((sum, r) => sum + r.cents, 0);
    return rest !== 0 ? [...ten, { key: '', cents: rest }] : ten;
  };

  const stages = ['PLACED', 'PENDING', 'SOLDOUT'].map((status) => {
    let count = 0;
    let cents = 0;
    for (const b of bills.values())
      if (mine(b) && b.status === status) {
        count += 1;
        cents += b.amountcents;
      }
    return { status, bills: count, cents };
  });

  // Halves away from zero, written independently of the core's function.
  const basket = invoicedBills === 0 ? 0 : Math.sign(invoiced) * Math.round(Math.abs(invoiced) / invoicedBills);
  return {
    months,
    invoiced,
    invoicedBills,
    credited,
    cashed,
    refunded,
    basket,
    byProduct: top(product, false),
    byCatalog: top(catalog, true),
    byCustomer: top(customer, true),
    stages,
    ids,
  };
}
