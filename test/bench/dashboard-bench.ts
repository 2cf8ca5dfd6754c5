import { syntheticBillsProfile } from './synthetic-bills-profile';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startBrowserMode } from '../../main/browser-mode/start-browser-mode';
import { openDatabase, type Db } from '../../main/db/open';
import { deriveDashboardTotals, refreshDashboardTotals } from '../../main/dashboard/dashboard-totals';
import { DASHBOARD_TRIGGERS } from '../../main/db/migrations/0170-dashboard-totals';
import { launchChromium } from '../support/chromium';
import { report } from './measure';
import { receivableBills, receivablesByCustomer } from '../../main/followup/receivables';

/**
 * Issue 18: the Dashboard over a cache of N bills (1,000,000 by default), in Chromium through Playwright: from the
 * click that opens the dashboard, and from the change of its period, to the frame after which every chart has
 * painted (the dashboard's `dashboard.painted` performance mark), timed in the page from the input event. Then
 * the aggregates' cost on a sync of 100 changed bills: the indexes of migration 0150 and the totals of 0170 (their
 * triggers marking the days touched, then the sync's end adding those days up again), measured as the same 100
 * bills rewritten with and without them, and the time to add every total up (after the upgrade, or at a first
 * sync's end).
 *
 * The synthetic cache of the Bills bench (test/bench/measure-queries.ts: two years of bills to 1 January 2026)
 * is given payments (a partial bill two), and credit notes with refunds on one invoice in fifty; the page's
 * clock is set to 15 December 2025, so "this year" is a full year of bills beside the one before.
 */
