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

  /** The amount a figure card shows (its title and hint left out). */
  amount(title: string) {
    const titled = this.page.locator('.dashboard-figure-title', { hasText: new RegExp(`^${title}$`) });
    return this.page.locator('.dashboard-figure', { has: titled }).locator('.dashboard-figure-amount');
  }

  /** The days of the period on screen, as the controls spell them ("1 Jan 2026 – 31 Dec 2026"). */
  periodText() {
    return this.page.locator('.dashboard-period-text');
  }

  /** Chooses the custom period and types its two days, dd/mm/yyyy, with the controls named in the window's language. */
  async customPeriod(words: CustomPeriodWords, days: { from: string; to: string }) {
    await this.select(words.period).selectOption({ label: words.choice });
    await this.page.getByLabel(words.from, { exact: true }).fill(days.from);
    await this.page.getByLabel(words.to, { exact: true }).fill(days.to);
  }
}

export interface CustomPeriodWords {
  period: string;
  choice: string;
  from: string;
  to: string;
}

export const customPeriodWords: Record<'en' | 'fr', CustomPeriodWords> = {
  en: { period: 'Period', choice: 'Custom period…', from: 'From', to: 'To' },
  fr: { period: 'Période', choice: 'Période personnalisée…', from: 'Du', to: 'Au' },
};
