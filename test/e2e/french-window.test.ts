import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { sheetsAsCsv } from '../support/libreoffice';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';

/**
 * Issue 15, items 4 and 7: the app set to French in a browser that speaks American English. The window's
 * words, its date fields, a refusal from the core and the workbook it exports are all French; the native
 * date input, which follows the browser (12/06/2026 for 6 December), is gone.
 */
let fixture: ConnectedApp;
let app: BrowserMode;
let context: BrowserContext;
let page: Page;
const db = () => activeCache(app.dataDir);
const pad = (n: number) => String(n).padStart(2, '0');
const localDay = (seconds: number) => new Date(seconds * 1000);

beforeAll(async () => {
  fixture = await startConnectedApp('french-window', 300);
  app = fixture.app;
  // A browser in American English: its own date inputs would read month first.
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await page.goto(app.transport.launchUrl);
}, 120_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail')
    await page
      .screenshot({ path: path.join(ARTIFACTS, `FAILED-french-window-${test.task.name.replace(/\W+/g, '-')}.png`) })
      .catch(() => {});
});
afterAll(async () => {
  await context?.close();
  await fixture?.close();
});

describe('a French window in an English browser', () => {
  it('calls the workspaces by what they do, in French', async () => {
    await expect
      .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 60_000 })
      .toBe(1);
    const shell = new AppPage(page);
    await shell.openSettings();
    await shell.chooseLanguage('fr');
    await expect.poll(() => shell.nav('Factures').count()).toBe(1);
    expect(await shell.nav('Mise en place').count()).toBe(1);
    expect(await page.getByText('Gestionnaires').count()).toBe(0);
  });

  it('types and shows days dd/mm/yyyy, and filters by them', async () => {
    const bills = new BillsPage(page);
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await expect.poll(() => bills.summary().textContent(), { timeout: 20_000 }).toContain('300 factures');
    // No native date input anywhere: each would speak the browser's language.
    await page.getByRole('button', { name: 'Filtres', exact: true }).click();
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const from = page.getByLabel('Émise à partir du', { exact: true });
    expect(await from.getAttribute('placeholder')).toBe('jj/mm/aaaa');

    // A day from the data, typed as a French operator types it: day first, no zeros.
    const emissions = db().prepare('SELECT emissiondate FROM bill ORDER BY emissiondate').pluck().all() as number[];
    const day = localDay(emissions[Math.floor(emissions.length / 2)]!);
    const start = new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime() / 1000;
    const expected = emissions.filter((time) => time >= start).length;
    await from.fill(`${day.getDate()}/${day.getMonth() + 1}/${day.getFullYear()}`);
    await expect.poll(() => bills.summary().textContent()).toContain(`${expected} factures`);
    await from.blur();
    expect(await from.inputValue()).toBe(`${pad(day.getDate())}/${pad(day.getMonth() + 1)}/${day.getFullYear()}`);
    // ↓ a day earlier: more bills, never fewer.
    await from.press('ArrowDown');
    const before = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1);
    expect(await from.inputValue()).toBe(`${pad(before.getDate())}/${pad(before.getMonth() + 1)}/${before.getFullYear()}`);

    // The month to pick from, in French, Monday first.
    await page.getByRole('button', { name: 'Choisir le jour dans un mois' }).first().click();
    const month = page.getByRole('dialog').filter({ has: page.getByRole('grid') });
    const title = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric' }).format(before);
    await expect.poll(() => month.locator('.day-picker-title').textContent()).toBe(title);
    expect((await month.getByRole('columnheader').allTextContents())[0]).toBe('lun.');
    await page.screenshot({ path: path.join(ARTIFACTS, 'french-day-field.png') });
    await month.getByRole('button', { name: new RegExp(`^\\w+ 1 ${title}$`) }).click();
    expect(await from.inputValue()).toBe(`01/${pad(before.getMonth() + 1)}/${before.getFullYear()}`);
    // What is no day is said so, in French.
    await from.fill('31/02/2026');
    await expect.poll(() => page.getByText('Saisissez une date.').count()).toBe(1);
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();
    await expect.poll(() => bills.summary().textContent()).toContain('300 factures');
  });

  it('shows the core’s refusal of a payment larger than what is due in French', async () => {
    const bill = db()
      .prepare(
        "SELECT id, amountcents - paidcents AS due, currency FROM bill WHERE status = 'PENDING' AND amountcents - paidcents > 0 ORDER BY id LIMIT 1",
      )
      .get() as { id: number; due: number; currency: string };
    await page.goto(`${new URL(page.url()).origin}/#/bills/${bill.id}`);
    const form = page.getByRole('form', { name: 'Enregistrer un paiement' });
    await expect.poll(() => form.count(), { timeout: 20_000 }).toBe(1);
    // The payment's day is today, written the French way.
    const today = new Date();
    expect(await form.getByLabel('Reçu le').inputValue()).toBe(
      `${pad(today.getDate())}/${pad(today.getMonth() + 1)}/${today.getFullYear()}`,
    );
    const more = bill.due + 100;
    await form.getByLabel(/^Montant/).fill(`${Math.floor(more / 100)},${pad(more % 100)}`);
    await form.getByLabel('Référence', { exact: true }).fill('VIR-E2E-1');
    await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    const due = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: bill.currency }).format(bill.due / 100);
    const said = `Il reste ${due} à payer sur la facture ${bill.id}\u00a0: enregistrez au plus ce montant.`;
    await expect.poll(() => form.locator('.field-error').textContent()).toBe(said);
    expect(await form.textContent()).not.toContain('left to pay');
    await page.screenshot({ path: path.join(ARTIFACTS, 'french-refusal.png') });
    // Nothing was queued.
    expect(db().prepare("SELECT count(*) FROM outbox WHERE entity_id = ? AND kind = 'bill.payment'").pluck().get(bill.id)).toBe(0);
  });

  it('shows what the site answered, a refused token, in French', async () => {
    const shell = new AppPage(page);
    await shell.openSettings('Paramètres');
    await shell.button('Ajouter un site').click();
    await shell.fillNewProfile(
      { name: 'Mauvais jeton', url: fixture.sim.url, token: 'f'.repeat(32) },
      { name: 'Nom', url: 'Adresse du site Moodle', token: 'Jeton de service web' },
    );
    await shell.button('Tester la connexion').click();
    const notice = page.getByRole('alert').filter({ hasText: 'Le site a refusé le jeton' });
    await expect
      .poll(() => notice.locator('.notice-text').textContent(), { timeout: 20_000 })
      .toBe(
        'Le site a refusé le jeton de service web\u00a0: il est inconnu, expiré ou réservé à d’autres adresses IP. ' +
          'Créez un nouveau jeton dans Moodle (Administration du site › Serveur › Services web › Gérer les jetons) et saisissez-le dans les Paramètres.',
      );
    expect(await notice.locator('.notice-text').getAttribute('lang')).toBe('fr');
    expect(await notice.textContent()).not.toContain('refused the web service token');
    await page.screenshot({ path: path.join(ARTIFACTS, 'french-site-refusal.png') });
    // Nothing was saved: the refused profile is not in the list.
    const profiles = await app.core.dispatch('profiles.list', {}, { transport: 'internal' });
    expect(JSON.stringify(profiles)).toContain('Formations Lumière');
    expect(JSON.stringify(profiles)).not.toContain('Mauvais jeton');
  });

  it('exports a workbook in French words, with the untaxed and tax amounts ticked at first', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await page.getByRole('button', { name: 'Exporter en XLSX…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exporter les factures dans un classeur' });
    // Hidden in the table at first, ticked in the export.
    expect(await dialog.getByRole('checkbox', { name: 'HT', exact: true }).isChecked()).toBe(true);
    expect(await dialog.getByRole('checkbox', { name: 'Taxes', exact: true }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Mode de paiement', exact: true }).check();
    // No path to type (issue 15, item 2): the workbook comes as a download of the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Exporter', exact: true }).click(),
    ]);
    const file = path.join(ARTIFACTS, `french-${download.suggestedFilename()}`);
    await download.saveAs(file);
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toContain('Écrit (factures\u00a0: 300');
    await page.screenshot({ path: path.join(ARTIFACTS, 'french-export-xlsx.png') });
    await dialog.getByRole('button', { name: 'Fermer' }).last().click();
    fs.copyFileSync(file, path.join(ARTIFACTS, 'french-export.xlsx'));

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Factures')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    for (const column of ['Statut', 'Mode de paiement', 'Montant HT', 'TVA', 'Montant TTC']) expect(header).toContain(column);
    const id = header.indexOf('Identifiant') + 1;
    const status = header.indexOf('Statut') + 1;
    const paymode = header.indexOf('Mode de paiement') + 1;
    const cells = new Map<number, { status: string; paymode: string }>();
    sheet.eachRow((row, number) => {
      if (number > 1 && typeof row.getCell(id).value === 'number')
        cells.set(row.getCell(id).value as number, {
          status: String(row.getCell(status).value),
          paymode: String(row.getCell(paymode).value),
        });
    });
    expect(cells.size).toBe(300);
    const soldout = db().prepare("SELECT id FROM bill WHERE status = 'SOLDOUT' ORDER BY id LIMIT 1").pluck().get() as number;
    const transfer = db().prepare("SELECT id FROM bill WHERE paymode = 'transfer' ORDER BY id LIMIT 1").pluck().get() as number;
    expect(cells.get(soldout)!.status).toBe('Payée');
    expect(cells.get(transfer)!.paymode).toBe('Virement');
    for (const { status: s, paymode: p } of cells.values()) {
      expect(s).not.toMatch(/^[A-Z]+$/);
      expect(['check', 'transfer', 'paypal']).not.toContain(p);
    }
    // LibreOffice, an independent reader, shows the same words.
    const shown = (await sheetsAsCsv(file, { asShown: true })).get('Factures')!;
    const row = shown.find((cells_) => cells_[id - 1] === String(soldout))!;
    expect(row[status - 1]).toBe('Payée');
  });
});
