import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BILL_STATUSES } from '../../shared/bills/bill-status';
import { billColumns, type BillFilter } from '../../shared/contract/bills';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { listedIds, loadOracle, oracleCounts, oracleIds, type OracleBill } from './bill-oracle.test-support';
import { countByStatus, listBills, selectBillIds, walkedIds, type BillSort } from './bill-query';

let cache: SyncedCache;
let bills: OracleBill[];
const DEFAULT: BillSort = { column: 'emissiondate', direction: 'desc' };

beforeAll(async () => {
  cache = await syncedCache({ bills: 2000 });
  bills = loadOracle(cache.db);
}, 60_000);
afterAll(() => cache.close());

/** Values taken from the data, so every filter has something to find and something to leave out. */
function sample() {
  const sorted = [...bills].sort((a, b) => a.emissiondate - b.emissiondate);
  const amounts = bills.map((b) => b.amountcents).sort((a, b) => a - b);
  const busiest = [...countBy(bills, (b) => b.customerId).entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const code = [
    ...countBy(
      bills.flatMap((b) => [...b.codes]),
      (c) => c,
    ).entries(),
  ].sort((a, b) => b[1] - a[1])[3]![0];
  return {
    from: sorted[500]!.emissiondate,
    to: sorted[1400]!.emissiondate,
    minCents: amounts[600]!,
    maxCents: amounts[1700]!,
    customerId: busiest as number,
    productCode: code as string,
  };
}

function countBy<T, K>(list: readonly T[], key: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of list) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('bills.list filters', () => {
  it('find exactly the bills a plain filter of every bill finds, each filter alone', () => {
    const s = sample();
    const filters: BillFilter[] = [
      {},
      ...BILL_STATUSES.map((status) => ({ status })),
      { from: s.from },
      { to: s.to },
      { from: s.from, to: s.to },
      { paymode: 'check' },
      { paymode: 'transfer' },
      { minCents: s.minCents },
      { maxCents: s.maxCents },
      { lettered: true },
      { lettered: false },
      { customerId: s.customerId },
      { productCode: s.productCode },
      { search: 'lefevre' },
    ];
    for (const filter of filters) {
      const expected = oracleIds(bills, filter, DEFAULT);
      expect(listedIds(cache.db, filter, DEFAULT), JSON.stringify(filter)).toEqual(expected);
      if (Object.keys(filter).length > 0 && filter.status === undefined) expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('combine filters', () => {
    const s = sample();
    const filters: BillFilter[] = [
      { status: 'SOLDOUT', from: s.from, to: s.to },
      { status: 'COMPLETE', minCents: s.minCents, maxCents: s.maxCents, lettered: true },
      { status: 'PENDING', search: 'fr' },
      { productCode: s.productCode, lettered: false, from: s.from },
      { customerId: s.customerId, status: 'COMPLETE' },
      { search: 'le', paymode: 'transfer', minCents: s.minCents },
    ];
    for (const filter of filters) {
      expect(listedIds(cache.db, filter, DEFAULT), JSON.stringify(filter)).toEqual(oracleIds(bills, filter, DEFAULT));
    }
  });

  it('search ignores accents, case and ligatures, and matches word starts in any order', () => {
    const lefevre = bills.filter((b) => b.lastname.includes('Lefèvre'));
    expect(lefevre.length).toBeGreaterThan(0);
    const ids = (search: string) => listedIds(cache.db, { search }, DEFAULT);
    const found = ids('lefevre');
    expect(found).toEqual(expect.arrayContaining(lefevre.map((b) => b.id)));
    expect(ids('LEFÈVRE')).toEqual(found);
    expect(ids('Lefe')).toEqual(expect.arrayContaining(found));
    // A first and a last name, in either order, on the same bill.
    const someone = lefevre[0]!;
    const both = ids(`${someone.firstname} lefevre`);
    expect(both).toContain(someone.id);
    expect(ids(`lefevre ${someone.firstname.toUpperCase()}`)).toEqual(both);
    // By transaction id, and by a fragment of it as the tokenizer splits it.
    const bill = bills.find((b) => b.transactionid.length > 4)!;
    expect(ids(bill.transactionid)).toContain(bill.id);
    // FTS syntax typed by the operator is text, never an error.
    expect(() => ids('"NEAR(a b)" OR -x* ^col:')).not.toThrow();
    expect(ids('   ')).toHaveLength(bills.length);
  });

  it('finds a bill by its number, by its lettering with or without the zeros, and by its transaction ids', () => {
    const ids = (search: string) => listedIds(cache.db, { search }, DEFAULT);
    const expected = (search: string) => oracleIds(bills, { search }, DEFAULT);
    const lettered = bills.find((b) => /^FA-\d{4}-0+\d+$/.test(b.idnumber) && b.id > 999)!;
    expect(lettered, 'the demo letters some bills FA-<year>-<number padded to 6 digits>').toBeDefined();
    const unlettered = bills.find((b) => b.idnumber === '' && b.id > 999)!;
    // The Reference column is the bill's number: typed as it shows, it finds that bill, lettered or not.
    for (const bill of [lettered, unlettered]) {
      expect(ids(String(bill.id)), `bill ${bill.id}`).toContain(bill.id);
      expect(ids(String(bill.id)), `bill ${bill.id}`).toEqual(expected(String(bill.id)));
      expect(ids(`#${bill.id}`)).toContain(bill.id);
    }
    // The lettering, whole, and its number as an operator reads it (004999 → 4999, or with its zeros).
    const digits = lettered.idnumber.split('-')[2]!;
    const number = digits.replace(/^0+/, '');
    for (const search of [lettered.idnumber, lettered.idnumber.toLowerCase(), digits, number, `${lettered.firstname} ${number}`]) {
      expect(ids(search), search).toContain(lettered.id);
      expect(ids(search), search).toEqual(expected(search));
    }
    // A number names one bill, with what else was typed: the customer's name of another bill leaves it out.
    const stranger = bills.find((b) => b.customerId !== unlettered.customerId && b.lastname !== unlettered.lastname)!;
    expect(ids(`${unlettered.lastname} ${unlettered.id}`)).toContain(unlettered.id);
    expect(ids(`${stranger.lastname} ${unlettered.id}`)).not.toContain(unlettered.id);
    expect(ids(`${stranger.lastname} ${unlettered.id}`)).toEqual(expected(`${stranger.lastname} ${unlettered.id}`));
    // Transaction ids: the shop's own, whole or its first characters, and the payment service's.
    const online = bills.find((b) => b.words.length > 0 && onlineId(b.id) !== '')!;
    for (const search of [unlettered.transactionid, unlettered.transactionid.slice(0, 10), onlineId(online.id)]) {
      expect(ids(search), search).toEqual(expected(search));
    }
    expect(ids(onlineId(online.id))).toContain(online.id);
    // A number no bill has finds nothing; the counts agree with the list.
    expect(ids('987654321')).toEqual([]);
    const counted = countByStatus(cache.db, { search: number });
    expect(counted.total).toBe(expected(number).length);
    expect(counted.byStatus).toEqual(oracleCounts(bills, { search: number }));
  });
});

const onlineId = (id: number) => cache.db.prepare('SELECT onlinetransactionid FROM bill WHERE id = ?').pluck().get(id) as string;

describe('bills.list sorts', () => {
  it.each(billColumns.flatMap((column) => (['asc', 'desc'] as const).map((direction) => ({ column, direction }))))(
    'orders by $column $direction as the oracle does',
    (sort) => {
      expect(listedIds(cache.db, {}, sort)).toEqual(oracleIds(bills, {}, sort));
      // Within a status tab, and through pages of an odd size.
      expect(listedIds(cache.db, { status: 'SOLDOUT' }, sort, 37)).toEqual(oracleIds(bills, { status: 'SOLDOUT' }, sort));
      // Few bills (collected, then sorted) and many (walked in order), under filters the walk may not cover.
      const s = sample();
      for (const filter of [
        { customerId: s.customerId },
        { productCode: s.productCode },
        { search: 'le', from: s.from },
        { paymode: 'check' },
      ])
        expect(listedIds(cache.db, filter, sort, 29), JSON.stringify(filter)).toEqual(oracleIds(bills, filter, sort));
    },
  );

  it('pages through filtered bills in any order, collected or walked, without a gap or a repeat', () => {
    const s = sample();
    for (const filter of [
      { productCode: s.productCode },
      { search: 'le' },
      { search: 'e' },
      { from: s.from, status: 'COMPLETE' as const },
    ]) {
      for (const sort of [
        { column: 'customer', direction: 'asc' },
        { column: 'amountcents', direction: 'desc' },
        { column: 'items', direction: 'asc' },
      ] as const) {
        expect(listedIds(cache.db, filter, sort, 53), `${JSON.stringify(filter)} ${sort.column}`).toEqual(oracleIds(bills, filter, sort));
      }
    }
  });

  it('sorts by customer what a search found in the customer, in the bill, or in both', () => {
    const bill = bills[42]!;
    const title = bill.words.find((word) => !`${bill.firstname} ${bill.lastname}`.toLowerCase().includes(word) && word.length > 3)!;
    for (const search of [bill.transactionid, 'formation', title, `${title} ${bill.lastname}`, 'lefevre']) {
      for (const sort of [
        { column: 'customer', direction: 'asc' },
        { column: 'organisation', direction: 'desc' },
      ] as const) {
        const expected = oracleIds(bills, { search }, sort);
        expect(listedIds(cache.db, { search }, sort, 31), `${search} ${sort.column}`).toEqual(expected);
        expect([...walkedIds(cache.db, { search }, sort, 5)], `${search} ${sort.column}`).toEqual(expected);
      }
    }
  });

  it('answers windows asked in any order, from where earlier windows left off', () => {
    for (const sort of [DEFAULT, { column: 'customer', direction: 'asc' }, { column: 'title', direction: 'desc' }] as const) {
      for (const filter of [{}, { status: 'COMPLETE' as const }]) {
        const expected = oracleIds(bills, filter, sort);
        for (const offset of [900, 950, 10, 1210, 940, 0, 1215, 600, 601, 1990]) {
          const { rows } = listBills(cache.db, { filter, sort, offset, limit: 40 });
          expect(
            rows.map((r) => r.id),
            `${sort.column} ${JSON.stringify(filter)} at ${offset}`,
          ).toEqual(expected.slice(offset, offset + 40));
        }
      }
    }
  });

  it('answers a window past the end with no rows and the total', () => {
    expect(listBills(cache.db, { filter: {}, sort: DEFAULT, offset: 5000, limit: 50 })).toEqual({ rows: [], total: bills.length });
  });
});

describe('bills rows', () => {
  it('carry the customer, the item codes kept by the triggers, and no pending change', () => {
    const { rows } = listBills(cache.db, { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 1000 });
    const byId = new Map(bills.map((b) => [b.id, b]));
    for (const row of rows) {
      const bill = byId.get(row.id)!;
      expect(row.items).toBe(bill.items);
      expect(row.customer).toBe(`${bill.firstname} ${bill.lastname}`.trim());
      expect(row.pending).toBeNull();
    }
  });
});

describe('bills.counts', () => {
  it('count each status under the filter, whatever status the filter names', () => {
    const s = sample();
    for (const filter of [
      {},
      { status: 'PAYBACK' as const },
      { from: s.from, to: s.to },
      { search: 'lefevre', lettered: true },
      { customerId: s.customerId },
    ]) {
      const counts = countByStatus(cache.db, filter);
      const expected = oracleCounts(bills, filter);
      expect(counts.byStatus, JSON.stringify(filter)).toEqual(expected);
      expect(counts.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    }
  });
});

describe('selectBillIds', () => {
  it('streams the ids of a filter in the table order, or of a selection, sorted or as given', () => {
    const s = sample();
    const sort: BillSort = { column: 'customer', direction: 'desc' };
    expect([...selectBillIds(cache.db, { filter: {} })]).toEqual(oracleIds(bills, {}, DEFAULT));
    expect([...selectBillIds(cache.db, { filter: { from: s.from } }, sort)]).toEqual(oracleIds(bills, { from: s.from }, sort));
    expect([...selectBillIds(cache.db, { filter: { productCode: s.productCode } }, sort)]).toEqual(
      oracleIds(bills, { productCode: s.productCode }, sort),
    );
    const picked = [bills[7]!.id, 999_999, bills[3]!.id, bills[1500]!.id, bills[3]!.id];
    expect([...selectBillIds(cache.db, { ids: picked })]).toEqual([bills[7]!.id, bills[3]!.id, bills[1500]!.id]);
    const chosen = bills.filter((b) => b.id % 7 === 0);
    expect([...selectBillIds(cache.db, { ids: chosen.map((b) => b.id) }, sort)]).toEqual(oracleIds(chosen, {}, sort));
  });

  it('goes on from the last key of each batch, in every order, ties included', () => {
    const s = sample();
    for (const column of billColumns) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const filter of [{}, { status: 'COMPLETE' as const }, { from: s.from }, { search: 'le' }]) {
          const sort = { column, direction };
          expect([...walkedIds(cache.db, filter, sort, 7)], `${column} ${direction} ${JSON.stringify(filter)}`).toEqual(
            oracleIds(bills, filter, sort),
          );
        }
      }
    }
  });

  it('leaves the connection free between two ids, so a sync can write while an export reads', () => {
    let read = 0;
    for (const id of selectBillIds(cache.db, { filter: {} })) {
      if (read++ % 500 === 0) cache.db.prepare('SELECT title FROM bill WHERE id = ?').get(id);
    }
    expect(read).toBe(bills.length);
  });
});
