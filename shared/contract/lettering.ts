import { z } from 'zod';
import { uploadIdSchema } from './uploads';
import { command, event } from './define';

/**
 * Letter-matching: the shop's bills (proformas) against the formal invoices of the accounting software,
 * imported from its FEC file, a CSV or an XLSX. A match records which invoice each bill became; its lettering
 * (the invoice number) goes to the bill's idnumber through the outbox.
 */

/**
 * A file to import: a path the core reads (CLI, scripts), a file a window sent with uploads.* (any size), or
 * a small file's bytes inline.
 */
export const letteringSourceSchema = z.union([
  z.object({ file: z.string().min(1).max(4096) }).strict(),
  z.object({ upload: uploadIdSchema }).strict(),
  z
    .object({
      name: z.string().min(1).max(255),
      /** The file's bytes, base64: the window reads the file the operator picked. */
      base64: z.string().max(10_000_000),
    })
    .strict(),
]);
export type LetteringSource = z.infer<typeof letteringSourceSchema>;

/** The invoice fields a CSV or XLSX column can give. */
export const mappingFields = ['reference', 'date', 'customer', 'amount', 'debit', 'credit', 'label', 'email', 'currency'] as const;
export type MappingField = (typeof mappingFields)[number];

/** Which column (0-based) holds each field; amount, or debit and credit. */
export const columnMappingSchema = z
  .object({
    reference: z.number().int().min(0),
    date: z.number().int().min(0),
    customer: z.number().int().min(0),
    amount: z.number().int().min(0).optional(),
    debit: z.number().int().min(0).optional(),
    credit: z.number().int().min(0).optional(),
    label: z.number().int().min(0).optional(),
    email: z.number().int().min(0).optional(),
    currency: z.number().int().min(0).optional(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importFormatSchema = z.enum(['fec', 'csv', 'xlsx']);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/**
 * Why a row was refused: a stable code and its parameters, which the window puts in words in the operator's
 * language; `message` says the same in English for the CLI and the log.
 */
const problemOf = <C extends string, P extends z.ZodRawShape>(code: C, params: P) =>
  z.object({ line: z.number().int(), code: z.literal(code), params: z.object(params), message: z.string() });
export const importProblemSchema = z.discriminatedUnion('code', [
  /** NUL bytes (UTF-16 or not text), or UTF-8 mixed with another encoding. */
  problemOf('encoding', { reason: z.enum(['binary', 'mixed']) }),
  /**
   * The FEC header is not the legal columns in order. With the right number of columns, `column` (1-based)
   * says the first one that is not where the norm puts it: `name` found there, `expectedName` the norm's.
   */
  problemOf('header', {
    expected: z.number().int(),
    found: z.number().int(),
    column: z.number().int().optional(),
    name: z.string().optional(),
    expectedName: z.string().optional(),
  }),
  /**
   * `separator` for a FEC; null when a CSV or sheet row is wider than its header. `quoted`: the FEC's fields
   * are in quotes and this line has some, so a quoted field may hold the separator, which a FEC cannot carry.
   */
  problemOf('columns', {
    expected: z.number().int(),
    found: z.number().int(),
    separator: z.enum(['tab', 'pipe']).nullable(),
    quoted: z.boolean().optional(),
  }),
  problemOf('amount', { column: z.string(), value: z.string() }),
  /** `formats`: YYYYMMDD for a FEC; YYYY-MM-DD, DD/MM/YYYY or YYYYMMDD for a CSV or sheet. */
  problemOf('date', { column: z.string(), value: z.string(), formats: z.enum(['fec', 'tabular']) }),
  /** `field` when the column is the invoice number or the customer, null for another FEC column. */
  problemOf('required', { column: z.string(), field: z.enum(['reference', 'customer']).nullable() }),
  problemOf('tooLong', { column: z.string(), value: z.string(), max: z.number().int() }),
  problemOf('unbalanced', { journal: z.string(), entry: z.string(), differenceCents: z.number().int() }),
  problemOf('duplicate', { reference: z.string(), firstLine: z.number().int() }),
  /** `headerOnly`: a header and no row; else nothing at all. */
  problemOf('empty', { headerOnly: z.boolean() }),
  /** No mapping known for these headers, or one that does not fit the file. */
  problemOf('mapping', { reason: z.enum(['none', 'misfit']) }),
]);
export type ImportProblem = z.infer<typeof importProblemSchema>;
export type ImportProblemCode = ImportProblem['code'];

export const importPreviewSchema = z.object({
  format: importFormatSchema,
  /** Names the kind of file (its header row), so its column mapping is remembered for the next one. */
  sourceKey: z.string(),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  /** The mapping remembered for this source, else one guessed from the headers; null for FEC (fixed columns). */
  mapping: columnMappingSchema.nullable(),
  remembered: z.boolean(),
  rows: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const reasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('sameAmount'), cents: z.number().int(), currency: z.string() }),
  z.object({
    code: z.literal('amountDiffers'),
    billCents: z.number().int(),
    invoiceCents: z.number().int(),
    currency: z.string(),
  }),
  z.object({ code: z.literal('sameCustomer'), via: z.enum(['name', 'organisation', 'email']) }),
  z.object({ code: z.literal('otherCustomer'), bill: z.string(), invoice: z.string() }),
  z.object({ code: z.literal('reference'), value: z.string() }),
  z.object({ code: z.literal('days'), days: z.number().int() }),
  z.object({ code: z.literal('ambiguous'), count: z.number().int() }),
  z.object({ code: z.literal('alreadyLettered'), idnumber: z.string() }),
  z.object({ code: z.literal('sumOfBills'), count: z.number().int() }),
  /** Several invoices add up to the bill (one bill invoiced in parts). */
  z.object({ code: z.literal('sumOfInvoices'), count: z.number().int() }),
  /** The bill is not paid yet (its state): a match waits for the payment before its lettering goes to the shop. */
  z.object({ code: z.literal('awaitingPayment'), status: z.string() }),
]);
export type MatchReason = z.infer<typeof reasonSchema>;

export const matchRules = [
  'lettered',
  'reference',
  'amountCustomer',
  'referenceOtherCustomer',
  'referenceOtherAmount',
  'ambiguous',
  'nearAmount',
  'amountOtherCustomer',
  'customerBills',
  'customerInvoices',
  'manual',
] as const;
export type MatchRule = (typeof matchRules)[number];

export const suggestionSchema = z.object({
  /** Stable while the open items do not change: "b12,b13|i7". */
  key: z.string(),
  /** Only exact suggestions may be accepted without looking; the others are to check. */
  kind: z.enum(['exact', 'check']),
  rule: z.enum(matchRules),
  score: z.number().int(),
  billIds: z.array(z.number().int()),
  invoiceIds: z.array(z.number().int()),
  reasons: z.array(reasonSchema),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A bill to match: paid or partly paid, or an order awaiting its payment (its `status` says which). */
export const openBillSchema = z.object({
  id: z.number().int(),
  transactionid: z.string(),
  status: z.string(),
  emissiondate: z.number().int(),
  amountcents: z.number().int(),
  /** What is not yet allocated to a match. */
  remainingCents: z.number().int(),
  currency: z.string(),
  customer: z.string(),
  organisation: z.string(),
  email: z.string(),
});
export type OpenBill = z.infer<typeof openBillSchema>;

export const openInvoiceSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  date: z.number().int(),
  customer: z.string(),
  label: z.string(),
  amountcents: z.number().int(),
  remainingCents: z.number().int(),
  currency: z.string(),
});
export type OpenInvoice = z.infer<typeof openInvoiceSchema>;

/** A credit note the shop issued, not matched yet with the credit note of the accounting software. */
export const openCreditNoteSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  billId: z.number().int(),
  invoiceNumber: z.string(),
  issuedat: z.number().int(),
  /** Negative: what it takes off the customer's account, as the imported credit notes are. */
  amountcents: z.number().int(),
  currency: z.string(),
  customer: z.string(),
});
export type OpenCreditNote = z.infer<typeof openCreditNoteSchema>;

