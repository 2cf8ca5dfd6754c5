import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';
import { AppPage } from './pages/app-page';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
let browser: Browser;
let sim: SimulatedSite;
let app: BrowserMode;
let dataDir: string;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  sim = await startSimulatedSite({ demo: { bills: 300 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-sync-'));
  app = await startBrowserMode({ dataDir });
  // The site profile is set up through the contract, as the Settings screen would.
  const created = await app.core.dispatch(
    'profiles.create',
    { name: 'Formations Lumière', url: sim.url, token: sim.adminToken },
    { transport: 'internal' },
  );
  expect(created.ok).toBe(true);
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(app.transport.launchUrl);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the Sync workspace', () => {
  it('shows the cached shop after the first sync, and syncs again on demand', async () => {
    const shell = new AppPage(page);
    await shell.nav('Sync').click();
    const bills = page.getByRole('row', { name: /^Bills/ });
    await expect.poll(() => bills.textContent(), { timeout: 20_000 }).toContain('300');
    await expect.poll(() => shell.statusBar().textContent()).toContain('Online');

    const history = page.getByRole('table').filter({ hasText: 'Started by' });
    const runsBefore = await history.getByRole('row').count();
    await shell.button('Sync now').click();
    await expect.poll(() => history.getByRole('row').count(), { timeout: 20_000 }).toBe(runsBefore + 1);
    await expect.poll(() => history.getByRole('row').nth(1).textContent()).toContain('Manual');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sync-workspace.png'), fullPage: true });
  });
});
