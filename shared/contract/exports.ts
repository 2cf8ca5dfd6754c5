import { z } from 'zod';
import { billColumns, billColumnSchema, billFilterSchema, billSortSchema } from './bills';
import { command, event } from './define';

/** Which bills: all those matching a filter, or a selection. */
const billSelectionSchema = z.union([
  z.object({ filter: billFilterSchema }).strict(),
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(1_000_000) }).strict(),
]);

/**
 * Names a running export so that exports.cancel and the exports.progressed events can refer to it. The
 * window makes one up before invoking; a nightly script may leave it out and the core picks one.
 */
const exportIdSchema = z.string().min(8).max(64).optional();

/**
 * Electronic invoices (docs/factur-x.md): `facturX` writes each invoice and credit note as Factur-X, a PDF/A-3
 * with its CII XML of the EN 16931 profile embedded; `xml` writes that XML beside it, `<number>.xml`. A proforma
 * (no invoice) stays a plain PDF. Both are one file per document: a folder, or a single document.
 */
const einvoiceOptions = {
  facturX: z.boolean().default(false),
  xml: z.boolean().default(false),
};

export const exportsCommands = {
  'exports.billsXlsx': command(
    'Bills to an XLSX workbook (a sheet of bills, a sheet of lines, a sheet of their credit notes with negative amounts), streamed; returns when written',
    z
      .object({
        exportId: exportIdSchema,
        bills: billSelectionSchema,
        /** The bills table's columns, in this order; all of them by default (nightly scripts). */
        columns: z
          .array(billColumnSchema)
          .min(1)
          .default([...billColumns]),
        /** The order of the rows (the table's current sort); bill id ascending by default. */
        sort: billSortSchema.optional(),
        /** Absolute path of the .xlsx to write; its folder must exist. */
        file: z.string().min(1).max(4096),
        locale: z.enum(['fr', 'en']).default('fr'),
      })
      .strict(),
    z.object({ exportId: z.string(), file: z.string(), bills: z.number().int(), lines: z.number().int(), creditNotes: z.number().int() }),
  ),
  'exports.invoicesPdf': command(
    'PDF invoices for one bill or a batch: one file, or one file per bill in a folder',
    z
      .object({
        exportId: exportIdSchema,
        ids: z.array(z.number().int().positive()).min(1).max(100_000),
        /** A .pdf file (one document), or a folder (one file per bill). */
        target: z.union([
          z.object({ file: z.string().min(1).max(4096) }).strict(),
          z.object({ folder: z.string().min(1).max(4096) }).strict(),
        ]),
        locale: z.enum(['fr', 'en']).default('fr'),
        ...einvoiceOptions,
      })
      .strict(),
    z.object({ exportId: z.string(), files: z.array(z.string()), invoices: z.number().int() }),
  ),
  'exports.stageDownload': command(
    'Browser mode: a temporary place to write an export to, which the page then downloads once from GET /api/downloads/<downloadId> (a folder comes as one zip)',
    z
      .object({
        /** The name the download will carry, e.g. bills-2026-03-03-1405.xlsx; a folder's name for one file per bill. */
        name: z.string().min(1).max(255),
        folder: z.boolean().default(false),
      })
      .strict(),
    z.object({ downloadId: z.string(), path: z.string() }),
  ),
  'exports.creditNotesPdf': command(
    'PDF credit notes (factures d’avoir) issued by the shop: one file, or one file per credit note in a folder, named by its number',
    z
      .object({
        exportId: exportIdSchema,
        /** Credit note ids (bills.get lists a bill's). */
        ids: z.array(z.number().int().positive()).min(1).max(100_000),
        target: z.union([
          z.object({ file: z.string().min(1).max(4096) }).strict(),
          z.object({ folder: z.string().min(1).max(4096) }).strict(),
        ]),
        locale: z.enum(['fr', 'en']).default('fr'),
        ...einvoiceOptions,
      })
      .strict(),
    z.object({ exportId: z.string(), files: z.array(z.string()), creditNotes: z.number().int() }),
  ),
  'exports.month': command(
    'A month of invoices and credit notes in one step: one file per document in a folder, named by its number (Factur-X and the XML on demand); returns when written',
    z
      .object({
        exportId: exportIdSchema,
        /** YYYY-MM: invoices issued (and credit notes issued) that month, in the machine's time zone. */
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM, such as 2026-11'),
        folder: z.string().min(1).max(4096),
        locale: z.enum(['fr', 'en']).default('fr'),
        ...einvoiceOptions,
      })
      .strict(),
    z.object({ exportId: z.string(), files: z.array(z.string()), invoices: z.number().int(), creditNotes: z.number().int() }),
  ),
  'exports.cancel': command(
    'Stop an export in progress; the partial file is removed',
    z.object({ exportId: z.string().min(8).max(64) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
};

export const exportsEvents = {
  'exports.progressed': event(
    'An export moved on',
    z.object({
      exportId: z.string(),
      done: z.number().int(),
      total: z.number().int().nullable(),
      phase: z.enum(['bills', 'lines', 'invoices', 'finishing']),
    }),
  ),
};
