import { z } from 'zod';
import { billRecord, catalogItemRecord, catalogRecord, categoryRecord, customerRecord } from './records';

/** Answers of the shop API's writes (docs/shop-api.md, "Writes"). */
function versionedAnswer<R extends z.ZodType>(record: R) {
  return z.object({
    status: z.enum(['applied', 'conflict', 'gone']),
    replayed: z.union([z.literal(0), z.literal(1)]),
    id: z.number().int(),
    version: z.number().int(),
    current: record.optional(),
  });
}

export const saveCatalogAnswer = versionedAnswer(catalogRecord);
export const saveCategoryAnswer = versionedAnswer(categoryRecord);
export const saveCatalogItemAnswer = versionedAnswer(catalogItemRecord);
export const updateCustomerAnswer = versionedAnswer(customerRecord);
export const deleteAnswer = versionedAnswer(z.never());

export const transitionBillAnswer = z.object({
  status: z.enum(['applied', 'conflict']),
  replayed: z.union([z.literal(0), z.literal(1)]),
  bill: billRecord,
});

export const recordPaymentAnswer = z.object({
  status: z.literal('applied'),
  replayed: z.union([z.literal(0), z.literal(1)]),
  paymentid: z.number().int(),
  bill: billRecord,
});

export const recordRefundAnswer = z.object({
  status: z.literal('applied'),
  replayed: z.union([z.literal(0), z.literal(1)]),
  creditnoteid: z.number().int(),
  number: z.string(),
  bill: billRecord,
});

export const setLetteringAnswer = z.object({
  status: z.literal('applied'),
  replayed: z.union([z.literal(0), z.literal(1)]),
  bill: billRecord,
});

export const recordProductionAnswer = z.object({
  status: z.literal('applied'),
  replayed: z.union([z.literal(0), z.literal(1)]),
  productids: z.array(z.number().int()),
  eventids: z.array(z.number().int()),
  bill: billRecord,
});
