import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILL_STATUSES, BILL_TRANSITIONS, LETTERABLE_STATUSES, PAYABLE_STATUSES } from '../../../shared/bills/bill-status';
import { FLOW, LETTERABLE, PAYABLE } from '../lib/shop/bill-flow';
import { billFixture, seedSmallShop, shopFixture } from './fixtures';
import { countRows, errorCode, mutationId, NOW, startShopSite, type ShopTestSite } from './shop-site';

/** Bill writes through the real client: the flow table, payments and their invariants, lettering, production. */

let site: ShopTestSite;
beforeEach(async () => {
  site = await startShopSite();
  seedSmallShop(site.sim);
});
afterEach(async () => {
  await site.close();
});

const payment = (amountcents: number, overrides: Partial<{ currency: string; paymode: 'check' | 'transfer' }> = {}) => ({
  amountcents,
  currency: 'EUR',
  paymode: 'check' as const,
  paidon: NOW - 86_400,
  reference: `CHK-${amountcents}`,
  ...overrides,
});

describe('the flow-control table', () => {
  it("is the back-office's table (shared/bills/bill-status.ts), with the same payable and letterable states", () => {
    expect(FLOW).toEqual(BILL_TRANSITIONS);
    expect([...PAYABLE].sort()).toEqual([...PAYABLE_STATUSES].sort());
    expect([...LETTERABLE].sort()).toEqual([...LETTERABLE_STATUSES].sort());
  });

  it('applies every allowed transition and refuses every other pair with invalidtransition', async () => {
    const { api, sim } = site;
    let id = 100;
    for (const from of BILL_STATUSES) {
      for (const to of BILL_STATUSES) {
        id += 1;
        sim.shop.insert('bills', billFixture({ id, status: from }));
        const call = api.transitionBill(mutationId(), id, from, to, `to ${to}`);
        if (!BILL_TRANSITIONS[from].includes(to)) {
          expect(await errorCode(call), `${from} -> ${to}`).toBe('invalidtransition');
          continue;
        }
        const answer = await call;
        expect(answer.status, `${from} -> ${to}`).toBe('applied');
        expect(answer.bill).toMatchObject({ status: to, version: 2, lastactiondate: NOW, timemodified: NOW });
        expect(answer.bill.history).toEqual([
          expect.objectContaining({ fromstatus: from, tostatus: to, userid: 2, note: `to ${to}`, timecreated: NOW }),
        ]);
      }
    }
  });

  it('answers conflict when the bill is no longer in fromstatus, and applies a repeated mutation once', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'PENDING' }));
    const conflict = await api.transitionBill(mutationId(), 1, 'WORKING', 'PLACED');
    expect(conflict).toMatchObject({ status: 'conflict', replayed: 0, bill: { status: 'PENDING', version: 1, history: [] } });
    const id = mutationId();
    const first = await api.transitionBill(id, 1, 'PENDING', 'SOLDOUT', 'paid by transfer');
    const again = await api.transitionBill(id, 1, 'PENDING', 'SOLDOUT', 'paid by transfer');
    expect(again).toEqual({ ...first, replayed: 1 });
    expect(countRows(sim, 'local_shop_bill_history', 'billid = 1')).toBe(1);
    expect(sim.shop.read('bills', 1)?.version).toBe(2);
    expect(await errorCode(api.transitionBill(mutationId(), 999, 'PENDING', 'SOLDOUT'))).toBe('invalidrecordunknown');
  });
});

