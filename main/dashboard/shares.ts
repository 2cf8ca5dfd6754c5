import type { BillFilter } from '../../shared/contract/bills';
import type { DashboardQuery, DashboardSummary } from '../../shared/contract/dashboard';
import { cachedStatement } from '../db/cached-statement';
import type { Db } from '../db/open';

/**
 * The "top 10 and the rest" charts: invoiced (net of credit notes) over the period by catalog, product and
 * customer. SQLite groups and ranks; `sum(...) OVER ()` gives the whole before LIMIT keeps the first ten, so
 * the rest is the whole less those ten, with no second pass.
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

const SQL = {
  product: RANKED('code', LINES),
  catalog: RANKED('coalesce((SELECT catalogid FROM catalog_item WHERE id = itemid), 0)', LINES),
  customer: RANKED(
    'customerid',
    `SELECT b.customerid, b.untaxedcents AS cents FROM bill b INDEXED BY bill_dashboard
     WHERE b.currency = @currency AND b.emissiondate BETWEEN @from AND @to AND b.idnumber <> '' AND (@shop IS NULL OR b.shopid = @shop)
     UNION ALL
     SELECT b.customerid, -n.untaxedcents FROM bill_credit_note n INDEXED BY bill_credit_note_issued CROSS JOIN bill b ON b.id = n.billid
     WHERE n.issuedat BETWEEN @from AND @to AND b.currency = @currency AND (@shop IS NULL OR b.shopid = @shop)`,
  ),
} as const;

type Ranked = { key: string | number; cents: number; whole: number };
type Share = DashboardSummary['byProduct'][number];

function ranked(db: Db, kind: keyof typeof SQL, query: DashboardQuery): Ranked[] {
  return cachedStatement(db, SQL[kind]).all({
    currency: query.currency,
    shop: query.shopId ?? null,
    from: query.from,
    to: query.to,
  }) as Ranked[];
}

/** The ten, then the rest (left out when nothing is left). */
function withRest(rows: Ranked[], share: (row: Ranked) => Share): Share[] {
  const shares = rows.map(share);
  const rest = (rows[0]?.whole ?? 0) - rows.reduce((sum, row) => sum + row.cents, 0);
  if (rest !== 0) shares.push({ key: '', label: '', cents: rest, filter: null });
  return shares;
}

export function topShares(
  db: Db,
  query: DashboardQuery,
  invoiced: BillFilter,
): Pick<DashboardSummary, 'byCatalog' | 'byProduct' | 'byCustomer'> {
  const itemName = cachedStatement(db, 'SELECT name FROM catalog_item WHERE code = ? ORDER BY id LIMIT 1', 'pluck');
  const catalogName = cachedStatement(db, 'SELECT name FROM catalog WHERE id = ?', 'pluck');
  const customerName = cachedStatement(
    db,
    "SELECT trim(firstname || ' ' || lastname) || CASE WHEN organisation <> '' THEN ' (' || organisation || ')' ELSE '' END FROM customer WHERE id = ?",
    'pluck',
  );
  return {
    byProduct: withRest(ranked(db, 'product', query), ({ key, cents }) => ({
      key: String(key),
      label: (itemName.get(key) as string | undefined) ?? String(key),
      cents,
      filter: { ...invoiced, productCode: String(key) },
    })),
    byCatalog: withRest(ranked(db, 'catalog', query), ({ key, cents }) => ({
      key: String(key),
      // Lines whose item is in no catalog the cache holds (deleted since): no catalog to filter by.
      label: (catalogName.get(key) as string | undefined) ?? '',
      cents,
      filter: key === 0 ? null : { ...invoiced, catalogId: Number(key) },
    })),
    byCustomer: withRest(ranked(db, 'customer', query), ({ key, cents }) => ({
      key: String(key),
      label: (customerName.get(key) as string | undefined) ?? `#${key}`,
      cents,
      filter: { ...invoiced, customerId: Number(key) },
    })),
  };
}
