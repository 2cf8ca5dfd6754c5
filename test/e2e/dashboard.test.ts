import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { BillsPage } from './pages/bills-page';
import { DashboardPage } from './pages/dashboard-page';
import { seriousViolations } from './support/axe';

let fixture: ConnectedApp;
let app: BrowserMode;
let page: Page;

beforeAll(async () => {
  // Tall enough for every bill of a stage to be a row on screen at once.
  fixture = await startConnectedApp('dashboard', 400, { width: 1440, height: 2400 });
  ({ app, page } = fixture);
}, 120_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

const origin = () => new URL(page.url()).origin;
const dispatch = async (name: 'settings.update', input: { language?: 'en' | 'fr'; theme?: 'light' | 'dark' }) => {
  const answer = await app.core.dispatch(name, input, { transport: 'internal' });
  if (!answer.ok) throw new Error(answer.error.message);
};

describe('the Dashboard workspace', () => {
  it('is the first screen, and its "paid but not produced" figure opens exactly those bills in Bills', async () => {
    const dashboard = new DashboardPage(page);
    const bills = new BillsPage(page);
    const db = activeCache(app.dataDir);
    await expect.poll(() => db.prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 60_000 }).toBe(1);
    await page.goto(`${origin()}/`);
    await dashboard.painted();
    expect(await page.locator('h1').textContent()).toBe('Dashboard');

    const soldout = (
      db.prepare("SELECT id FROM bill WHERE status = 'SOLDOUT' AND currency = 'EUR' ORDER BY id").pluck().all() as number[]
    ).map(String);
    expect(soldout.length).toBeGreaterThan(3);
    const card = dashboard.figure('Paid, not produced');
    await expect.poll(() => card.textContent()).toContain(`${soldout.length} bills`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-en-light.png'), fullPage: true });

    await card.click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/bills');
    await expect.poll(() => bills.summary().textContent(), { timeout: 20_000 }).toContain(`${soldout.length} bills`);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('From the dashboard: Paid, not produced (EUR)');
    // Every row on screen is one of them; then from the last row, the rest: together, exactly those.
    const shown = async () => (await bills.rows().locator('a').allTextContents()).filter((text) => /^\d+$/.test(text));
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
    const seen = new Set(await shown());
    await bills.rows().first().locator('a').first().focus();
    await page.keyboard.press('End');
    await expect.poll(async () => (await shown()).includes(soldout[0]!)).toBe(true);
    for (const id of await shown()) seen.add(id);
    expect([...seen].sort()).toEqual([...soldout].sort());
    await page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-to-bills.png') });

    // The way back to every bill.
    await page.getByRole('button', { name: 'Show every bill' }).click();
    const all = db.prepare('SELECT count(*) FROM bill').pluck().get() as number;
    await expect.poll(() => bills.summary().textContent()).toContain(`${all} bills`);
  }, 90_000);

  it('has no serious or critical accessibility violation, in English and French, light and dark', async () => {
    const dashboard = new DashboardPage(page);
    for (const variant of [
      { language: 'en', theme: 'light' },
      { language: 'en', theme: 'dark' },
      { language: 'fr', theme: 'light' },
      { language: 'fr', theme: 'dark' },
    ] as const) {
      await dispatch('settings.update', variant);
      await page.goto(`${origin()}/#/dashboard`);
      await page.reload();
      await dashboard.painted();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(variant.theme);
      // A table of figures open, so that axe checks it too.
      await page.locator('.dashboard-figures summary').first().click();
      // The charts are images with a text alternative, the controls selects with a name.
      const checked = ['color-contrast', 'button-name', 'select-name', 'role-img-alt'];
      expect(await seriousViolations(page, checked), `${variant.language}-${variant.theme}`).toEqual([]);
      await page.setViewportSize({ width: 1440, height: 1000 });
      await page.screenshot({ path: path.join(ARTIFACTS, `dashboard-${variant.language}-${variant.theme}.png`), fullPage: true });
      await page.setViewportSize({ width: 1440, height: 2400 });
      // The top-10 charts, below the fold at 1000 px.
      await page
        .locator('.dashboard-grid')
        .screenshot({ path: path.join(ARTIFACTS, `dashboard-charts-${variant.language}-${variant.theme}.png`) });
    }
    await dispatch('settings.update', { language: 'en', theme: 'light' });
  }, 120_000);
});