/** A credit note of the shop and a credit note imported (a negative invoice) that look like one another. */
export const creditSuggestionSchema = z.object({
  key: z.string(),
  kind: z.enum(['exact', 'check']),
  rule: z.enum(matchRules),
  creditNoteId: z.number().int(),
  invoiceId: z.number().int(),
  reasons: z.array(reasonSchema),
});
export type CreditSuggestion = z.infer<typeof creditSuggestionSchema>;

export const matchViewSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  state: z.enum(['open', 'closed']),
  rule: z.enum(matchRules),
  toleranceCents: z.number().int(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  bills: z.array(
    z.object({
      id: z.number().int(),
      transactionid: z.string(),
      customer: z.string(),
      allocatedCents: z.number().int(),
      idnumber: z.string(),
    }),
  ),
  invoices: z.array(z.object({ id: z.number().int(), reference: z.string(), customer: z.string(), allocatedCents: z.number().int() })),
  /** The shop's credit notes of the match (a credit note matched with an imported one), allocations negative. */
  creditNotes: z.array(z.object({ id: z.number().int(), number: z.string(), allocatedCents: z.number().int() })),
  currency: z.string(),
  /** Bills' allocations minus invoices': 0 when balanced. */
  balanceCents: z.number().int(),
  /**
   * The lettering of the bills is waiting in the outbox, refused, or acknowledged by the shop; or the match
   * balances but a bill is not paid yet, and its lettering goes to the shop once a sync brings it paid.
   */
  pushed: z.enum(['pending', 'parked', 'conflict', 'done', 'none', 'awaitingPayment']),
  /** The shop's reason when it refused a lettering (e.g. another bill holds that number there). */
  pushedMessage: z.string().nullable(),
});
export type MatchView = z.infer<typeof matchViewSchema>;

