import { z } from 'zod';
import {
  billRecord,
  catalogItemRecord,
  catalogRecord,
  categoryRecord,
  customerRecord,
  productEventRecord,
  productRecord,
  shopRecord,
  taxRecord,
} from './records';

/** Every entity the sync API pages through, its web service function and its record schema. */
export const syncEntities = {
  shops: { fn: 'local_shopbackoffice_sync_shops', record: shopRecord },
  taxes: { fn: 'local_shopbackoffice_sync_taxes', record: taxRecord },
  catalogs: { fn: 'local_shopbackoffice_sync_catalogs', record: catalogRecord },
  categories: { fn: 'local_shopbackoffice_sync_categories', record: categoryRecord },
  catalogitems: { fn: 'local_shopbackoffice_sync_catalogitems', record: catalogItemRecord },
  customers: { fn: 'local_shopbackoffice_sync_customers', record: customerRecord },
  bills: { fn: 'local_shopbackoffice_sync_bills', record: billRecord },
  products: { fn: 'local_shopbackoffice_sync_products', record: productRecord },
  productevents: { fn: 'local_shopbackoffice_sync_productevents', record: productEventRecord },
} as const;

export type SyncEntity = keyof typeof syncEntities;
export const syncEntityNames = Object.keys(syncEntities) as SyncEntity[];

export const syncCursor = z.object({ timemodified: z.number().int(), id: z.number().int() });
export type SyncCursor = z.infer<typeof syncCursor>;

export function syncPageSchema<E extends SyncEntity>(entity: E) {
  return z.object({
    rows: z.array(syncEntities[entity].record),
    deleted: z.array(z.object({ id: z.number().int(), timemodified: z.number().int() })),
    next: syncCursor,
    hasmore: z.union([z.literal(0), z.literal(1)]),
    remaining: z.number().int(),
    servertime: z.number().int(),
  });
}

export type SyncPage<E extends SyncEntity> = z.infer<ReturnType<typeof syncPageSchema<E>>>;
