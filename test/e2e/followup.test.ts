import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReceivableBill, Renewal } from '../../shared/contract/followup';
import type { BrowserMode } from '../../main/browser-mode/start-browser-mode';
import type { SimulatedSite } from '../sim/start-simulated-site';
import { activeCache } from '../support/active-cache';
import { ARTIFACTS, startConnectedApp, type ConnectedApp } from './connected-app';
import { BillsPage } from './pages/bills-page';
import { FollowupPage } from './pages/followup-page';
import { seriousViolations } from './support/axe';

/**
 * Follow-up, end to end: a payment reminder sent from Receivables reaches the customer's Moodle account on the
 * simulated site (a row of mdl_messages in the conversation with that account) and is recorded on the bill, as
 * its detail shows; several reminders ask for a confirmation first. Screenshots in both languages and themes,
 * each view checked by axe-core.
 */

let fixture: ConnectedApp;
let sim: SimulatedSite;
let app: BrowserMode;
let page: Page;
const db = () => activeCache(app.dataDir);
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const result = await app.core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
};
const goto = (hash: string) => page.goto(`${new URL(page.url()).origin}/${hash}`);

/** The messages the simulated site holds for a user's conversations, sent by someone else. */
function messagesTo(userid: number): { fullmessage: string; fullmessageformat: number }[] {
  return sim.db
    .prepare(
      `SELECT m.fullmessage, m.fullmessageformat FROM mdl_messages m
       JOIN mdl_message_conversation_members cm ON cm.conversationid = m.conversationid AND cm.userid = ?
       WHERE m.useridfrom <> ? ORDER BY m.id`,
    )
    .all(userid, userid) as { fullmessage: string; fullmessageformat: number }[];
}

