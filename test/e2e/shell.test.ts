import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { startCaptureSite, type CaptureSite } from '../support/capture-site';
import { launchChromium } from '../support/chromium';
import { AppPage } from './pages/app-page';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
let browser: Browser;
let site: CaptureSite;
let app: BrowserMode;
let dataDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
  site = await startCaptureSite();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(locale: string): Promise<AppPage> {
  context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  await context.tracing.start({ screenshots: true, snapshots: true });
  page = await context.newPage();
  await page.goto(app.transport.launchUrl);
  return new AppPage(page);
}

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-'));
  app = await startBrowserMode({ dataDir });
});
afterEach(async (test) => {
  // Keep a trace and a screenshot of a failing test; the passing ones keep their deliberate screenshots.
  const failed = test.task.result?.state === 'fail';
  const name = test.task.name.replace(/\W+/g, '-');
  if (failed && page) await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-${name}.png`) }).catch(() => {});
  await context?.tracing.stop(failed ? { path: path.join(ARTIFACTS, `FAILED-${name}.trace.zip`) } : {}).catch(() => {});
  await context?.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the app shell in browser mode', () => {
  it('switches the language from English to French and the UI follows', async () => {
    const shell = await open('en-GB');
    await expect.poll(() => shell.nav('Bills').isVisible()).toBe(true);
    await shell.openSettings();
    await shell.chooseLanguage('fr');
    await expect.poll(() => shell.nav('Factures').isVisible()).toBe(true);
    expect(await shell.nav('Bills').count()).toBe(0);
    expect(await shell.nav('Paramètres').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-fr.png') });
    // The choice is a saved preference: a reload keeps it.
    await page.reload();
    await expect.poll(() => shell.nav('Factures').isVisible()).toBe(true);
  });

  it('starts in French when the system locale is French', async () => {
    const shell = await open('fr-FR');
    await expect.poll(() => shell.nav('Factures').isVisible()).toBe(true);
  });

  it('adds a site profile after testing its connection, and shows it in the status bar', async () => {
    const shell = await open('en-GB');
    await shell.openSettings();
    await shell.fillNewProfile({ name: 'Formation Été', url: site.url, token: site.token });
    await shell.button('Test connection').click();
    await expect.poll(() => page.getByText('Real Moodle Test Site').first().isVisible()).toBe(true);
    // The captured service lacks functions the back-office needs: they are named for the administrator.
    await expect.poll(() => page.getByText('core_user_get_users').first().isVisible()).toBe(true);
    await shell.button('Save').click();
    await expect.poll(() => shell.statusBar().textContent()).toContain('Formation Été');
    await page.screenshot({ path: path.join(ARTIFACTS, 'settings-profile.png'), fullPage: true });
    expect(fs.readFileSync(path.join(dataDir, 'profiles.json'), 'utf8')).toContain('Formation Été');
  });
});
