import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';

let fixture: ConnectedApp;
let app: BrowserMode;
let page: Page;
let dir: string;
const db = () => activeCache(app.dataDir);

beforeAll(async () => {
  fixture = await startConnectedApp('exports', 200);
  ({ app, page } = fixture);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-downloads-'));
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Clicks what starts an export and keeps the file the browser downloads. */
async function downloaded(start: () => Promise<void>): Promise<{ download: Download; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), start()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { download, file };
}

/** The core's staged copies are gone once downloaded: nothing is left in the data folder. */
async function nothingStaged(): Promise<void> {
  await expect.poll(() => (fs.existsSync(app.dataDir.downloadsDir) ? fs.readdirSync(app.dataDir.downloadsDir) : [])).toEqual([]);
}

describe('exports in browser mode', () => {
  it('downloads the selected bills as a workbook, which reads back with those bills, and asks for no path', async () => {
    const bills = new BillsPage(page);
    await new AppPage(page).nav('Bills').click();
    await expect.poll(() => bills.summary().textContent(), { timeout: 30_000 }).toContain('200 bills');
    await expect
      .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 30_000 })
      .toBe(1);
    await bills.rows().first().getByRole('gridcell').nth(1).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => bills.summary().textContent()).toContain('3 selected');
    const selected = await Promise.all(
      [0, 1, 2].map(async (k) => Number((await bills.rows().nth(k).getByRole('link').first().textContent())!.trim())),
    );

    await page.getByRole('button', { name: 'Export to XLSX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export bills to a workbook' });
    expect(await dialog.getByRole('radio', { name: 'The 3 selected bills' }).isChecked()).toBe(true);
    // No path to type: the file comes as a download.
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    expect(await dialog.textContent()).toContain('The file comes as a download of your browser.');
    const { download, file } = await downloaded(() => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(download.suggestedFilename()).toMatch(/^bills-\d{4}-\d\d-\d\d-\d{4}\.xlsx$/);
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain(`Downloaded as ${download.suggestedFilename()}`);
    expect(await dialog.textContent()).toContain('Written (bills: 3,');
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-xlsx-downloaded.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBeGreaterThanOrEqual(4);
    // Whatever the id column is called (its label belongs to the workbook's own labels), one column holds exactly
    // the three bills selected.
    const expected = [...selected].sort((a, b) => a - b);
    const columns = Array.from({ length: sheet.columnCount }, (_, k) =>
      [2, 3, 4].map((row) => Number(sheet.getRow(row).getCell(k + 1).value)).sort((a, b) => a - b),
    );
    expect(columns).toContainEqual(expected);
    await nothingStaged();
  });

  it('downloads one bill’s invoice as a PDF that pdftotext reads, and a batch as one zip of PDFs', async () => {
    const bills = new BillsPage(page);
    const bill = db().prepare("SELECT id, ordering FROM bill WHERE idnumber = '' AND transactionid <> '' ORDER BY id LIMIT 1").get() as {
      id: number;
      ordering: number;
    };
    await page.goto(`${new URL(page.url()).origin}/#/bills/${bill.id}`);
    await bills.detail().getByRole('button', { name: 'PDF invoice…' }).click();
    const dialog = page.getByRole('dialog', { name: /^PDF invoices/ });
    const { download, file } = await downloaded(() => dialog.getByRole('button', { name: 'Make the invoices' }).click());
    expect(download.suggestedFilename()).toBe(`invoice-${bill.id}.pdf`);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('PROFORMA');
    // A proforma is named by the shop's order number, not by its 32-character transaction id (issue 16).
    expect(stdout).toContain(String(bill.ordering));
    await expect.poll(() => dialog.textContent()).toContain(`Downloaded as invoice-${bill.id}.pdf`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await nothingStaged();

    // Three bills, one file each: one zip.
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await bills.rows().first().getByRole('gridcell').nth(1).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => bills.summary().textContent()).toContain('3 selected');
    await page.getByRole('button', { name: 'PDF invoices…' }).click();
    const batch = page.getByRole('dialog', { name: /^PDF invoices/ });
    await batch.getByRole('radio', { name: 'One PDF per bill, in a folder' }).check();
    expect(await batch.textContent()).toContain('The invoices come as one zip file');
    const zipped = await downloaded(() => batch.getByRole('button', { name: 'Make the invoices' }).click());
    expect(zipped.download.suggestedFilename()).toMatch(/^invoices-\d{4}-\d\d-\d\d-\d{4}\.zip$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipped.file));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(3);
    for (const name of names) expect((await zip.file(name)!.async('string')).startsWith('%PDF')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-pdf-zip-downloaded.png') });
    await batch.getByRole('button', { name: 'Close' }).click();
    await nothingStaged();
  });

  it('downloads the lettering workbook from the Lettering workspace', async () => {
    await new AppPage(page).nav('Lettering').click();
    await page.getByRole('button', { name: 'Export XLSX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the lettering as XLSX' });
    const { download, file } = await downloaded(() => dialog.getByRole('button', { name: 'Export', exact: true }).click());
    expect(download.suggestedFilename()).toMatch(/^lettering-\d{4}-\d\d-\d\d-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.length).toBeGreaterThan(0);
    await expect.poll(() => dialog.textContent()).toContain(`Downloaded as ${download.suggestedFilename()}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'export-lettering-downloaded.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await nothingStaged();
  });

  it('downloads a catalog as a workbook, and imports it back changed, picked as a file: no path typed either way', async () => {
    await new AppPage(page).nav('Catalogs').click();
    await page.getByRole('button', { name: 'XLSX export and import' }).click();
    const panel = page.locator('.xlsx-panel');
    const { download, file } = await downloaded(() => panel.getByRole('button', { name: 'Export…' }).click());
    expect(download.suggestedFilename()).toMatch(/^catalog-\d+\.xlsx$/);
    await expect.poll(() => panel.textContent()).toContain(`Downloaded as ${download.suggestedFilename()}`);
    await nothingStaged();

    // A price changed in the spreadsheet: one product, one field.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const items = workbook.getWorksheet('Items')!;
    const header = (items.getRow(1).values as unknown[]).slice(1).map(String);
    const row = items.getRow(2);
    const code = String(row.getCell(header.indexOf('code') + 1).value);
    const price = row.getCell(header.indexOf('price1') + 1);
    price.value = Number(price.value) + 1;
    const changed = path.join(dir, 'catalog-changed.xlsx');
    await workbook.xlsx.writeFile(changed);

    await panel.getByLabel('Workbook to import').setInputFiles(changed);
    const preview = panel.locator('.import-preview');
    await expect.poll(() => preview.textContent()).toContain(code);
    expect(await preview.locator('li').count()).toBe(1);
    expect(await panel.textContent()).not.toContain('Sending the workbook');
    await page.screenshot({ path: path.join(ARTIFACTS, 'catalog-workbook-import-preview.png') });
    await panel.getByRole('button', { name: 'Import 1 change', exact: true }).click();
    await expect.poll(() => panel.textContent()).toContain('Changes queued: 1.');
    // The change waits in the outbox for the shop, and the workbook's staged copy is gone once the panel closes.
    const outbox = await app.core.dispatch('outbox.list', {}, { transport: 'internal' });
    if (!outbox.ok) throw new Error(outbox.error.message);
    expect(JSON.stringify(outbox.value)).toContain(code);
  });
});
