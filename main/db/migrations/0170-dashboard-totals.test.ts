import { describe, expect, it } from 'vitest';
import { refreshDashboardTotals } from '../../dashboard/dashboard-totals';
import type { Db } from '../open';
import { DASHBOARD_TRIGGERS } from './0170-dashboard-totals';
import { applyMigration, columns, databaseBefore, insert, queryPlan, schema, schemaChange } from './migration.test-support';

/** Noon of a local day, as Unix seconds: the day SQLite's 'localtime' gives it is that day in any zone. */
const noon = (month: number, day: number) => new Date(2026, month - 1, day, 12).getTime() / 1000;
const dayOf = (month: number, day: number) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const D = { emitted: [3, 2], paid: [3, 5], issued: [3, 9], refunded: [3, 12], other: [4, 1], later: [4, 20] } as const;
const at = (d: readonly [number, number]) => noon(...d);
const day = (d: readonly [number, number]) => dayOf(...d);

const stale = (db: Db) => db.prepare('SELECT day FROM dashboard_stale ORDER BY day').pluck().all();
const fresh = (db: Db) => db.prepare('DELETE FROM dashboard_stale').run();
const customerCents = (db: Db) => db.prepare('SELECT currency, customerid, cents FROM dashboard_customer ORDER BY 1, 2').raw().all();
const stages = (db: Db) =>
  db.prepare('SELECT status, currency, shopid, bills, cents FROM dashboard_stage WHERE bills <> 0 ORDER BY 1, 2, 3').raw().all();

/** A bill of a cache synced before 0170, with a line, a payment and a refunded credit note on their own days. */
function syncedBefore(): Db {
  const db = databaseBefore(170);
  insert(db, 'customer', { id: 1 });
  insert(db, 'customer', { id: 2 });
  insert(db, 'bill', {
    id: 1,
    customerid: 1,
    shopid: 1,
    currency: 'EUR',
    status: 'COMPLETE',
    idnumber: 'FA-1',
    emissiondate: at(D.emitted),
    untaxedcents: 1000,
    amountcents: 1200,
  });
  insert(db, 'bill_item', { id: 10, billid: 1, type: 'BILLING', itemcode: 'WORD', totalcents: 1000 });
  insert(db, 'bill_payment', { id: 20, billid: 1, amountcents: 1200, paidon: at(D.paid) });
  insert(db, 'bill_credit_note', {
    id: 30,
    billid: 1,
    number: 'AV-1',
    issuedat: at(D.issued),
    refundcents: 600,
    refundedon: at(D.refunded),
  });
  insert(db, 'bill_credit_line', { id: 40, billid: 1, creditnoteid: 30, billitemid: 10, totalcents: -500 });
  return db;
}

function migrated(): Db {
  const db = syncedBefore();
  applyMigration(db, 170);
  return db;
}

