import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { fecText } from '../support/lettering-fec';
import { invoiceFor, letterableBills } from '../support/lettering-from-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { LetteringPage } from './pages/lettering-page';
import { activeCache } from '../support/active-cache';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
let dir: string;
const db = () => activeCache(app.dataDir);
/** Cents as an operator types them in English: 1234.5 → "1234.50". */
const typed = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const money = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

beforeAll(async () => {
  fixture = await startConnectedApp('lettering', 300);
  ({ sim, app, page } = fixture);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-lettering-'));
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Lettering workspace', () => {
  it('imports a FEC, accepts the exact suggestions, matches a pair by hand, unmatches it, and the shop gets the lettering', async () => {
    const shell = new AppPage(page);
    const lettering = new LetteringPage(page);
    // The first sync has filled the cache.
    await expect.poll(() => db().prepare('SELECT count(*) FROM bill').pluck().get(), { timeout: 30_000 }).toBe(300);
    await expect
      .poll(
        () =>
          app.core.dispatch('sync.status', {}, { transport: 'internal' }).then((r) => r.ok && !(r.value as { running: boolean }).running),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);

    // A FEC as the accounting software writes it (tab separated, with the bank entries): four invoices
    // issued exactly for four paid bills, and one whose amount is a cent off another bill's.
    const bills = letterableBills(db(), 5);
    expect(bills).toHaveLength(5);
    const invoices = bills.slice(0, 4).map((b, k) => invoiceFor(b, `FA-E2E-${k + 1}`, { withTransaction: k % 2 === 0 }));
    const odd = bills[4]!;
    invoices.push(invoiceFor(odd, 'FA-E2E-5', { withTransaction: false, amountcents: odd.amountcents - 1 }));
    const file = path.join(dir, 'FEC-ventes.txt');
    fs.writeFileSync(file, fecText(invoices, { separator: '\t', withPayments: true }));

    await shell.nav('Lettering').click();
    await lettering.importFile(file);
    await expect.poll(() => lettering.importResult().textContent(), { timeout: 20_000 }).toContain('5 invoices imported');
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-import.png') });
    await page.keyboard.press('Escape');

    // Four exact suggestions, one to check, each with its reasons in words.
    await expect.poll(() => lettering.suggestionsOf('exact').count(), { timeout: 20_000 }).toBe(4);
    await expect.poll(() => lettering.suggestionsOf('check').filter({ hasText: 'FA-E2E-5' }).count()).toBe(1);
    const oddRow = lettering.suggestionsOf('check').filter({ hasText: 'FA-E2E-5' });
    expect(await oddRow.textContent()).toContain(`amounts differ: bill ${money(odd.amountcents)}, invoice ${money(odd.amountcents - 1)}`);
    expect(await lettering.suggestionsOf('exact').first().textContent()).toMatch(/same amount €[\d,]+\.\d\d, same (customer|organisation)/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-suggestions.png') });

    // A bulk action says what it will do, and which, before doing it: nothing is matched until confirmed.
    await lettering.button(/^Accept all exact \(4\)/).click();
    const confirm = page.getByRole('dialog', { name: 'Accept 4 exact suggestions?' });
    await expect.poll(() => confirm.locator('.accept-exact-list tbody tr').count()).toBe(4);
    expect(await confirm.textContent()).toContain('4 bills get the number of their invoice as lettering');
    for (const reference of ['FA-E2E-1', 'FA-E2E-2', 'FA-E2E-3', 'FA-E2E-4']) expect(await confirm.textContent()).toContain(reference);
    expect(await confirm.textContent()).not.toContain('FA-E2E-5');
    expect(db().prepare('SELECT count(*) FROM lettering_match').pluck().get()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-accept-exact-confirm.png') });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(db().prepare('SELECT count(*) FROM lettering_match').pluck().get()).toBe(0);
    await lettering.button(/^Accept all exact \(4\)/).click();
    await confirm.getByRole('button', { name: 'Accept 4', exact: true }).click();
    await expect.poll(() => lettering.notice().textContent()).toContain('4 matches accepted');
    await expect.poll(() => lettering.suggestionsOf('exact').count()).toBe(0);

    // By hand: the invoice a cent off, with its bill, within a one-cent tolerance.
    await lettering.tab('Match by hand').click();
    await lettering.invoiceFilter().fill('FA-E2E-5');
    await lettering.selectInvoice('FA-E2E-5').check();
    await lettering.billFilter().fill(odd.transactionid);
    await lettering.selectBill(odd.id).check();
    await expect.poll(() => lettering.balance().textContent()).toContain(`= ${money(1)}`);
    await expect.poll(() => lettering.balance().textContent()).toContain('Not balanced');
    // Giving only part of the bill balances it too (a partial match); back to the whole bill, with a tolerance.
    const given = page.getByRole('textbox', { name: new RegExp(`^Amount #${odd.id} `) });
    await given.fill(typed(odd.amountcents - 1));
    await expect.poll(() => lettering.balance().textContent()).toContain(`= ${money(0)}`);
    await given.fill(typed(odd.amountcents));
    await expect.poll(() => lettering.balance().textContent()).toContain(`= ${money(1)}`);
    await lettering.tolerance().fill('0.01');
    await expect.poll(() => lettering.balance().textContent()).toContain('Balanced');
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-manual.png') });
    await lettering.button('Match the selection').click();
    await expect.poll(() => lettering.selectBill(odd.id).count()).toBe(0);

    // The matched list has it, balanced; then it is undone.
    await lettering.tab('Matched').click();
    await lettering.matchedSearch().fill('FA-E2E-5');
    await expect.poll(() => lettering.matchedRow('FA-E2E-5').textContent()).toContain('Balanced');
    expect(await lettering.matchedRow('FA-E2E-5').textContent()).toContain('FA-E2E-5');
    const code = (await lettering.matchedRow('FA-E2E-5').locator('td').first().textContent())!.trim();
    await lettering.button(`Unmatch ${code}`).click();
    await expect.poll(() => lettering.matchedRow('FA-E2E-5').count()).toBe(0);
    await lettering.matchedSearch().fill('');
    await expect.poll(() => page.getByRole('table', { name: 'Matched' }).locator('tbody tr').count()).toBe(4);
    await expect.poll(() => page.getByRole('table', { name: 'Matched' }).locator('td[data-pushed="pending"]').count()).toBe(4);

    // Its bill and invoice are open again.
    await lettering.tab('Match by hand').click();
    await lettering.billFilter().fill(odd.transactionid);
    await expect.poll(() => lettering.selectBill(odd.id).count()).toBe(1);

    // The next sync takes the letterings to the shop; the list follows.
    const run = await app.core.dispatch('sync.start', {}, { transport: 'internal' });
    expect(run.ok).toBe(true);
    await expect
      .poll(() => bills.slice(0, 4).map((b) => sim.shop.read('bills', b.id)?.idnumber), { timeout: 20_000 })
      .toEqual(['FA-E2E-1', 'FA-E2E-2', 'FA-E2E-3', 'FA-E2E-4']);
    // The hand-made match was lettered, then unmatched: the shop ends without a lettering on that bill.
    expect(sim.shop.read('bills', odd.id)?.idnumber).toBe('');
    await lettering.tab('Matched').click();
    await expect
      .poll(() => page.getByRole('table', { name: 'Matched' }).locator('td[data-pushed="done"]').count(), { timeout: 20_000 })
      .toBe(4);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-matched.png') });

    // Every match and unmatch is logged with who and when, and the Log tab shows it.
    await page.getByRole('tab', { name: 'Log' }).click();
    const logTable = page.getByRole('table', { name: 'Log' });
    await expect.poll(() => logTable.locator('tbody tr[data-action="unmatch"]').count()).toBe(1);
    // What was done, worded by the window from the entry's parameters.
    expect(await logTable.locator('tbody tr[data-action="import"]').textContent()).toContain(
      'FEC-ventes.txt: 5 invoices imported, 0 already known (FEC, UTF-8)',
    );
    const log = await app.core.dispatch('lettering.log', { limit: 50 }, { transport: 'internal' });
    expect(log.ok).toBe(true);
    const actions = (log.ok ? (log.value as { action: string; who: string }[]) : []).map((l) => l.action);
    expect(actions.filter((a) => a === 'unmatch')).toHaveLength(1);
    expect(actions.filter((a) => a === 'close')).toHaveLength(5);
  });

  it('lists thousands of open invoices, drawing only those in view, and the keyboard reaches the last', async () => {
    const lettering = new LetteringPage(page);
    // 3,000 invoices of a customer no bill has, at amounts no bill has: all stay open.
    const many = Array.from({ length: 3000 }, (_, k) => ({
      reference: `FA-BULK-${String(k + 1).padStart(4, '0')}`,
      date: '20250310',
      customer: 'BULK CUSTOMER',
      account: 'CBULK',
      label: 'Bulk',
      amountcents: 9_000_001 + k,
    }));
    const file = path.join(dir, 'FEC-bulk.txt');
    fs.writeFileSync(file, fecText(many));
    await lettering.importFile(file);
    await expect.poll(() => lettering.importResult().textContent(), { timeout: 20_000 }).toContain('3,000 invoices imported');
    await page.keyboard.press('Escape');

    await lettering.tab('Match by hand').click();
    await lettering.invoiceFilter().fill('FA-BULK');
    const table = page.getByRole('table', { name: 'Invoices to match' });
    await expect.poll(() => table.getAttribute('aria-rowcount'), { timeout: 20_000 }).toBe('3001');
    const drawn = await table.locator('tbody tr[data-invoice]').count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);

    // End from the first row's checkbox goes to the 3,000th invoice, which can be ticked; the balance follows.
    await lettering.selectInvoice('FA-BULK-0001').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select invoice FA-BULK-3000');
    await page.keyboard.press('Space');
    await expect.poll(() => lettering.balance().textContent()).toContain(money(9_000_001 + 2999));
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select invoice FA-BULK-2999');
    expect(await table.locator('tbody tr[data-invoice]').count()).toBeLessThan(100);
    await page.screenshot({ path: path.join(ARTIFACTS, 'lettering-many-invoices.png') });
  });

  it('imports a FEC larger than one request can carry, sent to the core in chunks', async () => {
    const lettering = new LetteringPage(page);
    // A year of sales with long labels: past the 10 MB a browser-mode request may carry, and past what the
    // window could once send inline.
    const label = 'Formation inter-entreprises, parcours complet avec tutorat et classe virtuelle, '.repeat(3);
    const year = Array.from({ length: 12_000 }, (_, k) => ({
      reference: `FA-YEAR-${String(k + 1).padStart(5, '0')}`,
      date: '20250415',
      customer: 'CLIENT ANNUEL',
      account: 'CYEAR',
      label: `${label}${k + 1}`,
      amountcents: 50_000_001 + k,
    }));
    const file = path.join(dir, 'FEC-2025.txt');
    fs.writeFileSync(file, fecText(year, { withPayments: true }));
    expect(fs.statSync(file).size).toBeGreaterThan(10 * 1024 * 1024);

    await lettering.importFile(file);
    await expect.poll(() => lettering.importResult().textContent(), { timeout: 60_000 }).toContain('12,000 invoices imported');
    await page.keyboard.press('Escape');
    expect(db().prepare("SELECT count(*) FROM lettering_invoice WHERE reference LIKE 'FA-YEAR-%'").pluck().get()).toBe(12_000);
    // The core's staged copy is gone once imported.
    const staged = path.join(app.dataDir.uploadsDir);
    expect(fs.existsSync(staged) ? fs.readdirSync(staged) : []).toEqual([]);
  });
});
