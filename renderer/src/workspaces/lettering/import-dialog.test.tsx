import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract';
import type { ImportPreview } from '../../../../shared/contract/lettering';
import { fakeApi } from '../../api/fake-api.test-support';
import { renderWithApi } from '../../api/render-with-api.test-support';
import { withModalDialogs } from '../../dialogs/modal-dialogs.test-support';
import { ImportDialog } from './import-dialog';

withModalDialogs();

/** Each file's upload has an id made from its name, so the test can tell whose chunks and discards they are. */
const uploadId = (name: string) =>
  name
    .replace(/[^a-z]/g, '')
    .padEnd(32, '0')
    .slice(0, 32)
    .replace(/[^0-9a-f]/g, 'a');
const preview: ImportPreview = {
  format: 'csv',
  sourceKey: 'reference;date;customer;amount',
  encoding: 'utf-8',
  headers: ['reference', 'date', 'customer', 'amount'],
  sample: [['FA-2026-000001', '2026-03-02', 'Dupré', '120.00']],
  mapping: { reference: 0, date: 1, customer: 2, amount: 3 },
  remembered: true,
  rows: 2,
};
const csv = (name: string) =>
  new File(['reference;date;customer;amount\nFA-2026-000001;2026-03-02;Dupré;120.00\n'], name, { type: 'text/csv' });

function setUp() {
  const api = fakeApi({
    // Four bytes a chunk: every file here takes several appends.
    'uploads.begin': ({ name }) => ({ id: uploadId(name), chunkBytes: 4 }),
    'uploads.append': ({ offset, base64 }) => ({ received: offset + atob(base64).length, complete: false }),
    'uploads.discard': ({ id }) => ({ id }),
    'lettering.preview': () => preview,
  });
  const rendered = renderWithApi(<ImportDialog onClose={() => {}} onImported={() => {}} />, { api });
  const input = screen.getByLabelText('File (FEC, CSV or XLSX)');
  return { ...rendered, api, input };
}

describe('importing invoices', () => {
  it('takes the sending bar away when a file cannot be sent, says why, and reads the next file picked', async () => {
    const { api, user, input } = setUp();
    api.answer('uploads.append', ({ id, offset, base64 }) => {
      if (id === uploadId('broken.csv') && offset > 0) throw new AppError('invalid_input', 'The disk is full.');
      return { received: offset + atob(base64).length, complete: false };
    });
    await user.upload(input, csv('broken.csv'));
    expect(await screen.findByText('The disk is full.')).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: 'Sending the file' })).toBeNull();
    expect(api.sentOf('uploads.discard')).toEqual([{ id: uploadId('broken.csv') }]);

    await user.upload(input, csv('invoices.csv'));
    expect(await screen.findByText('CSV file, 2 rows, UTF-8.')).toBeTruthy();
    expect(screen.queryByText('The disk is full.')).toBeNull();
    expect(api.sentOf('lettering.preview')).toEqual([{ source: { upload: uploadId('invoices.csv') } }]);
  });

  it('stops sending when the dialog is closed midway: what was sent is discarded and nothing is read', async () => {
    const { api, user, input, unmount } = setUp();
    let release: (() => void) | undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    api.answer('uploads.append', async ({ offset, base64 }) => {
      await held;
      return { received: offset + atob(base64).length, complete: false };
    });
    await user.upload(input, csv('first.csv'));
    await waitFor(() => expect(api.sentOf('uploads.append')).toHaveLength(1));
    expect(screen.getByRole('progressbar', { name: 'Sending the file' })).toBeTruthy();
    unmount();
    release?.();
    await waitFor(() => expect(api.sentOf('uploads.discard')).toContainEqual({ id: uploadId('first.csv') }));
    // The chunk on its way was the last: no other was sent once the dialog had gone.
    expect(api.sentOf('uploads.append')).toHaveLength(1);
    expect(api.sentOf('lettering.preview')).toEqual([]);
  });
});