/** What a log entry records, by action: the window words it in the operator's language. */
export const logWhatSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('import'),
    file: z.string(),
    format: importFormatSchema,
    encoding: z.string().nullable(),
    invoices: z.number().int(),
    skipped: z.number().int(),
  }),
  z.object({
    action: z.literal('match'),
    currency: z.string(),
    rule: z.enum(matchRules),
    bills: z.array(z.object({ id: z.number().int(), cents: z.number().int() })),
    invoices: z.array(z.object({ reference: z.string(), cents: z.number().int() })),
    /** The shop's credit notes of a credit note match. */
    creditNotes: z.array(z.object({ number: z.string(), cents: z.number().int() })).optional(),
  }),
  z.object({
    action: z.literal('close'),
    currency: z.string(),
    /** Bills minus invoices; 0 when balanced to the cent. */
    differenceCents: z.number().int(),
    toleranceCents: z.number().int(),
    /** The letterings queued; empty when the shop already had them. */
    letterings: z.array(z.string()),
  }),
  z.object({ action: z.literal('unmatch'), code: z.string(), letterings: z.array(z.string()), note: z.string() }),
]);
export type LogWhat = z.infer<typeof logWhatSchema>;

/** Names a running import, as exportId names an export: made up by the window, or by the core for a script. */
const importIdSchema = z.string().min(8).max(64);

const allocationSchema = z.object({ id: z.number().int().positive(), allocatedCents: z.number().int().optional() }).strict();

