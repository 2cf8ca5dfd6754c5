import type { Renewal } from '../../shared/contract/followup';
import { percentOf } from '../../shared/money/rounding';
import type { Db } from '../db/open';

/**
 * Renewals: what customers own that ends soon, or ended without being renewed, with what renewing would cost
 * today. Read by SQLite through product_enddate (the window of end dates) and product_customer_item (is there a
 * later product of the same item for that customer?).
 *
 * - A product counts when it is not deleted, not a test, has an end date, and that end falls in
 *   [asOf − endedWithinDays, asOf + horizonDays).
 * - It is renewed, and left out, when the customer has another product of the same catalog item ending later (or
 *   never), or when the product has an `extended` event dated at or after its end (an extension the shop
 *   recorded that its end date does not show yet).
 * - The price of a renewal is the catalog item's price today for one unit (its first tier), plus the item's tax
 *   at today's rate (none when the shop does not apply taxes), rounded as the shop rounds (half away from zero):
 *   what the shop shows a buyer. An element of a bundle (priced 0, the bundle carries the price) is renewed by
 *   buying the bundle again: its price and name are the bundle's. The currency
 *   is the customer's shop's. An item deleted since has no price (null).
 */

const DAY = 86_400;
const LIMIT = 2000;

interface Row {
  productId: number;
  billId: number | null;
  customerId: number;
  customer: string;
  hasaccount: number;
  catalogItemId: number;
  product: string | null;
  code: string | null;
  endDate: number;
  prices: string | null;
  renewalItem: string | null;
  ratio: number | null;
  currency: string | null;
  reminders: number;
  lastReminderAt: number | null;
}

export function renewals(
  db: Db,
  options: { asOf: number; horizonDays: number; endedWithinDays: number; productIds?: readonly number[] },
): { renewals: Renewal[]; truncated: boolean } {
  const rows = db
    .prepare<[Record<string, number | string | null>], Row>(
      `SELECT p.id AS productId, bi.billid AS billId, p.customerid AS customerId,
              trim(c.firstname || ' ' || c.lastname) AS customer, c.hasaccount,
              p.catalogitemid AS catalogItemId, ci.name AS product, ci.code, p.enddate AS endDate,
              coalesce(bundle.prices, ci.prices) AS prices, coalesce(bundle.name, ci.name) AS renewalItem,
              CASE WHEN s.allowtax = 0 THEN 0 ELSE coalesce(bt.ratio, t.ratio) END AS ratio, s.currency,
              (SELECT count(*) FROM bill_reminder m WHERE m.product_id = p.id AND m.outcome <> 'failed') AS reminders,
              (SELECT max(created_at) FROM bill_reminder m WHERE m.product_id = p.id AND m.outcome <> 'failed') AS lastReminderAt
       FROM product p
       JOIN customer c ON c.id = p.customerid
       LEFT JOIN shop s ON s.id = c.shopid
       LEFT JOIN catalog_item ci ON ci.id = p.catalogitemid
       LEFT JOIN tax t ON t.id = ci.taxcode
       LEFT JOIN catalog_item bundle ON bundle.id = ci.setid AND ci.setid > 0 AND bundle.type = 'bundle'
       LEFT JOIN tax bt ON bt.id = bundle.taxcode
       LEFT JOIN bill_item bi ON bi.id = CASE WHEN p.currentbillitemid > 0 THEN p.currentbillitemid ELSE p.initialbillitemid END
       WHERE p.enddate >= @from AND p.enddate < @to AND p.enddate > 0
         AND p.deleted = 0 AND p.test = 0
         AND (@ids IS NULL OR p.id IN (SELECT value FROM json_each(@ids)))
         AND NOT EXISTS (
           SELECT 1 FROM product q
           WHERE q.customerid = p.customerid AND q.catalogitemid = p.catalogitemid AND q.id <> p.id AND q.deleted = 0
             AND (q.enddate = 0 OR q.enddate > p.enddate))
         AND NOT EXISTS (
           SELECT 1 FROM product_event e WHERE e.productid = p.id AND e.eventtype = 'extended' AND e.datecreated >= p.enddate)
       ORDER BY p.enddate, p.id
       LIMIT ${LIMIT + 1}`,
    )
    .all({
      from: options.asOf - options.endedWithinDays * DAY,
      to: options.asOf + options.horizonDays * DAY,
      ids: options.productIds ? JSON.stringify(options.productIds) : null,
    });
  return { renewals: rows.slice(0, LIMIT).map((row) => toRenewal(row, options.asOf)), truncated: rows.length > LIMIT };
}

/** One unit at today's first tier, tax included (percent_of, half away from zero, as the shop computes a line's tax). */
export function renewalPrice(prices: string, taxRatio: number): number | null {
  let tiers: { fromquantity: number; unitcents: number }[];
  try {
    tiers = JSON.parse(prices) as { fromquantity: number; unitcents: number }[];
  } catch {
    return null;
  }
  const first = [...tiers].sort((a, b) => a.fromquantity - b.fromquantity)[0];
  if (!first || !Number.isSafeInteger(first.unitcents)) return null;
  return first.unitcents + percentOf(first.unitcents, taxRatio);
}

function toRenewal(row: Row, asOf: number): Renewal {
  const left = row.endDate - asOf;
  return {
    productId: row.productId,
    billId: row.billId ?? 0,
    customerId: row.customerId,
    customer: row.customer,
    hasAccount: row.hasaccount > 0,
    catalogItemId: row.catalogItemId,
    product: row.product ?? `#${row.catalogItemId}`,
    code: row.code ?? '',
    endDate: row.endDate,
    // Whole days, rounded down: ending in 10 hours is 0 days left, ended 10 hours ago is -1.
    daysLeft: Math.floor(left / DAY),
    renewalItem: row.renewalItem ?? row.product ?? `#${row.catalogItemId}`,
    renewalCents: row.prices === null ? null : renewalPrice(row.prices, row.ratio ?? 0),
    currency: row.currency ?? '',
    reminders: row.reminders,
    lastReminderAt: row.lastReminderAt,
  };
}
