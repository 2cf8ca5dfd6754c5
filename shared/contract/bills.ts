import { z } from 'zod';
import { operatorDateSchema } from './dates';
import { BILL_STATUSES } from '../bills/bill-status';
import { command, event } from './define';

export const billStatusSchema = z.enum(BILL_STATUSES);

/** The bills table's columns, as the reference's bills export names them (docs/shop-api.md records). */
export const billColumns = [
  'id',
  'transactionid',
  'idnumber',
  'title',
  'status',
  'emissiondate',
  'lastactiondate',
  'untaxedcents',
  'taxcents',
  'amountcents',
  'currency',
  'paymode',
  'customer',
  'organisation',
  'items',
] as const;
export const billColumnSchema = z.enum(billColumns);
export type BillColumn = z.infer<typeof billColumnSchema>;

/** What narrows the bills in view; the same object drives the table, the counts and the exports. */
export const billFilterSchema = z
  .object({
    status: billStatusSchema.optional(),
    /** Emission date range, Unix seconds, inclusive. */
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    paymode: z.string().max(40).optional(),
    minCents: z.number().int().optional(),
    maxCents: z.number().int().optional(),
    lettered: z.boolean().optional(),
    customerId: z.number().int().optional(),
    /** A catalog item code sold on the bill. */
    productCode: z.string().max(100).optional(),
    /** The dashboard's figures (docs/dashboard.md): one shop, one currency, a catalog sold on the bill, a payment received between two dates (Unix seconds, inclusive). */
    shopId: z.number().int().optional(),
    currency: z.string().max(3).optional(),
    catalogId: z.number().int().optional(),
    paidFrom: z.number().int().optional(),
    paidTo: z.number().int().optional(),
    /**
     * The "rest" of a dashboard chart (its top 10 left out): bills of none of these customers; bills with a line
     * (discount and shipping aside) of another product, or of another catalog (0: an item in no catalog).
     */
    exceptCustomerIds: z.array(z.number().int()).max(20).optional(),
    exceptProductCodes: z.array(z.string().max(100)).max(20).optional(),
    exceptCatalogIds: z.array(z.number().int()).max(20).optional(),
    /** Full text over customer names, emails, organisation, bill title and transaction ids; accents and case ignored. */
    search: z.string().max(200).optional(),
  })
  .strict();
export type BillFilter = z.infer<typeof billFilterSchema>;

/**
 * Present while a first sync (or a rebuild) fills the cache, or after one that did not finish: the list holds
 * only the rows received so far. `received`: the bills (customers) in the cache; `expected`: how many the shop
 * announced, once known.
 */
export const cacheFillingSchema = z.object({ received: z.number().int(), expected: z.number().int().nullable() });

export const billSortSchema = z.object({ column: billColumnSchema, direction: z.enum(['asc', 'desc']) }).strict();

/** A row of the bills table: the bill's own columns, its customer's name and organisation, its item codes. */
export const billRowSchema = z.object({
  id: z.number().int(),
  transactionid: z.string(),
  idnumber: z.string(),
  title: z.string(),
  status: billStatusSchema,
  emissiondate: z.number().int(),
  lastactiondate: z.number().int(),
  untaxedcents: z.number().int(),
  taxcents: z.number().int(),
  amountcents: z.number().int(),
  paidcents: z.number().int(),
  currency: z.string(),
  paymode: z.string(),
  customerId: z.number().int(),
  customer: z.string(),
  organisation: z.string(),
  items: z.string(),
  /** A local change to this bill waits for the shop: its kind, and whether it is pending, parked or in conflict. */
  pending: z.object({ kind: z.string(), state: z.enum(['pending', 'parked', 'conflict']) }).nullable(),
});
export type BillRow = z.infer<typeof billRowSchema>;

const moneyByRate = z.object({ taxratio: z.number().int(), untaxedcents: z.number().int(), taxcents: z.number().int() });

export const creditNoteSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  issuedat: z.number().int(),
  reason: z.string(),
  untaxedcents: z.number().int(),
  taxcents: z.number().int(),
  amountcents: z.number().int(),
  refundcents: z.number().int(),
  refundpaymode: z.string(),
  refundedon: z.number().int(),
  refundreference: z.string(),
  pending: z
    .object({
      state: z.enum(['pending', 'parked', 'conflict']),
      message: z.string().nullable(),
      /** The shop's refusal as a text key and values (shared/errors/error-text.ts), for the window's language. */
      text: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
    })
    .nullable(),
  lines: z.array(
    z.object({
      billitemid: z.number().int(),
      quantity: z.number().int(),
      totalcents: z.number().int(),
      taxratio: z.number().int(),
      taxcents: z.number().int(),
    }),
  ),
});
export type CreditNote = z.infer<typeof creditNoteSchema>;

