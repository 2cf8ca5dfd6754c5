import { z } from 'zod';
import { command } from './define';

/**
 * Follow-up (issue 18, items 2 and 3): who owes us (receivables by age) and who is about to leave (renewals),
 * and the reminders sent to them. Money is integer cents with its currency; times are Unix seconds.
 */

/** The ageing buckets: not due yet, then days past the due date (emission date + the payment terms). */
export const AGEING_BUCKETS = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export const ageingBucketSchema = z.enum(AGEING_BUCKETS);
export type AgeingBucket = z.infer<typeof ageingBucketSchema>;

const cents = z.number().int();
const buckets = z.object({ notDue: cents, days1to30: cents, days31to60: cents, days61to90: cents, over90: cents });
export type BucketAmounts = z.infer<typeof buckets>;

export const receivableCustomerSchema = z.object({
  customerId: z.number().int(),
  customer: z.string(),
  organisation: z.string(),
  hasAccount: z.boolean(),
  currency: z.string(),
  bills: z.number().int(),
  buckets,
  totalCents: cents,
});
export type ReceivableCustomer = z.infer<typeof receivableCustomerSchema>;

export const receivableBillSchema = z.object({
  billId: z.number().int(),
  number: z.string(),
  customerId: z.number().int(),
  customer: z.string(),
  hasAccount: z.boolean(),
  status: z.string(),
  currency: z.string(),
  amountCents: cents,
  dueCents: cents,
  emissionDate: z.number().int(),
  dueDate: z.number().int(),
  daysLate: z.number().int(),
  bucket: ageingBucketSchema,
  reminders: z.number().int(),
  lastReminderAt: z.number().int().nullable(),
});
export type ReceivableBill = z.infer<typeof receivableBillSchema>;

export const renewalSchema = z.object({
  productId: z.number().int(),
  billId: z.number().int(),
  customerId: z.number().int(),
  customer: z.string(),
  hasAccount: z.boolean(),
  catalogItemId: z.number().int(),
  product: z.string(),
  code: z.string(),
  endDate: z.number().int(),
  /** Days until the end (negative: ended that many days ago). */
  daysLeft: z.number().int(),
  /** What a renewal buys: the product's catalog item, or the bundle it was sold in. */
  renewalItem: z.string(),
  /** The catalog item's price today for one unit, tax included as the shop shows it; null when the item is gone. */
  renewalCents: cents.nullable(),
  currency: z.string(),
  reminders: z.number().int(),
  lastReminderAt: z.number().int().nullable(),
});
export type Renewal = z.infer<typeof renewalSchema>;

export const reminderKindSchema = z.enum(['payment', 'renewal']);
export type ReminderKind = z.infer<typeof reminderKindSchema>;
export const reminderLanguageSchema = z.enum(['fr', 'en']);
export type ReminderLanguage = z.infer<typeof reminderLanguageSchema>;

export const reminderRecordSchema = z.object({
  id: z.number().int(),
  billId: z.number().int(),
  productId: z.number().int().nullable(),
  kind: reminderKindSchema,
  channel: z.enum(['moodle', 'mailmerge']),
  language: reminderLanguageSchema,
  amountCents: cents,
  currency: z.string(),
  text: z.string(),
  outcome: z.enum(['sent', 'failed', 'exported']),
  error: z.string().nullable(),
  createdAt: z.number().int(),
});
export type ReminderRecord = z.infer<typeof reminderRecordSchema>;

/** What a reminder is about: bills (payment) or products (renewal), at most 500 at once. */
const targets = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('payment'), billIds: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  z.object({ kind: z.literal('renewal'), productIds: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
]);

export const reminderMessageSchema = z.object({
  billId: z.number().int(),
  productId: z.number().int().nullable(),
  customerId: z.number().int(),
  customer: z.string(),
  email: z.string(),
  /** The customer's Moodle account, 0 when none: then only the mail-merge file can carry the reminder. */
  moodleUserId: z.number().int(),
  amountCents: cents,
  currency: z.string(),
  text: z.string(),
});
export type ReminderMessage = z.infer<typeof reminderMessageSchema>;

const asOf = z.number().int().positive().optional();

export const followupCommands = {
  'followup.receivables': command(
    'Unpaid and partly paid bills by age, per customer and currency, with totals per currency',
    z.object({ asOf }).strict(),
    z.object({
      asOf: z.number().int(),
      termDays: z.number().int(),
      customers: z.array(receivableCustomerSchema),
      /** More customers owe than the list holds (the largest debts first). */
      truncated: z.boolean(),
      totals: z.array(z.object({ currency: z.string(), bills: z.number().int(), buckets, totalCents: cents })),
    }),
  ),
  'followup.receivableBills': command(
    'The receivable bills, most overdue first, of one customer or of all',
    z.object({ asOf, customerId: z.number().int().positive().optional(), bucket: ageingBucketSchema.optional() }).strict(),
    z.object({ asOf: z.number().int(), bills: z.array(receivableBillSchema), truncated: z.boolean() }),
  ),
  'followup.renewals': command(
    'Products ending in the next days, and those ended without renewal, with the price of a renewal today',
    z
      .object({ asOf, horizonDays: z.number().int().min(1).max(366), endedWithinDays: z.number().int().min(0).max(3660).default(90) })
      .strict(),
    z.object({ asOf: z.number().int(), renewals: z.array(renewalSchema), truncated: z.boolean() }),
  ),
  'followup.exportRenewalsXlsx': command(
    'Writes the renewals list to an XLSX file',
    z
      .object({
        asOf,
        horizonDays: z.number().int().min(1).max(366),
        endedWithinDays: z.number().int().min(0).max(3660).default(90),
        language: reminderLanguageSchema,
        /** An absolute path ending in .xlsx, in an existing folder. */
        target: z.string().min(1),
      })
      .strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
  'reminders.preview': command(
    'The reminders as they would be sent, from the template in the settings',
    z.object({ targets, language: reminderLanguageSchema, asOf }).strict(),
    z.object({ messages: z.array(reminderMessageSchema) }),
  ),
  'reminders.send': command(
    "Sends the reminders as Moodle messages to the customers' accounts and records each on its bill",
    z.object({ targets, language: reminderLanguageSchema, asOf }).strict(),
    z.object({
      sent: z.number().int(),
      failed: z.array(z.object({ billId: z.number().int(), customer: z.string(), error: z.string() })),
      /** Customers without a Moodle account: nothing sent; the mail-merge file is for them. */
      noAccount: z.number().int(),
    }),
  ),
  'reminders.exportMailMerge': command(
    'Writes the reminders as a mail-merge file (CSV or XLSX) and records each on its bill',
    z
      .object({
        targets,
        language: reminderLanguageSchema,
        asOf,
        format: z.enum(['csv', 'xlsx']),
        /** An absolute path of a file to write (its folder must exist). */
        target: z.string().min(1),
        /** Only the customers without a Moodle account (the others get a message). */
        withoutAccountOnly: z.boolean().default(true),
      })
      .strict(),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
  'reminders.ofBill': command(
    'The reminders recorded on a bill, latest first',
    z.object({ billId: z.number().int().positive() }).strict(),
    z.object({ reminders: z.array(reminderRecordSchema) }),
  ),
};
