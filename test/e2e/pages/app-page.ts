import type { Page } from 'playwright-core';

/** The shell as an operator sees it: navigation, status bar, and the Settings workspace. */
export class AppPage {
  constructor(readonly page: Page) {}

  nav(label: string) {
    return this.page.getByRole('navigation').getByRole('link', { name: label, exact: true });
  }

  /** The window's status bar, by its name: other notices are live regions too, and may come first in the page. */
  statusBar() {
    return this.page.getByRole('status', { name: /^(Status|État)$/ });
  }

  async openSettings(label = 'Settings') {
    await this.nav(label).click();
  }

  async chooseLanguage(value: 'fr' | 'en' | 'system', label: 'Language' | 'Langue' = 'Language') {
    await this.page.getByLabel(label, { exact: true }).selectOption(value);
  }

  async fillNewProfile(
    fields: { name: string; url: string; token: string },
    labels = { name: 'Name', url: 'Moodle site address', token: 'Web service token' },
  ) {
    await this.page.getByLabel(labels.name, { exact: true }).fill(fields.name);
    await this.page.getByLabel(labels.url, { exact: true }).fill(fields.url);
    await this.page.getByLabel(labels.token, { exact: true }).fill(fields.token);
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
}