export async function dashboardBench(requested: number): Promise<void> {
  const bills = requested === 100_000 ? 1_000_000 : requested;
  const { dataDir, cacheFile: file } = await syntheticBillsProfile(bills, 'bo-bench-dashboard-');

  let started = performance.now();
  const db = openDatabase(file);
  const migrated = performance.now() - started;
  console.log(`  cache copied and migrated (${Math.round(migrated)} ms)`);
  started = performance.now();
  addPaymentsAndCreditNotes(db);
  const seeded = performance.now() - started;
  const counts = db
    .prepare('SELECT (SELECT count(*) FROM bill_payment) AS payments, (SELECT count(*) FROM bill_credit_note) AS notes')
    .get() as {
    payments: number;
    notes: number;
  };
  started = performance.now();
  deriveDashboardTotals(db);
  const derived = performance.now() - started;
  const upkeep = aggregatesUpkeep(db);
  const receivables = timeReceivables(db);
  console.log(`  payments and credit notes added (${Math.round(seeded)} ms), totals added up (${Math.round(derived)} ms); upkeep measured`);
  db.close();

  const app = await startBrowserMode({ dataDir, autoSync: false });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' })).newPage();
    // Playwright's clock fakes the timers and performance.now too, which the timing needs: only `new Date()` and
    // Date.now() are pinned, before the app's script runs.
    // (As a string: tsx's compiled functions call a __name helper the page does not have.)
    await page.addInitScript(`{
      const Real = Date;
      const fixed = ${new Date(2025, 11, 15, 10, 0).getTime()};
      class Pinned extends Real {
        constructor(...args) { if (args.length === 0) super(fixed); else super(...args); }
        static now() { return fixed; }
      }
      window.Date = Pinned;
    }`);
    // Settings first: the first open of the dashboard computes its figures (then they are kept until the data changes).
    await page.goto(`${app.transport.launchUrl}#/settings`);
    await page.getByRole('navigation').waitFor();
    await recordInputs(page);
    const opening: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      if (i > 0) {
        await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).click();
        await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
      }
      opening.push(
        await timeToPainted(page, () => page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click()),
      );
    }
    const period = page.locator('#dashboard-period');
    const computed: number[] = [];
    const kept: number[] = [];
    const seen = new Set(['thisYear']);
    for (const choice of [
      'lastYear',
      'thisYear',
      'last12',
      'thisQuarter',
      'thisMonth',
      'lastYear',
      'last12',
      'thisYear',
      'lastYear',
      'thisQuarter',
    ]) {
      const time = await timeToPainted(page, () => period.selectOption(choice));
      (seen.has(choice) ? kept : computed).push(time);
      seen.add(choice);
    }
    const invoiced = await page.locator('.dashboard-figure').first().textContent();
    report(`Dashboard over ${bills.toLocaleString('en')} cached bills (Chromium, Playwright)`, [
      ['cache: payments / credit notes', `${counts.payments.toLocaleString('en')} / ${counts.notes.toLocaleString('en')}`],
      ['migrations on that cache (ms)', Math.round(migrated)],
      ['payments and credit notes added by the bench (ms)', Math.round(seeded)],
      ['open the dashboard → every chart painted, first (computed) (ms)', Math.round(opening[0]!)],
      ['  opened again (answer kept), median / max (ms)', figures(opening.slice(1))],
      ['change the period → every chart painted, a period not seen (computed) (ms)', computed.map(Math.round).join(', ')],
      ['  back to a period seen (answer kept), median / max (ms)', figures(kept)],
      ['  "this year" shows', invoiced ?? ''],
      ['every dashboard total added up (once: after the upgrade, or at the end of a first sync) (ms)', Math.round(derived)],
      ['100 changed bills written, with / without the dashboard indexes and totals (ms)', `${upkeep.with} / ${upkeep.without}`],
      ['  of which the days they touched added up again, at the sync end (ms)', upkeep.refresh],
      ["  the dashboard's share of those writes (ms)", upkeep.with - upkeep.without],
      [
        `Follow-up › Receivables in the core: ${receivables.customers.toLocaleString('en')} customers owing, median / max (ms)`,
        receivables.byCustomer,
      ],
      [`  the bills over 90 days late (${receivables.bills.toLocaleString('en')} listed), median / max (ms)`, receivables.lateBills],
    ]);
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One payment per paid bill (two for a partial one, a month apart), and a credit note on one invoice in fifty. */
function addPaymentsAndCreditNotes(db: Db): void {
  db.exec(`
    INSERT INTO bill_payment (billid, amountcents, paymode, paidon, reference, timecreated)
      SELECT id, paidcents, paymode, emissiondate + 3 * 86400, '', emissiondate FROM bill WHERE paidcents > 0;
    INSERT INTO bill_payment (billid, amountcents, paymode, paidon, reference, timecreated)
      SELECT id, (amountcents - paidcents) / 2, paymode, emissiondate + 33 * 86400, 'second', emissiondate FROM bill WHERE status = 'PARTIAL';
    INSERT INTO bill_credit_note (billid, number, issuedat, reason, untaxedcents, taxcents, amountcents, refundcents, refundpaymode, refundedon, refundreference, userid)
      SELECT id, 'AV-' || id, emissiondate + 20 * 86400, 'bench', untaxedcents / 4, taxcents / 4, amountcents / 4, amountcents / 4, 'transfer', emissiondate + 25 * 86400, '', 2
      FROM bill WHERE idnumber <> '' AND id % 50 = 0;
    INSERT INTO bill_credit_line (billid, creditnoteid, billitemid, quantity, totalcents, taxratio, taxcents)
      SELECT n.billid, n.id, (SELECT min(id) FROM bill_item WHERE billid = n.billid), 1, n.untaxedcents, 2000, n.taxcents FROM bill_credit_note n;
  `);
}

const DASHBOARD_INDEXES = ['bill_dashboard', 'bill_payment_paidon', 'bill_stage', 'bill_item_dashboard'];

/**
 * What a pull of 100 changed bills writes (each bill's row, its lines replaced, a payment), then the sync's end
 * (the days touched added up again), timed in a transaction rolled back, with the dashboard's indexes and totals
 * and without them (indexes and triggers dropped inside the transaction).
 */
