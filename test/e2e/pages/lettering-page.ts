import type { Page } from 'playwright-core';

/** The Lettering workspace: import dialog, suggestions, the two tables of manual matching, the matched list. */
export class LetteringPage {
  constructor(readonly page: Page) {}

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  tab(name: 'Suggestions' | 'Match by hand' | 'Matched') {
    return this.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  summary() {
    return this.page.locator('[data-lettering-summary]');
  }

  notice() {
    return this.page.locator('.lettering-workspace > .notice-success');
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Import invoices' });
  }

  async importFile(path: string) {
    await this.button('Import invoices…').click();
    await this.dialog().getByLabel('File (FEC, CSV or XLSX)').setInputFiles(path);
    await this.dialog().locator('[data-import-preview]').waitFor();
    await this.dialog().getByRole('button', { name: 'Import', exact: true }).click();
  }

  importResult() {
    return this.dialog().locator('.notice-success');
  }

  suggestions() {
    return this.page.getByRole('table', { name: 'Suggestions' }).locator('tbody tr');
  }

  suggestionsOf(kind: 'exact' | 'check') {
    return this.page.getByRole('table', { name: 'Suggestions' }).locator(`tbody tr[data-kind="${kind}"]`);
  }

  billFilter() {
    return this.page.getByRole('searchbox', { name: 'Filter bills' });
  }

  invoiceFilter() {
    return this.page.getByRole('searchbox', { name: 'Filter invoices' });
  }

  selectBill(id: number) {
    return this.page.getByRole('checkbox', { name: `Select bill ${id}`, exact: true });
  }

  selectInvoice(reference: string) {
    return this.page.getByRole('checkbox', { name: `Select invoice ${reference}`, exact: true });
  }

  tolerance() {
    return this.page.getByLabel('Tolerance', { exact: true });
  }

  balance() {
    return this.page.locator('.lettering-balance');
  }

  matchedRow(reference: string) {
    return this.page.getByRole('table', { name: 'Matched' }).locator('tbody tr').filter({ hasText: reference });
  }

  matchedSearch() {
    return this.page.getByRole('searchbox', { name: 'Search the matches' });
  }
}