beforeAll(async () => {
  fixture = await startConnectedApp('followup', 400);
  ({ sim, app, page } = fixture);
  // The first sync, finished: every bill is in the cache before the lists are read.
  const deadline = Date.now() + 60_000;
  while ((db().prepare("SELECT count(*) FROM sync_run WHERE outcome = 'done'").pluck().get() as number) < 1) {
    if (Date.now() > deadline) throw new Error('the first sync did not finish within a minute');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 120_000);
afterEach(async (test) => {
  if (test.task.result?.state === 'fail') await fixture.keepFailure(test.task.name);
});
afterAll(async () => {
  await fixture?.close();
});

describe('a payment reminder from Receivables', () => {
  it('is received on the site by the customer’s account and recorded on the bill', async () => {
    const { bills } = await call<{ bills: ReceivableBill[] }>('followup.receivableBills', {});
    const bill = bills.find((b) => b.hasAccount && b.daysLate > 0 && b.reminders === 0);
    expect(bill, 'the demo shop has an overdue bill of a customer with a Moodle account').toBeDefined();
    const userid = db().prepare('SELECT hasaccount FROM customer WHERE id = ?').pluck().get(bill!.customerId) as number;
    expect(messagesTo(userid)).toEqual([]);

    const followup = new FollowupPage(page);
    await goto('#/followup');
    await followup.totals().waitFor();
    await followup.tickBill(bill!.billId);
    await followup.remindButton().click();
    const dialog = followup.dialog();
    await expect.poll(() => followup.previewItems().count(), { timeout: 10_000 }).toBe(1);
    await dialog.getByLabel('Language of the message', { exact: true }).selectOption('en');
    const preview = (await followup.previewItems().first().locator('pre').textContent()) ?? '';
    expect(preview).toContain(`Dear ${bill!.customer},`);
    expect(preview).toContain(`bill ${bill!.number}`);
    expect(preview).toContain(`(${bill!.daysLate} days ago)`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'followup-reminder-dialog-en-light.png') });

    await dialog.getByRole('button', { name: 'Send the Moodle message', exact: true }).click();
    await dialog.getByText('1 sent. 0 without a Moodle account.').waitFor();

    // On the site: one message to the customer's account, the very text previewed, as plain text.
    expect(messagesTo(userid)).toEqual([{ fullmessage: preview, fullmessageformat: 2 }]);
    const call1 = sim.requests.filter((r) => r.wsfunction === 'core_message_send_instant_messages');
    expect(call1).toHaveLength(1);

    // On the bill: its detail lists the reminder, with the text sent.
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await goto(`#/bills/${bill!.billId}`);
    const detail = new BillsPage(page).detail();
    const section = detail.getByRole('region', { name: 'Reminders' });
    await section.waitFor({ timeout: 15_000 });
    await expect.poll(() => section.locator('li').count()).toBe(1);
    expect(await section.locator('li strong').textContent()).toMatch(/^Payment · Moodle message · /);
    expect(await section.locator('li').textContent()).toContain('sent');
    await section.getByText('Text sent').click();
    expect(await section.locator('.reminder-sent-text').textContent()).toBe(preview);
    await page.screenshot({ path: path.join(ARTIFACTS, 'followup-bill-reminders-en-light.png') });
  });

  it('asks for a confirmation before sending several, and sends nothing when cancelled', async () => {
    const { bills } = await call<{ bills: ReceivableBill[] }>('followup.receivableBills', {});
    const two = bills.filter((b) => b.hasAccount && b.reminders === 0).slice(0, 2);
    expect(two).toHaveLength(2);
    const before = sim.requests.filter((r) => r.wsfunction === 'core_message_send_instant_messages').length;
    const followup = new FollowupPage(page);
    await goto('#/followup');
    await followup.totals().waitFor();
    for (const bill of two) await followup.tickBill(bill.billId);
    await followup.remindButton().click();
    const dialog = followup.dialog();
    await expect.poll(() => followup.previewItems().count(), { timeout: 10_000 }).toBe(2);
    await dialog.getByRole('button', { name: 'Send 2 Moodle messages', exact: true }).click();
    const confirm = dialog.getByRole('alertdialog', { name: 'Send 2 reminders?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(sim.requests.filter((r) => r.wsfunction === 'core_message_send_instant_messages')).toHaveLength(before);
    expect(db().prepare('SELECT count(*) FROM bill_reminder WHERE bill_id IN (?, ?)').pluck().get(two[0]!.billId, two[1]!.billId)).toBe(0);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });
});

describe('the Follow-up workspace in both languages and themes', () => {
  it('shows receivables and renewals, readable in light and dark, with no serious or critical axe violation', async () => {
    // Each view has buttons, form fields and text on its own colours for axe to check, or its silence says nothing.
    const checked = ['color-contrast', 'button-name', 'label'];
    const { renewals } = await call<{ renewals: Renewal[] }>('followup.renewals', { horizonDays: 90 });
    for (const variant of [
      { language: 'en', theme: 'light' },
      { language: 'en', theme: 'dark' },
      { language: 'fr', theme: 'light' },
      { language: 'fr', theme: 'dark' },
    ] as const) {
      await call('settings.update', variant);
      const tag = `${variant.language}-${variant.theme}`;
      await goto('#/followup');
      await page.getByRole('tab', { name: variant.language === 'fr' ? 'Créances' : 'Receivables', exact: true }).click();
      await page.getByRole('table', { name: variant.language === 'fr' ? 'Totaux par devise' : 'Totals per currency' }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `followup-receivables-${tag}.png`), fullPage: true });
      expect(await seriousViolations(page, checked), `receivables ${tag}`).toEqual([]);
      // The reminder dialog, over the first bill of the list (what an earlier test left ticked is cleared first).
      const all = page.getByRole('checkbox', { name: variant.language === 'fr' ? 'Tout choisir' : 'Select all', exact: true });
      await all.check();
      await all.uncheck();
      await page.locator('tr[data-bill]').first().getByRole('checkbox').check();
      await page.getByRole('button', { name: variant.language === 'fr' ? /^Relancer \(1\)…$/ : /^Remind \(1\)…$/ }).click();
      await page.getByRole('dialog').locator('.reminder-preview li').first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `followup-reminder-dialog-${tag}.png`) });
      expect(await seriousViolations(page, checked), `reminder dialog ${tag}`).toEqual([]);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: variant.language === 'fr' ? 'Fermer' : 'Close', exact: true })
        .click();
      await page.locator('tr[data-bill]').first().getByRole('checkbox').uncheck();
      await page.getByRole('tab', { name: variant.language === 'fr' ? 'Renouvellements' : 'Renewals', exact: true }).click();
      if (renewals.length > 0) await page.locator('tr[data-product]').first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `followup-renewals-${tag}.png`), fullPage: true });
      expect(await seriousViolations(page, checked), `renewals ${tag}`).toEqual([]);
    }
    await call('settings.update', { language: 'en', theme: 'light' });
  });
});
