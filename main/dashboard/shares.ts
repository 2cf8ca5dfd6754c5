import type { DashboardCustomerTableRow } from '../db/tables';
import type { BillFilter } from '../../shared/contract/bills';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import { statement, type Chosen } from './dashboard-query';
import type { ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { daySpans, staleDays, totalsZone } from './dashboard-totals';

/**
 * The "top 10 and the rest" charts: invoiced (net of credit notes) over the period by catalog, product and
 * customer; the rest is the whole less the ten.
 *
 * Products and catalogs: the lines summed per item sold, from the totals kept per day (migration 0170, a few
 * thousand rows for a year) when they can answer, else from the lines; both charts are added up from those rows
 * here, in one pass.
 *
 * Customers: a long period (a year of a busy shop: 250,000 invoices) is not grouped by customer, which took
 * 160–380 ms at a million bills. Each customer's invoiced total over all time (`dashboard_customer`, positive
 * bills only) is a bound no period of theirs can exceed: the customers are walked largest bound first, each one's
 * exact figure for the period read through its bills, until the bound falls below the tenth found. A short
 * period, or a walk that would be long (bounds close together), is grouped by SQLite as before, `sum(...) OVER ()`
 * giving the whole before LIMIT keeps the first ten.
 */

export const TOP = 10;

/** Lines of the invoices emitted in the period (@currency currency, @shop shop, @from from, @to to), and the lines credited in it. */
const LINES = `
  SELECT bi.itemcode AS code, bi.catalogitemid AS itemid, bi.totalcents AS cents
  FROM bill b INDEXED BY bill_dashboard CROSS JOIN bill_item bi INDEXED BY bill_item_dashboard ON bi.billid = b.id
  WHERE b.currency = @currency AND b.emissiondate BETWEEN @from AND @to AND b.idnumber <> '' AND (@shop IS NULL OR b.shopid = @shop)
    AND bi.type NOT IN ('DISCOUNT', 'SHIPPING')
  UNION ALL
  SELECT bi.itemcode, bi.catalogitemid, -cl.totalcents
  FROM bill_credit_note n INDEXED BY bill_credit_note_issued
    CROSS JOIN bill b ON b.id = n.billid
    CROSS JOIN bill_credit_line cl ON cl.creditnoteid = n.id
    CROSS JOIN bill_item bi ON bi.id = cl.billitemid
  WHERE n.issuedat BETWEEN @from AND @to AND b.currency = @currency AND (@shop IS NULL OR b.shopid = @shop)
    AND bi.type NOT IN ('DISCOUNT', 'SHIPPING')`;

const RANKED = (key: string, from: string) => `
  SELECT key, cents, sum(cents) OVER () AS whole FROM (SELECT ${key} AS key, sum(cents) AS cents FROM (${from}) GROUP BY 1)
  ORDER BY cents DESC, key LIMIT ${TOP}`;

/** Lines summed per item sold (a few thousand at most): products and catalogs are both added up from these, in one pass. */
const BY_ITEM = `SELECT code, itemid, sum(cents) AS cents FROM (${LINES}) GROUP BY code, itemid`;

const BY_CUSTOMER = RANKED(
  'customerid',
  `SELECT b.customerid, b.untaxedcents AS cents FROM bill b INDEXED BY bill_dashboard
   WHERE b.currency = @currency AND b.emissiondate BETWEEN @from AND @to AND b.idnumber <> '' AND (@shop IS NULL OR b.shopid = @shop)
   UNION ALL
   SELECT b.customerid, -n.untaxedcents FROM bill_credit_note n INDEXED BY bill_credit_note_issued CROSS JOIN bill b ON b.id = n.billid
   WHERE n.issuedat BETWEEN @from AND @to AND b.currency = @currency AND (@shop IS NULL OR b.shopid = @shop)`,
);

type Ranked = { key: string | number; cents: number; whole: number };
type Share = DashboardSummary['byProduct'][number];

/** The ten largest (ties by key, as SQLite orders them: numbers as numbers, codes as text), with the whole. */
function rank(sums: Map<string | number, number>): Ranked[] {
  let whole = 0;
  for (const cents of sums.values()) whole += cents;
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...sums]
    .map(([key, cents]) => ({ key, cents, whole }))
    .sort((a, b) => b.cents - a.cents || compare(a.key, b.key))
    .slice(0, TOP);
}

