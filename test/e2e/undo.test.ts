import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contract';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { AppPage } from './pages/app-page';
import { BillsPage } from './pages/bills-page';

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
const money = (cents: number, currency: string) => new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
/** Cents as an operator types them in English: 1234.5 → "1234.50". */
const typed = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
/** A command of the core, as a window sends it, its answer typed by the contract. */
async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const result = await app.core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as CommandOutput<N>;
}

interface Target {
  id: number;
  transactionid: string;
  amountcents: number;
  currency: string;
  status: string;
}
const used = new Set<number>();
/** A bill awaiting payment with nothing paid, taken from the cache; each test its own. */
function awaitingPayment(): Target {
  const bills = db()
    .prepare(
      "SELECT id, transactionid, amountcents, currency, status FROM bill WHERE status = 'PENDING' AND paidcents = 0 AND amountcents >= 1000 AND transactionid <> '' ORDER BY id",
    )
    .all() as Target[];
  const bill = bills.find((b) => !used.has(b.id))!;
  used.add(bill.id);
  return bill;
}

/** The first sync is over: every bill is in the cache and no run starts meanwhile (the schedule is 5 minutes). */
async function firstSyncDone(): Promise<void> {
  await expect
    .poll(() => db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get(), { timeout: 60_000 })
    .toBeGreaterThanOrEqual(1);
}

