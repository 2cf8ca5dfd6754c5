import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  billRecord,
  catalogItemRecord,
  catalogRecord,
  categoryRecord,
  customerRecord,
  productEventRecord,
  productRecord,
  shopRecord,
  taxRecord,
} from '../../../main/shop-api/records';
import { BILL_STATUSES, type BillStatus } from '../../../shared/bills/bill-status';
import { percentOf } from '../../../shared/money/rounding';
import type { BillRecord, ProductEventRecord, ProductRecord } from '../lib/shop/structures';
import { isRecordedTransition } from './bill-flow';
import { createDemoData } from './index';

const DAY = 86_400;
const take = <T>(records: Iterable<T>, count: number): T[] => {
  const out: T[] = [];
  for (const record of records) {
    if (out.length === count) break;
    out.push(record);
  }
  return out;
};
const hashOf = (records: unknown) => createHash('sha256').update(JSON.stringify(records)).digest('hex');

// One data set shared by the tests that only read it: generating is the slow part.
const data = createDemoData({ seed: 1, bills: 5000 });
const bills = [...data.bills()];
const first2000 = bills.slice(0, 2000);
const customers = [...data.customers()];
const small = createDemoData({ seed: 1, bills: 2000 });
const products: ProductRecord[] = [...small.products()];
const events: ProductEventRecord[] = [...small.productEvents()];
const smallBills = new Map<number, BillRecord>([...small.bills()].map((bill) => [bill.id, bill]));

describe('determinism', () => {
  it('gives the same bills for the same seed, and other bills for another seed', () => {
    const again = take(createDemoData({ seed: 1, bills: 5000 }).bills(), 2000);
    expect(hashOf(again)).toBe(hashOf(first2000));
    const other = take(createDemoData({ seed: 2, bills: 5000 }).bills(), 2000);
    expect(hashOf(other)).not.toBe(hashOf(first2000));
  });

  it('matches its pinned fingerprint, so another machine or Node version gives the same bytes', () => {
    // Tests and fixtures built on this data rely on it not moving. When the generator is changed on
    // purpose, update the hash in the same commit; a change nobody meant fails here.
    const pinned = createDemoData({ seed: 1, bills: 1000 });
    const fingerprint = {
      b: take(pinned.bills(), 200),
      c: take(pinned.customers(), 50),
      p: take(pinned.products(), 100),
      items: pinned.catalogItems,
    };
    expect(hashOf(fingerprint)).toBe('a47e8e1cf25d948c88ee7e2774ffe4fd8cb5387a44466950e319d942c16ee192');
  });

  it('derives bill N and customer N on their own, equal to the streamed ones', () => {
    expect(data.bill(1234)).toEqual(bills[1233]);
    expect(data.bill(5000)).toEqual(bills[4999]);
    expect(data.customer(777)).toEqual(customers[776]);
    expect(() => data.bill(5001)).toThrow(RangeError);
  });

  it('walks products and events the same way twice', () => {
    expect(hashOf([...small.products()])).toBe(hashOf(products));
    expect(hashOf([...small.productEvents()])).toBe(hashOf(events));
  });
});

describe('wire records', () => {
  it('parse with their schemas', () => {
    shopRecord.parse(data.shop);
    for (const tax of data.taxes) taxRecord.parse(tax);
    for (const catalog of data.catalogs) catalogRecord.parse(catalog);
    for (const category of data.categories) categoryRecord.parse(category);
    for (const item of data.catalogItems) catalogItemRecord.parse(item);
    for (const customer of customers) customerRecord.parse(customer);
    for (const bill of first2000) billRecord.parse(bill);
    for (const product of products) productRecord.parse(product);
    for (const event of events) productEventRecord.parse(event);
  });

  it('number customers, bills, products and events from 1 without gaps', () => {
    customers.forEach((customer, index) => expect(customer.id).toBe(index + 1));
    expect(customers.length).toBe(1000); // ceil(5000 / 5)
    bills.forEach((bill, index) => expect(bill.id).toBe(index + 1));
    products.forEach((product, index) => expect(product.id).toBe(index + 1));
    events.forEach((event, index) => expect(event.id).toBe(index + 1));
  });

  it('keeps nested ids unique across bills', () => {
    for (const key of ['items', 'payments', 'history'] as const) {
      const ids = bills.flatMap((bill) => bill[key].map((row) => row.id));
      expect(new Set(ids).size, key).toBe(ids.length);
    }
  });
});