function aggregatesUpkeep(db: Db): { with: number; without: number; refresh: number } {
  const ids = db.prepare('SELECT id FROM bill WHERE id % 9973 = 1 LIMIT 100').pluck().all() as number[];
  const write = () => {
    for (const id of ids) {
      db.prepare(
        "UPDATE bill SET status = 'COMPLETE', untaxedcents = untaxedcents + 100, amountcents = amountcents + 120, paidcents = amountcents + 120, idnumber = 'FA-X-' || id, version = version + 1 WHERE id = ?",
      ).run(id);
      const lines = db.prepare('SELECT * FROM bill_item WHERE billid = ?').all(id) as Record<string, unknown>[];
      db.prepare('DELETE FROM bill_item WHERE billid = ?').run(id);
      for (const line of lines) {
        const columns = Object.keys(line);
        db.prepare(`INSERT INTO bill_item (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
          ...Object.values(line),
        );
      }
      db.prepare(
        "INSERT INTO bill_payment (billid, amountcents, paymode, paidon, reference, timecreated) VALUES (?, 120, 'card', 1767000000, '', 0)",
      ).run(id);
    }
  };
  const median = (runs: number[]) => Math.round(runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!);
  const timed = (drop: boolean) => {
    const runs: number[] = [];
    const refreshes: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      db.exec('BEGIN');
      try {
        if (drop) {
          for (const name of DASHBOARD_INDEXES) db.exec(`DROP INDEX ${name}`);
          for (const name of DASHBOARD_TRIGGERS) db.exec(`DROP TRIGGER ${name}`);
        }
        const started = performance.now();
        write();
        const written = performance.now();
        if (!drop) refreshDashboardTotals(db);
        refreshes.push(performance.now() - written);
        runs.push(performance.now() - started);
      } finally {
        db.exec('ROLLBACK');
      }
    }
    return { total: median(runs), refresh: median(refreshes) };
  };
  const kept = timed(false);
  return { with: kept.total, without: timed(true).total, refresh: kept.refresh };
}

/** The receivables' two reads on the same cache, in the core (five runs each), as of the page's pinned day. */
function timeReceivables(db: Db): { byCustomer: string; lateBills: string; customers: number; bills: number } {
  const options = { asOf: Math.floor(new Date(2025, 11, 15).getTime() / 1000), termDays: 30 };
  const runs = (read: () => unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      read();
      times.push(performance.now() - started);
    }
    return figures(times);
  };
  return {
    byCustomer: runs(() => receivablesByCustomer(db, options)),
    lateBills: runs(() => receivableBills(db, { ...options, bucket: 'over90' })),
    customers: receivablesByCustomer(db, options).customers.length,
    bills: receivableBills(db, { ...options, bucket: 'over90' }).bills.length,
  };
}

/** From the input event (click or change) to the `dashboard.painted` mark that follows it, in the page. */
async function timeToPainted(page: Page, action: () => Promise<unknown>): Promise<number> {
  const before = await page.evaluate(() => performance.getEntriesByName('dashboard.painted').length);
  await action();
  return page.evaluate(
    (before) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          const marks = performance.getEntriesByName('dashboard.painted');
          const input = (window as unknown as { lastInputAt?: number }).lastInputAt;
          if (marks.length > before && input !== undefined) resolve(marks[marks.length - 1]!.startTime - input);
          else if (performance.now() - started > 60_000) reject(new Error('the dashboard did not paint within 60 s'));
          else requestAnimationFrame(check);
        };
        check();
      }),
    before,
  );
}

async function recordInputs(page: Page): Promise<void> {
  // tsx compiles named functions with esbuild's keepNames, whose __name helper the page does not have.
  await page.evaluate('window.__name = (target) => target');
  await page.evaluate(() => {
    const record = (event: Event) => {
      (window as unknown as { lastInputAt?: number }).lastInputAt = event.timeStamp;
    };
    for (const type of ['click', 'change']) document.addEventListener(type, record, { capture: true });
  });
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const figures = (values: number[]) => {
  const s = sorted(values);
  return `${Math.round(s[Math.floor(s.length / 2)]!)} / ${Math.round(s.at(-1)!)}`;
};
