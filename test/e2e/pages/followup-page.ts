import type { Page } from 'playwright-core';

/** The Follow-up workspace as an operator sees it: its two tabs, the receivable bills, the reminder dialog. */
export class FollowupPage {
  constructor(readonly page: Page) {}

  tab(name: string) {
    return this.page.getByRole('tab', { name, exact: true });
  }

  totals() {
    return this.page.getByRole('table', { name: 'Totals per currency' });
  }

  billRow(billId: number) {
    return this.page.locator(`tr[data-bill="${billId}"]`);
  }

  productRow(productId: number) {
    return this.page.locator(`tr[data-product="${productId}"]`);
  }

  async tickBill(billId: number) {
    await this.billRow(billId).getByRole('checkbox').check();
  }

  remindButton() {
    return this.page.getByRole('button', { name: /^Remind \(\d+\)…$/ });
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  previewItems() {
    return this.dialog().getByRole('list', { name: 'Preview' }).getByRole('listitem');
  }
}