describe('money', () => {
  const taxRatios = new Map(data.taxes.map((tax) => [tax.id, tax.ratio]));
  const itemsById = new Map(data.catalogItems.map((item) => [item.id, item]));

  it('keeps the invariants of docs/shop-api.md on 5 000 bills', () => {
    for (const bill of bills) {
      const where = `bill ${bill.id}`;
      expect(bill.amountcents, where).toBe(bill.untaxedcents + bill.taxcents);
      expect(bill.untaxedcents, where).toBe(bill.items.reduce((sum, line) => sum + line.totalcents, 0));
      expect(bill.taxcents, where).toBe(bill.items.reduce((sum, line) => sum + line.taxcents, 0));
      expect(bill.paidcents, where).toBe(bill.payments.reduce((sum, payment) => sum + payment.amountcents, 0));
      expect(bill.amountcents, where).toBeGreaterThan(0);
      for (const line of bill.items) {
        expect(line.taxratio, where).toBe(taxRatios.get(line.taxcode));
        expect(line.taxcents, where).toBe(percentOf(line.totalcents, line.taxratio));
        expect(line.totalcents, where).toBe(line.unitcents * line.quantity);
      }
    }
  });

  it('prices billing lines from the right quantity tier', () => {
    for (const bill of bills) {
      for (const line of bill.items.filter((entry) => entry.type === 'BILLING' && entry.bundleid === 0)) {
        const item = itemsById.get(line.catalogitemid);
        const tier = item?.prices.filter((price) => price.fromquantity <= line.quantity).at(-1);
        expect(line.unitcents, `${bill.id} ${line.itemcode} × ${line.quantity}`).toBe(tier?.unitcents);
      }
    }
  });

  it('pays each bill as its status says', () => {
    for (const bill of bills) {
      const where = `bill ${bill.id} ${bill.status}`;
      for (const payment of bill.payments) {
        expect(['check', 'transfer', 'paypal'], where).toContain(payment.paymode);
        expect(payment.amountcents, where).toBeGreaterThan(0);
        expect(payment.paidon, where).toBeLessThanOrEqual(payment.timecreated);
      }
      if (bill.status === 'PARTIAL') {
        expect(bill.payments.length, where).toBeGreaterThanOrEqual(1);
        expect(bill.payments.length, where).toBeLessThanOrEqual(2);
        expect(bill.paidcents, where).toBeGreaterThan(0);
        expect(bill.paidcents, where).toBeLessThan(bill.amountcents);
      } else if (bill.status === 'SOLDOUT' || bill.status === 'COMPLETE' || bill.status === 'PAYBACK') {
        expect(bill.paidcents, where).toBe(bill.amountcents);
      } else {
        expect(bill.payments, where).toEqual([]);
      }
    }
  });

  it('has several tax rates in one bill, discounts per rate and shipping lines', () => {
    const rates = (bill: BillRecord) => new Set(bill.items.filter((line) => line.type === 'BILLING').map((line) => line.taxratio));
    expect(first2000.filter((bill) => rates(bill).size >= 2).length).toBeGreaterThan(200);
    const discounted = first2000.filter((bill) => bill.items.some((line) => line.type === 'DISCOUNT'));
    expect(discounted.length).toBeGreaterThan(100);
    for (const bill of discounted) {
      const discounts = bill.items.filter((line) => line.type === 'DISCOUNT');
      // One discount line per tax rate present on the bill, negative, with its own tax.
      expect(new Set(discounts.map((line) => line.taxcode)).size).toBe(discounts.length);
      for (const line of discounts) expect(line.totalcents).toBeLessThan(0);
      expect(bill.untaxeddiscountcents).toBe(0 - discounts.reduce((sum, line) => sum + line.totalcents, 0));
      expect(bill.discounttaxcents).toBe(0 - discounts.reduce((sum, line) => sum + line.taxcents, 0));
      expect(bill.discountcents).toBe(bill.untaxeddiscountcents + bill.discounttaxcents);
    }
    expect(discounted.some((bill) => bill.items.filter((line) => line.type === 'DISCOUNT').length >= 2)).toBe(true);
    const shipped = first2000.filter((bill) => bill.items.some((line) => line.type === 'SHIPPING'));
    expect(shipped.length).toBeGreaterThan(20);
    for (const bill of shipped) {
      expect(bill.shippingcents).toBe(
        bill.items.filter((line) => line.type === 'SHIPPING').reduce((sum, line) => sum + line.totalcents, 0),
      );
    }
  });
});

