import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BillStatus } from '../../shared/bills/bill-status';
import type { CustomerRow } from '../../shared/contract/customers';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { recordPayment } from '../bills/bill-actions';
import { billSearchMatches, loadOracle, searchMatches, searchWords } from '../bills/bill-oracle.test-support';
import { listBills } from '../bills/bill-query';
import { listEntries } from '../sync/outbox';
import { updateInvoicing } from './customer-actions';
import { contribution, customerIdsQuery, getCustomer, listCustomers } from './customer-query';

let cache: SyncedCache;
beforeAll(async () => {
  cache = await syncedCache({ bills: 2000 });
}, 60_000);
afterAll(() => cache.close());

const SITE = 'https://moodle.example/school/';
const NOW = 1_767_225_600;

interface Customer {
  id: number;
  firstname: string;
  lastname: string;
  email: string;
  organisation: string;
  hasaccount: number;
  version: number;
}
const customers = () => cache.db.prepare('SELECT * FROM customer ORDER BY id').all() as Customer[];
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Every customer's totals, added up in JavaScript from the definitions in customer-query.ts. */
function oracleTotals(): Map<number, CustomerRow['totals']> {
  const totals = new Map<number, CustomerRow['totals']>();
  const bills = cache.db.prepare('SELECT id, customerid FROM bill').all() as { id: number; customerid: number }[];
  const rows = new Map(
    listBills(cache.db, { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 1000 })
      .rows.concat(listBills(cache.db, { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 1000, limit: 1000 }).rows)
      .map((row) => [row.id, row]),
  );
  for (const bill of bills) {
    const row = rows.get(bill.id)!;
    const add = contribution({ status: row.status as BillStatus, amountcents: row.amountcents, paidcents: row.paidcents });
    const sum = totals.get(bill.customerid) ?? {
      placedCount: 0,
      placedCents: 0,
      pendingCount: 0,
      pendingCents: 0,
      paidCount: 0,
      paidCents: 0,
    };
    totals.set(bill.customerid, {
      placedCount: sum.placedCount + add.placedCount,
      placedCents: sum.placedCents + add.placedCents,
      pendingCount: sum.pendingCount + add.pendingCount,
      pendingCents: sum.pendingCents + add.pendingCents,
      paidCount: sum.paidCount + add.paidCount,
      paidCents: sum.paidCents + add.paidCents,
    });
  }
  return totals;
}

function listAll(search: string, sort: 'name' | 'organisation' | 'paid' | 'pending', direction?: 'asc' | 'desc'): CustomerRow[] {
  const rows: CustomerRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = listCustomers(cache.db, { search, sort, direction, offset, limit: 1000 });
    rows.push(...page.rows);
    if (offset + 1000 >= page.total) return rows;
  }
}

