import type { Page } from 'playwright-core';

/** The Production workspace: a bill's lines, the participant grid with its paste area, the plan, the run. */
export class ProductionPage {
  constructor(readonly page: Page) {}

  participantsTable() {
    return this.page.locator('table.participant-grid');
  }

  participantRows() {
    return this.participantsTable().locator('tbody tr');
  }

  pasteArea() {
    return this.page.getByLabel(/^Paste rows from a spreadsheet/);
  }

  participantsFile() {
    return this.page.getByLabel(/^Add from a file/);
  }

  addPasted() {
    return this.page.getByRole('button', { name: 'Add the pasted rows' });
  }

  showPlan() {
    return this.page.getByRole('button', { name: 'Show the plan' });
  }

  run() {
    return this.page.getByRole('button', { name: /^(Run|Run again)$/ });
  }

  accounts() {
    return this.page.getByRole('table', { name: 'Accounts' });
  }

  accountRow(email: string) {
    return this.accounts().getByRole('row').filter({ hasText: email });
  }

  status() {
    return this.page.locator('.production-status');
  }

  log() {
    return this.page.getByRole('region', { name: 'Runs of this bill' });
  }
}