export const letteringCommands = {
  'lettering.preview': command(
    'Read a file of formal invoices (FEC, CSV or XLSX) without importing it: its columns, a sample, the remembered mapping',
    z.object({ source: letteringSourceSchema }).strict(),
    importPreviewSchema,
  ),
  'lettering.import': command(
    'Import formal invoices from a FEC, CSV or XLSX file; the whole file or nothing (lettering_file_invalid lists the rows)',
    z
      .object({
        source: letteringSourceSchema,
        mapping: columnMappingSchema.optional(),
        /** Names the import for lettering.cancelImport and the lettering.progressed events; the core picks one if left out. */
        importId: importIdSchema.optional(),
      })
      .strict(),
    z.object({
      importId: z.number().int(),
      format: importFormatSchema,
      encoding: z.string().nullable(),
      invoices: z.number().int(),
      /** Invoices already imported from an earlier file (same reference): left as they are. */
      skipped: z.number().int(),
      lines: z.number().int(),
    }),
  ),
  'lettering.cancelImport': command(
    'Stop an import in progress: nothing of the file is imported (lettering_import_cancelled)',
    z.object({ importId: importIdSchema }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'lettering.overview': command(
    'The unmatched bills and invoices, and the suggestions with their reasons',
    z.object({}).strict(),
    z.object({
      bills: z.array(openBillSchema),
      invoices: z.array(openInvoiceSchema),
      suggestions: z.array(suggestionSchema),
      /** The shop's credit notes not matched yet, and their suggestions with the imported credit notes. */
      creditNotes: z.array(openCreditNoteSchema),
      creditSuggestions: z.array(creditSuggestionSchema),
      matchedCount: z.number().int(),
      /** Matches that balance but wait for a bill's payment: their lettering goes to the shop once it is paid. */
      awaitingPaymentCount: z.number().int(),
      ms: z.number().int(),
    }),
  ),
  'lettering.match': command(
    'Match bills with invoices (a suggestion accepted, or chosen by hand); closes when it balances to the cent or within the tolerance',
    z
      .object({
        bills: z.array(allocationSchema).min(1).max(500),
        invoices: z.array(allocationSchema).min(1).max(500),
        toleranceCents: z.number().int().min(0).max(100_000).default(0),
        rule: z.enum(matchRules).default('manual'),
      })
      .strict(),
    matchViewSchema,
  ),
  'lettering.acceptExact': command(
    'Accept every exact suggestion at once, for bills and for credit notes (the others stay to check); with `keys`, only those the operator was shown and confirmed',
    z
      .object({
        /**
         * The suggestions' keys as the window listed them when asking to confirm: an exact suggestion that
         * appeared since (a sync, another window) is left for the operator to see. All exact ones when absent.
         */
        keys: z.array(z.string().max(2000)).max(200_000).optional(),
      })
      .strict(),
    z.object({ accepted: z.number().int(), bills: z.number().int(), creditNotes: z.number().int() }),
  ),
  'lettering.matchCreditNote': command(
    'Match a credit note of the shop with the imported credit note (a negative invoice) of the accounting software; their amounts must agree to the cent',
    z
      .object({
        creditNoteId: z.number().int().positive(),
        invoiceId: z.number().int().positive(),
        rule: z.enum(matchRules).default('manual'),
      })
      .strict(),
    matchViewSchema,
  ),
  'lettering.unmatch': command(
    "Undo a match: its items are open again, and the bills' lettering is removed on the shop",
    z.object({ id: z.number().int().positive(), note: z.string().max(500).default('') }).strict(),
    z.object({ id: z.number().int() }),
  ),
  'lettering.matches': command(
    'The matches, newest first, optionally those naming a bill, an invoice or a customer',
    z.object({ search: z.string().max(200).default(''), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    z.object({ matches: z.array(matchViewSchema), total: z.number().int() }),
  ),
  'lettering.log': command(
    'Who matched and unmatched what, and when; newest first',
    z.object({ limit: z.number().int().min(1).max(5000).default(200) }).strict(),
    z.array(
      z.object({
        at: z.number().int(),
        who: z.string(),
        action: z.enum(['import', 'match', 'close', 'unmatch']),
        matchId: z.number().int().nullable(),
        /** What was done, as parameters the window words per language; null for an entry written as text only. */
        what: logWhatSchema.nullable(),
        /** The same in English, for the CLI and scripts. */
        detail: z.string(),
      }),
    ),
  ),
  'lettering.exportXlsx': command(
    'The lettering (each invoice and the bills it settles) to an XLSX workbook',
    z.object({ file: z.string().min(1).max(4096), locale: z.enum(['fr', 'en']).default('fr') }).strict(),
    z.object({ file: z.string(), rows: z.number().int() }),
  ),
  'lettering.exportFec': command(
    'The imported FEC lines back, with EcritureLet and DateLet filled for the matched invoices',
    z.object({ file: z.string().min(1).max(4096) }).strict(),
    z.object({ file: z.string(), lines: z.number().int(), lettered: z.number().int() }),
  ),
};

export const letteringEvents = {
  'lettering.changed': event('Invoices were imported, or a match made or undone: the Lettering workspace refreshes', z.object({})),
  'lettering.progressed': event(
    'A lettering import moved on: the file checked (its encoding), then read line by line (bytes), then saved',
    z.object({
      importId: z.string(),
      phase: z.enum(['checking', 'reading', 'saving']),
      done: z.number().int(),
      total: z.number().int().nullable(),
    }),
  ),
};
