import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INVOICING_SETTINGS } from '../../shared/contract/invoicing';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { InvoicingPage } from './pages/invoicing-page';

let fixture: ConnectedApp;
let app: BrowserMode;
let page: Page;

beforeAll(async () => {
  fixture = await startConnectedApp('invoicing', 60);
  ({ app, page } = fixture);
  // A profile as new: nothing of what the shop does not know is filled in.
  const reset = await app.core.dispatch('invoicing.updateSettings', { settings: DEFAULT_INVOICING_SETTINGS }, { transport: 'internal' });
  expect(reset.ok).toBe(true);
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('Settings › Invoicing', () => {
  it('lists what invoices lack, refuses them until it is filled in, then they carry the company’s identity', async () => {
    const db = activeCache(app.dataDir);
    await expect.poll(() => db.prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 30_000 }).toBe(1);
    const billId = db.prepare("SELECT id FROM bill WHERE idnumber <> '' ORDER BY id LIMIT 1").pluck().get() as number;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-invoicing-'));
    const pdf = path.join(dir, 'invoice.pdf');
    const exportPdf = () =>
      app.core.dispatch('exports.invoicesPdf', { ids: [billId], target: { file: pdf }, locale: 'fr' }, { transport: 'internal' });

    const refused = await exportPdf();
    expect(refused).toMatchObject({ ok: false, error: { code: 'invoice_mentions_missing' } });
    expect(fs.existsSync(pdf)).toBe(false);

    const shell = new AppPage(page);
    const invoicing = new InvoicingPage(page);
    await shell.openSettings();
    // The shop's seller settings came with the sync; what it has no setting for is listed.
    await expect
      .poll(() => invoicing.missing().allTextContents(), { timeout: 20_000 })
      .toEqual([
        'the seller’s legal form in Settings › Invoicing',
        'the late-payment penalty rate in Settings › Invoicing',
        'the early-payment discount (0 if none) in Settings › Invoicing',
        'what the shop sells: goods, services or both in Settings › Invoicing',
      ]);
    expect(await invoicing.section().getByText('Shop’s setting: 842 105 371 RCS Lyon').count()).toBe(2);
    await invoicing
      .section()
      .getByRole('heading', { name: 'Invoicing' })
      .evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-invoicing-missing-en.png') });

    // The core checks the SIREN's key, and says so under the field.
    await invoicing.field('SIREN').fill('123 456 789');
    await invoicing.field('Legal form (SAS, SARL, association…)').fill('SAS');
    await invoicing.save().click();
    await expect.poll(() => invoicing.fieldErrors('SIREN').allTextContents()).toEqual(['A SIREN has 9 digits, with a valid check digit']);
    await invoicing.field('SIREN').fill('');
    await invoicing.field('Share capital (€)').fill('50 000');
    await invoicing.field('Late-payment penalty rate (% a year)').fill('12');
    await invoicing.field('Early-payment discount (%)').fill('0');
    await invoicing.field('Nature of the operations').selectOption('both');
    await invoicing.section().getByLabel('Livres et supports', { exact: false }).check();
    await invoicing.save().click();
    await expect.poll(() => invoicing.section().getByText('Every mandatory mention has a source').count()).toBe(1);
    expect(await invoicing.missing().count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-invoicing-en.png'), fullPage: true });

    const written = await exportPdf();
    expect(written.ok).toBe(true);
    const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdf, '-']);
    const text = stdout.replace(/[ \u00a0\u202f\u2007]+/g, ' ');
    expect(text).toContain('SAS au capital de 50 000,00 €');
    expect(text).toContain('RCS Lyon 842 105 371');
    expect(text).toContain('Pénalités de retard : taux annuel de 12 %');

    // In French, the same settings.
    await shell.chooseLanguage('fr');
    await expect.poll(() => invoicing.section('Facturation').getByText('Chaque mention obligatoire a sa source').count()).toBe(1);
    expect(await invoicing.field('Capital social (€)', 'Facturation').inputValue()).toBe('50000');
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-invoicing-fr.png'), fullPage: true });
    await shell.chooseLanguage('en', 'Langue');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