describe('bill flow', () => {
  it('has all eleven statuses in 2 000 bills, mostly paid ones', () => {
    const counts = new Map<string, number>();
    for (const bill of first2000) counts.set(bill.status, (counts.get(bill.status) ?? 0) + 1);
    for (const status of BILL_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    expect((counts.get('SOLDOUT') ?? 0) + (counts.get('COMPLETE') ?? 0)).toBeGreaterThan(1000);
  });

  it('records a path of allowed transitions from where bills start to their status', () => {
    for (const bill of bills) {
      const where = `bill ${bill.id}`;
      if (bill.history.length === 0) {
        expect(['WORKING', 'PLACED'], where).toContain(bill.status);
        continue;
      }
      expect(['WORKING', 'PLACED'], where).toContain(bill.history[0]?.fromstatus);
      let time = bill.emissiondate;
      bill.history.forEach((step, index) => {
        expect(
          isRecordedTransition(step.fromstatus as BillStatus, step.tostatus as BillStatus),
          `${where}: ${step.fromstatus}→${step.tostatus}`,
        ).toBe(true);
        if (index > 0) expect(step.fromstatus, where).toBe(bill.history[index - 1]?.tostatus);
        expect(step.timecreated, where).toBeGreaterThanOrEqual(time);
        time = step.timecreated;
      });
      expect(bill.history.at(-1)?.tostatus, where).toBe(bill.status);
      // FAILED is the only status outside the flow table: the shop sets it, nobody (user 0).
      for (const step of bill.history) if (step.tostatus === 'FAILED') expect(step.userid, where).toBe(0);
    }
  });

  it('dates bills over the 24 months before now, in order, and after their customer existed', () => {
    for (const bill of bills) {
      const where = `bill ${bill.id}`;
      expect(bill.emissiondate, where).toBeGreaterThanOrEqual(data.now - 730 * DAY);
      expect(bill.lastactiondate, where).toBeGreaterThanOrEqual(bill.emissiondate);
      expect(bill.lastactiondate, where).toBeLessThanOrEqual(data.now);
      expect(bill.timemodified, where).toBe(bill.lastactiondate);
      expect(bill.version, where).toBeGreaterThanOrEqual(1);
      for (const row of [...bill.history, ...bill.payments]) expect(row.timecreated, where).toBeLessThanOrEqual(bill.lastactiondate);
      expect(customers[bill.customerid - 1]?.timecreated, where).toBeLessThanOrEqual(bill.emissiondate);
      expect(bill.userid, where).toBe(customers[bill.customerid - 1]?.hasaccount);
    }
    for (let i = 1; i < bills.length; i += 1) expect(bills[i]?.emissiondate).toBeGreaterThanOrEqual(bills[i - 1]?.emissiondate ?? 0);
    expect(bills[0]?.emissiondate).toBeLessThan(data.now - 700 * DAY);
    expect(bills.at(-1)?.emissiondate).toBeGreaterThan(data.now - 2 * DAY);
  });

  it('gives unique transaction ids, and unique letterings to about half the paid bills', () => {
    const transactionIds = bills.map((bill) => bill.transactionid);
    for (const id of transactionIds) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(transactionIds).size).toBe(bills.length);
    const lettered = bills.filter((bill) => bill.idnumber !== '');
    expect(new Set(lettered.map((bill) => bill.idnumber)).size).toBe(lettered.length);
    for (const bill of lettered) {
      expect(['COMPLETE', 'SOLDOUT']).toContain(bill.status);
      expect(bill.idnumber).toMatch(/^FA-20\d\d-\d{6,}$/);
    }
    const paid = bills.filter((bill) => bill.status === 'COMPLETE' || bill.status === 'SOLDOUT');
    expect(lettered.length / paid.length).toBeGreaterThan(0.4);
    expect(lettered.length / paid.length).toBeLessThan(0.6);
  });
});

