import { afterEach, beforeEach } from 'vitest';

/**
 * jsdom has no modal dialogs: showModal() and close() are given the browser's effect on `open` and the
 * 'close' event, so what a component test checks is the app's side (opened once, onClose after close(), what
 * the dialog shows), not the browser's focus trap. Call it at the top of a test file; it counts the openings.
 */
export function withModalDialogs(): { opened(): number } {
  let opened = 0;
  const prototype = HTMLDialogElement.prototype;
  const own = { showModal: prototype.showModal, close: prototype.close };
  beforeEach(() => {
    opened = 0;
    prototype.showModal = function (this: HTMLDialogElement) {
      if (this.open) throw new DOMException('already open', 'InvalidStateError');
      opened += 1;
      this.setAttribute('open', '');
    };
    prototype.close = function (this: HTMLDialogElement) {
      if (!this.open) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
  afterEach(() => Object.assign(prototype, own));
  return { opened: () => opened };
}
