import { refusal } from '../../shared/errors/error-text';
import type { CommandsFor } from '../core/commands';
import type { ReadableDb } from '../db/open';
import type { CoreServices } from '../core/services';
import { resolveBillIds } from './bill-selection';
import { writeBillsXlsx } from './bills-xlsx';
import { ExportJobs } from './export-jobs';
import { checkFileTarget, checkFolderTarget, checkPdfTarget } from './export-target';
import { writeInvoicesPdf } from './invoice-pdf';
import { stageDownload } from './staged-downloads';
import { writeCreditNotesPdf } from './credit-notes-pdf';
import { writeMonthDocuments } from './month-documents';

type ExportsCommandName =
  'exports.billsXlsx' | 'exports.invoicesPdf' | 'exports.creditNotesPdf' | 'exports.month' | 'exports.stageDownload' | 'exports.cancel';

/**
 * Exports of the active site's cache. Each command answers when its files are written (the CLI's nightly
 * exports need exactly that), reporting progress meanwhile as exports.progressed events; exports.cancel,
 * sent while one runs, makes it fail with export_cancelled and leave no file behind.
 */
export function exportsCommands(services: CoreServices): CommandsFor<ExportsCommandName> {
  const jobs = new ExportJobs(services.bus);
  return {
    'exports.billsXlsx': (input) =>
      jobs.run(input.exportId, async (job) => {
        // The target first: a wrong path is refused before any work.
        const file = checkFileTarget(input.file, '.xlsx');
        const written = await services.activeSite().snapshot(async (db) => {
          const ids = resolveBillIds(db, input.bills, input.sort);
          return writeBillsXlsx({ db, ids, columns: input.columns, file, locale: input.locale, job });
        });
        services.logger.info('bills exported to XLSX', { exportId: job.exportId, bills: written.bills, lines: written.lines });
        return { exportId: job.exportId, file, ...written };
      }),
    'exports.invoicesPdf': (input) =>
      jobs.run(input.exportId, async (job) => {
        const target = checkPdfTarget(input.target);
        const site = services.activeSite();
        const invoicing = services.invoicing.get(site.profileId);
        const written = await site.snapshot(async (db) => {
          const ids = resolveBillIds(db, { ids: input.ids });
          return writeInvoicesPdf({
            db,
            ids,
            target,
            locale: input.locale,
            invoicing,
            job,
            einvoice: { facturX: input.facturX, xml: input.xml },
          });
        });
        services.logger.info('invoices exported to PDF', {
          exportId: job.exportId,
          invoices: written.invoices,
          files: written.files.length,
        });
        return { exportId: job.exportId, ...written };
      }),
    'exports.stageDownload': ({ name, folder }) => stageDownload(services.dataDir.downloadsDir, name, folder),
    'exports.creditNotesPdf': (input) =>
      jobs.run(input.exportId, async (job) => {
        const target = checkPdfTarget(input.target);
        const site = services.activeSite();
        const invoicing = services.invoicing.get(site.profileId);
        const written = await site.snapshot(async (db) => {
          const missing = missingCreditNotes(db, input.ids);
          if (missing.length > 0) {
            const shown = `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}`;
            throw refusal(
              'export_bills_missing',
              'export.creditNotesMissing',
              { count: missing.length, shown },
              { missing: missing.slice(0, 1000), count: missing.length },
            );
          }
          return writeCreditNotesPdf({
            db,
            ids: input.ids,
            target,
            locale: input.locale,
            invoicing,
            job,
            einvoice: { facturX: input.facturX, xml: input.xml },
          });
        });
        services.logger.info('credit notes exported to PDF', { exportId: job.exportId, creditNotes: written.creditNotes });
        return { exportId: job.exportId, ...written };
      }),
    'exports.month': (input) =>
      jobs.run(input.exportId, async (job) => {
        const folder = checkFolderTarget(input.folder);
        const site = services.activeSite();
        const invoicing = services.invoicing.get(site.profileId);
        const written = await site.snapshot((db) =>
          writeMonthDocuments({
            db,
            month: input.month,
            folder,
            locale: input.locale,
            invoicing,
            job,
            einvoice: { facturX: input.facturX, xml: input.xml },
          }),
        );
        services.logger.info('a month of documents exported', { exportId: job.exportId, month: input.month, files: written.files.length });
        return { exportId: job.exportId, ...written };
      }),
    'exports.cancel': ({ exportId }) => ({ cancelled: jobs.cancel(exportId) }),
  };
}

/** Credit notes asked for that the cache does not have (not synced yet, or a rebuilt cache). */
function missingCreditNotes(db: ReadableDb, ids: readonly number[]): number[] {
  const known = new Set(
    db
      .prepare<[string], number>('SELECT id FROM bill_credit_note WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)),
  );
  return ids.filter((id) => !known.has(id));
}