describe('catalogs', () => {
  const master = data.catalogs.find((catalog) => catalog.groupid === catalog.id);
  const slave = data.catalogs.find((catalog) => catalog.groupid !== catalog.id && catalog.groupid !== 0);
  const itemsOf = (catalogid: number | undefined) => data.catalogItems.filter((item) => item.catalogid === catalogid);

  it('has a French master with 40+ items and an English slave overriding some of them', () => {
    expect(master).toBeDefined();
    expect(slave?.groupid).toBe(master?.id);
    expect(data.shop.catalogid).toBe(master?.id);
    expect(itemsOf(master?.id).length).toBeGreaterThanOrEqual(40);
    const masterByCode = new Map(itemsOf(master?.id).map((item) => [item.code, item]));
    const overrides = itemsOf(slave?.id).filter((item) => masterByCode.has(item.code));
    expect(overrides.length).toBeGreaterThanOrEqual(5);
    for (const item of overrides) expect(item.name).not.toBe(masterByCode.get(item.code)?.name);
    expect(overrides.some((item) => item.prices[0]?.unitcents !== masterByCode.get(item.code)?.prices[0]?.unitcents)).toBe(true);
    expect(new Set(itemsOf(master?.id).map((item) => item.code)).size).toBe(itemsOf(master?.id).length);
  });

  it('has category trees in both catalogs', () => {
    for (const catalog of [master, slave]) {
      const categories = data.categories.filter((category) => category.catalogid === catalog?.id);
      expect(categories.some((category) => category.parentid !== 0)).toBe(true);
      for (const category of categories.filter((entry) => entry.parentid !== 0)) {
        expect(categories.some((parent) => parent.id === category.parentid)).toBe(true);
      }
    }
  });

  it('has tiers, sets, bundles, statuses, seats, renewals and required data', () => {
    const items = data.catalogItems;
    for (const item of items) {
      expect(item.prices[0]?.fromquantity).toBe(1);
      item.prices.forEach((price, index) => {
        expect(price.unitcents).toBeGreaterThanOrEqual(0);
        if (index > 0) expect(price.fromquantity).toBeGreaterThan(item.prices[index - 1]?.fromquantity ?? 0);
        if (index > 0) expect(price.unitcents).toBeLessThan(item.prices[index - 1]?.unitcents ?? 0);
      });
      if (item.setid !== 0) {
        const owner = items.find((candidate) => candidate.id === item.setid);
        expect(owner?.catalogid).toBe(item.catalogid);
        expect(['set', 'bundle']).toContain(owner?.type);
      }
      if (item.requireddata !== '') expect(Array.isArray(JSON.parse(item.requireddata))).toBe(true);
    }
    expect(items.filter((item) => item.prices.length >= 3).length).toBeGreaterThanOrEqual(5);
    for (const type of ['set', 'bundle'] as const) expect(items.some((item) => item.type === type)).toBe(true);
    for (const status of ['AVAILABLE', 'PREVIEW', 'SUSPENDED'] as const) expect(items.some((item) => item.status === status)).toBe(true);
    expect(items.filter((item) => item.status === 'AVAILABLE').length).toBeGreaterThan(items.length / 2);
    expect(items.some((item) => item.seatmode === 1)).toBe(true);
    expect(items.some((item) => item.renewable === 1)).toBe(true);
    expect(new Set(items.map((item) => data.taxes.find((tax) => tax.id === item.taxcode)?.ratio))).toEqual(new Set([2000, 550, 0]));
  });

  it('names in handler parameters only courses and roles the exported Moodle site has', () => {
    const courseNames = new Set(data.courses.map((course) => course.shortname));
    const courseIds = new Set(data.courses.map((course) => course.id));
    const roleNames = new Set(data.roles.map((role) => role.shortname));
    const handlers = new Set<string>();
    for (const item of data.catalogItems.filter((entry) => entry.enablehandler !== '')) {
      handlers.add(item.enablehandler);
      // Read as the shop reads them: split on & and =, nothing decoded (so a `+` stays a plus).
      const params = new Map(item.handlerparams.split('&').map((pair) => pair.split('=') as [string, string]));
      const where = `${item.code}: ${item.handlerparams}`;
      for (const key of ['coursename', 'customersupport']) if (params.has(key)) expect(courseNames, where).toContain(params.get(key));
      for (const key of ['role', 'tutorrole']) if (params.has(key)) expect(roleNames, where).toContain(params.get(key));
      if (item.enablehandler === 'std_assignroleoncontext') {
        const instance = params.get('instance') ?? '';
        if (params.get('contextlevel') === '50') expect(courseIds.has(Number(instance)) || courseNames.has(instance), where).toBe(true);
        else expect([params.get('contextlevel'), instance], where).toEqual(['10', '0']);
      } else {
        expect(params.has('coursename'), where).toBe(true);
      }
      const endtime = params.get('endtime');
      if (endtime !== undefined) expect(endtime, where).toMatch(/^\+\d+D$/);
    }
    expect(handlers).toEqual(
      new Set(['std_enrolonecourse', 'std_extendenrolperiod', 'std_assignroleoncontext', 'std_setuponecoursesession']),
    );
    expect(data.courses.map((course) => course.id)).toEqual(data.courses.map((_, index) => index + 2));
    expect(data.courses.find((course) => course.id === data.shop.defaultcustomersupportcourse)?.shortname).toBe('CUSTOMERSUPPORT');
    expect(data.roles.find((role) => role.shortname === 'student')?.id).toBe(5);
  });
});

