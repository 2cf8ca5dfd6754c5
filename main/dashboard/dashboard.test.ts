import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { dashboardQuerySchema, type DashboardQuery, type DashboardSummary } from '../../shared/contract/dashboard';
import { transitionBill } from '../bills/bill-actions';
import { countByStatus } from '../bills/bill-counts';
import { selectBillIds } from '../bills/bill-query';
import { discardEntry } from '../sync/outbox';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { openDatabase, type Db } from '../db/open';
import { createMoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { beginBulkLoad } from '../sync/bulk-load';
import { SyncEngine } from '../sync/sync-engine';
import { dashboardSummary, roundedQuotient } from './dashboard-query';
import { writeDashboardXlsx } from './dashboard-xlsx';
import { oracleFigures } from './dashboard-oracle.test-support';
import { deriveDashboardTotals, refreshDashboardTotals } from './dashboard-totals';
import { topCustomers } from './shares';

/**
 * Every figure of the dashboard against the plain computation of dashboard-oracle.test-support.ts, to the cent,
 * over the demo shop synced from the simulated site, then made harder: a second shop, a second currency, credit
 * notes with refunds (some crediting lines), and extra partial payments.
 */

let sim: SimulatedSite;
let db: Db;
const NOW = 1_767_225_600; // 2026-01-01

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 900, now: NOW }, now: NOW + 60 });
  db = openDatabase(':memory:');
  const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
  const engine = new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger, pageSize: 200 });
  expect((await engine.start('manual')).outcome).toBe('done');
  seedHarderCases(db);
}, 120_000);
afterAll(async () => {
  db?.close();
  await sim?.close();
});

function seedHarderCases(db: Db): void {
  db.exec(`
    INSERT INTO shop SELECT 2, 'Boutique export', description, 'USD', catalogid, allowtax, discountthresholdcents, discountrate,
      discountrate2, discountrate3, eula, paymodes, defaultpaymode, defaultcustomersupportcourse, timemodified FROM shop WHERE id = 1;
    UPDATE bill SET shopid = 2 WHERE id % 5 = 0;
    UPDATE bill SET currency = 'USD' WHERE id % 7 = 0;
    -- A second, partial payment 40 days after the bill.
    INSERT INTO bill_payment (billid, amountcents, paymode, paidon, reference, timecreated)
      SELECT id, 1234, 'transfer', emissiondate + 40 * 86400, 'second', emissiondate FROM bill WHERE id % 6 = 2 AND paidcents > 0;
  `);
  // Credit notes on invoiced bills, a third of the bill, refunded five days later; each credits half of its first line.
  const invoiced = db
    .prepare("SELECT id, emissiondate, untaxedcents, taxcents, amountcents FROM bill WHERE idnumber <> '' AND id % 4 = 1")
    .all() as {
    id: number;
    emissiondate: number;
    untaxedcents: number;
    taxcents: number;
    amountcents: number;
  }[];
  expect(invoiced.length).toBeGreaterThan(20);
  const note = db.prepare(
    `INSERT INTO bill_credit_note (billid, number, issuedat, reason, untaxedcents, taxcents, amountcents, refundcents, refundpaymode, refundedon, refundreference, userid)
     VALUES (?, ?, ?, 'test', ?, ?, ?, ?, 'transfer', ?, '', 2)`,
  );
  const line = db.prepare(
    `INSERT INTO bill_credit_line (billid, creditnoteid, billitemid, quantity, totalcents, taxratio, taxcents)
     SELECT billid, ?, id, 1, totalcents / 2, taxratio, taxcents / 2 FROM bill_item WHERE billid = ? AND type NOT IN ('DISCOUNT', 'SHIPPING') ORDER BY ordering LIMIT 1`,
  );
  invoiced.forEach((bill, i) => {
    const issued = bill.emissiondate + 20 * 86_400;
    const refund = i % 3 === 0 ? 0 : Math.floor(bill.amountcents / 3);
    const id = note.run(
      bill.id,
      `AV-${i}`,
      issued,
      Math.floor(bill.untaxedcents / 3),
      Math.floor(bill.taxcents / 3),
      Math.floor(bill.amountcents / 3),
      refund,
      refund ? issued + 5 * 86_400 : 0,
    ).lastInsertRowid;
    line.run(id, bill.id);
  });
}

