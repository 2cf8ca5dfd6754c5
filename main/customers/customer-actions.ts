import type { CustomerDetail, invoicingDetailsSchema } from '../../shared/contract/customers';
import type { Db } from '../db/open';
import { enqueue } from '../sync/outbox';
import { getCustomer } from './customer-query';
import type { z } from 'zod';
import { refusal } from '../../shared/errors/error-text';

/**
 * The operator corrects a customer's invoicing identity. Queued for the shop (local_shopbackoffice_update_customer)
 * on the version the cache has; the customer shows the new details at once (main/sync/overlay.ts). If the
 * customer was changed on the site meanwhile, the shop answers with a conflict, parked with its version
 * for the operator to compare.
 */
export function updateInvoicing(
  db: Db,
  input: { id: number; details: z.output<typeof invoicingDetailsSchema> },
  options: { siteUrl: string | null; now: number },
): CustomerDetail & { queued: number[] } {
  const seq = db.transaction(() => {
    const version = db.prepare<[number], number>('SELECT version FROM customer WHERE id = ?').pluck().get(input.id);
    if (version === undefined)
      throw refusal(
        'customer_not_found',
        'customer.notInCache',
        { id: input.id },
        {
          id: input.id,
        },
      );
    return enqueue(db, { kind: 'customer.update', entityId: input.id, baseVersion: version, payload: { id: input.id, ...input.details } })
      .seq;
  })();
  return { ...getCustomer(db, input.id, options), queued: [seq] };
}
