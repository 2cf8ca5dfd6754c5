import { beforeEach, describe, expect, it } from 'vitest';
import type { AgeingBucket, BucketAmounts } from '../../shared/contract/followup';
import { percentOf } from '../../shared/money/rounding';
import { recordPayment } from '../bills/bill-actions';
import { openDatabase, type Db } from '../db/open';
import { CallLog } from '../moodle/call-log';
import type { MoodleClient } from '../moodle/rest-client';
import { emptyServerCopy } from '../sync/server-copy';
import { receivableBills, receivablesByCustomer } from './receivables';
import { prepareReminders, remindersOfBill, sendReminders } from './reminders';
import { renewals } from './renewals';

/**
 * The receivables and renewals the cache's SQL computes, checked against a plain loop over every bill and
 * product of a generated shop (three currencies, partial payments, credit notes with their refunds, a payment
 * queued offline, test bills), to the cent.
 */

const DAY = 86_400;
const AS_OF = 1_790_000_000;
const TERM_DAYS = 30;

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T,
  };
}

/** Inserts a row, every NOT NULL column the test does not name set to 0 or ''. */
function insert(db: Db, table: string, row: Record<string, unknown>): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number }[];
  const full: Record<string, unknown> = {};
  for (const c of columns) full[c.name] = c.name in row ? row[c.name] : c.notnull ? (c.type === 'TEXT' ? '' : 0) : null;
  const names = Object.keys(full);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(full);
}

const CURRENCIES = ['EUR', 'USD', 'CHF'] as const;
const STATUSES = ['WORKING', 'PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'SOLDOUT', 'COMPLETE', 'PAYBACK', 'FAILED', 'REFUSED', 'CANCELLED'];

function seedShop(db: Db): void {
  const random = prng(18);
  db.transaction(() => {
    CURRENCIES.forEach((currency, index) =>
      insert(db, 'shop', { id: index + 1, name: `Shop ${currency}`, currency, allowtax: index === 2 ? 0 : 1 }),
    );
    insert(db, 'tax', { id: 1, title: 'TVA 20', ratio: 2000 });
    insert(db, 'tax', { id: 2, title: 'TVA 5,5', ratio: 550 });
    insert(db, 'catalog', { id: 1, name: 'Catalog' });
    for (let item = 1; item <= 8; item += 1) {
      const unit = random.int(1, 90_000) + 3; // odd cents, so the tax rounds
      insert(db, 'catalog_item', {
        id: item,
        catalogid: 1,
        code: `ITEM${item}`,
        name: `Course ${item}`,
        taxcode: item % 2 === 0 ? 2 : 1,
        // Items 7 and 8 are elements of a bundle (item 10): priced 0, the bundle carries the price.
        setid: item >= 7 ? 10 : 0,
        prices: JSON.stringify(
          item >= 7
            ? [{ fromquantity: 1, unitcents: 0 }]
            : [
                { fromquantity: 1, unitcents: unit },
                { fromquantity: 10, unitcents: unit - 2 },
              ],
        ),
      });
    }
    insert(db, 'catalog_item', {
      id: 10,
      catalogid: 1,
      code: 'BUNDLE',
      name: 'Bundle',
      type: 'bundle',
      taxcode: 2,
      prices: JSON.stringify([{ fromquantity: 1, unitcents: 123_457 }]),
    });
    for (let customer = 1; customer <= 40; customer += 1) {
      insert(db, 'customer', {
        id: customer,
        shopid: (customer % 3) + 1,
        firstname: `First${customer}`,
        lastname: `Last${customer}`,
        email: `c${customer}@example.org`,
        hasaccount: customer % 4 === 0 ? 0 : 1000 + customer,
      });
    }
    let creditId = 1;
    for (let bill = 1; bill <= 700; bill += 1) {
      const customer = random.int(1, 40);
      const status = random.pick(STATUSES);
      const amount = random.int(100, 500_000);
      const paid =
        status === 'PARTIAL'
          ? random.int(1, amount - 1)
          : ['SOLDOUT', 'COMPLETE', 'PAYBACK'].includes(status)
            ? amount
            : random.int(0, 1) * random.int(0, amount - 1);
      insert(db, 'bill', {
        id: bill,
        shopid: (customer % 3) + 1,
        customerid: customer,
        ordering: 5000 + bill,
        idnumber: bill % 5 === 0 ? `FA-${bill}` : '',
        status,
        currency: CURRENCIES[customer % 3],
        emissiondate: AS_OF - random.int(-20, 200) * DAY - random.int(0, DAY - 1),
        amountcents: amount,
        paidcents: paid,
        test: bill % 97 === 0 ? 1 : 0,
      });
      // Credit notes, as the shop issues them on paid bills, refunded in the same write; one on a part-paid
      // bill now and then (an older plugin's, or a refund still to make), to check the formula on its own.
      if ((status === 'SOLDOUT' || status === 'COMPLETE' || status === 'PARTIAL') && random.int(0, 3) === 0) {
        const credited = random.int(1, Math.max(1, Math.floor(paid / 2)));
        const refunded = status === 'PARTIAL' ? random.int(0, credited) : credited;
        insert(db, 'bill_credit_note', {
          id: creditId,
          billid: bill,
          number: `AV-2026-${creditId}`,
          amountcents: credited,
          refundcents: refunded,
        });
        creditId += 1;
      }
    }
    // Products: ends spread from 200 days ago to 200 days ahead; renewals, extensions, deletions, tests.
    let eventId = 1;
    for (let product = 1; product <= 400; product += 1) {
      const customer = random.int(1, 40);
      insert(db, 'bill_item', { id: product, billid: random.int(1, 700), catalogitemid: 1 });
      insert(db, 'product', {
        id: product,
        catalogitemid: random.int(1, 9), // 9: an item deleted from the catalog since
        customerid: customer,
        initialbillitemid: product,
        currentbillitemid: product % 3 === 0 ? 0 : product,
        enddate: random.int(0, 9) === 0 ? 0 : AS_OF + random.int(-200, 200) * DAY + random.int(0, DAY - 1),
        deleted: product % 41 === 0 ? 1 : 0,
        test: product % 53 === 0 ? 1 : 0,
      });
      if (random.int(0, 5) === 0) {
        const end = db.prepare('SELECT enddate FROM product WHERE id = ?').pluck().get(product) as number;
        insert(db, 'product_event', {
          id: eventId,
          productid: product,
          eventtype: random.pick(['extended', 'created']),
          datecreated: end + random.int(-5, 5) * DAY,
        });
        eventId += 1;
      }
    }
  })();
}

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  seedShop(db);
});

