import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { closeActiveCaches } from '../support/active-cache';
import { DEMO_INVOICING } from '../support/demo-invoicing';
import { launchChromium } from '../support/chromium';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e');

export interface ConnectedApp {
  sim: SimulatedSite;
  app: BrowserMode;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** After a failed test: a screenshot and the trace, named after the suite and the test. */
  keepFailure(testName: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A simulated shop with demo data, the app in browser mode with that site as its active profile (set up
 * through the contract, as the Settings screen would; adding it starts a sync), and Chromium on the app,
 * traced so that a failure leaves something to look at.
 */
export async function startConnectedApp(suite: string, bills: number, viewport = { width: 1440, height: 900 }): Promise<ConnectedApp> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const sim = await startSimulatedSite({ demo: { bills } });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bo-e2e-${suite}-`));
  const app = await startBrowserMode({ dataDir });
  const created = await app.core.dispatch(
    'profiles.create',
    { name: 'Formations Lumière', url: sim.url, token: sim.adminToken },
    { transport: 'internal' },
  );
  if (!created.ok) throw new Error(`profile not created: ${created.error.message}`);
  // What the demo company fills in Settings › Invoicing, so that its invoices can be written.
  const invoicing = await app.core.dispatch('invoicing.updateSettings', { settings: DEMO_INVOICING }, { transport: 'internal' });
  if (!invoicing.ok) throw new Error(`invoicing settings not saved: ${invoicing.error.message}`);
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  await page.goto(app.transport.launchUrl);
  return {
    sim,
    app,
    browser,
    context,
    page,
    async keepFailure(testName) {
      const name = `${suite}-${testName.replace(/\W+/g, '-')}`;
      await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-${name}.png`) }).catch(() => {});
      await context.tracing.stop({ path: path.join(ARTIFACTS, `FAILED-${name}.trace.zip`) }).catch(() => {});
    },
    async close() {
      await context.tracing.stop().catch(() => {});
      await browser.close();
      closeActiveCaches();
      await app.close();
      await sim.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