describe('customers.list', () => {
  it('sorts by name and organisation, and by what was paid or is owed (largest first), with exact totals', () => {
    const all = customers();
    const totals = oracleTotals();
    const byName = [...all].sort(
      (a, b) => compare(nocase(a.lastname), nocase(b.lastname)) || compare(nocase(a.firstname), nocase(b.firstname)) || a.id - b.id,
    );
    const listed = listAll('', 'name');
    expect(listed.map((c) => c.id)).toEqual(byName.map((c) => c.id));
    for (const row of listed)
      expect(row.totals, `customer ${row.id}`).toEqual(totals.get(row.id) ?? expect.objectContaining({ placedCount: 0 }));
    expect(listed.every((row) => row.currency === 'EUR')).toBe(true);
    const byOrganisation = [...all].sort((a, b) => compare(nocase(a.organisation), nocase(b.organisation)) || a.id - b.id);
    expect(listAll('', 'organisation').map((c) => c.id)).toEqual(byOrganisation.map((c) => c.id));
    for (const key of ['paid', 'pending'] as const) {
      const cents = (id: number) => totals.get(id)?.[key === 'paid' ? 'paidCents' : 'pendingCents'] ?? 0;
      const expected = [...all].sort((a, b) => cents(b.id) - cents(a.id) || b.id - a.id);
      expect(listAll('', key).map((c) => c.id)).toEqual(expected.map((c) => c.id));
      // The other way: who paid least, who owes least first.
      expect(listAll('', key, 'asc').map((c) => c.id)).toEqual(expected.map((c) => c.id).reverse());
    }
    expect(listAll('', 'name', 'desc').map((c) => c.id)).toEqual(byName.map((c) => c.id).reverse());
    expect(listAll('', 'organisation', 'desc').map((c) => c.id)).toEqual(byOrganisation.map((c) => c.id).reverse());
    // A window deep in the reversed order is the same rows as the whole list read that way.
    const deep = listCustomers(cache.db, { search: '', sort: 'paid', direction: 'asc', offset: 150, limit: 20 }).rows.map((c) => c.id);
    expect(deep).toEqual(
      listAll('', 'paid', 'asc')
        .slice(150, 170)
        .map((c) => c.id),
    );
  });

  it('searches names, email and organisation, ignoring accents and case', () => {
    const all = customers();
    const oracle = (search: string) =>
      all
        .filter((c) => searchMatches(searchWords(`${c.firstname} ${c.lastname} ${c.email} ${c.organisation}`), search))
        .map((c) => c.id)
        .sort((a, b) => a - b);
    for (const search of ['lefevre', 'LEFÈVRE', 'dupre', 'gmail', 'formation', 'eloise lef']) {
      const found = listAll(search, 'name')
        .map((c) => c.id)
        .sort((a, b) => a - b);
      expect(found, search).toEqual(oracle(search));
    }
    expect(oracle('lefevre').length).toBeGreaterThan(0);
  });

  it('finds a customer by any of their bills: its number, its lettering, its transaction id', () => {
    const bills = loadOracle(cache.db);
    const all = customers();
    // The customers whose own text holds every word, and, for a search with digits, the owners of the bills it finds.
    const oracle = (search: string) => {
      const owners = new Set(bills.filter((b) => billSearchMatches(b, search)).map((b) => b.customerId));
      return all
        .filter((c) => searchMatches(searchWords(`${c.firstname} ${c.lastname} ${c.email} ${c.organisation}`), search) || owners.has(c.id))
        .map((c) => c.id)
        .sort((a, b) => a - b);
    };
    const found = (search: string) =>
      listAll(search, 'name')
        .map((c) => c.id)
        .sort((a, b) => a - b);
    const lettered = bills.find((b) => b.idnumber !== '' && b.id > 999)!;
    const number = lettered.idnumber.split('-')[2]!.replace(/^0+/, '');
    for (const bill of [lettered, bills[1500]!]) {
      for (const search of [String(bill.id), bill.transactionid, bill.transactionid.slice(0, 12)]) {
        expect(found(search), search).toContain(bill.customerId);
        expect(found(search), search).toEqual(oracle(search));
      }
    }
    for (const search of [lettered.idnumber, number, `${lettered.lastname} ${lettered.id}`]) {
      expect(found(search), search).toContain(lettered.customerId);
      expect(found(search), search).toEqual(oracle(search));
    }
    // The count the list shows agrees; a bill's number beside another customer's name finds neither.
    expect(listCustomers(cache.db, { search: String(lettered.id), sort: 'paid', offset: 0, limit: 10 }).total).toBe(
      oracle(String(lettered.id)).length,
    );
    const other = all.find((c) => c.id !== lettered.customerId && c.lastname !== lettered.lastname)!;
    expect(found(`${other.lastname} ${lettered.id}`)).not.toContain(lettered.customerId);
    // A search finding many bills names none: a year stays on the customers' own text.
    const year = lettered.idnumber.split('-')[1]!;
    const yearBills = bills.filter((b) => billSearchMatches(b, year)).length;
    expect(yearBills).toBeGreaterThan(5);
    const ids = (query: { sql: string; params: unknown[] }) =>
      (
        cache.db
          .prepare(query.sql)
          .pluck()
          .all(...query.params) as number[]
      ).sort((a, b) => a - b);
    expect(ids(customerIdsQuery(cache.db, year, 5)!)).toEqual(
      all.filter((c) => searchMatches(searchWords(`${c.firstname} ${c.lastname} ${c.email} ${c.organisation}`), year)).map((c) => c.id),
    );
    expect(ids(customerIdsQuery(cache.db, year, yearBills)!)).toEqual(oracle(year));
    // Words without digits stay on the customers: a title word does not list the owners of every bill titled so.
    const titleWord = 'commande';
    expect(bills.some((b) => searchWords(b.title).includes(titleWord))).toBe(true);
    expect(found(titleWord)).toEqual(
      all
        .filter((c) => searchMatches(searchWords(`${c.firstname} ${c.lastname} ${c.email} ${c.organisation}`), titleWord))
        .map((c) => c.id)
        .sort((a, b) => a - b),
    );
  });
});

