import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { launchChromium } from '../support/chromium';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';
import { AppPage } from './pages/app-page';
import { CustomersPage } from './pages/customers-page';

const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results/e2e');
let browser: Browser;
let sim: SimulatedSite;
let app: BrowserMode;
let dataDir: string;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  sim = await startSimulatedSite({ demo: { bills: 200 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-customers-'));
  app = await startBrowserMode({ dataDir });
  const created = await app.core.dispatch(
    'profiles.create',
    { name: 'Formations Lumière', url: sim.url, token: sim.adminToken },
    { transport: 'internal' },
  );
  expect(created.ok).toBe(true);
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  await context.tracing.start({ screenshots: true, snapshots: true });
  page = await context.newPage();
  await page.goto(app.transport.launchUrl);
});
afterEach(async (test) => {
  if (test.task.result?.state !== 'fail') return;
  const name = test.task.name.replace(/\W+/g, '-');
  await page.screenshot({ path: path.join(ARTIFACTS, `FAILED-customers-${name}.png`) }).catch(() => {});
  await context.tracing.stop({ path: path.join(ARTIFACTS, `FAILED-customers-${name}.trace.zip`) }).catch(() => {});
});
afterAll(async () => {
  await context?.tracing.stop().catch(() => {});
  await browser?.close();
  await app?.close();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the Customers workspace', () => {
  it('finds a customer, refuses a bad email under its field, and takes new invoicing details to the shop', async () => {
    const shell = new AppPage(page);
    const customers = new CustomersPage(page);
    // Once the first sync is over, every customer is in the cache.
    const db = app.core.services.activeSite().db;
    await expect.poll(() => db.prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 30_000 }).toBe(1);
    const count = (db.prepare('SELECT count(*) FROM customer').pluck().get() as number).toLocaleString('en-GB');
    const target = db
      .prepare('SELECT id, firstname, lastname, email, hasaccount FROM customer WHERE hasaccount > 0 ORDER BY id LIMIT 1')
      .get() as {
      id: number;
      firstname: string;
      lastname: string;
      email: string;
      hasaccount: number;
    };

    await shell.nav('Customers').click();
    await expect.poll(() => customers.summary().textContent(), { timeout: 20_000 }).toContain(`${count} customer`);
    await customers.search().fill(target.email);
    await expect.poll(() => customers.rows().count()).toBe(1);
    await customers
      .rows()
      .first()
      .getByRole('link', { name: `${target.firstname} ${target.lastname}`.trim() })
      .click();
    await expect.poll(() => page.url()).toContain(`#/customers/${target.id}`);
    expect(await customers.moodleLink().getAttribute('href')).toContain(`/user/profile.php?id=${target.hasaccount}`);
    expect(await customers.moodleLink().getAttribute('target')).toBe('_blank');

    // The core validates; its message lands under the field it names.
    await customers.field('Email').fill('not an email');
    await customers.invoicing().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => customers.fieldErrors('Email').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'customer-field-error.png') });

    await customers.field('Email').fill('compta@lumiere-formation.example');
    await customers.field('City').fill('Grenoble');
    await customers.invoicing().getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => customers.pendingNotice().count()).toBe(1);
    await expect.poll(() => customers.rows().first().textContent()).toContain('Not yet sent');
    await page.screenshot({ path: path.join(ARTIFACTS, 'customer-pending.png') });

    const run = await app.core.dispatch('sync.start', {}, { transport: 'internal' });
    expect(run.ok).toBe(true);
    await expect.poll(() => customers.pendingNotice().count(), { timeout: 20_000 }).toBe(0);
    const onSite = sim.shop.read('customers', target.id);
    expect(onSite?.email).toBe('compta@lumiere-formation.example');
    expect(onSite?.city).toBe('Grenoble');
  });
});