/** A customer and one invoiced, paid bill emitted at `emission`, as a sync writes them. */
function insertBill(target: Db, id: number, emission: number): void {
  target.exec(`INSERT OR IGNORE INTO customer VALUES (1, 1, 'A', 'B', 'a@b.c', '', '', '', 'FR', '', 0, '', 0, 1, 0);
    INSERT INTO bill (id, shopid, idnumber, ordering, customerid, userid, title, worktype, status, remotestatus, emissiondate, lastactiondate,
      assignedto, timetodo, currency, untaxedcents, taxcents, amountcents, discountcents, untaxeddiscountcents, discounttaxcents, shippingcents,
      paymentfeecents, paidcents, paymode, transactionid, onlinetransactionid, ignoretax, productionfeedback, invoiceinfo, test, partnerid,
      partnertag, version, timemodified)
    VALUES (${id}, 1, 'FA-${id}', ${id}, 1, 2, 't', 'online', 'SOLDOUT', '', ${emission}, 0, 0, 0, 'EUR', 1000, 200, 1200, 0, 0, 0, 0, 0, 1200,
      'card', 'x${id}', '', 0, '', '', 0, 0, '', 1, 0);`);
}

const day = (y: number, m: number, d: number) => Math.floor(new Date(y, m - 1, d).getTime() / 1000);
const dayEnd = (y: number, m: number, d: number) => day(y, m, d + 1) - 1;

const PERIODS: [string, DashboardQuery & { currency: string }][] = [
  ['2025, every shop, EUR', { from: day(2025, 1, 1), to: dayEnd(2025, 12, 31), currency: 'EUR' }],
  ['2025, shop 1, EUR', { from: day(2025, 1, 1), to: dayEnd(2025, 12, 31), currency: 'EUR', shopId: 1 }],
  ['June 10 to September 20 2025, shop 2, EUR', { from: day(2025, 6, 10), to: dayEnd(2025, 9, 20), currency: 'EUR', shopId: 2 }],
  ['2024 and 2025, every shop, USD', { from: day(2024, 1, 1), to: dayEnd(2025, 12, 31), currency: 'USD' }],
  ['the last quarter of 2025, shop 2, USD', { from: day(2025, 10, 1), to: dayEnd(2025, 12, 31), currency: 'USD', shopId: 2 }],
];

const shares = (rows: DashboardSummary['byProduct']) => rows.map(({ key, cents }) => ({ key, cents }));

