import type { Page } from 'playwright-core';

/** The Catalogs workspace: the catalog list, its tabs, the products table with the editor, the tree, conflicts. */
export class CatalogsPage {
  constructor(readonly page: Page) {}

  catalog(name: string) {
    return this.page.getByRole('navigation', { name: 'Catalogs' }).getByRole('button', { name: new RegExp(name) });
  }

  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }

  itemRow(code: string) {
    return this.page.getByRole('grid', { name: 'Products of the catalog' }).locator(`[role="row"][data-code="${code}"]`);
  }

  async openItem(code: string) {
    await this.itemRow(code).getByRole('button', { name: code, exact: true }).click();
  }

  editor() {
    return this.page.locator('.item-editor');
  }

  field(label: string) {
    return this.editor().getByLabel(label, { exact: true });
  }

  fieldErrors(label: string) {
    return this.editor()
      .locator('.field-invalid')
      .filter({ has: this.page.getByLabel(label, { exact: true }) })
      .locator('.field-error');
  }

  async saveItem() {
    await this.editor().getByRole('button', { name: 'Save product' }).click();
  }

  treeItem(name: string) {
    return this.page.getByRole('tree', { name: 'Category tree' }).getByRole('treeitem', { name: new RegExp(`^${name}`) });
  }

  treeNames() {
    return this.page.getByRole('tree', { name: 'Category tree' }).locator('.category-name').allTextContents();
  }

  conflict(label: string) {
    return this.page.locator('.conflict-card').filter({ hasText: label });
  }
}
