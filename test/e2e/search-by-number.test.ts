import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';
import { CustomersPage } from './pages/customers-page';

/**
 * Issue 15, item 1: an operator types a bill's number as the Reference column shows it (4999), or the number
 * of its lettering without the zeros (FA-2026-004999 → 4999), and finds it; and finds its customer from the
 * Customers workspace by the same number.
 */
let fixture: ConnectedApp;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);

beforeAll(async () => {
  fixture = await startConnectedApp('search-by-number', 1200);
  ({ app, page } = fixture);
}, 120_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('search by a bill’s number', () => {
  it('finds a bill by its number and by its lettering’s number, and its customer by either', async () => {
    const shell = new AppPage(page);
    const bills = new BillsPage(page);
    await expect
      .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 60_000 })
      .toBe(1);
    // A lettered bill past 999, so that its lettering pads the number with zeros (FA-2026-001234).
    const lettered = db()
      .prepare(
        `SELECT b.id, b.idnumber, c.firstname || ' ' || c.lastname AS customer FROM bill b JOIN customer c ON c.id = b.customerid
         WHERE b.idnumber LIKE 'FA-%-00%' AND b.id > 999 ORDER BY b.id LIMIT 1`,
      )
      .get() as { id: number; idnumber: string; customer: string };
    expect(lettered, 'the demo letters paid bills FA-<year>-<number on 6 digits>').toBeDefined();
    const plain = db()
      .prepare(
        `SELECT b.id, c.firstname || ' ' || c.lastname AS customer FROM bill b JOIN customer c ON c.id = b.customerid
         WHERE b.idnumber = '' AND b.id > 999 ORDER BY b.id DESC LIMIT 1`,
      )
      .get() as { id: number; customer: string };

    await shell.nav('Bills').click();
    await expect.poll(() => bills.summary().textContent(), { timeout: 30_000 }).toContain('1,200 bills');
    // The number as the Reference column shows it.
    await bills.search().fill(String(plain.id));
    await expect.poll(() => bills.row(plain.id).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-bill-by-number.png') });
    // The lettering's number, without its zeros: the lettered bill, whatever else matches.
    const number = lettered.idnumber.split('-')[2]!.replace(/^0+/, '');
    expect(number).toBe(String(lettered.id));
    await bills.search().fill(number);
    await expect.poll(() => bills.row(lettered.id).count()).toBe(1);
    await expect.poll(() => bills.rows().filter({ hasText: lettered.idnumber }).count()).toBe(1);
    // The whole lettering still finds it.
    await bills.search().fill(lettered.idnumber);
    await expect.poll(() => bills.summary().textContent()).toMatch(/^1 bill/);

    // Customers: a bill's number finds its customer.
    const customers = new CustomersPage(page);
    await shell.nav('Customers').click();
    await customers.search().fill(String(plain.id));
    await expect.poll(() => customers.rows().filter({ hasText: plain.customer }).count(), { timeout: 20_000 }).toBe(1);
    await customers.search().fill(lettered.idnumber);
    await expect.poll(() => customers.rows().filter({ hasText: lettered.customer }).count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-customer-by-bill.png') });
  });
});
