import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ReadableDb } from '../db/open';
import type {
  BillTableRow,
  LetteringFecLineTableRow,
  LetteringImportTableRow,
  LetteringInvoiceTableRow,
  LetteringLinkTableRow,
  LetteringMatchTableRow,
} from '../db/tables';
import { checkFileTarget, checkFolderTarget } from '../exports/export-target';
import {
  amountOf,
  currencyFormat,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  safeText,
  spreadsheetDate,
  type ExportLocale,
} from '../exports/spreadsheet-cells';
import { FEC, FEC_COLUMNS, toFecDate } from './fec-format';
import { matchCode } from '../../shared/lettering/match-code';
import { refusal } from '../../shared/errors/error-text';

/** Writes under a temporary name and renames at the end: never a half-written file under the asked name. */
async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await write(temporary);
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

const HEADERS: Record<ExportLocale, string[]> = {
  fr: [
    'Lettrage',
    'État',
    'Facture',
    'Date facture',
    'Client (comptabilité)',
    'Montant facture',
    'Montant lettré',
    'Proforma',
    'Transaction',
    'Client (boutique)',
    'Montant proforma lettré',
    'Lettrage boutique',
    'Lettré le',
    'Par',
    'Avoir (boutique)',
  ],
  en: [
    'Lettering',
    'State',
    'Invoice',
    'Invoice date',
    'Customer (accounting)',
    'Invoice amount',
    'Amount matched',
    'Bill',
    'Transaction',
    'Customer (shop)',
    'Bill amount matched',
    'Shop lettering',
    'Matched on',
    'By',
    'Credit note (shop)',
  ],
};

/** A row of the lettering sheet: a match, one of its invoices, and one of its bills (or the shop's credit note). */
type LetteringSheetRow = Pick<LetteringMatchTableRow, 'id' | 'state' | 'currency'> &
  Pick<LetteringInvoiceTableRow, 'reference'> &
  Pick<LetteringLinkTableRow, 'lettering'> & {
    createdAt: LetteringMatchTableRow['created_at'];
    createdBy: LetteringMatchTableRow['created_by'];
    invoiceDate: LetteringInvoiceTableRow['invoice_date'];
    invoiceCustomer: LetteringInvoiceTableRow['customer'];
    invoiceCents: LetteringInvoiceTableRow['amountcents'];
    invoiceAllocated: LetteringLinkTableRow['allocated_cents'];
    /** The bill's, or the credit note's bill (NULL when the credit note is no longer in the cache). */
    billId: LetteringLinkTableRow['bill_id'];
    transactionid: BillTableRow['transactionid'];
    billCustomer: string;
    billAllocated: LetteringLinkTableRow['allocated_cents'];
    creditNote: string;
  };

/**
 * One row per invoice × bill of every match in force: what each formal invoice settles. A credit note of the
 * shop matched with the accounting's credit note is one row too, its bill's, its amounts negative, its number
 * in the last column.
 */
export async function writeLetteringXlsx(db: ReadableDb, target: string, locale: ExportLocale): Promise<{ file: string; rows: number }> {
  const file = checkFileTarget(target, '.xlsx');
  const rows = db
    .prepare<[], LetteringSheetRow>(
      `SELECT * FROM (
         SELECT m.id, m.state, m.currency, m.created_at AS createdAt, m.created_by AS createdBy,
                i.reference, i.invoice_date AS invoiceDate, i.customer AS invoiceCustomer, i.amountcents AS invoiceCents, li.allocated_cents AS invoiceAllocated,
                lb.bill_id AS billId, coalesce(b.transactionid, '') AS transactionid,
                coalesce(nullif(c.organisation, ''), trim(c.firstname || ' ' || c.lastname), '') AS billCustomer,
                lb.allocated_cents AS billAllocated, lb.lettering, '' AS creditNote
         FROM lettering_match m
         JOIN lettering_link li ON li.match_id = m.id AND li.invoice_id IS NOT NULL
         JOIN lettering_invoice i ON i.id = li.invoice_id
         JOIN lettering_link lb ON lb.match_id = m.id AND lb.bill_id IS NOT NULL
         LEFT JOIN bill b ON b.id = lb.bill_id LEFT JOIN customer c ON c.id = b.customerid
         WHERE m.state <> 'undone'
         UNION ALL
         SELECT m.id, m.state, m.currency, m.created_at, m.created_by,
                i.reference, i.invoice_date, i.customer, i.amountcents, li.allocated_cents,
                n.billid, coalesce(b.transactionid, ''),
                coalesce(nullif(c.organisation, ''), trim(c.firstname || ' ' || c.lastname), ''),
                k.allocated_cents, '', k.number
         FROM lettering_match m
         JOIN lettering_credit_link k ON k.match_id = m.id
         JOIN lettering_link li ON li.match_id = m.id AND li.invoice_id IS NOT NULL
         JOIN lettering_invoice i ON i.id = li.invoice_id
         LEFT JOIN bill_credit_note n ON n.id = k.credit_note_id
         LEFT JOIN bill b ON b.id = n.billid LEFT JOIN customer c ON c.id = b.customerid
         WHERE m.state <> 'undone'
       ) ORDER BY id, reference, billId`,
    )
    .all();
  await writeAtomically(file, async (temporary) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(locale === 'fr' ? 'Lettrage' : 'Lettering', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(HEADERS[locale]).font = { bold: true };
    const states = locale === 'fr' ? { open: 'Partiel', closed: 'Soldé' } : { open: 'Partial', closed: 'Balanced' };
    for (const r of rows) {
      const row = sheet.addRow([
        matchCode(r.id),
        states[r.state as 'open' | 'closed'],
        safeText(r.reference),
        spreadsheetDate(r.invoiceDate),
        safeText(r.invoiceCustomer),
        amountOf(r.invoiceCents),
        amountOf(r.invoiceAllocated),
        r.billId,
        safeText(r.transactionid),
        safeText(r.billCustomer),
        amountOf(r.billAllocated),
        safeText(r.lettering),
        spreadsheetDate(r.createdAt),
        safeText(r.createdBy),
        safeText(r.creditNote),
      ]);
      const money = currencyFormat(r.currency, locale);
      for (const col of [6, 7, 11]) row.getCell(col).numFmt = money;
      row.getCell(4).numFmt = DATE_FORMAT;
      row.getCell(13).numFmt = DATE_TIME_FORMAT;
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: HEADERS[locale].length } };
    sheet.columns.forEach((c, i) => (c.width = [10, 10, 18, 12, 28, 14, 14, 10, 34, 28, 14, 20, 16, 24, 18][i] ?? 14));
    await workbook.xlsx.writeFile(temporary);
  });
  return { file, rows: rows.length };
}

