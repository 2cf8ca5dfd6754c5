import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';
import { ARTIFACTS } from './connected-app';
import { activeCache, closeActiveCaches } from '../support/active-cache';

/**
 * The operator's path when the site is not what the profile's cache believes: a site without the shop plugin
 * (Test connection says so, and what still works), then a profile pointed at another shop (the sync is
 * refused, nothing of the first shop's outbox reaches the second, a new cache syncs, the old one's unsent
 * change can be written to a file and deleted).
 */

let first: SimulatedSite;
let second: SimulatedSite;
let bare: SimulatedSite;
let app: BrowserMode;
let browser: Browser;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  [first, second, bare] = await Promise.all([
    startSimulatedSite({ demo: { bills: 30, seed: 1 }, randomSeed: 1 }),
    startSimulatedSite({ demo: { bills: 9, seed: 2 }, randomSeed: 2 }),
    startSimulatedSite({ withoutComponents: ['local_shopbackoffice'] }),
  ]);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-site-truth-'));
  app = await startBrowserMode({ dataDir });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(app.transport.launchUrl);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  closeActiveCaches();
  await app?.close();
  await Promise.all([first?.close(), second?.close(), bare?.close()]);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const origin = () => new URL(page.url()).origin;

it('tells a site without the shop plugin apart, and which steps and features are left', async () => {
  await page.goto(`${origin()}/#/settings`);
  const form = page.getByRole('form', { name: 'New site' });
  await form.getByLabel('Name').fill('Bare Moodle');
  await form.getByLabel('Moodle site address').fill(bare.url);
  await form.getByLabel('Web service token', { exact: true }).fill(bare.adminToken);
  const steps = form.locator('.first-contact-step');
  expect(await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-state')))).toEqual([
    'unknown',
    'unknown',
    'unknown',
    'unknown',
  ]);
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect.poll(() => form.locator('[data-plugin-state]').textContent(), { timeout: 10_000 }).toBe('Not installed on the site');
  expect(await form.locator('[data-feature="sync"]').textContent()).toContain('Bills and sync — The shop plugin is not installed');
  expect(await form.locator('[data-feature="handlerCheck"]').textContent()).toContain('Works');
  expect(await steps.evaluateAll((items) => items.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]))).toEqual([
    ['plugin', 'failed'],
    ['webServices', 'done'],
    ['service', 'unknown'],
    ['token', 'done'],
  ]);
  await form.screenshot({ path: path.join(ARTIFACTS, 'settings-plugin-not-installed.png') });
}, 60_000);

it('refuses to sync a profile switched to another shop, and starts a new cache for it', async () => {
  const created = await app.core.dispatch(
    'profiles.create',
    { name: 'Shop', url: first.url, token: first.adminToken },
    { transport: 'internal' },
  );
  if (!created.ok) throw new Error(created.error.message);
  await app.core.dispatch('profiles.select', { id: (created.value as { id: string }).id }, { transport: 'internal' });
  const synced = await app.core.dispatch('sync.start', {}, { transport: 'internal' });
  expect(synced).toMatchObject({ ok: true, value: { outcome: 'done' } });
  // A change made on the first shop, not sent yet.
  const db = activeCache(app.dataDir);
  const billId = db.prepare("SELECT id FROM bill WHERE status = 'REFUSED' ORDER BY id LIMIT 1").pluck().get() as number;
  expect(await app.core.dispatch('bills.transition', { id: billId, to: 'PENDING' }, { transport: 'internal' })).toMatchObject({ ok: true });

  // The operator points the profile at the second shop, in Settings.
  await page.goto(`${origin()}/#/settings`);
  await page.getByRole('button', { name: 'Edit Shop' }).click();
  const form = page.getByRole('form', { name: /Shop/ });
  await form.getByLabel('Moodle site address').fill(second.url);
  await form.getByLabel('Web service token', { exact: true }).fill(second.adminToken);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => page.getByRole('form', { name: /Shop/ }).count()).toBe(0);

  const secondBefore = second.requests.length;
  await page.goto(`${origin()}/#/sync`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'This profile now reaches another site' });
  await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain(second.url);
  expect(text).toContain(first.url);
  expect(text).toContain('1 unsent change stays');
  await page.screenshot({ path: path.join(ARTIFACTS, 'sync-site-changed.png') });
  expect(second.requests.slice(secondBefore).map((r) => r.wsfunction)).toEqual(['local_shopbackoffice_get_site']);

  await notice.getByRole('button', { name: 'Start a new cache for this site' }).click();
  await expect
    .poll(() => activeCache(app.dataDir).prepare('SELECT count(*) FROM bill').pluck().get(), { timeout: 20_000 })
    .toBe([...second.demo!.bills()].length);
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'This profile now reaches another site' }).count()).toBe(0);
  // Nothing of the first shop's outbox reached the second.
  expect(
    second.requests.map((r) => r.wsfunction).filter((fn) => /transition_bill|record_payment|update_customer|save_|delete_/.test(fn ?? '')),
  ).toEqual([]);

  // The old cache waits in Settings with its change: written to a file, then deleted.
  await page.goto(`${origin()}/#/settings`);
  const kept = page.getByRole('region', { name: 'Caches kept aside' });
  await expect.poll(() => kept.textContent(), { timeout: 10_000 }).toContain('1 unsent changes');
  await kept.screenshot({ path: path.join(ARTIFACTS, 'settings-kept-cache.png') });
  await kept.getByRole('button', { name: /Write the unsent changes/ }).click();
  // Browser mode: the file comes as a download; no path is asked for.
  const exportDialog = page.getByRole('dialog');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    exportDialog.getByRole('button', { name: 'Write' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^unsent-changes-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  const file = path.join(dataDir, 'unsent.json');
  await download.saveAs(file);
  await expect.poll(() => exportDialog.getByRole('status').textContent()).toContain('1 changes written');
  const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { unsentChanges: { entityId: number }[] };
  expect(written.unsentChanges.map((c) => c.entityId)).toEqual([billId]);
  await exportDialog.getByRole('button', { name: 'Close' }).click();
  await kept.getByRole('button', { name: /Delete the kept cache/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByRole('region', { name: 'Caches kept aside' }).count()).toBe(0);
}, 90_000);