export const refundPaymodes = ['check', 'transfer', 'card', 'paypal'] as const;

export const billDetailSchema = z.object({
  bill: billRowSchema.extend({
    discountcents: z.number().int(),
    shippingcents: z.number().int(),
    productionfeedback: z.string(),
    invoiceinfo: z.string(),
    shopId: z.number().int(),
  }),
  customer: z.object({
    id: z.number().int(),
    firstname: z.string(),
    lastname: z.string(),
    email: z.string(),
    organisation: z.string(),
    address: z.string(),
    zip: z.string(),
    city: z.string(),
    country: z.string(),
    hasaccount: z.number().int(),
  }),
  lines: z.array(
    z.object({
      id: z.number().int(),
      type: z.string(),
      itemcode: z.string(),
      abstract: z.string(),
      unitcents: z.number().int(),
      quantity: z.number().int(),
      totalcents: z.number().int(),
      taxratio: z.number().int(),
      taxcents: z.number().int(),
    }),
  ),
  taxesByRate: z.array(moneyByRate),
  payments: z.array(
    z.object({ id: z.number().int(), amountcents: z.number().int(), paymode: z.string(), paidon: z.number().int(), reference: z.string() }),
  ),
  /** Credit notes issued on the bill, oldest first; one waiting to be sent has a negative id and no number yet. */
  creditNotes: z.array(creditNoteSchema),
  /** Untaxed cents left to credit per line (issued and waiting credit notes taken off), by line id. */
  creditLeft: z.record(z.string(), z.number().int()),
  /** A credit note can be issued now: invoiced, paid, something left, none waiting to be sent. */
  refundable: z.boolean(),
  history: z.array(z.object({ fromstatus: z.string(), tostatus: z.string(), timecreated: z.number().int(), note: z.string() })),
  products: z.array(
    z.object({ id: z.number().int(), reference: z.string(), itemcode: z.string(), startdate: z.number().int(), enddate: z.number().int() }),
  ),
  /** Exactly the transitions the reference allows from the current status. */
  allowedTransitions: z.array(billStatusSchema),
  dueCents: z.number().int(),
});
export type BillDetail = z.infer<typeof billDetailSchema>;

const billId = z.object({ id: z.number().int().positive() }).strict();

/** A bill after an action queued for the shop, with the outbox entries it queued: what outbox.undo takes back. */
const billQueuedSchema = billDetailSchema.extend({ queued: z.array(z.number().int()) });

export const billsCommands = {
  'bills.list': command(
    'A window of the bills matching a filter, sorted (the table asks for the rows it shows)',
    z
      .object({ filter: billFilterSchema, sort: billSortSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) })
      .strict(),
    z.object({ rows: z.array(billRowSchema), total: z.number().int(), filling: cacheFillingSchema.optional() }),
  ),
  'bills.counts': command(
    "How many bills match the filter in each status, for the status tabs (the filter's own status is not applied: every tab is counted)",
    z.object({ filter: billFilterSchema }).strict(),
    z.object({ byStatus: z.record(z.string(), z.number().int()), total: z.number().int() }),
  ),
  'bills.get': command('One bill with its customer, lines, taxes per rate, payments, history and products', billId, billDetailSchema),
  'bills.transition': command(
    'Move a bill to another state (one the reference allows); queued for the shop',
    z.object({ id: z.number().int().positive(), to: billStatusSchema, note: z.string().max(500).default('') }).strict(),
    billQueuedSchema,
  ),
  'bills.recordPayment': command(
    'Record an offline payment (check or transfer); the state follows the amounts; queued for the shop',
    z
      .object({
        id: z.number().int().positive(),
        amountcents: z.number().int().positive(),
        paymode: z.enum(['check', 'transfer']),
        paidon: operatorDateSchema,
        reference: z.string().trim().max(100),
      })
      .strict(),
    billQueuedSchema,
  ),
  'bills.creditNote': command(
    'Issue a credit note for all or part of an invoiced, paid bill, and record its refund (its total); queued for the shop, which numbers it',
    z
      .object({
        id: z.number().int().positive(),
        reason: z.string().trim().max(255).default(''),
        /** The untaxed amount credited on each line, of the line's sign (a discount line is negative). */
        lines: z
          .array(
            z.object({ billitemid: z.number().int().positive(), quantity: z.number().int().min(0), totalcents: z.number().int() }).strict(),
          )
          .min(1)
          .max(500),
        refund: z
          .object({ paymode: z.enum(refundPaymodes), refundedon: operatorDateSchema, reference: z.string().trim().max(100) })
          .strict(),
      })
      .strict(),
    billDetailSchema,
  ),
};

export const billsEvents = {
  'bills.changed': event(
    'Bills changed in the cache (a sync page, an acknowledged action): tables refresh',
    z.object({ ids: z.array(z.number().int()).nullable() }),
  ),
};