/** An invoice's closed match: `invoice_id IS NOT NULL`, and a closed match has its closing time (matches.ts sets it when it closes). */
type LetterRow = Pick<LetteringMatchTableRow, 'id'> & {
  invoiceId: NonNullable<LetteringLinkTableRow['invoice_id']>;
  closedAt: NonNullable<LetteringMatchTableRow['closed_at']>;
};

/**
 * The FEC lines imported, back in the same columns and separator, with EcritureLet (the match's code) and
 * DateLet (the day it balanced) on the customer-account lines of every invoice in a balanced match. A line
 * the accounting software had already lettered keeps its own lettering: it is the ledger's, not ours to
 * overwrite. Written in UTF-8. The FEC is re-imported every month as it grows: a line an earlier import
 * already held is written once, from the first import that had it (counted, so that two identical lines of
 * one entry stay two).
 */
export async function writeLetteringFec(db: ReadableDb, target: string): Promise<{ file: string; lines: number; lettered: number }> {
  const resolved = path.resolve(target);
  if (!path.isAbsolute(target) || !/\.(txt|fec|csv)$/i.test(resolved))
    throw refusal(
      'export_target_invalid',
      'lettering.fecTarget',
      { path: target },
      {
        target,
      },
    );
  checkFolderTarget(path.dirname(resolved));
  const imports = db
    .prepare<[], Pick<LetteringImportTableRow, 'id' | 'separator'>>(
      "SELECT id, separator FROM lettering_import WHERE format = 'fec' ORDER BY id",
    )
    .all();
  if (imports.length === 0) throw refusal('lettering_no_fec', 'lettering.noFec', {});
  const letters = new Map(
    db
      .prepare<[], LetterRow>(
        `SELECT l.invoice_id AS invoiceId, m.id, m.closed_at AS closedAt FROM lettering_link l
           JOIN lettering_match m ON m.id = l.match_id AND m.state = 'closed' WHERE l.invoice_id IS NOT NULL`,
      )
      .all()
      .map((r) => [r.invoiceId, r]),
  );
  let lines = 0;
  let lettered = 0;
  const separator = imports[0]!.separator || '\t';
  const out: string[] = [FEC_COLUMNS.join(separator)];
  const read = db.prepare<[number], Pick<LetteringFecLineTableRow, 'fields'> & { invoiceId: LetteringFecLineTableRow['invoice_id'] }>(
    'SELECT fields, invoice_id AS invoiceId FROM lettering_fec_line WHERE import_id = ? ORDER BY line',
  );
  /** How many times each line was written by earlier imports. */
  const written = new Map<string, number>();
  for (const imp of imports) {
    const inThisImport = new Map<string, number>();
    for (const row of read.iterate(imp.id)) {
      const seen = (inThisImport.get(row.fields) ?? 0) + 1;
      inThisImport.set(row.fields, seen);
      if (seen <= (written.get(row.fields) ?? 0)) continue;
      const fields = JSON.parse(row.fields) as string[];
      const match = row.invoiceId === null ? undefined : letters.get(row.invoiceId);
      if (match && fields[FEC.EcritureLet]!.trim() === '') {
        fields[FEC.EcritureLet] = matchCode(match.id);
        fields[FEC.DateLet] = toFecDate(match.closedAt);
        lettered += 1;
      }
      out.push(fields.join(separator));
      lines += 1;
    }
    for (const [key, count] of inThisImport) written.set(key, Math.max(count, written.get(key) ?? 0));
  }
  await writeAtomically(resolved, async (temporary) => fs.promises.writeFile(temporary, `${out.join('\r\n')}\r\n`, 'utf8'));
  return { file: resolved, lines, lettered };
}
