import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../shared/contract';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { BillsPage } from './pages/bills-page';
import { customPeriodWords, DashboardPage } from './pages/dashboard-page';
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

/** What the core answers for a period, as the window would ask it (every shop, the first shop's currency). */
const summaryOf = async (from: Date, to: Date): Promise<DashboardSummary> => {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  const answer = await app.core.dispatch('dashboard.summary', { from: seconds(from), to: seconds(to) }, { transport: 'internal' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as DashboardSummary;
};
/** The last second of a local day. */
const endOf = (day: Date) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), 23, 59, 59);
/** A day as the operator types it, and as the controls show it in English. */
const typed = (day: Date) => [day.getDate(), day.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/') + `/${day.getFullYear()}`;
const dayShown = (day: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(day);
/** The first day from `day` on, a day at a time in the direction `step`, on which the core counts invoiced money. */
async function dayWithInvoices(day: Date, step: 1 | -1): Promise<Date> {
  for (let i = 0; i < 120; i += 1) {
    const candidate = new Date(day.getFullYear(), day.getMonth(), day.getDate() + i * step);
    if ((await summaryOf(candidate, endOf(candidate))).totals.invoicedCents !== 0) return candidate;
  }
  throw new Error(`no invoice within 120 days of ${day.toDateString()}`);
}
const moneyIn = (locale: string, summary: DashboardSummary, cents: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: summary.currency }).format(cents / 100);

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

  it('opens the rest of a top-10 chart: the invoices of the period of none of the ten customers', async () => {
    const dashboard = new DashboardPage(page);
    const bills = new BillsPage(page);
    const db = activeCache(app.dataDir);
    await page.goto(`${origin()}/#/dashboard`);
    await dashboard.painted();
    const now = new Date();
    const [from, to] = [new Date(now.getFullYear(), 0, 1), new Date(now.getFullYear() + 1, 0, 1, 0, 0, -1)];
    const summary = await summaryOf(from, to);
    expect(summary.byCustomer.at(-1)!.key).toBe('');
    const ten = summary.byCustomer.filter((share) => share.key !== '').map((share) => Number(share.key));
    expect(ten).toHaveLength(10);
    const expected = db
      .prepare(
        `SELECT count(*) FROM bill WHERE idnumber <> '' AND currency = ? AND emissiondate BETWEEN ? AND ?
         AND customerid NOT IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .get(summary.currency, from.getTime() / 1000, to.getTime() / 1000, JSON.stringify(ten)) as number;
    expect(expected).toBeGreaterThan(0);
    const figures = page.locator('details.dashboard-figures', { has: page.getByText('The figures of “Invoiced by customer”') });
    await figures.locator('summary').click();
    await figures
      .getByRole('row', { name: /^The rest/ })
      .getByRole('button')
      .click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/bills');
    await expect.poll(() => bills.summary().textContent(), { timeout: 20_000 }).toContain(`${expected} bills`);
    await expect.poll(() => page.getByRole('note').textContent()).toContain('Invoiced by customer, not the ten largest');
  }, 60_000);

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

  it('adds up a custom period from the first day’s midnight to the last day’s end, and keeps those figures while the days are wrong', async () => {
    const dashboard = new DashboardPage(page);
    const now = new Date();
    const thisYear = await summaryOf(new Date(now.getFullYear(), 0, 1), new Date(now.getFullYear() + 1, 0, 1, 0, 0, -1));
    // From mid-March last year to late October this year (no whole months), each end a day with invoices: a
    // period that left out the first day's early hours or the last day's late ones would show another figure.
    const firstDay = await dayWithInvoices(new Date(now.getFullYear() - 1, 2, 15), 1);
    const lastDay = await dayWithInvoices(new Date(now.getFullYear(), 9, 20), -1);
    const custom = await summaryOf(firstDay, endOf(lastDay));
    const withoutLastDay = await summaryOf(firstDay, new Date(lastDay.getTime() - 1000));
    expect(custom.totals.invoicedCents, 'the last day counts').not.toBe(withoutLastDay.totals.invoicedCents);
    expect(custom.totals.invoicedCents, 'the demo bills differ between the two periods').not.toBe(thisYear.totals.invoicedCents);
    const en = (cents: number) => moneyIn('en-GB', custom, cents);
    const shown = `${dayShown(firstDay)} – ${dayShown(lastDay)}`;

    await page.goto(`${origin()}/#/dashboard`);
    await page.reload();
    await dashboard.painted();
    await expect.poll(() => dashboard.amount('Invoiced').textContent()).toBe(en(thisYear.totals.invoicedCents));
    await dashboard.customPeriod(customPeriodWords.en, { from: typed(firstDay), to: typed(lastDay) });
    await expect.poll(() => dashboard.amount('Invoiced').textContent(), { timeout: 15_000 }).toBe(en(custom.totals.invoicedCents));
    expect(await dashboard.amount('Cashed').textContent()).toBe(en(custom.totals.cashedCents));
    expect(await dashboard.periodText().textContent()).toBe(shown);

    // An end before the start: said under the fields, the figures of the last valid period stay.
    const to = page.getByLabel('To', { exact: true });
    await to.fill(typed(new Date(firstDay.getFullYear(), firstDay.getMonth(), firstDay.getDate() - 1)));
    const error = page.locator('.dashboard-custom-message');
    await expect
      .poll(() => error.textContent())
      .toBe(`The last day comes before the first. The figures shown are still those of ${shown}.`);
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await to.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/^The last day comes before the first\./);
    await page.getByLabel('From', { exact: true }).fill(`01/01/${firstDay.getFullYear() - 3}`);
    await to.fill(typed(lastDay));
    await expect
      .poll(() => error.textContent())
      .toBe(`A period can be three years at most. The figures shown are still those of ${shown}.`);
    await page.waitForTimeout(1000);
    expect(await dashboard.amount('Invoiced').textContent()).toBe(en(custom.totals.invoicedCents));
    // The fields and their error, checked by axe too.
    expect(await seriousViolations(page, ['color-contrast', 'label', 'aria-valid-attr-value']), 'custom period').toEqual([]);
    await page.locator('.dashboard-controls').screenshot({ path: path.join(ARTIFACTS, 'dashboard-custom-period-en.png') });

    // In French, from the keyboard: the days follow the period chosen in the tab order.
    await dispatch('settings.update', { language: 'fr' });
    await page.reload();
    await dashboard.painted();
    const fr = (cents: number) => moneyIn('fr-FR', custom, cents);
    const period = dashboard.select('Période');
    await period.selectOption({ label: customPeriodWords.fr.choice });
    await period.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed(lastDay));
    await page.keyboard.press('Tab'); // the month button of the first day
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(typed(firstDay));
    await expect
      .poll(() => error.textContent())
      .toMatch(/^Le dernier jour précède le premier\. Les chiffres affichés restent ceux de la période /);
    expect(await page.getByLabel('Du', { exact: true }).inputValue()).toBe(typed(lastDay));
    expect(await page.getByLabel('Au', { exact: true }).inputValue()).toBe(typed(firstDay));
    await page.locator('.dashboard-controls').screenshot({ path: path.join(ARTIFACTS, 'dashboard-custom-period-fr.png') });
    await page.getByLabel('Du', { exact: true }).fill(typed(firstDay));
    await page.getByLabel('Au', { exact: true }).fill(typed(lastDay));
    await expect.poll(() => dashboard.amount('Facturé').textContent(), { timeout: 15_000 }).toBe(fr(custom.totals.invoicedCents));
    expect(await error.textContent()).toBe('');
    await dispatch('settings.update', { language: 'en' });
  }, 90_000);
});