describe('customers', () => {
  it('have unique lowercase ASCII e-mails and accented or non-Latin names', () => {
    const emails = customers.map((customer) => customer.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z][a-z.-]*\d+@[a-z0-9-]+\.example$/);
    expect(customers.some((customer) => /[À-ÿ]/.test(customer.firstname + customer.lastname))).toBe(true);
    expect(
      customers.some((customer) => /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff]/.test(customer.lastname)),
    ).toBe(true);
    expect(new Set(customers.map((customer) => customer.country))).toEqual(new Set(['FR', 'BE', 'CH', 'CA', 'GB']));
    expect(customers.filter((customer) => customer.country === 'FR').length).toBeGreaterThan(customers.length * 0.7);
    expect(customers.some((customer) => customer.invoiceinfo !== '' && JSON.parse(customer.invoiceinfo).vatnumber)).toBe(true);
    // Every French company has a SIREN, which its invoices must print (docs/invoice-mentions.md).
    const frenchCompanies = customers.filter((customer) => customer.organisation !== '' && customer.country === 'FR');
    expect(frenchCompanies.length).toBeGreaterThan(100);
    for (const company of frenchCompanies) expect(JSON.parse(company.invoiceinfo || '{}').siren, company.organisation).toMatch(/^\d{9}$/);
    const accounts = customers.map((customer) => customer.hasaccount).filter((id) => id !== 0);
    expect(new Set(accounts).size).toBe(accounts.length);
    expect(accounts.length).toBeGreaterThan(customers.length / 2);
  });
});

describe('products', () => {
  it('come from produced bills, one per handled line or seat, for the bill customer', () => {
    for (const product of products) {
      const line = Math.ceil(product.initialbillitemid / 16);
      const bill = smallBills.get(line);
      expect(bill, `product ${product.id}`).toBeDefined();
      expect(['COMPLETE', 'PREPROD', 'SOLDOUT', 'PARTIAL', 'PAYBACK']).toContain(bill?.status);
      expect(product.customerid).toBe(bill?.customerid);
      expect(product.deleted).toBe(bill?.status === 'PAYBACK' ? 1 : 0);
      expect(product.startdate).toBeLessThanOrEqual(data.now);
      if (product.enddate !== 0) expect(product.enddate).toBeGreaterThan(product.startdate);
      expect(product.reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(['userenrol', 'roleassign']).toContain(product.contexttype);
    }
    expect(new Set(products.map((product) => product.reference)).size).toBe(products.length);
    const produced = [...smallBills.values()].filter((bill) => bill.status === 'COMPLETE' || bill.status === 'PREPROD');
    const withProducts = new Set(products.map((product) => Math.ceil(product.initialbillitemid / 16)));
    const handled = produced.filter((bill) => bill.worktype === 'PROD');
    expect(handled.filter((bill) => withProducts.has(bill.id)).length / handled.length).toBeGreaterThan(0.95);
  });

  it('include products ending within 30 days, expired ones and ones without end', () => {
    const live = products.filter((product) => product.deleted === 0);
    expect(live.some((product) => product.enddate > data.now && product.enddate <= data.now + 30 * DAY)).toBe(true);
    expect(live.some((product) => product.enddate !== 0 && product.enddate < data.now)).toBe(true);
    expect(live.some((product) => product.enddate === 0)).toBe(true);
  });

  it('record creations and extensions, the product showing the extended end', () => {
    const byId = new Map(products.map((product) => [product.id, product]));
    for (const event of events) {
      expect(byId.has(event.productid)).toBe(true);
      expect(event.timemodified).toBe(event.datecreated);
      expect(event.datecreated).toBeLessThanOrEqual(data.now);
    }
    expect(events.filter((event) => event.eventtype === 'created').length).toBe(products.length);
    const extended = events.filter((event) => event.eventtype === 'extended');
    expect(extended.length).toBeGreaterThan(5);
    for (const event of extended) {
      const product = byId.get(event.productid);
      const detail = JSON.parse(event.eventdata) as { previousenddate: number; enddate: number };
      expect(detail.enddate).toBeGreaterThan(detail.previousenddate);
      expect(product?.currentbillitemid).toBe(event.billitemid);
      expect(product?.enddate).toBe(detail.enddate);
      const extension = smallBills.get(Math.ceil(event.billitemid / 16));
      expect(extension?.customerid).toBe(product?.customerid);
      expect(JSON.parse(extension?.items[0]?.customerdata ?? '{}').productcode).toBe(product?.reference);
    }
  });
});
