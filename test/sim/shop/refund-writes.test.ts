import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BillRecord } from '../../../main/shop-api/records';
import type { RefundInput } from '../../../main/shop-api/shop-client';
import { billFixture, seedSmallShop } from './fixtures';
import { countRows, errorCode, mutationId, NOW, startShopSite, type ShopTestSite } from './shop-site';

/** local_shopbackoffice_record_refund through the real client: credit notes, their numbers, their tax, the bill's states. */

const YEAR = new Date(NOW * 1000).getUTCFullYear();
let site: ShopTestSite;
beforeEach(async () => {
  site = await startShopSite();
  seedSmallShop(site.sim);
});
afterEach(async () => {
  await site.close();
});

/**
 * An invoiced, paid bill of three lines: 3 seats at 333.33 € (20 %), a book at 24.99 € (5.5 %) and a discount of
 * -50.00 € at 20 %. Line taxes as the shop rounds them, half away from zero.
 */
function paidBill(id: number, overrides: Partial<BillRecord> = {}): BillRecord {
  const items = [
    {
      id: id * 10 + 1,
      ordering: 1,
      type: 'BILLING' as const,
      itemcode: 'SEAT',
      unitcents: 33_333,
      quantity: 3,
      totalcents: 99_999,
      taxratio: 2000,
      taxcents: 20_000,
    },
    {
      id: id * 10 + 2,
      ordering: 2,
      type: 'BILLING' as const,
      itemcode: 'BOOK',
      unitcents: 2499,
      quantity: 1,
      totalcents: 2499,
      taxratio: 550,
      taxcents: 137,
    },
    {
      id: id * 10 + 3,
      ordering: 3,
      type: 'DISCOUNT' as const,
      itemcode: 'DISCOUNT',
      unitcents: -5000,
      quantity: 1,
      totalcents: -5000,
      taxratio: 2000,
      taxcents: -1000,
    },
  ].map((line) => ({
    catalogitemid: 1,
    abstract: line.itemcode,
    description: '',
    delay: 0,
    taxcode: 1,
    bundleid: 0,
    customerdata: '',
    productiondata: '',
    ...line,
  }));
  const untaxedcents = items.reduce((sum, line) => sum + line.totalcents, 0);
  const taxcents = items.reduce((sum, line) => sum + line.taxcents, 0);
  const amountcents = untaxedcents + taxcents;
  return billFixture({
    id,
    status: 'SOLDOUT',
    idnumber: `FA-2026-${id}`,
    items,
    untaxedcents,
    taxcents,
    amountcents,
    paidcents: amountcents,
    payments: [{ id, amountcents, paymode: 'transfer', paidon: NOW - 86_400, reference: `VIR-${id}`, timecreated: NOW - 86_400 }],
    ...overrides,
  });
}

const refund = (amountcents: number, lines: RefundInput['lines'], reason = 'Seat cancelled'): RefundInput => ({
  reason,
  lines,
  refund: { amountcents, currency: 'EUR', paymode: 'transfer', refundedon: NOW, reference: 'VIR-AV' },
});