describe('customers.get', () => {
  it('gives the bills, the products with those ending within 30 days flagged, and the Moodle profile', () => {
    const withAccount = cache.db
      .prepare('SELECT customerid FROM product WHERE deleted = 0 GROUP BY customerid ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as number;
    const detail = getCustomer(cache.db, withAccount, { siteUrl: SITE, now: NOW });
    expect(detail.moodleProfileUrl).toBe(`https://moodle.example/school/user/profile.php?id=${detail.customer.hasaccount}`);
    expect(detail.bills.map((b) => b.id).sort((a, b) => a - b)).toEqual(
      cache.db.prepare('SELECT id FROM bill WHERE customerid = ? ORDER BY id').pluck().all(withAccount),
    );
    expect(detail.products.length).toBeGreaterThan(0);
    for (const product of detail.products) {
      expect(product.endingSoon).toBe(product.enddate > NOW && product.enddate <= NOW + 30 * 86_400);
      expect(product.itemcode).not.toBe('');
    }
    const noAccount = cache.db.prepare('SELECT id FROM customer WHERE hasaccount = 0 LIMIT 1').pluck().get() as number;
    expect(getCustomer(cache.db, noAccount, { siteUrl: SITE, now: NOW }).moodleProfileUrl).toBeNull();
  });

  it('counts a queued payment in the totals at once', () => {
    const bill = cache.db
      .prepare("SELECT id, customerid, amountcents FROM bill WHERE status = 'PENDING' AND paidcents = 0 LIMIT 1")
      .get() as {
      id: number;
      customerid: number;
      amountcents: number;
    };
    const before = getCustomer(cache.db, bill.customerid, { siteUrl: SITE, now: NOW }).customer.totals;
    recordPayment(cache.db, { id: bill.id, amountcents: 100, paymode: 'check', paidon: NOW, reference: 'CHK' });
    const after = getCustomer(cache.db, bill.customerid, { siteUrl: SITE, now: NOW }).customer.totals;
    // PENDING → PARTIAL: still waiting for money, 1.00 less of it; and now paid in part.
    expect(after).toEqual({
      ...before,
      pendingCents: before.pendingCents - 100,
      paidCount: before.paidCount + 1,
      paidCents: before.paidCents + 100,
    });
  });
});

describe('customers.updateInvoicing', () => {
  it('shows the new details at once, then the shop has them, and the search finds the new name on the bills', async () => {
    const customer = customers().find((c) => c.organisation === '' && c.hasaccount > 0)!;
    const details = {
      firstname: 'Éloïse',
      lastname: 'Zéphyrin',
      email: 'eloise.zephyrin@example.org',
      organisation: 'Cœur de Loire Formation',
      address: '2 rue Nationale',
      zip: '37000',
      city: 'Tours',
      country: 'FR',
      invoiceinfo: '',
    };
    const detail = updateInvoicing(cache.db, { id: customer.id, details }, { siteUrl: SITE, now: NOW });
    expect(detail.customer).toMatchObject({ ...details, id: customer.id, pending: { kind: 'customer.update', state: 'pending' } });
    expect(listEntries(cache.db).at(-1)).toMatchObject({ kind: 'customer.update', entityId: customer.id, baseVersion: customer.version });

    expect((await cache.engine.start('manual')).outcome).toBe('done');
    expect(listEntries(cache.db)).toEqual([]);
    expect(cache.sim.shop.read('customers', customer.id)).toMatchObject({ ...details, version: customer.version + 1 });
    expect(listAll('zephyrin', 'name').map((c) => c.id)).toEqual([customer.id]);
    expect(listAll('coeur loire', 'name').map((c) => c.id)).toEqual([customer.id]);
    const bills = cache.db.prepare('SELECT id FROM bill WHERE customerid = ? ORDER BY id').pluck().all(customer.id);
    const found = listBills(cache.db, { filter: { search: 'zéphyrin' }, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 1000 });
    expect(found.rows.map((r) => r.id)).toEqual(bills);
    expect(getCustomer(cache.db, customer.id, { siteUrl: SITE, now: NOW }).customer.pending).toBeNull();
  });
});
