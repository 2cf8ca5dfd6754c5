/**
 * Compile-time checks of read and write access (open.ts), run by `npm run typecheck`: if a read-only
 * connection could be handed to a module that writes, an @ts-expect-error below becomes unused and the
 * typecheck fails.
 */
import { recordPayment } from '../bills/bill-actions';
import { listBills } from '../bills/bill-query';
import type { ReadableDb, WritableDb } from './open';

export function accessChecks(readable: ReadableDb, writable: WritableDb): void {
  const payment: Parameters<typeof recordPayment>[1] = { id: 1, amountcents: 100, paymode: 'transfer', paidon: 0, reference: '' };
  // @ts-expect-error recording a payment writes: a read-only connection is refused
  recordPayment(readable, payment);
  recordPayment(writable, payment);
  // Reading takes either.
  listBills(readable, { filter: {}, offset: 0, limit: 1 } as Parameters<typeof listBills>[1]);
  listBills(writable, { filter: {}, offset: 0, limit: 1 } as Parameters<typeof listBills>[1]);
}