/** The lines summed per item sold over some days, from the kept totals: @currency, @shop, @first and @last day. */
const BY_ITEM_KEPT = `SELECT code, itemid, sum(cents) AS cents FROM dashboard_day
  WHERE currency = @currency AND measure = 'line' AND day BETWEEN @first AND @last AND (@shop IS NULL OR shopid = @shop)
    AND day NOT IN (SELECT day FROM dashboard_stale)
  GROUP BY code, itemid`;

type ItemSum = { code: string; itemid: number; cents: number };

/** The lines per item sold over the period: kept totals and the stale days' lines, or the lines alone. */
function itemSums(db: ReadableDb, query: Chosen): ItemSum[] {
  const days = daySpans(db, [query]);
  if (!days) return statement<ItemSum>(db, BY_ITEM).all(params(query));
  const [first, last] = days[0]!;
  const rows = statement<ItemSum>(db, BY_ITEM_KEPT).all({ currency: query.currency, shop: query.shopId ?? null, first, last });
  for (const { span } of staleDays(db, first, last))
    rows.push(...statement<ItemSum>(db, BY_ITEM).all(params({ ...query, from: span.from, to: span.to })));
  return rows;
}

function byItem(db: ReadableDb, query: Chosen): { products: Ranked[]; catalogs: Ranked[] } {
  const rows = itemSums(db, query);
  const catalogOf = statement<number>(db, 'SELECT catalogid FROM catalog_item WHERE id = ?', 'pluck');
  const products = new Map<string | number, number>();
  const catalogs = new Map<string | number, number>();
  for (const { code, itemid, cents } of rows) {
    products.set(code, (products.get(code) ?? 0) + cents);
    const catalog = catalogOf.get(itemid) ?? 0;
    catalogs.set(catalog, (catalogs.get(catalog) ?? 0) + cents);
  }
  return { products: rank(products), catalogs: rank(catalogs) };
}

/**
 * Above this many invoices in the period the top customers are walked by their bound; below, SQLite groups them.
 * Measured at a million bills (docs/benchmarks.md): grouping costs about 1 µs an invoice (60 ms for a quarter's
 * 62,000, 120 ms for half a year's), the walk 6–25 ms for half a year or more, but 80 ms for a quarter.
 */
export const WALK_ABOVE = 100_000;
/** The walk gives up past this many customers (bounds close together): SQLite groups them instead. */
const MAX_WALK = 2_048;
const PAGE = 256;

/** The bounds, largest first (@currency, @offset). */
const BOUNDS = `SELECT customerid, cents FROM dashboard_customer INDEXED BY dashboard_customer_bound
  WHERE currency = @currency ORDER BY cents DESC, customerid LIMIT ${PAGE} OFFSET @offset`;

/** One customer's invoiced amount over the period, credit notes deducted (@customer, @currency, @shop, @from, @to). */
const CUSTOMER_IN_PERIOD = `SELECT
  (SELECT coalesce(sum(b.untaxedcents), 0) FROM bill b INDEXED BY bill_customer
   WHERE b.customerid = @customer AND b.currency = @currency AND b.emissiondate BETWEEN @from AND @to AND b.idnumber <> ''
     AND (@shop IS NULL OR b.shopid = @shop))
  - (SELECT coalesce(sum(n.untaxedcents), 0) FROM bill b INDEXED BY bill_customer CROSS JOIN bill_credit_note n ON n.billid = b.id
   WHERE b.customerid = @customer AND b.currency = @currency AND n.issuedat BETWEEN @from AND @to AND (@shop IS NULL OR b.shopid = @shop))`;

/** The whole of the period (invoiced, credit notes deducted) and its invoices, as the totals count them. */
export interface PeriodWhole {
  cents: number;
  invoices: number;
}

/** The ten largest customers of the period, ties by id, each with the whole. */
export function topCustomers(db: ReadableDb, query: Chosen, whole: PeriodWhole, walkAbove = WALK_ABOVE): Ranked[] {
  const walked = whole.invoices > walkAbove ? walk(db, query, whole.cents) : undefined;
  return walked ?? statement<Ranked>(db, BY_CUSTOMER).all(params(query));
}

