import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';
import { ARTIFACTS } from './connected-app';
import { BillsPage } from './pages/bills-page';

let sim: SimulatedSite | undefined;
let app: BrowserMode | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await app?.close();
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * The first sync fills an empty cache in bulk and builds its search and sort indexes at the end
 * (main/sync/bulk-load.ts), so the Bills table has no rows to show before then: it says why, and how far the
 * sync is, instead of "no bills".
 */
it('says the first sync is filling the data while it runs, then shows the bills', async () => {
  sim = await startSimulatedSite({ demo: { bills: 300 } });
  // The site takes its time over the second page of bills: the first sync is still running when Bills opens.
  sim.injectFault('local_shopbackoffice_sync_bills', { kind: 'stall', ms: 4000 }, 1);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-first-sync-'));
  app = await startBrowserMode({ dataDir });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(app.transport.launchUrl);
    const created = await app.core.dispatch(
      'profiles.create',
      { name: 'Formations Lumière', url: sim.url, token: sim.adminToken },
      { transport: 'internal' },
    );
    expect(created.ok).toBe(true);
    const bills = new BillsPage(page);
    await page.goto(`${new URL(page.url()).origin}/#/bills`);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'The first sync is filling the local data' }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'bills-first-sync.png') });
    await expect.poll(() => bills.summary().textContent(), { timeout: 30_000 }).toContain('300 bills');
    expect(await page.getByRole('status').filter({ hasText: 'The first sync is filling the local data' }).count()).toBe(0);
  } finally {
    await browser.close();
  }
}, 90_000);
