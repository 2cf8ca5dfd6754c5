import { screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/contract';
import { renderWithApi } from '../api/render-with-api.test-support';
import { ConfirmDialog } from './confirm-dialog';
import { Modal } from './modal';
import { withModalDialogs } from './modal-dialogs.test-support';

/** What is tested is the app's side of its dialogs (modal-dialogs.test-support.ts), not the browser's focus trap. */
const dialogs = withModalDialogs();

const escape = (dialog: HTMLElement) => {
  const cancel = new Event('cancel', { cancelable: true });
  dialog.dispatchEvent(cancel);
  return cancel.defaultPrevented;
};

describe('Modal', () => {
  it('opens once as a modal, even when StrictMode runs its effect twice, labelled by its heading', () => {
    renderWithApi(
      <StrictMode>
        <Modal labelledBy="t" onClose={() => {}}>
          <h2 id="t">Remove the site?</h2>
        </Modal>
      </StrictMode>,
    );
    expect(dialogs.opened()).toBe(1);
    expect(screen.getByRole('dialog', { name: 'Remove the site?' })).toHaveProperty('open', true);
  });

  it('lets Escape close it unless it is not dismissible', () => {
    const { rerender } = renderWithApi(
      <Modal label="Export" dismissible={false} onClose={() => {}}>
        <p>running</p>
      </Modal>,
    );
    expect(escape(screen.getByRole('dialog', { name: 'Export' }))).toBe(true);
    rerender(
      <Modal label="Export" onClose={() => {}}>
        <p>done</p>
      </Modal>,
    );
    expect(escape(screen.getByRole('dialog', { name: 'Export' }))).toBe(false);
  });
});

describe('ConfirmDialog', () => {
  it('runs the confirmation once however often it is clicked, then closes', async () => {
    let finish = () => {};
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const onClose = vi.fn();
    const { user } = renderWithApi(
      <ConfirmDialog title="Cancel the bill?" confirmLabel="Cancel the bill" onConfirm={onConfirm} onClose={onClose}>
        It cannot be undone.
      </ConfirmDialog>,
    );
    const confirm = screen.getByRole('button', { name: 'Cancel the bill' });
    await user.click(confirm);
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    finish();
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('shows a refusal in its words and stays open, ready to try again', async () => {
    const onConfirm = vi
      .fn()
      .mockRejectedValueOnce(new AppError('moodle_exception', 'The bill is locked'))
      .mockResolvedValueOnce(undefined);
    const onClose = vi.fn();
    const { user } = renderWithApi(
      <ConfirmDialog title="Cancel the bill?" confirmLabel="Cancel the bill" onConfirm={onConfirm} onClose={onClose}>
        It cannot be undone.
      </ConfirmDialog>,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel the bill' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The site reported an error');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Cancel the bill' }).getAttribute('aria-disabled')).toBe('false');
    await user.click(screen.getByRole('button', { name: 'Cancel the bill' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
