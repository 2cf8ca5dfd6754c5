import type { Page } from 'playwright-core';

/** The Dashboard workspace as a manager sees it: the controls, the figures, the charts and their tables. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  root() {
    return this.page.locator('.dashboard');
  }

  /** Waits until every chart has painted the current figures. */
  async painted() {
    await this.page.locator('.dashboard[data-painted]').waitFor({ timeout: 30_000 });
  }

  figure(title: string) {
    return this.page.getByRole('button', { name: new RegExp(`^${title}`) });
  }

  select(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }
}