describe('local_shopbackoffice_record_payment', () => {
  it('moves a bill to PARTIAL then SOLDOUT, keeping paidcents the sum of the payments', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'PENDING' }));
    const id = mutationId();
    const part = await api.recordPayment(id, 1, payment(5000));
    expect(part).toMatchObject({ status: 'applied', replayed: 0, bill: { status: 'PARTIAL', paidcents: 5000, version: 2 } });
    expect(part.bill.payments).toEqual([
      { id: part.paymentid, amountcents: 5000, paymode: 'check', paidon: NOW - 86_400, reference: 'CHK-5000', timecreated: NOW },
    ]);
    expect(part.bill.history).toEqual([expect.objectContaining({ fromstatus: 'PENDING', tostatus: 'PARTIAL', userid: 2 })]);
    expect(await api.recordPayment(id, 1, payment(5000))).toEqual({ ...part, replayed: 1 });
    expect(countRows(sim, 'local_shop_bill_payment', 'billid = 1')).toBe(1);

    expect(await errorCode(api.recordPayment(mutationId(), 1, payment(7001)))).toBe('paymentexceedsdue');
    const rest = await api.recordPayment(mutationId(), 1, payment(7000, { paymode: 'transfer' }));
    expect(rest.bill).toMatchObject({ status: 'SOLDOUT', paidcents: 12000, paymode: 'transfer', version: 3 });
    expect(rest.bill.payments.map((p) => p.amountcents)).toEqual([5000, 7000]);
    expect(rest.bill.history.map((h) => h.tostatus)).toEqual(['PARTIAL', 'SOLDOUT']);
    expect(await errorCode(api.recordPayment(mutationId(), 1, payment(1)))).toBe('billnotpayable');
  });

  it('completes a bill produced before payment (PREPROD), even through a partial payment', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'PREPROD' }));
    sim.shop.insert('bills', billFixture({ id: 2, status: 'PREPROD' }));
    expect((await api.recordPayment(mutationId(), 1, payment(12000))).bill.status).toBe('COMPLETE');
    expect((await api.recordPayment(mutationId(), 2, payment(2000))).bill.status).toBe('PARTIAL');
    expect((await api.recordPayment(mutationId(), 2, payment(10000))).bill.status).toBe('COMPLETE');
  });

  it('refuses the wrong currency, a bill in a status that takes no payment, and bad parameters', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'PENDING' }));
    expect(await errorCode(api.recordPayment(mutationId(), 1, payment(100, { currency: 'USD' })))).toBe('currencymismatch');
    expect(await errorCode(api.recordPayment(mutationId(), 1, payment(0)))).toBe('invalidparameter');
    expect(await errorCode(api.recordPayment(mutationId(), 1, { ...payment(100), paymode: 'paypal' as 'check' }))).toBe('invalidparameter');
    for (const [index, status] of (['SOLDOUT', 'COMPLETE', 'PAYBACK', 'CANCELLED'] as const).entries()) {
      sim.shop.insert('bills', billFixture({ id: 10 + index, status }));
      expect(await errorCode(api.recordPayment(mutationId(), 10 + index, payment(100))), status).toBe('billnotpayable');
    }
    expect(countRows(sim, 'local_shop_bill_payment')).toBe(0);
  });
});

describe('local_shopbackoffice_set_bill_lettering', () => {
  it('letters paid bills with a number unique across shops', async () => {
    const { api, sim } = site;
    sim.shop.insert('shops', shopFixture({ id: 2, name: 'Other shop' }));
    sim.shop.insert('bills', billFixture({ id: 1, status: 'SOLDOUT', paidcents: 12000, payments: [paid(1)] }));
    sim.shop.insert('bills', billFixture({ id: 2, shopid: 2, status: 'COMPLETE', paidcents: 12000, payments: [paid(2)] }));
    sim.shop.insert('bills', billFixture({ id: 3, status: 'PENDING' }));
    const id = mutationId();
    const lettered = await api.setBillLettering(id, 1, 'FA-2026-0001');
    expect(lettered).toMatchObject({ status: 'applied', replayed: 0, bill: { idnumber: 'FA-2026-0001', version: 2 } });
    expect((await api.setBillLettering(id, 1, 'FA-2026-0001')).replayed).toBe(1);
    expect(sim.shop.read('bills', 1)?.version).toBe(2);
    expect(await errorCode(api.setBillLettering(mutationId(), 2, 'FA-2026-0001'))).toBe('idnumbertaken');
    expect(await errorCode(api.setBillLettering(mutationId(), 3, 'FA-2026-0002'))).toBe('billnotpaid');
    expect((await api.setBillLettering(mutationId(), 1, '')).bill.idnumber).toBe('');
    expect((await api.setBillLettering(mutationId(), 2, 'FA-2026-0001')).bill.idnumber).toBe('FA-2026-0001');
  });
});

