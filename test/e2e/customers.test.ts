import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { CustomersPage } from './pages/customers-page';
import { activeCache } from '../support/active-cache';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;

beforeAll(async () => {
  fixture = await startConnectedApp('customers', 200);
  ({ sim, app, page } = fixture);
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('the Customers workspace', () => {
  it('finds a customer, refuses a bad email under its field, and takes new invoicing details to the shop', async () => {
    const shell = new AppPage(page);
    const customers = new CustomersPage(page);
    // Once the first sync is over, every customer is in the cache.
    const db = activeCache(app.dataDir);
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

    // Who paid most first; a second click turns it: who paid least. The core sorts.
    const firstBy = (order: string) =>
      db
        .prepare(
          `SELECT c.firstname || ' ' || c.lastname FROM customer_totals t JOIN customer c ON c.id = t.customerid ORDER BY ${order} LIMIT 1`,
        )
        .pluck()
        .get() as string;
    await customers.sortBy('Paid').click();
    await expect.poll(() => customers.columnHeader('Paid').getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => customers.rows().first().textContent()).toContain(firstBy('t.paid_cents DESC, t.customerid DESC'));
    await customers.sortBy('Paid').click();
    await expect.poll(() => customers.columnHeader('Paid').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => customers.rows().first().textContent()).toContain(firstBy('t.paid_cents ASC, t.customerid ASC'));

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
