import { z } from 'zod';
import { billFilterSchema, billStatusSchema } from './bills';
import { command } from './define';

/**
 * The dashboard's figures (docs/dashboard.md says what each one means). Every amount is integer cents in the
 * currency asked for; every figure carries the bills filter that lists the bills behind it in Bills.
 */

/** The stages a bill waits at before it is done: placed, waiting for its payment, paid but not produced yet. */
export const dashboardStages = ['PLACED', 'PENDING', 'SOLDOUT'] as const;

/** The longest period the core adds up, in seconds: three years of 366 days (the window checks it too). */
export const dashboardMaxPeriodSeconds = 3 * 366 * 86_400;

export const dashboardQuerySchema = z
  .object({
    /** The period, Unix seconds, inclusive; at most 3 years (the month chart has a bar per month). */
    from: z.number().int(),
    to: z.number().int(),
    /** One shop, or every shop. */
    shopId: z.number().int().positive().optional(),
    /** ISO 4217 code: amounts in two currencies are never added up. Left out: the shop's (the first shop's) currency. */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR')
      .optional(),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'the period must end after it starts', path: ['to'] })
  .refine((q) => q.to - q.from <= dashboardMaxPeriodSeconds, { message: 'a period of at most three years', path: ['to'] });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const cents = z.number().int();

export const dashboardMonthSchema = z.object({
  /** The month's first and last second (local time of the core), for its bills filter. */
  from: z.number().int(),
  to: z.number().int(),
  invoicedCents: cents,
  cashedCents: cents,
  /** The same month a year before. */
  lastYearInvoicedCents: cents,
  lastYearCashedCents: cents,
  invoicedFilter: billFilterSchema,
  cashedFilter: billFilterSchema,
  lastYearInvoicedFilter: billFilterSchema,
  lastYearCashedFilter: billFilterSchema,
});

/** One bar of a "top 10 and the rest" chart; the rest has no key and no filter. */
export const dashboardShareSchema = z.object({
  key: z.string(),
  label: z.string(),
  cents,
  filter: billFilterSchema.nullable(),
});

export const dashboardSummarySchema = z.object({
  /** The currency of every amount: the one asked for, or the one chosen for the operator. */
  currency: z.string(),
  /** What the operator can choose from: the shops and the currencies the cache holds. */
  shops: z.array(z.object({ id: z.number().int(), name: z.string(), currency: z.string() })),
  currencies: z.array(z.string()),
  months: z.array(dashboardMonthSchema),
  totals: z.object({
    invoicedCents: cents,
    /** Invoices emitted in the period (the average basket's divisor). */
    invoicedBills: z.number().int(),
    creditedCents: cents,
    cashedCents: cents,
    refundedCents: cents,
    /** Invoiced (net of credit notes) over the invoices emitted; 0 without invoices. */
    averageBasketCents: cents,
    invoicedFilter: billFilterSchema,
    cashedFilter: billFilterSchema,
  }),
  byCatalog: z.array(dashboardShareSchema),
  byProduct: z.array(dashboardShareSchema),
  byCustomer: z.array(dashboardShareSchema),
  stages: z.array(z.object({ status: billStatusSchema, bills: z.number().int(), cents, filter: billFilterSchema })),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardCommands = {
  'dashboard.summary': command(
    'The dashboard: invoiced and cashed per month beside last year, by catalog, product and customer, average basket, bills waiting per stage',
    dashboardQuerySchema,
    dashboardSummarySchema,
  ),
  'dashboard.exportXlsx': command(
    "The dashboard's figures as an XLSX workbook (a sheet per chart), written to a file the window chose (save-target.ts)",
    z
      .object({
        query: dashboardQuerySchema,
        /** Absolute path of the .xlsx to write; its folder must exist. */
        file: z.string().min(1).max(4096),
        locale: z.enum(['fr', 'en']).default('fr'),
      })
      .strict(),
    z.object({ file: z.string() }),
  ),
} as const;
