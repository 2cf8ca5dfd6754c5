import type { Page } from 'playwright-core';

/** The Bills workspace as an operator sees it: the table with its tabs, search and headers, and a bill's panel. */
export class BillsPage {
  constructor(readonly page: Page) {}

  grid() {
    return this.page.getByRole('grid', { name: 'Bills' });
  }

  /** Data rows only (the header row has column headers, not cells). */
  rows() {
    return this.grid()
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') });
  }

  row(reference: number) {
    return this.rows().filter({ has: this.page.getByRole('link', { name: String(reference), exact: true }) });
  }

  /** "400 bills", "1 selected"...: what the table says it holds. */
  summary() {
    return this.page.locator('.table-summary');
  }

  tab(label: string) {
    return this.page.getByRole('tab', { name: new RegExp(`^${label}\\s*[\\d,…]`) });
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search bills' });
  }

  sortBy(column: string) {
    return this.grid()
      .getByRole('columnheader', { name: new RegExp(`^${column}`) })
      .getByRole('button');
  }

  columnHeader(column: string) {
    return this.grid().getByRole('columnheader', { name: new RegExp(`^${column}`) });
  }

  /** The bill open beside the table. */
  detail() {
    return this.page.getByRole('complementary');
  }

  detailStatus() {
    return this.detail().locator('.detail-status');
  }

  /** The "not yet on the site" notice of the open bill, present while its change waits for the shop. */
  detailPending() {
    return this.detail().locator('.pending-notice');
  }

  paymentForm() {
    return this.detail().getByRole('form', { name: 'Record a payment' });
  }

  async recordPayment(payment: { mode: 'Check' | 'Transfer'; amount?: string; reference: string }) {
    const form = this.paymentForm();
    await form.getByRole('radio', { name: payment.mode }).check();
    if (payment.amount !== undefined) await form.getByLabel(/^Amount/).fill(payment.amount);
    await form.getByLabel('Reference', { exact: true }).fill(payment.reference);
    await form.getByRole('button', { name: 'Record the payment' }).click();
  }
}
