import type { BillStatus } from '../../shared/bills/bill-status';
import type { BillFilter } from '../../shared/contract/bills';
import { dashboardStages, type DashboardQuery, type DashboardSummary } from '../../shared/contract/dashboard';
import { freshBillOverlay } from '../bills/bill-overlay';
import { cachedStatement } from '../db/cached-statement';
import { bulkLoadPending } from '../sync/bulk-load';
import type { ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { monthsOf, yearBefore, type Span } from './months';
import { topShares } from './shares';
import { daySpans, staleDays, totalsZone } from './dashboard-totals';

/**
 * The dashboard's figures, each a sum SQLite makes over an index range (migration 0150), so that a million
 * bills never leave the database. What each figure means is written once, in docs/dashboard.md:
 *
 * - invoiced: the untaxed amount of the bills that carry an invoice number (their lettering), by emission date,
 *   less the untaxed amount of the credit notes, by the date each was issued;
 * - cashed: the payments received, by payment date, less the refunds, by the date each was made;
 * - by catalog and product: the untaxed lines of those invoices (discount and shipping lines aside), less the
 *   credited lines; by customer: the invoiced amount per customer; each the top 10 and the rest;
 * - average basket: invoiced over the invoices emitted in the period;
 * - stages: the bills now placed, pending payment, paid but not produced (SOLDOUT), whatever their date,
 *   counted as the Bills workspace counts them (local changes included), so a click lands on exactly those.
 */

/**
 * A statement of the dashboard. While a first sync fills the cache its read indexes are not built yet
 * (sync/bulk-load.ts): the figures are then read without naming them, from the rows received so far.
 */
export function statement<Row = unknown>(db: ReadableDb, sql: string, mode?: 'pluck'): ReturnType<typeof cachedStatement<Row>> {
  return cachedStatement<Row>(db, bulkLoadPending(db) ? sql.replace(/INDEXED BY \w+/g, '') : sql, mode);
}

/** The shop condition: every shop when none is named (@shop is null). */
const SHOP = '(@shop IS NULL OR b.shopid = @shop)';

/** Per month: the sum of an amount over rows found in an index by a date range. `@currency` currency, `@shop` shop, `@spans` months JSON. */
const PER_MONTH = {
  invoiced: `SELECT m.key AS i, sum(b.untaxedcents) AS cents, count(*) AS bills
    FROM json_each(@spans) m CROSS JOIN bill b INDEXED BY bill_dashboard
      ON b.currency = @currency AND b.emissiondate BETWEEN m.value ->> 0 AND m.value ->> 1
    WHERE b.idnumber <> '' AND ${SHOP} GROUP BY m.key`,
  credited: `SELECT m.key AS i, sum(n.untaxedcents) AS cents, 0 AS bills
    FROM json_each(@spans) m CROSS JOIN bill_credit_note n INDEXED BY bill_credit_note_issued
      ON n.issuedat BETWEEN m.value ->> 0 AND m.value ->> 1
    CROSS JOIN bill b ON b.id = n.billid
    WHERE b.currency = @currency AND ${SHOP} GROUP BY m.key`,
  paid: `SELECT m.key AS i, sum(p.amountcents) AS cents, 0 AS bills
    FROM json_each(@spans) m CROSS JOIN bill_payment p INDEXED BY bill_payment_paidon
      ON p.paidon BETWEEN m.value ->> 0 AND m.value ->> 1
    CROSS JOIN bill b ON b.id = p.billid
    WHERE b.currency = @currency AND ${SHOP} GROUP BY m.key`,
  // Credit notes are few (one for some invoices): the refunds are found by reading them all.
  refunded: `SELECT m.key AS i, sum(n.refundcents) AS cents, 0 AS bills
    FROM json_each(@spans) m CROSS JOIN bill_credit_note n ON n.refundcents <> 0 AND n.refundedon BETWEEN m.value ->> 0 AND m.value ->> 1
    CROSS JOIN bill b ON b.id = n.billid
    WHERE b.currency = @currency AND ${SHOP} GROUP BY m.key`,
} as const;

/** The query with its currency settled. */
export type Chosen = DashboardQuery & { currency: string };

type MonthSums = { cents: number[]; bills: number[] };

/** Per month, from the kept totals (migration 0170): @currency, @shop, @measure, @days the months as [first day, last day]. */
const PER_MONTH_KEPT = `SELECT m.key AS i, sum(d.cents) AS cents, sum(d.bills) AS bills
  FROM json_each(@days) m CROSS JOIN dashboard_day d
    ON d.currency = @currency AND d.measure = @measure AND d.day BETWEEN m.value ->> 0 AND m.value ->> 1
  WHERE (@shop IS NULL OR d.shopid = @shop) AND d.day NOT IN (SELECT day FROM dashboard_stale)
  GROUP BY m.key`;

type SumRow = { i: number; cents: number; bills: number };

/**
 * A figure per month: from the totals kept per day when they can answer (whole local days, in this zone), the
 * days the last writes made stale read from the rows; from the rows alone otherwise.
 */
function perMonth(db: ReadableDb, kind: keyof typeof PER_MONTH, query: Chosen, months: Span[]): MonthSums {
  const sums: MonthSums = { cents: months.map(() => 0), bills: months.map(() => 0) };
  const add = (rows: SumRow[], month: (i: number) => number) => {
    for (const row of rows) {
      sums.cents[month(row.i)]! += row.cents;
      sums.bills[month(row.i)]! += row.bills;
    }
  };
  const fromRows = (spans: Span[]) =>
    statement<SumRow>(db, PER_MONTH[kind]).all({
      currency: query.currency,
      shop: query.shopId ?? null,
      spans: JSON.stringify(spans.map((span) => [span.from, span.to])),
    });
  const days = daySpans(db, months);
  if (!days) {
    add(fromRows(months), (i) => i);
    return sums;
  }
  add(
    statement<SumRow>(db, PER_MONTH_KEPT).all({
      currency: query.currency,
      shop: query.shopId ?? null,
      measure: kind,
      days: JSON.stringify(days),
    }),
    (i) => i,
  );
  const stale = staleDays(db, days[0]![0], days[days.length - 1]![1]).filter(({ day }) =>
    days.some(([first, last]) => day >= first && day <= last),
  );
  if (stale.length > 0) {
    const monthOf = stale.map(({ day }) => days.findIndex(([first, last]) => day >= first && day <= last));
    add(fromRows(stale.map(({ span }) => span)), (i) => monthOf[i]!);
  }
  return sums;
}

const subtract = (a: number[], b: number[]) => a.map((value, i) => value - (b[i] ?? 0));
const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/** Invoiced and cashed per month over some months. */
function revenue(db: ReadableDb, query: Chosen, months: Span[]) {
  const invoiced = perMonth(db, 'invoiced', query, months);
  const credited = perMonth(db, 'credited', query, months);
  const paid = perMonth(db, 'paid', query, months);
  const refunded = perMonth(db, 'refunded', query, months);
  return {
    invoiced: subtract(invoiced.cents, credited.cents),
    cashed: subtract(paid.cents, refunded.cents),
    invoicedBills: total(invoiced.bills),
    credited: total(credited.cents),
    paid: total(paid.cents),
    refunded: total(refunded.cents),
  };
}

/**
 * The bills now at each stage, with their amounts: kept per state, currency and shop by the bills' triggers
 * (migration 0170; until they are first added up, read from the rows), then the bills whose state was
 * changed here and not yet sent moved where the operator sees them, as the Bills tabs count them: the figure
 * and the list it opens agree.
 */
function stages(db: ReadableDb, query: Chosen, base: BillFilter): DashboardSummary['stages'] {
  const counts = new Map<string, number>();
  const cents = new Map<string, number>();
  const move = (status: string, bills: number, amount: number) => {
    counts.set(status, (counts.get(status) ?? 0) + bills);
    cents.set(status, (cents.get(status) ?? 0) + amount);
  };
  const sums = statement<{
    status: string;
    bills: number;
    cents: number;
  }>(
    db,
    totalsZone(db) === undefined
      ? `SELECT b.status, count(*) AS bills, sum(b.amountcents) AS cents FROM bill b
         WHERE b.status IN (SELECT value FROM json_each(@stages)) AND b.currency = @currency AND ${SHOP} GROUP BY b.status`
      : `SELECT b.status, sum(b.bills) AS bills, sum(b.cents) AS cents FROM dashboard_stage b
         WHERE b.status IN (SELECT value FROM json_each(@stages)) AND b.currency = @currency AND ${SHOP} GROUP BY b.status`,
  ).all({ currency: query.currency, shop: query.shopId ?? null, stages: JSON.stringify(dashboardStages) });
  for (const row of sums) move(row.status, row.bills, row.cents);
  freshBillOverlay(db);
  const moved = statement<{ was: string; now: string; cents: number }>(
    db,
    `SELECT b.status AS was, o.status AS now, b.amountcents AS cents FROM temp.bill_overlay o CROSS JOIN bill b ON b.id = o.billid
     WHERE o.status <> b.status AND b.currency = @currency AND ${SHOP}`,
  ).all({ currency: query.currency, shop: query.shopId ?? null });
  for (const { was, now, cents: amount } of moved) {
    move(was, -1, -amount);
    move(now, 1, amount);
  }
  return dashboardStages.map((status: BillStatus) => ({
    status,
    bills: counts.get(status) ?? 0,
    cents: cents.get(status) ?? 0,
    filter: { ...base, status },
  }));
}

/** The first currency code after `after` (an index seek each): the currencies the cache holds, without reading it all. */
function currencies(db: ReadableDb): string[] {
  const next = statement<string | null>(db, 'SELECT min(currency) FROM bill WHERE currency > ?', 'pluck');
  const found: string[] = [];
  for (let code = oneValue(next.get('')); code !== null && found.length < 50; code = oneValue(next.get(code))) found.push(code);
  return found;
}

/**
 * Answers kept until the data changes (the Bills reads' data key, bill-overlay.ts: a sync page, an action, another
 * process): opening the dashboard again, or going back to a period seen, reads nothing.
 */
const answers = new WeakMap<ReadableDb, { key: string; byQuery: Map<string, DashboardSummary> }>();
const MAX_ANSWERS = 16;

export function dashboardSummary(db: ReadableDb, asked: DashboardQuery): DashboardSummary {
  const key = freshBillOverlay(db);
  let kept = answers.get(db);
  if (kept?.key !== key) answers.set(db, (kept = { key, byQuery: new Map() }));
  const name = JSON.stringify(asked);
  const known = kept.byQuery.get(name);
  if (known) return known;
  const summary = computeSummary(db, asked);
  if (kept.byQuery.size >= MAX_ANSWERS) kept.byQuery.delete(kept.byQuery.keys().next().value!);
  kept.byQuery.set(name, summary);
  return summary;
}

function computeSummary(db: ReadableDb, asked: DashboardQuery): DashboardSummary {
  const shops = statement<DashboardSummary['shops'][number]>(db, 'SELECT id, name, currency FROM shop ORDER BY id').all();
  const held = currencies(db);
  // No currency named: the chosen shop's, else the first shop's, else the first the bills use.
  const currency = asked.currency ?? shops.find((shop) => shop.id === asked.shopId)?.currency ?? shops[0]?.currency ?? held[0] ?? 'EUR';
  const query: Chosen = { ...asked, currency };
  const base: BillFilter = { currency: query.currency, ...(query.shopId !== undefined ? { shopId: query.shopId } : {}) };
  const months = monthsOf(query);
  const before = months.map(yearBefore);
  const now = revenue(db, query, months);
  const then = revenue(db, query, before);
  const invoicedCents = total(now.invoiced);
  const invoiced = (span: Span): BillFilter => ({ ...base, lettered: true, from: span.from, to: span.to });
  const cashed = (span: Span): BillFilter => ({ ...base, paidFrom: span.from, paidTo: span.to });
  return {
    currency,
    shops,
    currencies: held,
    months: months.map((month, i) => ({
      from: month.from,
      to: month.to,
      invoicedCents: now.invoiced[i]!,
      cashedCents: now.cashed[i]!,
      lastYearInvoicedCents: then.invoiced[i]!,
      lastYearCashedCents: then.cashed[i]!,
      invoicedFilter: invoiced(month),
      cashedFilter: cashed(month),
      lastYearInvoicedFilter: invoiced(before[i]!),
      lastYearCashedFilter: cashed(before[i]!),
    })),
    totals: {
      invoicedCents,
      invoicedBills: now.invoicedBills,
      creditedCents: now.credited,
      cashedCents: total(now.cashed),
      refundedCents: now.refunded,
      averageBasketCents: now.invoicedBills === 0 ? 0 : roundedQuotient(invoicedCents, now.invoicedBills),
      invoicedFilter: invoiced(query),
      cashedFilter: cashed(query),
    },
    ...topShares(db, query, invoiced(query), { cents: invoicedCents, invoices: now.invoicedBills }),
    stages: stages(db, query, base),
  };
}

/** a / b to the nearest cent, halves away from zero (the house rounding, docs/dashboard.md). */
export function roundedQuotient(a: number, b: number): number {
  const sign = Math.sign(a) * Math.sign(b);
  const [x, y] = [Math.abs(a), Math.abs(b)];
  return sign * (Math.floor(x / y) + (2 * (x % y) >= y ? 1 : 0));
}