/** A pull's write (main/sync/cache-tables.ts): INSERT … ON CONFLICT (id) DO UPDATE, every column rewritten. */
function pull(db: Db, table: string, row: Record<string, unknown>): void {
  const names = columns(db, table).map((c) => c.name);
  const values = names.map((n) => row[n] ?? (columns(db, table).find((c) => c.name === n)?.type === 'TEXT' ? '' : 0));
  const updates = names.filter((n) => n !== 'id').map((n) => `${n} = excluded.${n}`);
  db.prepare(
    `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(values);
}

describe("migration 0170 dashboard totals: totals per local day kept by stale days, and each customer's and stage's totals kept by triggers", () => {
  it('adds the totals tables, the index of refunds and the triggers the first sync sets aside, and changes nothing else', () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 170);
    const change = schemaChange(before, schema(db));
    expect(change.removed).toEqual([]);
    expect(change.changed).toEqual([]);
    expect(change.added.filter((o) => !o.startsWith('trigger '))).toEqual([
      'index bill_credit_note_refunded',
      'index dashboard_customer_bound',
      'table dashboard_customer',
      'table dashboard_day',
      'table dashboard_stage',
      'table dashboard_stale',
    ]);
    // bulk-load.ts drops and recreates exactly DASHBOARD_TRIGGERS: one missing there would fire through a first sync.
    expect(change.added.filter((o) => o.startsWith('trigger '))).toEqual([...DASHBOARD_TRIGGERS].sort().map((t) => `trigger ${t}`));
  });

  it('fills nothing itself: the code adds the existing rows up when it finds no zone kept (refreshDashboardTotals)', () => {
    const db = migrated();
    for (const table of ['dashboard_day', 'dashboard_stale', 'dashboard_customer', 'dashboard_stage']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(db.prepare("SELECT count(*) FROM site_meta WHERE key = 'dashboard_zone'").pluck().get()).toBe(0);
    expect(
      db
        .prepare('SELECT (SELECT count(*) FROM bill) + (SELECT count(*) FROM bill_item) + (SELECT count(*) FROM bill_credit_line)')
        .pluck()
        .get(),
    ).toBe(3);

    refreshDashboardTotals(db);
    expect(customerCents(db)).toEqual([['EUR', 1, 1000]]);
    expect(stages(db)).toEqual([['COMPLETE', 'EUR', 1, 1, 1200]]);
    expect(db.prepare("SELECT day, cents FROM dashboard_day WHERE measure = 'invoiced'").raw().all()).toEqual([[day(D.emitted), 1000]]);
  });

  it("marks a new bill's day stale and keeps its customer's bound and its stage exactly", () => {
    const db = migrated();
    insert(db, 'bill', {
      id: 2,
      customerid: 2,
      shopid: 1,
      currency: 'EUR',
      status: 'PENDING',
      idnumber: 'FA-2',
      emissiondate: at(D.other),
      untaxedcents: 800,
      amountcents: 960,
    });
    // Not an invoice yet (no number): its stage counts, its customer's bound does not.
    insert(db, 'bill', {
      id: 3,
      customerid: 2,
      shopid: 1,
      currency: 'EUR',
      status: 'PENDING',
      emissiondate: at(D.other),
      untaxedcents: 50,
      amountcents: 60,
    });
    // A negative bill never raises a bound.
    insert(db, 'bill', {
      id: 4,
      customerid: 2,
      shopid: 2,
      currency: 'EUR',
      status: 'COMPLETE',
      idnumber: 'FA-4',
      emissiondate: at(D.later),
      untaxedcents: -300,
      amountcents: -360,
    });
    expect(stale(db)).toEqual([day(D.other), day(D.later)]);
    expect(customerCents(db)).toEqual([['EUR', 2, 800]]);
    expect(stages(db)).toEqual([
      ['COMPLETE', 'EUR', 2, 1, -360],
      ['PENDING', 'EUR', 1, 2, 1020],
    ]);
  });

  it('marks stale, when a bill changes what the totals add up, its old and new days and the days of its payments and credit notes', () => {
    const db = migrated();
    refreshDashboardTotals(db); // the cache's first opening after the upgrade: bill 1 added up
    insert(db, 'bill', {
      id: 2,
      customerid: 2,
      shopid: 1,
      currency: 'EUR',
      status: 'PENDING',
      idnumber: 'FA-2',
      emissiondate: at(D.other),
      untaxedcents: 800,
      amountcents: 960,
    });
    fresh(db);

    // A change the totals do not see (the title) marks nothing: a pull rewrites every column of every bill.
    db.prepare("UPDATE bill SET title = 'Renamed' WHERE id = 1").run();
    expect(stale(db)).toEqual([]);

    db.prepare("UPDATE bill SET status = 'PAYBACK' WHERE id = 1").run();
    expect(stale(db)).toEqual([day(D.emitted), day(D.paid), day(D.issued), day(D.refunded)]);
    fresh(db);

    db.prepare('UPDATE bill SET emissiondate = ?, customerid = 1, status = ? WHERE id = 2').run(at(D.later), 'COMPLETE');
    expect(stale(db)).toEqual([day(D.other), day(D.later)]);
    expect(customerCents(db)).toEqual([
      ['EUR', 1, 1800],
      ['EUR', 2, 0],
    ]);
    expect(stages(db)).toEqual([
      ['COMPLETE', 'EUR', 1, 1, 960],
      ['PAYBACK', 'EUR', 1, 1, 1200],
    ]);
    fresh(db);

    db.prepare('DELETE FROM bill WHERE id = 2').run();
    expect(stale(db)).toEqual([day(D.later)]);
    expect(customerCents(db)).toEqual([
      ['EUR', 1, 1000],
      ['EUR', 2, 0],
    ]);
    expect(stages(db)).toEqual([['PAYBACK', 'EUR', 1, 1, 1200]]);
  });

  it('marks stale the days a write to a line, a payment, a credit note or a credit line touches', () => {
    const db = migrated();
    insert(db, 'bill_item', { id: 11, billid: 1, type: 'BILLING', itemcode: 'EXCEL', totalcents: 100 });
    // A line counts on its bill's emission day, and its credits on the days their notes were issued.
    expect(stale(db)).toEqual([day(D.emitted), day(D.issued)]);
    fresh(db);

    insert(db, 'bill_payment', { id: 21, billid: 1, amountcents: 10, paidon: at(D.other) });
    expect(stale(db)).toEqual([day(D.other)]);
    fresh(db);
    db.prepare('UPDATE bill_payment SET paidon = ? WHERE id = 21').run(at(D.later));
    expect(stale(db)).toEqual([day(D.other), day(D.later)]);
    fresh(db);
    db.prepare('DELETE FROM bill_payment WHERE id = 21').run();
    expect(stale(db)).toEqual([day(D.later)]);
    fresh(db);

    // A credit note without a refund counts on its issue day only.
    insert(db, 'bill_credit_note', { id: 31, billid: 1, number: 'AV-2', issuedat: at(D.other), refundcents: 0, refundedon: at(D.later) });
    expect(stale(db)).toEqual([day(D.other)]);
    fresh(db);
    db.prepare('UPDATE bill_credit_note SET refundcents = 100 WHERE id = 31').run();
    expect(stale(db)).toEqual([day(D.other), day(D.later)]);
    fresh(db);

    insert(db, 'bill_credit_line', { id: 41, billid: 1, creditnoteid: 31, billitemid: 11, totalcents: -100 });
    expect(stale(db)).toEqual([day(D.other)]);
    fresh(db);
    db.prepare('UPDATE bill_credit_line SET creditnoteid = 30 WHERE id = 41').run();
    expect(stale(db)).toEqual([day(D.issued), day(D.other)]);
  });

  it("lets a pull's upsert (INSERT … ON CONFLICT DO UPDATE) write bills, lines and payments on days already stale", () => {
    const db = migrated();
    insert(db, 'bill', {
      id: 2,
      customerid: 2,
      shopid: 1,
      currency: 'EUR',
      status: 'PENDING',
      idnumber: 'FA-2',
      emissiondate: at(D.emitted),
      amountcents: 5,
    });
    expect(stale(db)).toEqual([day(D.emitted)]);

    // The bill pulled again, changed: the conflict turns the insert into an update, whose trigger marks a day already
    // marked. With INSERT OR IGNORE in the trigger the outer statement's conflict policy would win and this would fail.
    pull(db, 'bill', {
      id: 1,
      customerid: 1,
      shopid: 1,
      currency: 'EUR',
      status: 'PAYBACK',
      idnumber: 'FA-1',
      emissiondate: at(D.emitted),
      untaxedcents: 1000,
      amountcents: 1200,
    });
    pull(db, 'bill', { id: 3, customerid: 2, shopid: 1, currency: 'EUR', status: 'PENDING', emissiondate: at(D.emitted) });
    pull(db, 'bill_item', { id: 10, billid: 1, type: 'BILLING', itemcode: 'WORD', totalcents: 900 });
    pull(db, 'bill_payment', { id: 20, billid: 1, amountcents: 1200, paidon: at(D.paid) });
    pull(db, 'bill_payment', { id: 20, billid: 1, amountcents: 1100, paidon: at(D.paid) });
    pull(db, 'bill_credit_note', {
      id: 30,
      billid: 1,
      number: 'AV-1',
      issuedat: at(D.issued),
      refundcents: 600,
      refundedon: at(D.refunded),
    });
    expect(db.prepare('SELECT status FROM bill WHERE id = 1').pluck().get()).toBe('PAYBACK');
    expect(db.prepare('SELECT amountcents FROM bill_payment WHERE id = 20').pluck().get()).toBe(1100);
    expect(stale(db)).toEqual([day(D.emitted), day(D.paid), day(D.issued), day(D.refunded)]);
  });

  it('marks nothing, and does not fail, for a time too large to have a day', () => {
    const db = migrated();
    insert(db, 'bill', { id: 2, customerid: 2, currency: 'EUR', status: 'PENDING', emissiondate: 1e15 });
    insert(db, 'bill_payment', { id: 21, billid: 2, paidon: 1e15 });
    expect(stale(db)).toEqual([]);
  });

  it("finds a day's refunds through the partial index of refunds, and walks a currency's customers largest first", () => {
    const db = migrated();
    const REFUNDS = 'SELECT sum(refundcents) FROM bill_credit_note WHERE refundcents <> 0 AND refundedon BETWEEN ? AND ?';
    expect(queryPlan(db, REFUNDS, 0, 1)).toBe(
      'SEARCH bill_credit_note USING INDEX bill_credit_note_refunded (refundedon>? AND refundedon<?)',
    );
    expect(
      db
        .prepare(REFUNDS)
        .pluck()
        .get(at(D.refunded) - 60, at(D.refunded) + 60),
    ).toBe(600);
    const BOUNDS = 'SELECT customerid, cents FROM dashboard_customer WHERE currency = ? ORDER BY cents DESC, customerid';
    expect(queryPlan(db, BOUNDS, 'EUR')).toBe('SEARCH dashboard_customer USING COVERING INDEX dashboard_customer_bound (currency=?)');
  });
});
