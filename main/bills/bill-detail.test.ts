import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILL_TRANSITIONS } from '../../shared/bills/bill-status';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { getBillDetail, taxesByRate } from './bill-detail';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache({ bills: 2000 });
}, 60_000);
afterAll(() => cache.close());

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('bills.get', () => {
  it('adds up to the cent on every bill: lines, taxes per rate, payments, what is due', () => {
    const ids = cache.db.prepare('SELECT id FROM bill ORDER BY id').pluck().all() as number[];
    let severalRates = 0;
    let withProducts = 0;
    for (const id of ids) {
      const detail = getBillDetail(cache.db, id);
      const { bill } = detail;
      expect(total(detail.lines.map((l) => l.totalcents)), `bill ${id}`).toBe(bill.untaxedcents);
      expect(total(detail.taxesByRate.map((r) => r.untaxedcents)), `bill ${id}`).toBe(bill.untaxedcents);
      expect(total(detail.taxesByRate.map((r) => r.taxcents)), `bill ${id}`).toBe(bill.taxcents);
      expect(bill.untaxedcents + bill.taxcents).toBe(bill.amountcents);
      for (const rate of detail.taxesByRate) {
        const lines = detail.lines.filter((l) => l.taxratio === rate.taxratio);
        expect(rate.taxcents).toBe(total(lines.map((l) => l.taxcents)));
      }
      expect(total(detail.payments.map((p) => p.amountcents)), `bill ${id}`).toBe(bill.paidcents);
      expect(detail.dueCents).toBe(Math.max(0, bill.amountcents - bill.paidcents));
      expect(detail.allowedTransitions).toEqual(BILL_TRANSITIONS[bill.status]);
      if (detail.history.length > 0) expect(detail.history.at(-1)!.tostatus, `bill ${id}`).toBe(bill.status);
      expect(detail.customer.id).toBe(bill.customerId);
      expect(`${detail.customer.firstname} ${detail.customer.lastname}`.trim()).toBe(bill.customer);
      if (detail.taxesByRate.length > 1) severalRates += 1;
      if (detail.products.length > 0) withProducts += 1;
    }
    // The demo shop sells at 20 % and 5.5 % (books), and produces enrolments: both cases were met.
    expect(severalRates).toBeGreaterThan(10);
    expect(withProducts).toBeGreaterThan(100);
  });

  it("lists the products the bill's lines produced or renewed", () => {
    const rows = cache.db
      .prepare(
        `SELECT bi.billid, p.id FROM product p JOIN bill_item bi ON bi.id IN (p.currentbillitemid, p.initialbillitemid)
         WHERE p.deleted = 0 ORDER BY bi.billid, p.id`,
      )
      .all() as { billid: number; id: number }[];
    const expected = new Map<number, Set<number>>();
    for (const row of rows) expected.set(row.billid, (expected.get(row.billid) ?? new Set()).add(row.id));
    // An extension renews a product sold on an earlier bill: both bills list it.
    const renewed = cache.db.prepare('SELECT count(*) FROM product WHERE currentbillitemid <> initialbillitemid').pluck().get() as number;
    expect(renewed).toBeGreaterThan(0);
    for (const [billid, products] of expected) {
      expect(
        getBillDetail(cache.db, billid).products.map((p) => p.id),
        `bill ${billid}`,
      ).toEqual([...products].sort((a, b) => a - b));
    }
  });

  it('groups taxes by rate with exact integer sums, discounts included', () => {
    expect(
      taxesByRate([
        { taxratio: 2000, totalcents: 10_001, taxcents: 2000 },
        { taxratio: 550, totalcents: 1999, taxcents: 110 },
        { taxratio: 2000, totalcents: -1000, taxcents: -200 },
      ]),
    ).toEqual([
      { taxratio: 550, untaxedcents: 1999, taxcents: 110 },
      { taxratio: 2000, untaxedcents: 9001, taxcents: 1800 },
    ]);
  });
});