function paid(billid: number) {
  return { id: billid * 100, amountcents: 12000, paymode: 'transfer', paidon: NOW - 86_400, reference: 'SEPA', timecreated: NOW - 86_400 };
}

describe('local_shopbackoffice_record_production', () => {
  const product = (overrides: Partial<{ id: number; enddate: number; reference: string }> = {}) => ({
    id: 0,
    catalogitemid: 1,
    customerid: 1,
    contexttype: 'userenrol',
    instanceid: 7,
    startdate: NOW,
    enddate: NOW + 90 * 86_400,
    reference: '',
    productiondata: 'coursename=EXCEL',
    extradata: '',
    ...overrides,
  });

  it('creates and extends products, appends events and feedback, once per mutation id', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'SOLDOUT', paidcents: 12000, payments: [paid(1)] }));
    const id = mutationId();
    const input = {
      billid: 1,
      billitemid: 10,
      products: [product(), product({ reference: 'ABCD-EFGH-IJKL-MN00' })],
      events: [
        { productindex: 0, eventtype: 'created', eventdata: '{}' },
        { productindex: 1, eventtype: 'created', eventdata: '{}' },
      ],
      feedback: 'EXCEL: enrolled',
    };
    const made = await api.recordProduction(id, input);
    expect(made).toMatchObject({ status: 'applied', replayed: 0, bill: { productionfeedback: 'EXCEL: enrolled', version: 2 } });
    expect(made.productids).toHaveLength(2);
    expect(made.eventids).toHaveLength(2);
    expect(await api.recordProduction(id, input)).toEqual({ ...made, replayed: 1 });
    expect(countRows(sim, 'local_shop_product')).toBe(2);
    const [first, second] = made.productids as [number, number];
    expect(sim.shop.read('products', first)?.reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(sim.shop.read('products', second)).toMatchObject({ reference: 'ABCD-EFGH-IJKL-MN00', initialbillitemid: 10 });

    const extended = await api.recordProduction(mutationId(), {
      billid: 1,
      billitemid: 10,
      products: [product({ id: first, enddate: NOW + 180 * 86_400 })],
      events: [{ productindex: 0, eventtype: 'extended', eventdata: '' }],
      feedback: 'EXCEL: extended',
    });
    expect(extended.productids).toEqual([first]);
    expect(extended.bill.productionfeedback).toBe('EXCEL: enrolled\nEXCEL: extended');
    expect(sim.shop.read('products', first)).toMatchObject({ enddate: NOW + 180 * 86_400, timemodified: NOW });
    sim.setNow(NOW + 5);
    const events = await api.syncPage('productevents', { timemodified: 0, id: 0 }, 10);
    // ShopApi.syncPage types rows as the union of every record (see README): narrow by hand.
    expect((events.rows as { productid: number; eventtype: string }[]).map((e) => [e.productid, e.eventtype])).toEqual([
      [first, 'created'],
      [second, 'created'],
      [first, 'extended'],
    ]);
  });

  it('refuses a line of another bill, and unknown bills, lines and products', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1, status: 'SOLDOUT' }));
    sim.shop.insert('bills', billFixture({ id: 2, status: 'SOLDOUT' }));
    const call = (billid: number, billitemid: number, products = [product()]) =>
      errorCode(api.recordProduction(mutationId(), { billid, billitemid, products, events: [], feedback: '' }));
    expect(await call(1, 20)).toBe('itemnotinbill');
    expect(await call(999, 10)).toBe('invalidrecordunknown');
    expect(await call(1, 999)).toBe('invalidrecordunknown');
    expect(await call(1, 10, [product({ id: 999 })])).toBe('invalidrecordunknown');
    expect(countRows(sim, 'local_shop_product')).toBe(0);
  });
});