describe('dashboard figures equal a plain computation over the cache', () => {
  it('has the harder cases it claims: credit notes, refunds and partial payments in the periods', () => {
    const q = PERIODS[0]![1];
    const notes = db.prepare('SELECT count(*) FROM bill_credit_note WHERE issuedat BETWEEN ? AND ?').pluck().get(q.from, q.to) as number;
    const partial = db
      .prepare('SELECT count(*) FROM bill WHERE id IN (SELECT billid FROM bill_payment GROUP BY billid HAVING count(*) > 1)')
      .pluck()
      .get() as number;
    expect(notes).toBeGreaterThan(5);
    expect(partial).toBeGreaterThan(5);
  });

  // The same figures three ways: the totals kept per day with the days the seeding's writes touched read from the
  // rows (as between a local write and the next sync), the kept totals alone (after a sync added those days up),
  // and the rows alone (totals added up in another time zone are not read).
  const WAYS: [string, () => void][] = [
    [
      'with the days the last writes touched read from the rows',
      () => {
        expect(db.prepare('SELECT count(*) FROM dashboard_stale').pluck().get()).toBeGreaterThan(20);
      },
    ],
    [
      'from the totals kept per day alone',
      () => {
        refreshDashboardTotals(db);
        expect(db.prepare('SELECT count(*) FROM dashboard_stale').pluck().get()).toBe(0);
        expect(db.prepare("SELECT count(*) FROM dashboard_day WHERE measure = 'line'").pluck().get()).toBeGreaterThan(100);
      },
    ],
    [
      'from the rows alone, the totals having been added up in another time zone',
      () => {
        db.prepare("UPDATE site_meta SET value = 'elsewhere' WHERE key = 'dashboard_zone'").run();
      },
    ],
  ];
  for (const [way, prepare] of WAYS) {
    for (const [name, query] of PERIODS) {
      it(`for ${name}, ${way}`, () => {
        if (name === PERIODS[0]![0]) prepare();
        const summary = dashboardSummary(db, dashboardQuerySchema.parse(query));
        const oracle = oracleFigures(db, query);
        expect(oracle.invoicedBills).toBeGreaterThan(0);
        expect(
          summary.months.map((m) => ({
            invoiced: m.invoicedCents,
            cashed: m.cashedCents,
            lastInvoiced: m.lastYearInvoicedCents,
            lastCashed: m.lastYearCashedCents,
          })),
        ).toEqual(oracle.months);
        expect(summary.totals).toMatchObject({
          invoicedCents: oracle.invoiced,
          invoicedBills: oracle.invoicedBills,
          creditedCents: oracle.credited,
          cashedCents: oracle.cashed,
          refundedCents: oracle.refunded,
          averageBasketCents: oracle.basket,
        });
        expect(shares(summary.byProduct)).toEqual(oracle.byProduct);
        expect(shares(summary.byCatalog)).toEqual(oracle.byCatalog);
        expect(shares(summary.byCustomer)).toEqual(oracle.byCustomer);
        expect(summary.stages.map(({ status, bills, cents }) => ({ status, bills, cents }))).toEqual(oracle.stages);
      });
    }
  }

  it('adds the totals up again after a change of time zone, as if they had never been', () => {
    refreshDashboardTotals(db);
    expect(db.prepare("SELECT value FROM site_meta WHERE key = 'dashboard_zone'").pluck().get()).not.toBe('elsewhere');
  });

  it('finds the top customers of a long period by walking their bounds, as SQLite would rank them', () => {
    let walked = 0;
    for (const [, query] of PERIODS) {
      const summary = dashboardSummary(db, query);
      const whole = { cents: summary.totals.invoicedCents, invoices: summary.totals.invoicedBills };
      // Forced to walk whatever the period's size; it gives up (and SQLite groups) when fewer than ten bought.
      const found = topCustomers(db, { ...query, currency: query.currency }, whole, 0);
      const oracle = oracleFigures(db, query).byCustomer.slice(0, 10);
      expect(found.map(({ key, cents }) => ({ key: String(key), cents }))).toEqual(oracle);
      if (found.every(({ whole: w }) => w === whole.cents)) walked += 1;
    }
    expect(walked).toBeGreaterThan(2);
  });

  it('gives each figure the filter that lists exactly the bills behind it in Bills', () => {
    let rests = 0;
    for (const [, query] of PERIODS) {
      const summary = dashboardSummary(db, query);
      const oracle = oracleFigures(db, query);
      const listed = (filter: DashboardSummary['totals']['invoicedFilter']) => [...selectBillIds(db, { filter })].sort((a, b) => a - b);
      expect(listed(summary.totals.invoicedFilter)).toEqual(oracle.ids.invoiced.sort((a, b) => a - b));
      expect(listed(summary.months[0]!.cashedFilter)).toEqual(oracle.ids.cashedFirstMonth.sort((a, b) => a - b));
      expect(listed(summary.stages.find((s) => s.status === 'SOLDOUT')!.filter)).toEqual(oracle.ids.soldout.sort((a, b) => a - b));
      // A customer's bar: that customer's invoices of the period; a catalog's: invoices with a line of it.
      const customer = summary.byCustomer[0]!;
      expect(listed(customer.filter!).every((id) => oracle.ids.invoiced.includes(id))).toBe(true);
      expect(listed(customer.filter!).length).toBeGreaterThan(0);
      const catalog = summary.byCatalog.find((share) => share.filter !== null)!;
      const withCatalog = db
        .prepare('SELECT DISTINCT bi.billid FROM bill_item bi JOIN catalog_item ci ON ci.id = bi.catalogitemid WHERE ci.catalogid = ?')
        .pluck()
        .all(catalog.filter!.catalogId) as number[];
      expect(listed(catalog.filter!)).toEqual(oracle.ids.invoiced.filter((id) => withCatalog.includes(id)).sort((a, b) => a - b));
      // The rest of a chart: the period's invoices without the ten (customers), or with a line of another product.
      const customerRest = summary.byCustomer.find((share) => share.key === '');
      if (customerRest) {
        rests += 1;
        const ten = summary.byCustomer.filter((share) => share.key !== '').map((share) => Number(share.key));
        const customerOf = db.prepare('SELECT customerid FROM bill WHERE id = ?').pluck();
        expect(listed(customerRest.filter!)).toEqual(
          oracle.ids.invoiced.filter((id) => !ten.includes(customerOf.get(id) as number)).sort((a, b) => a - b),
        );
      }
      const productRest = summary.byProduct.find((share) => share.key === '');
      if (productRest) {
        rests += 1;
        const codes = summary.byProduct.filter((share) => share.key !== '').map((share) => share.key);
        const withOther = db
          .prepare(
            "SELECT DISTINCT billid FROM bill_item WHERE type NOT IN ('DISCOUNT', 'SHIPPING') AND itemcode NOT IN (SELECT value FROM json_each(?))",
          )
          .pluck()
          .all(JSON.stringify(codes)) as number[];
        expect(listed(productRest.filter!)).toEqual(oracle.ids.invoiced.filter((id) => withOther.includes(id)).sort((a, b) => a - b));
      }
    }
    expect(rests).toBeGreaterThan(0);
  });

  it("answers again once the data changed (a kept answer is never stale), and picks the shop's currency when none is named", () => {
    const query = PERIODS[0]![1];
    const before = dashboardSummary(db, query).totals.cashedCents;
    const bill = db.prepare("SELECT id FROM bill WHERE currency = 'EUR' ORDER BY id LIMIT 1").pluck().get() as number;
    const paid = db
      .prepare(
        "INSERT INTO bill_payment (billid, amountcents, paymode, paidon, reference, timecreated) VALUES (?, 777, 'check', ?, 'late', 0)",
      )
      .run(bill, query.from + 86_400).lastInsertRowid;
    expect(dashboardSummary(db, query).totals.cashedCents).toBe(before + 777);
    db.prepare('DELETE FROM bill_payment WHERE id = ?').run(paid);
    expect(dashboardSummary(db, query).totals.cashedCents).toBe(before);
    const { currency: _currency, ...unnamed } = query;
    expect(dashboardSummary(db, unnamed).currency).toBe('EUR');
  });

  it('answers while a first sync fills the cache, its read indexes not built yet, from the rows there are', () => {
    const filling = openDatabase(':memory:');
    try {
      expect(beginBulkLoad(filling)).toBe(true);
      insertBill(filling, 1, day(2025, 3, 3));
      const summary = dashboardSummary(filling, PERIODS[0]![1]);
      expect(summary.totals).toMatchObject({ invoicedCents: 1000, invoicedBills: 1 });
      expect(summary.stages.find((stage) => stage.status === 'SOLDOUT')).toMatchObject({ bills: 1, cents: 1200 });
    } finally {
      filling.close();
    }
  });

  it('adds the other days up when a damaged row has a time no date can hold', () => {
    const cache = openDatabase(':memory:');
    try {
      insertBill(cache, 1, day(2025, 3, 3));
      insertBill(cache, 2, 10 ** 15); // year 31,690,708: SQLite's date() has none
      deriveDashboardTotals(cache);
      refreshDashboardTotals(cache);
      expect(dashboardSummary(cache, PERIODS[0]![1]).totals).toMatchObject({ invoicedCents: 1000, invoicedBills: 1 });
    } finally {
      cache.close();
    }
  });

  it('rounds the average basket to the nearest cent, halves away from zero', () => {
    expect(roundedQuotient(5, 2)).toBe(3);
    expect(roundedQuotient(-5, 2)).toBe(-3);
    expect(roundedQuotient(7, 3)).toBe(2);
    expect(roundedQuotient(8, 3)).toBe(3);
  });

  it('refuses a period that ends before it starts, one over three years and a currency that is no code, saying what to give', () => {
    const bad = (input: unknown) => dashboardQuerySchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(bad({ from: 10, to: 5, currency: 'EUR' })).toEqual(['the period must end after it starts']);
    expect(bad({ from: 0, to: 4 * 366 * 86_400, currency: 'EUR' })).toEqual(['a period of at most three years']);
    expect(bad({ from: 0, to: 5, currency: 'euro' })).toEqual(['a three-letter currency code such as EUR']);
  });

  it('counts a stage as the Bills tabs do, a state changed here and not yet sent included', () => {
    const query = PERIODS[0]![1];
    const bill = db
      .prepare("SELECT id FROM bill WHERE status = 'SOLDOUT' AND currency = 'EUR' ORDER BY id LIMIT 1")
      .pluck()
      .get() as number;
    const before = dashboardSummary(db, query).stages;
    const queued = transitionBill(db, { id: bill, to: 'COMPLETE', note: 'test' });
    try {
      const after = dashboardSummary(db, query).stages;
      const soldout = (stages: DashboardSummary['stages']) => stages.find((stage) => stage.status === 'SOLDOUT')!;
      expect(soldout(after).bills).toBe(soldout(before).bills - 1);
      const tabs = countByStatus(db, { currency: 'EUR' }).byStatus;
      for (const stage of after) {
        expect(stage.bills).toBe(tabs[stage.status]);
        expect([...selectBillIds(db, { filter: stage.filter! })].length).toBe(stage.bills);
      }
    } finally {
      for (const seq of queued.queued) discardEntry(db, seq);
    }
    expect(dashboardSummary(db, query).stages).toEqual(before);
  });

  it('keeps the totals by its triggers exactly as adding everything up again finds them', () => {
    // Writes of every kind a sync makes: a bill moved to another shop, currency, state and day, lettered or not;
    // its lines replaced; a payment and a credit note deleted.
    db.exec(`
      UPDATE bill SET shopid = 3 - shopid, status = 'SOLDOUT', emissiondate = emissiondate + 86400 WHERE id % 11 = 3;
      UPDATE bill SET currency = 'EUR', idnumber = '' WHERE id % 13 = 7;
      UPDATE bill SET untaxedcents = untaxedcents + 500, customerid = (SELECT min(id) FROM customer) WHERE id % 17 = 1;
      DELETE FROM bill_payment WHERE id % 9 = 0;
      DELETE FROM bill_credit_note WHERE id % 5 = 0;
      DELETE FROM bill_credit_line WHERE creditnoteid NOT IN (SELECT id FROM bill_credit_note);
      UPDATE bill_item SET itemcode = itemcode || '-X', totalcents = totalcents + 1 WHERE id % 19 = 0;
      DELETE FROM bill_item WHERE id % 23 = 0 AND id NOT IN (SELECT billitemid FROM bill_credit_line);
    `);
    refreshDashboardTotals(db);
    const tables = () => ({
      day: db
        .prepare('SELECT * FROM dashboard_day WHERE cents <> 0 OR bills <> 0 ORDER BY currency, measure, day, shopid, code, itemid')
        .all(),
      customer: db.prepare('SELECT * FROM dashboard_customer WHERE cents <> 0 ORDER BY currency, customerid').all(),
      stage: db.prepare('SELECT * FROM dashboard_stage WHERE bills <> 0 OR cents <> 0 ORDER BY status, currency, shopid').all(),
    });
    const kept = tables();
    expect(kept.day.length).toBeGreaterThan(100);
    deriveDashboardTotals(db);
    expect(tables()).toEqual(kept);
    // And the figures still agree with the loop.
    const query = PERIODS[3]![1];
    expect(shares(dashboardSummary(db, query).byProduct)).toEqual(oracleFigures(db, query).byProduct);
  });
});

