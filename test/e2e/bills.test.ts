import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { sheetsAsCsv } from '../support/libreoffice';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';
import { activeCache } from '../support/active-cache';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
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

    // The filter panel: amount from 500 and paid by check, within the tab; the core counts what matches.
    const filtered = db()
      .prepare("SELECT count(*) FROM bill WHERE status = 'PENDING' AND amountcents >= 50000 AND paymode = 'check'")
      .pluck()
      .get() as number;
    expect(filtered).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Filters' });
    await panel.getByLabel('Amount from').fill('500');
    await panel.getByLabel('Pay mode').selectOption('check');
    await expect.poll(() => bills.summary().textContent()).toContain(`${filtered} bill`);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => bills.summary().textContent()).toContain(`${pending.n} bill`);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();

    // Open the bill from the keyboard: find it, select its row, Enter.
    await bills.tab('All').click();
    await bills.search().fill(target.transactionid);
    await expect.poll(() => bills.row(target.id).count()).toBe(1);
    // The state's cell: it holds no link (the reference and the customer do).
    await bills.row(target.id).getByRole('gridcell').nth(1).click();
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

  it('shows one bill’s amounts to the cent alike in the table, the detail, the workbook and the invoice', async () => {
    const bills = new BillsPage(page);
    // A bill with several VAT rates and discount lines, where rounding per line then summing could drift.
    const id = db()
      .prepare(
        `SELECT billid FROM bill_item GROUP BY billid
         HAVING count(DISTINCT taxratio) >= 2 AND sum(type = 'DISCOUNT') >= 2 ORDER BY billid LIMIT 1`,
      )
      .pluck()
      .get() as number;
    expect(id).toBeGreaterThan(0);
    // The truth is the shop's record, not the cache every view reads from.
    const truth = sim.shop.read('bills', id)!;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const rates = [...new Set(truth.items.map((line) => line.taxratio))].sort((a, b) => b - a);
    const byRate = rates.map((rate) => {
      const lines = truth.items.filter((line) => line.taxratio === rate);
      return { rate, base: sum(lines.map((l) => l.totalcents)), tax: sum(lines.map((l) => l.taxcents)) };
    });
    expect(sum(byRate.map((r) => r.base))).toBe(truth.untaxedcents);
    expect(sum(byRate.map((r) => r.tax))).toBe(truth.taxcents);
    const eur = (cents: number) => money(cents, truth.currency);

    // The table's row.
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await bills.search().fill(truth.transactionid);
    await expect.poll(() => bills.row(id).count()).toBe(1);
    // The untaxed and tax columns are hidden by default: shown from the Columns menu, as an operator would.
    await page.getByRole('button', { name: 'Columns', exact: true }).click();
    const menu = page.getByRole('region', { name: 'Columns' });
    await menu.getByRole('checkbox', { name: 'Untaxed' }).check();
    await menu.getByRole('checkbox', { name: 'Taxes' }).check();
    await page.getByRole('button', { name: 'Columns', exact: true }).click();
    const headers = (await bills.grid().getByRole('columnheader').allTextContents()).map((text) => text.trim());
    const cell = async (column: string) => {
      const index = headers.findIndex((text) => text.startsWith(column));
      expect(index, `the ${column} column`).toBeGreaterThanOrEqual(0);
      return (await bills.row(id).getByRole('gridcell').nth(index).textContent())!.trim();
    };
    expect([await cell('Untaxed'), await cell('Taxes'), await cell('Amount')]).toEqual(
      [truth.untaxedcents, truth.taxcents, truth.amountcents].map(eur),
    );

    // The detail's totals, one VAT row per rate with its base.
    await bills.row(id).getByRole('gridcell').nth(1).click();
    await page.keyboard.press('Enter');
    const totals = bills.detail().locator('.totals-table tr');
    await expect.poll(() => totals.count()).toBeGreaterThan(3);
    const shown = new Map<string, string>();
    for (const row of await totals.all()) {
      shown.set((await row.locator('th').textContent())!.trim(), (await row.locator('td').textContent())!.trim());
    }
    expect(shown.get('Untaxed total')).toBe(eur(truth.untaxedcents));
    expect(shown.get('Taxes')).toBe(eur(truth.taxcents));
    expect(shown.get('Total')).toBe(eur(truth.amountcents));
    for (const { rate, base, tax } of byRate) {
      const label = [...shown.keys()].find(
        (key) => key.startsWith('Tax at') && key.endsWith(`on ${eur(base)}`) && key.includes(`${rate / 100}`),
      );
      expect(label, `a VAT row for ${rate / 100} % on ${eur(base)}`).toBeDefined();
      expect(shown.get(label!)).toBe(eur(tax));
    }

    // The workbook, read back by LibreOffice: the bill's row and its lines, to the cent.
    const dir = fs.mkdtempSync(path.join(app.dataDir.root, 'amounts-'));
    const xlsx = path.join(dir, 'one-bill.xlsx');
    const written = await app.core.dispatch(
      'exports.billsXlsx',
      { bills: { ids: [id] }, file: xlsx, locale: 'en' },
      { transport: 'internal' },
    );
    expect(written.ok).toBe(true);
    const sheets = await sheetsAsCsv(xlsx, { asShown: false });
    const toCents = (text: string | undefined) => {
      // Exact decimal text to cents without floating point: "1250.5" is 125050.
      const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text ?? '');
      if (!match) throw new Error(`not an amount: ${text}`);
      const value = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
      return match[1] ? -value : value;
    };
    const [billHeader, billRow] = sheets.get('Bills')!;
    const column = (name: string) => billHeader!.indexOf(name);
    expect([billRow![column('Untaxed')], billRow![column('Tax')], billRow![column('Total')]].map(toCents)).toEqual([
      truth.untaxedcents,
      truth.taxcents,
      truth.amountcents,
    ]);
    const lineRows = sheets.get('Lines')!.slice(1, 1 + truth.items.length);
    expect(lineRows.map((row) => [row[2], toCents(row[6]), toCents(row[8])])).toEqual(
      truth.items.map((line) => [line.itemcode, line.totalcents, line.taxcents]),
    );

    // The invoice, read back by pdftotext.
    const pdf = path.join(dir, 'one-bill.pdf');
    const printed = await app.core.dispatch(
      'exports.invoicesPdf',
      { ids: [id], target: { file: pdf }, locale: 'en' },
      { transport: 'internal' },
    );
    expect(printed.ok).toBe(true);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-']);
    const text = stdout.replace(/[ \u00a0\u202f]+/g, ' ');
    expect(text).toContain(`Total excl. VAT ${eur(truth.untaxedcents)}`);
    expect(text).toContain(`Total VAT ${eur(truth.taxcents)}`);
    expect(text).toContain(`Total incl. VAT ${eur(truth.amountcents)}`);
    for (const { base, tax } of byRate) expect(text).toMatch(new RegExp(`%\\s${escape(eur(base))}\\s${escape(eur(tax))}`));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('scrolls by handing the rows leaving the screen to those coming in: no row built anew, each showing its own bill', async () => {
    const bills = new BillsPage(page);
    await new AppPage(page).nav('Bills').click();
    await bills.tab('All').click();
    await bills.search().fill('');
    await expect.poll(() => bills.summary().textContent(), { timeout: 30_000 }).toContain('400 bills');
    // By reference, rising: position p shows the p-th smallest bill id.
    const reference = bills.grid().getByRole('columnheader', { name: /^Reference/ });
    await reference.getByRole('button').first().click();
    await expect.poll(() => reference.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    if ((await reference.getAttribute('aria-sort')) === 'descending') await reference.getByRole('button').first().click();
    await expect.poll(() => reference.getAttribute('aria-sort')).toBe('ascending');
    const ids = db().prepare('SELECT id FROM bill ORDER BY id').pluck().all() as number[];
    const body = bills.grid().locator('.grid-body');
    const shown = () =>
      body.evaluate((element) =>
        Array.from(element.querySelectorAll<HTMLElement>(':scope > [role=row]')).map((row) => ({
          position: Number(row.getAttribute('aria-rowindex')) - 2,
          reference: row.querySelector('[role=gridcell]')?.textContent ?? '',
          loading: row.querySelector('.grid-placeholder') !== null,
          kept: (row as HTMLElement & { keptMark?: true }).keptMark === true,
        })),
      );
    // Away from the top, where the rows drawn above the screen make the count of rows differ.
    await bills.grid().evaluate((grid) => (grid.scrollTop = 100 * 28));
    await expect.poll(async () => (await shown()).every((row) => !row.loading && row.position >= 80)).toBe(true);
    const before = await shown();
    // Mark the row elements on screen, then scroll far past them: the rows on screen are those elements.
    await body.evaluate((element) => {
      for (const row of Array.from(element.querySelectorAll(':scope > [role=row]')))
        (row as HTMLElement & { keptMark?: true }).keptMark = true;
    });
    await bills.grid().evaluate((grid) => (grid.scrollTop += 60 * 28));
    await expect.poll(async () => (await shown()).every((row) => !row.loading && row.position > before.at(-1)!.position)).toBe(true);
    const after = await shown();
    expect(after.length).toBe(before.length);
    // The slots outnumber the rows drawn by one or two (a row half in view), so at most two are new.
    expect(after.filter((row) => !row.kept).length).toBeLessThanOrEqual(2);
    // Each reused element shows the bill of its new position.
    expect(after.map((row) => row.reference)).toEqual(after.map((row) => String(ids[row.position])));
    expect(before.map((row) => row.reference)).toEqual(before.map((row) => String(ids[row.position])));

    // Racing down (a thumb dragged, 1,200 px a frame): no row is drawn, ruled lines stand in for them, and the
    // rows come back with their bills once it stops.
    const race = await bills.grid().evaluate(async (grid) => {
      const seen: { racing: boolean; rows: { position: number; reference: string }[] }[] = [];
      let slowest = 0;
      for (let frame = 0; frame < 4; frame += 1) {
        const started = performance.now();
        grid.scrollTop += 1200;
        await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        slowest = Math.max(slowest, performance.now() - started);
        seen.push({
          racing: grid.classList.contains('is-racing'),
          rows: Array.from(grid.querySelectorAll('.grid-body > [role=row]')).map((row) => ({
            position: Number(row.getAttribute('aria-rowindex')) - 2,
            reference: row.querySelector('[role=gridcell]')?.textContent ?? '',
          })),
        });
      }
      grid.scrollTop = 6000;
      return { seen, slowest };
    });
    const last = race.seen.at(-1)!;
    // A scroll is a race while its events come within 150 ms of each other (the virtualizer's isScrolling): on a
    // machine so loaded that two frames take longer, it is a series of jumps, drawn with their bills. Either way,
    // a row never shows another row's bill.
    if (race.slowest < 150) expect(last).toEqual({ racing: true, rows: [] });
    for (const { racing, rows } of race.seen) {
      if (racing) expect(rows).toEqual([]);
      for (const row of rows) expect(['', 'Loading…', String(ids[row.position])]).toContain(row.reference);
    }
    await expect.poll(async () => (await shown()).every((row) => !row.loading), { timeout: 10_000 }).toBe(true);
    const stopped = await shown();
    expect(stopped.map((row) => row.reference)).toEqual(stopped.map((row) => String(ids[row.position])));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
