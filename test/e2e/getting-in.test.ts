import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { AppPage } from './pages/app-page';

/**
 * Issue 15, item 11: a person who reaches the app's address without its launch secret is told how to open it,
 * in their browser's language; inside the app, F1 opens the user guide in the app's language.
 */
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
let browser: Browser;
let app: BrowserMode;
let dataDir: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-getting-in-'));
  app = await startBrowserMode({ dataDir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('getting in', () => {
  it('shows a browser without the secret a page saying how to open the app, in its language', async () => {
    for (const [locale, heading] of [
      ['fr-FR', 'Ouvrez le back-office avec son adresse de lancement'],
      ['en-GB', 'Open the back-office with its launch address'],
    ] as const) {
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // The address without its ?secret=, as a bookmark or a copied address has it.
      const response = await page.goto(`${app.transport.origin}/`);
      expect(response?.status()).toBe(401);
      expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(heading);
      expect(await page.textContent('body')).toContain('npm run demo');
      // Nothing of the app ran, and no secret is on the page.
      expect(await page.getByRole('navigation').count()).toBe(0);
      expect(await page.content()).not.toContain(new URL(app.transport.launchUrl).searchParams.get('secret')!);
      await page.screenshot({ path: path.join(ARTIFACTS, `getting-in-401-${locale}.png`), fullPage: true });
      await context.close();
    }
    // A script asking the API without the secret keeps its JSON answer.
    const api = await fetch(`${app.transport.origin}/api/invoke/settings.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('opens the user guide with F1, in the app’s language', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(app.transport.launchUrl);
    const shell = new AppPage(page);
    await expect.poll(() => shell.nav('Bills').count(), { timeout: 20_000 }).toBe(1);
    await page.keyboard.press('F1');
    const guide = page.getByRole('dialog', { name: 'User guide' });
    await expect.poll(() => guide.count()).toBe(1);
    for (const heading of [/^The workspaces, and who uses them/, /^Lettering: matching bills/, /^Production: what a sale sets up/])
      expect(await guide.getByRole('heading', { name: heading }).count(), String(heading)).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'getting-in-guide-en.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => guide.count()).toBe(0);

    // In French, from the button at the foot of the navigation as well.
    await shell.openSettings();
    await shell.chooseLanguage('fr');
    await page.getByRole('button', { name: 'Guide d’utilisation' }).click();
    const guide_fr = page.getByRole('dialog', { name: 'Guide d’utilisation' });
    await expect.poll(() => guide_fr.count()).toBe(1);
    expect(await guide_fr.getByRole('heading', { name: /^Le lettrage/ }).count()).toBe(1);
    expect(await guide_fr.getByRole('heading', { name: /^La mise en place/ }).count()).toBe(1);
    // French typography: no plain space before a colon.
    expect(await guide_fr.textContent()).not.toMatch(/ :/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'getting-in-guide-fr.png') });
    await context.close();
  });
});
