import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { activeCache } from '../support/active-cache';
import { sheetsAsCsv } from '../support/libreoffice';
import { fecDay, fecText } from '../support/lettering-fec';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { BillsPage } from './pages/bills-page';

const run = promisify(execFile);
let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const result = await app.core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
};
/** Cents as a French PDF and an English window write them, by hand. */
const euros = (cents: number) =>
  `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;
const gbp = (cents: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);

beforeAll(async () => {
  fixture = await startConnectedApp('credit-notes', 120);
  ({ sim, app, page } = fixture);
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('a paid bill partly refunded in the app', () => {
  it('agrees to the cent in the credit note PDF, on the shop, in the bill, the customer, the workbook and the lettering', async () => {
    await expect
      .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 30_000 })
      .toBe(1);
    const bill = db()
      .prepare(
        `SELECT b.id, b.status, b.idnumber, b.customerid FROM bill b WHERE b.idnumber <> '' AND b.status = 'SOLDOUT' AND b.paidcents = b.amountcents
           AND EXISTS (SELECT 1 FROM bill_item WHERE billid = b.id AND totalcents >= 10000 AND taxratio = 2000) ORDER BY b.id LIMIT 1`,
      )
      .get() as { id: number; status: string; idnumber: string; customerid: number };
    const line = db()
      .prepare(
        'SELECT id, abstract, itemcode, totalcents FROM bill_item WHERE billid = ? AND totalcents >= 10000 AND taxratio = 2000 ORDER BY ordering LIMIT 1',
      )
      .get(bill.id) as { id: number; abstract: string; itemcode: string; totalcents: number };
    // A third of the line, excluding VAT; its VAT at 20 %, half away from zero.
    const untaxed = Math.floor(line.totalcents / 3);
    const tax = Math.floor((untaxed * 2000 + 5000) / 10_000);
    const total = untaxed + tax;

    // In the window: the bill's detail, the credit note form.
    const bills = new BillsPage(page);
    await page.goto(`${new URL(page.url()).origin}/#/bills/${bill.id}`);
    const form = bills.detail().getByRole('form', { name: 'Credit note and refund' });
    await expect.poll(() => form.count(), { timeout: 20_000 }).toBe(1);
    const label = line.abstract || line.itemcode;
    await form.getByRole('checkbox', { name: `Credit ${label}` }).check();
    await form
      .getByLabel(`Credited excl. VAT (EUR) · ${label}`, { exact: true })
      .fill(`${Math.floor(untaxed / 100)}.${String(untaxed % 100).padStart(2, '0')}`);
    await expect
      .poll(() => form.locator('.credit-total').textContent())
      .toBe(`Credit note: ${gbp(untaxed)} excl. VAT + ${gbp(tax)} VAT = ${gbp(total)} to refund`);
    await form.getByLabel('Reason', { exact: true }).fill('One participant cancelled');
    await form.getByRole('radio', { name: 'Transfer' }).check();
    await form.getByLabel('Refund reference', { exact: true }).fill('VIR-AV-0001');
    await form.getByRole('button', { name: 'Issue the credit note and record the refund' }).click();
    await expect.poll(() => bills.detailStatus().textContent()).toContain('To pay back');
    await expect.poll(() => bills.detail().getByText('Waiting to be sent (the shop numbers it)').count()).toBe(1);

    // The sync takes it to the shop, which numbers it; the bill is back to paid.
    expect((await call<{ outcome: string }>('sync.start', {})).outcome).toBe('done');
    const onShop = sim.shop.read('bills', bill.id)!;
    expect(onShop.status).toBe(bill.status);
    expect(onShop.creditnotes).toHaveLength(1);
    const note = onShop.creditnotes[0]!;
    expect([note.untaxedcents, note.taxcents, note.amountcents, note.refundcents, note.refundpaymode, note.refundreference]).toEqual([
      untaxed,
      tax,
      total,
      total,
      'transfer',
      'VIR-AV-0001',
    ]);
    await expect.poll(() => bills.detail().getByText(note.number, { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => bills.detailStatus().textContent()).toContain('Paid');
    await bills
      .detail()
      .getByRole('heading', { name: 'Credit notes' })
      .evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'credit-note-bill-detail.png') });

    // The customer's totals.
    const customer = await call<{ credits: { count: number; creditedCents: number; refundedCents: number; waiting: number } }>(
      'customers.get',
      {
        id: bill.customerid,
      },
    );
    expect(customer.credits).toEqual({ count: 1, creditedCents: total, refundedCents: total, waiting: 0 });

    // The credit note's PDF, read by pdftotext.
    const dir = fs.mkdtempSync(path.join(app.dataDir.root, 'credit-'));
    const pdf = path.join(dir, `${note.number}.pdf`);
    await call('exports.creditNotesPdf', { ids: [note.id], target: { file: pdf }, locale: 'fr' });
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout.replace(/[ \u00a0\u202f\u2007]+/g, ' ');
    expect(text).toContain(`Avoir n° ${note.number}`);
    expect(text).toContain(`Facture d’origine : n° ${bill.idnumber}`);
    expect(text).toContain(`Total HT ${euros(untaxed)}`);
    expect(text).toContain(`Total TVA ${euros(tax)}`);
    expect(text).toContain(`Total TTC de l’avoir ${euros(total)}`);
    expect(text).toContain(`Remboursement de ${euros(total)} par virement bancaire`);
    await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, 'credit-note-pdf')]);

    // The workbook, read back by LibreOffice: the credit note's row, negative.
    const xlsx = path.join(dir, 'bills.xlsx');
    await call('exports.billsXlsx', { bills: { ids: [bill.id] }, file: xlsx, locale: 'en' });
    const sheets = await sheetsAsCsv(xlsx, { asShown: false });
    const [header, row] = sheets.get('Credit notes')!;
    const cents = (value: string | undefined) => Math.round(Number(value) * 100);
    const column = (name: string) => header!.indexOf(name);
    expect(row![column('Credit note')]).toBe(note.number);
    expect([row![column('Untaxed')], row![column('Tax')], row![column('Total')], row![column('Refunded')]].map(cents)).toEqual([
      -untaxed,
      -tax,
      -total,
      -total,
    ]);

    // The lettering: the accounting software's credit note, imported from its FEC, matches it exactly.
    const fec = path.join(dir, 'fec.txt');
    fs.writeFileSync(
      fec,
      fecText([
        { reference: note.number, date: fecDay(note.issuedat), customer: 'Client', account: 'C1', label: 'Avoir', amountcents: -total },
      ]),
    );
    await call('lettering.import', { source: { file: fec } });
    const accepted = await call<{ creditNotes: number }>('lettering.acceptExact', {});
    expect(accepted.creditNotes).toBe(1);
    const { matches } = await call<{
      matches: {
        creditNotes: { number: string; allocatedCents: number }[];
        invoices: { allocatedCents: number }[];
        balanceCents: number;
      }[];
    }>('lettering.matches', { search: note.number });
    expect(matches.map((m) => [m.creditNotes, m.invoices.map((i) => i.allocatedCents), m.balanceCents])).toEqual([
      [[{ id: note.id, number: note.number, allocatedCents: -total }], [-total], 0],
    ]);
  }, 120_000);

  it('writes the month of the credit note from the Bills workspace: one file per document, Factur-X', async () => {
    const note = db().prepare('SELECT number, issuedat FROM bill_credit_note ORDER BY id DESC LIMIT 1').get() as {
      number: string;
      issuedat: number;
    };
    const date = new Date(note.issuedat * 1000);
    const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
    const folder = fs.mkdtempSync(path.join(app.dataDir.root, 'month-'));
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await page.getByRole('button', { name: 'A month’s documents…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'A month of invoices and credit notes' });
    await dialog.getByLabel('Month', { exact: true }).fill(month);
    await dialog.getByRole('checkbox', { name: 'Factur-X: each invoice as a PDF/A-3 with its XML' }).check();
    await page.screenshot({ path: path.join(ARTIFACTS, 'month-export-dialog.png') });
    // Browser mode: the folder comes as one zip, downloaded once written; no path is asked for.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      dialog.getByRole('button', { name: 'Write the month’s documents' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`documents-${month}.zip`);
    await expect
      .poll(() => dialog.locator('.notice-title').textContent(), { timeout: 60_000 })
      .toMatch(/^Written: invoices \d+, credit notes 1\.$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'month-export-done.png') });
    const zipFile = path.join(folder, download.suggestedFilename());
    await download.saveAs(zipFile);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const files = Object.keys(zip.files).map((name) => path.basename(name));
    expect(files).toContain(`${note.number}.pdf`);
    const invoices = db()
      .prepare("SELECT count(*) FROM bill WHERE idnumber <> '' AND emissiondate >= ? AND emissiondate < ?")
      .pluck()
      .get(
        new Date(date.getFullYear(), date.getMonth(), 1).getTime() / 1000,
        new Date(date.getFullYear(), date.getMonth() + 1, 1).getTime() / 1000,
      ) as number;
    expect(files).toHaveLength(invoices + 1);
    // An independent reader of PDF attachments finds the Factur-X XML in the credit note.
    const creditNote = path.join(folder, `${note.number}.pdf`);
    const entry = Object.keys(zip.files).find((name) => path.basename(name) === `${note.number}.pdf`)!;
    fs.writeFileSync(creditNote, await zip.file(entry)!.async('nodebuffer'));
    expect((await run('pdfdetach', ['-list', creditNote])).stdout).toContain('factur-x.xml');
  }, 120_000);
});
