import type { Page } from 'playwright-core';

/** The audit of sales (Production workspace): the last audit and its button, the chips, the findings, the plan. */
export class AuditPage {
  constructor(readonly page: Page) {}

  tab(label = 'Audit of sales') {
    return this.page.getByRole('navigation', { name: /Production views|Vues de la mise en place/ }).getByRole('link', { name: label });
  }

  runButton() {
    return this.page.getByRole('button', { name: /^(Run the audit|Run the audit again|Lancer l’audit|Relancer l’audit)$/ });
  }

  /** The last audit's lines, the progress and the outcome. */
  runPanel() {
    return this.page.locator('.audit-run');
  }

  chip(kind: string) {
    return this.page.locator(`.kind-chips button[data-kind="${kind}"]`);
  }

  grid() {
    return this.page.getByRole('grid', { name: /^(Audit of sales|Audit des ventes)$/ });
  }

  rows() {
    return this.grid()
      .getByRole('row')
      .filter({ has: this.page.getByRole('gridcell') });
  }

  rowsOf(kind: string) {
    return this.grid().locator(`[role="row"][data-kind="${kind}"]`);
  }

  summary() {
    return this.page.locator('.audit-view .table-summary');
  }

  fixButton() {
    return this.page.getByRole('button', { name: /^(Fix|Corriger)( \d+)?…$/ });
  }

  exportButton() {
    return this.page.getByRole('button', { name: /^(Export to XLSX…|Exporter en XLSX…)$/ });
  }

  planDialog() {
    return this.page.getByRole('dialog', { name: /^(Fix|Corriger) \d+/ });
  }
}
