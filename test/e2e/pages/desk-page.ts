import type { Locator, Page } from 'playwright-core';

/** What every workspace shares: the panel beside a list, the command palette (Ctrl+K), the shortcuts sheet (?). */
export class DeskPage {
  constructor(readonly page: Page) {}

  panelEdge() {
    return this.page.getByRole('separator', { name: /^Panel edge/ });
  }

  unfoldButton() {
    return this.page.getByRole('button', { name: /^Show the panel/ });
  }

  palette() {
    return this.page.getByRole('dialog', { name: 'Command palette' });
  }

  paletteInput() {
    return this.palette().getByRole('combobox', { name: 'Command, bill number or customer' });
  }

  paletteOptions() {
    return this.palette().getByRole('option');
  }

  paletteGroup(name: string) {
    return this.palette().getByRole('group', { name });
  }

  sheet() {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  async openPalette() {
    await this.page.keyboard.press('Control+k');
    await this.palette().waitFor();
  }

  /** A box as the operator sees it: inside the window, and not scrolled out of its table. */
  static async seenInside(element: Locator, frame: Locator): Promise<boolean> {
    const [box, outer, viewport] = await Promise.all([
      element.boundingBox(),
      frame.evaluate((el) => {
        const rect = el.getBoundingClientRect();
        // The scroll container's visible area, without its scrollbar.
        return { x: rect.x, y: rect.y, width: el.clientWidth, height: el.clientHeight };
      }),
      element.page().viewportSize(),
    ]);
    if (!box || !viewport) return false;
    const inWindow = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
    const inFrame =
      box.x >= outer.x - 0.5 &&
      box.x + box.width <= outer.x + outer.width + 0.5 &&
      box.y >= outer.y - 0.5 &&
      box.y + box.height <= outer.y + outer.height + 0.5;
    return inWindow && inFrame;
  }
}