describe('local_shopbackoffice_record_refund', () => {
  it('credits part of a bill: its tax on the amount credited, numbered, and the bill back to paid through PAYBACK', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', paidBill(1));
    // One seat of three: 333.33 € + 20 % = 66.666 → 66.67 €.
    const id = mutationId();
    const answer = await api.recordRefund(id, 1, refund(40_000, [{ billitemid: 11, quantity: 1, totalcents: 33_333 }]));
    expect(answer).toMatchObject({ status: 'applied', replayed: 0, number: `AV-${YEAR}-000001`, bill: { status: 'SOLDOUT', version: 2 } });
    expect(answer.bill.creditnotes).toEqual([
      expect.objectContaining({
        id: answer.creditnoteid,
        number: `AV-${YEAR}-000001`,
        untaxedcents: 33_333,
        taxcents: 6_667,
        amountcents: 40_000,
        refundcents: 40_000,
        refundpaymode: 'transfer',
        issuedat: NOW,
        userid: 2,
      }),
    ]);
    expect(answer.bill.creditlines).toEqual([
      expect.objectContaining({
        creditnoteid: answer.creditnoteid,
        billitemid: 11,
        quantity: 1,
        totalcents: 33_333,
        taxratio: 2000,
        taxcents: 6_667,
      }),
    ]);
    expect(answer.bill.history.map((step) => [step.fromstatus, step.tostatus, step.note])).toEqual([
      ['SOLDOUT', 'PAYBACK', `Credit note AV-${YEAR}-000001`],
      ['PAYBACK', 'SOLDOUT', 'Refund 40000 cents (transfer)'],
    ]);
    // Replayed once, never twice.
    expect(await api.recordRefund(id, 1, refund(40_000, [{ billitemid: 11, quantity: 1, totalcents: 33_333 }]))).toEqual({
      ...answer,
      replayed: 1,
    });
    expect(countRows(sim, 'local_shop_bill_creditnote', 'billid = 1')).toBe(1);
  });

  it('credits the rest in full: every line to the cent of its tax, the bill CANCELLED, numbers in sequence across bills', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', paidBill(1));
    sim.shop.insert('bills', paidBill(2));
    await api.recordRefund(mutationId(), 2, refund(40_000, [{ billitemid: 21, quantity: 1, totalcents: 33_333 }]));
    const bill = sim.shop.read('bills', 1)!;
    const whole = bill.items.map((line) => ({ billitemid: line.id, quantity: line.quantity, totalcents: line.totalcents }));
    const full = await api.recordRefund(mutationId(), 1, refund(bill.amountcents, whole, 'Order cancelled'));
    expect(full.number).toBe(`AV-${YEAR}-000002`);
    expect(full.bill.status).toBe('CANCELLED');
    expect(full.bill.creditnotes[0]).toMatchObject({
      untaxedcents: bill.untaxedcents,
      taxcents: bill.taxcents,
      amountcents: bill.amountcents,
    });
    expect(full.bill.creditlines.map((line) => line.taxcents)).toEqual(bill.items.map((line) => line.taxcents));

    // The other bill's rest: two seats (the tax left, not 20 % of 666.66 recomputed), the book and the discount.
    const other = sim.shop.read('bills', 2)!;
    const rest = [
      { billitemid: 21, quantity: 2, totalcents: 66_666 },
      { billitemid: 22, quantity: 1, totalcents: 2499 },
      { billitemid: 23, quantity: 1, totalcents: -5000 },
    ];
    const second = await api.recordRefund(mutationId(), 2, refund(other.amountcents - 40_000, rest));
    expect(second.bill.status).toBe('CANCELLED');
    expect(second.bill.creditlines.filter((line) => line.billitemid === 21).reduce((sum, line) => sum + line.taxcents, 0)).toBe(20_000);
    expect(second.bill.creditnotes.reduce((sum, note) => sum + note.amountcents, 0)).toBe(other.amountcents);
  });

  it('refuses what a credit note cannot be, and writes nothing', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', paidBill(1));
    sim.shop.insert('bills', paidBill(2, { idnumber: '' }));
    sim.shop.insert('bills', paidBill(3, { status: 'PENDING', paidcents: 0, payments: [] }));
    const seat = [{ billitemid: 11, quantity: 1, totalcents: 33_333 }];
    expect(await errorCode(api.recordRefund(mutationId(), 2, refund(40_000, [{ billitemid: 21, quantity: 1, totalcents: 33_333 }])))).toBe(
      'billnotrefundable',
    );
    expect(await errorCode(api.recordRefund(mutationId(), 3, refund(40_000, [{ billitemid: 31, quantity: 1, totalcents: 33_333 }])))).toBe(
      'billnotrefundable',
    );
    expect(await errorCode(api.recordRefund(mutationId(), 1, refund(40_000, [{ billitemid: 21, quantity: 1, totalcents: 33_333 }])))).toBe(
      'itemnotinbill',
    );
    expect(await errorCode(api.recordRefund(mutationId(), 1, refund(1, [{ billitemid: 11, quantity: 4, totalcents: 100_000 }])))).toBe(
      'creditexceedsline',
    );
    expect(await errorCode(api.recordRefund(mutationId(), 1, refund(1, [{ billitemid: 13, quantity: 1, totalcents: 5000 }])))).toBe(
      'creditexceedsline',
    );
    expect(await errorCode(api.recordRefund(mutationId(), 1, refund(39_999, seat)))).toBe('refundmismatch');
    expect(
      await errorCode(
        api.recordRefund(mutationId(), 1, { ...refund(40_000, seat), refund: { ...refund(40_000, seat).refund, currency: 'USD' } }),
      ),
    ).toBe('currencymismatch');
    expect(await errorCode(api.recordRefund(mutationId(), 999, refund(40_000, seat)))).toBe('invalidrecordunknown');
    expect(countRows(sim, 'local_shop_bill_creditnote', '1 = 1')).toBe(0);
    expect(sim.shop.read('bills', 1)).toMatchObject({ status: 'SOLDOUT', version: 1 });
  });
});
