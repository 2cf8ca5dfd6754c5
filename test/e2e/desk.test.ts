import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { SHORTCUTS } from '../../renderer/src/shell/shortcut-registry';
import { activeCache } from '../support/active-cache';
import { fecText } from '../support/lettering-fec';
import { invoiceFor, letterableBills } from '../support/lettering-from-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';
import { CatalogsPage } from './pages/catalogs-page';
import { DeskPage } from './pages/desk-page';

/**
 * A day at the desk (issue 15, items 3 and 10) at 1280×720, the smallest window an operator works in: the
 * bills table keeps its key columns beside an open bill, the panel is resized and folded and remembered,
 * the keyboard reaches a row at once, and the command palette and the shortcuts sheet work.
 */
let fixture: ConnectedApp;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
const settings = async () => {
  const answer = await app.core.dispatch('settings.get', {}, { transport: 'internal' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as { detailPanel?: { width: number; collapsed: boolean } };
};

beforeAll(async () => {
  fixture = await startConnectedApp('desk', 400, { width: 1280, height: 720 });
  ({ app, page } = fixture);
  // The app opens on the dashboard; the desk is the Bills workspace, filled by the first sync.
  await new AppPage(page).nav('Bills').click();
  await new BillsPage(page).summary().filter({ hasText: '400 bills' }).waitFor({ timeout: 30_000 });
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

const goto = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);

describe('the desk at 1280×720', () => {
  it('keeps reference, status, customer and amount in view beside an open bill, and many rows', async () => {
    const bills = new BillsPage(page);
    const id = db().prepare('SELECT max(id) FROM bill').pluck().get() as number;
    await goto(`#/bills/${id}`);
    await bills.detail().getByRole('heading', { level: 2 }).waitFor();
    await expect.poll(() => bills.detail().isVisible()).toBe(true);

    const grid = bills.grid();
    for (const column of ['Reference', 'Status', 'Customer', 'Amount']) {
      const header = bills.columnHeader(column);
      expect(await DeskPage.seenInside(header, grid), `${column} header`).toBe(true);
    }
    const row = bills.row(id);
    const cells = row.getByRole('gridcell');
    expect(await DeskPage.seenInside(cells.nth(0), grid), 'reference cell').toBe(true);
    expect(await DeskPage.seenInside(cells.nth(2), grid), 'customer cell').toBe(true);
    expect(await DeskPage.seenInside(cells.nth(3), grid), 'amount cell').toBe(true);
    // The detail panel, too, stays inside the window.
    expect(await DeskPage.seenInside(bills.detail(), page.locator('main'))).toBe(true);

    // Rows fully in view: more than twice the 8 an operator saw before.
    const seen = await bills.rows().evaluateAll(
      (rows, gridBox) =>
        rows.filter((r) => {
          const box = r.getBoundingClientRect();
          return box.top >= gridBox.top && box.bottom <= gridBox.bottom;
        }).length,
      await grid.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, bottom: r.top + el.clientHeight };
      }),
    );
    expect(seen).toBeGreaterThanOrEqual(15);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-bill-open-1280x720.png') });

    // The table scrolls sideways; the reference stays where it is, pinned, and the others slide under it.
    const reference = await bills.columnHeader('Reference').boundingBox();
    const status = await bills.columnHeader('Status').boundingBox();
    await grid.evaluate((el) => el.scrollTo({ left: 300 }));
    await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const scrolled = await grid.evaluate((el) => el.scrollLeft);
    expect((await bills.columnHeader('Reference').boundingBox())!.x).toBeCloseTo(reference!.x, 0);
    expect((await cells.nth(0).boundingBox())!.x).toBeCloseTo(reference!.x, 0);
    expect((await bills.columnHeader('Status').boundingBox())!.x).toBeCloseTo(status!.x - scrolled, 0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-bill-open-scrolled-1280x720.png') });
    await grid.evaluate((el) => el.scrollTo({ left: 0 }));
  });

  it('fits every default column, Organisation and Items included, in a 1440 px window', async () => {
    const bills = new BillsPage(page);
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await goto('#/bills');
      await expect.poll(() => bills.detail().count()).toBe(0);
      for (const column of [
        'Reference',
        'Status',
        'Customer',
        'Amount',
        'Lettering',
        'Title',
        'Issued',
        'Pay mode',
        'Organisation',
        'Items',
      ]) {
        await expect.poll(() => DeskPage.seenInside(bills.columnHeader(column), bills.grid()), { message: `${column} header` }).toBe(true);
      }
      // Nothing left to scroll to.
      expect(await bills.grid().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'desk-bills-1440x900.png') });
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it('resizes the panel by keyboard and by dragging, folds it, and keeps its width in the preferences', async () => {
    const bills = new BillsPage(page);
    const desk = new DeskPage(page);
    const id = db().prepare('SELECT max(id) FROM bill').pluck().get() as number;
    await goto(`#/bills/${id}`);
    await bills.detail().waitFor();
    const width = async () => (await bills.detail().boundingBox())!.width;
    const before = await width();

    // Keyboard: three steps of 16 px to the left widen the panel; saved once the keys stop.
    await desk.panelEdge().focus();
    for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowLeft');
    await expect.poll(width).toBeCloseTo(before + 48, 0);
    await expect.poll(async () => (await settings()).detailPanel?.width).toBe(Number(await desk.panelEdge().getAttribute('aria-valuenow')));

    // Mouse: the edge dragged 100 px to the right narrows it by as much.
    const edge = (await desk.panelEdge().boundingBox())!;
    await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2 + 50, edge.y + 200, { steps: 4 });
    await page.mouse.move(edge.x + edge.width / 2 + 100, edge.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(before + 48 - 100, 0);
    // The saved width is the panel's with its 12 px edge.
    await expect.poll(async () => (await settings()).detailPanel).toEqual({ width: Math.round(await width()) + 12, collapsed: false });

    // A reload (the next start) keeps it.
    const kept = await width();
    await page.reload();
    await bills.detail().waitFor();
    await expect.poll(width).toBeCloseTo(kept, 0);

    // Enter on the edge folds the panel to a rail; the table takes the room; the rail brings it back.
    const gridWidth = (await bills.grid().boundingBox())!.width;
    await desk.panelEdge().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => bills.detail().isVisible()).toBe(false);
    await expect.poll(async () => (await bills.grid().boundingBox())!.width).toBeGreaterThan(gridWidth + 200);
    await expect.poll(async () => (await settings()).detailPanel?.collapsed).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-bill-folded-1280x720.png') });
    await desk.unfoldButton().click();
    await expect.poll(() => bills.detail().isVisible()).toBe(true);
    await expect.poll(async () => (await settings()).detailPanel?.collapsed).toBe(false);
  });

  it('lands the first ↓ from the search box on the first row, highlighted', async () => {
    const bills = new BillsPage(page);
    await goto('#/bills');
    await expect.poll(() => bills.detail().count()).toBe(0);
    await bills.search().click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await expect.poll(() => bills.grid().getAttribute('aria-activedescendant')).toBe('bills-row-0');
    const first = page.locator('#bills-row-0');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    expect(await first.getAttribute('class')).toContain('is-cursor');
    // Highlighted: drawn with a background and the focus ring, not only in the accessibility tree.
    const look = await first.evaluate((row) => {
      const style = getComputedStyle(row);
      return { background: style.backgroundColor, outline: style.outlineStyle };
    });
    expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.outline).toBe('solid');
    // The next ↓ goes on to the second row.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => bills.grid().getAttribute('aria-activedescendant')).toBe('bills-row-1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-keyboard-row-1280x720.png') });
  });

  it('reaches a bill by its number, a customer by name and a workspace through the command palette, and remembers them', async () => {
    const desk = new DeskPage(page);
    const bills = new BillsPage(page);
    await goto('#/lettering');
    const bill = db().prepare('SELECT id FROM bill ORDER BY id LIMIT 1 OFFSET 122').pluck().get() as number;

    await desk.openPalette();
    await expect.poll(() => desk.paletteInput().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(String(bill));
    const option = desk.paletteGroup('Bills').getByRole('option').first();
    await expect.poll(() => option.textContent(), { timeout: 10_000 }).toContain(`Bill ${bill}`);
    expect(await desk.paletteOptions().first().getAttribute('aria-selected')).toBe('true');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-palette-bill-1280x720.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/bills/${bill}`);
    await expect.poll(() => bills.detail().isVisible()).toBe(true);
    await expect.poll(() => desk.palette().count()).toBe(0);

    // A customer by a few letters of the name.
    const customer = db().prepare('SELECT id, lastname FROM customer WHERE length(lastname) >= 5 ORDER BY id LIMIT 1').get() as {
      id: number;
      lastname: string;
    };
    await desk.openPalette();
    await page.keyboard.type(customer.lastname);
    const customers = desk.paletteGroup('Customers').getByRole('option');
    await expect.poll(() => customers.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Arrows move through the options (commands that match come first); Enter opens the one under the cursor.
    const active = desk.palette().locator('[role="option"][aria-selected="true"]');
    const inCustomers = () => active.evaluate((o) => o.closest('[role="group"]')?.querySelector('.palette-group-title')?.textContent);
    for (let k = 0; k < 15 && (await inCustomers()) !== 'Customers'; k += 1) await page.keyboard.press('ArrowDown');
    expect(await inCustomers()).toBe('Customers');
    const chosen = await desk.palette().locator('[role="option"][aria-selected="true"]').textContent();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/customers\/\d+$/);
    expect(chosen).toContain(customer.lastname);

    // A workspace, fuzzily, from its name.
    await desk.openPalette();
    await page.keyboard.type('letering');
    await expect.poll(() => desk.paletteOptions().first().textContent()).toContain('Go to Lettering');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/lettering');

    // Recent: what was chosen, newest first, offered before anything is typed.
    await desk.openPalette();
    const recent = desk.paletteGroup('Recent').getByRole('option');
    await expect.poll(() => recent.count()).toBeGreaterThanOrEqual(3);
    expect(await recent.nth(0).textContent()).toContain('Go to Lettering');
    expect(await recent.nth(2).textContent()).toContain(`Bill ${bill}`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-palette-recent-1280x720.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => desk.palette().count()).toBe(0);
  });

  it('lists every shortcut of the registry in the sheet opened by ?', async () => {
    const desk = new DeskPage(page);
    await goto('#/bills');
    await new BillsPage(page).grid().focus();
    await page.keyboard.press('?');
    await desk.sheet().waitFor();
    const listed = await desk
      .sheet()
      .locator('dt[data-shortcut]')
      .evaluateAll((dts) => dts.map((dt) => dt.getAttribute('data-shortcut')));
    expect(listed.sort()).toEqual(SHORTCUTS.map((entry) => entry.id).sort());
    expect(await desk.sheet().locator('dt[data-shortcut="palette"]').textContent()).toBe('CtrlK');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-shortcuts-1280x720.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => desk.sheet().count()).toBe(0);
    // In a text field "?" is a character, not the sheet.
    await new BillsPage(page).search().fill('');
    await new BillsPage(page).search().press('?');
    expect(await desk.sheet().count()).toBe(0);
    expect(await new BillsPage(page).search().inputValue()).toBe('?');
    await new BillsPage(page).search().fill('');
  });
});

describe('the Catalogs workspace beside Bills', () => {
  it('lists the products in the shared table and saves the open one with Ctrl+S, Save being above the form', async () => {
    const catalogs = new CatalogsPage(page);
    await goto('#/catalogs');
    const grid = page.getByRole('grid', { name: 'Products of the catalog' });
    await grid.locator('[role="row"][data-code]').first().waitFor({ timeout: 15_000 });
    const code = (await grid.locator('[role="row"][data-code]').nth(1).getAttribute('data-code'))!;
    await catalogs.openItem(code);
    const save = catalogs.editor().getByRole('button', { name: 'Save product' });
    await save.waitFor();
    // Save sits in the panel's header, above the fields, in view without scrolling the long form.
    expect(await DeskPage.seenInside(save, page.locator('main'))).toBe(true);
    expect(await save.getAttribute('aria-keyshortcuts')).toBe('Control+S');
    const name = catalogs.field('Name');
    const renamed = `${await name.inputValue()} (desk)`;
    await name.fill(renamed);
    await page.keyboard.press('Control+s');
    await expect.poll(() => catalogs.itemRow(code).textContent()).toContain(renamed);
    expect(await catalogs.itemRow(code).textContent()).toContain('Not yet sent');
    await page.screenshot({ path: path.join(ARTIFACTS, 'desk-catalogs-saved-1280x720.png') });
  });
});

describe('the workspaces this issue changed, as an operator sees them', () => {
  it('takes every workspace at 1280×720 and 1920×1080, in English and French, light and dark', async () => {
    const dispatch = async (command: string, input: unknown) => {
      const answer = await app.core.dispatch(command as 'settings.update', input as never, { transport: 'internal' });
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value;
    };
    // Invoices to letter, so the Lettering tables have both sides.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-desk-'));
    const file = path.join(dir, 'FEC.txt');
    const letterable = letterableBills(db(), 6);
    fs.writeFileSync(file, fecText(letterable.map((b, k) => invoiceFor(b, `FA-DESK-${k + 1}`, { withTransaction: k % 2 === 0 }))));
    await dispatch('lettering.import', { source: { file } });
    fs.rmSync(dir, { recursive: true, force: true });

    const bill = db().prepare("SELECT id FROM bill WHERE status = 'PARTIAL' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    const customer = db().prepare('SELECT customerid FROM bill WHERE id = ?').pluck().get(bill) as number;
    const failed = db().prepare("SELECT id FROM bill WHERE status = 'FAILED' ORDER BY id DESC LIMIT 1").pluck().get() as number;
    const shots: string[] = [];
    const shoot = async (name: string, size: { width: number; height: number }, variant: string) => {
      await page.waitForTimeout(400);
      const file = `tour-${variant}-${name}-${size.width}x${size.height}.png`;
      await page.screenshot({ path: path.join(ARTIFACTS, file) });
      shots.push(file);
    };
    try {
      for (const variant of [
        { language: 'en', theme: 'light' },
        { language: 'en', theme: 'dark' },
        { language: 'fr', theme: 'light' },
        { language: 'fr', theme: 'dark' },
      ] as const) {
        await dispatch('settings.update', variant);
        const tag = `${variant.language}-${variant.theme}`;
        for (const size of [
          { width: 1280, height: 720 },
          { width: 1920, height: 1080 },
        ]) {
          await page.setViewportSize(size);
          await goto(`#/bills/${bill}`);
          await page.getByRole('complementary').getByRole('heading', { level: 2 }).waitFor();
          await page.locator('#bills-grid [role="row"][aria-rowindex="2"]').waitFor();
          await shoot('bills', size, tag);
          await goto(`#/customers/${customer}`);
          await page.getByRole('complementary').waitFor();
          await page.locator('[role="grid"] [role="gridcell"]').first().waitFor();
          await shoot('customers', size, tag);
          await goto('#/catalogs');
          await page.locator('[role="row"][data-code] button.link-button').nth(2).click();
          await page.locator('.item-editor').waitFor();
          await shoot('catalogs', size, tag);
          await goto('#/lettering');
          await page.locator('[data-suggestion]').first().waitFor({ timeout: 15_000 });
          await shoot('lettering-suggestions', size, tag);
          await page.locator('#lettering-tab-manual').click();
          await page.locator('tr[data-invoice]').first().waitFor();
          await shoot('lettering-manual', size, tag);
          await goto('#/production');
          await page.locator('tr[data-bill]').first().waitFor({ timeout: 15_000 });
          await shoot('production', size, tag);
          await goto(`#/production/${failed}`);
          await page.locator('.production-workspace nav.detail-section').waitFor({ timeout: 15_000 });
          await shoot('production-bill', size, tag);
          await goto('#/sync');
          await page.locator('main table').first().waitFor({ timeout: 15_000 });
          await shoot('sync', size, tag);
          await goto('#/settings');
          await page.locator('main form, main .workspace-section').first().waitFor({ timeout: 15_000 });
          await shoot('settings', size, tag);
        }
      }
    } finally {
      await dispatch('settings.update', { language: 'en', theme: 'light' });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    expect(shots).toHaveLength(4 * 2 * 9);
    for (const shot of shots) expect(fs.statSync(path.join(ARTIFACTS, shot)).size).toBeGreaterThan(10_000);
  }, 480_000);
});
