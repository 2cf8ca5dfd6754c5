import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => app.core.services.activeSite().db;
const money = (cents: number, currency: string) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
/** Cents as an operator types them in English: 1234.5 → "1234.50". */
const typed = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

beforeAll(async () => {
  fixture = await startConnectedApp('bills', 400);
  ({ sim, app, page } = fixture);
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('the Bills workspace', () => {
  it('filters by state and search, sorts by amount, and takes two payments to the shop', async () => {
    const shell = new AppPage(page);
    const bills = new BillsPage(page);
    await shell.nav('Bills').click();
    // The first sync fills the table as it goes; the table follows bills.changed to the last page.
    await expect.poll(() => bills.summary().textContent(), { timeout: 30_000 }).toContain('400 bills');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bills-list.png') });

    // A bill awaiting payment, taken from the local cache, with nothing paid yet.
    const target = db()
      .prepare(
        "SELECT id, transactionid, amountcents, currency FROM bill WHERE status = 'PENDING' AND paidcents = 0 AND amountcents >= 1000 AND transactionid <> '' ORDER BY id LIMIT 1",
      )
      .get() as { id: number; transactionid: string; amountcents: number; currency: string };
    expect(target).toBeDefined();
    const pending = db()
      .prepare("SELECT count(*) AS n, max(amountcents) AS hi, min(amountcents) AS lo FROM bill WHERE status = 'PENDING'")
      .get() as { n: number; hi: number; lo: number };

    // Status tab, then the search narrows within it.
    await bills.tab('Awaiting payment').click();
    await expect.poll(() => bills.summary().textContent()).toContain(`${pending.n} bill`);
    await bills.search().fill(target.transactionid);
    await expect.poll(() => bills.summary().textContent()).toContain('1 bill');
    await expect.poll(() => bills.row(target.id).count()).toBe(1);
    await bills.search().fill('');
    await expect.poll(() => bills.summary().textContent()).toContain(`${pending.n} bill`);

    // Sort by amount: largest first on the first click, smallest first on the second; the core sorts.
    await bills.sortBy('Amount').click();
    await expect.poll(() => bills.columnHeader('Amount').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => bills.rows().first().textContent()).toContain(money(pending.hi, target.currency));
    await bills.sortBy('Amount').click();
    await expect.poll(() => bills.columnHeader('Amount').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => bills.rows().first().textContent()).toContain(money(pending.lo, target.currency));
    await page.screenshot({ path: path.join(ARTIFACTS, 'bills-pending-by-amount.png') });

    // Open the bill from the keyboard: find it, select its row, Enter.
    await bills.tab('All').click();
    await bills.search().fill(target.transactionid);
    await expect.poll(() => bills.row(target.id).count()).toBe(1);
    await bills.row(target.id).getByRole('gridcell').nth(2).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#/bills/${target.id}`);
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Awaiting payment');

    // A partial payment by check: the bill is partly paid here, and says it waits for the shop.
    const first = Math.floor(target.amountcents / 3);
    await bills.recordPayment({ mode: 'Check', amount: typed(first), reference: 'CHQ-4471' });
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Partly paid');
    await expect.poll(() => bills.detailPending().textContent()).toContain('Not yet sent');
    await expect.poll(() => bills.row(target.id).textContent()).toContain('Not yet sent');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bill-partial-pending.png') });

    // The rest by transfer: the form is prefilled with what is still due.
    await expect
      .poll(() =>
        bills
          .paymentForm()
          .getByLabel(/^Amount/)
          .inputValue(),
      )
      .toBe(typed(target.amountcents - first));
    await bills.recordPayment({ mode: 'Transfer', reference: 'SEPA-E2E-0001' });
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Paid');
    await expect.poll(() => bills.detailPending().count()).toBe(1);
    await expect.poll(() => bills.row(target.id).textContent()).toContain('Paid');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bill-paid-pending.png') });

    // A sync sends both payments; the shop acknowledges them and the markers go, without a reload.
    const run = await app.core.dispatch('sync.start', {}, { transport: 'internal' });
    expect(run.ok).toBe(true);
    await expect.poll(() => bills.detailPending().count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => bills.row(target.id).locator('.pending-marker').count()).toBe(0);
    expect(await bills.detailStatus().textContent()).toBe('Paid');
    await page.screenshot({ path: path.join(ARTIFACTS, 'bill-acknowledged.png') });

    const onSite = sim.shop.read('bills', target.id);
    expect(onSite?.status).toBe('SOLDOUT');
    expect(onSite?.paidcents).toBe(target.amountcents);
    const payments = (onSite?.payments ?? []).map((p) => ({ amountcents: p.amountcents, paymode: p.paymode, reference: p.reference }));
    expect(payments).toEqual(
      expect.arrayContaining([
        { amountcents: first, paymode: 'check', reference: 'CHQ-4471' },
        { amountcents: target.amountcents - first, paymode: 'transfer', reference: 'SEPA-E2E-0001' },
      ]),
    );
  });

  it('exports the selected bills to a workbook in the data folder and says where it was written', async () => {
    const bills = new BillsPage(page);
    // A fresh page: nothing selected, no filter (a new hash alone would keep the page's state).
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await page.reload();
    await expect.poll(() => bills.summary().textContent(), { timeout: 20_000 }).toContain('400 bills');
    await bills.rows().first().getByRole('gridcell').nth(2).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => bills.summary().textContent()).toContain('3 selected');

    await page.getByRole('button', { name: 'Export to XLSX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export bills to a workbook' });
    expect(await dialog.getByRole('radio', { name: 'The 3 selected bills' }).isChecked()).toBe(true);
    const file = await dialog.getByLabel('File', { exact: true }).inputValue();
    expect(path.dirname(file)).toBe(app.core.services.dataDir.root);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('Written (bills: 3,');
    expect(await dialog.textContent()).toContain(file);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bills-export-xlsx.png') });
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});