function walk(db: ReadableDb, query: Chosen, whole: number): Ranked[] | undefined {
  if (totalsZone(db) === undefined) return undefined; // no bounds yet: SQLite groups
  const bounds = statement<Pick<DashboardCustomerTableRow, 'customerid' | 'cents'>>(db, BOUNDS);
  const exact = statement<number>(db, CUSTOMER_IN_PERIOD, 'pluck');
  const top: { key: number; cents: number }[] = [];
  const before = (a: { key: number; cents: number }, b: { key: number; cents: number }) => b.cents - a.cents || a.key - b.key;
  for (let offset = 0; offset < MAX_WALK; offset += PAGE) {
    const page = bounds.all({ currency: query.currency, offset });
    for (const bound of page) {
      // No customer further down can reach the tenth (a bound equal to it could tie, and win by its id).
      if (top.length === TOP && bound.cents < top[TOP - 1]!.cents) return finished(top, whole);
      const cents = oneValue(exact.get({ ...params(query), customer: bound.customerid }));
      top.push({ key: bound.customerid, cents });
      top.sort(before);
      if (top.length > TOP) top.pop();
    }
    if (page.length < PAGE) return finished(top, whole);
  }
  return undefined;
}

/** Ten customers who bought something: else (a period of credit notes, or few customers), SQLite groups them. */
function finished(top: { key: number; cents: number }[], whole: number): Ranked[] | undefined {
  if (top.length < TOP || top[TOP - 1]!.cents <= 0) return undefined;
  return top.map(({ key, cents }) => ({ key, cents, whole }));
}

const params = (query: Chosen) => ({ currency: query.currency, shop: query.shopId ?? null, from: query.from, to: query.to });

/**
 * The ten, then the rest (left out when nothing is left), whose bills are the period's invoices without the ten:
 * `except` makes that filter from the ten keys.
 */
function withRest(rows: Ranked[], share: (row: Ranked) => Share, except: (keys: Ranked['key'][]) => BillFilter): Share[] {
  const shares = rows.map(share);
  const rest = (rows[0]?.whole ?? 0) - rows.reduce((sum, row) => sum + row.cents, 0);
  if (rest !== 0) shares.push({ key: '', label: '', cents: rest, filter: except(rows.map((row) => row.key)) });
  return shares;
}

export function topShares(
  db: ReadableDb,
  query: Chosen,
  invoiced: BillFilter,
  whole: PeriodWhole,
): Pick<DashboardSummary, 'byCatalog' | 'byProduct' | 'byCustomer'> {
  const itemName = statement<string>(db, 'SELECT name FROM catalog_item WHERE code = ? ORDER BY id LIMIT 1', 'pluck');
  const catalogName = statement<string>(db, 'SELECT name FROM catalog WHERE id = ?', 'pluck');
  const customerName = statement<string>(
    db,
    "SELECT trim(firstname || ' ' || lastname) || CASE WHEN organisation <> '' THEN ' (' || organisation || ')' ELSE '' END FROM customer WHERE id = ?",
    'pluck',
  );
  const items = byItem(db, query);
  const customers = topCustomers(db, query, whole);
  return {
    byProduct: withRest(
      items.products,
      ({ key, cents }) => ({
        key: String(key),
        label: itemName.get(key) ?? String(key),
        cents,
        filter: { ...invoiced, productCode: String(key) },
      }),
      (keys) => ({ ...invoiced, exceptProductCodes: keys.map(String) }),
    ),
    byCatalog: withRest(
      items.catalogs,
      ({ key, cents }) => ({
        key: String(key),
        // Lines whose item is in no catalog the cache holds (deleted since): no catalog to filter by.
        label: catalogName.get(key) ?? '',
        cents,
        filter: key === 0 ? null : { ...invoiced, catalogId: Number(key) },
      }),
      (keys) => ({ ...invoiced, exceptCatalogIds: keys.map(Number) }),
    ),
    byCustomer: withRest(
      customers,
      ({ key, cents }) => ({
        key: String(key),
        label: customerName.get(key) ?? `#${key}`,
        cents,
        filter: { ...invoiced, customerId: Number(key) },
      }),
      (keys) => ({ ...invoiced, exceptCustomerIds: keys.map(Number) }),
    ),
  };
}