interface LoopBill {
  id: number;
  customerid: number;
  currency: string;
  due: number;
  late: number;
}

/** The independent computation: every bill read as it is, the rules applied one by one in JavaScript. */
function loopReceivables(database: Db, asOf: number, termDays: number): LoopBill[] {
  const bills = database.prepare('SELECT * FROM bill').all() as {
    id: number;
    customerid: number;
    currency: string;
    status: string;
    emissiondate: number;
    amountcents: number;
    paidcents: number;
    test: number;
  }[];
  const notes = database.prepare('SELECT * FROM bill_credit_note').all() as { billid: number; amountcents: number; refundcents: number }[];
  const payments = database.prepare("SELECT entity_id, payload FROM outbox WHERE kind = 'bill.payment'").all() as {
    entity_id: number;
    payload: string;
  }[];
  const owed: LoopBill[] = [];
  for (const bill of bills) {
    let paid = bill.paidcents;
    let status = bill.status;
    for (const p of payments.filter((x) => x.entity_id === bill.id)) {
      paid += (JSON.parse(p.payload) as { amountcents: number }).amountcents;
      status = paid < bill.amountcents ? 'PARTIAL' : 'SOLDOUT';
    }
    if (bill.test === 1) continue;
    if (!['PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'REFUSED', 'FAILED'].includes(status)) continue;
    let credited = 0;
    let refunded = 0;
    for (const note of notes) {
      if (note.billid !== bill.id) continue;
      credited += note.amountcents;
      refunded += note.refundcents;
    }
    const due = bill.amountcents - credited - (paid - refunded);
    if (due <= 0) continue;
    const dueAt = bill.emissiondate + termDays * DAY;
    const late = asOf > dueAt ? Math.floor((asOf - dueAt) / DAY) : 0;
    owed.push({ id: bill.id, customerid: bill.customerid, currency: bill.currency, due, late });
  }
  return owed;
}

function bucketByLoop(late: number): AgeingBucket {
  if (late === 0) return 'notDue';
  if (late < 31) return 'days1to30';
  if (late < 61) return 'days31to60';
  if (late < 91) return 'days61to90';
  return 'over90';
}

const empty = (): BucketAmounts => ({ notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });

describe('receivables by age', () => {
  it('match a plain loop over every bill, per customer and currency and per currency, to the cent', () => {
    // A payment queued offline counts at once, as the operator sees the bill.
    const partial = db
      .prepare("SELECT id, amountcents - paidcents AS left FROM bill WHERE status = 'PENDING' AND test = 0 ORDER BY id LIMIT 1")
      .get() as { id: number; left: number };
    recordPayment(db, { id: partial.id, amountcents: Math.floor(partial.left / 2), paymode: 'check', paidon: AS_OF, reference: 'CHQ 1' });

    for (const asOf of [AS_OF, AS_OF + 45 * DAY]) {
      const expectedCustomers = new Map<string, { buckets: BucketAmounts; total: number; bills: number }>();
      const expectedTotals = new Map<string, { buckets: BucketAmounts; total: number; bills: number }>();
      for (const bill of loopReceivables(db, asOf, TERM_DAYS)) {
        for (const [map, key] of [
          [expectedCustomers, `${bill.customerid}/${bill.currency}`],
          [expectedTotals, bill.currency],
        ] as const) {
          const entry = map.get(key) ?? { buckets: empty(), total: 0, bills: 0 };
          entry.buckets[bucketByLoop(bill.late)] += bill.due;
          entry.total += bill.due;
          entry.bills += 1;
          map.set(key, entry);
        }
      }
      const answer = receivablesByCustomer(db, { asOf, termDays: TERM_DAYS });
      expect(answer.truncated).toBe(false);
      expect(new Set(answer.totals.map((t) => t.currency))).toEqual(new Set(CURRENCIES));
      expect(
        new Map(
          answer.customers.map((c) => [`${c.customerId}/${c.currency}`, { buckets: c.buckets, total: c.totalCents, bills: c.bills }]),
        ),
      ).toEqual(expectedCustomers);
      expect(new Map(answer.totals.map((t) => [t.currency, { buckets: t.buckets, total: t.totalCents, bills: t.bills }]))).toEqual(
        expectedTotals,
      );
    }
  });

  it('lists each receivable bill with its amount left, days late and bucket, most overdue first', () => {
    const expected = loopReceivables(db, AS_OF, TERM_DAYS);
    const { bills } = receivableBills(db, { asOf: AS_OF, termDays: TERM_DAYS });
    expect(
      bills.map((b) => [b.billId, b.dueCents, Math.max(b.daysLate, 0), b.bucket]).sort((x, y) => (x[0] as number) - (y[0] as number)),
    ).toEqual(expected.map((b) => [b.id, b.due, b.late, bucketByLoop(b.late)]).sort((x, y) => (x[0] as number) - (y[0] as number)));
    const lateness = bills.map((b) => b.daysLate);
    expect(lateness).toEqual([...lateness].sort((a, b) => b - a));
    // The number a customer knows: the invoice number once lettered, else the order number.
    const lettered = bills.find((b) => b.billId % 5 === 0);
    if (lettered) expect(lettered.number).toBe(`FA-${lettered.billId}`);
  });

  it('puts the edges of each bucket where they belong: due today is not due, 30 days late is 1–30, 31 is 31–60', () => {
    const ages = [0, 1, 30, 31, 60, 61, 90, 91];
    db.prepare('DELETE FROM bill').run();
    ages.forEach((late, index) =>
      insert(db, 'bill', {
        id: index + 1,
        customerid: 1,
        status: 'PENDING',
        currency: 'EUR',
        amountcents: 1000 * (index + 1),
        emissiondate: AS_OF - (TERM_DAYS + late) * DAY,
      }),
    );
    const { bills } = receivableBills(db, { asOf: AS_OF, termDays: TERM_DAYS });
    expect(bills.map((b) => [b.daysLate, b.bucket]).reverse()).toEqual([
      [0, 'notDue'],
      [1, 'days1to30'],
      [30, 'days1to30'],
      [31, 'days31to60'],
      [60, 'days31to60'],
      [61, 'days61to90'],
      [90, 'days61to90'],
      [91, 'over90'],
    ]);
  });
});

describe('renewals', () => {
  it('match a plain loop over every product: ends in the window, not renewed, priced at today’s price with tax', () => {
    const products = db.prepare('SELECT * FROM product').all() as {
      id: number;
      customerid: number;
      catalogitemid: number;
      enddate: number;
      deleted: number;
      test: number;
    }[];
    const events = db.prepare('SELECT * FROM product_event').all() as { productid: number; eventtype: string; datecreated: number }[];
    const items = new Map(
      (
        db.prepare('SELECT * FROM catalog_item').all() as {
          id: number;
          prices: string;
          taxcode: number;
          setid: number;
          type: string;
          name: string;
        }[]
      ).map((i) => [i.id, i]),
    );
    const taxes = new Map((db.prepare('SELECT * FROM tax').all() as { id: number; ratio: number }[]).map((t) => [t.id, t.ratio]));
    const customers = new Map(
      (
        db.prepare('SELECT c.id, s.currency, s.allowtax FROM customer c JOIN shop s ON s.id = c.shopid').all() as {
          id: number;
          currency: string;
          allowtax: number;
        }[]
      ).map((c) => [c.id, c]),
    );
    for (const [horizon, ended] of [
      [30, 0],
      [60, 90],
      [90, 30],
    ] as const) {
      const expected: [number, number | null, string, number, string][] = [];
      for (const p of products) {
        if (p.deleted === 1 || p.test === 1 || p.enddate === 0) continue;
        if (p.enddate < AS_OF - ended * DAY || p.enddate >= AS_OF + horizon * DAY) continue;
        const later = products.some(
          (q) =>
            q.id !== p.id &&
            q.deleted === 0 &&
            q.customerid === p.customerid &&
            q.catalogitemid === p.catalogitemid &&
            (q.enddate === 0 || q.enddate > p.enddate),
        );
        const extended = events.some((e) => e.productid === p.id && e.eventtype === 'extended' && e.datecreated >= p.enddate);
        if (later || extended) continue;
        const own = items.get(p.catalogitemid);
        const set = own && own.setid > 0 ? items.get(own.setid) : undefined;
        const item = set?.type === 'bundle' ? set : own;
        const customer = customers.get(p.customerid)!;
        let price: number | null = null;
        if (item) {
          const unit = (JSON.parse(item.prices) as { unitcents: number }[])[0]!.unitcents;
          price = unit + (customer.allowtax ? percentOf(unit, taxes.get(item.taxcode)!) : 0);
        }
        expected.push([p.id, price, customer.currency, Math.floor((p.enddate - AS_OF) / DAY), item?.name ?? `#${p.catalogitemid}`]);
      }
      const answer = renewals(db, { asOf: AS_OF, horizonDays: horizon, endedWithinDays: ended });
      expect(answer.renewals.map((r) => [r.productId, r.renewalCents, r.currency, r.daysLeft, r.renewalItem])).toEqual(
        expected.sort((a, b) => {
          const ea = products.find((p) => p.id === a[0])!.enddate;
          const eb = products.find((p) => p.id === b[0])!.enddate;
          return ea - eb || a[0] - b[0];
        }),
      );
      expect(answer.renewals.length).toBeGreaterThan(0);
    }
  });
});

/** A Moodle that answers core_message_send_instant_messages as 4.5 does, refusing the users listed. */
function fakeMoodle(refused: Set<number>, calls: unknown[]): MoodleClient {
  let next = 100;
  return {
    siteUrl: 'http://moodle.test',
    log: new CallLog(),
    call: <T>(fn: string, params?: Record<string, unknown>) => {
      calls.push({ fn, params });
      const messages = (params?.['messages'] ?? []) as { touserid: number; clientmsgid: string }[];
      return Promise.resolve(
        messages.map((m) =>
          refused.has(m.touserid)
            ? {
                msgid: -1,
                clientmsgid: m.clientmsgid,
                errormessage: "You can't message this user due to their message preferences. Try adding them as a contact.",
                candeletemessagesforallusers: false,
              }
            : { msgid: (next += 1), clientmsgid: m.clientmsgid, candeletemessagesforallusers: false },
        ) as T,
      );
    },
  } as MoodleClient;
}

describe('reminders', () => {
  it('are sent to the accounts, each outcome recorded on its bill, and survive a rebuild of the cache', async () => {
    const { bills } = receivableBills(db, { asOf: AS_OF, termDays: TERM_DAYS });
    const withAccount = bills.filter((b) => b.hasAccount).slice(0, 3);
    const without = bills.find((b) => !b.hasAccount)!;
    const targets = { kind: 'payment' as const, billIds: [...withAccount.map((b) => b.billId), without.billId] };
    const prepared = prepareReminders(db, targets, { asOf: AS_OF, termDays: TERM_DAYS, language: 'fr', templates: undefined });
    expect(prepared).toHaveLength(4);
    const first = prepared.find((m) => m.billId === withAccount[0]!.billId)!;
    expect(first.text).toContain(`First${withAccount[0]!.customerId} Last${withAccount[0]!.customerId}`);
    expect(first.amountCents).toBe(withAccount[0]!.dueCents);

    const refusedUser = prepared.find((m) => m.billId === withAccount[1]!.billId)!.moodleUserId;
    const calls: unknown[] = [];
    const result = await sendReminders(db, fakeMoodle(new Set([refusedUser]), calls), prepared, 'fr', () => AS_OF + 5);
    expect(calls).toHaveLength(1);
    expect(result.noAccount).toBe(1);
    // The refused user may hold two of the bills; every other one was sent.
    const refusedBills = prepared.filter((m) => m.moodleUserId === refusedUser).length;
    expect(result.sent).toBe(3 - refusedBills);
    expect(result.failed.map((f) => f.error)).toEqual(
      Array(refusedBills).fill("You can't message this user due to their message preferences. Try adding them as a contact."),
    );

    const recorded = remindersOfBill(db, withAccount[0]!.billId);
    expect(recorded).toEqual([
      expect.objectContaining({
        kind: 'payment',
        channel: 'moodle',
        outcome: 'sent',
        language: 'fr',
        text: first.text,
        createdAt: AS_OF + 5,
      }),
    ]);
    expect(remindersOfBill(db, without.billId)).toEqual([]);

    emptyServerCopy(db);
    expect(remindersOfBill(db, withAccount[0]!.billId)).toHaveLength(1);
  });

  it('use the operator’s template when there is one, placeholders filled in the message’s language', () => {
    const bill = receivableBills(db, { asOf: AS_OF, termDays: TERM_DAYS }).bills.find((b) => b.currency === 'EUR' && b.daysLate > 0)!;
    const [message] = prepareReminders(
      db,
      { kind: 'payment', billIds: [bill.billId] },
      {
        asOf: AS_OF,
        termDays: TERM_DAYS,
        language: 'en',
        templates: { payment: { en: '{customer}: {amount} on {bill}, {daysLate} days, {unknown}', fr: '' }, renewal: { en: '', fr: '' } },
      },
    );
    const euros = `€${Math.trunc(bill.dueCents / 100).toLocaleString('en-GB')}.${String(bill.dueCents % 100).padStart(2, '0')}`;
    expect(message!.text).toBe(`${bill.customer}: ${euros} on ${bill.number}, ${bill.daysLate} days, {unknown}`);
  });
});
