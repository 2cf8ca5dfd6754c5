import { z } from 'zod';
import { command } from './define';
import { cacheFillingSchema } from './bills';

const totals = z.object({
  placedCount: z.number().int(),
  placedCents: z.number().int(),
  pendingCount: z.number().int(),
  pendingCents: z.number().int(),
  paidCount: z.number().int(),
  paidCents: z.number().int(),
});

export const customerRowSchema = z.object({
  id: z.number().int(),
  firstname: z.string(),
  lastname: z.string(),
  email: z.string(),
  organisation: z.string(),
  city: z.string(),
  country: z.string(),
  currency: z.string(),
  totals,
  pending: z.object({ kind: z.string(), state: z.enum(['pending', 'parked', 'conflict']) }).nullable(),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;

export const invoicingDetailsSchema = z
  .object({
    firstname: z.string().trim().min(1).max(100),
    lastname: z.string().trim().min(1).max(100),
    email: z.email().max(254),
    organisation: z.string().trim().max(255),
    address: z.string().trim().max(500),
    zip: z.string().trim().max(20),
    city: z.string().trim().max(120),
    country: z.string().trim().length(2),
    invoiceinfo: z.string().max(4000),
  })
  .strict();

export const customerDetailSchema = z.object({
  customer: customerRowSchema.extend({
    address: z.string(),
    zip: z.string(),
    invoiceinfo: z.string(),
    hasaccount: z.number().int(),
    version: z.number().int(),
  }),
  /**
   * Credit notes on the customer's bills: how many, what they credit and what was refunded (incl. VAT), those
   * waiting in the outbox included (`waiting` of them), as the bills' detail lists them.
   */
  credits: z.object({
    count: z.number().int(),
    creditedCents: z.number().int(),
    refundedCents: z.number().int(),
    waiting: z.number().int(),
  }),
  /** The Moodle profile of the linked account, on the active site; null when the customer has none. */
  moodleProfileUrl: z.string().nullable(),
  bills: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      status: z.string(),
      emissiondate: z.number().int(),
      amountcents: z.number().int(),
      currency: z.string(),
    }),
  ),
  products: z.array(
    z.object({
      id: z.number().int(),
      reference: z.string(),
      itemcode: z.string(),
      itemname: z.string(),
      startdate: z.number().int(),
      enddate: z.number().int(),
      /** Ends within 30 days: a renewal to propose. */
      endingSoon: z.boolean(),
    }),
  ),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

export const customersCommands = {
  'customers.list': command(
    'Customers matching a search, with what they placed, owe and paid',
    z
      .object({
        search: z.string().max(200).default(''),
        sort: z.enum(['name', 'organisation', 'paid', 'pending']).default('name'),
        /** Omitted: names A→Z, amounts largest first. */
        direction: z.enum(['asc', 'desc']).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    z.object({ rows: z.array(customerRowSchema), total: z.number().int(), filling: cacheFillingSchema.optional() }),
  ),
  'customers.get': command(
    'One customer with bills, products and the linked Moodle account',
    z.object({ id: z.number().int().positive() }).strict(),
    customerDetailSchema,
  ),
  'customers.updateInvoicing': command(
    "Change a customer's invoicing details; queued for the shop",
    z.object({ id: z.number().int().positive(), details: invoicingDetailsSchema }).strict(),
    /** With the outbox entry it queued: what outbox.undo takes back. */
    customerDetailSchema.extend({ queued: z.array(z.number().int()) }),
  ),
};
