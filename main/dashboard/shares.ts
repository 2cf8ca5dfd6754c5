import type { BillFilter } from '../../shared/contract/bills';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import { statement, type Chosen } from './dashboard-query';
import type { Db } from '../db/open';

/**
 * The "top 10 and the rest" charts: invoiced (net of credit notes) over the period by catalog, product and
 * customer. Customers: SQLite groups and ranks, `sum(...) OVER ()` giving the whole before LIMIT keeps the first
 * ten, so the rest is the whole less those ten, with no second pass. Products and catalogs: SQLite sums the lines
 * per item sold (a few thousand rows), and both charts are added up from those rows here: one pass over the
 * lines instead of two (1.07 s + 0.54 s at a year of a million bills, measured, before).
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

function byItem(db: Db, query: Chosen): { products: Ranked[]; catalogs: Ranked[] } {
  const rows = statement(db, BY_ITEM).all(params(query)) as { code: string; itemid: number; cents: number }[];
  const catalogOf = statement(db, 'SELECT catalogid FROM catalog_item WHERE id = ?', 'pluck');
  const products = new Map<string | number, number>();
  const catalogs = new Map<string | number, number>();
  for (const { code, itemid, cents } of rows) {
    products.set(code, (products.get(code) ?? 0) + cents);
    const catalog = (catalogOf.get(itemid) as number | undefined) ?? 0;
    catalogs.set(catalog, (catalogs.get(catalog) ?? 0) + cents);
  }
  return { products: rank(products), catalogs: rank(catalogs) };
}

const params = (query: Chosen) => ({ currency: query.currency, shop: query.shopId ?? null, from: query.from, to: query.to });

/** The ten, then the rest (left out when nothing is left). */
function withRest(rows: Ranked[], share: (row: Ranked) => Share): Share[] {
  const shares = rows.map(share);
  const rest = (rows[0]?.whole ?? 0) - rows.reduce((sum, row) => sum + row.cents, 0);
  if (rest !== 0) shares.push({ key: '', label: '', cents: rest, filter: null });
  return shares;
}

export function topShares(db: Db, query: Chosen, invoiced: BillFilter): Pick<DashboardSummary, 'byCatalog' | 'byProduct' | 'byCustomer'> {
  const itemName = statement(db, 'SELECT name FROM catalog_item WHERE code = ? ORDER BY id LIMIT 1', 'pluck');
  const catalogName = statement(db, 'SELECT name FROM catalog WHERE id = ?', 'pluck');
  const customerName = statement(
    db,
    "SELECT trim(firstname || ' ' || lastname) || CASE WHEN organisation <> '' THEN ' (' || organisation || ')' ELSE '' END FROM customer WHERE id = ?",
    'pluck',
  );
  const items = byItem(db, query);
  const customers = statement(db, BY_CUSTOMER).all(params(query)) as Ranked[];
  return {
    byProduct: withRest(items.products, ({ key, cents }) => ({
      key: String(key),
      label: (itemName.get(key) as string | undefined) ?? String(key),
      cents,
      filter: { ...invoiced, productCode: String(key) },
    })),
    byCatalog: withRest(items.catalogs, ({ key, cents }) => ({
      key: String(key),
      // Lines whose item is in no catalog the cache holds (deleted since): no catalog to filter by.
      label: (catalogName.get(key) as string | undefined) ?? '',
      cents,
      filter: key === 0 ? null : { ...invoiced, catalogId: Number(key) },
    })),
    byCustomer: withRest(customers, ({ key, cents }) => ({
      key: String(key),
      label: (customerName.get(key) as string | undefined) ?? `#${key}`,
      cents,
      filter: { ...invoiced, customerId: Number(key) },
    })),
  };
}