describe('the dashboard workbook', () => {
  it('holds every figure, to the cent, in the language asked for, and refuses a target that is not an .xlsx', async () => {
    const query = PERIODS[1]![1];
    const summary = dashboardSummary(db, query);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-dashboard-xlsx-'));
    try {
      const file = path.join(dir, 'tableau.xlsx');
      await writeDashboardXlsx(summary, query, file, 'fr');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
        'Totaux',
        'Mois',
        'Par catalogue',
        'Par produit',
        'Par client',
        'Étapes',
      ]);
      const cents = (value: unknown) => Math.round(Number(value) * 100);
      const column = (sheet: string, index: number) => (book.getWorksheet(sheet)!.getColumn(index).values as unknown[]).slice(2).map(cents);
      expect(column('Mois', 2)).toEqual(summary.months.map((m) => m.invoicedCents));
      expect(column('Mois', 5)).toEqual(summary.months.map((m) => m.lastYearCashedCents));
      expect(column('Par client', 2)).toEqual(summary.byCustomer.map((s) => s.cents));
      expect(book.getWorksheet('Par produit')!.getColumn(1).values.at(-1)).toBe(
        summary.byProduct.at(-1)!.filter ? summary.byProduct.at(-1)!.label : 'Le reste',
      );
      const totals = book.getWorksheet('Totaux')!;
      expect(cents(totals.getRow(5).getCell(2).value)).toBe(summary.totals.invoicedCents);
      expect(cents(totals.getRow(7).getCell(2).value)).toBe(summary.totals.cashedCents);
      expect(column('Étapes', 3)).toEqual(summary.stages.map((s) => s.cents));
      await expect(writeDashboardXlsx(summary, query, path.join(dir, 'tableau.pdf'), 'fr')).rejects.toMatchObject({
        code: expect.any(String),
      });
      expect(fs.readdirSync(dir)).toEqual(['tableau.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
