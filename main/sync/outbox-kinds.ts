import { z } from 'zod';
import { BILL_STATUSES } from '../../shared/bills/bill-status';
import { catalogItemRecord, catalogRecord, categoryRecord, customerRecord } from '../shop-api/records';
import type { SyncEntity } from '../shop-api/sync-entities';

/**
 * Every kind of local change the outbox carries, with the schema its payload must match. Entries are
 * validated when loaded: a row written by an older version, or damaged, is parked with a reason instead of
 * being sent half-understood.
 */
const serverOwned = { version: true, timemodified: true } as const;

export const outboxKinds = {
  'catalog.save': { entity: 'catalogs', payload: catalogRecord.omit(serverOwned) },
  'catalog.delete': { entity: 'catalogs', payload: z.object({}) },
  'category.save': { entity: 'categories', payload: categoryRecord.omit(serverOwned) },
  'category.delete': { entity: 'categories', payload: z.object({}) },
  'catalogItem.save': { entity: 'catalogitems', payload: catalogItemRecord.omit(serverOwned).omit({ sold: true }) },
  'catalogItem.delete': { entity: 'catalogitems', payload: z.object({}) },
  'customer.update': {
    entity: 'customers',
    payload: customerRecord.omit(serverOwned).omit({ shopid: true, hasaccount: true, timecreated: true }),
  },
  'bill.transition': {
    entity: 'bills',
    payload: z.object({ fromstatus: z.enum(BILL_STATUSES), tostatus: z.enum(BILL_STATUSES), note: z.string() }),
  },
  'bill.payment': {
    entity: 'bills',
    payload: z.object({
      amountcents: z.number().int().positive(),
      currency: z.string().length(3),
      paymode: z.enum(['check', 'transfer']),
      paidon: z.number().int(),
      reference: z.string().max(100),
    }),
  },
  'bill.lettering': { entity: 'bills', payload: z.object({ idnumber: z.string().max(64) }) },
  /** A credit note for all or part of the bill, and its refund (local_shopbackoffice_record_refund). */
  'bill.refund': {
    entity: 'bills',
    payload: z.object({
      reason: z.string().max(255),
      lines: z
        .array(z.object({ billitemid: z.number().int(), quantity: z.number().int().nonnegative(), totalcents: z.number().int() }))
        .min(1),
      refund: z.object({
        amountcents: z.number().int().positive(),
        currency: z.string().length(3),
        paymode: z.enum(['check', 'transfer', 'card', 'paypal']),
        refundedon: z.number().int(),
        reference: z.string().max(100),
      }),
    }),
  },
  'bill.production': {
    entity: 'bills',
    payload: z.object({
      billitemid: z.number().int(),
      products: z.array(
        z.object({
          id: z.number().int(),
          catalogitemid: z.number().int(),
          customerid: z.number().int(),
          contexttype: z.string(),
          instanceid: z.number().int(),
          startdate: z.number().int(),
          enddate: z.number().int(),
          reference: z.string(),
          productiondata: z.string(),
          extradata: z.string(),
        }),
      ),
      events: z.array(z.object({ productindex: z.number().int(), eventtype: z.string(), eventdata: z.string() })),
      feedback: z.string(),
    }),
  },
} as const satisfies Record<string, { entity: SyncEntity; payload: z.ZodType }>;

export type OutboxKind = keyof typeof outboxKinds;
export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof outboxKinds)[K]['payload']>;
export const outboxKindNames = Object.keys(outboxKinds) as OutboxKind[];

export function isOutboxKind(kind: string): kind is OutboxKind {
  return Object.prototype.hasOwnProperty.call(outboxKinds, kind);
}
