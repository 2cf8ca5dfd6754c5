import type { Page } from 'playwright-core';

/** Settings › Invoicing, as an operator sees it. */
export class InvoicingPage {
  constructor(readonly page: Page) {}

  section(title = 'Invoicing') {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  field(label: string, title?: string) {
    return this.section(title).getByLabel(label, { exact: true });
  }

  fieldErrors(label: string, title?: string) {
    return this.section(title)
      .locator('.field-invalid', { has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-error p');
  }

  missing(title?: string) {
    return this.section(title).locator('.missing-mentions li');
  }

  save(name = 'Save the invoicing settings', title?: string) {
    return this.section(title).getByRole('button', { name, exact: true });
  }
}