async function openBill(bills: BillsPage, target: Target): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/bills/${target.id}`);
  await expect.poll(() => bills.detailStatus().textContent(), { timeout: 20_000 }).toBe('Awaiting payment');
}

const toast = () => page.locator('[data-undo-toast]');
const outboxEntry = (kind: string) => page.locator(`.outbox-entry[data-kind="${kind}"]`);

beforeAll(async () => {
  fixture = await startConnectedApp('undo', 200);
  ({ sim, app, page } = fixture);
});
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('undo before the shop gets it', () => {
  it('undoes a payment from the toast: the bill is back as before, and the next sync sends the site nothing', async () => {
    const bills = new BillsPage(page);
    await firstSyncDone();
    const target = awaitingPayment();
    const before = sim.shop.read('bills', target.id)!;
    await openBill(bills, target);

    await bills.recordPayment({ mode: 'Transfer', amount: typed(target.amountcents), reference: 'SEPA-UNDO-1' });
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Paid');
    await expect.poll(() => bills.detailPending().count()).toBe(1);
    await expect.poll(() => toast().getAttribute('data-undo-toast')).toBe('offered');
    expect(await toast().textContent()).toContain(
      `Payment of ${money(target.amountcents, target.currency)} recorded on bill ${target.id}: it goes to the site with the next sync.`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'undo-toast-payment.png') });

    await toast().getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => toast().getAttribute('data-undo-toast')).toBe('undone');
    expect(await toast().textContent()).toContain('Undone: nothing was sent to the site.');
    // The bill as it was: its state, nothing paid, no pending marker, the payment form offering the whole amount.
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Awaiting payment');
    await expect.poll(() => bills.detailPending().count()).toBe(0);
    await expect
      .poll(() =>
        bills
          .paymentForm()
          .getByLabel(/^Amount/)
          .inputValue(),
      )
      .toBe(typed(target.amountcents));
    await page.screenshot({ path: path.join(ARTIFACTS, 'undo-toast-undone.png') });
    expect((await call('outbox.list', {})).entries.filter((e) => e.entityId === target.id)).toEqual([]);

    // A sync: the shop's bill is untouched, no payment reached it.
    expect((await call('sync.start', {})).outcome).toBe('done');
    const after = sim.shop.read('bills', target.id)!;
    expect({ status: after.status, paidcents: after.paidcents, payments: after.payments }).toEqual({
      status: before.status,
      paidcents: before.paidcents,
      payments: before.payments,
    });
    expect(after.paidcents).toBe(0);
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Awaiting payment');
  });

  it('says in the outbox what waits (the bill, its customer, old → new) and undoes it from there, in French too', async () => {
    const bills = new BillsPage(page);
    const shell = new AppPage(page);
    const target = awaitingPayment();
    const part = Math.floor(target.amountcents / 4);
    await openBill(bills, target);
    await bills.recordPayment({ mode: 'Check', amount: typed(part), reference: 'CHQ-UNDO-2' });
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Partly paid');

    // A product repriced, as the Catalogs workspace would (the same command).
    const item = (await call('catalogs.get', { id: 1 })).items.find((i) => i.origin === 'own')!;
    const { sold: _s, origin: _o, masterItemId: _m, localState: _l, localOnly: _lo, undoable: _u, ...draft } = item;
    const newPrice = item.prices[0]!.unitcents + 2500;
    await call('catalogs.saveItem', { item: { ...draft, prices: [{ fromquantity: 1, unitcents: newPrice }, ...item.prices.slice(1)] } });

    await shell.nav('Sync').click();
    const payment = outboxEntry('bill.payment');
    await expect.poll(() => payment.count(), { timeout: 20_000 }).toBe(1);
    const paymentText = (await payment.textContent())!;
    expect(paymentText).toContain(`Payment of ${money(part, target.currency)} by check on bill ${target.id}`);
    expect(paymentText).toContain(`total ${money(target.amountcents, target.currency)}`);
    expect(paymentText).toContain(`transaction ${target.transactionid}`);
    expect(paymentText).toContain('ref. CHQ-UNDO-2');
    expect(await payment.locator('[data-field="status"]').textContent()).toMatch(/State:\s*Awaiting payment\s*→\s*after\s*Partly paid/);
    expect(await payment.locator('[data-field="paidcents"]').textContent()).toContain(money(part, target.currency));

    const product = outboxEntry('catalogItem.save');
    expect(await product.textContent()).toContain(`Product ${item.code} “${item.name}”`);
    const prices = (await product.locator('[data-field="prices"]').textContent())!;
    expect(prices).toContain('Price tiers (untaxed)');
    expect(prices).toContain(`from 1, ${money(item.prices[0]!.unitcents, 'EUR')}`);
    expect(prices).toContain(`from 1, ${money(newPrice, 'EUR')}`);
    expect(await product.locator('.change-fields li').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'outbox-described-en.png'), fullPage: true });

    // The same in French.
    await shell.nav('Settings').click();
    await shell.chooseLanguage('fr');
    await shell.nav('Synchronisation').click();
    await expect.poll(() => outboxEntry('bill.payment').textContent()).toContain(`Paiement de`);
    const french = (await outboxEntry('bill.payment').textContent())!.replace(/[\u00a0\u202f]/g, ' ');
    expect(french).toContain(`par chèque sur la facture ${target.id}`);
    expect(french).toMatch(/État\s*:\s*En attente de paiement\s*→\s*après\s*Payée en partie/);
    expect((await outboxEntry('catalogItem.save').textContent())!.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      `Produit ${item.code} « ${item.name} »`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'outbox-described-fr.png'), fullPage: true });
    await shell.nav('Paramètres').click();
    await shell.chooseLanguage('en', 'Langue');
    await shell.nav('Sync').click();

    // Undone from the list, after saying what it undoes.
    await outboxEntry('bill.payment')
      .getByRole('button', { name: /^Undo Payment of/ })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Undo this change?' });
    expect(await confirm.textContent()).toContain(`on bill ${target.id}`);
    await confirm.getByRole('button', { name: 'Undo the change' }).click();
    await expect.poll(() => outboxEntry('bill.payment').count()).toBe(0);
    expect(db().prepare("SELECT count(*) FROM outbox WHERE entity = 'bills' AND entity_id = ?").pluck().get(target.id)).toBe(0);
    await outboxEntry('catalogItem.save')
      .getByRole('button', { name: /^Undo Product/ })
      .click();
    await page.getByRole('dialog', { name: 'Undo this change?' }).getByRole('button', { name: 'Undo the change' }).click();
    await expect.poll(() => outboxEntry('catalogItem.save').count()).toBe(0);
    expect((await call('catalogs.get', { id: 1 })).items.find((i) => i.id === item.id)?.prices).toEqual(item.prices);
  });

  it('lists in the sync history what a sync sent, not only what it received', async () => {
    const bills = new BillsPage(page);
    const target = awaitingPayment();
    await openBill(bills, target);
    await bills.recordPayment({ mode: 'Check', amount: typed(1000), reference: 'CHQ-SENT-3' });
    await expect.poll(() => bills.detailStatus().textContent()).toBe('Partly paid');

    const shell = new AppPage(page);
    await shell.nav('Sync').click();
    await shell.button('Sync now').click();
    const history = page.getByRole('table').filter({ hasText: 'Started by' });
    const show = history.getByRole('button', { name: 'What was sent (1)' });
    await expect.poll(() => show.count(), { timeout: 20_000 }).toBe(1);
    expect(await history.getByRole('columnheader', { name: 'Sent' }).count()).toBe(1);
    await show.click();
    const sent = history.locator('.sent-change');
    await expect.poll(() => sent.count()).toBe(1);
    const text = (await sent.textContent())!;
    expect(text).toContain(`Payment of ${money(1000, target.currency)} by check on bill ${target.id}`);
    expect(text).toContain('ref. CHQ-SENT-3');
    expect(text).toContain('Applied');
    await page.screenshot({ path: path.join(ARTIFACTS, 'sync-history-sent.png'), fullPage: true });
    expect(sim.shop.read('bills', target.id)?.paidcents).toBe(1000);
  });
});
