import type { Page } from 'playwright-core';

/** The Customers workspace: the list with its search, and a customer's panel with the invoicing form. */
export class CustomersPage {
  constructor(readonly page: Page) {}

  grid() {
    return this.page.getByRole('grid', { name: 'Customers' });
  }

  rows() {
    return this.grid()
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') });
  }

  columnHeader(column: string) {
    return this.grid().getByRole('columnheader', { name: new RegExp(`^${column}`) });
  }

  sortBy(column: string) {
    return this.columnHeader(column).getByRole('button');
  }

  search() {
    return this.page.getByRole('searchbox', { name: 'Search customers' });
  }

  /** "80 customers": what the list says it holds. */
  summary() {
    return this.page.locator('.table-summary');
  }

  detail() {
    return this.page.getByRole('complementary');
  }

  moodleLink() {
    return this.detail().getByRole('link', { name: /Moodle account/ });
  }

  invoicing() {
    return this.detail().getByRole('form', { name: 'Invoicing details' });
  }

  field(label: string) {
    return this.invoicing().getByLabel(label, { exact: true });
  }

  /** The messages under a field, as the core worded them. */
  fieldErrors(label: string) {
    return this.invoicing()
      .locator('.field-invalid')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-error');
  }

  pendingNotice() {
    return this.detail().locator('.pending-notice');
  }
}
